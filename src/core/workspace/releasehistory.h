// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/commitinfo.h"
#include "git/objectid.h"
#include "git/repository.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

#include <vector>

namespace gd::ws {

// The release timeline of one service environment (DESIGN.md §2.6, §4 journey 5), derived from Git alone: the
// commits that changed appsmanifests/{service}/{env}, each read through its Release-* trailers when it has them for
// this service environment, and through the `images:` of its GA and canary kustomizations compared with its first
// parent otherwise (a pipeline, a hand edit, a `kustomize edit set image` rewrite).

/// One commit of the timeline.
struct ReleaseEntry {
    git::ObjectId commit;
    QString summary;           ///< the first line of the commit message
    git::Signature author;
    QDateTime when;            ///< the commit time (committer), which the rollback window counts from
    QString stage;             ///< "ga", "canary", or empty when the commit changed neither stage's image
    /// "release", "promote", "abort", "rollback" (from Release-Kind), or "edit" for a change without trailers;
    /// a `git revert` without trailers ("This reverts commit <sha>.") is a "rollback" too.
    QString kind;
    QString fromTag;           ///< the stage's tag before the commit (its digest when it has no tag)
    QString toTag;             ///< the stage's tag after it; both empty when `stage` is
    QString image;             ///< the image repository the stage (else GA) deploys
    git::ObjectId reverts;     ///< for a rollback or abort: the commit it reverts (Release-Reverts, else the message)
    bool byGitOpsDesk = false; ///< the commit carries Release-* trailers for this service environment

    /// The commit brought its stage in (a new service): there was no earlier version, so nothing to roll back to.
    bool broughtIn() const { return !stage.isEmpty() && fromTag.isEmpty(); }
};

/// The timeline of `service`/`env` from `tip` back along first parents, newest first, at most `limit` entries (all
/// when negative). InvalidInput for a name that is not a DNS label; an empty list for a null tip or a folder that
/// never existed. Not cached (ReleaseHistoryCache is): blocking, a history walk plus a few blob reads and
/// kustomization parses per entry; call it on a worker thread.
Result<std::vector<ReleaseEntry>> releaseHistory(const git::Repository &repo, const git::ObjectId &tip,
                                                 const QString &service, const QString &env, int limit = -1);

/// Timelines already computed, so that reopening one is instant (DESIGN.md §5: ≤ 20 ms). Keyed by repository
/// path, service and environment; each holds the tip it was computed for. A newer tip that has that one on its
/// first-parent line costs only the commits in between; any other tip is computed afresh. Kept in memory and, when
/// a folder is given, in one small file per timeline, so that the first opening after a restart is instant too.
/// A commit's entry depends only on that commit and its first parent, so what is kept never goes stale.
/// Thread-safe; the computation runs on the calling thread without holding the cache's lock.
class ReleaseHistoryCache {
public:
    /// A cache that keeps its timelines in `storeDir` too (created when needed); empty: memory only.
    explicit ReleaseHistoryCache(QString storeDir = {});

    /// The process-wide cache, stored below repoCacheDir() + "/release-history" (beside the repository copies it
    /// describes; deleting that folder only costs a recomputation).
    static ReleaseHistoryCache &shared();

    /// The timeline of `service`/`env` at `tip`, like releaseHistory(). After a computation that read many commits
    /// the commit-graph file lists none of, the repository's commit-graph is brought up to date
    /// (git::updateCommitGraph; best effort), which takes 40 % off the next full computation.
    Result<std::vector<ReleaseEntry>> history(const git::Repository &repo, const git::ObjectId &tip,
                                              const QString &service, const QString &env, int limit = -1);

    /// Forgets what is held in memory (the stored files stay).
    void clearMemory();

    QString storeDir() const { return m_storeDir; }

private:
    struct Timeline {
        git::ObjectId tip;
        std::vector<ReleaseEntry> entries;
    };

    QString fileFor(const QString &key) const;
    Timeline load(const QString &key) const;
    void save(const QString &key, const Timeline &timeline) const;

    QString m_storeDir;
    mutable QMutex m_mutex;
    QHash<QString, Timeline> m_memory;
};

/// When the rollback window of `entry` closes: its commit time plus `windowMinutes` (the workspace's release
/// setting). Derived from Git, so a countdown survives restarts and other users see the same one.
QDateTime rollbackDeadline(const ReleaseEntry &entry, int windowMinutes);

/// The newest entry that changed the GA image (newest first, as releaseHistory() returns them) when it is a
/// release, a promotion or an edit and its rollback window is still open at `now`; nullptr otherwise (also when the
/// newest GA change is itself a rollback or abort, or brought GA in: no fromTag). The pointer is into `entries`.
const ReleaseEntry *openRollbackWindow(const std::vector<ReleaseEntry> &entries, int windowMinutes,
                                       const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace gd::ws
