// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The bits of HTTP/1.1 the test servers write and read alike (the fake GitLab, the git server, the Argo CD
// simulator): the head of a request and the status line of an answer. Qt Core only, so the argocd-sim executable
// builds it too.

#include <QByteArray>
#include <QHash>
#include <QList>

#include <utility>

namespace gd::test {

/// The request line and header fields of one HTTP/1.1 request.
struct HttpHead {
    QByteArray method;
    QByteArray target;                       ///< as sent: path (still percent-encoded) and query
    QHash<QByteArray, QByteArray> headers;   ///< lower-case names, trimmed values; a repeated name keeps the last
};

/// Reads the head of a request: `head` is everything before the blank line that ends it. Lenient: a malformed line
/// leaves a field empty, nothing is refused.
HttpHead parseHttpHead(const QByteArray &head);

/// The reason phrase of an HTTP status ("Not Found" for 404); "Unknown" for one no test server sends.
QByteArray reasonPhrase(int status);

/// A whole answer: the status line, `headers` in their order, Content-Length, then `body`.
QByteArray httpResponse(int status, const QList<std::pair<QByteArray, QByteArray>> &headers, const QByteArray &body);

} // namespace gd::test
