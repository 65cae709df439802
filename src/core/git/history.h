// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/commitinfo.h"
#include "git/repository.h"
#include "util/result.h"

#include <QHash>
#include <QMap>
#include <QStringList>

#include <vector>

namespace gd::git {

/// Commits that changed anything below `path`, following first parents from `tip`, newest first,
/// at most `limit` (all when negative). Blocking; cost grows with history length.
Result<std::vector<CommitInfo>> pathHistory(const Repository &repo, const ObjectId &tip, const QString &path,
                                            int limit = -1);

/// What changed a path since a known commit: the commits that changed it, newest first, from `tip` down to (not
/// including) `since`, and whether `since` was met on the first-parent chain. When it was not (a rewritten history,
/// or `since` is null), the walk went to the root and `commits` is the complete history.
struct PathChanges {
    std::vector<ObjectId> commits;
    bool reachedSince = false;
    /// Commits the walk read as objects because the commit-graph file does not list them (all of them when there
    /// is no file): many mean updateCommitGraph() would pay off.
    int commitsOutsideGraph = 0;
};

/// The commits that changed `path` between `since` and `tip` (see PathChanges). Blocking; cost grows with the
/// number of commits between the two, and with the whole history when `since` is not a first-parent ancestor.
/// Not cached: callers keep what they computed (ws::ReleaseHistoryCache does).
Result<PathChanges> pathHistorySince(const Repository &repo, const ObjectId &tip, const QString &path,
                                     const ObjectId &since);

/// Brings the repository's commit-graph file (objects/info/commit-graph, read by git too) up to date: when a
/// reference points at a commit the file does not list, rewrites it for every commit reachable from the references.
/// History walks then read each commit's tree and parent from that file instead of inflating the commit object,
/// which is about a third of a walk's cost. Returns whether it wrote the file. Blocking: about 0.25 s per 20,000
/// commits when it writes, well under a millisecond when the file is current; call it after a fetch, under the
/// repository's lock (RepoCache::lockFor). A walk never depends on the file: commits it lacks are read as objects.
Result<bool> updateCommitGraph(const Repository &repo);

/// The same for many paths in one pass over history: path → ids of the commits that changed it, newest first.
Result<QHash<QString, std::vector<ObjectId>>> pathsHistory(const Repository &repo, const ObjectId &tip,
                                                           const QStringList &paths);

/// What telling "behind" needs: each path's newest change, and the first-parent position (0 = tip) of every commit
/// from the tip back past the oldest of those changes, plus `margin` older ones.
struct RecentChanges {
    QHash<QString, ObjectId> lastChange;   ///< path → newest commit that changed it (absent: never changed)
    QHash<ObjectId, int> position;

    /// True when `revision` is a commit older than the last change of `path`: what is deployed from there lags
    /// behind the repository. A revision this walk did not see (newer than a stale cache, or far older) is not
    /// called behind.
    bool isBehind(const QString &path, const ObjectId &revision) const;
};

/// One first-parent walk from `tip` that stops once every path's newest change is found and `margin` more commits
/// are numbered. Blocking; cost grows with how far back the oldest newest change lies.
Result<RecentChanges> recentChanges(const Repository &repo, const ObjectId &tip, const QStringList &paths,
                                    int margin = 500);

/// The git trailers at the end of a commit message ("Release-Service: orders" → {"Release-Service", "orders"}).
QMap<QString, QString> messageTrailers(const QString &message);

} // namespace gd::git
