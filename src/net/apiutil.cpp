// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/apiutil.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace gd::net::api {

HttpRequest limitedRequest(std::chrono::milliseconds timeout, int maxAttempts)
{
    HttpRequest request;
    request.timeout = timeout;
    request.maxAttempts = maxAttempts;
    request.passErrorStatus = true;
    return request;
}

QString hostAndPort(const QUrl &url)
{
    const int port = url.port();
    return url.host() + (port > 0 ? u':' + QString::number(port) : QString());
}

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

QUrl pageUrl(const QUrl &url, const QUrlQuery &query, int page)
{
    QUrlQuery counted = query;
    counted.removeAllQueryItems(u"page"_s);
    counted.addQueryItem(u"page"_s, QString::number(page));
    QUrl out = url;
    out.setQuery(counted);
    return out;
}

HttpRequest followingRequest(const HttpRequest &first, const QUrl &next, const ServerSettings &server)
{
    // The same encoding on both sides, the one requestUrl() puts the path back together with.
    const QUrl::ComponentFormattingOptions format = first.pathEncoded ? QUrl::FullyEncoded : QUrl::FullyDecoded;
    QString basePath = server.baseUrl.path(format);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    HttpRequest following = first;
    following.path = next.path(format).mid(basePath.size());
    following.query = QUrlQuery(next);
    return following;
}

QString excerpt(const QByteArray &body, qsizetype bytes)
{
    return HttpClient::redact(QString::fromUtf8(body.left(bytes)));
}

QString statusDetail(const ServerSettings &server, const HttpRequest &request, const HttpResponse &response,
                     qsizetype bytes)
{
    return describeRequest(server, request) + u" → "_s + QString::number(response.status) + u": "_s
           + excerpt(response.body, bytes);
}

Error statusError(int status, const StatusSentences &sentences, Error::Code refusedCode, const QString &detail)
{
    if (status == 401)
        return makeError(Error::Code::Auth, sentences.unauthorized, detail);
    if (status == 403)
        return makeError(Error::Code::Auth, sentences.forbidden, detail);
    if (status == 404)
        return makeError(Error::Code::NotFound, sentences.notFound, detail);
    if (status == 429)
        return makeError(Error::Code::Network, sentences.limited, detail);
    if (status >= 500)
        return makeError(Error::Code::Network, sentences.failed, detail);
    return makeError(refusedCode, sentences.refused, detail);
}

namespace {

/// The document in `body`, or the error readJsonArray/readJsonObject describe when it is not of the `wanted` shape.
Result<QJsonDocument> readJson(const QByteArray &body, bool (QJsonDocument::*wanted)() const, const QString &sentence,
                               qsizetype bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(Error::Code::InvalidInput, sentence, parseError.errorString());
    if (!(document.*wanted)())
        return makeError(Error::Code::InvalidInput, sentence, excerpt(body, bytes));
    return document;
}

} // namespace

Result<QJsonArray> readJsonArray(const QByteArray &body, const QString &sentence, qsizetype bytes)
{
    const Result<QJsonDocument> document = readJson(body, &QJsonDocument::isArray, sentence, bytes);
    if (!document)
        return document.error();
    return document->array();
}

Result<QJsonObject> readJsonObject(const QByteArray &body, const QString &sentence, qsizetype bytes)
{
    const Result<QJsonDocument> document = readJson(body, &QJsonDocument::isObject, sentence, bytes);
    if (!document)
        return document.error();
    return document->object();
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
