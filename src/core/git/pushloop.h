// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/commitinfo.h"
#include "git/filechanges.h"
#include "git/remote.h"
#include "git/repository.h"
#include "util/result.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <functional>

namespace gd::git {

/// A read-only view of one commit, handed to an edit so it can look at the tip it is applied to.
class Snapshot {
public:
    Snapshot(const Repository &repo, const ObjectId &commit) : m_repo(repo), m_commit(commit) {}
    const ObjectId &commit() const { return m_commit; }
    const Repository &repository() const { return m_repo; }
    Result<QByteArray> readFile(const QString &path) const { return m_repo.readFile(m_commit, path); }
    Result<std::vector<TreeEntry>> listDirectory(const QString &path) const
    {
        return m_repo.listDirectory(m_commit, path);
    }

private:
    const Repository &m_repo;
    ObjectId m_commit;
};

/// A semantic edit: given the current remote tip (null commit for an empty repository), checks its precondition
/// and returns the files to write. Returning an Error (Precondition, Conflict, ...) stops the loop; nothing is pushed.
using SemanticEdit = std::function<Result<FileChanges>(const Snapshot &tip)>;

/// Everything one push-with-retry needs.
struct PushPlan {
    QString remoteUrl;
    QString branch = QStringLiteral("main");
    RemoteAuth auth;
    CommitMessage message;
    SemanticEdit edit;
    int maxAttempts = 8;
    std::chrono::milliseconds baseBackoff{50};   ///< doubled each retry, with ±50 % jitter, capped at 2 s
    const std::atomic_bool *cancelled = nullptr;
    std::function<void(int attempt, const QString &status)> progress;   ///< called on the worker thread
    /// Something done on the way that the user must be told (a killed push's ref lock removed); on the worker
    /// thread. Also given to `progress`.
    std::function<void(const QString &sentence)> notice;
};

/// What landed.
struct PushOutcome {
    ObjectId commit;
    ObjectId parent;
    int attempts = 0;
};

/// The push loop (DESIGN.md §2.3): fetch → edit on the tip → commit in memory → push; on a rejection fetch again,
/// re-apply the edit to the new tip (which re-checks its precondition), and push again, up to maxAttempts with
/// jittered backoff. Never forces. Blocking: call on a worker thread, with the repository's operation lock held.
Result<PushOutcome> runPushLoop(Repository &cache, const PushPlan &plan);

} // namespace gd::git
