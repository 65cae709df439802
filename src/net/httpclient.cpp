// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/httpclient.h"

#include "net/apiutil.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopedPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::net {
namespace {

QString trText(const char *text)
{
    return QCoreApplication::translate("gd::net::HttpClient", text);
}

using ReplyPtr = std::unique_ptr<QNetworkReply, QScopedPointerDeleteLater>;

QString serverName(const ServerSettings &server)
{
    return server.displayName.isEmpty() ? server.baseUrl.host() : server.displayName;
}

QString describeRequest(const ServerSettings &server, const HttpRequest &request)
{
    return QString::fromLatin1(request.method) + u' '
           + HttpClient::redact(api::requestUrl(server, request).toString(QUrl::RemoveUserInfo));
}

QNetworkRequest buildRequest(const ServerSettings &server, const HttpRequest &request, QString *tlsProblem)
{
    QNetworkRequest req(api::requestUrl(server, request));
    req.setHeader(QNetworkRequest::UserAgentHeader, u"GitOpsDesk/1"_s);
    // Same origin only: the bearer token must never follow a redirect to another host.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    if (request.method != "GET" && request.method != "HEAD")
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (!request.bearerToken.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + request.bearerToken.toUtf8());
    for (const auto &[name, value] : request.headers)
        req.setRawHeader(name, value);
    if (server.baseUrl.scheme() == u"https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (server.insecure) {
            // Only on the user's explicit choice, shown in the UI.
            tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        } else {
            tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
            if (!server.caBundlePath.isEmpty()) {
                const auto certificates = QSslCertificate::fromPath(server.caBundlePath, QSsl::Pem);
                if (certificates.isEmpty() && tlsProblem)
                    *tlsProblem = server.caBundlePath;
                tls.addCaCertificates(certificates);
            }
        }
        req.setSslConfiguration(tls);
    }
    return req;
}

bool retryableNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
        return true;
    default:
        return false;
    }
}

std::chrono::milliseconds backoff(int attempt)
{
    // 250 ms, 500 ms, 1 s, ... capped at 5 s; each scaled by a random 50–100 % so clients do not retry in step.
    const qint64 base = std::min<qint64>(5000, qint64(250) << std::min(attempt - 1, 5));
    return std::chrono::milliseconds(base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1));
}

class Call final : public HttpCall {
public:
    Call(QNetworkAccessManager *manager, std::function<void(const ServerSettings &)> prepare, ServerSettings server,
         HttpRequest request, QObject *context, std::function<void(Result<HttpResponse>)> done, QObject *parent)
        : HttpCall(parent)
        , m_manager(manager)
        , m_prepare(std::move(prepare))
        , m_server(std::move(server))
        , m_request(std::move(request))
        , m_context(context)
        , m_hasContext(context != nullptr)
        , m_done(std::move(done))
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_reply) {
                m_timedOut = true;
                m_reply->abort();
            } else {
                startAttempt();   // the backoff wait is over
            }
        });
        if (context)
            connect(context, &QObject::destroyed, this, [this] { abandon(); });
    }

    void start() { startAttempt(); }

    void cancel() override
    {
        if (m_finished)
            return;
        m_cancelled = true;
        if (m_reply) {
            m_reply->abort();   // finished() follows and reports Cancelled
        } else {
            m_timer.stop();
            finish(makeError(Error::Code::Cancelled, trText("The request was cancelled."),
                             describeRequest(m_server, m_request)));
        }
    }

private:
    void abandon()
    {
        m_done = nullptr;
        cancel();
    }

    void startAttempt()
    {
        ++m_attempt;
        QString tlsProblem;
        const QNetworkRequest req = buildRequest(m_server, m_request, &tlsProblem);
        if (!tlsProblem.isEmpty()) {
            finish(makeError(Error::Code::InvalidInput,
                             trText("The CA bundle for %1 holds no PEM certificate; check the file in the server settings.")
                                 .arg(serverName(m_server)),
                             tlsProblem));
            return;
        }
        m_prepare(m_server);
        QNetworkReply *reply = m_request.method == "GET"
                                   ? m_manager->get(req)
                                   : m_manager->sendCustomRequest(req, m_request.method, m_request.body);
        m_reply.reset(reply);
        m_timedOut = false;
        connect(reply, &QNetworkReply::finished, this, [this] { onFinished(); });
        m_timer.start(m_request.timeout);
    }

    bool retryLater()
    {
        if (m_attempt >= std::max(1, m_request.maxAttempts) || m_cancelled)
            return false;
        m_reply.reset();
        m_timer.start(backoff(m_attempt));
        return true;
    }

    void onFinished()
    {
        m_timer.stop();
        QNetworkReply *reply = m_reply.get();
        const QString what = describeRequest(m_server, m_request);
        if (m_cancelled) {
            finish(makeError(Error::Code::Cancelled, trText("The request was cancelled."), what));
            return;
        }
        if (m_timedOut) {
            if (retryLater())
                return;
            finish(makeError(Error::Code::Timeout,
                             trText("%1 did not answer within %2 seconds; check the connection and try again.")
                                 .arg(serverName(m_server))
                                 .arg(m_request.timeout.count() / 1000.0, 0, 'g', 3),
                             what));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            const QNetworkReply::NetworkError error = reply->error();
            if (retryableNetworkError(error) && retryLater())
                return;
            const bool tls = error == QNetworkReply::SslHandshakeFailedError;
            if (tls)
                m_manager->clearConnectionCache();   // a failed handshake must not stick to the next attempt
            finish(makeError(Error::Code::Network,
                             tls ? trText("The TLS certificate of %1 is not trusted; add its CA bundle in the server "
                                      "settings, or choose to skip verification explicitly.")
                                       .arg(serverName(m_server))
                                 : trText("%1 cannot be reached; check the server address and the network.")
                                       .arg(serverName(m_server)),
                             what + u": "_s + HttpClient::redact(reply->errorString())));
            return;
        }
        HttpResponse response;
        response.status = status;
        response.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            response.headers.insert(name.toLower(), value);
        if (status >= 200 && status < 300) {
            finish(std::move(response));
            return;
        }
        if (status >= 500 && retryLater())
            return;
        if (m_request.passErrorStatus) {
            finish(std::move(response));
            return;
        }
        finish(HttpClient::errorForStatus(m_server, m_request, status, response.body));
    }

    void finish(Result<HttpResponse> result)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_timer.stop();
        m_reply.reset();
        auto done = std::move(m_done);
        m_done = nullptr;
        if (done && (m_context || !m_hasContext))
            done(std::move(result));
        deleteLater();
    }

    QNetworkAccessManager *m_manager;
    std::function<void(const ServerSettings &)> m_prepare;
    ServerSettings m_server;
    HttpRequest m_request;
    QPointer<QObject> m_context;
    bool m_hasContext = false;   ///< without a context, done always runs
    std::function<void(Result<HttpResponse>)> m_done;
    ReplyPtr m_reply;
    QTimer m_timer;
    int m_attempt = 0;
    bool m_cancelled = false;
    bool m_timedOut = false;
    bool m_finished = false;
};

} // namespace

