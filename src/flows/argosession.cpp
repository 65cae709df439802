// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows/argosession.h"

#include "net/argoconnection.h"

#include <QCoreApplication>
#include <QPointer>
#include <QProcessEnvironment>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace gd::flows {
namespace {

// The translatable sentences of this file, in the "gd::flows::ArgoSession" context (lupdate reads the macro).
struct ArgoSessionText {
    Q_DECLARE_TR_FUNCTIONS(gd::flows::ArgoSession)
};

/// "host:port" of a server URL or of an argocd CLI server entry ("argocd.example.com" → port 443).
QString hostAndPort(const QUrl &url)
{
    const int defaultPort = url.scheme() == u"http" ? 80 : 443;
    return url.host().toLower() + u':' + QString::number(url.port(defaultPort));
}

} // namespace

struct ArgoSession::Private {
    ws::WorkspaceConfig config;
    net::HttpClient &http;
    QPointer<net::CredentialStore> credentials;
    net::ServerSettings server;
    std::unique_ptr<argo::ArgoClient> client;
    std::unique_ptr<argo::ArgoWatch> watch;

    Private(ws::WorkspaceConfig c, net::HttpClient &h, net::CredentialStore *store)
        : config(std::move(c)), http(h), credentials(store)
    {
    }
};

ArgoSession::ArgoSession(const ws::WorkspaceConfig &config, net::HttpClient &http, net::CredentialStore *credentials,
                         QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(config, http, credentials))
{
}

ArgoSession::~ArgoSession() = default;

bool ArgoSession::isConfigured() const
{
    return !d->config.argocdServer.isEmpty() || !d->config.argocdContext.isEmpty();
}

argo::ArgoClient *ArgoSession::client() const
{
    return d->client.get();
}

argo::ArgoWatch *ArgoSession::watch() const
{
    return d->watch.get();
}

QString ArgoSession::serverLabel() const
{
    return d->server.baseUrl.toString(QUrl::RemoveUserInfo);
}

bool ArgoSession::insecure() const
{
    return d->server.insecure;
}

void ArgoSession::connectToServer()
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!isConfigured()) {
        Q_EMIT failed(ArgoSessionText::tr("The workspace names no Argo CD server; add argocd.server to it."));
        return;
    }

    // A named argocd CLI context brings its own server and token.
    if (!d->config.argocdContext.isEmpty()) {
        auto login = argo::readArgoCliLogin(environment, d->config.argocdContext);
        if (!login.ok()) {
            Q_EMIT failed(login.error().message);
            return;
        }
        d->server = login->server.http;
        if (!d->config.argocdCaBundle.isEmpty())
            d->server.caBundlePath = d->config.argocdCaBundle;
        d->server.insecure = d->server.insecure || d->config.argocdInsecure;
        if (!login->server.token.isEmpty()) {
            useToken(login->server.token);
            return;
        }
    } else {
        d->server.baseUrl = QUrl(d->config.argocdServer);
        d->server.caBundlePath = d->config.argocdCaBundle;
        d->server.insecure = d->config.argocdInsecure;
    }

    const auto fromCliOrEnvironment = [this, environment]() {
        // `argocd login` to the same server, or ARGOCD_AUTH_TOKEN, connects a user at once.
        auto login = argo::readArgoCliLogin(environment);
        if (login.ok() && !login->server.token.isEmpty()
            && hostAndPort(login->server.http.baseUrl) == hostAndPort(d->server.baseUrl)) {
            startClient(login->server.token);
            return;
        }
        const QString envToken = environment.value(u"ARGOCD_AUTH_TOKEN"_s);
        if (!envToken.isEmpty() && environment.value(u"ARGOCD_SERVER"_s).isEmpty()) {
            startClient(envToken);
            return;
        }
        startClient({});
        Q_EMIT credentialsNeeded(ArgoSessionText::tr("Log in to Argo CD at %1 to see live status.").arg(serverLabel()));
    };

    if (d->credentials.isNull()) {
        fromCliOrEnvironment();
        return;
    }
    d->credentials->readToken(serverLabel(), this, [this, fromCliOrEnvironment](Result<QString> token) {
        if (token.ok() && !token->isEmpty())
            startClient(*token);
        else
            fromCliOrEnvironment();
    });
}

void ArgoSession::startClient(const QString &token)
{
    d->watch.reset();
    d->client = std::make_unique<argo::ArgoClient>(d->http, argo::ArgoServer{d->server, token});
    connect(d->client.get(), &argo::ArgoClient::unauthorized, this, [this] {
        Q_EMIT credentialsNeeded(
            ArgoSessionText::tr("Argo CD at %1 did not accept the token; log in again.").arg(serverLabel()));
    });
    d->watch = std::make_unique<argo::ArgoWatch>(d->http, *d->client);
    if (!token.isEmpty())
        Q_EMIT ready();
}

void ArgoSession::logIn(const QString &username, const QString &password)
{
    if (!d->client)
        startClient({});
    d->client->login(username, password, this, [this](Result<QString> token) {
        if (!token.ok()) {
            Q_EMIT failed(token.error().message);
            return;
        }
        useToken(*token);
    });
}

void ArgoSession::useToken(const QString &token)
{
    startClient(token);
    if (d->credentials.isNull())
        return;
    // The keychain keeps it for the next start; a missing keychain only costs a login next time.
    d->credentials->writeToken(serverLabel(), token, this, [](Result<void>) {});
}

} // namespace gd::flows
