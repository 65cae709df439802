// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/fakeregistry.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace gd::test {
namespace {

struct HttpFixture {
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

QString fixturePath(const QString &fileName)
{
    return qEnvironmentVariable("GD_TEST_DATA") + u"/registry/"_s + fileName;
}

QByteArray readFixture(const QString &fileName, QString *error)
{
    QFile file(fixturePath(fileName));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString());
        return {};
    }
    return file.readAll();
}

/// A saved HTTP response: status line, headers, an empty line, the body (Content-Length is recomputed on sending).
HttpFixture parseHttpFixture(const QByteArray &text)
{
    HttpFixture fixture;
    const qsizetype split = text.indexOf("\n\n");
    const QList<QByteArray> lines = text.left(split).split('\n');
    fixture.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        const QByteArray name = lines[i].left(colon).trimmed();
        if (colon > 0 && name.toLower() != "content-length")
            fixture.headers.append({name, lines[i].mid(colon + 1).trimmed()});
    }
    fixture.body = split < 0 ? QByteArray() : text.mid(split + 2);
    return fixture;
}

QByteArray errorBody(const QString &code, const QString &message, const QJsonValue &detail = QJsonValue())
{
    QJsonObject entry{{u"code"_s, code}, {u"message"_s, message}};
    if (!detail.isUndefined() && !detail.isNull())
        entry.insert(u"detail"_s, detail);
    return QJsonDocument(QJsonObject{{u"errors"_s, QJsonArray{entry}}}).toJson(QJsonDocument::Compact);
}

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 422: return "Unprocessable Entity";
    case 500: return "Internal Server Error";
    default: return "Status";
    }
}

QByteArray sha256(const QByteArray &bytes)
{
    return "sha256:" + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QDateTime pushTime(const QJsonValue &artifact)
{
    return QDateTime::fromString(artifact.toObject().value("push_time"_L1).toString(), Qt::ISODateWithMs);
}

} // namespace

FakeRegistry::FakeRegistry(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeRegistry::onConnection);
}

FakeRegistry::~FakeRegistry() = default;

bool FakeRegistry::start(QString *error)
{
    const QByteArray tags = readFixture(u"registry2_tags_list_response.http"_s, error);
    const QByteArray challenge = readFixture(u"registry2_token_challenge_401.http"_s, error);
    const QByteArray token = readFixture(u"registry2_token_response_200.http"_s, error);
    if (tags.isEmpty() || challenge.isEmpty() || token.isEmpty())
        return false;

    const HttpFixture tagsFixture = parseHttpFixture(tags);
    m_tagsHeaders = tagsFixture.headers;
    m_fixtureTagsBody = tagsFixture.body;
    const QJsonObject tagsObject = QJsonDocument::fromJson(m_fixtureTagsBody).object();
    m_fixtureRepository = tagsObject.value("name"_L1).toString();
    QStringList fixtureTags;
    for (const QJsonValue &tag : tagsObject.value("tags"_L1).toArray())
        fixtureTags.append(tag.toString());
    m_repositories.insert(m_fixtureRepository, fixtureTags);

    const HttpFixture challengeFixture = parseHttpFixture(challenge);
    m_challengeBody = challengeFixture.body;
    for (const auto &[name, value] : challengeFixture.headers) {
        if (name.toLower() == "www-authenticate")
            m_challengeTemplate = value;
        else
            m_challengeHeaders.append({name, value});
    }
    static const QRegularExpression service(u"service=\"([^\"]*)\""_s);
    m_service = service.match(QString::fromLatin1(m_challengeTemplate)).captured(1);

    m_tokenBody = parseHttpFixture(token).body;
    m_fixtureToken = QJsonDocument::fromJson(m_tokenBody).object().value("token"_L1).toString();
    if (m_fixtureToken.isEmpty()) {
        if (error)
            *error = u"the token fixture holds no token"_s;
        return false;
    }
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = m_server->errorString();
        return false;
    }
    return true;
}

QUrl FakeRegistry::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->serverPort()));
}

QString FakeRegistry::host() const
{
    return u"127.0.0.1:%1"_s.arg(m_server->serverPort());
}

