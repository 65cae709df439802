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
