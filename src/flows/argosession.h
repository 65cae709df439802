// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/argoclient.h"
#include "net/argowatch.h"
#include "net/credentialstore.h"
#include "net/httpclient.h"
#include "workspace/workspaceconfig.h"

#include <QObject>
#include <QString>

#include <memory>

namespace gd::flows {

/// The Argo CD connection of one workspace: which server (workspace `argocd.server`, or a context of the argocd
/// CLI config), which token (the keychain, else the argocd CLI login for that server, else ARGOCD_AUTH_TOKEN), and
/// the client and watch built on them. GUI thread (or the CLI's event loop).
class ArgoSession : public QObject {
    Q_OBJECT
public:
    /// `credentials` may be null (no keychain: the CLI in CI); then only the CLI config and environment are used.
    ArgoSession(const ws::WorkspaceConfig &config, net::HttpClient &http, net::CredentialStore *credentials,
                QObject *parent = nullptr);
    ~ArgoSession() override;

    /// True when the workspace names an Argo CD server or context at all.
    bool isConfigured() const;
    /// Resolves server and token, then emits ready() or failed(); credentialsNeeded() when there is no token.
    void connectToServer();

    /// Valid after ready().
    argo::ArgoClient *client() const;
    argo::ArgoWatch *watch() const;
    /// What the status bar shows: the server URL, and whether TLS verification is off.
    QString serverLabel() const;
    bool insecure() const;

    /// Logs in with a user name and password; the token goes to the keychain. Emits ready() or failed().
    void logIn(const QString &username, const QString &password);
    /// Uses a token the user typed; it goes to the keychain. Emits ready() or failed().
    void useToken(const QString &token);

Q_SIGNALS:
    void ready();
    void failed(const QString &sentence);
    /// No token was found, or the server answered 401: ask the user (login dialog).
    void credentialsNeeded(const QString &reason);

private:
    /// Builds the client and watch for `token` (empty: only unauthenticated calls work) and emits ready() for a token.
    void startClient(const QString &token);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gd::flows
