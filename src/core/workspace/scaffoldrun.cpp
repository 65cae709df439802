// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/scaffoldrun.h"

#include "workspace/projectrepo.h"
#include "workspace/release.h"
#include "workspace/renderscope.h"
#include "workspace/overlaycheck.h"

#include <QCoreApplication>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::ScaffoldRun" context (lupdate reads the macro).
struct ScaffoldRunText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::ScaffoldRun)
};

constexpr int kPushAttempts = 20;

/// The project opened and fetched; a Network error naming the project when the fetch failed.
Result<OpenedProject> openFetched(const WorkspaceConfig &config, git::RepoCache &cache, const RepoProvider &provider,
                                  const QString &project, const std::atomic_bool *cancelled)
{
    return openFetchedProject(config, cache, provider, project,
                              ScaffoldRunText::tr("The deployment repo of %1 could not be fetched; check that it can be "
                                                  "reached and try again.")
                                  .arg(project),
                              cancelled);
}

/// Both Applications of every environment of `answers` as `commit` has them (application.yaml, then
/// application-pipeline.yaml). A few blob reads.
Result<std::vector<ScaffoldApplication>> scaffoldApplications(const git::Repository &repo, const git::ObjectId &commit,
                                                              const ScaffoldAnswers &answers)
{
    std::vector<ScaffoldApplication> applications;
    for (const QString &env : answers.environments) {
        for (const bool pipeline : {false, true}) {
            const QString path = ServiceEnvPaths::folder(answers.spec.service, env)
                                 + (pipeline ? u"/application-pipeline.yaml"_s : u"/application.yaml"_s);
            auto text = repo.readFile(commit, path);
            if (!text.ok())
                return text.error();
            auto body = applicationJson(*text);
            if (!body.ok()) {
                Error error = body.error();
                error.detail = path + u": "_s + error.detail;
                return error;
            }
            const QString name = body->value(u"metadata"_s).toObject().value(u"name"_s).toString();
            if (name.isEmpty()) {
                return makeError(Error::Code::InvalidInput,
                                 ScaffoldRunText::tr("%1 names no Application (metadata.name is empty).").arg(path));
            }
            applications.push_back({env, name, pipeline, std::move(*body)});
        }
    }
    return applications;
}

} // namespace

Result<PreparedScaffold> prepareScaffold(const WorkspaceConfig &config, git::RepoCache &cache,
                                         const RepoProvider &provider, ScaffoldAnswers answers,
                                         const tmpl::TemplateSet &templates, const manifest::KustomizeRunner &runner,
                                         const std::atomic_bool *cancelled)
{
    const QString project = answers.spec.project;
    answers.spec.repoUrl = provider.repoUrl(project);
    if (answers.spec.branch.trimmed().isEmpty())
        answers.spec.branch = config.branch;
    answers = withWorkspaceDestinations(config, std::move(answers));
    if (auto valid = validateAnswers(answers, templates); !valid.ok())
        return valid.error();
    if (auto ruled = checkWorkspaceRules(config, answers); !ruled.ok())
        return ruled.error();
    auto exists = provider.repoExists(project);
    if (!exists.ok())
        return exists.error();
    if (!*exists) {
        // Nothing is created before the Commit: a new project is previewed against an empty scratch repository.
        QTemporaryDir scratch;
        auto empty = scratch.isValid() ? git::Repository::initBare(scratch.filePath(u"empty.git"_s), config.branch)
                                       : Result<git::Repository>(makeError(Error::Code::Io, scratch.errorString()));
        if (!empty.ok())
            return empty.error();
        auto review = previewScaffold(*empty, {}, project, answers, templates, runner);
        if (!review.ok())
            return review.error();
        review->newRepository = answers.spec.repoUrl;
        return PreparedScaffold{std::move(answers), std::move(*review)};
    }
    auto opened = openFetched(config, cache, provider, project, cancelled);
    if (!opened.ok())
        return opened.error();
    PreparedScaffold prepared;
    prepared.answers = withRunningTags(opened->repo, opened->tip, std::move(answers));
    auto review = previewScaffold(opened->repo, opened->tip, project, prepared.answers, templates, runner);
    if (!review.ok())
        return review.error();
    prepared.review = std::move(*review);
    return prepared;
}

Result<ScaffoldLanding> commitScaffold(const WorkspaceConfig &config, git::RepoCache &cache, RepoProvider &provider,
                                       const PreparedScaffold &prepared, const QString &message,
                                       const git::Signature &author, const std::atomic_bool *cancelled,
                                       std::function<void(int attempt, const QString &status)> progress)
{
    if (!prepared.review.newRepository.isEmpty()) {
        // Someone may have created it since the review: that counts as found, and the push loop checks the files.
        if (auto created = provider.ensureRepo(prepared.answers.spec.project); !created.ok())
            return created.error();
    }
    auto opened = openFetched(config, cache, provider, prepared.answers.spec.project, cancelled);
    if (!opened.ok())
        return opened.error();
    if (prepared.review.files.empty()) {
        if (opened->tip.isNull()) {
            return makeError(Error::Code::Precondition,
                             ScaffoldRunText::tr("The deployment repo of %1 is empty; preview the service again.")
                                 .arg(prepared.answers.spec.project));
        }
        auto applications = scaffoldApplications(opened->repo, opened->tip, prepared.answers);
        if (!applications.ok())
            return applications.error();
        return ScaffoldLanding{git::PushOutcome{opened->tip, {}, 0}, std::move(*applications)};
    }
    git::PushPlan plan;
    plan.remoteUrl = opened->url;
    plan.branch = config.branch;
    plan.message = git::withReviewedSummary(scaffoldMessage(prepared.answers, prepared.review, author), message);
    // A new service environment has no "before": whatever does not build is refused.
    plan.edit = renderCheckedEdit(scaffoldEdit(prepared.review), {kustomizeRunnerFor(config), false});
    plan.auth = provider.remoteAuth();
    plan.maxAttempts = kPushAttempts;
    plan.cancelled = cancelled;
    plan.progress = std::move(progress);
    auto outcome = git::runPushLoop(opened->repo, plan);
    if (!outcome.ok())
        return outcome.error();
    auto applications = scaffoldApplications(opened->repo, outcome->commit, prepared.answers);
    if (!applications.ok())
        return applications.error();
    return ScaffoldLanding{*outcome, std::move(*applications)};
}

} // namespace gd::ws
