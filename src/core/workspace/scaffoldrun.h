// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/pushloop.h"
#include "git/repocache.h"
#include "manifest/kustomizerunner.h"
#include "template/templateset.h"
#include "util/result.h"
#include "workspace/overlayreview.h"
#include "workspace/repoprovider.h"
#include "workspace/scaffold.h"
#include "workspace/workspaceconfig.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <vector>

namespace gd::ws {

// The New Service flow on a project's deployment repo (issue 6, "Flow"), shared by the wizard and the CLI:
// prepareScaffold (create the repo when missing, fetch, render, build, review) and, after the review,
// commitScaffold (push exactly the reviewed files with the loop, then read both Applications from the commit).
// The Argo CD upserts stay with the caller (the window's flow, the CLI's session). Blocking: call on a worker.

/// What the review shows and what the commit needs.
struct PreparedScaffold {
    ScaffoldAnswers answers;   ///< as rendered: repoUrl from the provider, running tags of existing environments
    OverlayReview review;      ///< no files: the repo already has exactly these files
};

/// Checks `answers` (InvalidInput naming the field; an empty branch becomes the workspace's, destinations come from
/// the workspace), then previews the scaffold: on the fetched tip of the project's repo (Network when it cannot be
/// fetched: a stale review would mislead), keeping the tags existing environments run; or, when the repo does not
/// exist, on an empty one, with review.newRepository naming the repo that commitScaffold will create. Creates and
/// pushes nothing. Takes the repo's operation lock while it reads.
Result<PreparedScaffold> prepareScaffold(const WorkspaceConfig &config, git::RepoCache &cache,
                                         const RepoProvider &provider, ScaffoldAnswers answers,
                                         const tmpl::TemplateSet &templates, const manifest::KustomizeRunner &runner,
                                         const std::atomic_bool *cancelled = nullptr);

/// One Argo CD Application of a scaffolded environment, as the API's upsert takes it.
struct ScaffoldApplication {
    QString env;
    QString name;        ///< metadata.name
    bool pipeline = false;   ///< the pipeline's Application (its destination is the Argo CD cluster)
    QJsonObject body;
};

/// What landed.
struct ScaffoldLanding {
    git::PushOutcome outcome;   ///< attempts 0: nothing needed to change, commit is the tip
    std::vector<ScaffoldApplication> applications;   ///< per environment: the workload's, then the pipeline's
};

/// Creates the project's repo first when the review says it is new (provider.ensureRepo; one created meanwhile
/// counts as found). Pushes exactly `prepared.review`'s files with the push loop (`message`, or scaffoldMessage when
/// empty; a file that changed on the branch since the review stops it with Precondition, nothing pushed), then reads
/// both Applications of every environment from the pushed commit. When the review has no files nothing is pushed
/// (outcome.attempts is 0, outcome.commit the fetched tip) and the Applications are read from the tip, so that a
/// second run can still put them into Argo CD. Takes the repo's operation lock.
Result<ScaffoldLanding> commitScaffold(const WorkspaceConfig &config, git::RepoCache &cache, RepoProvider &provider,
                                       const PreparedScaffold &prepared, const QString &message,
                                       const git::Signature &author, const std::atomic_bool *cancelled = nullptr,
                                       std::function<void(int attempt, const QString &status)> progress = {});

} // namespace gd::ws
