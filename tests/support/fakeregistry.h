// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace gd::test {

/// A container registry on 127.0.0.1 (a free port), in the test's own event loop, serving the real fixture bodies of
/// tests/data/registry: the Registry v2 API (tags list with `n`/`last` pagination and a relative `Link` header, the
/// manifests of existing and missing tags, the Bearer token challenge with its own /token endpoint, or a Basic
/// challenge) and Harbor's v2.0 artifacts list (page/page_size, X-Total-Count, Link, `q=tags=…`, the repository name
/// double-encoded). Fault switches: 500 answers, slow answers, malformed JSON. Records every request it read.
class FakeRegistry : public QObject {
    Q_OBJECT
public:
    enum class Auth {
        Anonymous,   ///< no authorization needed
        Bearer,      ///< 401 + `Www-Authenticate: Bearer realm="<own>/token",service=…,scope=…` (the fixture's shape)
        Basic,       ///< 401 + `Www-Authenticate: Basic realm=…`, the credentials on every request
    };
    enum class Fault {
        None,
        ServerError,     ///< 500 with a distribution error body
        Slow,            ///< the normal answer, `delayMs` late
        MalformedJson,   ///< 200 with a cut-off JSON body
    };
    struct Seen {
        QByteArray method;
        QByteArray target;                       ///< as sent: path (still percent-encoded) and query
        QHash<QByteArray, QByteArray> headers;   ///< lower-case names
    };

    explicit FakeRegistry(QObject *parent = nullptr);
    ~FakeRegistry() override;

    /// Reads the fixtures from $GD_TEST_DATA/registry and listens; false with `error` set when either fails.
    /// The fixture repository "example-docker-buildx-go" (tag "latest") is served from then on.
    bool start(QString *error);
    /// http://127.0.0.1:<port>
    QUrl url() const;
    /// "127.0.0.1:<port>", the host part of an image reference in this registry.
    QString host() const;

    void setAuth(Auth auth) { m_auth = auth; }
    /// Credentials the token endpoint (Bearer) or every request (Basic, Harbor) requires. Empty: anonymous pull is
    /// allowed. With credentials set, an anonymous token request gets a token without pull rights (as Docker Hub
    /// does), wrong credentials a 401.
    void setCredentials(const QString &username, const QString &secret);
    /// The token response names the token "token" (the fixture) or only "access_token".
    void setTokenField(const QString &field) { m_tokenField = field; }
    /// Every token handed out so far stops working; the next one is new.
    void revokeTokens();
    /// The registry refuses every token, even a fresh one (the token server and the registry disagree).
    void setRejectAllTokens(bool reject) { m_rejectAllTokens = reject; }
    /// The token string of the fixture (the first token handed out).
    QString fixtureToken() const { return m_fixtureToken; }
    /// The `service` of the challenge (the fixture's).
    QString service() const { return m_service; }

    /// A Registry v2 repository with these tags (served sorted, as distribution does) and a manifest for each.
    void addRepository(const QString &name, const QStringList &tags);
    /// distribution's `tags.maxtags`: a larger `n` is clamped to it (v3.1.1 behaviour). Default 1000.
    void setMaxPageSize(int size) { m_maxPageSize = size; }

    /// A Harbor repository (`project`/`repository`, the latter may hold '/') with these artifacts; served sorted by
    /// push_time, newest first (Harbor's default).
    void addHarborRepository(const QString &project, const QString &repository, const QJsonArray &artifacts);
    /// Whether Harbor answers carry the Link header (else only X-Total-Count). Default true.
    void setHarborLinks(bool on) { m_harborLinks = on; }
    /// The JSON array in tests/data/registry/`fileName`.
    static QJsonArray harborFixture(const QString &fileName);

    /// The next `count` requests whose path contains `pathContains` (all when empty) get `fault`.
    void setFault(Fault fault, int count = 1, int delayMs = 0, const QString &pathContains = {});

    QList<Seen> requests() const { return m_seen; }
    /// Requests to the token endpoint so far.
    int tokenRequests() const;
    void clearRequests() { m_seen.clear(); }

private:
    struct Request {
        QByteArray method;
        QByteArray target;
        QByteArray rawPath;
        QHash<QByteArray, QByteArray> headers;
        QMap<QString, QStringList> query;   ///< decoded
        QString value(const QString &name) const { return query.value(name).value(0); }
    };
    struct Response {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };

    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    Response route(const Request &request);
    Response registryApi(const Request &request, const QString &path);
    Response tokenEndpoint(const Request &request);
    Response harborApi(const Request &request);
    Response challenge(const QString &repository) const;
    bool basicOk(const Request &request) const;
    QString issueToken(const QString &repository);
    void write(QTcpSocket *socket, const Request &request, const Response &response);

    QTcpServer *m_server = nullptr;
    Auth m_auth = Auth::Anonymous;
    QString m_username;
    QString m_secret;
    QString m_tokenField = QStringLiteral("token");
    bool m_rejectAllTokens = false;
    int m_tokenSerial = 0;
    QHash<QString, QString> m_tokens;   ///< token → repository it may pull ("" for none)
    QMap<QString, QStringList> m_repositories;
    QString m_fixtureRepository;
    QByteArray m_fixtureTagsBody;
    QList<std::pair<QByteArray, QByteArray>> m_tagsHeaders;
    QList<std::pair<QByteArray, QByteArray>> m_challengeHeaders;
    QByteArray m_challengeBody;
    QByteArray m_challengeTemplate;
    QString m_service;
    QByteArray m_tokenBody;
    QString m_fixtureToken;
    int m_maxPageSize = 1000;
    QMap<QString, QJsonArray> m_harbor;   ///< "project/repository" → artifacts
    bool m_harborLinks = true;
    Fault m_fault = Fault::None;
    int m_faultCount = 0;
    int m_faultDelayMs = 0;
    QString m_faultPath;
    QList<Seen> m_seen;
};

} // namespace gd::test
