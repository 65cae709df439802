// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/remote.h"
#include "git/repository.h"
#include "util/result.h"

#include <QHash>
#include <QLockFile>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>

namespace gd::git {

/// Exclusive use of one cached repository: by this thread among the process's threads, and by this process among
/// the processes sharing the cache folder (the GUI and CLI runs; a script may start twenty). Move-only; released when
/// destroyed or by unlock().
class RepoLock {
public:
    RepoLock() = default;
    RepoLock(std::unique_lock<std::mutex> thread, std::unique_ptr<QLockFile> process);
    RepoLock(RepoLock &&) noexcept;
    RepoLock &operator=(RepoLock &&) noexcept;
    ~RepoLock();

    /// False when the other process did not let go within the limit (the thread lock is then not held either).
    bool ownsLock() const { return m_thread.owns_lock(); }
    void unlock();

private:
    std::unique_lock<std::mutex> m_thread;
    std::unique_ptr<QLockFile> m_process;
};

/// Takes the cross-process lock file `lockPath` (a QLockFile in `folder`), polling until `limit`. A lock file whose
/// process has ended, or that is unreadable (empty, torn) and older than a few seconds, is stale and taken over.
/// `waiting` is called before waiting for a live holder, with a sentence naming it; when the limit passes, the error
/// is `timedOut(holder)`. Io when the lock file cannot be written (saying why). The lock is released when destroyed.
Result<std::unique_ptr<QLockFile>> lockProcessFile(const QString &lockPath, const QString &folder,
                                                   std::chrono::milliseconds limit,
                                                   const std::function<void(const QString &holder)> &waiting,
                                                   const std::function<Error(const QString &holder)> &timedOut);

/// The app's local bare copies of remote repositories, one folder per remote URL below `rootDir`,
/// and the per-repository lock that keeps to one git operation per repository at a time. Thread-safe.
class RepoCache {
public:
    explicit RepoCache(QString rootDir);

    QString rootDir() const { return m_rootDir; }
    /// The folder that caches `url` (stable across runs; derived from the URL).
    QString cachePathFor(const QString &url) const;
    /// Opens the cached copy of `url`, cloning it first when absent (into a `*.partial-<pid>-…` folder renamed into
    /// place; such folders left by killed processes are removed here once their process is gone). A cache entry that
    /// is not a repository (a file, a broken folder) is debris and is replaced. Io errors name the path and say what
    /// is wrong (a file in the cache folder's place, not writable, no space left). Blocking; hold lockFor(url).
    Result<Repository> openOrClone(const QString &url, const RemoteAuth &auth,
                                   const std::atomic_bool *cancelled = nullptr);
    /// Held while operating on `url`'s cache; blocks until other operations on it, in this process and in others
    /// (a lock file beside the copy), are done, at most `limit` for another process (a push loop may hold it for
    /// half a minute). A lock file whose process has ended, or that is unreadable (empty, torn) and older than a few
    /// seconds, is stale and taken over. `waiting` is called once, on this thread, before waiting for a holder that
    /// is alive, with a sentence naming it. Timeout naming the lock file and its holder (pid, host, program) when the
    /// limit passed; Io when the lock file cannot be written (saying why: not writable, no space, not a folder).
    Result<RepoLock> lockFor(const QString &url, std::chrono::milliseconds limit = std::chrono::minutes(2),
                             const std::function<void(const QString &holder)> &waiting = {});
    /// The lock file lockFor(url) uses.
    QString lockPathFor(const QString &url) const;

private:
    QString m_rootDir;
    std::mutex m_mapMutex;
    QHash<QString, std::shared_ptr<std::mutex>> m_locks;
};

} // namespace gd::git
