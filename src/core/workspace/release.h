// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/commitinfo.h"
#include "git/filechanges.h"
#include "git/objectid.h"
#include "git/pushloop.h"
#include "git/repository.h"
#include "manifest/kustomizerunner.h"
#include "util/result.h"
#include "workspace/overlayreview.h"

#include <QMap>
#include <QString>

#include <optional>

namespace gd::ws {

// Releases (DESIGN.md §2.3, §2.6, §4 journeys 4 and 5): setting an image tag, promoting a canary, aborting it, and
// rolling back any release with a revert. Each operation is a semantic edit for the push loop that re-checks its
// precondition on every tip it is applied to, so a retry after someone else's push never overwrites their change.
// Everything here is pure or blocking (git objects only); call it on a worker thread.

/// The stage of an environment a release goes to.
enum class ReleaseStage { Canary, Ga };

/// What kind of change a release commit is.
enum class ReleaseKind { Release, Promote, Abort, Rollback };

/// The facts a release commit carries as git trailers (DESIGN.md §2.6): Release-Service, Release-Environment,
/// Release-Stage (canary|ga), Release-Kind (promote, abort, rollback; absent for a plain release), Release-Image,
/// Release-Previous-Image, and for a revert Release-Reverts (the reverted commit).
struct ReleaseTrailers {
    QString service;
    QString environment;
    ReleaseStage stage = ReleaseStage::Ga;
    ReleaseKind kind = ReleaseKind::Release;
    QString image;           ///< "repository:tag" after the commit
    QString previousImage;   ///< "repository:tag" before it
    git::ObjectId reverts;   ///< for Abort and Rollback: the commit reverted

    /// The tag part of `image` (its digest when it has no tag).
    QString tag() const;
    /// The tag part of `previousImage`.
    QString previousTag() const;

