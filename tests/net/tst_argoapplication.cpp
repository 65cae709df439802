// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/argoapplication.h"
#include "support/yamltojson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd::argo;

namespace {

QString dataPath(const QString &name)
{
    return qEnvironmentVariable("GD_TEST_DATA") + u"/argocd/"_s + name;
}

QJsonObject loadFixture(const QString &name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    if (name.endsWith(u".json"))
        return QJsonDocument::fromJson(bytes).object();
    return gd::test::yamlToJsonObject(bytes);
}

} // namespace

// Test payloads (plain literals: moc 6.4 loses the class after a raw string literal).
namespace {
const QByteArray kAutomatedDisabled = "{\"metadata\":{\"name\":\"a\"},\"spec\":{\"syncPolicy\":{\"automated\":{\"enabled\":false,\"selfHeal\":true}}}}";
const QByteArray kAutomatedEmpty = "{\"metadata\":{\"name\":\"a\"},\"spec\":{\"syncPolicy\":{\"automated\":{}}}}";
const QByteArray kRunningMultiSource = "{\"metadata\":{\"name\":\"a\"},\"operation\":{\"sync\":{\"revision\":\"abc\"}}, \"spec\":{\"sources\":[{\"repoURL\":\"https://g/x.git\",\"path\":\"p\"}]}, \"status\":{\"operationState\":{\"phase\":\"Running\",\"syncResult\":{\"revision\":\"abc\"}},\"history\":[{\"id\":\"7\"}]}}";
const QByteArray kList = "{\"metadata\":{\"resourceVersion\":\"42\"},\"items\":[{\"metadata\":{\"name\":\"b\"}},{\"metadata\":{\"name\":\"c\"}}]}";
const QByteArray kNullItems = "{\"metadata\":{\"resourceVersion\":\"1\"},\"items\":null}";
const QByteArray kDeletedEvent = "{\"result\":{\"type\":\"DELETED\",\"application\":{\"metadata\":{\"name\":\"web\"}}}}";
const QByteArray kErrorEvent = "{\"error\":{\"grpc_code\":16,\"http_code\":401,\"message\":\"no session information\",\"http_status\":\"Unauthorized\"}}";
const QByteArray kTree = "{\"nodes\":[ {\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\",\"namespace\":\"prod\",\"name\":\"web\",\"uid\":\"d1\", \"health\":{\"status\":\"Healthy\"},\"images\":[\"reg/web:1.2\"]}, {\"version\":\"v1\",\"kind\":\"Pod\",\"namespace\":\"prod\",\"name\":\"web-1\",\"uid\":\"p1\", \"parentRefs\":[{\"kind\":\"ReplicaSet\",\"uid\":\"r1\"}],\"info\":[{\"name\":\"Status Reason\",\"value\":\"Running\"}]}]}";
} // namespace

