// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/appmatch.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace gd::argo {

void AppMatcher::addRepository(const QString &project, const QString &repoUrl)
{
    m_projectByRepo.insert(normalizeRepoUrl(repoUrl), project);
}

std::optional<AppMatch> AppMatcher::match(const Application &application) const
{
    const auto project = m_projectByRepo.constFind(normalizeRepoUrl(application.repoUrl));
    if (project == m_projectByRepo.constEnd())
        return std::nullopt;
    QString path = application.path.trimmed();
    while (path.startsWith(u"./"))
        path.remove(0, 2);
    while (path.startsWith(u'/'))
        path.remove(0, 1);
    while (path.endsWith(u'/'))
        path.chop(1);
    const QStringList parts = path.split(u'/');
    const bool workload = parts.size() == 4;
    const bool pipeline = parts.size() == 5 && parts.at(4) == u"pipeline";
    if ((!workload && !pipeline) || parts.at(0) != u"appsmanifests" || parts.at(3) != u"manifests"
        || parts.at(1).isEmpty() || parts.at(2).isEmpty())
        return std::nullopt;
    return AppMatch{project.value(), parts.at(1), parts.at(2),
                    pipeline ? AppMatch::Kind::Pipeline : AppMatch::Kind::Workload};
}

QString AppMatcher::normalizeRepoUrl(const QString &url)
{
    QString text = url.trimmed();
    QString host;
    QString path;
    static const QRegularExpression scpLike(u"^(?:[^@/:]+@)?([^/:]+):(?!//)(.*)$"_s);
    if (text.startsWith(u'/')) {
        path = text;
    } else if (text.contains(u"://")) {
        const QUrl parsed(text);
        host = parsed.host().toLower();
        path = parsed.path();
    } else if (const auto m = scpLike.match(text); m.hasMatch()) {
        host = m.captured(1).toLower();
        path = m.captured(2);
    } else {
        path = text;
    }
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.endsWith(u".git"))
        path.chop(4);
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    return host + path;
}

} // namespace gd::argo
