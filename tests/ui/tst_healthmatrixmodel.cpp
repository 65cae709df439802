// SPDX-License-Identifier: GPL-3.0-or-later
// The live health matrix: catalog × Argo CD Applications (parsed from JSON shaped like fixtures/argocd), watch
// events touching one cell, unmatched Applications, the problems-only filter, the "behind" flag, and screenshots.
#include "net/argoapplication.h"
#include "darkpalette.h"
#include "ui/delegates/healthbadgedelegate.h"
#include "ui/models/healthmatrixmodel.h"
#include "ui/models/healthmatrixroles.h"
#include "ui/views/argoresourcepanel.h"
#include "ui/views/healthmatrixpage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

const QString RepoBase = u"https://gitlab.example.com/ops/argocd-gitops-"_s;
const QString Sha1 = u"53e28ff20cc530b9ada2173fbbd64d48338583ba"_s;
const QString Sha2 = u"9b91454968eafed8b2a8e181b036270d27779117"_s;
const QString Sha3 = u"0c1d2e3f405162738495a6b7c8d9eafb0c1d2e3f"_s;
const QString Unseen = u"ffeeddccbbaa99887766554433221100ffeeddcc"_s;

/// A first-parent history Sha3 (tip) → Sha2 → Sha1, where Sha2 last changed `path`.
git::RecentChanges historyChanging(const QString &path)
{
    git::RecentChanges recent;
    recent.lastChange.insert(path, git::ObjectId::fromHex(Sha2));
    recent.position.insert(git::ObjectId::fromHex(Sha3), 0);
    recent.position.insert(git::ObjectId::fromHex(Sha2), 1);
    recent.position.insert(git::ObjectId::fromHex(Sha1), 2);
    return recent;
}

ws::WorkspaceConfig config()
{
    ws::WorkspaceConfig c;
    c.name = u"Demo"_s;
    for (const char *name : {"uat", "prod"}) {
        ws::EnvironmentConfig env;
        env.name = QString::fromLatin1(name);
        c.environments.push_back(env);
    }
    return c;
}

ws::EnvironmentState env(const QString &service, const QString &name, const QString &ga, const QString &canary = {})
{
    ws::EnvironmentState e;
    e.environment = name;
    e.gaTag = ga;
    e.canaryTag = canary;
    e.canaryStage = !canary.isEmpty();
    e.image = u"registry.example.com/shop/"_s + service;
    e.path = u"appsmanifests/"_s + service + u'/' + name;
    return e;
}

/// shop: cart (uat, prod), orders (uat, prod with canary); web: front (uat only).
ws::CatalogSnapshot catalog()
{
    ws::CatalogSnapshot snapshot;
    ws::ProjectInfo shop;
    shop.name = u"shop"_s;
    shop.repoUrl = RepoBase + u"shop.git"_s;
    ws::ServiceInfo cart{u"cart"_s, {env(u"cart"_s, u"uat"_s, u"1.4.0"_s), env(u"cart"_s, u"prod"_s, u"1.3.2"_s)}};
    ws::ServiceInfo orders{u"orders"_s,
                           {env(u"orders"_s, u"uat"_s, u"2.0.1"_s), env(u"orders"_s, u"prod"_s, u"1.9.0"_s, u"2.0.1"_s)}};
    shop.services = {cart, orders};
    ws::ProjectInfo web;
    web.name = u"web"_s;
    web.repoUrl = u"git@gitlab.example.com:ops/argocd-gitops-web.git"_s;
    web.services = {ws::ServiceInfo{u"front"_s, {env(u"front"_s, u"uat"_s, u"0.9.0"_s)}}};
    snapshot.projects = {shop, web};
    return snapshot;
}

