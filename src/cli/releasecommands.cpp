// SPDX-License-Identifier: GPL-3.0-or-later
// The release commands of gitops-desk-cli: release, promote, abort and rollback. Each reads what the fetched branch
// tip says (the tag a script "saw"), pushes one commit with the push loop, then refreshes and syncs Argo CD.
#include "cli/cliapp.h"

#include "util/names.h"

#include "cli/cliargo.h"
#include "git/identity.h"
#include "git/pushloop.h"
#include "git/repocache.h"
#include "util/names.h"
#include "workspace/appdirs.h"
#include "workspace/catalog.h"
#include "workspace/release.h"
#include "workspace/releasehistory.h"
#include "workspace/renderscope.h"
#include "workspace/repoprovider.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <chrono>

using namespace Qt::Literals::StringLiterals;

namespace gd::cli {
namespace {

// The translatable sentences of this file, in the "gd::cli::CliApp" context (lupdate reads the macro).
struct ReleaseCommandsText {
    Q_DECLARE_TR_FUNCTIONS(gd::cli::CliApp)
};

/// Scripts release many services of one repo at once: give the loop room to wait its turn (about 35 s at most).
constexpr int pushAttempts = 20;

QString stageWord(ws::ReleaseStage stage)
{
    return stage == ws::ReleaseStage::Canary ? ReleaseCommandsText::tr("canary") : ReleaseCommandsText::tr("GA");
}

QString orNone(const QString &tag)
{
    return tag.isEmpty() ? ReleaseCommandsText::tr("no tag") : tag;
}

/// The newest commit of the release timeline of `service` in `env` that set `stage` to `tag`; null when the timeline
/// does not say (the tag came with the service, or the history cannot be read).
git::ObjectId commitThatSet(const ws::OpenedProject &project, const QString &service, const QString &env,
                            ws::ReleaseStage stage, const QString &tag)
{
    auto timeline = ws::ReleaseHistoryCache::shared().history(project.repo, project.tip, service, env);
    if (!timeline.ok())
        return {};
    for (const ws::ReleaseEntry &entry : *timeline) {
        if (entry.stage == ws::stageName(stage) && entry.toTag == tag)
            return entry.commit;
    }
    return {};
}

} // namespace

struct CliApp::ReleaseSite {
    ServiceEnvArgs args;
    ws::WorkspaceConfig config;
    flows::SharedRepoProvider provider;
    std::unique_ptr<git::RepoCache> cache;
    ws::OpenedProject project;   ///< declared after the cache: its operation lock (threads and processes) lives there
    ws::EnvironmentState state;
};

int CliApp::refuse(const Error &error)
{
    m_err << error.message << '\n';
    if (!error.detail.isEmpty())
        m_err << error.detail << '\n';
    return error.code == Error::Code::Precondition || error.code == Error::Code::Conflict ? Refused : Failure;
}

std::unique_ptr<CliApp::ReleaseSite> CliApp::openReleaseSite(const Invocation &invocation, const ServiceEnvArgs &args,
                                                             int *exitCode)
{
    auto site = std::make_unique<ReleaseSite>();
    site->args = args;
    auto config = loadWorkspace(invocation);
    if (!config.ok()) {
        *exitCode = fail(config.error());
        return nullptr;
    }
    site->config = std::move(*config);
    auto provider = repoProvider(site->config);
    if (!provider.ok()) {
        *exitCode = fail(provider.error());
        return nullptr;
    }
    site->provider = std::move(*provider);
    site->cache = std::make_unique<git::RepoCache>(ws::repoCacheDir());
    auto project = openForReading(site->config, *site->provider, *site->cache, args.project,
                                  [this](const QString &sentence) { m_err << sentence << Qt::endl; });
    if (!project.ok()) {
        *exitCode = fail(project.error());
        return nullptr;
    }
    site->project = std::move(*project);
    // What the user saw: the tip when the command started, read before waiting for the lock (the preconditions).
    site->state = ws::Catalog::readEnvironment(site->project.repo, site->project.seenTip, args.service, args.env);
    if (!site->state.problem.isEmpty()) {
        *exitCode = fail(makeError(Error::Code::NotFound, site->state.problem));
        return nullptr;
    }
    return site;
}

int CliApp::landRelease(const Invocation &invocation, ReleaseSite &site, const ws::PreparedRelease &prepared)
{
    git::PushPlan plan;
    plan.remoteUrl = site.project.url;
    plan.branch = site.config.branch;
    plan.message = prepared.message;
    plan.edit = ws::renderCheckedEdit(prepared.edit, {ws::kustomizeRunnerFor(site.config), invocation.allowBroken});
    plan.auth = site.provider->remoteAuth();
    plan.maxAttempts = pushAttempts;
    int announced = 1;
    plan.progress = [&](int attempt, const QString &) {
        if (attempt > announced) {
            announced = attempt;
            m_out << ReleaseCommandsText::tr("The branch moved meanwhile; applying the change again on the new tip "
                                             "(attempt %1).")
                         .arg(attempt)
                  << Qt::endl;
        }
    };
    plan.notice = [this](const QString &sentence) { m_err << sentence << Qt::endl; };
    auto outcome = git::runPushLoop(site.project.repo, plan);
    if (!outcome.ok())
        return refuse(outcome.error());
    m_out << ReleaseCommandsText::tr("Pushed commit %1 to %2.").arg(outcome->commit.toHex(), site.config.branch)
          << Qt::endl;
    return syncLanded(invocation, site, outcome->commit);
}

int CliApp::syncLanded(const Invocation &invocation, ReleaseSite &site, const git::ObjectId &commit)
{
    // The local copy is no longer needed: let other processes have it while Argo CD syncs.
    site.project.lock.unlock();

    const ServiceEnvArgs &args = site.args;
    if (invocation.noSync) {
        m_out << ReleaseCommandsText::tr("Argo CD was not asked to sync (--no-sync); it notices the commit at its next "
                                         "poll, within about three minutes.")
              << Qt::endl;
        return Success;
    }
    CliArgo argo(site.config);
    if (auto client = argo.connect(); !client.ok())
        return notSynced(commit, args, client.error());
    auto application = argo.workloadApplication(args.project, site.project.url, args.service, args.env);
    if (!application.ok())
        return notSynced(commit, args, application.error());
    m_out << ReleaseCommandsText::tr("Refreshing and syncing the Argo CD Application %1.").arg(*application)
          << Qt::endl;
    switch (argo.syncAndFollow(*application, invocation.wait, m_out, m_err)) {
    case CliArgo::SyncOutcome::Done:
        return Success;
    case CliArgo::SyncOutcome::Unhealthy:
        return Failure;
    case CliArgo::SyncOutcome::Unanswered:
        break;
    }
    return notSynced(commit, args, Error{});
}

int CliApp::notSynced(const git::ObjectId &commit, const ServiceEnvArgs &args, const Error &why)
{
    if (!why.message.isEmpty())
        m_err << why.message << '\n';
    if (!why.detail.isEmpty())
        m_err << why.detail << '\n';
    m_err << ReleaseCommandsText::tr("Commit %1 is pushed, but Argo CD has not synced it. Run `gitops-desk-cli sync "
                                     "%2 %3 %4` once Argo CD can be reached to finish the release.")
                 .arg(commit.toHex(), args.project, args.service, args.env)
          << '\n';
    return NotSynced;
}

int CliApp::release(const Invocation &invocation)
{
    auto args = serviceEnvArgs(invocation.words);
    if (!args.ok())
        return usage(args.error().message);
    if (invocation.tag.isEmpty())
        return usage(ReleaseCommandsText::tr("release needs the new tag: --tag TAG."));
    if (auto tag = checkImageTag(invocation.tag); !tag.ok())
        return usage(u"--tag: "_s + tag.error().message);
    std::optional<ws::ReleaseStage> stage;
    if (invocation.stage == u"canary")
        stage = ws::ReleaseStage::Canary;
    else if (invocation.stage == u"ga")
        stage = ws::ReleaseStage::Ga;
    else if (!invocation.stage.isEmpty())
        return usage(ReleaseCommandsText::tr("--stage takes canary or ga, not \"%1\".").arg(invocation.stage));

    int exitCode = Failure;
    const std::unique_ptr<ReleaseSite> site = openReleaseSite(invocation, *args, &exitCode);
    if (!site)
        return exitCode;
    const ws::EnvironmentState &state = site->state;
    ws::ReleaseRequest request;
    request.service = args->service;
    request.env = args->env;
    request.stage = stage.value_or(state.canaryStage ? ws::ReleaseStage::Canary : ws::ReleaseStage::Ga);
    request.tag = invocation.tag;
    const QString current = request.stage == ws::ReleaseStage::Canary ? state.canaryTag : state.gaTag;
    request.expectedTag = invocation.expect.value_or(current);
    if (current == request.tag) {
        // A retry of a release that landed (its Argo CD step had failed): nothing to push, only the sync to finish.
        const git::ObjectId setBy = commitThatSet(site->project, request.service, request.env, request.stage,
                                                  request.tag);
        m_out << ReleaseCommandsText::tr("%1 %2 already landed on the %3 stage in %4 (commit %5); nothing to push.")
                     .arg(request.service, request.tag, stageWord(request.stage), request.env,
                          setBy.isNull() ? site->project.tip.toHex() : setBy.toHex())
              << Qt::endl;
        return syncLanded(invocation, *site, setBy.isNull() ? site->project.tip : setBy);
    }
    m_out << ReleaseCommandsText::tr("Releasing %1 %2 to the %3 stage in %4 (it runs %5 at commit %6).")
                 .arg(request.service, request.tag, stageWord(request.stage), request.env, orNone(current),
                      site->project.seenTip.shortHex())
          << Qt::endl;
    const git::Signature author = git::userIdentity(site->project.repo);
    auto prepared = ws::prepareRelease(site->project.repo, site->project.tip, request, author);
    if (!prepared.ok())
        return refuse(prepared.error());
    return landRelease(invocation, *site, *prepared);
}

int CliApp::onCanaryStage(const Invocation &invocation, const std::function<QString(const ServiceEnvArgs &)> &noCanary,
                          const std::function<int(const ServiceEnvArgs &, ReleaseSite &)> &work)
{
    auto args = serviceEnvArgs(invocation.words);
    if (!args.ok())
        return usage(args.error().message);
    int exitCode = Failure;
    const std::unique_ptr<ReleaseSite> site = openReleaseSite(invocation, *args, &exitCode);
    if (!site)
        return exitCode;
    if (!site->state.canaryStage)
        return fail(makeError(Error::Code::InvalidInput, noCanary(*args)));
    return work(*args, *site);
}

int CliApp::promote(const Invocation &invocation)
{
    return onCanaryStage(
        invocation,
        [](const ServiceEnvArgs &args) {
            return ReleaseCommandsText::tr("%1 has no canary stage in %2, so there is nothing to promote; release to "
                                           "GA directly.")
                .arg(args.service, args.env);
        },
        [this, &invocation](const ServiceEnvArgs &args, ReleaseSite &site) {
            const ws::EnvironmentState &state = site.state;
            m_out << ReleaseCommandsText::tr("Promoting %1 %2 from the canary to GA in %3 (GA runs %4).")
                         .arg(args.service, state.canaryTag, args.env, orNone(state.gaTag))
                  << Qt::endl;
            auto prepared = ws::preparePromote(site.project.repo, site.project.tip, args.service, args.env,
                                               state.canaryTag, state.gaTag, git::userIdentity(site.project.repo));
            if (!prepared.ok())
                return refuse(prepared.error());
            return landRelease(invocation, site, *prepared);
        });
}

int CliApp::abortCanary(const Invocation &invocation)
{
    return onCanaryStage(
        invocation,
        [](const ServiceEnvArgs &args) {
            return ReleaseCommandsText::tr("%1 has no canary stage in %2, so there is no canary to abort.")
                .arg(args.service, args.env);
        },
        [this, &invocation](const ServiceEnvArgs &args, ReleaseSite &site) {
            const ws::EnvironmentState &state = site.state;
            auto prepared = ws::prepareAbort(site.project.repo, site.project.tip, args.service, args.env,
                                             state.canaryTag, {}, git::userIdentity(site.project.repo));
            if (!prepared.ok())
                return refuse(prepared.error());
            m_out << ReleaseCommandsText::tr("Aborting the canary %1 %2 in %3: reverting commit %4 puts the canary "
                                             "back on %5.")
                         .arg(args.service, state.canaryTag, args.env, prepared->trailers.reverts.shortHex(),
                              orNone(prepared->trailers.tag()))
                  << Qt::endl;
            return landRelease(invocation, site, *prepared);
        });
}

int CliApp::rollback(const Invocation &invocation)
{
    auto args = serviceEnvArgs(invocation.words);
    if (!args.ok())
        return usage(args.error().message);
    if (invocation.last == !invocation.commit.isEmpty())
        return usage(ReleaseCommandsText::tr("rollback needs either --commit SHA or --last."));
    static const QRegularExpression hex(u"^[0-9a-fA-F]{4,40}$"_s);
    if (!invocation.commit.isEmpty() && !hex.match(invocation.commit).hasMatch())
        return usage(ReleaseCommandsText::tr("--commit takes a commit id (4 to 40 hex digits), not \"%1\".")
                         .arg(invocation.commit));
    int exitCode = Failure;
    const std::unique_ptr<ReleaseSite> site = openReleaseSite(invocation, *args, &exitCode);
    if (!site)
        return exitCode;
    const git::Repository &repo = site->project.repo;

    git::ObjectId release;
    if (invocation.last) {
        auto newest = ws::lastStandingRelease(repo, site->project.seenTip, args->service, args->env);
        if (!newest.ok())
            return fail(newest.error());
        release = newest->id;
    } else {
        auto resolved = repo.resolve(invocation.commit);
        if (!resolved.ok())
            return fail(resolved.error());
        release = *resolved;
    }
    auto described = ws::describeCommit(repo, release);
    if (!described.ok())
        return fail(described.error());
    if (described->service != args->service || described->environment != args->env) {
        return fail(makeError(Error::Code::InvalidInput,
                              ReleaseCommandsText::tr("Commit %1 changed %2 in %3, not %4 in %5; check the commit id.")
                                  .arg(release.shortHex(), described->service, described->environment,
                                       args->service, args->env)));
    }
    auto prepared = ws::prepareRollback(repo, site->project.tip, release, git::userIdentity(repo));
    if (!prepared.ok()) {
        const int code = refuse(prepared.error());
        if (prepared.error().code == Error::Code::Conflict && !described->previousTag().isEmpty()) {
            m_err << ReleaseCommandsText::tr("To release it forward: gitops-desk-cli release %1 %2 %3 --tag %4 "
                                             "--stage %5")
                         .arg(args->project, args->service, args->env, described->previousTag(),
                              ws::stageName(described->stage))
                  << '\n';
        }
        return code;
    }
    m_out << ReleaseCommandsText::tr("Rolling back %1 in %2: reverting commit %3 puts the %4 stage back on %5.")
                 .arg(args->service, args->env, release.shortHex(), stageWord(prepared->trailers.stage),
                      orNone(prepared->trailers.tag()))
          << Qt::endl;
    return landRelease(invocation, *site, *prepared);
}

int CliApp::history(const Invocation &invocation)
{
    return onServiceEnv(invocation, [this, &invocation](const QString &service, const QString &env,
                                                       ws::OpenedProject &project) {
        auto timeline = ws::ReleaseHistoryCache::shared().history(project.repo, project.tip, service, env);
        if (!timeline.ok())
            return fail(timeline.error());
        if (invocation.json) {
            QJsonArray list;
            for (const ws::ReleaseEntry &entry : *timeline) {
                list.append(QJsonObject{{u"commit"_s, entry.commit.toHex()},
                                        {u"summary"_s, entry.summary},
                                        {u"author"_s, entry.author.name},
                                        {u"email"_s, entry.author.email},
                                        {u"when"_s, entry.when.toString(Qt::ISODate)},
                                        {u"stage"_s, jsonOrNull(entry.stage)},
                                        {u"kind"_s, entry.kind},
                                        {u"fromTag"_s, jsonOrNull(entry.fromTag)},
                                        {u"toTag"_s, jsonOrNull(entry.toTag)},
                                        {u"image"_s, jsonOrNull(entry.image)},
                                        {u"reverts"_s, entry.reverts.isNull() ? QJsonValue() : QJsonValue(entry.reverts.toHex())}});
            }
            m_out << QJsonDocument(list).toJson(QJsonDocument::Indented);
            return int(Success);
        }
        QList<QStringList> rows{{ReleaseCommandsText::tr("When"), ReleaseCommandsText::tr("Who"),
                                 ReleaseCommandsText::tr("Change"), ReleaseCommandsText::tr("Tag"),
                                 ReleaseCommandsText::tr("Commit")}};
        for (const ws::ReleaseEntry &entry : *timeline) {
            const QString change = entry.stage.isEmpty() ? entry.kind : entry.kind + u" ("_s + entry.stage + u')';
            const QString tags = entry.fromTag.isEmpty() && entry.toTag.isEmpty()
                                     ? QString()
                                     : (entry.fromTag.isEmpty() ? u"-"_s : entry.fromTag) + u" -> "_s
                                           + (entry.toTag.isEmpty() ? u"-"_s : entry.toTag);
            rows.append({entry.when.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s), entry.author.name, change, tags,
                         entry.commit.shortHex()});
        }
        m_out << formatTable(rows);
        return int(Success);
    });
}

} // namespace gd::cli
