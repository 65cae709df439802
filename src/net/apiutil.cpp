// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/apiutil.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace gd::net::api {
int defaultPort(const QUrl &url)
{
    return url.scheme() == u"http" ? 80 : 443;
}

QUrl requestUrl(const ServerSettings &server, const HttpRequest &request)
{
    QUrl url = server.baseUrl;
    QString path = url.path(request.pathEncoded ? QUrl::FullyEncoded : QUrl::FullyDecoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    // TolerantMode keeps an encoded "%2F" as it is; DecodedMode would encode its '%' again.
    url.setPath(path + request.path, request.pathEncoded ? QUrl::TolerantMode : QUrl::DecodedMode);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    return url;
}

QString describeRequest(const ServerSettings &server, const HttpRequest &request)
{
    return QString::fromLatin1(request.method) + u' '
           + HttpClient::redact(requestUrl(server, request).toString(QUrl::RemoveUserInfo | QUrl::FullyEncoded));
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

std::optional<QUrl> nextLink(const HttpResponse &response, const QUrl &base)
{
    static const QRegularExpression link(u"<([^>]*)>\\s*;[^,<]*\\brel\\s*=\\s*\"?next\"?"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = link.match(QString::fromLatin1(response.headers.value("link")));
    if (!match.hasMatch())
        return std::nullopt;
    return base.resolved(QUrl::fromEncoded(match.captured(1).trimmed().toLatin1()));
}

QString excerpt(const QByteArray &body, qsizetype bytes)
{
    return HttpClient::redact(QString::fromUtf8(body.left(bytes)));
}

void later(QObject *context, QObject *client, std::function<void()> deliver)
{
    QMetaObject::invokeMethod(context ? context : client, std::move(deliver), Qt::QueuedConnection);
}

Error closedError(const QString &sentence)
{
    return makeError(Error::Code::Cancelled, sentence);
}

} // namespace gd::net::api