/// An Application as Argo CD serves it (the shape of fixtures/argocd: metadata, spec.source, status.sync/health,
/// operationState, conditions), parsed by the real parser.
argo::Application application(const QString &name, const QString &repo, const QString &path, const QString &sync,
                              const QString &health, const QString &revision = {}, const QString &phase = {},
                              const QString &healthMessage = {}, const QString &conditionMessage = {})
{
    QJsonObject status{{u"sync"_s, QJsonObject{{u"status"_s, sync}, {u"revision"_s, revision}}},
                       {u"health"_s, QJsonObject{{u"status"_s, health}, {u"message"_s, healthMessage}}},
                       {u"reconciledAt"_s, u"2026-08-20T10:00:00Z"_s}};
    if (!phase.isEmpty())
        status.insert(u"operationState"_s,
                      QJsonObject{{u"phase"_s, phase},
                                  {u"message"_s, u"successfully synced (all tasks run)"_s},
                                  {u"startedAt"_s, u"2026-08-20T09:59:00Z"_s},
                                  {u"syncResult"_s, QJsonObject{{u"revision"_s, revision}}}});
    if (!conditionMessage.isEmpty())
        status.insert(u"conditions"_s,
                      QJsonArray{QJsonObject{{u"type"_s, u"SyncError"_s}, {u"message"_s, conditionMessage}}});
    const QJsonObject object{
        {u"apiVersion"_s, u"argoproj.io/v1alpha1"_s},
        {u"kind"_s, u"Application"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, u"argocd"_s}, {u"resourceVersion"_s, u"1"_s}}},
        {u"spec"_s,
         QJsonObject{{u"project"_s, u"default"_s},
                     {u"source"_s,
                      QJsonObject{{u"repoURL"_s, repo}, {u"path"_s, path}, {u"targetRevision"_s, u"main"_s}}},
                     {u"destination"_s, QJsonObject{{u"server"_s, u"https://kubernetes.default.svc"_s},
                                                    {u"namespace"_s, u"shop-uat"_s}}}}},
        {u"status"_s, status},
    };
    // Round-trip through text, as the client receives it.
    const QJsonObject parsed = QJsonDocument::fromJson(QJsonDocument(object).toJson()).object();
    auto result = argo::parseApplication(parsed);
    if (!result)
        qFatal("parseApplication failed");
    return *result;
}

argo::Application workload(const QString &project, const QString &service, const QString &environment,
                           const QString &sync, const QString &health, const QString &revision = Sha1)
{
    const QString repo = project == u"web" ? u"https://gitlab.example.com/ops/argocd-gitops-web"_s
                                           : RepoBase + project + u".git"_s;
    return application(project + u'-' + service + u'-' + environment, repo,
                       u"appsmanifests/"_s + service + u'/' + environment + u"/manifests"_s, sync, health, revision);
}

argo::ApplicationList list()
{
    argo::ApplicationList l;
    l.resourceVersion = u"100"_s;
    l.items = {
        workload(u"shop"_s, u"cart"_s, u"uat"_s, u"Synced"_s, u"Healthy"_s),
        workload(u"shop"_s, u"cart"_s, u"prod"_s, u"Synced"_s, u"Healthy"_s),
        application(u"shop-orders-uat"_s, RepoBase + u"shop"_s, u"appsmanifests/orders/uat/manifests"_s,
                    u"OutOfSync"_s, u"Degraded"_s, Sha1, u"Failed"_s,
                    u"Deployment \"orders\" exceeded its progress deadline"_s,
                    u"Failed sync attempt to 53e28ff: one or more objects failed to apply"_s),
        application(u"shop-orders-prod"_s, RepoBase + u"shop"_s, u"appsmanifests/orders/prod/manifests"_s,
                    u"Synced"_s, u"Progressing"_s, Sha1, u"Running"_s),
        workload(u"web"_s, u"front"_s, u"uat"_s, u"Synced"_s, u"Healthy"_s),
        // The pipeline Application of cart: matched, but not a workload cell.
        application(u"shop-cart-uat-pipeline"_s, RepoBase + u"shop"_s, u"appsmanifests/cart/uat/manifests/pipeline"_s,
                    u"Synced"_s, u"Healthy"_s),
        // Another repo, and a path outside appsmanifests: unmatched.
        application(u"guestbook"_s, u"https://github.com/argoproj/argocd-example-apps"_s, u"guestbook"_s,
                    u"Synced"_s, u"Healthy"_s),
        application(u"shop-tools"_s, RepoBase + u"shop"_s, u"tools"_s, u"Synced"_s, u"Healthy"_s),
    };
    return l;
}

} // namespace

class TestHealthMatrixModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void modelTester();
    void allProjectsAndOneProject();
    void listFillsCells();
    void eventUpdatesOneCell();
    void eventDeletedClearsCell();
    void unmatchedApplications();
    void problemsFilter();
    void behind_data();
    void behind();
    void degradedNotification();
    void screenshots();
    void resourcePanelTree();
};

