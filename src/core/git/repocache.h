// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/remote.h"
#include "git/repository.h"
#include "util/result.h"

#include <QHash>
#include <QLockFile>
#include <QString>

#include <chrono>
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

/// The app's local bare copies of remote repositories, one folder per remote URL below `rootDir`,
/// and the per-repository lock that keeps to one git operation per repository at a time. Thread-safe.
class RepoCache {
public:
    explicit RepoCache(QString rootDir);

    QString rootDir() const { return m_rootDir; }
    /// The folder that caches `url` (stable across runs; derived from the URL).
    QString cachePathFor(const QString &url) const;
    /// Opens the cached copy of `url`, cloning it first when absent. Blocking.
    Result<Repository> openOrClone(const QString &url, const RemoteAuth &auth,
                                   const std::atomic_bool *cancelled = nullptr);
    /// Held while operating on `url`'s cache; blocks until other operations on it, in this process and in others
    /// (a lock file beside the copy), are done, at most `limit` for another process (a push loop may hold it for
    /// half a minute). Check ownsLock(): false when the limit passed.
    RepoLock lockFor(const QString &url, std::chrono::milliseconds limit = std::chrono::minutes(2));

private:
    QString m_rootDir;
    std::mutex m_mapMutex;
    QHash<QString, std::shared_ptr<std::mutex>> m_locks;
};

} // namespace gd::git