void FakeRegistry::setCredentials(const QString &username, const QString &secret)
{
    m_username = username;
    m_secret = secret;
}

void FakeRegistry::revokeTokens()
{
    m_tokens.clear();
}

void FakeRegistry::addRepository(const QString &name, const QStringList &tags)
{
    m_repositories.insert(name, tags);
}

void FakeRegistry::addHarborRepository(const QString &project, const QString &repository, const QJsonArray &artifacts)
{
    m_harbor.insert(project + u'/' + repository, artifacts);
}

QJsonArray FakeRegistry::harborFixture(const QString &fileName)
{
    return QJsonDocument::fromJson(readFixture(fileName, nullptr)).array();
}

void FakeRegistry::setFault(Fault fault, int count, int delayMs, const QString &pathContains)
{
    m_fault = fault;
    m_faultCount = count;
    m_faultDelayMs = delayMs;
    m_faultPath = pathContains;
}

int FakeRegistry::tokenRequests() const
{
    return int(std::count_if(m_seen.begin(), m_seen.end(),
                             [](const Seen &seen) { return seen.target.startsWith("/token"); }));
}

void FakeRegistry::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setProperty("buffer", QByteArray());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeRegistry::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            break;
        Request request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            break;
        buffer.remove(0, end + 4 + length);
        const qsizetype question = request.target.indexOf('?');
        request.rawPath = question < 0 ? request.target : request.target.left(question);
        if (question >= 0) {
            for (const QByteArray &item : request.target.mid(question + 1).split('&')) {
                const qsizetype equals = item.indexOf('=');
                const QString name = QUrl::fromPercentEncoding(equals < 0 ? item : item.left(equals));
                const QString value = equals < 0 ? QString() : QUrl::fromPercentEncoding(item.mid(equals + 1));
                request.query[name].append(value);
            }
        }
        m_seen.append(Seen{request.method, request.target, request.headers});

        const QString path = QUrl::fromPercentEncoding(request.rawPath);
        const bool faulty = m_fault != Fault::None && m_faultCount > 0
                            && (m_faultPath.isEmpty() || path.contains(m_faultPath));
        if (faulty && m_fault == Fault::ServerError) {
            --m_faultCount;
            write(socket, request, Response{500, {{"Content-Type", "application/json"}},
                                            errorBody(u"UNKNOWN"_s, u"unknown error"_s)});
            continue;
        }
        Response response = route(request);
        if (faulty && m_fault == Fault::MalformedJson && response.status == 200) {
            --m_faultCount;
            response.body.truncate(response.body.size() / 2);
        }
        if (faulty && m_fault == Fault::Slow) {
            --m_faultCount;
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(m_faultDelayMs, this, [this, guard, request, response] {
                if (guard && guard->state() == QAbstractSocket::ConnectedState)
                    write(guard, request, response);
            });
            continue;
        }
        write(socket, request, response);
    }
    socket->setProperty("buffer", buffer);
}

void FakeRegistry::write(QTcpSocket *socket, const Request &request, const Response &response)
{
    QByteArray head = QByteArray("HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n");
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    socket->write(head);
    if (request.method != "HEAD")
        socket->write(response.body);
}

FakeRegistry::Response FakeRegistry::route(const Request &request)
{
    const QString path = QUrl::fromPercentEncoding(request.rawPath);
    if (path == u"/token")
        return tokenEndpoint(request);
    if (path.startsWith(u"/v2/"))
        return registryApi(request, path);
    if (path.startsWith(u"/api/v2.0/"))
        return harborApi(request);
    return Response{404, {{"Content-Type", "text/plain; charset=utf-8"}}, "404 page not found\n"};
}

bool FakeRegistry::basicOk(const Request &request) const
{
    if (m_username.isEmpty())
        return true;
    const QByteArray expected = "Basic " + (m_username + u':' + m_secret).toUtf8().toBase64();
    return request.headers.value("authorization") == expected;
}

