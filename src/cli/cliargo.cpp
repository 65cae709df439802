// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cliargo.h"

#include "flows/syncandwait.h"
#include "net/blockingcall.h"
#include "net/appmatch.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace gd::cli {
namespace {

// The translatable sentences of this file, in the "gd::cli::CliApp" context (lupdate reads the macro).
struct CliArgoText {
    Q_DECLARE_TR_FUNCTIONS(gd::cli::CliApp)
};

} // namespace

bool keychainReachable()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

CliArgo::CliArgo(const ws::WorkspaceConfig &config)
    : m_credentials(keychainReachable() ? new net::CredentialStore(&m_http) : nullptr),
      m_session(config, m_http, m_credentials)
{
}

Result<argo::ArgoClient *> CliArgo::connect()
{
    if (!m_session.isConfigured())
        return makeError(Error::Code::InvalidInput,
                         CliArgoText::tr("The workspace names no Argo CD server; add argocd.server to it."));
    QEventLoop loop;
    bool settled = false;   // the session may answer before the loop runs
    std::optional<Error> failure;
    QObject::connect(&m_session, &flows::ArgoSession::ready, &loop, [&] {
        settled = true;
        loop.quit();
    });
    QObject::connect(&m_session, &flows::ArgoSession::failed, &loop, [&](const QString &sentence) {
        settled = true;
        failure = makeError(Error::Code::Network, sentence);
        loop.quit();
    });
    QObject::connect(&m_session, &flows::ArgoSession::credentialsNeeded, &loop, [&](const QString &sentence) {
        settled = true;
        failure = makeError(Error::Code::Auth, sentence,
                            CliArgoText::tr("Run `argocd login`, or set ARGOCD_AUTH_TOKEN."));
        loop.quit();
    });
    m_session.connectToServer();
    if (!settled)
        loop.exec();
    if (failure)
        return *failure;
    return m_session.client();
}

Result<argo::ApplicationList> CliArgo::list()
{
    return net::waitForAnswer<argo::ApplicationList>([this](QObject *context, auto done) {
        m_session.client()->list(context, std::move(done));
    });
}

Result<argo::Application> CliArgo::upsert(const QJsonObject &application)
{
    return net::waitForAnswer<argo::Application>([this, &application](QObject *context, auto done) {
        m_session.client()->upsert(application, context, std::move(done));
    });
}

Result<QString> CliArgo::workloadApplication(const QString &project, const QString &repoUrl, const QString &service,
                                             const QString &env)
{
    auto apps = list();
    if (!apps.ok())
        return apps.error();
    argo::AppMatcher matcher;
    matcher.addRepository(project, repoUrl);
    for (const argo::Application &app : apps->items) {
        const std::optional<argo::AppMatch> match = matcher.match(app);
        if (match && match->kind == argo::AppMatch::Kind::Workload && match->service == service
            && match->environment == env)
            return app.name;
    }
    return makeError(Error::Code::NotFound,
                     CliArgoText::tr("No Argo CD Application deploys %1 in %2 of project %3.").arg(service, env, project));
}

CliArgo::SyncOutcome CliArgo::syncAndFollow(const QString &application, bool wait, QTextStream &out,
                                            QTextStream &err)
{
    flows::SyncAndWait::Options options;
    options.wait = wait;
    flows::SyncAndWait follow(*m_session.client(), application, options);
    QEventLoop loop;
    bool succeeded = false;
    QString lastLine;
    QObject::connect(&follow, &flows::SyncAndWait::progressed, &loop, [&](const argo::Application &app) {
        const QString line = CliArgoText::tr("%1: sync %2, health %3, operation %4")
                                 .arg(app.name, app.syncStatus, app.healthStatus,
                                      app.operationPhase.isEmpty() ? u"-"_s : app.operationPhase);
        if (line != lastLine)
            out << line << Qt::endl;
        lastLine = line;
    });
    QObject::connect(&follow, &flows::SyncAndWait::waiting, &loop,
                     [&](const QString &sentence) { err << sentence << Qt::endl; });
    QObject::connect(&follow, &flows::SyncAndWait::finished, &loop, [&](bool ok, const QString &sentence) {
        succeeded = ok;
        (ok ? out : err) << sentence << Qt::endl;
        loop.quit();
    });
    follow.start();
    loop.exec();
    if (succeeded)
        return SyncOutcome::Done;
    return follow.failure() == flows::SyncAndWait::Failure::Unhealthy ? SyncOutcome::Unhealthy
                                                                       : SyncOutcome::Unanswered;
}

} // namespace gd::cli
