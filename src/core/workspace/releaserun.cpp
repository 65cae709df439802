// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/releaserun.h"

#include "workspace/projectrepo.h"
#include "workspace/renderscope.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::ReleaseRun" context (lupdate reads the macro).
struct ReleaseRunText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::ReleaseRun)
};

/// The edit and message of `operation` for `tip` (the prepare functions of release.h).
Result<PreparedRelease> prepareStandard(const git::Repository &repo, const git::ObjectId &tip,
                                        const ReleaseOperation &operation, const git::Signature &author)
{
    const ReleaseRequest &request = operation.request;
    switch (operation.kind) {
    case ReleaseKind::Promote:
        return preparePromote(repo, tip, request.service, request.env, operation.canaryTag, operation.gaTag, author);
    case ReleaseKind::Abort:
        return prepareAbort(repo, tip, request.service, request.env, operation.canaryTag, operation.commit, author);
    case ReleaseKind::Rollback: {
        git::ObjectId release = operation.commit;
        if (release.isNull()) {
            auto newest = lastRelease(repo, tip, request.service, request.env);
            if (!newest.ok())
                return newest.error();
            release = newest->id;
        }
        return prepareRollback(repo, tip, release, author);
    }
    case ReleaseKind::Release:
        break;
    }
    return prepareRelease(repo, tip, request, author);
}

} // namespace

Result<PreparedRelease> prepareOperation(const git::Repository &repo, const git::ObjectId &tip,
                                         const ReleaseOperation &operation, const git::Signature &author)
{
    auto prepared = prepareStandard(repo, tip, operation, author);
    if (prepared.ok())
        prepared->message = git::withReviewedSummary(std::move(prepared->message), operation.message);
    return prepared;
}

Result<git::PushOutcome> runReleaseOperation(const WorkspaceConfig &config, git::RepoCache &cache,
                                             const RepoProvider &provider, const ReleaseOperation &operation,
                                             const git::Signature &author, const std::atomic_bool *cancelled,
                                             std::function<void(int attempt, const QString &status)> progress)
{
    auto opened = openFetchedProject(config, cache, provider, operation.project,
                                     ReleaseRunText::tr("The deployment repo of %1 could not be fetched, so nothing "
                                                        "was released. Check the connection and try again.")
                                         .arg(operation.project),
                                     cancelled);
    if (!opened.ok())
        return opened.error();
    // Prepared on the fresh tip, a refusal (precondition, conflict) comes before any push; the loop re-checks it
    // on every tip it tries.
    auto prepared = prepareOperation(opened->repo, opened->tip, operation, author);
    if (!prepared.ok())
        return prepared.error();
    git::PushPlan plan;
    plan.remoteUrl = opened->url;
    plan.branch = config.branch;
    plan.message = prepared->message;
    plan.edit = renderCheckedEdit(prepared->edit, {kustomizeRunnerFor(config), operation.allowBroken});
    plan.auth = provider.remoteAuth();
    plan.cancelled = cancelled;
    plan.progress = std::move(progress);
    return git::runPushLoop(opened->repo, plan);
}

} // namespace gd::ws
