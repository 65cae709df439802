// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/templateset.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

// The builtin set lives in the static library's resources; a static library's resources must be
// registered explicitly, and Q_INIT_RESOURCE may not be used inside a namespace.
static void initBuiltinTemplateResources()
{
    Q_INIT_RESOURCE(gd_templates);
}

namespace gd::tmpl {
namespace {

const QString manifestsFolder = u"app-manifests-templates"_s;
const QString applicationsFolder = u"application-templates"_s;
const QString pipelinesFolder = u"pipeline-templates"_s;

// The translatable sentences of this file, in the "gd::tmpl::TemplateSet" context (lupdate reads the macro).
struct TemplateSetText {
    Q_DECLARE_TR_FUNCTIONS(gd::tmpl::TemplateSet)
};

Result<void> checkLayout(const QMap<QString, QByteArray> &files, const QString &origin)
{
    QStringList missing;
    for (const QString &folder : {manifestsFolder, applicationsFolder, pipelinesFolder}) {
        const QString prefix = folder + u'/';
        const auto it = files.lowerBound(prefix);
        if (it == files.cend() || !it.key().startsWith(prefix))
            missing.append(folder + u'/');
    }
    if (missing.isEmpty())
        return {};
    return makeError(Error::Code::NotFound,
                     TemplateSetText::tr("The template set in %1 is incomplete: it has no %2. A template set needs the folders "
                        "app-manifests-templates/, application-templates/ and pipeline-templates/.")
                         .arg(origin, missing.join(u", "_s)));
}

Result<QMap<QString, QByteArray>> readTree(const QString &dir)
{
    QMap<QString, QByteArray> files;
    const QDir root(dir);
    // Hidden entries (".git" of a checkout) are not part of the set.
    QDirIterator it(dir, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return makeError(Error::Code::Io,
                             TemplateSetText::tr("The template file %1 cannot be read; check its permissions.").arg(path),
                             file.errorString());
        }
        files.insert(root.relativeFilePath(path), file.readAll());
    }
    return files;
}

} // namespace

Result<TemplateSet> TemplateSet::fromDirectory(const QString &dir)
{
    if (!QFileInfo(dir).isDir()) {
        return makeError(Error::Code::NotFound,
                         TemplateSetText::tr("The template folder %1 does not exist; choose the folder that holds "
                            "app-manifests-templates/.")
                             .arg(dir));
    }
    Result<QMap<QString, QByteArray>> files = readTree(dir);
    if (!files)
        return files.error();
    if (const Result<void> layout = checkLayout(*files, QDir::toNativeSeparators(dir)); !layout)
        return layout.error();
    TemplateSet set;
    set.m_files = std::move(*files);
    return set;
}

Result<TemplateSet> TemplateSet::fromFiles(QMap<QString, QByteArray> files)
{
    if (const Result<void> layout = checkLayout(files, TemplateSetText::tr("the templates repository")); !layout)
        return layout.error();
    TemplateSet set;
    set.m_files = std::move(files);
    return set;
}

TemplateSet TemplateSet::builtin()
{
    static const TemplateSet set = [] {
        initBuiltinTemplateResources();
        TemplateSet loaded;
        const Result<QMap<QString, QByteArray>> files = readTree(u":/templates"_s);
        if (files)
            loaded.m_files = *files;
        return loaded;
    }();
    return set;
}

QStringList TemplateSet::languages() const
{
    QSet<QString> found;
    const QString prefix = manifestsFolder + u'/';
    for (auto it = m_files.lowerBound(prefix); it != m_files.cend() && it.key().startsWith(prefix); ++it) {
        const QString rest = it.key().mid(prefix.size());
        const qsizetype slash = rest.indexOf(u'/');
        if (slash > 0)
            found.insert(rest.left(slash));
    }
    QStringList languages(found.cbegin(), found.cend());
    languages.sort();
    return languages;
}

} // namespace gd::tmpl
