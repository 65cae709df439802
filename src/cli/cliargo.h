// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flows/argosession.h"
#include "net/argoclient.h"
#include "net/credentialstore.h"
#include "net/httpclient.h"
#include "util/result.h"
#include "workspace/workspaceconfig.h"

#include <QJsonObject>
#include <QString>
#include <QTextStream>

namespace gd::cli {

/// Whether the command line can reach the system keychain: only through a D-Bus session (not in CI or over ssh,
/// where tokens come from environment variables).
bool keychainReachable();

/// A connected Argo CD session for the command line (no keychain without a D-Bus session: CI, ssh), shared by the
/// Argo CD and the release commands. Main thread; every call runs a local event loop until it has its answer.
class CliArgo {
public:
    explicit CliArgo(const ws::WorkspaceConfig &config);

    /// Connects and waits; an Error saying why when it cannot (no server configured, no token, unreachable).
    Result<argo::ArgoClient *> connect();

    /// Lists every Application, waiting for the answer. Call after connect().
    Result<argo::ApplicationList> list();
    /// Creates or updates `application` (the API's upsert), waiting for the answer. Call after connect().
    Result<argo::Application> upsert(const QJsonObject &application);

    /// The name of the Application that deploys `service` in `env` of `project` (whose deployment repo is `repoUrl`);
    /// NotFound with a sentence when none does. Lists the Applications once. Call after connect().
    Result<QString> workloadApplication(const QString &project, const QString &repoUrl, const QString &service,
                                        const QString &env);

    /// How a sync ended: done (accepted; with --wait healthy), done badly (the sync operation failed or the
    /// Application is Degraded), or not done (Argo CD did not answer, refused, or the wait ran out).
    enum class SyncOutcome { Done, Unhealthy, Unanswered };
    /// Refreshes and syncs `application` at once, and with `wait` follows it until Healthy or failed/Degraded.
    /// Prints one line per state change to `out`, the final sentence to `out` or `err`, and what it waits for to
    /// `err` (at once, then every ten seconds), so that stdout stays what scripts parse.
    SyncOutcome syncAndFollow(const QString &application, bool wait, QTextStream &out, QTextStream &err);

private:
    net::HttpClient m_http;
    net::CredentialStore *m_credentials;
    flows::ArgoSession m_session;
};

} // namespace gd::cli
