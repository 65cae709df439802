// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/argocdsim.h"
#include "net/argoclient.h"
#include "net/argowatch.h"
#include "net/httpclient.h"
#include "workspace/demoworkspace.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace gd;
using namespace gd::argo;

namespace {

/// Runs one asynchronous client call and waits for its single callback.
template<typename T, typename Start>
std::optional<Result<T>> await(Start start, int timeoutMs = 30000)
{
    std::optional<Result<T>> result;
    int calls = 0;
    QObject context;
    start(&context, [&](Result<T> r) {
        ++calls;
        result.emplace(std::move(r));
    });
    QElapsedTimer timer;
    timer.start();
    while (!result && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (calls > 1)
        qWarning("callback ran %d times", calls);
    return result;
}

QString describe(const auto &result)
{
    return !result ? u"no answer"_s : result->ok() ? QString() : result->error().fullText();
}

} // namespace

class TestArgoClient : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::ArgoSim> m_sim;
    std::unique_ptr<net::HttpClient> m_http;
    std::unique_ptr<ArgoClient> m_client;

    ArgoServer server(const QString &token) const
    {
        ArgoServer s;
        s.http.baseUrl = m_sim->url();
        s.token = token;
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ws::DemoOptions options;
        options.directory = m_dir.filePath(u"demo"_s);
        options.projects = 1;
        options.services = 2;
        const auto workspace = ws::createDemoWorkspace(options);
        QVERIFY2(workspace.ok(), qPrintable(workspace.ok() ? QString() : workspace.error().fullText()));
        test::ArgoSim::Options simOptions;
        simOptions.workspaceFile = workspace.value();
        m_sim = std::make_unique<test::ArgoSim>(simOptions);
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_http = std::make_unique<net::HttpClient>();
        m_client = std::make_unique<ArgoClient>(*m_http, server(m_sim->token()));
    }

    void cleanup()
    {
        if (m_sim)
            m_sim->setFault(u"clear"_s);
    }

    void version()
    {
        const auto v = await<QString>([&](QObject *c, auto done) { m_client->version(c, done); });
        QVERIFY2(v && v->ok(), qPrintable(describe(v)));
        QVERIFY(v->value().startsWith(u'v'));
    }

    void listReadsApplications()
    {
        const auto list = await<ApplicationList>([&](QObject *c, auto done) { m_client->list(c, done); });
        QVERIFY2(list && list->ok(), qPrintable(describe(list)));
        QVERIFY(!list->value().resourceVersion.isEmpty());
        QVERIFY(!list->value().items.empty());
        for (const Application &app : list->value().items) {
            QVERIFY(!app.name.isEmpty());
            QVERIFY(!app.repoUrl.isEmpty());
            QVERIFY(app.path.startsWith(u"appsmanifests/"_s));
            QVERIFY(!app.destinationNamespace.isEmpty());
        }
    }

    void getWithRefresh()
    {
        const auto list = await<ApplicationList>([&](QObject *c, auto done) { m_client->list(c, done); });
        QVERIFY(list && list->ok() && !list->value().items.empty());
        const QString name = list->value().items.front().name;
        const auto app = await<Application>(
            [&](QObject *c, auto done) { m_client->get(name, RefreshMode::Normal, c, done); });
        QVERIFY2(app && app->ok(), qPrintable(describe(app)));
        QCOMPARE(app->value().name, name);
        QVERIFY(app->value().syncStatus == u"Synced" || app->value().syncStatus == u"OutOfSync");

        const auto missing = await<Application>(
            [&](QObject *c, auto done) { m_client->get(u"no-such-app"_s, RefreshMode::None, c, done); });
        QVERIFY(missing && !missing->ok());
        QVERIFY(missing->error().message.startsWith(u"Argo CD refused: "_s));
    }

