// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/projecttreefilter.h"
#include "ui/models/projecttreemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd::ui;

namespace {

gd::ws::EnvironmentState env(const QString &name, const QString &ga, const QString &canary = {},
                             bool canaryStage = false)
{
    gd::ws::EnvironmentState state;
    state.environment = name;
    state.gaTag = ga;
    state.canaryTag = canary;
    state.canaryStage = canaryStage;
    state.image = u"registry.example.com/shop/app"_s;
    return state;
}

/// shop: orders (uat canary 1.5.0 over 1.4.2, prod 1.4.1), cart (uat 2.0.0, prod 2.0.0);
/// payments: gateway (uat 0.9.0), and a broken project "legacy".
std::shared_ptr<gd::ws::CatalogSnapshot> sample()
{
    auto catalog = std::make_shared<gd::ws::CatalogSnapshot>();
    gd::ws::ProjectInfo legacy;
    legacy.name = u"legacy"_s;
    legacy.problem = u"The repository could not be fetched."_s;
    gd::ws::ProjectInfo payments;
    payments.name = u"payments"_s;
    payments.services.push_back({u"gateway"_s, {env(u"uat"_s, u"0.9.0"_s)}});
    gd::ws::ProjectInfo shop;
    shop.name = u"shop"_s;
    shop.services.push_back({u"cart"_s, {env(u"uat"_s, u"2.0.0"_s), env(u"prod"_s, u"2.0.0"_s)}});
    shop.services.push_back(
        {u"orders"_s, {env(u"uat"_s, u"1.4.2"_s, u"1.5.0"_s, true), env(u"prod"_s, u"1.4.1"_s, u"1.3.9"_s, false)}});
    catalog->projects = {legacy, payments, shop};
    return catalog;
}

QStringList names(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList result;
    for (int row = 0; row < model.rowCount(parent); ++row)
        result.append(model.index(row, 0, parent).data().toString());
    return result;
}

} // namespace

class TestProjectTreeModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void structure();
    void environmentData();
    void problems();
    void findIndex();
    void resetKeepsTesterHappy();
    void filter_data();
    void filter();
};

void TestProjectTreeModel::structure()
{
    ProjectTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setCatalog(sample());
    QCOMPARE(names(model), (QStringList{u"legacy"_s, u"payments"_s, u"shop"_s}));
    const QModelIndex shop = model.index(2, 0);
    QCOMPARE(names(model, shop), (QStringList{u"cart"_s, u"orders"_s}));
    const QModelIndex orders = model.index(1, 0, shop);
    QCOMPARE(names(model, orders), (QStringList{u"uat"_s, u"prod"_s}));
    QCOMPARE(orders.parent(), shop);
    QCOMPARE(model.index(0, 0, orders).parent(), orders);
    QCOMPARE(model.rowCount(model.index(0, 0, orders)), 0);
    QCOMPARE(model.rowCount(model.index(0, 1, shop)), 0);   // only column 0 has children
    QCOMPARE(shop.data(KindRole).toInt(), int(TreeItemKind::Project));
    QCOMPARE(orders.data(KindRole).toInt(), int(TreeItemKind::Service));
    QCOMPARE(orders.data(ProjectNameRole).toString(), u"shop"_s);
    QCOMPARE(model.headerData(ProjectTreeModel::GaTagColumn, Qt::Horizontal).toString(), u"GA"_s);
}

void TestProjectTreeModel::environmentData()
{
    ProjectTreeModel model;
    model.setCatalog(sample());
    const QModelIndex uat = model.findIndex(u"shop"_s, u"orders"_s, u"uat"_s);
    QVERIFY(uat.isValid());
    QCOMPARE(uat.data(KindRole).toInt(), int(TreeItemKind::Environment));
    QCOMPARE(uat.data(ServiceNameRole).toString(), u"orders"_s);
    QCOMPARE(uat.data(EnvironmentNameRole).toString(), u"uat"_s);
    QCOMPARE(uat.siblingAtColumn(ProjectTreeModel::GaTagColumn).data().toString(), u"1.4.2"_s);
    QCOMPARE(uat.siblingAtColumn(ProjectTreeModel::CanaryTagColumn).data().toString(), u"1.5.0"_s);
    QVERIFY(uat.data(CanaryStageRole).toBool());
    QVERIFY(uat.data(Qt::ToolTipRole).toString().contains(u"canary 1.5.0"_s));
    // A canary overlay that is not deployed shows no canary tag.
    const QModelIndex prod = model.findIndex(u"shop"_s, u"orders"_s, u"prod"_s);
    QCOMPARE(prod.siblingAtColumn(ProjectTreeModel::CanaryTagColumn).data().toString(), QString());
    QCOMPARE(prod.data(CanaryTagRole).toString(), u"1.3.9"_s);
    QVERIFY(!prod.data(CanaryStageRole).toBool());
}

