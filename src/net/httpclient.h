// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace gd::net {

/// How to reach one server: TLS verification is on unless `insecure` is chosen explicitly (the UI shows it).
struct ServerSettings {
    QUrl baseUrl;
    QString caBundlePath;   ///< extra CA certificates (PEM) trusted for this server
    bool insecure = false;
    QString displayName;    ///< names the server in error sentences ("Argo CD refused: …"); the host when empty
};

struct HttpRequest {
    QByteArray method = "GET";
    QString path;                         ///< below baseUrl, e.g. "/api/v1/applications"
    /// `path` is already percent-encoded and goes out as written (GitLab's "/projects/group%2Fapp" keeps its %2F);
    /// otherwise it is decoded text and a '%' in it is sent as "%25".
    bool pathEncoded = false;
    QUrlQuery query;
    QByteArray body;                      ///< non-GET requests are sent as application/json
    QList<std::pair<QByteArray, QByteArray>> headers;
    QString bearerToken;                  ///< sent as Authorization: Bearer; never logged
    std::chrono::milliseconds timeout{15000};
    int maxAttempts = 3;                  ///< retries with jittered backoff on 5xx, timeouts and refused connections
    /// Hand non-2xx answers (after the 5xx retries) to `done` as responses instead of Errors: for protocols whose
    /// challenges and error bodies the caller reads itself (a registry's 401 WWW-Authenticate, {"errors":[…]}).
    bool passErrorStatus = false;
};

struct HttpResponse {
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;   ///< lower-case names
};

/// One request in flight; cancel() ends it with Error::Code::Cancelled (told apart from a timeout).
class HttpCall : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void cancel() = 0;
};

/// The application's one QNetworkAccessManager with its defaults (timeouts, TLS/CA, User-Agent, redaction).
/// GUI thread. `done` runs exactly once, only while `context` lives.
class HttpClient : public QObject {
    Q_OBJECT
public:
    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    /// Sends `request`; a non-2xx answer is an Error whose message is a sentence built from the status and the
    /// grpc-gateway error body ({error, code, message}); 401 → Auth, 403 → Auth, 404 → NotFound, 5xx → Network
    /// (unless `request.passErrorStatus`: then it is a response with its status, headers and body).
    /// The returned call deletes itself after `done` ran (or was dropped): hold it in a QPointer to cancel later.
    HttpCall *send(const ServerSettings &server, const HttpRequest &request, QObject *context,
                   std::function<void(Result<HttpResponse>)> done);
    /// Opens a long-lived GET (Accept: text/event-stream) without a total timeout; the caller reads it as it
    /// arrives and owns the reply (delete it to close).
    QNetworkReply *openStream(const ServerSettings &server, const HttpRequest &request);

    QNetworkAccessManager *manager() const;

    /// The error for a finished non-2xx answer: a sentence from the grpc-gateway body ({error, code, message}) or
    /// the status; 401/403 → Auth, 404 → NotFound, 5xx → Network, else InvalidInput. Detail is redacted. Pure.
    static Error errorForStatus(const ServerSettings &server, const HttpRequest &request, int status,
                                const QByteArray &body);

    /// `text` with every bearer token, `PRIVATE-TOKEN:` header value and `"token":"…"` value replaced by "***" (for logs
    /// and error details).
    static QString redact(const QString &text);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gd::net
