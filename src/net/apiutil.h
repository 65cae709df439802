// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private helpers of the REST clients of this folder (registry, GitLab): request limits, URLs, pagination links,
// delivering a callback on the right object, guarding an answer, status and JSON errors. Nothing above src/net
// includes it.

#include "net/httpclient.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <optional>

namespace gd::net::api {

/// A GET with `timeout` and `maxAttempts` (HttpClient retries 5xx, timeouts and refused connections) that hands
/// error statuses to the caller: the clients read their bodies. Pure.
HttpRequest limitedRequest(std::chrono::milliseconds timeout, int maxAttempts);

/// "host" or "host:port" as `url` names them, for a server's default display name. Pure.
QString hostAndPort(const QUrl &url);

/// The URL `request` goes to on `server` (HttpClient builds the same one).
QUrl requestUrl(const ServerSettings &server, const HttpRequest &request);
/// "GET https://host/path?query" with secrets redacted, for error details and logs.
QString describeRequest(const ServerSettings &server, const HttpRequest &request);
/// The port `url` means when it names none: 80 for http, else 443.
int defaultPort(const QUrl &url);
/// True when both URLs have the same scheme, host and port (a next page must not lead elsewhere).
bool sameOrigin(const QUrl &a, const QUrl &b);
/// 2xx.
inline bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}
/// The `Link: <…>; rel="next"` target of `response`, resolved against `base`; nullopt when there is none.
std::optional<QUrl> nextLink(const HttpResponse &response, const QUrl &base);
/// `url` with `query` asking for page `page` instead (for servers that count pages instead of linking them). Pure.
QUrl pageUrl(const QUrl &url, const QUrlQuery &query, int page);
/// The request for the page at `next` on `server`: `first` (limits, path encoding) with next's path below the
/// server's base path and next's query. Pure.
HttpRequest followingRequest(const HttpRequest &first, const QUrl &next, const ServerSettings &server);
/// The start of a response body, redacted, for an error's detail.
QString excerpt(const QByteArray &body, qsizetype bytes = 400);
/// "GET https://host/path → 404: <the first `bytes` of the body>", redacted, for the detail of a status error.
QString statusDetail(const ServerSettings &server, const HttpRequest &request, const HttpResponse &response,
                     qsizetype bytes);

/// What a client says about each kind of refused request, in its own words (and translation context).
struct StatusSentences {
    QString unauthorized;   ///< 401: an Auth error
    QString forbidden;      ///< 403: an Auth error
    QString notFound;       ///< 404: a NotFound error
    QString limited;        ///< 429: a Network error
    QString failed;         ///< 5xx: a Network error
    QString refused;        ///< any other status: an error of the code the caller gives
};
/// The error for a non-2xx `status`: the sentence of its kind from `sentences`, `detail` underneath. Pure.
Error statusError(int status, const StatusSentences &sentences, Error::Code refusedCode, const QString &detail);

/// The JSON array `body` holds; else an InvalidInput error saying `sentence`, with the parser's message (or, for
/// valid JSON of another shape, the first `bytes` of the body) as detail. Pure.
Result<QJsonArray> readJsonArray(const QByteArray &body, const QString &sentence, qsizetype bytes);
/// The JSON object `body` holds; else an error as readJsonArray gives it. Pure.
Result<QJsonObject> readJsonObject(const QByteArray &body, const QString &sentence, qsizetype bytes);

/// Who asked for a call: its answers go to the asker only while it lives (always when there was none).
class CallContext {
public:
    explicit CallContext(QObject *context)
        : m_context(context)
        , m_hasContext(context != nullptr)
    {
    }
    /// False once the asker was destroyed: then nobody is to be answered.
    bool present() const { return !m_hasContext || m_context; }
    /// The asker, for the next request of the same call (null when there was none or it is gone).
    QObject *context() const { return m_context; }

private:
    QPointer<QObject> m_context;
    bool m_hasContext = false;
};

/// Calls `deliver` from the event loop, on `context` when given (so it is dropped with it), else on `client`.
void later(QObject *context, QObject *client, std::function<void()> deliver);
/// Hands `error` to `done` from the event loop like later(): errors found before any request still arrive
/// asynchronously, like every other answer.
template<typename Done>
void failLater(QObject *context, QObject *client, Done done, Error error)
{
    later(context, client, [done = std::move(done), error = std::move(error)] { done(error); });
}
/// The error a call gets when its client is destroyed before the answer: "The <what> request was cancelled …".
Error closedError(const QString &sentence);

/// A response callback that runs `handle(client, response, done)` only while `client` lives and the request got an
/// answer; otherwise `done` gets `closed()` (the client was destroyed meanwhile) or the transport error.
template<typename Client, typename Done, typename Handle>
std::function<void(Result<HttpResponse>)> whenAnswered(Client *client, Error (*closed)(), Done done, Handle handle)
{
    return [self = QPointer<Client>(client), closed, done = std::move(done),
            handle = std::move(handle)](Result<HttpResponse> response) {
        if (!self) {
            done(closed());
            return;
        }
        if (!response) {
            done(response.error());
            return;
        }
        handle(*self, *response, done);
    };
}

} // namespace gd::net::api