FakeRegistry::Response FakeRegistry::challenge(const QString &repository) const
{
    Response response{401, m_challengeHeaders, m_challengeBody};
    if (m_auth == Auth::Basic) {
        response.headers.append({QByteArray("Www-Authenticate"), QByteArray("Basic realm=\"Registry Realm\"")});
        response.body = errorBody(u"UNAUTHORIZED"_s, u"authentication required"_s);
        return response;
    }
    QString header = QString::fromLatin1(m_challengeTemplate);
    static const QRegularExpression realm(u"realm=\"[^\"]*\""_s);
    static const QRegularExpression scope(u",?scope=\"[^\"]*\""_s);
    header.replace(realm, u"realm=\"%1/token\""_s.arg(url().toString()));
    header.replace(scope, repository.isEmpty() ? QString() : u",scope=\"repository:%1:pull\""_s.arg(repository));
    response.headers.append({"Www-Authenticate", header.toLatin1()});
    return response;
}

QString FakeRegistry::issueToken(const QString &repository)
{
    const QString token = m_tokenSerial == 0 ? m_fixtureToken : m_fixtureToken + u'-' + QString::number(m_tokenSerial);
    ++m_tokenSerial;
    m_tokens.insert(token, repository);
    return token;
}

FakeRegistry::Response FakeRegistry::tokenEndpoint(const Request &request)
{
    const QList<std::pair<QByteArray, QByteArray>> json{{"Content-Type", "application/json"}};
    if (request.value(u"service"_s) != m_service)
        return Response{400, json, errorBody(u"UNSUPPORTED"_s, u"invalid service"_s)};
    QString repository;
    for (const QString &scope : request.query.value(u"scope"_s)) {
        const QStringList parts = scope.split(u':');
        if (parts.size() == 3 && parts[0] == u"repository" && parts[2].split(u',').contains(u"pull"_s))
            repository = parts[1];
    }
    const bool hasAuthorization = request.headers.contains("authorization");
    if (hasAuthorization && !basicOk(request))
        return Response{401, json, "{\"details\":\"incorrect username or password\"}\n"};
    // Anonymous while credentials are required: a token that grants nothing (Docker Hub does the same).
    const bool grants = m_username.isEmpty() || hasAuthorization;
    const QString token = issueToken(grants ? repository : QString());
    QByteArray body = m_tokenBody;
    body.replace(m_fixtureToken.toLatin1(), token.toLatin1());
    if (m_tokenField != u"token")
        body.replace("\"token\"", QByteArray('"' + m_tokenField.toLatin1() + '"'));
    return Response{200, json, body};
}