    /// The trailer block ("Release-Service: orders\n…", each line ending in '\n'; empty values are left out), to end
    /// a commit message after a blank line.
    QString toText() const;
    /// The trailers of `message`; nullopt when it has no Release-Service/Release-Environment pair.
    static std::optional<ReleaseTrailers> fromMessage(const QString &message);
};

/// "ga" or "canary": the overlay folder and the trailer value of a stage.
QString stageName(ReleaseStage stage);
/// "promote", "abort", "rollback", or "release": the Release-Kind value of a kind.
QString kindName(ReleaseKind kind);
/// The repository path of the stage's kustomization ("appsmanifests/orders/uat/manifests/ga/kustomization.yaml").
QString stageKustomizationPath(const QString &service, const QString &env, ReleaseStage stage);
/// The tag the stage's overlay of `service` in `env` sets at `commit` (its digest when it sets no tag); empty when
/// the file is absent or unreadable, or `commit` is null. A blob read.
QString releasedTagAt(const git::Repository &repo, const git::ObjectId &commit, const QString &service,
                      const QString &env, ReleaseStage stage);

/// What the user asks for and what they saw when they asked.
struct ReleaseRequest {
    QString service;
    QString env;
    ReleaseStage stage = ReleaseStage::Ga;
    QString tag;           ///< the new tag (checked with manifest::isValidImageTag)
    QString expectedTag;   ///< the stage's tag the user reviewed; the release stops when Git says otherwise
};

/// The edit of a release: on each tip, reads the stage's kustomization, checks that its tag is still
/// `expectedTag` (else Precondition with a sentence naming who changed it, from what to what, and when — read from
/// the newest commit that changed the tag in that file), and sets the new tag with the text-preserving image edit.
/// InvalidInput for a bad tag, an unknown service/env, a canary release where the environment has no canary overlay
/// in use, or a tag equal to the current one.
git::SemanticEdit releaseEdit(const ReleaseRequest &request);

/// The message of a release or promotion: a summary line ("Release orders 1.5.0 to uat", "… (canary)",
/// "Promote orders 1.5.0 to GA in uat"), a blank line, an optional body paragraph, then the trailers. For Abort and
/// Rollback use revertMessage(), which keeps git's revert form.
git::CommitMessage releaseMessage(const ReleaseTrailers &trailers, const git::Signature &author,
                                  const QString &body = {});

/// The message of a revert, in git's own form: `Revert "<revertedSummary>"`, a blank line,
/// "This reverts commit <full sha>." (sha from trailers.reverts), a blank line, then the trailers.
git::CommitMessage revertMessage(const ReleaseTrailers &trailers, const QString &revertedSummary,
                                 const git::Signature &author);

/// Promotion: GA gets the image the canary runs. Precondition: the canary tag is still `canaryTag` and the GA tag
/// still `gaTag` (what the approval gate showed). InvalidInput when GA already runs the canary's image.
git::SemanticEdit promoteEdit(const QString &service, const QString &env, const QString &canaryTag,
                              const QString &gaTag);

/// Abort: reverts `canaryRelease` (the newest canary release commit of the service/env) on the tip, which puts the
/// canary back on the tag it had; Precondition when the canary tag is no longer `canaryTag`; Conflict, naming the tag
/// to release forward instead, when the revert does not apply.
git::SemanticEdit abortEdit(const QString &service, const QString &env, const git::ObjectId &canaryRelease,
                            const QString &canaryTag);

/// Rollback: reverts `release` on the tip (Repository::revertChanges). Conflict, with a sentence that offers to
/// release the previous tag forward instead (naming it), when later changes touch the same lines; InvalidInput when
/// the revert would change nothing (already undone). Reverting a revert re-applies the release.
git::SemanticEdit rollbackEdit(const git::ObjectId &release);

/// The newest commit (first parent from `tip`) whose trailers say it released `stage` of `service`/`env` with kind
/// Release or Promote; NotFound when there is none.
Result<git::CommitInfo> lastRelease(const git::Repository &repo, const git::ObjectId &tip, const QString &service,
                                    const QString &env, std::optional<ReleaseStage> stage = std::nullopt);
/// The newest Release or Promote of `service`/`env` that is still standing: no later Rollback or Abort reverted it
/// (a revert that was itself reverted does not count). What `rollback --last` undoes, so that running it again goes
/// one release further back. NotFound, saying so, when every release is already rolled back.
Result<git::CommitInfo> lastStandingRelease(const git::Repository &repo, const git::ObjectId &tip,
                                            const QString &service, const QString &env);

/// What `commit` did to a release, compared with its first parent: service, environment and stage from its trailers
/// when it has them, else from the stage kustomization it changed (a pipeline's or a hand edit's commit, also one
/// that rewrote the whole file); image and previous image read from that kustomization's released `images:` entry
/// on both sides; kind and reverts from the trailers (Release without them). InvalidInput when the commit changes
/// no service environment. A few tree and blob reads.
Result<ReleaseTrailers> describeCommit(const git::Repository &repo, const git::ObjectId &commit);

/// An operation ready for the push loop: what it does (for the confirmation and the journal), its commit message,
/// and its edit. The prepare functions apply the edit once to `tip`, so a precondition or a conflict is reported
/// before anything is pushed (the push loop re-checks it on every tip it tries).
struct PreparedRelease {
    ReleaseTrailers trailers;
    git::CommitMessage message;
    git::SemanticEdit edit;
};

/// A release of `request` (see releaseEdit), with the release message.
Result<PreparedRelease> prepareRelease(const git::Repository &repo, const git::ObjectId &tip,
                                       const ReleaseRequest &request, const git::Signature &author);
/// A promotion of the canary (see promoteEdit), with the "Promote …" message.
Result<PreparedRelease> preparePromote(const git::Repository &repo, const git::ObjectId &tip, const QString &service,
                                       const QString &env, const QString &canaryTag, const QString &gaTag,
                                       const git::Signature &author);
/// An abort of the unfinished canary: reverts `canaryRelease`, or when it is null the newest canary release
/// (lastRelease); InvalidInput when the canary already runs GA's tag (nothing to abort). Revert message, kind Abort.
Result<PreparedRelease> prepareAbort(const git::Repository &repo, const git::ObjectId &tip, const QString &service,
                                     const QString &env, const QString &canaryTag, const git::ObjectId &canaryRelease,
                                     const git::Signature &author);
/// A rollback of `release` (see rollbackEdit), with the revert message, kind Rollback; the trailers describe the
/// effect (image and previous image of the reverted commit swapped). Precondition when `release` brought the stage
/// in (no previous image, e.g. a new service): there is nothing to go back to.
Result<PreparedRelease> prepareRollback(const git::Repository &repo, const git::ObjectId &tip,
                                        const git::ObjectId &release, const git::Signature &author);

/// How a change is checked against its render before it is pushed (DESIGN.md §6).
struct RenderGate {
    manifest::KustomizeRunner runner;
    bool allowBroken = false;   ///< go ahead onto an overlay that was broken before when the change does not touch it
};

/// `edit` with a render check on every tip it is applied to (so on each retry of the push loop): each service
/// environment whose folder the change touches is validated as it would land (references confined, kustomize build).
/// When one does not build the edit fails with Kustomize, naming file:line, and nothing is pushed — unless it did not
/// build at the tip either, with the same first error, in a file the change does not touch: then Precondition saying
/// that it was broken before, or with `allowBroken` the change goes ahead. Each environment is rendered once per
/// tip (once more, at the tip without the change, only when it fails). Blocking.
git::SemanticEdit renderCheckedEdit(git::SemanticEdit edit, RenderGate gate);

/// What a release would do, shown before it is confirmed: the one-line file diff, the rendered diff grouped by
/// resource, and the validation of the environment as it would be. Built by applying `edit` to `tip` in memory and
/// validating an extraction of the result. Errors of the edit (Precondition, Conflict, InvalidInput) are returned
/// as they are. Blocking (kustomize runs twice).
Result<OverlayReview> previewEdit(const git::Repository &repo, const git::ObjectId &tip, const QString &project,
                                  const QString &service, const QString &env, const git::SemanticEdit &edit,
                                  const manifest::KustomizeRunner &runner);

} // namespace gd::ws