void TestProjectTreeModel::problems()
{
    ProjectTreeModel model;
    model.setCatalog(sample());
    const QModelIndex legacy = model.findIndex(u"legacy"_s);
    QCOMPARE(legacy.data(ProblemRole).toString(), u"The repository could not be fetched."_s);
    QVERIFY(legacy.data(Qt::ToolTipRole).toString().contains(u"could not be fetched"_s));
    QVERIFY(!legacy.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.rowCount(legacy), 0);
}

void TestProjectTreeModel::findIndex()
{
    ProjectTreeModel model;
    model.setCatalog(sample());
    QCOMPARE(model.findIndex(u"payments"_s).data().toString(), u"payments"_s);
    QCOMPARE(model.findIndex(u"shop"_s, u"cart"_s).data().toString(), u"cart"_s);
    QVERIFY(!model.findIndex(u"shop"_s, u"nope"_s).isValid());
    QVERIFY(!model.findIndex(u"shop"_s, u"cart"_s, u"staging"_s).isValid());
    QVERIFY(!model.findIndex(u"nope"_s).isValid());
}

void TestProjectTreeModel::resetKeepsTesterHappy()
{
    ProjectTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ProjectTreeFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalog(sample());
    filter.setFilterText(u"orders"_s);
    model.setCatalog(std::make_shared<gd::ws::CatalogSnapshot>());
    QCOMPARE(filter.rowCount(), 0);
    model.setCatalog(sample());
    QCOMPARE(filter.rowCount(), 1);
    model.setCatalog(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestProjectTreeModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("visible");   // project/service/env paths left visible
    QTest::newRow("empty") << QString()
                           << QStringList{u"legacy"_s, u"payments"_s, u"payments/gateway"_s,
                                          u"payments/gateway/uat"_s, u"shop"_s, u"shop/cart"_s,
                                          u"shop/cart/uat"_s, u"shop/cart/prod"_s, u"shop/orders"_s,
                                          u"shop/orders/uat"_s, u"shop/orders/prod"_s};
    QTest::newRow("service shows its envs") << u"ORDERS"_s
                                            << QStringList{u"shop"_s, u"shop/orders"_s, u"shop/orders/uat"_s,
                                                           u"shop/orders/prod"_s};
    QTest::newRow("project shows all below")
        << u"payments"_s << QStringList{u"payments"_s, u"payments/gateway"_s, u"payments/gateway/uat"_s};
    QTest::newRow("ga tag") << u"2.0.0"_s
                            << QStringList{u"shop"_s, u"shop/cart"_s, u"shop/cart/uat"_s, u"shop/cart/prod"_s};
    QTest::newRow("canary tag") << u"1.5.0"_s
                                << QStringList{u"shop"_s, u"shop/orders"_s, u"shop/orders/uat"_s};
    QTest::newRow("undeployed canary tag is not matched") << u"1.3.9"_s << QStringList{};
    QTest::newRow("environment name") << u"prod"_s
                                      << QStringList{u"shop"_s, u"shop/cart"_s, u"shop/cart/prod"_s,
                                                     u"shop/orders"_s, u"shop/orders/prod"_s};
    QTest::newRow("nothing") << u"zzz"_s << QStringList{};
}

void TestProjectTreeModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, visible);
    ProjectTreeModel model;
    ProjectTreeFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalog(sample());
    filter.setFilterText(text);

    QStringList shown;
    std::function<void(const QModelIndex &, const QString &)> walk = [&](const QModelIndex &parent,
                                                                        const QString &prefix) {
        for (int row = 0; row < filter.rowCount(parent); ++row) {
            const QModelIndex index = filter.index(row, 0, parent);
            const QString path = prefix.isEmpty() ? index.data().toString() : prefix + u'/' + index.data().toString();
            shown.append(path);
            walk(index, path);
        }
    };
    walk({}, {});
    QCOMPARE(shown, visible);
}

QTEST_MAIN(TestProjectTreeModel)
#include "tst_projecttreemodel.moc"