void TestHealthMatrixModel::modelTester()
{
    ui::HealthMatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalog(catalog(), config());
    model.applyList(list());
    model.setProject(u"shop"_s);
    model.applyEvent({argo::WatchEvent::Type::Modified, workload(u"shop"_s, u"cart"_s, u"uat"_s, u"OutOfSync"_s,
                                                                 u"Healthy"_s)});
    model.setProject({});
    ui::HealthMatrixFilter filter;
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    filter.setProblemsOnly(true);
    model.applyList(list());
}

void TestHealthMatrixModel::allProjectsAndOneProject()
{
    ui::HealthMatrixModel model;
    model.setCatalog(catalog(), config());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"uat"_s);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"prod"_s);
    QCOMPARE(model.headerData(1, Qt::Vertical).toString(), u"shop / orders"_s);
    QCOMPARE(model.headerData(2, Qt::Vertical).toString(), u"web / front"_s);
    QCOMPARE(model.projects(), (QStringList{u"shop"_s, u"web"_s}));

    model.setProject(u"web"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), u"front"_s);
    // front has no prod folder.
    QCOMPARE(model.index(0, 1).data(ui::MatrixDeployedRole).toBool(), false);
    QCOMPARE(model.index(0, 0).data(ui::MatrixGaTagRole).toString(), u"0.9.0"_s);
}

void TestHealthMatrixModel::listFillsCells()
{
    ui::HealthMatrixModel model;
    model.setCatalog(catalog(), config());
    model.applyList(list());
    const QModelIndex ordersUat = model.indexOf(u"shop"_s, u"orders"_s, u"uat"_s);
    QVERIFY(ordersUat.isValid());
    QCOMPARE(ordersUat.data(ui::MatrixAppNameRole).toString(), u"shop-orders-uat"_s);
    QCOMPARE(ordersUat.data(ui::MatrixSyncStatusRole).toString(), u"OutOfSync"_s);
    QCOMPARE(ordersUat.data(ui::MatrixHealthStatusRole).toString(), u"Degraded"_s);
    QCOMPARE(ordersUat.data(ui::MatrixOperationPhaseRole).toString(), u"Failed"_s);
    QCOMPARE(ordersUat.data(ui::MatrixOperationRunningRole).toBool(), false);
    const QString tip = ordersUat.data(ui::MatrixTooltipRole).toString();
    QVERIFY2(tip.contains(u"exceeded its progress deadline"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"SyncError: Failed sync attempt"_s), qPrintable(tip));
    QCOMPARE(ordersUat.data(Qt::ToolTipRole).toString(), tip);

    const QModelIndex ordersProd = model.indexOf(u"shop"_s, u"orders"_s, u"prod"_s);
    QCOMPARE(ordersProd.data(ui::MatrixOperationRunningRole).toBool(), true);
    QCOMPARE(ordersProd.data(ui::MatrixCanaryTagRole).toString(), u"2.0.1"_s);
    QCOMPARE(ordersProd.data(ui::MatrixGaTagRole).toString(), u"1.9.0"_s);
    QCOMPARE(model.runningOperationCount(), 1);

    // The web repo is registered in scp form and the Application uses https without .git: still matched.
    QCOMPARE(model.indexOf(u"web"_s, u"front"_s, u"uat"_s).data(ui::MatrixHealthStatusRole).toString(),
             u"Healthy"_s);
    // The pipeline Application does not take the workload's cell.
    QCOMPARE(model.indexOf(u"shop"_s, u"cart"_s, u"uat"_s).data(ui::MatrixAppNameRole).toString(),
             u"shop-cart-uat"_s);
}

