// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/repoprovider.h"

#include "git/repository.h"
#include "util/names.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::RepoProvider" context (lupdate reads the macro).
struct RepoProviderText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::RepoProvider)
};

const QString gitSuffix = u".git"_s;

} // namespace

LocalRepoProvider::LocalRepoProvider(WorkspaceConfig config) : m_config(std::move(config)) {}

Result<QStringList> LocalRepoProvider::listProjects() const
{
    const QDir dir(m_config.localPath);
    if (!dir.exists()) {
        return makeError(Error::Code::NotFound,
                         RepoProviderText::tr("The repository folder %1 does not exist; check provider.path in the workspace file.")
                             .arg(QDir::toNativeSeparators(m_config.localPath)));
    }
    QStringList projects;
    const QStringList entries = dir.entryList({m_config.repoPrefix + u'*'}, QDir::Dirs | QDir::NoDotAndDotDot,
                                              QDir::Name);
    for (const QString &entry : entries) {
        QString project = entry.mid(m_config.repoPrefix.size());
        if (project.endsWith(gitSuffix))
            project.chop(gitSuffix.size());
        // The templates repo shares the prefix but is not a DevOps project.
        if (project == u"templates" || !isDnsLabel(project) || projects.contains(project))
            continue;
        projects.append(project);
    }
    return projects;
}

QString LocalRepoProvider::repoUrl(const QString &project) const
{
    const QDir dir(m_config.localPath);
    const QString plain = dir.absoluteFilePath(m_config.repoNameFor(project));
    if (QFileInfo(plain).isDir())
        return plain;
    return plain + gitSuffix;
}

Result<bool> LocalRepoProvider::repoExists(const QString &project) const
{
    if (auto name = checkDnsLabel(project, NameKind::Project); !name.ok())
        return name.error();
    return QFileInfo(repoUrl(project)).isDir();
}

Result<QString> LocalRepoProvider::ensureRepo(const QString &project)
{
    if (auto name = checkDnsLabel(project, NameKind::Project); !name.ok())
        return name.error();
    const QString url = repoUrl(project);
    if (QFileInfo(url).isDir())
        return url;
    if (!QDir().mkpath(m_config.localPath)) {
        return makeError(Error::Code::Io, RepoProviderText::tr("The repository folder %1 could not be created.")
                                              .arg(QDir::toNativeSeparators(m_config.localPath)));
    }
    auto created = git::Repository::initBare(url, m_config.branch);
    if (!created.ok())
        return created.error();
    return url;
}

} // namespace gd::ws