struct HttpClient::Private {
    QNetworkAccessManager *manager = nullptr;
    QHash<QString, QString> tlsChoiceByOrigin;

    /// QNetworkAccessManager reuses a connection per host and port with the TLS settings it was opened with;
    /// when the user's choice for that server changed (insecure, CA bundle), the old connections must go.
    void prepare(const ServerSettings &server)
    {
        if (server.baseUrl.scheme() != u"https")
            return;
        const QString origin = server.baseUrl.host() + u':' + QString::number(server.baseUrl.port(443));
        const QString choice = (server.insecure ? u"insecure|"_s : u"verify|"_s) + server.caBundlePath;
        const auto it = tlsChoiceByOrigin.find(origin);
        if (it != tlsChoiceByOrigin.end() && it.value() != choice)
            manager->clearConnectionCache();
        tlsChoiceByOrigin.insert(origin, choice);
    }
};

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->manager = new QNetworkAccessManager(this);
}

HttpClient::~HttpClient()
{
    // A call in flight holds a reply that belongs to the manager, which was made first and so would be deleted first:
    // end the calls while their replies still exist (their callbacks are dropped, as with a destroyed context).
    qDeleteAll(findChildren<HttpCall *>(Qt::FindDirectChildrenOnly));
}

HttpCall *HttpClient::send(const ServerSettings &server, const HttpRequest &request, QObject *context,
                           std::function<void(Result<HttpResponse>)> done)
{
    Private *p = d.get();
    auto *call = new Call(d->manager, [p](const ServerSettings &s) { p->prepare(s); }, server, request, context,
                          std::move(done), this);
    call->start();
    return call;
}

QNetworkReply *HttpClient::openStream(const ServerSettings &server, const HttpRequest &request)
{
    d->prepare(server);
    QNetworkRequest req = buildRequest(server, request, nullptr);
    req.setRawHeader("Accept", "text/event-stream");
    req.setTransferTimeout(0);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return d->manager->get(req);
}

QNetworkAccessManager *HttpClient::manager() const
{
    return d->manager;
}

Error HttpClient::errorForStatus(const ServerSettings &server, const HttpRequest &request, int status,
                                 const QByteArray &body)
{
    QString reason;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    reason = object.value("message"_L1).toString();
    if (reason.isEmpty())
        reason = object.value("error"_L1).toString();
    if (reason.isEmpty()) {
        const QString text = QString::fromUtf8(body.left(200)).simplified();
        reason = text.isEmpty() || text.startsWith(u'<') ? trText("HTTP error") : text;
    }
    Error::Code code = Error::Code::InvalidInput;
    if (status == 401 || status == 403)
        code = Error::Code::Auth;
    else if (status == 404)
        code = Error::Code::NotFound;
    else if (status == 409)
        code = Error::Code::Conflict;
    else if (status >= 500)
        code = Error::Code::Network;
    QString message = trText("%1 refused: %2 (%3).").arg(serverName(server), reason, QString::number(status));
    if (status == 401)
        message += u' ' + trText("Log in again.");
    const QString detail = describeRequest(server, request) + u" → "_s + QString::number(status) + u": "_s
                           + redact(QString::fromUtf8(body.left(2000)));
    return makeError(code, redact(message), detail);
}

QString HttpClient::redact(const QString &text)
{
    static const QRegularExpression bearer(u"(Bearer\\s+)[^\\s\"',;]+"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jsonToken(
        u"(\"(?:token|auth-token|refresh-token|password|id_token|access_token)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression cookie(u"(argocd\\.token=)[^;\\s\"]+"_s);
    static const QRegularExpression queryToken(u"([?&](?:token|access_token|private_token)=)[^&\\s#\"]+"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression privateToken(u"(private-token\\s*:\\s*)[^\\s\"',;]+"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jwt(u"eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"_s);
    QString out = text;
    out.replace(bearer, u"\\1***"_s);
    out.replace(jsonToken, u"\\1***\\2"_s);
    out.replace(cookie, u"\\1***"_s);
    out.replace(queryToken, u"\\1***"_s);
    out.replace(privateToken, u"\\1***"_s);
    out.replace(jwt, u"***"_s);
    return out;
}

} // namespace gd::net