void TestHealthMatrixModel::eventUpdatesOneCell()
{
    ui::HealthMatrixModel model;
    model.setCatalog(catalog(), config());
    model.applyList(list());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy running(&model, &ui::HealthMatrixModel::operationsRunningChanged);

    model.applyEvent({argo::WatchEvent::Type::Modified,
                      application(u"shop-orders-prod"_s, RepoBase + u"shop"_s, u"appsmanifests/orders/prod/manifests"_s,
                                  u"Synced"_s, u"Healthy"_s, Sha2, u"Succeeded"_s)});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(reset.count(), 0);
    const QModelIndex cell = model.indexOf(u"shop"_s, u"orders"_s, u"prod"_s);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), cell);
    QCOMPARE(changed.at(0).at(1).toModelIndex(), cell);
    QCOMPARE(cell.data(ui::MatrixHealthStatusRole).toString(), u"Healthy"_s);
    QCOMPARE(cell.data(ui::MatrixSyncRevisionRole).toString(), Sha2);
    // The only running operation finished: the spinner timer may stop.
    QCOMPARE(model.runningOperationCount(), 0);
    QCOMPARE(running.count(), 1);
    QCOMPARE(running.at(0).at(0).toBool(), false);
    // The other cells kept their state.
    QCOMPARE(model.indexOf(u"shop"_s, u"orders"_s, u"uat"_s).data(ui::MatrixHealthStatusRole).toString(),
             u"Degraded"_s);
}

void TestHealthMatrixModel::eventDeletedClearsCell()
{
    ui::HealthMatrixModel model;
    model.setCatalog(catalog(), config());
    model.applyList(list());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    argo::WatchEvent event{argo::WatchEvent::Type::Deleted,
                           workload(u"shop"_s, u"cart"_s, u"prod"_s, u"Synced"_s, u"Healthy"_s)};
    model.applyEvent(event);
    const QModelIndex cell = model.indexOf(u"shop"_s, u"cart"_s, u"prod"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), cell);
    QCOMPARE(cell.data(ui::MatrixHasApplicationRole).toBool(), false);
    QCOMPARE(cell.data(ui::MatrixHealthStatusRole).toString(), QString());
    QCOMPARE(cell.data(ui::MatrixGaTagRole).toString(), u"1.3.2"_s);   // Git's side stays

    // Added again: it is back in its cell.
    event.type = argo::WatchEvent::Type::Added;
    model.applyEvent(event);
    QCOMPARE(cell.data(ui::MatrixHealthStatusRole).toString(), u"Healthy"_s);
}

void TestHealthMatrixModel::unmatchedApplications()
{
    ui::HealthMatrixModel model;
    model.setCatalog(catalog(), config());
    model.applyList(list());
    const auto unmatched = model.unmatchedApplications();
    QCOMPARE(int(unmatched.size()), 2);
    QCOMPARE(unmatched.at(0).name, u"guestbook"_s);
    QCOMPARE(unmatched.at(1).name, u"shop-tools"_s);

    // An Application for an environment the service has no column for (and the workspace does not know) is unmatched.
    model.applyEvent({argo::WatchEvent::Type::Added,
                      workload(u"shop"_s, u"cart"_s, u"staging"_s, u"Synced"_s, u"Healthy"_s)});
    QCOMPARE(model.unmatchedCount(), 3);
    // A deleted unmatched Application leaves the list.
    model.applyEvent({argo::WatchEvent::Type::Deleted, unmatched.at(0)});
    QCOMPARE(model.unmatchedCount(), 2);

    // A new catalog where cart has a staging folder adds a column and re-matches that Application.
    ws::CatalogSnapshot snapshot = catalog();
    snapshot.projects[0].services[0].environments.push_back(env(u"cart"_s, u"staging"_s, u"1.5.0"_s));
    model.setCatalog(snapshot, config());
    QCOMPARE(model.environments(), (QStringList{u"uat"_s, u"prod"_s, u"staging"_s}));
    QCOMPARE(model.unmatchedCount(), 1);
    QCOMPARE(model.indexOf(u"shop"_s, u"cart"_s, u"staging"_s).data(ui::MatrixAppNameRole).toString(),
             u"shop-cart-staging"_s);
    QCOMPARE(model.indexOf(u"shop"_s, u"orders"_s, u"uat"_s).data(ui::MatrixHealthStatusRole).toString(),
             u"Degraded"_s);
}

void TestHealthMatrixModel::problemsFilter()
{
    ui::HealthMatrixModel model;
    model.setCatalog(catalog(), config());
    model.applyList(list());
    ui::HealthMatrixFilter filter;
    filter.setSourceModel(&model);
    QCOMPARE(filter.rowCount(), 3);
    filter.setProblemsOnly(true);
    // Only orders (Degraded/OutOfSync in uat, Progressing in prod).
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data(ui::MatrixServiceRole).toString(), u"orders"_s);

    // cart goes OutOfSync: it appears without any reset.
    model.applyEvent({argo::WatchEvent::Type::Modified,
                      workload(u"shop"_s, u"cart"_s, u"prod"_s, u"OutOfSync"_s, u"Healthy"_s)});
    QCOMPARE(filter.rowCount(), 2);
    filter.setProblemsOnly(false);
    QCOMPARE(filter.rowCount(), 3);
}

