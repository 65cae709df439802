// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/objectid.h"
#include "git/repocache.h"
#include "git/repository.h"
#include "util/result.h"
#include "workspace/repoprovider.h"
#include "workspace/workspaceconfig.h"

#include <atomic>
#include <mutex>

namespace gd::ws {

/// A project's deployment repo, opened from the cache with its operation lock held.
struct OpenedProject {
    git::RepoLock lock;                  ///< one git operation per repository at a time, across processes too
    git::Repository repo;
    git::ObjectId tip;                   ///< the branch tip; null when the remote repo is still empty
    QString url;
    QString fetchProblem;                ///< set when the fetch failed and `tip` is what the cache last knew
};

/// Opens (cloning when needed) `project`'s repo and, when `fetch` is true, fetches the workspace branch.
/// Fails only when the repo cannot be opened at all. Blocking: call on a worker thread.
Result<OpenedProject> openProject(const WorkspaceConfig &config, git::RepoCache &cache, const RepoProvider &provider,
                                  const QString &project, bool fetch, const std::atomic_bool *cancelled = nullptr);
/// openProject with a fetch that must succeed, for work that would mislead on a stale tip: when the fetch fails, a
/// Network error saying `unfetched` (the caller's sentence) with the fetch's problem as its detail. Blocking.
Result<OpenedProject> openFetchedProject(const WorkspaceConfig &config, git::RepoCache &cache,
                                         const RepoProvider &provider, const QString &project,
                                         const QString &unfetched, const std::atomic_bool *cancelled = nullptr);

} // namespace gd::ws
