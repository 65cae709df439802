// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/pushloop.h"
#include "git/workingclone.h"
#include "manifest/kustomizerunner.h"
#include "util/result.h"
#include "workspace/overlayreview.h"
#include "workspace/repoprovider.h"
#include "workspace/workspaceconfig.h"

#include <QStringList>

#include <atomic>

namespace gd::ws {

// The engine of manifest editing (DESIGN.md §4 journey 3), shared by the GUI and the CLI. Edits live in a
// per-project working clone; the commit is built in memory on the freshly fetched tip from the reviewed bytes and
// pushed with the push loop. Every function here is blocking: call it on a worker thread.

/// Opens `project`'s working clone (workingCloneDir), cloning the deployment repo into it first when missing.
Result<git::WorkingClone> openWorkingClone(const WorkspaceConfig &config, const RepoProvider &provider,
                                           const QString &project, const std::atomic_bool *cancelled = nullptr);

/// The files of `service`/`env` in the working copy, relative to its folder, sorted with the folder's own files before
/// its subfolders' ("application.yaml", …, "manifests/kustomization.yaml", "manifests/base/…"). NotFound when the
/// working copy has no such folder.
Result<QStringList> workingFiles(const git::WorkingClone &clone, const QString &service, const QString &env);

/// The findings of `content` as the new text of `file` (relative to the environment folder `folder` on disk): YAML
/// and schema checks, with the file's role taken from the kustomization beside it and referenced paths looked up on
/// disk. No kustomize: fast enough to run after every keystroke (on a worker).
manifest::Diagnostics checkDraft(const QString &folder, const QString &file, const QByteArray &content);

/// Validates the environment folder `folder` as it would be with `content` as the text of `file` (a scratch copy is
/// validated; the folder is not touched), kustomize build included: the findings of every file and the rendered
/// preview.
ValidationReport validateDraft(const QString &folder, const QString &file, const QByteArray &content,
                               const manifest::KustomizeRunner &runner);

/// What a reviewer sees for the working copy's changes to `service`/`env`: fetches the branch, moves the clone to the
/// new tip when no edited file conflicts with it, then gives each changed file in three versions, the validation of
/// the folder as it would land, and the rendered diff (tip's overlay → working copy's overlay, both built by
/// kustomize). Error only when the remote cannot be fetched or the clone cannot be read.
Result<OverlayReview> prepareOverlayReview(git::WorkingClone &clone, const QString &project, const QString &service,
                                           const QString &env, const manifest::KustomizeRunner &runner,
                                           const git::RemoteAuth &auth, const std::atomic_bool *cancelled = nullptr);

/// Commits exactly the reviewed bytes (`mine` of every file) through the push loop on `cache` (`plan` gives remote,
/// branch, auth and message; its edit is set here), then moves the working clone to the new commit. Refuses
/// (InvalidInput, nothing pushed) while review.blockingReason() is set; stops with Precondition when a reviewed file
/// changed on the remote after the review, and with Kustomize (file:line) when the environment would not build on the
/// tip it goes onto (renderCheckedEdit with `runner`, on every retry). The caller holds the cache's operation lock.
Result<git::PushOutcome> commitOverlayReview(const OverlayReview &review, git::Repository &cache,
                                             git::WorkingClone &clone, git::PushPlan plan,
                                             const manifest::KustomizeRunner &runner = manifest::KustomizeRunner());

} // namespace gd::ws
