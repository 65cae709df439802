// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/argoclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace gd::argo {
namespace {

/// What the list reads (reference §2 whitelist). A server that ignores `fields` sends whole apps: parsed the same.
const QString kListFields = u"metadata.resourceVersion,items.metadata.name,items.metadata.namespace,"
                            "items.metadata.labels,items.metadata.annotations,items.metadata.resourceVersion,"
                            "items.metadata.deletionTimestamp,items.spec,items.status.sync.status,items.status.sync.revision,"
                            "items.status.health,"
                            "items.status.summary,items.status.operationState.phase,"
                            "items.status.operationState.startedAt,items.status.operationState.finishedAt,"
                            "items.status.reconciledAt,items.operation.sync"_s;

constexpr int kSyncInProgressAttempts = 5;

QString trText(const char *text)
{
    return QCoreApplication::translate("gd::argo::ArgoClient", text);
}

QString appPath(const QString &name)
{
    return u"/api/v1/applications/"_s + QString::fromUtf8(QUrl::toPercentEncoding(name));
}

} // namespace

ArgoClient::ArgoClient(net::HttpClient &http, ArgoServer server, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_server(std::move(server))
{
    if (m_server.http.displayName.isEmpty())
        m_server.http.displayName = u"Argo CD"_s;
}

void ArgoClient::setToken(const QString &token)
{
    m_server.token = token;
}

/// Sends `request` with the token, turns a 401 into unauthorized(), then hands the parsed value to `done`.
template<typename T, typename Parse>
static void call(ArgoClient *self, net::HttpClient &http, const ArgoServer &server, net::HttpRequest request,
                 QObject *context, Callback<T> done, Parse parse, std::function<void()> onUnauthorized)
{
    request.bearerToken = server.token;
    QPointer<ArgoClient> guard(self);
    http.send(server.http, request, context,
              [guard, done = std::move(done), parse = std::move(parse),
               onUnauthorized = std::move(onUnauthorized)](Result<net::HttpResponse> response) {
                  if (!response) {
                      if (response.error().code == Error::Code::Auth && response.error().message.contains(u"(401)"_s)
                          && guard)
                          onUnauthorized();
                      done(response.error());
                      return;
                  }
                  done(parse(response->body));
              });
}

void ArgoClient::version(QObject *context, Callback<QString> done)
{
    net::HttpRequest request;
    request.path = u"/api/version"_s;
    call<QString>(this, m_http, m_server, request, context, std::move(done),
                  [](const QByteArray &body) -> Result<QString> {
                      const QString version =
                          QJsonDocument::fromJson(body).object().value("Version"_L1).toString();
                      if (version.isEmpty())
                          return makeError(Error::Code::InvalidInput,
                                           trText("The server did not answer like Argo CD; check the server address."),
                                           QString::fromUtf8(body.left(300)));
                      return version;
                  },
                  [this] { Q_EMIT unauthorized(); });
}

void ArgoClient::login(const QString &username, const QString &password, QObject *context, Callback<QString> done)
{
    net::HttpRequest request;
    request.method = "POST";
    request.path = u"/api/v1/session"_s;
    request.body = QJsonDocument(QJsonObject{{u"username"_s, username}, {u"password"_s, password}})
                       .toJson(QJsonDocument::Compact);
    request.maxAttempts = 1;   // a wrong password must not be tried again (lock-out)
    QPointer<ArgoClient> self(this);
    auto server = m_server;
    server.token.clear();
    call<QString>(this, m_http, server, request, context,
                  Callback<QString>([self, done = std::move(done)](Result<QString> token) {
                      if (token && self)
                          self->setToken(token.value());
                      done(std::move(token));
                  }),
                  [](const QByteArray &body) -> Result<QString> {
                      const QString token = QJsonDocument::fromJson(body).object().value("token"_L1).toString();
                      if (token.isEmpty())
                          return makeError(Error::Code::Auth, trText("Argo CD accepted the login but sent no token."));
                      return token;
                  },
                  [] {});
}

void ArgoClient::list(QObject *context, Callback<ApplicationList> done)
{
    net::HttpRequest request;
    request.path = u"/api/v1/applications"_s;
    request.query.addQueryItem(u"fields"_s, kListFields);
    call<ApplicationList>(this, m_http, m_server, request, context, std::move(done),
                          [](const QByteArray &body) { return parseApplicationList(body); },
                          [this] { Q_EMIT unauthorized(); });
}

void ArgoClient::get(const QString &name, RefreshMode refresh, QObject *context, Callback<Application> done)
{
    net::HttpRequest request;
    request.path = appPath(name);
    if (refresh != RefreshMode::None) {
        request.query.addQueryItem(u"refresh"_s, refresh == RefreshMode::Hard ? u"hard"_s : u"normal"_s);
        // The server answers only once the controller has reconciled.
        request.timeout = std::chrono::minutes(2);
        request.maxAttempts = 2;
    }
    call<Application>(this, m_http, m_server, request, context, std::move(done),
                      [](const QByteArray &body) -> Result<Application> {
                          return parseApplication(QJsonDocument::fromJson(body).object());
                      },
                      [this] { Q_EMIT unauthorized(); });
}

void ArgoClient::sync(const QString &name, const SyncRequest &syncRequest, QObject *context, Callback<Application> done)
{
    QJsonObject body;
    if (!syncRequest.revision.isEmpty())
        body.insert(u"revision"_s, syncRequest.revision);
    if (syncRequest.prune)
        body.insert(u"prune"_s, true);
    if (syncRequest.dryRun)
        body.insert(u"dryRun"_s, true);
    net::HttpRequest request;
    request.method = "POST";
    request.path = appPath(name) + u"/sync"_s;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.timeout = std::chrono::seconds(60);

    // "another operation is already in progress" (400, code 9): wait for it with backoff and try again.
    struct Attempt {
        int number = 0;
        std::function<void()> run;
    };
    auto attempt = std::make_shared<Attempt>();
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QPointer<ArgoClient> self(this);
    attempt->run = [self, guard, hasContext, request, attempt, done = std::move(done)]() {
        if (!self || (hasContext && !guard))
            return;
        ++attempt->number;
        call<Application>(self, self->m_http, self->m_server, request, guard,
                          Callback<Application>([self, guard, hasContext, attempt, done](Result<Application> result) {
                              const bool busy = !result
                                                && result.error().message.contains(u"another operation is already in progress"_s);
                              if (busy && attempt->number < kSyncInProgressAttempts && self && (guard || !hasContext)) {
                                  const int base = 1000 << (attempt->number - 1);
                                  const int delay = base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1);
                                  QTimer::singleShot(delay, self.data(), [attempt] { attempt->run(); });
                                  return;
                              }
                              attempt->run = nullptr;   // break the self-reference
                              done(std::move(result));
                          }),
                          [](const QByteArray &reply) -> Result<Application> {
                              return parseApplication(QJsonDocument::fromJson(reply).object());
                          },
                          [self] {
                              if (self)
                                  Q_EMIT self->unauthorized();
                          });
    };
    attempt->run();
}