FakeRegistry::Response FakeRegistry::registryApi(const Request &request, const QString &path)
{
    const QList<std::pair<QByteArray, QByteArray>> json{{"Content-Type", "application/json; charset=utf-8"},
                                                        {"Docker-Distribution-Api-Version", "registry/2.0"}};
    QString repository;
    QString reference;
    bool tagsList = false;
    if (path.endsWith(u"/tags/list")) {
        repository = path.mid(4, path.size() - 4 - 10);
        tagsList = true;
    } else if (const qsizetype manifests = path.indexOf(u"/manifests/"); manifests > 4) {
        repository = path.mid(4, manifests - 4);
        reference = path.mid(manifests + 11);
    } else if (path != u"/v2/") {
        return Response{404, json, errorBody(u"UNSUPPORTED"_s, u"The operation is unsupported."_s)};
    }

    // Authorization first, as distribution does: a valid token for an unknown repository still gets 404.
    if (m_auth == Auth::Basic && !basicOk(request))
        return challenge(repository);
    if (m_auth == Auth::Bearer) {
        const QByteArray authorization = request.headers.value("authorization");
        const QString token = authorization.startsWith("Bearer ") ? QString::fromLatin1(authorization.mid(7)) : QString();
        const auto granted = m_tokens.constFind(token);
        const bool ok = !token.isEmpty() && granted != m_tokens.cend() && !m_rejectAllTokens
                        && (repository.isEmpty() || granted.value() == repository);
        if (!ok)
            return challenge(repository);
    }
    if (path == u"/v2/")
        return Response{200, json, "{}"};
    if (!m_repositories.contains(repository))
        return Response{404, json,
                        errorBody(u"NAME_UNKNOWN"_s, u"repository name not known to registry"_s,
                                  QJsonObject{{u"name"_s, repository}})};
    QStringList tags = m_repositories.value(repository);
    std::sort(tags.begin(), tags.end());

    if (tagsList) {
        qsizetype from = 0;
        if (const QString last = request.value(u"last"_s); !last.isEmpty())
            from = std::upper_bound(tags.begin(), tags.end(), last) - tags.begin();
        qsizetype count = tags.size() - from;
        bool paged = false;
        int n = 0;
        if (request.query.contains(u"n"_s)) {
            bool ok = false;
            n = request.value(u"n"_s).toInt(&ok);
            if (!ok || n < 0)
                return Response{400, json, errorBody(u"PAGINATION_NUMBER_INVALID"_s, u"invalid number of results requested"_s)};
            n = std::min(n, m_maxPageSize);
            count = std::min<qsizetype>(count, n);
            paged = true;
        }
        const QStringList page = tags.mid(from, count);
        Response response{200, m_tagsHeaders, {}};
        if (repository == m_fixtureRepository && page == tags)
            response.body = m_fixtureTagsBody;   // the real capture, byte for byte
        else
            response.body = QJsonDocument(QJsonObject{{u"name"_s, repository}, {u"tags"_s, QJsonArray::fromStringList(page)}})
                                .toJson(QJsonDocument::Indented);
        if (paged && n > 0 && from + count < tags.size()) {
            // distribution's createLinkEntry: relative, keys sorted.
            QUrlQuery next;
            next.addQueryItem(u"last"_s, page.last());
            next.addQueryItem(u"n"_s, QString::number(n));
            response.headers.append({QByteArray("Link"), QByteArray("</v2/" + repository.toUtf8() + "/tags/list?"
                                                                    + next.query(QUrl::FullyEncoded).toUtf8()
                                                                    + ">; rel=\"next\"")});
        }
        return response;
    }

    if (!tags.contains(reference))
        return Response{404, json,
                        errorBody(u"MANIFEST_UNKNOWN"_s, u"manifest unknown"_s, QJsonObject{{u"Tag"_s, reference}})};
    const QByteArray schema2 = "application/vnd.docker.distribution.manifest.v2+json";
    if (!request.headers.value("accept").contains(schema2))
        return Response{404, json,
                        errorBody(u"MANIFEST_UNKNOWN"_s, u"manifest unknown"_s,
                                  u"Schema 2 manifest not supported by client"_s)};
    const QByteArray seed = (repository + u':' + reference).toUtf8();
    const QJsonObject manifest{
        {u"schemaVersion"_s, 2},
        {u"mediaType"_s, QString::fromLatin1(schema2)},
        {u"config"_s, QJsonObject{{u"mediaType"_s, u"application/vnd.docker.container.image.v1+json"_s},
                                  {u"size"_s, 1469},
                                  {u"digest"_s, QString::fromLatin1(sha256(seed + "config"))}}},
        {u"layers"_s, QJsonArray{QJsonObject{{u"mediaType"_s, u"application/vnd.docker.image.rootfs.diff.tar.gzip"_s},
                                             {u"size"_s, 2811969},
                                             {u"digest"_s, QString::fromLatin1(sha256(seed + "layer"))}}}}};
    const QByteArray body = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    return Response{200,
                    {{"Content-Type", schema2},
                     {"Docker-Content-Digest", sha256(body)},
                     {"Docker-Distribution-Api-Version", "registry/2.0"},
                     {"Etag", QByteArray('"' + sha256(body) + '"')}},
                    body};
}

