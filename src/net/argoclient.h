// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/argoapplication.h"
#include "net/httpclient.h"
#include "util/result.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace gd::argo {

/// How to reach one Argo CD server. The token is held in memory only (it comes from the keychain,
/// the argocd CLI config or ARGOCD_AUTH_TOKEN) and is never logged.
struct ArgoServer {
    net::ServerSettings http;   ///< base URL (https://argocd.example.com), CA bundle, explicit insecure choice
    QString token;
};

template<typename T>
using Callback = std::function<void(Result<T>)>;

enum class RefreshMode { None, Normal, Hard };

/// What a sync asks for. `revision` is left out while auto-sync is on (Argo CD refuses it then).
struct SyncRequest {
    QString revision;
    bool prune = false;
    bool dryRun = false;

    /// A sync of `application` to `revision`, leaving the revision out when auto-sync is on (Argo CD would refuse
    /// "Cannot sync to …: auto-sync currently set to …"; it syncs to spec.source.targetRevision then). Pure.
    static SyncRequest forApplication(const Application &application, const QString &revision = {})
    {
        SyncRequest request;
        if (!application.autoSync)
            request.revision = revision;
        return request;
    }
};

/// Argo CD's REST API (reference/argocd-api.md), asynchronous, on the GUI thread (or the CLI's event loop).
/// Every call ends with exactly one callback, delivered only while `context` lives. Errors are sentences
/// (the grpc-gateway body's message inside); a 401 is Error::Code::Auth and also emits unauthorized().
class ArgoClient : public QObject {
    Q_OBJECT
public:
    ArgoClient(net::HttpClient &http, ArgoServer server, QObject *parent = nullptr);

    const ArgoServer &server() const { return m_server; }
    void setToken(const QString &token);

    void version(QObject *context, Callback<QString> done);
    /// POST /api/v1/session; on success the client uses the new token, and `done` gets it (to store in the keychain).
    void login(const QString &username, const QString &password, QObject *context, Callback<QString> done);
    /// GET /api/v1/applications with a `fields` list; correct also when the server ignores fields it does not know.
    void list(QObject *context, Callback<ApplicationList> done);
    /// GET one application; Normal/Hard refresh waits (long timeout) until the controller has reconciled.
    void get(const QString &name, RefreshMode refresh, QObject *context, Callback<Application> done);
    /// POST …/sync; "another operation is already in progress" is waited out and retried a few times.
    void sync(const QString &name, const SyncRequest &request, QObject *context, Callback<Application> done);
    /// POST /api/v1/applications?upsert=true&validate=true with a whole Application object.
    void upsert(const QJsonObject &application, QObject *context, Callback<Application> done);
    void remove(const QString &name, bool cascade, QObject *context, Callback<bool> done);
    void resourceTree(const QString &name, QObject *context, Callback<ResourceTree> done);

Q_SIGNALS:
    /// The server answered 401: the token is missing, expired or revoked; ask the user again.
    void unauthorized();

private:
    net::HttpClient &m_http;
    ArgoServer m_server;
};

} // namespace gd::argo