void ArgoClient::upsert(const QJsonObject &application, QObject *context, Callback<Application> done)
{
    net::HttpRequest request;
    request.method = "POST";
    request.path = u"/api/v1/applications"_s;
    request.query.addQueryItem(u"upsert"_s, u"true"_s);
    request.query.addQueryItem(u"validate"_s, u"true"_s);
    request.body = QJsonDocument(application).toJson(QJsonDocument::Compact);
    call<Application>(this, m_http, m_server, request, context, std::move(done),
                      [](const QByteArray &body) -> Result<Application> {
                          return parseApplication(QJsonDocument::fromJson(body).object());
                      },
                      [this] { Q_EMIT unauthorized(); });
}

void ArgoClient::remove(const QString &name, bool cascade, QObject *context, Callback<bool> done)
{
    net::HttpRequest request;
    request.method = "DELETE";
    request.path = appPath(name);
    request.query.addQueryItem(u"cascade"_s, cascade ? u"true"_s : u"false"_s);
    call<bool>(this, m_http, m_server, request, context, std::move(done),
               [](const QByteArray &) -> Result<bool> { return true; }, [this] { Q_EMIT unauthorized(); });
}

void ArgoClient::resourceTree(const QString &name, QObject *context, Callback<ResourceTree> done)
{
    net::HttpRequest request;
    request.path = appPath(name) + u"/resource-tree"_s;
    call<ResourceTree>(this, m_http, m_server, request, context, std::move(done),
                       [](const QByteArray &body) { return parseResourceTree(body); },
                       [this] { Q_EMIT unauthorized(); });
}

} // namespace gd::argo
