// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/objectid.h"
#include "git/repository.h"
#include "util/result.h"

#include <QString>

#include <atomic>
#include <functional>

namespace gd::git {

/// How to authenticate to a remote. Nothing here is ever written to a file or a log.
/// https: `username` (default "oauth2") + `token` as the password. ssh: the agent, or a key file.
struct RemoteAuth {
    QString username;
    QString token;
    QString sshKeyPath;
    QString sshPassphrase;
    bool useSshAgent = true;
};

/// `url` as it may appear in a message: never with a user name, password or token in it.
QString displayUrl(const QString &url);

/// Clones `url` into a new bare repository at `localPath` (the app's cache of a remote).
/// Blocking: call on a worker thread. `cancelled` is polled in the transfer callbacks. Failures to write on this
/// machine (no space left, not writable, a file in a folder's place) are Io errors naming the folder, not Network.
Result<Repository> cloneBare(const QString &url, const QString &localPath, const RemoteAuth &auth,
                             const std::atomic_bool *cancelled = nullptr);

/// Fetches `branch` of `url` into `refs/remotes/origin/<branch>` of `repo` and returns its tip.
/// NotFound when the remote has no such branch (an empty repository).
Result<ObjectId> fetchBranch(Repository &repo, const QString &url, const QString &branch, const RemoteAuth &auth,
                             const std::atomic_bool *cancelled = nullptr);

/// The tip of `branch` on `url` as the remote advertises it now: one listing of its refs, with no local repository
/// and no lock (what a command saw when it started, before it waits for a cached copy). NotFound when the remote
/// has no such branch. Blocking (network): call on a worker thread.
Result<ObjectId> remoteBranchTip(const QString &url, const QString &branch, const RemoteAuth &auth,
                                 const std::atomic_bool *cancelled = nullptr);

/// Pushes `commit` to `refs/heads/<branch>` of `url`, never forced. Rejected when the remote refused the update
/// (not a fast-forward, a concurrent update, or a refusal reported only through the per-ref status), so the caller
/// knows it did not land and may try again on the new tip. Into a repository on this machine, GitOps Desk's pushes
/// queue on a lock file of their own inside it; holding it, a ref lock older than kLeftoverRefLockMs is what a killed
/// push left and is removed (said through `notice`), a younger one is waited for; a ref lock that stays is Timeout
/// naming the file to remove, never Rejected.
Result<void> pushCommit(Repository &repo, const QString &url, const ObjectId &commit, const QString &branch,
                        const RemoteAuth &auth, const std::atomic_bool *cancelled = nullptr,
                        const std::function<void(const QString &sentence)> &notice = {});

/// Whether `rejection` (Rejected by pushCommit) says that the server's lock file of the branch is held, rather than
/// that the branch moved; trying again may help, but "someone pushed first" would be wrong.
bool isHeldRefLock(const Error &rejection);

/// A ref lock file at least this old in a repository GitOps Desk pushes into on this machine is a killed push's
/// leftover (git holds a ref lock for milliseconds).
inline constexpr qint64 kLeftoverRefLockMs = 2000;
/// The lock file that queues GitOps Desk's pushes into the bare repository at `path` on this machine.
QString localPushLockPath(const QString &path);

} // namespace gd::git
