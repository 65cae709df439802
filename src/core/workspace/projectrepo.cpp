// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/projectrepo.h"

#include "git/remote.h"
#include "util/names.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::ProjectRepo" context (lupdate reads the macro).
struct ProjectRepoText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::ProjectRepo)
};

} // namespace

Result<OpenedProject> openProject(const WorkspaceConfig &config, git::RepoCache &cache, const RepoProvider &provider,
                                  const QString &project, bool fetch, const std::atomic_bool *cancelled)
{
    if (auto name = checkDnsLabel(project, NameKind::Project); !name.ok())
        return name.error();
    OpenedProject opened;
    opened.url = provider.repoUrl(project);
    opened.lock = cache.lockFor(opened.url);
    if (!opened.lock.ownsLock()) {
        return makeError(Error::Code::Timeout,
                         ProjectRepoText::tr("Another GitOps Desk process has been using the local copy of project %1 "
                                             "for two minutes; try again when it is done.")
                             .arg(project));
    }
    auto repo = cache.openOrClone(opened.url, provider.remoteAuth(), cancelled);
    if (!repo.ok())
        return repo.error();
    opened.repo = std::move(*repo);

    const QString trackingRef = u"refs/remotes/origin/"_s + config.branch;
    auto tip = fetch ? git::fetchBranch(opened.repo, opened.url, config.branch, provider.remoteAuth(), cancelled)
                     : opened.repo.resolve(trackingRef);
    if (tip.ok()) {
        opened.tip = *tip;
    } else if (tip.error().code == Error::Code::Cancelled) {
        return tip.error();
    } else if (tip.error().code != Error::Code::NotFound) {
        // Show what the cache last knew, and say why it may be stale.
        opened.fetchProblem = tip.error().fullText();
        opened.tip = opened.repo.resolve(trackingRef).valueOr(git::ObjectId());
    }
    return opened;
}

Result<OpenedProject> openFetchedProject(const WorkspaceConfig &config, git::RepoCache &cache,
                                         const RepoProvider &provider, const QString &project,
                                         const QString &unfetched, const std::atomic_bool *cancelled)
{
    auto opened = openProject(config, cache, provider, project, true, cancelled);
    if (opened.ok() && !opened->fetchProblem.isEmpty())
        return makeError(Error::Code::Network, unfetched, opened->fetchProblem);
    return opened;
}

} // namespace gd::ws
