// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private helpers of the REST clients of this folder (registry, GitLab): URLs, pagination links, delivering a
// callback on the right object, error excerpts. Nothing above src/net includes it.

#include "net/httpclient.h"
#include "util/error.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace gd::net::api {

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
/// The start of a response body, redacted, for an error's detail.
QString excerpt(const QByteArray &body, qsizetype bytes = 400);
/// Calls `deliver` from the event loop, on `context` when given (so it is dropped with it), else on `client`.
void later(QObject *context, QObject *client, std::function<void()> deliver);
/// The error a call gets when its client is destroyed before the answer: "The <what> request was cancelled …".
Error closedError(const QString &sentence);

} // namespace gd::net::api
