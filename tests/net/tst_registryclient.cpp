// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/httpclient.h"
#include "net/registryclient.h"
#include "support/fakeregistry.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace gd;
using namespace gd::net;
using gd::test::FakeRegistry;

namespace {

/// Runs one asynchronous client call and waits for its single callback; `calls` tells how often it ran.
template<typename T, typename Start>
std::optional<Result<T>> await(Start start, int *calls = nullptr, int timeoutMs = 20000)
{
    std::optional<Result<T>> result;
    int count = 0;
    QObject context;
    start(&context, [&](Result<T> r) {
        ++count;
        result.emplace(std::move(r));
    });
    QElapsedTimer timer;
    timer.start();
    while (!result && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QCoreApplication::processEvents();   // a second callback would show up here
    if (calls)
        *calls = count;
    return result;
}

QString describe(const auto &result)
{
    return !result ? u"no answer"_s : result->ok() ? QString() : result->error().fullText();
}

QStringList names(const std::vector<ImageTag> &tags)
{
    QStringList out;
    for (const ImageTag &tag : tags)
        out.append(tag.tag);
    return out;
}

/// The requests the fake read whose target starts with `prefix`.
QList<FakeRegistry::Seen> seenUnder(const FakeRegistry &registry, const QByteArray &prefix)
{
    QList<FakeRegistry::Seen> out;
    for (const FakeRegistry::Seen &seen : registry.requests()) {
        if (seen.target.startsWith(prefix))
            out.append(seen);
    }
    return out;
}

/// A Harbor tag object shaped like the fixtures'.
QJsonObject harborTag(int artifactId, int id, const QString &name, const QString &pushTime)
{
    return QJsonObject{{u"artifact_id"_s, artifactId}, {u"id"_s, id}, {u"immutable"_s, false}, {u"name"_s, name},
                       {u"pull_time"_s, u"0001-01-01T00:00:00.000Z"_s}, {u"push_time"_s, pushTime},
                       {u"repository_id"_s, 1}};
}

/// `count` artifacts cloned from the userlist fixture: artifact i has digest sha256(i), tag "1.0.<i>", pushed i
/// minutes after 2024-03-18T05:00Z.
QJsonArray clonedArtifacts(int count)
{
    const QJsonObject model = FakeRegistry::harborFixture(u"harbor_artifacts_list_userlist.json"_s).at(0).toObject();
    const QDateTime base(QDate(2024, 3, 18), QTime(5, 0), Qt::UTC);
    QJsonArray out;
    for (int i = 0; i < count; ++i) {
        QJsonObject artifact = model;
        const QString time = base.addSecs(60 * i).toString(Qt::ISODateWithMs);
        artifact.insert(u"id"_s, i + 1);
        const QByteArray digest = QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256).toHex();
        artifact.insert(u"digest"_s, QString(u"sha256:"_s + QString::fromLatin1(digest)));
        artifact.insert(u"push_time"_s, time);
        artifact.insert(u"tags"_s, QJsonArray{harborTag(i + 1, i + 1, u"1.0.%1"_s.arg(i), time)});
        out.append(artifact);
    }
    return out;
}

QtMessageHandler g_previousHandler = nullptr;
QStringList *g_captured = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_captured)
        g_captured->append(QString::fromLatin1(context.category ? context.category : "") + u": "_s + message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestRegistryClient : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakeRegistry> m_registry;
    std::unique_ptr<HttpClient> m_http;

    std::unique_ptr<RegistryClient> client(RegistryType type = RegistryType::Registry2,
                                           RegistryCredentials credentials = {})
    {
        ServerSettings server;
        server.baseUrl = m_registry->url();
        auto c = std::make_unique<RegistryClient>(*m_http, type, server, std::move(credentials));
        c->setRequestLimits(std::chrono::milliseconds(5000), 3);
        return c;
    }

    std::optional<Result<std::vector<ImageTag>>> list(RegistryClient &c, const QString &repository)
    {
        return await<std::vector<ImageTag>>([&](QObject *ctx, auto done) { c.listTags(repository, ctx, done); });
    }

    std::optional<Result<bool>> exists(RegistryClient &c, const QString &repository, const QString &tag)
    {
        return await<bool>([&](QObject *ctx, auto done) { c.tagExists(repository, tag, ctx, done); });
    }

    /// The userlist artifact with both its tags (from the tags fixture, captured later) and the redis artifact
    /// with its fixture tag plus "stable", moved onto it in April 2024: pushed long ago, tagged most recently.
    QJsonArray harborArtifacts()
    {
        QJsonObject userlist = FakeRegistry::harborFixture(u"harbor_artifacts_list_userlist.json"_s).at(0).toObject();
        userlist.insert(u"tags"_s, FakeRegistry::harborFixture(u"harbor_artifact_tags_list_userlist.json"_s));
        QJsonObject redis = FakeRegistry::harborFixture(u"harbor_artifacts_list_redis_e2e.json"_s).at(0).toObject();
        QJsonArray redisTags = redis.value("tags"_L1).toArray();
        redisTags.append(harborTag(8, 7, u"stable"_s, u"2024-04-01T08:00:00.000Z"_s));
        redis.insert(u"tags"_s, redisTags);
        return QJsonArray{redis, userlist};
    }

private Q_SLOTS:
    void init()
    {
        m_registry = std::make_unique<FakeRegistry>();
        QString error;
        QVERIFY2(m_registry->start(&error), qPrintable(error));
        m_http = std::make_unique<HttpClient>();
    }

    void cleanup()
    {
        m_registry.reset();
        m_http.reset();
    }

    // --- pure parts -----------------------------------------------------------------------------------------------

    void parsesTheFixtureChallenge()
    {
        QFile file(qEnvironmentVariable("GD_TEST_DATA") + u"/registry/registry2_token_challenge_401.http"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray header;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.toLower().startsWith("www-authenticate:"))
                header = line.mid(17).trimmed();
        }
        const auto challenges = RegistryClient::parseChallenges(header);
        QCOMPARE(challenges.size(), size_t(1));
        QCOMPARE(challenges[0].scheme, u"bearer"_s);
        QCOMPARE(challenges[0].params.value(u"realm"_s), u"https://auth.docker.io/token"_s);
        QCOMPARE(challenges[0].params.value(u"service"_s), u"registry.docker.io"_s);
        QCOMPARE(challenges[0].params.value(u"scope"_s), u"repository:samalba/my-app:pull,push"_s);
    }

    void parsesOtherChallenges_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QStringList>("schemes");
        QTest::addColumn<QString>("realm");
        QTest::newRow("basic") << QByteArray("Basic realm=\"Registry Realm\"") << QStringList{u"basic"_s}
                               << u"Registry Realm"_s;
        QTest::newRow("unquoted, spaces") << QByteArray("Bearer  realm=https://h/jwt/auth , service=container_registry")
                                          << QStringList{u"bearer"_s} << u"https://h/jwt/auth"_s;
        QTest::newRow("two challenges")
            << QByteArray("Bearer realm=\"https://h/service/token\",service=\"harbor-registry\", Basic realm=\"harbor\"")
            << QStringList{u"bearer"_s, u"basic"_s} << u"https://h/service/token"_s;
        QTest::newRow("escaped quote") << QByteArray(R"(Basic realm="a \"quoted\" realm")") << QStringList{u"basic"_s}
                                       << u"a \"quoted\" realm"_s;
    }

    void parsesOtherChallenges()
    {
        QFETCH(QByteArray, header);
        QFETCH(QStringList, schemes);
        QFETCH(QString, realm);
        const auto challenges = RegistryClient::parseChallenges(header);
        QStringList got;
        for (const AuthChallenge &c : challenges)
            got.append(c.scheme);
        QCOMPARE(got, schemes);
        QCOMPARE(challenges[0].params.value(u"realm"_s), realm);
    }

    void imageReferences_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("tag");
        QTest::newRow("harbor") << u"harbor.example.com/shop/orders"_s << true << u"harbor.example.com"_s
                                << u"shop/orders"_s << QString();
        QTest::newRow("port and tag") << u"registry.local:5000/shop/orders:1.4.2"_s << true << u"registry.local:5000"_s
                                      << u"shop/orders"_s << u"1.4.2"_s;
        QTest::newRow("no host") << u"shop/orders:v2"_s << true << QString() << u"shop/orders"_s << u"v2"_s;
        QTest::newRow("localhost") << u"localhost/orders"_s << true << u"localhost"_s << u"orders"_s << QString();
        QTest::newRow("digest") << u"harbor.example.com/shop/orders:1.0@sha256:abcdef0123"_s << true
                                << u"harbor.example.com"_s << u"shop/orders"_s << u"1.0"_s;
        QTest::newRow("upper case") << u"Shop/Orders"_s << false << QString() << QString() << QString();
        QTest::newRow("path escape") << u"shop/../orders"_s << false << QString() << QString() << QString();
        QTest::newRow("empty") << u" "_s << false << QString() << QString() << QString();
    }

    void imageReferences()
    {
        QFETCH(QString, reference);
        QFETCH(bool, valid);
        QFETCH(QString, host);
        QFETCH(QString, repository);
        QFETCH(QString, tag);
        const Result<ImageReference> parsed = ImageReference::parse(reference);
        QCOMPARE(parsed.ok(), valid);
        if (!valid) {
            QVERIFY(parsed.error().message.contains(u"is not an image reference"_s));
            return;
        }
        QCOMPARE(parsed->host, host);
        QCOMPARE(parsed->repository, repository);
        QCOMPARE(parsed->tag, tag);
    }

    void mapsImagesToTheWorkspaceRegistry_data()
    {
        QTest::addColumn<QString>("registryUrl");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("repository");   // empty: refused
        QTest::newRow("same host") << u"https://harbor.example.com"_s << int(RegistryType::Harbor)
                                   << u"harbor.example.com/shop/orders"_s << u"shop/orders"_s;
        QTest::newRow("explicit default port") << u"harbor.example.com:443"_s << int(RegistryType::Harbor)
                                               << u"HARBOR.example.com/shop/orders:1.2"_s << u"shop/orders"_s;
        QTest::newRow("no host in image") << u"https://registry.example.com"_s << int(RegistryType::Registry2)
                                          << u"orders"_s << u"orders"_s;
        QTest::newRow("other host") << u"https://harbor.example.com"_s << int(RegistryType::Harbor)
                                    << u"docker.io/library/nginx"_s << QString();
        QTest::newRow("other port") << u"https://harbor.example.com"_s << int(RegistryType::Harbor)
                                    << u"harbor.example.com:8443/shop/orders"_s << QString();
        QTest::newRow("harbor needs a project") << u"https://harbor.example.com"_s << int(RegistryType::Harbor)
                                                << u"orders"_s << QString();
    }

    void mapsImagesToTheWorkspaceRegistry()
    {
        QFETCH(QString, registryUrl);
        QFETCH(int, type);
        QFETCH(QString, image);
        QFETCH(QString, repository);
        ServerSettings server;
        server.baseUrl = RegistryClient::baseUrlFromConfig(registryUrl);
        QCOMPARE(server.baseUrl.scheme(), u"https"_s);
        const RegistryClient c(*m_http, RegistryType(type), server);
        const Result<QString> mapped = c.repositoryFor(image);
        QCOMPARE(mapped.ok(), !repository.isEmpty());
        if (mapped)
            QCOMPARE(mapped.value(), repository);
        else
            QVERIFY(mapped.error().message.contains(u"Harbor"_s) || mapped.error().message.contains(u"not in the workspace's registry"_s));
    }

    void registryTypeFromConfig()
    {
        QCOMPARE(RegistryClient::typeFromConfig(u"registry2"_s).value(), RegistryType::Registry2);
        QCOMPARE(RegistryClient::typeFromConfig(u"harbor"_s).value(), RegistryType::Harbor);
        const auto bad = RegistryClient::typeFromConfig(u"quay"_s);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(u"\"quay\""_s));
    }

    void keychainValue()
    {
        const auto robot = RegistryCredentials::fromKeychainValue(u"robot$shop+ci:s3:cr3t"_s);
        QVERIFY(robot.ok());
        QCOMPARE(robot->username, u"robot$shop+ci"_s);
        QCOMPARE(robot->secret, u"s3:cr3t"_s);
        QVERIFY(RegistryCredentials::fromKeychainValue(QString()).value().isEmpty());
        QVERIFY(!RegistryCredentials::fromKeychainValue(u"just-a-token"_s).ok());
    }

    void sortsTags_data()
    {
        QTest::addColumn<QStringList>("given");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("semver") << QStringList{u"1.9.2"_s, u"v1.10.0"_s, u"1.9.2-rc.1"_s, u"1.9.2-rc.10"_s, u"1.9.2-rc.2"_s}
                                << QStringList{u"v1.10.0"_s, u"1.9.2"_s, u"1.9.2-rc.10"_s, u"1.9.2-rc.2"_s, u"1.9.2-rc.1"_s};
        QTest::newRow("lexical order is not version order")
            << QStringList{u"1.0.10"_s, u"1.0.2"_s, u"1.0.9"_s} << QStringList{u"1.0.10"_s, u"1.0.9"_s, u"1.0.2"_s};
        QTest::newRow("non-versions keep their order after the versions")
            << QStringList{u"main"_s, u"2.0"_s, u"latest"_s, u"sha-3f2a9c1"_s, u"2.1"_s}
            << QStringList{u"2.1"_s, u"2.0"_s, u"main"_s, u"latest"_s, u"sha-3f2a9c1"_s};
        QTest::newRow("no versions: as returned") << QStringList{u"zeta"_s, u"alpha"_s, u"main"_s}
                                                  << QStringList{u"zeta"_s, u"alpha"_s, u"main"_s};
        QTest::newRow("pre-release identifiers") << QStringList{u"1.0.0-alpha"_s, u"1.0.0-alpha.1"_s, u"1.0.0-beta"_s, u"1.0.0-1"_s}
                                                 << QStringList{u"1.0.0-beta"_s, u"1.0.0-alpha.1"_s, u"1.0.0-alpha"_s, u"1.0.0-1"_s};
    }

    void sortsTags()
    {
        QFETCH(QStringList, given);
        QFETCH(QStringList, expected);
        std::vector<ImageTag> tags;
        for (const QString &tag : given)
            tags.push_back(ImageTag{tag, {}, {}});
        RegistryClient::sortTags(tags);
        QCOMPARE(names(tags), expected);
    }

    void pushTimesComeBeforeVersions()
    {
        const QDateTime t(QDate(2024, 3, 18), QTime(5, 35), Qt::UTC);
        std::vector<ImageTag> tags{{u"9.9.9"_s, {}, {}},
                                   {u"1.0.0"_s, t, {}},
                                   {u"latest"_s, t.addDays(2), {}},
                                   {u"0.1.0"_s, t.addDays(1), {}}};
        RegistryClient::sortTags(tags);
        QCOMPARE(names(tags), (QStringList{u"latest"_s, u"0.1.0"_s, u"1.0.0"_s, u"9.9.9"_s}));
    }

    void parsesFixtureBodies()
    {
        QFile tagsFile(qEnvironmentVariable("GD_TEST_DATA") + u"/registry/registry2_tags_list_response.http"_s);
        QVERIFY(tagsFile.open(QIODevice::ReadOnly));
        const QByteArray capture = tagsFile.readAll();
        const auto tags = RegistryClient::parseTagsList(capture.mid(capture.indexOf("\n\n") + 2));
        QVERIFY2(tags.ok(), qPrintable(tags.ok() ? QString() : tags.error().fullText()));
        QCOMPARE(names(tags.value()), QStringList{u"latest"_s});
        QVERIFY(!tags->front().pushedAt.isValid());

        const QByteArray harbor =
            QJsonDocument(FakeRegistry::harborFixture(u"harbor_artifacts_list_userlist.json"_s)).toJson();
        const auto artifacts = RegistryClient::parseHarborArtifacts(harbor);
        QVERIFY(artifacts.ok());
        QCOMPARE(names(artifacts.value()), QStringList{u"v1"_s});
        QCOMPARE(artifacts->front().pushedAt, QDateTime(QDate(2024, 3, 18), QTime(5, 35, 37, 488), Qt::UTC));
        QCOMPARE(artifacts->front().digest,
                 u"sha256:b0d5a3b6022623b71f09b866a8d612d71118ff9de54c966db91d900c03b31bcc"_s);

        QVERIFY(!RegistryClient::parseTagsList("{\"name\":\"x\",\"tags\":[").ok());
        QVERIFY(!RegistryClient::parseTagsList(harbor).ok());   // an array is not a tags list
        QVERIFY(!RegistryClient::parseHarborArtifacts(capture.mid(capture.indexOf("\n\n") + 2)).ok());
    }

    // --- Registry v2 against the fake ------------------------------------------------------------------------------

    void bearerFlowAnonymous_data()
    {
        QTest::addColumn<QString>("tokenField");
        QTest::newRow("token (fixture)") << u"token"_s;
        QTest::newRow("access_token only") << u"access_token"_s;
    }

    void bearerFlowAnonymous()
    {
        QFETCH(QString, tokenField);
        m_registry->setAuth(FakeRegistry::Auth::Bearer);
        m_registry->setTokenField(tokenField);
        m_registry->addRepository(u"shop/orders"_s, {u"1.2.0"_s, u"latest"_s, u"1.10.0"_s, u"1.9.3"_s});
        auto c = client();

        const auto first = list(*c, m_registry->host() + u"/shop/orders"_s);
        QVERIFY2(first && first->ok(), qPrintable(describe(first)));
        QCOMPARE(names(first->value()), (QStringList{u"1.10.0"_s, u"1.9.3"_s, u"1.2.0"_s, u"latest"_s}));

        const QList<FakeRegistry::Seen> seen = m_registry->requests();
        QCOMPARE(seen.size(), 3);   // challenge, token, retry
        QVERIFY(!seen[0].headers.contains("authorization"));
        QVERIFY(seen[1].target.startsWith("/token?"));
        const QUrlQuery tokenQuery(QString::fromLatin1(seen[1].target.mid(7)));
        QCOMPARE(tokenQuery.queryItemValue(u"service"_s), m_registry->service());
        QCOMPARE(tokenQuery.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"repository:shop/orders:pull"_s);
        QVERIFY(!seen[1].headers.contains("authorization"));   // anonymous
        QCOMPARE(seen[2].headers.value("authorization"), "Bearer " + m_registry->fixtureToken().toLatin1());

        // The token is kept: the next calls on the repository go straight through with it.
        m_registry->clearRequests();
        const auto second = list(*c, u"shop/orders"_s);
        QVERIFY2(second && second->ok(), qPrintable(describe(second)));
        const auto there = exists(*c, u"shop/orders"_s, u"1.9.3"_s);
        QVERIFY2(there && there->ok(), qPrintable(describe(there)));
        QCOMPARE(there->value(), true);
        QCOMPARE(m_registry->tokenRequests(), 0);
        QCOMPARE(m_registry->requests().size(), 2);
        for (const FakeRegistry::Seen &s : m_registry->requests())
            QCOMPARE(s.headers.value("authorization"), "Bearer " + m_registry->fixtureToken().toLatin1());
    }

    void servesTheRealCaptureByteForByte()
    {
        auto c = client();
        const auto tags = list(*c, m_registry->host() + u"/example-docker-buildx-go:latest"_s);
        QVERIFY2(tags && tags->ok(), qPrintable(describe(tags)));
        QCOMPARE(names(tags->value()), QStringList{u"latest"_s});
        QVERIFY(tags->value().front().digest.isEmpty());
        QVERIFY(!tags->value().front().pushedAt.isValid());
    }

    void followsPagination_data()
    {
        QTest::addColumn<int>("maxPageSize");
        QTest::addColumn<int>("pages");
        QTest::newRow("pages of 100") << 1000 << 3;
        QTest::newRow("registry clamps n to 40") << 40 << 7;
    }

    void followsPagination()
    {
        QFETCH(int, maxPageSize);
        QFETCH(int, pages);
        QStringList tags{u"latest"_s};
        for (int i = 0; i < 250; ++i)
            tags.append(u"1.0.%1"_s.arg(i));
        m_registry->addRepository(u"shop/orders"_s, tags);
        m_registry->setMaxPageSize(maxPageSize);
        m_registry->setAuth(FakeRegistry::Auth::Bearer);
        auto c = client();
        const auto result = list(*c, u"shop/orders"_s);
        QVERIFY2(result && result->ok(), qPrintable(describe(result)));
        QCOMPARE(result->value().size(), size_t(251));
        QCOMPARE(result->value().front().tag, u"1.0.249"_s);
        QCOMPARE(result->value()[249].tag, u"1.0.0"_s);
        QCOMPARE(result->value().back().tag, u"latest"_s);
        QStringList unique = names(result->value());
        unique.removeDuplicates();
        QCOMPARE(unique.size(), 251);

        const auto pageRequests = seenUnder(*m_registry, "/v2/shop/orders/tags/list");
        QCOMPARE(pageRequests.size(), pages + 1);   // + the first, challenged request
        QCOMPARE(pageRequests[0].target, QByteArray("/v2/shop/orders/tags/list?n=100"));
        QVERIFY(pageRequests[2].target.contains("last="));
        QCOMPARE(m_registry->tokenRequests(), 1);
    }

    void revokedTokenIsRenewedOnce()
    {
        m_registry->setAuth(FakeRegistry::Auth::Bearer);
        m_registry->addRepository(u"shop/orders"_s, {u"1.0.0"_s});
        auto c = client();
        QVERIFY(list(*c, u"shop/orders"_s)->ok());
        m_registry->revokeTokens();
        m_registry->clearRequests();
        const auto again = list(*c, u"shop/orders"_s);
        QVERIFY2(again && again->ok(), qPrintable(describe(again)));
        QCOMPARE(m_registry->tokenRequests(), 1);
        const QList<FakeRegistry::Seen> seen = m_registry->requests();
        QCOMPARE(seen.size(), 3);   // old token refused, new token, retry
        QVERIFY(seen[2].headers.value("authorization") != seen[0].headers.value("authorization"));
    }

    void refusedFreshTokenAsksToSignIn()
    {
        m_registry->setAuth(FakeRegistry::Auth::Bearer);
        m_registry->addRepository(u"shop/orders"_s, {u"1.0.0"_s});
        m_registry->setRejectAllTokens(true);
        auto c = client();
        QSignalSpy unauthorized(c.get(), &RegistryClient::unauthorized);
        int calls = 0;
        const auto result = await<std::vector<ImageTag>>(
            [&](QObject *ctx, auto done) { c->listTags(u"shop/orders"_s, ctx, done); }, &calls);
        QVERIFY(result && !result->ok());
        QCOMPARE(calls, 1);
        QCOMPARE(result->error().code, Error::Code::Auth);
        QCOMPARE(result->error().message,
                 u"The container registry %1 refused access to shop/orders: the sign-in is missing, expired or invalid. "
                 "Sign in to the registry again."_s.arg(m_registry->host()));
        QCOMPARE(m_registry->tokenRequests(), 1);   // no loop
        QCOMPARE(unauthorized.size(), 1);
        QVERIFY(!result->error().fullText().contains(m_registry->fixtureToken()));
    }

    void credentialsGoToTheTokenService_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("message");
        QTest::newRow("right") << u"s3cret"_s << true << QString();
        QTest::newRow("wrong") << u"wrong"_s << false
                               << u"The container registry %1 refused the stored sign-in for shop/orders; it may have "
                                  "expired. Sign in to the registry again."_s;
        QTest::newRow("none: anonymous token without pull rights")
            << QString() << false
            << u"The container registry %1 refused access to shop/orders: the sign-in is missing, expired or invalid. "
               "Sign in to the registry again."_s;
    }

    void credentialsGoToTheTokenService()
    {
        QFETCH(QString, secret);
        QFETCH(bool, ok);
        QFETCH(QString, message);
        m_registry->setAuth(FakeRegistry::Auth::Bearer);
        m_registry->setCredentials(u"robot$shop+ci"_s, u"s3cret"_s);
        m_registry->addRepository(u"shop/orders"_s, {u"1.0.0"_s});
        auto c = client(RegistryType::Registry2,
                        secret.isEmpty() ? RegistryCredentials{} : RegistryCredentials{u"robot$shop+ci"_s, secret});
        const auto result = list(*c, u"shop/orders"_s);
        QVERIFY(result);
        QCOMPARE(result->ok(), ok);
        if (!ok) {
            QCOMPARE(result->error().message, message.arg(m_registry->host()));
            QCOMPARE(result->error().code, Error::Code::Auth);
        }
        for (const FakeRegistry::Seen &seen : m_registry->requests()) {
            // Basic goes to the token service only; the registry sees tokens.
            const bool basic = seen.headers.value("authorization").startsWith("Basic ");
            QCOMPARE(basic, !secret.isEmpty() && seen.target.startsWith("/token"));
        }
    }

    void basicChallenge()
    {
        m_registry->setAuth(FakeRegistry::Auth::Basic);
        m_registry->setCredentials(u"ci"_s, u"pw"_s);
        m_registry->addRepository(u"shop/orders"_s, {u"1.0.0"_s, u"1.1.0"_s});
        auto c = client(RegistryType::Registry2, RegistryCredentials{u"ci"_s, u"pw"_s});
        const auto first = list(*c, u"shop/orders"_s);
        QVERIFY2(first && first->ok(), qPrintable(describe(first)));
        QCOMPARE(names(first->value()), (QStringList{u"1.1.0"_s, u"1.0.0"_s}));
        QCOMPARE(m_registry->requests().size(), 2);   // challenged, then with Basic
        m_registry->clearRequests();
        QVERIFY(exists(*c, u"shop/orders"_s, u"1.1.0"_s)->value());
        QCOMPARE(m_registry->requests().size(), 1);   // Basic at once now
        QVERIFY(m_registry->requests()[0].headers.value("authorization").startsWith("Basic "));

        auto anonymous = client();
        const auto refused = list(*anonymous, u"shop/orders"_s);
        QVERIFY(refused && !refused->ok());
        QCOMPARE(refused->error().code, Error::Code::Auth);
        QVERIFY(refused->error().message.contains(u"Sign in to the registry again."_s));
    }

    void tagExists_data()
    {
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<int>("expected");   // 1 true, 0 false, -1 NotFound error, -2 InvalidInput error
        QTest::newRow("existing") << u"shop/orders"_s << u"1.4.2"_s << 1;
        QTest::newRow("missing tag") << u"shop/orders"_s << u"1.4.3"_s << 0;
        QTest::newRow("unknown repository") << u"shop/nothing"_s << u"1.4.2"_s << -1;
        QTest::newRow("invalid tag") << u"shop/orders"_s << u"../1"_s << -2;
    }

    void tagExists()
    {
        QFETCH(QString, repository);
        QFETCH(QString, tag);
        QFETCH(int, expected);
        m_registry->setAuth(FakeRegistry::Auth::Bearer);
        m_registry->addRepository(u"shop/orders"_s, {u"1.4.2"_s, u"latest"_s});
        auto c = client();
        const auto result = exists(*c, repository, tag);
        QVERIFY(result);
        if (expected >= 0) {
            QVERIFY2(result->ok(), qPrintable(describe(result)));
            QCOMPARE(result->value(), expected == 1);
            const auto manifests = seenUnder(*m_registry, "/v2/" + repository.toUtf8() + "/manifests/");
            QVERIFY(!manifests.isEmpty());
            const QByteArray accept = manifests.last().headers.value("accept");
            QVERIFY(accept.contains("application/vnd.oci.image.manifest.v1+json"));
            QVERIFY(accept.contains("application/vnd.oci.image.index.v1+json"));
            QVERIFY(accept.contains("application/vnd.docker.distribution.manifest.v2+json"));
            QVERIFY(accept.contains("application/vnd.docker.distribution.manifest.list.v2+json"));
        } else if (expected == -1) {
            QVERIFY(!result->ok());
            QCOMPARE(result->error().code, Error::Code::NotFound);
            QCOMPARE(result->error().message, u"The container registry %1 has no repository shop/nothing; check the "
                                              "image name."_s.arg(m_registry->host()));
        } else {
            QVERIFY(!result->ok());
            QCOMPARE(result->error().code, Error::Code::InvalidInput);
            QVERIFY(m_registry->requests().isEmpty());
        }
    }

    void unknownRepositoryIsASentence()
    {
        m_registry->setAuth(FakeRegistry::Auth::Bearer);
        auto c = client();
        const auto result = list(*c, u"shop/nothing"_s);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, Error::Code::NotFound);
        QCOMPARE(result->error().message, u"The container registry %1 has no repository shop/nothing; check the image "
                                          "name."_s.arg(m_registry->host()));
        QVERIFY(result->error().detail.contains(u"NAME_UNKNOWN"_s));
    }

    void imageFromAnotherRegistryIsRefused()
    {
        auto c = client();
        const auto result = list(*c, u"docker.io/library/nginx"_s);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, Error::Code::InvalidInput);
        QVERIFY(result->error().message.contains(u"not in the workspace's registry"_s));
        QVERIFY(m_registry->requests().isEmpty());   // the credentials never travel elsewhere
    }

    // --- Harbor ---------------------------------------------------------------------------------------------------

    void harborNewestFirst()
    {
        m_registry->addHarborRepository(u"app"_s, u"userlist"_s, harborArtifacts());
        auto c = client(RegistryType::Harbor);
        const auto result = list(*c, m_registry->host() + u"/app/userlist"_s);
        QVERIFY2(result && result->ok(), qPrintable(describe(result)));
        QCOMPARE(names(result->value()), (QStringList{u"stable"_s, u"v1.0.1"_s, u"v1"_s, u"latest"_s}));
        const std::vector<ImageTag> &tags = result->value();
        QCOMPARE(tags[0].pushedAt, QDateTime(QDate(2024, 4, 1), QTime(8, 0), Qt::UTC));
        QCOMPARE(tags[1].pushedAt, QDateTime(QDate(2024, 3, 22), QTime(10, 30, 44, 210), Qt::UTC));
        QCOMPARE(tags[3].pushedAt, QDateTime(QDate(2022, 1, 20), QTime(9, 18, 50, 303), Qt::UTC));
        QCOMPARE(tags[0].digest, tags[3].digest);   // both on the redis artifact
        QCOMPARE(tags[1].digest, u"sha256:b0d5a3b6022623b71f09b866a8d612d71118ff9de54c966db91d900c03b31bcc"_s);

        const QList<FakeRegistry::Seen> seen = m_registry->requests();
        QCOMPARE(seen.size(), 1);
        QVERIFY(seen[0].target.startsWith("/api/v2.0/projects/app/repositories/userlist/artifacts?"));
        const QUrlQuery query(QString::fromLatin1(seen[0].target.mid(seen[0].target.indexOf('?') + 1)));
        QCOMPARE(query.queryItemValue(u"with_tag"_s), u"true"_s);
        QCOMPARE(query.queryItemValue(u"page_size"_s), u"100"_s);
    }

    void harborNestedRepositoryIsDoubleEncoded()
    {
        m_registry->addHarborRepository(u"shop"_s, u"team/orders"_s, clonedArtifacts(3));
        auto c = client(RegistryType::Harbor);
        const auto result = list(*c, u"shop/team/orders"_s);
        QVERIFY2(result && result->ok(), qPrintable(describe(result)));
        QCOMPARE(names(result->value()), (QStringList{u"1.0.2"_s, u"1.0.1"_s, u"1.0.0"_s}));
        QVERIFY(m_registry->requests()[0].target.startsWith("/api/v2.0/projects/shop/repositories/team%252Forders/artifacts?"));
    }

    void harborPagination_data()
    {
        QTest::addColumn<bool>("links");
        QTest::newRow("Link header") << true;
        QTest::newRow("X-Total-Count only") << false;
    }

    void harborPagination()
    {
        QFETCH(bool, links);
        m_registry->setHarborLinks(links);
        m_registry->addHarborRepository(u"shop"_s, u"orders"_s, clonedArtifacts(230));
        auto c = client(RegistryType::Harbor);
        const auto result = list(*c, u"shop/orders"_s);
        QVERIFY2(result && result->ok(), qPrintable(describe(result)));
        QCOMPARE(result->value().size(), size_t(230));
        QCOMPARE(result->value().front().tag, u"1.0.229"_s);
        QCOMPARE(result->value().back().tag, u"1.0.0"_s);
        QCOMPARE(m_registry->requests().size(), 3);
        QVERIFY(m_registry->requests()[2].target.contains("page=3"));
    }

    void harborTagExists_data()
    {
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<int>("expected");   // 1 true, 0 false, -1 NotFound error
        QTest::newRow("tag on a multi-tag artifact") << u"app/userlist"_s << u"v1.0.1"_s << 1;
        QTest::newRow("fixture tag") << u"app/userlist"_s << u"latest"_s << 1;
        QTest::newRow("missing") << u"app/userlist"_s << u"v2"_s << 0;
        QTest::newRow("prefix is not a match") << u"app/userlist"_s << u"v1.0"_s << 0;
        QTest::newRow("unknown repository") << u"app/nothing"_s << u"v1"_s << -1;
    }

    void harborTagExists()
    {
        QFETCH(QString, repository);
        QFETCH(QString, tag);
        QFETCH(int, expected);
        m_registry->addHarborRepository(u"app"_s, u"userlist"_s, harborArtifacts());
        auto c = client(RegistryType::Harbor);
        const auto result = exists(*c, repository, tag);
        QVERIFY(result);
        const QByteArray target = m_registry->requests().value(0).target;
        const QUrlQuery query(QString::fromLatin1(target.mid(target.indexOf('?') + 1)));
        QCOMPARE(query.queryItemValue(u"q"_s, QUrl::FullyDecoded), u"tags=%1"_s.arg(tag));   // Harbor's exact match
        if (expected >= 0) {
            QVERIFY2(result->ok(), qPrintable(describe(result)));
            QCOMPARE(result->value(), expected == 1);
        } else {
            QVERIFY(!result->ok());
            QCOMPARE(result->error().code, Error::Code::NotFound);
            QVERIFY(result->error().message.contains(u"has no repository app/nothing"_s));
        }
    }

    void harborCredentials()
    {
        m_registry->setCredentials(u"robot$app+ci"_s, u"s3cret"_s);
        m_registry->addHarborRepository(u"app"_s, u"userlist"_s, harborArtifacts());
        auto signedIn = client(RegistryType::Harbor, RegistryCredentials{u"robot$app+ci"_s, u"s3cret"_s});
        const auto ok = list(*signedIn, u"app/userlist"_s);
        QVERIFY2(ok && ok->ok(), qPrintable(describe(ok)));
        QCOMPARE(ok->value().size(), size_t(4));

        auto expired = client(RegistryType::Harbor, RegistryCredentials{u"robot$app+ci"_s, u"old"_s});
        QSignalSpy unauthorized(expired.get(), &RegistryClient::unauthorized);
        const auto refused = list(*expired, u"app/userlist"_s);
        QVERIFY(refused && !refused->ok());
        QCOMPARE(refused->error().code, Error::Code::Auth);
        QVERIFY(refused->error().message.endsWith(u"Sign in to the registry again."_s));
        QCOMPARE(unauthorized.size(), 1);
    }

    // --- failures -------------------------------------------------------------------------------------------------

    void serverDownIsQuickSentence()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();   // nothing listens there now
        ServerSettings server;
        server.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        RegistryClient c(*m_http, RegistryType::Registry2, server);
        const auto result = list(c, u"shop/orders"_s);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, Error::Code::Network);
        QCOMPARE(result->error().message, u"The container registry 127.0.0.1:%1 cannot be reached; check the server "
                                          "address and the network."_s.arg(port));
    }

    void serverErrorIsSentence()
    {
        m_registry->addRepository(u"shop/orders"_s, {u"1.0.0"_s});
        m_registry->setFault(FakeRegistry::Fault::ServerError, 10);
        auto c = client();
        const auto result = list(*c, u"shop/orders"_s);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, Error::Code::Network);
        QCOMPARE(result->error().message, u"The container registry %1 failed with an internal error (500); try again "
                                          "later."_s.arg(m_registry->host()));
        QCOMPARE(m_registry->requests().size(), 3);   // the HttpClient's attempts
    }

    void serverErrorOnceIsRetried()
    {
        m_registry->setAuth(FakeRegistry::Auth::Bearer);
        m_registry->addRepository(u"shop/orders"_s, {u"1.0.0"_s});
        m_registry->setFault(FakeRegistry::Fault::ServerError, 1, 0, u"/token"_s);
        auto c = client();
        const auto result = list(*c, u"shop/orders"_s);
        QVERIFY2(result && result->ok(), qPrintable(describe(result)));
        QCOMPARE(m_registry->tokenRequests(), 2);
    }

    void timeoutIsSentence()
    {
        m_registry->addRepository(u"shop/orders"_s, {u"1.0.0"_s});
        m_registry->setFault(FakeRegistry::Fault::Slow, 5, 3000);
        auto c = client();
        c->setRequestLimits(std::chrono::milliseconds(300), 2);
        const auto result = list(*c, u"shop/orders"_s);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, Error::Code::Timeout);
        QCOMPARE(result->error().message, u"The container registry %1 did not answer within 0.3 seconds; check the "
                                          "connection and try again."_s.arg(m_registry->host()));
        QCOMPARE(m_registry->requests().size(), 2);
    }

    void malformedJsonIsSentence_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("registry2") << int(RegistryType::Registry2);
        QTest::newRow("harbor") << int(RegistryType::Harbor);
    }

    void malformedJsonIsSentence()
    {
        QFETCH(int, type);
        m_registry->addRepository(u"app/userlist"_s, {u"1.0.0"_s});
        m_registry->addHarborRepository(u"app"_s, u"userlist"_s, harborArtifacts());
        m_registry->setFault(FakeRegistry::Fault::MalformedJson, 1);
        auto c = client(RegistryType(type));
        const auto result = list(*c, u"app/userlist"_s);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, Error::Code::InvalidInput);
        QVERIFY2(result->error().message.startsWith(
                     u"The container registry %1 sent an answer for app/userlist that is not a list of tags"_s.arg(
                         m_registry->host())),
                 qPrintable(result->error().message));
    }

    void droppedContextGetsNoCallback()
    {
        m_registry->setAuth(FakeRegistry::Auth::Bearer);
        m_registry->addRepository(u"shop/orders"_s, {u"1.0.0"_s});
        // The token answer is held back, so the asker surely goes away in the middle of the flow.
        m_registry->setFault(FakeRegistry::Fault::Slow, 1, 600, u"/token"_s);
        auto c = client();
        int calls = 0;
        auto context = std::make_unique<QObject>();
        c->listTags(u"shop/orders"_s, context.get(), [&calls](Result<std::vector<ImageTag>>) { ++calls; });
        QTRY_COMPARE(m_registry->tokenRequests(), 1);
        QCOMPARE(calls, 0);
        context.reset();
        QTest::qWait(1200);   // time for the rest of the flow, which must not answer
        QCOMPARE(calls, 0);
    }

    // --- secrets stay out of logs ---------------------------------------------------------------------------------

    void tokenNeverLogged()
    {
        QStringList captured;
        g_captured = &captured;
        g_previousHandler = qInstallMessageHandler(captureMessages);
        QLoggingCategory::setFilterRules(u"gd.net.registry.debug=true"_s);

        m_registry->setAuth(FakeRegistry::Auth::Bearer);
        m_registry->setCredentials(u"ci"_s, u"pa55word"_s);
        m_registry->addRepository(u"shop/orders"_s, {u"1.0.0"_s, u"1.1.0"_s});
        auto c = client(RegistryType::Registry2, RegistryCredentials{u"ci"_s, u"pa55word"_s});
        const auto tags = list(*c, u"shop/orders"_s);
        const auto there = exists(*c, u"shop/orders"_s, u"1.1.0"_s);
        m_registry->revokeTokens();
        const auto renewed = list(*c, u"shop/orders"_s);
        m_registry->setRejectAllTokens(true);
        const auto refused = list(*c, u"shop/orders"_s);

        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(g_previousHandler);
        g_captured = nullptr;

        QVERIFY(tags && tags->ok() && there && there->ok() && renewed && renewed->ok());
        QVERIFY(refused && !refused->ok());
        // The client did log the flow (else this test could not fail) …
        const QString log = captured.join(u'\n');
        QVERIFY2(log.contains(u"gd.net.registry: "_s) && log.contains(u"for a token"_s), qPrintable(log));
        QVERIFY(log.contains(u"with a cached token"_s));
        // … and never a token, the password or the Basic header.
        const QString token = m_registry->fixtureToken();
        const QString signature = token.section(u'.', 2);
        const QString basic = QString::fromLatin1(QByteArray("ci:pa55word").toBase64());
        for (const QString &secret : {token, signature, u"pa55word"_s, basic}) {
            QVERIFY2(!log.contains(secret), qPrintable(secret.left(12)));
            QVERIFY(!refused->error().fullText().contains(secret));
        }
    }
};

QTEST_GUILESS_MAIN(TestRegistryClient)
#include "tst_registryclient.moc"
