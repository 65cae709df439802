// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/pushloop.h"
#include "git/repocache.h"
#include "util/result.h"
#include "workspace/release.h"
#include "workspace/repoprovider.h"
#include "workspace/workspaceconfig.h"

#include <atomic>
#include <functional>

namespace gd::ws {

/// One release operation as a person or a script asks for it, with what they saw when they asked.
struct ReleaseOperation {
    ReleaseKind kind = ReleaseKind::Release;
    QString project;
    ReleaseRequest request;    ///< service and env always; stage, tag and expectedTag for a Release
    QString canaryTag;         ///< Promote and Abort: the canary tag the approval gate showed
    QString gaTag;             ///< Promote: the GA tag it showed
    git::ObjectId commit;      ///< Rollback: the release to revert; Abort: the canary release (null: the newest)
    QString message;           ///< the summary (and body) the reviewer confirmed; empty: the standard summary
    bool allowBroken = false;  ///< the person confirmed going onto an overlay that did not build before (RenderGate)
};

/// The edit and the message of `operation` on `tip` (prepareRelease, preparePromote, prepareAbort, prepareRollback;
/// a Rollback without a commit reverts the newest release). The message's summary and body are operation.message
/// when it is set (what the reviewer confirmed); the trailers and a revert's "This reverts commit" line stay.
/// Refusals (Precondition, Conflict) show here, before anything is pushed.
Result<PreparedRelease> prepareOperation(const git::Repository &repo, const git::ObjectId &tip,
                                         const ReleaseOperation &operation, const git::Signature &author);

/// Runs `operation` on the project's deployment repo (DESIGN.md §2.3): fetches, builds the edit and the release
/// message (summary and trailers) for the tip, and pushes with the loop, re-checking the precondition and the render
/// (renderCheckedEdit, with operation.allowBroken) on every retry.
/// Precondition or Conflict errors mean nothing was pushed because the repo moved under the user. Blocking: call on
/// a worker; takes the repo's operation lock in `cache`.
Result<git::PushOutcome> runReleaseOperation(const WorkspaceConfig &config, git::RepoCache &cache,
                                             const RepoProvider &provider, const ReleaseOperation &operation,
                                             const git::Signature &author,
                                             const std::atomic_bool *cancelled = nullptr,
                                             std::function<void(int attempt, const QString &status)> progress = {});

} // namespace gd::ws