FakeRegistry::Response FakeRegistry::harborApi(const Request &request)
{
    QList<std::pair<QByteArray, QByteArray>> headers{
        {"Content-Type", "application/json"},
        {"X-Request-Id", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()}};
    // Harbor's router splits the once-decoded path; the repository segment is then decoded again (a%252Fb → a/b).
    const QStringList segments = QUrl::fromPercentEncoding(request.rawPath).split(u'/');
    if (segments.size() != 8 || segments[1] != u"api" || segments[2] != u"v2.0" || segments[3] != u"projects"
        || segments[5] != u"repositories" || segments[7] != u"artifacts")
        return Response{404, headers, errorBody(u"NOT_FOUND"_s, u"not found"_s)};
    if (!basicOk(request))
        return Response{401, headers, errorBody(u"UNAUTHORIZED"_s, u"unauthorized"_s)};
    const QString repository = segments[4] + u'/' + QUrl::fromPercentEncoding(segments[6].toUtf8());
    if (!m_harbor.contains(repository))
        return Response{404, headers, errorBody(u"NOT_FOUND"_s, u"repository %1 not found"_s.arg(repository))};

    bool ok = true;
    const int page = request.query.contains(u"page"_s) ? request.value(u"page"_s).toInt(&ok) : 1;
    bool sizeOk = true;
    const int pageSize = request.query.contains(u"page_size"_s) ? request.value(u"page_size"_s).toInt(&sizeOk) : 10;
    if (!ok || !sizeOk || page < 1 || pageSize < 1 || pageSize > 100)
        return Response{422, headers,
                        errorBody(u"UNPROCESSABLE_ENTITY"_s,
                                  u"validation failure list:\npage_size in query should be less than or equal to 100"_s)};
    const bool withTag = request.value(u"with_tag"_s) != u"false";

    QJsonArray artifacts = m_harbor.value(repository);
    std::vector<QJsonValue> sorted(artifacts.begin(), artifacts.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const QJsonValue &a, const QJsonValue &b) { return pushTime(a) > pushTime(b); });
    if (const QString q = request.value(u"q"_s); !q.isEmpty()) {
        if (!q.startsWith(u"tags="))
            return Response{400, headers, errorBody(u"BAD_REQUEST"_s, u"invalid query: %1"_s.arg(q))};
        const QString wanted = q.mid(5);
        std::erase_if(sorted, [&wanted](const QJsonValue &artifact) {
            const QJsonArray tags = artifact.toObject().value("tags"_L1).toArray();
            if (wanted == u"*")
                return tags.isEmpty();
            if (wanted == u"nil")
                return !tags.isEmpty();
            const bool fuzzy = wanted.startsWith(u'~');
            return std::none_of(tags.begin(), tags.end(), [&](const QJsonValue &tag) {
                const QString name = tag.toObject().value("name"_L1).toString();
                return fuzzy ? name.contains(wanted.mid(1)) : name == wanted;
            });
        });
    }
    const qsizetype total = qsizetype(sorted.size());
    QJsonArray body;
    for (qsizetype i = qsizetype(page - 1) * pageSize; i < std::min<qsizetype>(total, qsizetype(page) * pageSize); ++i) {
        QJsonObject artifact = sorted[size_t(i)].toObject();
        if (!withTag)
            artifact.insert(u"tags"_s, QJsonValue::Null);
        body.append(artifact);
    }
    headers.append({"X-Total-Count", QByteArray::number(total)});
    if (m_harborLinks) {
        // src/lib/link.go: relative links to the same path (as received), page replaced, joined by " , ".
        const qsizetype question = request.target.indexOf('?');
        QList<QByteArray> rest;
        for (const QByteArray &item : request.target.mid(question + 1).split('&')) {
            if (question >= 0 && !item.startsWith("page="))
                rest.append(item);
        }
        const auto link = [&](int number, const QByteArray &rel) {
            QList<QByteArray> items{"page=" + QByteArray::number(number)};
            items += rest;
            return QByteArray('<' + request.rawPath + '?' + items.join('&') + ">; rel=\"" + rel + '"');
        };
        QList<QByteArray> links;
        if (page > 1)
            links.append(link(page - 1, "prev"));
        if (qsizetype(page) * pageSize < total)
            links.append(link(page + 1, "next"));
        if (!links.isEmpty())
            headers.append({"Link", links.join(" , ")});
    }
    return Response{200, headers, QJsonDocument(body).toJson(QJsonDocument::Indented)};
}

} // namespace gd::test
