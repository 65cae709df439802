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

/// The git trailers at the end of a commit message ("Release-Service: orders" → {"Release-Service", "orders"}).
QMap<QString, QString> messageTrailers(const QString &message);

} // namespace gd::git