void TestHealthMatrixModel::behind_data()
{
    QTest::addColumn<QString>("syncRevision");
    QTest::addColumn<QString>("changedPath");
    QTest::addColumn<bool>("behind");
    const QString path = u"appsmanifests/cart/uat"_s;
    QTest::newRow("synced before the last change") << Sha1 << path << true;
    QTest::newRow("synced the last change") << Sha2 << path << false;
    QTest::newRow("synced the tip, newer than the change") << Sha3 << path << false;
    QTest::newRow("synced a commit the walk did not see") << Unseen << path << false;
    QTest::newRow("another folder changed") << Sha1 << u"appsmanifests/cart/prod"_s << false;
    QTest::newRow("no history known") << Sha1 << QString() << false;
    QTest::newRow("no sync revision") << QString() << path << false;
}

void TestHealthMatrixModel::behind()
{
    QFETCH(QString, syncRevision);
    QFETCH(QString, changedPath);
    QFETCH(bool, behind);
    ui::HealthMatrixModel model;
    model.setCatalog(catalog(), config());
    argo::ApplicationList l;
    l.items = {workload(u"shop"_s, u"cart"_s, u"uat"_s, u"Synced"_s, u"Healthy"_s, syncRevision)};
    model.applyList(l);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setLastChanges(u"shop"_s, changedPath.isEmpty() ? git::RecentChanges() : historyChanging(changedPath));
    QCOMPARE(changed.count(), 1);
    const QModelIndex cell = model.indexOf(u"shop"_s, u"cart"_s, u"uat"_s);
    QCOMPARE(cell.data(ui::MatrixBehindRole).toBool(), behind);
    QCOMPARE(cell.data(ui::MatrixTooltipRole).toString().contains(u"Behind"_s), behind);
    // A cell of another project is untouched.
    QCOMPARE(model.indexOf(u"web"_s, u"front"_s, u"uat"_s).data(ui::MatrixBehindRole).toBool(), false);
}

void TestHealthMatrixModel::degradedNotification()
{
    ui::HealthMatrixModel model;
    model.setCatalog(catalog(), config());
    QSignalSpy degraded(&model, &ui::HealthMatrixModel::applicationDegraded);
    model.applyList(list());
    // The first list has no earlier state: nothing "turned" Degraded.
    QCOMPARE(degraded.count(), 0);
    model.applyEvent({argo::WatchEvent::Type::Modified,
                      workload(u"shop"_s, u"cart"_s, u"prod"_s, u"Synced"_s, u"Degraded"_s)});
    QCOMPARE(degraded.count(), 1);
    QCOMPARE(degraded.at(0).at(0).toString(), u"shop"_s);
    QCOMPARE(degraded.at(0).at(1).toString(), u"cart"_s);
    QCOMPARE(degraded.at(0).at(2).toString(), u"prod"_s);
    QCOMPARE(degraded.at(0).at(3).toString(), u"shop-cart-prod"_s);
    // Still Degraded: no second notification.
    model.applyEvent({argo::WatchEvent::Type::Modified,
                      workload(u"shop"_s, u"cart"_s, u"prod"_s, u"OutOfSync"_s, u"Degraded"_s)});
    QCOMPARE(degraded.count(), 1);
    // A re-list where cart uat turned Degraded meanwhile notifies once.
    argo::ApplicationList l = list();
    l.items[0] = workload(u"shop"_s, u"cart"_s, u"uat"_s, u"Synced"_s, u"Degraded"_s);
    model.applyList(l);
    QCOMPARE(degraded.count(), 2);
    QCOMPARE(degraded.at(1).at(3).toString(), u"shop-cart-uat"_s);
}

