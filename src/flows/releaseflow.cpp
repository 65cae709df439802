// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows/releaseflow.h"

#include "flows/syncandwait.h"
#include "git/identity.h"
#include "net/argoclient.h"
#include "workspace/journal.h"
#include "workspace/projectrepo.h"

using namespace Qt::Literals::StringLiterals;

namespace gd::flows {
namespace {

QString operationName(ws::ReleaseKind kind)
{
    switch (kind) {
    case ws::ReleaseKind::Promote:
        return u"promote"_s;
    case ws::ReleaseKind::Abort:
        return u"abort"_s;
    case ws::ReleaseKind::Rollback:
        return u"rollback"_s;
    case ws::ReleaseKind::Release:
        break;
    }
    return u"release"_s;
}

} // namespace

ReleaseFlow::ReleaseFlow(JobQueue &jobs, std::shared_ptr<git::RepoCache> cache, ws::WorkspaceConfig config,
                         SharedRepoProvider provider, ws::ReleaseOperation operation, argo::ArgoClient *client,
                         QString application, QObject *parent)
    : QObject(parent), m_jobs(jobs), m_cache(std::move(cache)), m_config(std::move(config)),
      m_provider(std::move(provider)),
      m_operation(std::move(operation)), m_client(client), m_application(std::move(application))
{
}

ReleaseFlow::~ReleaseFlow() = default;

QString ReleaseFlow::title() const
{
    const ws::ReleaseRequest &r = m_operation.request;
    switch (m_operation.kind) {
    case ws::ReleaseKind::Promote:
        return tr("Promote %1 %2 to GA in %3").arg(r.service, m_operation.canaryTag, r.env);
    case ws::ReleaseKind::Abort:
        return tr("Abort the canary of %1 in %2").arg(r.service, r.env);
    case ws::ReleaseKind::Rollback:
        return tr("Roll back %1 in %2 (commit %3)").arg(r.service, r.env, m_operation.commit.shortHex());
    case ws::ReleaseKind::Release:
        break;
    }
    return r.stage == ws::ReleaseStage::Canary ? tr("Release %1 %2 to %3 (canary)").arg(r.service, r.tag, r.env)
                                                : tr("Release %1 %2 to %3").arg(r.service, r.tag, r.env);
}

void ReleaseFlow::record(const QString &step, const QString &message, const QString &commit)
{
    const ws::ReleaseRequest &r = m_operation.request;
    // The journal is a record for people; an operation never fails because it cannot be written.
    (void)ws::Journal::shared().append(ws::JournalEntry{{}, m_config.name, m_operation.project, r.service, r.env,
                                                        operationName(m_operation.kind), step, commit, message});
}

void ReleaseFlow::start()
{
    record(u"requested"_s, title());
    Q_EMIT stepChanged(Step::Pushing, tr("Committing and pushing…"));
    const ws::WorkspaceConfig config = m_config;
    const ws::ReleaseOperation operation = m_operation;
    std::shared_ptr<git::RepoCache> cache = m_cache;
    SharedRepoProvider provider = m_provider;
    m_jobs.submitFor<git::PushOutcome>(
        u"release:"_s + m_config.name + u'/' + m_operation.project, title(),
        [config, operation, cache, provider](JobContext &context) -> Result<git::PushOutcome> {
            context.setStatus(ReleaseFlow::tr("Fetching %1").arg(operation.project));
            // Who the user is to git, from a repository that has their configuration (the global one applies).
            const git::Signature author = git::userIdentity(git::Repository());
            return ws::runReleaseOperation(config, *cache, *provider, operation, author, context.cancelFlag(),
                                           [&context](int attempt, const QString &status) {
                                               context.setStatus(ReleaseFlow::tr("Attempt %1: %2")
                                                                     .arg(attempt)
                                                                     .arg(status));
                                           });
        },
        this, [this](Result<git::PushOutcome> outcome) { onPushed(std::move(outcome)); });
}

void ReleaseFlow::onPushed(Result<git::PushOutcome> outcome)
{
    if (!outcome.ok()) {
        const bool refused =
            outcome.error().code == Error::Code::Precondition || outcome.error().code == Error::Code::Conflict;
        record(refused ? u"refused"_s : u"failed"_s, outcome.error().message);
        finish(false, refused, outcome.error().fullText());
        return;
    }
    m_commit = outcome->commit.toHex();
    record(u"pushed"_s, tr("Pushed after %n attempt(s).", nullptr, outcome->attempts), m_commit);
    Q_EMIT pushed(m_commit);
    if (!m_client) {
        finish(true, false, tr("%1: pushed as %2. No Argo CD server is connected, so nothing was synced.")
                                .arg(title(), outcome->commit.shortHex()));
        return;
    }
    if (m_application.isEmpty()) {
        finish(true, false, tr("%1: pushed as %2. No Argo CD Application deploys %3 in %4, so nothing was synced.")
                                .arg(title(), outcome->commit.shortHex(), m_operation.request.service,
                                     m_operation.request.env));
        return;
    }
    // The sync and the health that follows run here, not on a worker: the Activity panel lists them as a job too.
    const QString syncing = tr("Refreshing and syncing %1…").arg(m_application);
    m_followJob = m_jobs.track(tr("Sync and follow %1").arg(m_application), syncing);
    Q_EMIT stepChanged(Step::Syncing, syncing);
    m_follow = new SyncAndWait(*m_client, m_application, SyncAndWait::Options{}, this);
    connect(m_follow, &SyncAndWait::progressed, this, [this](const argo::Application &app) {
        const QString sentence = tr("%1: %2, %3").arg(app.name, argo::statusText(app.syncStatus), argo::statusText(app.healthStatus));
        m_jobs.setTrackedStatus(m_followJob, sentence);
        Q_EMIT stepChanged(Step::Following, sentence);
    });
    connect(m_follow, &SyncAndWait::finished, this, [this](bool ok, const QString &sentence) {
        record(ok ? u"healthy"_s : u"failed"_s, sentence, m_commit);
        m_jobs.finishTracked(m_followJob, ok ? Result<void>() : Result<void>(makeError(Error::Code::Generic, sentence)));
        finish(ok, false, sentence);
    });
    // Cancel in the Activity panel stops following; Argo CD goes on with what it was asked.
    connect(&m_jobs, &JobQueue::jobChanged, this, [this](int id) {
        if (id != m_followJob || !m_jobs.isCancelRequested(id) || m_follow == nullptr || m_done)
            return;
        const QString sentence = tr("%1: pushed as %2; no longer following %3 (Argo CD goes on syncing it).")
                                     .arg(title(), m_commit.left(8), m_application);
        record(u"stopped"_s, sentence, m_commit);
        m_jobs.finishTracked(m_followJob, makeError(Error::Code::Cancelled, sentence));
        m_follow->disconnect(this);
        finish(true, false, sentence);
    });
    m_follow->start();
}

void ReleaseFlow::finish(bool ok, bool refused, const QString &sentence)
{
    if (std::exchange(m_done, true))
        return;
    Q_EMIT stepChanged(Step::Done, sentence);
    Q_EMIT finished(ok, refused, sentence);
    if (parent() == nullptr)
        deleteLater();
}

} // namespace gd::flows
