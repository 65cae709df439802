// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/objectid.h"
#include "git/repocache.h"
#include "git/repository.h"
#include "util/result.h"
#include "workspace/repoprovider.h"
#include "workspace/workspaceconfig.h"

#include <atomic>
#include <functional>
#include <mutex>

namespace gd::ws {

/// A project's deployment repo, opened from the cache with its operation lock held.
struct OpenedProject {
    git::RepoLock lock;                  ///< one git operation per repository at a time, across processes too
    git::Repository repo;
    git::ObjectId tip;                   ///< the branch tip; null when the remote repo is still empty
    /// The branch tip when the open started, read from the remote before waiting for the lock (DESIGN §6: what the
    /// user saw is the tip when the command started); equal to `tip` when the lock was free, nothing was fetched, or
    /// that commit is no longer in the fetched history. The precondition of a release command is read here.
    git::ObjectId seenTip;
    QString url;
    QString fetchProblem;                ///< set when the fetch failed and `tip` is what the cache last knew
};

/// Called once, before an open waits for another process or operation that holds the project's lock, with a
/// sentence saying whom it waits for (the holder and the lock file).
using LockWaitNotice = std::function<void(const QString &sentence)>;

/// Opens (cloning when needed) `project`'s repo and, when `fetch` is true, fetches the workspace branch (and, when it
/// must wait for the lock, reads the remote tip first into seenTip). Fails when the repo cannot be opened at all, the
/// lock is not had (saying which lock file and holder), or the fetch cannot write the local copy (Io: no space left,
/// not writable); other fetch failures leave the cached tip with fetchProblem set. Blocking: call on a worker thread.
Result<OpenedProject> openProject(const WorkspaceConfig &config, git::RepoCache &cache, const RepoProvider &provider,
                                  const QString &project, bool fetch, const std::atomic_bool *cancelled = nullptr,
                                  const LockWaitNotice &waiting = {});
/// openProject with a fetch that must succeed, for work that would mislead on a stale tip: when the fetch fails, a
/// Network error saying `unfetched` (the caller's sentence) with the fetch's problem as its detail. Blocking.
Result<OpenedProject> openFetchedProject(const WorkspaceConfig &config, git::RepoCache &cache,
                                         const RepoProvider &provider, const QString &project,
                                         const QString &unfetched, const std::atomic_bool *cancelled = nullptr,
                                         const LockWaitNotice &waiting = {});

} // namespace gd::ws