void TestHealthMatrixModel::screenshots()
{
    const QString dir = qEnvironmentVariable("GD_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
    QVERIFY(QDir().mkpath(dir));
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    const QPalette light = QApplication::style()->standardPalette();
    const QPalette dark = gd::test::darkPalette();

    for (const auto &[name, palette] : {std::pair{u"light"_s, light}, std::pair{u"dark"_s, dark}}) {
        QApplication::setPalette(palette);
        ui::HealthMatrixPage page;
        page.resize(900, 360);
        page.setCatalog(catalog(), config());
        page.model()->applyList(list());
        page.model()->setLastChanges(u"shop"_s, historyChanging(u"appsmanifests/cart/prod"_s));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // One Degraded service, one running operation, one behind: all visible; the unmatched line names both.
        QVERIFY(page.unmatchedText().contains(u"guestbook"_s));
        const QImage image = page.grab().toImage();
        QVERIFY(!image.isNull());
        const QString file = dir + u"/healthmatrix_"_s + name + u".png"_s;
        QVERIFY2(image.save(file), qPrintable(file));
        // Double-click opens the service.
        QSignalSpy open(&page, &ui::HealthMatrixPage::openService);
        const QModelIndex cell = page.filter()->mapFromSource(page.model()->indexOf(u"shop"_s, u"orders"_s, u"uat"_s));
        const QPoint centre = page.view()->visualRect(cell).center();
        QTest::mouseClick(page.view()->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(page.view()->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(1).toString(), u"orders"_s);
        QCOMPARE(open.at(0).at(2).toString(), u"uat"_s);
    }
}

void TestHealthMatrixModel::resourcePanelTree()
{
    // A resource tree response (GET /api/v1/applications/{name}/resource-tree): Pod → ReplicaSet → Deployment by
    // parentRefs, listed children first as Argo CD may; a Service with no parent.
    const QByteArray json = R"({"nodes":[
      {"version":"v1","kind":"Pod","namespace":"shop-uat","name":"orders-7d4b9c-x2k8p","uid":"pod-1",
       "parentRefs":[{"group":"apps","kind":"ReplicaSet","namespace":"shop-uat","name":"orders-7d4b9c","uid":"rs-1"}],
       "health":{"status":"Degraded","message":"Back-off pulling image"},"images":["registry.example.com/shop/orders:2.0.1"]},
      {"group":"apps","version":"v1","kind":"ReplicaSet","namespace":"shop-uat","name":"orders-7d4b9c","uid":"rs-1",
       "parentRefs":[{"group":"apps","kind":"Deployment","namespace":"shop-uat","name":"orders","uid":"dep-1"}],
       "health":{"status":"Progressing"}},
      {"group":"apps","version":"v1","kind":"Deployment","namespace":"shop-uat","name":"orders","uid":"dep-1",
       "health":{"status":"Degraded","message":"Deployment \"orders\" exceeded its progress deadline"}},
      {"version":"v1","kind":"Service","namespace":"shop-uat","name":"orders","uid":"svc-1"}]})";
    auto tree = argo::parseResourceTree(json);
    QVERIFY(tree);
    ui::ArgoResourcePanel panel;
    panel.showTree(*tree);
    QTreeWidget *widget = panel.tree();
    QCOMPARE(widget->topLevelItemCount(), 2);
    QTreeWidgetItem *deployment = widget->topLevelItem(0);
    QCOMPARE(deployment->text(0), u"Deployment"_s);
    QCOMPARE(deployment->text(2), u"Degraded"_s);
    QCOMPARE(deployment->childCount(), 1);
    QTreeWidgetItem *replicaSet = deployment->child(0);
    QCOMPARE(replicaSet->text(0), u"ReplicaSet"_s);
    QCOMPARE(replicaSet->childCount(), 1);
    QCOMPARE(replicaSet->child(0)->text(1), u"orders-7d4b9c-x2k8p"_s);
    QVERIFY(replicaSet->child(0)->toolTip(2).contains(u"Back-off pulling image"_s));
    QCOMPARE(widget->topLevelItem(1)->text(0), u"Service"_s);

    // The last operation and the conditions of the Application.
    panel.showApplication(list().items[2]);
    QVERIFY(panel.findChildren<QLabel *>().size() >= 3);
    bool sawCondition = false;
    for (const QLabel *label : panel.findChildren<QLabel *>())
        sawCondition = sawCondition || label->text().contains(u"SyncError: Failed sync attempt"_s);
    QVERIFY(sawCondition);
}

QTEST_MAIN(TestHealthMatrixModel)
#include "tst_healthmatrixmodel.moc"