    void upsertThenRemove()
    {
        const auto list = await<ApplicationList>([&](QObject *c, auto done) { m_client->list(c, done); });
        QVERIFY(list && list->ok() && !list->value().items.empty());
        const Application &model = list->value().items.front();
        const QJsonObject application{
            {u"metadata"_s, QJsonObject{{u"name"_s, u"extra-app"_s}, {u"namespace"_s, u"argocd"_s}}},
            {u"spec"_s,
             QJsonObject{{u"project"_s, u"default"_s},
                         {u"source"_s, QJsonObject{{u"repoURL"_s, model.repoUrl},
                                                   {u"path"_s, model.path},
                                                   {u"targetRevision"_s, model.targetRevision}}},
                         {u"destination"_s, QJsonObject{{u"server"_s, u"https://kubernetes.default.svc"_s},
                                                        {u"namespace"_s, u"extra"_s}}}}}};
        const auto created = await<Application>([&](QObject *c, auto done) { m_client->upsert(application, c, done); });
        QVERIFY2(created && created->ok(), qPrintable(describe(created)));
        QCOMPARE(created->value().name, u"extra-app"_s);
        QCOMPARE(created->value().destinationNamespace, u"extra"_s);
        const auto withExtra = await<ApplicationList>([&](QObject *c, auto done) { m_client->list(c, done); });
        QCOMPARE(withExtra->value().items.size(), list->value().items.size() + 1);

        const auto removed = await<bool>([&](QObject *c, auto done) { m_client->remove(u"extra-app"_s, true, c, done); });
        QVERIFY(removed && removed->ok());
        const auto after = await<ApplicationList>([&](QObject *c, auto done) { m_client->list(c, done); });
        QCOMPARE(after->value().items.size(), list->value().items.size());
        for (const Application &app : after->value().items)
            QVERIFY(app.name != u"extra-app");
    }

    void syncAndOperationInProgressRetry()
    {
        const auto list = await<ApplicationList>([&](QObject *c, auto done) { m_client->list(c, done); });
        QVERIFY(list && list->ok() && !list->value().items.empty());
        const QString name = list->value().items.back().name;
        const auto synced = await<Application>(
            [&](QObject *c, auto done) { m_client->sync(name, SyncRequest{}, c, done); });
        QVERIFY2(synced && synced->ok(), qPrintable(describe(synced)));
        QCOMPARE(synced->value().name, name);

        // Two refusals "another operation is already in progress", then the sync goes through.
        QVERIFY(m_sim->setFault(u"op-in-progress"_s, 2));
        const auto retried = await<Application>(
            [&](QObject *c, auto done) { m_client->sync(name, SyncRequest{}, c, done); });
        QVERIFY2(retried && retried->ok(), qPrintable(describe(retried)));

        // More refusals than the client waits for: the sentence says why.
        QVERIFY(m_sim->setFault(u"op-in-progress"_s, 50));
        const auto refused = await<Application>(
            [&](QObject *c, auto done) { m_client->sync(name, SyncRequest{}, c, done); }, 60000);
        QVERIFY(refused && !refused->ok());
        QVERIFY(refused->error().message.contains(u"another operation is already in progress"_s));
    }

    void syncRequestLeavesRevisionOutUnderAutoSync()
    {
        Application manual;
        QCOMPARE(SyncRequest::forApplication(manual, u"abc123"_s).revision, u"abc123"_s);
        Application automatic;
        automatic.autoSync = true;
        QVERIFY(SyncRequest::forApplication(automatic, u"abc123"_s).revision.isEmpty());
    }

    void retriesServerErrors()
    {
        QVERIFY(m_sim->setFault(u"5xx"_s, 2, 0, u"/api/v1/applications"_s));
        const auto list = await<ApplicationList>([&](QObject *c, auto done) { m_client->list(c, done); });
        QVERIFY2(list && list->ok(), qPrintable(describe(list)));
    }

    void unauthorizedIsSignalled()
    {
        ArgoClient bad(*m_http, server(u"wrong-token"_s));
        QSignalSpy spy(&bad, &ArgoClient::unauthorized);
        const auto list = await<ApplicationList>([&](QObject *c, auto done) { bad.list(c, done); });
        QVERIFY(list && !list->ok());
        QCOMPARE(list->error().code, Error::Code::Auth);
        QCOMPARE(spy.count(), 1);
        QVERIFY(!list->error().fullText().contains(u"wrong-token"_s));

        QSignalSpy goodSpy(m_client.get(), &ArgoClient::unauthorized);
        QVERIFY(m_sim->setFault(u"401"_s, 1));
        const auto expired = await<ApplicationList>([&](QObject *c, auto done) { m_client->list(c, done); });
        QVERIFY(expired && !expired->ok());
        QCOMPARE(goodSpy.count(), 1);
    }

