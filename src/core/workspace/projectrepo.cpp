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
                                  const QString &project, bool fetch, const std::atomic_bool *cancelled,
                                  const LockWaitNotice &waiting)
{
    if (auto name = checkDnsLabel(project, NameKind::Project); !name.ok())
        return name.error();
    OpenedProject opened;
    opened.url = provider.repoUrl(project);
    git::ObjectId seen;
    auto lock = cache.lockFor(opened.url, std::chrono::minutes(2), [&](const QString &holder) {
        // What the user saw is the tip now, not the one after the wait (another process may be pushing over it):
        // read it without the lock. A failure here only means the fetched tip is used.
        if (fetch)
            seen = git::remoteBranchTip(opened.url, config.branch, provider.remoteAuth(), cancelled)
                       .valueOr(git::ObjectId());
        if (waiting) {
            waiting(ProjectRepoText::tr("The local copy of project %1 is in use by %2; waiting for it (at most two "
                                        "minutes).")
                        .arg(project, holder));
        }
    });
    if (!lock.ok())
        return lock.error();
    opened.lock = std::move(*lock);
    auto repo = cache.openOrClone(opened.url, provider.remoteAuth(), cancelled);
    if (!repo.ok())
        return repo.error();
    opened.repo = std::move(*repo);

    const QString trackingRef = u"refs/remotes/origin/"_s + config.branch;
    auto tip = fetch ? git::fetchBranch(opened.repo, opened.url, config.branch, provider.remoteAuth(), cancelled)
                     : opened.repo.resolve(trackingRef);
    if (tip.ok()) {
        opened.tip = *tip;
    } else if (tip.error().code == Error::Code::Cancelled || tip.error().code == Error::Code::Io) {
        // A local copy that cannot be written (no space left, not writable) is said as such, not as a stale tip.
        return tip.error();
    } else if (tip.error().code != Error::Code::NotFound) {
        // Show what the cache last knew, and say why it may be stale.
        opened.fetchProblem = tip.error().fullText();
        opened.tip = opened.repo.resolve(trackingRef).valueOr(git::ObjectId());
    }
    // The branch only moves forward, so the tip seen before the wait is in the fetched history; if it is not (a
    // forced push meanwhile), there is nothing better than the fetched tip.
    opened.seenTip = !seen.isNull() && opened.repo.commitInfo(seen).ok() ? seen : opened.tip;
    return opened;
}

Result<OpenedProject> openFetchedProject(const WorkspaceConfig &config, git::RepoCache &cache,
                                         const RepoProvider &provider, const QString &project,
                                         const QString &unfetched, const std::atomic_bool *cancelled,
                                         const LockWaitNotice &waiting)
{
    auto opened = openProject(config, cache, provider, project, true, cancelled, waiting);
    if (opened.ok() && !opened->fetchProblem.isEmpty())
        return makeError(Error::Code::Network, unfetched, opened->fetchProblem);
    return opened;
}

} // namespace gd::ws
