// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/objectid.h"
#include "git/remote.h"
#include "git/repository.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>
#include <vector>

namespace gd::git {

/// One file of a working clone that differs from the clone's HEAD commit.
struct WorkingChange {
    QString path;                   ///< repository path, '/' separated
    std::optional<QByteArray> base; ///< content at HEAD; nullopt when the file is new
    std::optional<QByteArray> work; ///< content on disk; nullopt when deleted
};

/// A non-bare clone of a project's deployment repo (a real git working tree the user may also open with git):
/// the draft files of manifest edits. Commits are never made here (DESIGN §2): the push loop builds them in memory
/// from the reviewed bytes. Files are compared as bytes only: the executable bit and line-ending filters are ignored
/// (a new clone sets core.filemode and core.autocrlf to false, so `git status` in the folder agrees).
/// Symbolic links and submodules are not handled: changes() does not report them and updateTo() neither writes nor
/// removes them (a repository that holds links shows them as deleted in `git status` of a new clone).
/// Move-only; use it on one thread at a time (like Repository). Every function blocks on disk I/O.
class WorkingClone {
public:
    WorkingClone(WorkingClone &&) noexcept = default;
    WorkingClone &operator=(WorkingClone &&) noexcept = default;
    WorkingClone(const WorkingClone &) = delete;
    WorkingClone &operator=(const WorkingClone &) = delete;
    ~WorkingClone() = default;

    /// Opens the clone at `dir`, or clones `url` (branch `branch` checked out, remote "origin") into it when `dir`
    /// does not exist or is empty. A new clone is made in a folder beside `dir` and renamed into place, so a clone
    /// that fails, is cancelled or killed leaves `dir` as it was. An existing clone is checked and repaired (see
    /// repairs()): HEAD on `branch`, a commit checked out (fetched, when a killed creation left none), the index
    /// matching HEAD, origin = `url` while nothing is checked out; one whose .git is broken, or whose unfinished
    /// checkout meets files with other content, is made again with its files moved aside to "<dir>.kept-<date>".
    /// An empty remote repository gives a clone with a null head(). InvalidInput when `dir` holds something that is
    /// not a clone of `url` (another repository, a bare one, files without .git) or has another branch checked out.
    /// Blocking (network): call on a worker thread.
    static Result<WorkingClone> openOrClone(const QString &dir, const QString &url, const QString &branch,
                                            const RemoteAuth &auth, const std::atomic_bool *cancelled = nullptr);

    /// What openOrClone repaired or made again, as sentences for the user (the first says which working copy; one
    /// says where files were moved aside); empty when the working copy was sound.
    QStringList repairs() const { return m_repairs; }

    /// The working tree root (absolute, without a trailing '/').
    QString directory() const { return m_dir; }
    /// The remote URL this clone belongs to ("origin").
    QString url() const { return m_url; }
    /// The branch checked out.
    QString branch() const { return m_branch; }
    /// The commit the working files started from (HEAD); null while the repository is empty. Reads the ref.
    ObjectId head() const;
    /// The absolute path of `repoPath` on disk; empty when `repoPath` is not a valid repository path.
    QString filePath(const QString &repoPath) const;

    /// The content of `repoPath` on disk. NotFound when there is no such file; InvalidInput for an invalid path.
    Result<QByteArray> readWorkingFile(const QString &repoPath) const;
    /// Writes `content` to `repoPath` atomically (QSaveFile), creating folders. InvalidInput for a path that is
    /// absolute, holds a ".." component, is inside .git, or leads through a symbolic link.
    Result<void> writeWorkingFile(const QString &repoPath, const QByteArray &content);
    /// Removes the file `repoPath` and the folders that become empty. Succeeds when it is already absent.
    Result<void> removeWorkingFile(const QString &repoPath);

    /// The files below folder `under` ("" = everything, .git excluded) whose content on disk differs from HEAD
    /// (new, modified, deleted), sorted by path. New files that .gitignore ignores are left out, as `git status`
    /// does. Hashes each file on disk (git_odb_hash) and compares with HEAD's tree: no blob is read unless changed.
    Result<std::vector<WorkingChange>> changes(const QString &under = {}) const;

    /// Fetches the branch into refs/remotes/origin/<branch> and returns the remote tip (NotFound: remote still
    /// empty). Blocking (network): call on a worker thread; `cancelled` is polled in the transfer callbacks.
    Result<ObjectId> fetch(const RemoteAuth &auth, const std::atomic_bool *cancelled = nullptr);

    /// Moves the clone to `target` (normally the fetched tip): files without local changes take target's content
    /// (added/removed as needed); locally changed files keep theirs. Refuses with Conflict (the conflicting paths
    /// in the detail, one a line; nothing on disk or in HEAD changed) when a locally changed file also differs
    /// between head() and target, unless the local content already equals target's (then it is simply no longer
    /// changed), or when a file of target would land where a local file or folder is in the way. Afterwards
    /// head() == target, the branch ref and the index point at target, so `git status` in the folder shows exactly
    /// the remaining local changes. If writing a file fails midway, HEAD stays and calling it again completes it.
    Result<void> updateTo(const ObjectId &target);

    /// Restores `repoPath` to its HEAD content (removes it when HEAD has none).
    Result<void> discard(const QString &repoPath);

    /// The underlying repository (its HEAD, refs and objects).
    Repository &repository() { return m_repo; }
    const Repository &repository() const { return m_repo; }

private:
    WorkingClone(Repository repo, QString dir, QString url, QString branch);
    /// A new clone of `url` built beside `root` and renamed to it (`root` absent or empty); `repairs` are kept.
    static Result<WorkingClone> cloneInto(const QString &root, const QString &url, const QString &branch,
                                          const RemoteAuth &auth, const std::atomic_bool *cancelled,
                                          QStringList repairs);

    Repository m_repo;
    QString m_dir;
    QString m_url;
    QString m_branch;
    QStringList m_repairs;
};

} // namespace gd::git