    void watchReconnectsAfterDrop()
    {
        ArgoWatch watch(*m_http, *m_client);
        QSignalSpy listed(&watch, &ArgoWatch::listed);
        QSignalSpy states(&watch, &ArgoWatch::stateChanged);
        watch.start();
        QTRY_COMPARE_WITH_TIMEOUT(watch.state(), ArgoWatch::State::Live, 20000);
        QCOMPARE(listed.count(), 1);

        QVERIFY(m_sim->setFault(u"drop-stream"_s));
        QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 2, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(watch.state(), ArgoWatch::State::Live, 30000);
        bool sawReconnecting = false;
        for (const auto &args : states) {
            if (args.at(0).value<ArgoWatch::State>() == ArgoWatch::State::Reconnecting) {
                sawReconnecting = true;
                QVERIFY(args.at(1).toString().contains(u"Reconnecting in"_s));
            }
        }
        QVERIFY(sawReconnecting);

        // A change made through the API arrives as an event.
        QSignalSpy changed(&watch, &ArgoWatch::changed);
        const QString name = listed.last().at(0).value<ApplicationList>().items.front().name;
        const auto synced = await<Application>(
            [&](QObject *c, auto done) { m_client->sync(name, SyncRequest{}, c, done); });
        QVERIFY(synced && synced->ok());
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() > 0, 20000);
        watch.stop();
        QCOMPARE(watch.state(), ArgoWatch::State::Stopped);
    }

    void loginGivesToken()
    {
        ArgoClient fresh(*m_http, server(QString()));
        QSignalSpy spy(&fresh, &ArgoClient::unauthorized);
        const auto wrong = await<QString>(
            [&](QObject *c, auto done) { fresh.login(u"admin"_s, u"not-the-password"_s, c, done); });
        QVERIFY(wrong && !wrong->ok());
        QCOMPARE(wrong->error().code, Error::Code::Auth);
        QVERIFY(wrong->error().message.contains(u"Invalid username or password"_s));
        QVERIFY(!wrong->error().fullText().contains(u"not-the-password"_s));
        QCOMPARE(spy.count(), 0);   // a wrong password is the login dialog's business, not a lost session

        const auto token = await<QString>(
            [&](QObject *c, auto done) { fresh.login(u"admin"_s, u"password"_s, c, done); });
        QVERIFY2(token && token->ok(), qPrintable(describe(token)));
        QCOMPARE(token->value(), m_sim->token());
        QCOMPARE(fresh.server().token, m_sim->token());
        const auto list = await<ApplicationList>([&](QObject *c, auto done) { fresh.list(c, done); });
        QVERIFY2(list && list->ok(), qPrintable(describe(list)));
    }

    void watchStopsWhenStreamIsRefused()
    {
        ArgoWatch watch(*m_http, *m_client);
        QSignalSpy listed(&watch, &ArgoWatch::listed);
        QVERIFY(m_sim->setFault(u"401"_s, 1, 0, u"/api/v1/stream/"_s));
        watch.start();
        QTRY_COMPARE_WITH_TIMEOUT(watch.state(), ArgoWatch::State::Unauthorized, 20000);
        QCOMPARE(listed.count(), 1);
    }

    void watchStopsOnUnauthorized()
    {
        ArgoClient bad(*m_http, server(u"wrong-token"_s));
        ArgoWatch watch(*m_http, bad);
        watch.start();
        QTRY_COMPARE_WITH_TIMEOUT(watch.state(), ArgoWatch::State::Unauthorized, 20000);
    }
};

QTEST_GUILESS_MAIN(TestArgoClient)
#include "tst_argoclient.moc"