class TestArgoApplication : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixturesParse_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("health");
        QTest::addColumn<QString>("sync");
        QTest::addColumn<bool>("autoSync");
        QTest::newRow("diff-cache") << u"argo-cd_controller_testdata_diff-cache.yaml"_s << u"velero-test"_s
                                    << u"Healthy"_s << u"Synced"_s << false;
        QTest::newRow("live-child") << u"argo-cd_controller_testdata_live-child-application.yaml"_s
                                    << u"argo-workflows"_s << u"Progressing"_s << u"Synced"_s << true;
        QTest::newRow("degraded") << u"argo-cd_gitops-engine_health_testdata_application-degraded.yaml"_s << QString()
                                  << u"Degraded"_s << u"Unknown"_s << false;
        QTest::newRow("healthy") << u"argo-cd_gitops-engine_health_testdata_application-healthy.yaml"_s << QString()
                                 << u"Healthy"_s << u"Unknown"_s << false;
        QTest::newRow("stolostron-json") << u"stolostron-search-collector_test-data_argoapplication.json"_s
                                         << u"helloworld"_s << u"Healthy"_s << u"Synced"_s << true;
    }

    void fixturesParse()
    {
        QFETCH(QString, file);
        QFETCH(QString, name);
        QFETCH(QString, health);
        QFETCH(QString, sync);
        QFETCH(bool, autoSync);
        const QJsonObject object = loadFixture(file);
        QVERIFY2(!object.isEmpty(), qPrintable(file));
        const auto app = parseApplication(object);
        QVERIFY2(app.ok(), qPrintable(app.ok() ? QString() : app.error().fullText()));
        QCOMPARE(app->name, name);
        QCOMPARE(app->healthStatus, health);
        QCOMPARE(app->syncStatus, sync);
        QCOMPARE(app->autoSync, autoSync);
    }

    void diffCacheFields()
    {
        const auto app = parseApplication(loadFixture(u"argo-cd_controller_testdata_diff-cache.yaml"_s));
        QVERIFY(app.ok());
        QCOMPARE(app->appNamespace, u"argo-cd"_s);
        QCOMPARE(app->project, u"sre"_s);
        QCOMPARE(app->resourceVersion, u"722811357"_s);
        QCOMPARE(app->labels.value(u"preview"_s), u"true"_s);
        QCOMPARE(app->repoUrl, u"https://github.com/foo/manifests-velero.git"_s);
        QCOMPARE(app->path, u"instances/test"_s);
        QCOMPARE(app->targetRevision, u"test-lla"_s);
        QCOMPARE(app->destinationName, u"gke-alpha-01-europe-west1"_s);
        QCOMPARE(app->destinationNamespace, u"test-lla"_s);
        QCOMPARE(app->syncRevision, u"rev1"_s);
        QCOMPARE(app->operationPhase, u"Succeeded"_s);
        QCOMPARE(app->operationStartedAt, QDateTime(QDate(2024, 3, 5), QTime(7, 33, 3), Qt::UTC));
        QCOMPARE(app->operationFinishedAt, QDateTime(QDate(2024, 3, 5), QTime(7, 33, 4), Qt::UTC));
        QCOMPARE(app->reconciledAt, QDateTime(QDate(2024, 3, 5), QTime(7, 33, 4), Qt::UTC));
        QVERIFY(!app->operationInProgress());
        QCOMPARE(app->history.size(), std::size_t(10));
        QCOMPARE(app->history.front().id, 14);
        QCOMPARE(app->history.back().id, 23);
        QCOMPARE(app->history.front().revision, u"ea8759964626a583667a2bfd08f334ec2070040a"_s);
        QCOMPARE(app->history.front().deployedAt, QDateTime(QDate(2024, 3, 4), QTime(22, 0, 6), Qt::UTC));
        QCOMPARE(app->images, QStringList{u"nginx:latest"_s});
    }

    void liveChildFields()
    {
        const auto app = parseApplication(loadFixture(u"argo-cd_controller_testdata_live-child-application.yaml"_s));
        QVERIFY(app.ok());
        QCOMPARE(app->resourceVersion, u"3000237"_s);
        QCOMPARE(app->repoUrl, u"https://argoproj.github.io/argo-helm"_s);
        QCOMPARE(app->destinationName, u"in-cluster"_s);
        QVERIFY(app->prune);
        QVERIFY(!app->selfHeal);
        QCOMPARE(app->history.size(), std::size_t(1));
        QCOMPARE(app->history.front().initiatedBy, u"automated"_s);
        QCOMPARE(app->images.size(), 2);
        QCOMPARE(app->operationStartedAt, QDateTime(QDate(2025, 11, 14), QTime(12, 35, 57), Qt::UTC));
    }

    void stolostronConditions()
    {
        const auto app = parseApplication(loadFixture(u"stolostron-search-collector_test-data_argoapplication.json"_s));
        QVERIFY(app.ok());
        QVERIFY(app->selfHeal);
        QCOMPARE(app->destinationServer, u"https://kubernetes.default.svc"_s);
        QCOMPARE(app->conditions.size(), std::size_t(2));
        QCOMPARE(app->conditions.at(0).type, u"SyncError"_s);
        QVERIFY(app->conditions.at(0).message.contains(u"retried 5 times"_s));
        QVERIFY(app->history.empty());
        QVERIFY(app->operationPhase.isEmpty());
    }

    void automatedDisabled()
    {
        const QByteArray json = kAutomatedDisabled;
        const auto app = parseApplication(QJsonDocument::fromJson(json).object());
        QVERIFY(app.ok());
        QVERIFY(!app->autoSync);
        const QByteArray on = kAutomatedEmpty;
        QVERIFY(parseApplication(QJsonDocument::fromJson(on).object())->autoSync);
    }

    void operationRequestedAndMultiSource()
    {
        const QByteArray json = kRunningMultiSource;
        const auto app = parseApplication(QJsonDocument::fromJson(json).object());
        QVERIFY(app.ok());
        QVERIFY(app->operationInProgress());
        QCOMPARE(app->repoUrl, u"https://g/x.git"_s);
        QCOMPARE(app->operationRevision, u"abc"_s);
        QCOMPARE(app->history.front().id, 7);
    }

    void listAndErrors()
    {
        const auto list = parseApplicationList(
            kList);
        QVERIFY(list.ok());
        QCOMPARE(list->resourceVersion, u"42"_s);
        QCOMPARE(list->items.size(), std::size_t(2));
        const auto empty = parseApplicationList(kNullItems);
        QVERIFY(empty.ok());
        QVERIFY(empty->items.empty());
        QVERIFY(!parseApplicationList("not json").ok());
        QVERIFY(!parseApplicationList("[1,2]").ok());
    }

    void watchEvents()
    {
        const auto event = parseWatchEvent(
            kDeletedEvent);
        QVERIFY(event.ok());
        QCOMPARE(event->type, WatchEvent::Type::Deleted);
        QCOMPARE(event->application.name, u"web"_s);
        const auto error = parseWatchEvent(
            kErrorEvent);
        QVERIFY(!error.ok());
        QCOMPARE(error.error().code, gd::Error::Code::Auth);
        QVERIFY(error.error().message.contains(u"no session information"_s));
    }

    void resourceTree()
    {
        const auto tree = parseResourceTree(kTree);
        QVERIFY(tree.ok());
        QCOMPARE(tree->nodes.size(), std::size_t(2));
        QCOMPARE(tree->nodes.at(0).healthStatus, u"Healthy"_s);
        QCOMPARE(tree->nodes.at(0).images, QStringList{u"reg/web:1.2"_s});
        QCOMPARE(tree->nodes.at(1).parentUids, QStringList{u"r1"_s});
        QCOMPARE(tree->nodes.at(1).info.value(u"Status Reason"_s), u"Running"_s);
        QVERIFY(tree->nodes.at(1).healthStatus.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestArgoApplication)
#include "tst_argoapplication.moc"
