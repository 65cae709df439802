// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/remote.h"
#include "git/repository.h"
#include "util/result.h"

#include <QHash>
#include <QString>

#include <memory>
#include <mutex>

namespace gd::git {

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
    /// Held while operating on `url`'s cache; blocks until other operations on it are done.
    std::unique_lock<std::mutex> lockFor(const QString &url);

private:
    QString m_rootDir;
    std::mutex m_mapMutex;
    QHash<QString, std::shared_ptr<std::mutex>> m_locks;
};

} // namespace gd::git
