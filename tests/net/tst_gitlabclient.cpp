// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/gitlabclient.h"
#include "net/httpclient.h"
#include "support/fakegitlab.h"

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
using gd::test::FakeGitLab;

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

class TestGitLabClient : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<FakeGitLab> m_gitlab;
    std::unique_ptr<HttpClient> m_http;

    std::unique_ptr<GitLabClient> client(const QString &token = {})
    {
        ServerSettings server;
        server.baseUrl = m_gitlab->url();
        auto c = std::make_unique<GitLabClient>(*m_http, server,
                                                token.isEmpty() ? QString::fromLatin1(m_gitlab->token()) : token);
        c->setRequestLimits(std::chrono::seconds(10), 1);
        return c;
    }
    auto group(GitLabClient &c, const QString &path, int *calls = nullptr)
    {
        return await<GitLabGroup>([&](QObject *ctx, auto done) { c.group(path, ctx, done); }, calls);
    }
    auto projects(GitLabClient &c, qint64 groupId, int *calls = nullptr)
    {
        return await<std::vector<GitLabProject>>([&](QObject *ctx, auto done) { c.groupProjects(groupId, ctx, done); },
                                                 calls);
    }
    auto project(GitLabClient &c, const QString &path, int *calls = nullptr)
    {
        return await<std::optional<GitLabProject>>([&](QObject *ctx, auto done) { c.project(path, ctx, done); }, calls);
    }
    auto ensure(GitLabClient &c, const QString &groupPath, const QString &path, int *calls = nullptr)
    {
        return await<GitLabProject>([&](QObject *ctx, auto done) { c.ensureProject(groupPath, path, ctx, done); },
                                    calls);
    }
    QList<QByteArray> methodsAndTargets() const
    {
        QList<QByteArray> out;
        for (const FakeGitLab::Seen &seen : m_gitlab->requests())
            out.append(seen.method + ' ' + seen.target.split('?').value(0));
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_gitlab = std::make_unique<FakeGitLab>();
        QString error;
        QVERIFY2(m_gitlab->start(&error), qPrintable(error));
        m_http = std::make_unique<HttpClient>();
    }

    void cleanup()
    {
        m_http.reset();
        m_gitlab.reset();
    }

    void encodesPathsAsOneSegment()
    {
        QCOMPARE(GitLabClient::encodePath(u"platform/devops/orders-deploy"_s), u"platform%2Fdevops%2Forders-deploy"_s);
        QCOMPARE(GitLabClient::encodePath(u"a b~c.d_e"_s), u"a%20b~c.d_e"_s);
    }

    void groupByFullPath()
    {
        const qint64 id = m_gitlab->addGroup(u"platform/devops"_s, u"DevOps"_s);
        auto c = client();
        int calls = 0;
        const auto found = group(*c, u"platform/devops"_s, &calls);
        QVERIFY2(found && found->ok(), qPrintable(describe(found)));
        QCOMPARE(calls, 1);
        QCOMPARE(found->value().id, id);
        QCOMPARE(found->value().fullPath, u"platform/devops"_s);
        QCOMPARE(found->value().name, u"DevOps"_s);
        // The request line keeps %2F: GitLab reads an unencoded '/' as another path segment (404).
        const auto seen = m_gitlab->requests();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0].target, QByteArray("/api/v4/groups/platform%2Fdevops?with_projects=false"));
        QCOMPARE(seen[0].headers.value("private-token"), m_gitlab->token());
        QVERIFY(!seen[0].headers.contains("authorization"));
    }

    void groupNotFound()
    {
        m_gitlab->addGroup(u"platform/devops"_s);
        auto c = client();
        int calls = 0;
        const auto missing = group(*c, u"platform/dev-ops"_s, &calls);
        QVERIFY(missing && !missing->ok());
        QCOMPARE(calls, 1);
        QCOMPARE(missing->error().code, Error::Code::NotFound);
        QVERIFY2(missing->error().message.contains(u"has no group platform/dev-ops"_s), qPrintable(describe(missing)));
        QVERIFY(missing->error().detail.contains(u"404 Group Not Found"_s));
    }

    void groupProjectsPaginated_data()
    {
        QTest::addColumn<bool>("links");
        QTest::newRow("Link rel=next") << true;
        QTest::newRow("x-next-page only") << false;
    }

    void groupProjectsPaginated()
    {
        QFETCH(bool, links);
        m_gitlab->setLinks(links);
        const qint64 groupId = m_gitlab->addGroup(u"platform/devops"_s);
        QStringList expected;
        for (int i = 0; i < 230; ++i) {
            const QString path = u"svc-%1-deploy"_s.arg(i, 3, 10, QChar(u'0'));
            // Every fifth in a subgroup (listed too), one archived (left out), the first ones empty.
            const QString inGroup = i % 5 == 0 ? u"platform/devops/legacy"_s : u"platform/devops"_s;
            m_gitlab->addProject(inGroup, path, i < 3, i == 7);
            if (i != 7)
                expected.append(path);
        }
        m_gitlab->addProject(u"platform/other"_s, u"elsewhere"_s);
        auto c = client();
        int calls = 0;
        const auto list = projects(*c, groupId, &calls);
        QVERIFY2(list && list->ok(), qPrintable(describe(list)));
        QCOMPARE(calls, 1);
        QStringList paths;
        for (const GitLabProject &p : list->value())
            paths.append(p.path);
        QCOMPARE(paths, expected);

        const auto seen = m_gitlab->requests();
        QCOMPARE(seen.size(), 3);
        for (int page = 1; page <= 3; ++page) {
            const QByteArray prefix = "/api/v4/groups/" + QByteArray::number(groupId) + "/projects?";
            const QByteArray pageItem = "&page=" + QByteArray::number(page);
            QVERIFY(seen[page - 1].target.startsWith(prefix));
            QVERIFY2(seen[page - 1].target.contains(pageItem), seen[page - 1].target.constData());
            QVERIFY(seen[page - 1].target.contains("per_page=100"));
            QVERIFY(seen[page - 1].target.contains("include_subgroups=true"));
        }
        const GitLabProject &first = list->value().front();
        QCOMPARE(first.pathWithNamespace, u"platform/devops/legacy/svc-000-deploy"_s);
        QCOMPARE(first.httpUrlToRepo, m_gitlab->url().toString() + u"/platform/devops/legacy/svc-000-deploy.git"_s);
        QVERIFY(first.emptyRepo);
        QVERIFY(first.defaultBranch.isEmpty());
        const GitLabProject &last = list->value().back();
        QCOMPARE(last.pathWithNamespace, u"platform/devops/svc-229-deploy"_s);
        QVERIFY(!last.emptyRepo);
        QCOMPARE(last.defaultBranch, u"main"_s);
    }

    void projectLookup_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("exists");
        QTest::newRow("found") << u"platform/devops/orders-deploy"_s << true;
        QTest::newRow("found, leading slash") << u"/platform/devops/orders-deploy"_s << true;
        QTest::newRow("other project") << u"platform/devops/payments-deploy"_s << false;
        QTest::newRow("other group") << u"platform/orders-deploy"_s << false;
    }

    void projectLookup()
    {
        QFETCH(QString, path);
        QFETCH(bool, exists);
        const qint64 id = m_gitlab->addProject(u"platform/devops"_s, u"orders-deploy"_s);
        auto c = client();
        int calls = 0;
        const auto found = project(*c, path, &calls);
        QVERIFY2(found && found->ok(), qPrintable(describe(found)));
        QCOMPARE(calls, 1);
        QCOMPARE(found->value().has_value(), exists);
        if (exists) {
            QCOMPARE(found->value()->id, id);
            QCOMPARE(found->value()->path, u"orders-deploy"_s);
            QCOMPARE(found->value()->pathWithNamespace, u"platform/devops/orders-deploy"_s);
            QCOMPARE(found->value()->defaultBranch, u"main"_s);
        }
        const QByteArray target = m_gitlab->requests().value(0).target;
        QVERIFY2(target.startsWith("/api/v4/projects/platform%2F"), target.constData());
        QVERIFY(!target.contains("%25"));
    }

    void ensureProjectCreatesOnNotFound()
    {
        const qint64 groupId = m_gitlab->addGroup(u"platform/devops"_s);
        auto c = client();
        int calls = 0;
        const auto created = ensure(*c, u"platform/devops"_s, u"orders-deploy"_s, &calls);
        QVERIFY2(created && created->ok(), qPrintable(describe(created)));
        QCOMPARE(calls, 1);
        QCOMPARE(created->value().pathWithNamespace, u"platform/devops/orders-deploy"_s);
        QVERIFY(created->value().emptyRepo);
        QVERIFY(m_gitlab->hasProject(u"platform/devops/orders-deploy"_s));
        QCOMPARE(methodsAndTargets(),
                 (QList<QByteArray>{"GET /api/v4/projects/platform%2Fdevops%2Forders-deploy",
                                    "GET /api/v4/groups/platform%2Fdevops", "POST /api/v4/projects"}));
        const QJsonObject body = QJsonDocument::fromJson(m_gitlab->requests().at(2).body).object();
        QCOMPARE(body.value("path"_L1).toString(), u"orders-deploy"_s);
        QCOMPARE(body.value("name"_L1).toString(), u"orders-deploy"_s);
        QCOMPARE(body.value("namespace_id"_L1).toInteger(), groupId);

        // Later lookups find it, and ensuring it again creates nothing.
        const auto found = project(*c, u"platform/devops/orders-deploy"_s);
        QVERIFY(found && found->ok() && found->value().has_value());
        QCOMPARE(found->value()->id, created->value().id);
        m_gitlab->clearRequests();
        const auto again = ensure(*c, u"platform/devops"_s, u"orders-deploy"_s);
        QVERIFY(again && again->ok());
        QCOMPARE(again->value().id, created->value().id);
        QCOMPARE(m_gitlab->requests().size(), 1);
    }

    void ensureProjectAlreadyTakenIsFound()
    {
        m_gitlab->addGroup(u"platform/devops"_s);
        m_gitlab->setCreateRace(true);
        auto c = client();
        int calls = 0;
        const auto result = ensure(*c, u"platform/devops"_s, u"orders-deploy"_s, &calls);
        QVERIFY2(result && result->ok(), qPrintable(describe(result)));
        QCOMPARE(calls, 1);
        QCOMPARE(result->value().pathWithNamespace, u"platform/devops/orders-deploy"_s);
        QCOMPARE(methodsAndTargets(),
                 (QList<QByteArray>{"GET /api/v4/projects/platform%2Fdevops%2Forders-deploy",
                                    "GET /api/v4/groups/platform%2Fdevops", "POST /api/v4/projects",
                                    "GET /api/v4/projects/platform%2Fdevops%2Forders-deploy"}));
    }

    void ensureProjectInMissingGroup()
    {
        auto c = client();
        int calls = 0;
        const auto result = ensure(*c, u"platform/nowhere"_s, u"orders-deploy"_s, &calls);
        QVERIFY(result && !result->ok());
        QCOMPARE(calls, 1);
        QCOMPARE(result->error().code, Error::Code::NotFound);
        QVERIFY2(result->error().message.contains(u"platform/nowhere"_s), qPrintable(describe(result)));
        QCOMPARE(methodsAndTargets().size(), 2);   // no create without a group
    }

    void wrongTokenAsksToSignInAgain_data()
    {
        QTest::addColumn<int>("call");
        QTest::newRow("group") << 0;
        QTest::newRow("group projects") << 1;
        QTest::newRow("project") << 2;
        QTest::newRow("ensure project") << 3;
    }

    void wrongTokenAsksToSignInAgain()
    {
        QFETCH(int, call);
        const qint64 groupId = m_gitlab->addProject(u"platform/devops"_s, u"orders-deploy"_s);
        auto c = client(u"glpat-expired-token-value"_s);
        QSignalSpy unauthorized(c.get(), &GitLabClient::unauthorized);
        Error error;
        int calls = 0;
        if (call == 0) {
            const auto r = group(*c, u"platform/devops"_s, &calls);
            QVERIFY(r && !r->ok());
            error = r->error();
        } else if (call == 1) {
            const auto r = projects(*c, groupId, &calls);
            QVERIFY(r && !r->ok());
            error = r->error();
        } else if (call == 2) {
            const auto r = project(*c, u"platform/devops/orders-deploy"_s, &calls);
            QVERIFY(r && !r->ok());
            error = r->error();
        } else {
            const auto r = ensure(*c, u"platform/devops"_s, u"orders-deploy"_s, &calls);
            QVERIFY(r && !r->ok());
            error = r->error();
        }
        QCOMPARE(calls, 1);
        QCOMPARE(error.code, Error::Code::Auth);
        QVERIFY2(error.message.contains(u"the token is expired or wrong: sign in again"_s), qPrintable(error.message));
        QCOMPARE(unauthorized.size(), 1);
        QVERIFY(!error.fullText().contains(u"glpat-expired-token-value"_s));
        QVERIFY(error.detail.contains(u"401 Unauthorized"_s));
        QVERIFY(m_gitlab->requests().value(0).headers.value("private-token") == "glpat-expired-token-value");
    }

    void tokenNeverLogged()
    {
        QStringList captured;
        g_captured = &captured;
        g_previousHandler = qInstallMessageHandler(captureMessages);
        QLoggingCategory::setFilterRules(u"gd.net.gitlab.debug=true"_s);

        m_gitlab->addGroup(u"platform/devops"_s);
        auto c = client();
        const auto created = ensure(*c, u"platform/devops"_s, u"orders-deploy"_s);
        m_gitlab->setCreateRace(true);
        const auto raced = ensure(*c, u"platform/devops"_s, u"payments-deploy"_s);
        auto wrong = client(u"glpat-wrong-secret-123"_s);
        const auto refused = group(*wrong, u"platform/devops"_s);

        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(g_previousHandler);
        g_captured = nullptr;

        QVERIFY(created && created->ok() && raced && raced->ok());
        QVERIFY(refused && !refused->ok());
        // The client did log its requests (else this test could not fail) …
        const QString log = captured.join(u'\n');
        QVERIFY2(log.contains(u"gd.net.gitlab: GET "_s) && log.contains(u"created meanwhile"_s), qPrintable(log));
        QVERIFY(log.contains(u"with the token"_s));
        // … and never a token.
        QVERIFY2(!log.contains(QString::fromLatin1(m_gitlab->token())), qPrintable(log));
        QVERIFY(!log.contains(u"glpat-wrong-secret-123"_s));
        QVERIFY(!refused->error().fullText().contains(u"glpat-wrong-secret-123"_s));
        QCOMPARE(HttpClient::redact(u"PRIVATE-TOKEN: glpat-abc"_s), u"PRIVATE-TOKEN: ***"_s);
    }

    void serverDown()
    {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        ServerSettings server;
        server.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        GitLabClient c(*m_http, server, u"glpat-offline"_s);
        c.setRequestLimits(std::chrono::seconds(5), 1);
        int calls = 0;
        const auto result = await<GitLabGroup>([&](QObject *ctx, auto done) { c.group(u"platform/devops"_s, ctx, done); },
                                               &calls);
        QVERIFY(result && !result->ok());
        QCOMPARE(calls, 1);
        QCOMPARE(result->error().code, Error::Code::Network);
        QVERIFY2(result->error().message.contains(u"GitLab 127.0.0.1:%1 cannot be reached"_s.arg(port)),
                 qPrintable(describe(result)));
        QVERIFY(!result->error().fullText().contains(u"glpat-offline"_s));
    }

    void noAnswerAfterContextIsGone()
    {
        m_gitlab->addGroup(u"platform/devops"_s);
        auto c = client();
        int calls = 0;
        {
            QObject context;
            c->ensureProject(u"platform/devops"_s, u"orders-deploy"_s, &context,
                             [&calls](Result<GitLabProject>) { ++calls; });
        }
        // A later call's answer arrives after anything the first one could still deliver: nothing may be.
        const auto later = group(*c, u"platform/devops"_s);
        QVERIFY(later && later->ok());
        QCOMPARE(calls, 0);
        QVERIFY(!m_gitlab->hasProject(u"platform/devops/orders-deploy"_s));
    }
};

QTEST_GUILESS_MAIN(TestGitLabClient)
#include "tst_gitlabclient.moc"
