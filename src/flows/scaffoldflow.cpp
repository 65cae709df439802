// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows/scaffoldflow.h"

#include "flows/syncandwait.h"
#include "git/identity.h"
#include "net/argoclient.h"
#include "workspace/journal.h"

using namespace Qt::Literals::StringLiterals;

namespace gd::flows {

ScaffoldFlow::ScaffoldFlow(JobQueue &jobs, std::shared_ptr<git::RepoCache> cache, ws::WorkspaceConfig config,
                           SharedRepoProvider provider, ws::PreparedScaffold prepared, QString message,
                           argo::ArgoClient *client, QObject *parent)
    : QObject(parent), m_jobs(jobs), m_cache(std::move(cache)), m_config(std::move(config)),
      m_provider(std::move(provider)),
      m_prepared(std::move(prepared)), m_message(std::move(message)), m_client(client)
{
}

ScaffoldFlow::~ScaffoldFlow() = default;

QString ScaffoldFlow::title() const
{
    const tmpl::ServiceSpec &spec = m_prepared.answers.spec;
    return tr("New service %1 in %2").arg(spec.service, spec.project);
}

void ScaffoldFlow::record(const QString &env, const QString &step, const QString &message)
{
    const tmpl::ServiceSpec &spec = m_prepared.answers.spec;
    // The journal is a record for people; the flow never fails because it cannot be written.
    (void)ws::Journal::shared().append(
        ws::JournalEntry{{}, m_config.name, spec.project, spec.service, env, u"scaffold"_s, step, m_commit, message});
}

void ScaffoldFlow::start()
{
    const QString environments = m_prepared.answers.environments.join(u", "_s);
    record(environments, u"requested"_s, title());
    Q_EMIT stepChanged(Step::Pushing, tr("Committing and pushing…"));
    const ws::WorkspaceConfig config = m_config;
    const ws::PreparedScaffold prepared = m_prepared;
    const QString message = m_message;
    std::shared_ptr<git::RepoCache> cache = m_cache;
    SharedRepoProvider provider = m_provider;
    m_jobs.submitFor<ws::ScaffoldLanding>(
        u"scaffold:"_s + m_config.name + u'/' + prepared.answers.spec.project, title(),
        [config, prepared, message, cache, provider](JobContext &context) -> Result<ws::ScaffoldLanding> {
            context.setStatus(ScaffoldFlow::tr("Fetching %1").arg(prepared.answers.spec.project));
            const git::Signature author = git::userIdentity(git::Repository());
            return ws::commitScaffold(config, *cache, *provider, prepared, message, author, context.cancelFlag(),
                                      [&context](int attempt, const QString &status) {
                                          context.setStatus(
                                              ScaffoldFlow::tr("Attempt %1: %2").arg(attempt).arg(status));
                                      });
        },
        this, [this](Result<ws::ScaffoldLanding> landing) { onPushed(std::move(landing)); });
}

void ScaffoldFlow::onPushed(Result<ws::ScaffoldLanding> landing)
{
    const QString environments = m_prepared.answers.environments.join(u", "_s);
    if (!landing.ok()) {
        const bool refused =
            landing.error().code == Error::Code::Precondition || landing.error().code == Error::Code::Conflict;
        record(environments, refused ? u"refused"_s : u"failed"_s, landing.error().message);
        finish(false, refused, landing.error().fullText());
        return;
    }
    m_commit = landing->outcome.commit.toHex();
    m_applications = std::move(landing->applications);
    if (landing->outcome.attempts == 0) {
        m_landed = tr("no file needed to change");
        record(environments, u"unchanged"_s, tr("The deployment repo already has exactly these files."));
    } else {
        m_landed = tr("pushed as %1").arg(m_commit.left(8));
        record(environments, u"pushed"_s, tr("Pushed after %n attempt(s).", nullptr, landing->outcome.attempts));
    }
    if (!m_client) {
        finish(true, false,
               tr("%1: %2. No Argo CD server is connected, so the Applications were not created; run the wizard "
                  "again for this service once Argo CD can be reached.")
                   .arg(title(), m_landed));
        return;
    }
    m_argoJob = m_jobs.track(tr("Argo CD Applications of %1").arg(m_prepared.answers.spec.service));
    upsertNext();
}

void ScaffoldFlow::upsertNext()
{
    if (!m_client) {
        const QString sentence = tr("%1: %2, but the Argo CD connection closed before every Application was "
                                    "created; run the wizard again for this service.")
                                     .arg(title(), m_landed);
        m_jobs.finishTracked(m_argoJob, makeError(Error::Code::Network, sentence));
        finish(false, false, sentence);
        return;
    }
    if (m_nextUpsert == m_applications.size()) {
        followWorkloads();
        return;
    }
    const ws::ScaffoldApplication &application = m_applications[m_nextUpsert];
    const QString creating = tr("Creating or updating the Argo CD Application %1…").arg(application.name);
    m_jobs.setTrackedStatus(m_argoJob, creating);
    Q_EMIT stepChanged(Step::CreatingApplications, creating);
    m_client->upsert(application.body, this, [this](Result<argo::Application> upserted) {
        const ws::ScaffoldApplication &done = m_applications[m_nextUpsert];
        if (!upserted.ok()) {
            const QString sentence = tr("%1: %2, but the Argo CD Application %3 could not be created or updated: "
                                        "%4 Run the wizard again for this service to retry.")
                                         .arg(title(), m_landed, done.name, upserted.error().message);
            record(done.env, u"failed"_s, sentence);
            m_jobs.finishTracked(m_argoJob, makeError(upserted.error().code, sentence));
            finish(false, false, sentence);
            return;
        }
        record(done.env, u"application"_s, tr("Argo CD Application %1 is in place.").arg(done.name));
        ++m_nextUpsert;
        upsertNext();
    });
}

void ScaffoldFlow::followWorkloads()
{
    for (const ws::ScaffoldApplication &application : m_applications) {
        if (application.pipeline)
            continue;
        ++m_following;
        auto *follow = new SyncAndWait(*m_client, application.name, SyncAndWait::Options{}, this);
        connect(follow, &SyncAndWait::progressed, this, [this](const argo::Application &app) {
            const QString sentence = tr("%1: %2, %3").arg(app.name, argo::statusText(app.syncStatus), argo::statusText(app.healthStatus));
            m_jobs.setTrackedStatus(m_argoJob, sentence);
            Q_EMIT stepChanged(Step::Following, sentence);
        });
        const QString name = application.name;
        connect(follow, &SyncAndWait::finished, this,
                [this, name](bool ok, const QString &sentence) { onFollowed(name, ok, sentence); });
        follow->start();
    }
    // Cancel in the Activity panel stops following; Argo CD goes on with what it was asked.
    connect(&m_jobs, &JobQueue::jobChanged, this, [this](int id) {
        if (id != m_argoJob || !m_jobs.isCancelRequested(id) || m_done)
            return;
        const QString sentence =
            tr("%1: %2 and the Applications are in place; no longer following their health.")
                .arg(title(), m_landed);
        m_jobs.finishTracked(m_argoJob, makeError(Error::Code::Cancelled, sentence));
        finish(true, false, sentence);
    });
    if (m_following == 0)
        onFollowed(QString(), true, QString());
}

void ScaffoldFlow::onFollowed(const QString &application, bool ok, const QString &sentence)
{
    if (m_done)
        return;
    if (!application.isEmpty()) {
        for (const ws::ScaffoldApplication &one : m_applications) {
            if (one.name == application)
                record(one.env, ok ? u"healthy"_s : u"failed"_s, sentence);
        }
        if (!ok)
            m_problems.append(sentence);
        if (--m_following > 0)
            return;
    }
    if (m_problems.isEmpty()) {
        const QString done = tr("%1: %2; both Argo CD Applications of %3 are in place and the service is Healthy.")
                                 .arg(title(), m_landed, m_prepared.answers.environments.join(u", "_s));
        m_jobs.finishTracked(m_argoJob, Result<void>());
        finish(true, false, done);
        return;
    }
    const QString failed = tr("%1: %2 and the Applications are in place, but: %3")
                               .arg(title(), m_landed, m_problems.join(u' '));
    m_jobs.finishTracked(m_argoJob, makeError(Error::Code::Generic, failed));
    finish(false, false, failed);
}

void ScaffoldFlow::finish(bool ok, bool refused, const QString &sentence)
{
    if (std::exchange(m_done, true))
        return;
    Q_EMIT stepChanged(Step::Done, sentence);
    Q_EMIT finished(ok, refused, sentence);
    if (parent() == nullptr)
        deleteLater();
}

} // namespace gd::flows
