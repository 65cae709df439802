// SPDX-License-Identifier: GPL-3.0-or-later
// SyncAndWait against the Argo CD simulator: it says what it waits for at once and then again while a step takes
// long, and tells a step Argo CD did not do (no answer, refused, the wait ran out) from one it did badly.
#include "flows/syncandwait.h"
#include "net/argoclient.h"
#include "net/httpclient.h"
#include "support/simulateddemo.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace gd;
using namespace std::chrono_literals;

class TestSyncAndWait : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void hangingRefreshSaysWhatItWaitsForAndReminds();
    void refusedRefreshIsUnanswered_data();
    void refusedRefreshIsUnanswered();
    void waitThatRunsOutIsUnanswered();

private:
    QTemporaryDir m_dir;
    test::SimulatedDemo m_demo;
    test::ArgoSim *m_sim = nullptr;
    std::unique_ptr<net::HttpClient> m_http;
    std::unique_ptr<argo::ArgoClient> m_client;
};

void TestSyncAndWait::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.create(m_dir.filePath(u"demo"_s), 1, 2, &error), qPrintable(error));
    test::ArgoSim::Options options;
    options.healthDelayMs = 600000;   // a rollout that takes ten minutes: health stays Progressing
    QVERIFY2(m_demo.startArgo(options, &error), qPrintable(error));
    m_sim = m_demo.argo();
    m_http = std::make_unique<net::HttpClient>();
    argo::ArgoServer server;
    server.http.baseUrl = m_sim->url();
    server.token = m_sim->token();
    m_client = std::make_unique<argo::ArgoClient>(*m_http, server);
}

void TestSyncAndWait::cleanup()
{
    m_sim->setFault(u"clear"_s);
}

void TestSyncAndWait::hangingRefreshSaysWhatItWaitsForAndReminds()
{
    QVERIFY(m_sim->setFault(u"slow-refresh"_s, 1, 0, u"shop-cart-uat"_s));
    flows::SyncAndWait::Options options;
    options.reminderInterval = 100ms;
    flows::SyncAndWait follow(*m_client, u"shop-cart-uat"_s, options);
    QSignalSpy waiting(&follow, &flows::SyncAndWait::waiting);
    QSignalSpy finished(&follow, &flows::SyncAndWait::finished);
    follow.start();
    QCOMPARE(waiting.size(), 1);   // at once, before any answer
    QCOMPARE(waiting.first().first().toString(), u"Waiting for Argo CD to refresh shop-cart-uat …"_s);
    QTRY_VERIFY(waiting.size() >= 3);
    QCOMPARE(waiting.last().first().toString(), u"Waiting for Argo CD to refresh shop-cart-uat (0 s so far) …"_s);
    QVERIFY(finished.isEmpty());
}

void TestSyncAndWait::refusedRefreshIsUnanswered_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("503") << u"5xx"_s;
    QTest::newRow("401") << u"401"_s;
}

void TestSyncAndWait::refusedRefreshIsUnanswered()
{
    QFETCH(QString, fault);
    QVERIFY(m_sim->setFault(fault, 1000, 0, u"shop-orders-uat"_s));
    flows::SyncAndWait follow(*m_client, u"shop-orders-uat"_s, flows::SyncAndWait::Options{});
    QSignalSpy finished(&follow, &flows::SyncAndWait::finished);
    follow.start();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(follow.failure(), flows::SyncAndWait::Failure::Unanswered);
}

void TestSyncAndWait::waitThatRunsOutIsUnanswered()
{
    flows::SyncAndWait::Options options;
    options.pollInterval = 50ms;
    options.timeout = 1s;
    flows::SyncAndWait follow(*m_client, u"shop-orders-uat"_s, options);
    QSignalSpy waiting(&follow, &flows::SyncAndWait::waiting);
    QSignalSpy finished(&follow, &flows::SyncAndWait::finished);
    follow.start();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(finished.first().at(1).toString().contains(u"did not become healthy in time"_s),
             qPrintable(finished.first().at(1).toString()));
    QCOMPARE(follow.failure(), flows::SyncAndWait::Failure::Unanswered);
    // It said each step as it started: refresh, sync, health.
    QStringList steps;
    for (const QList<QVariant> &signal : waiting)
        steps.append(signal.first().toString());
    QVERIFY2(steps.contains(u"Waiting for shop-orders-uat to be synced and healthy …"_s), qPrintable(steps.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestSyncAndWait)
#include "tst_syncandwait.moc"
