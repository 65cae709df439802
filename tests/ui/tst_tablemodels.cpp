// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/projectsummarymodel.h"
#include "ui/models/projecttreeroles.h"
#include "ui/models/serviceenvironmentmodel.h"

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
    state.image = u"registry.example.com/shop/"_s + name;
    state.path = u"appsmanifests/svc/"_s + name;
    return state;
}

} // namespace

class TestTableModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void serviceEnvironments();
    void serviceEnvironmentProblem();
    void projectSummaryColumnsFollowWorkspaceOrder();
    void projectSummaryCells();
};

void TestTableModels::serviceEnvironments()
{
    ServiceEnvironmentModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setService({u"orders"_s, {env(u"uat"_s, u"1.4.2"_s, u"1.5.0"_s, true), env(u"prod"_s, u"1.4.1"_s)}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ServiceEnvironmentModel::ColumnCount));
    using C = ServiceEnvironmentModel::Column;
    QCOMPARE(model.index(0, C::EnvironmentColumn).data().toString(), u"uat"_s);
    QCOMPARE(model.index(0, C::StageColumn).data().toString(), u"Canary"_s);
    QCOMPARE(model.index(0, C::GaTagColumn).data().toString(), u"1.4.2"_s);
    QCOMPARE(model.index(0, C::CanaryTagColumn).data().toString(), u"1.5.0"_s);
    QCOMPARE(model.index(0, C::ImageColumn).data().toString(), u"registry.example.com/shop/uat"_s);
    QCOMPARE(model.index(1, C::StageColumn).data().toString(), u"GA only"_s);
    QCOMPARE(model.index(1, C::CanaryTagColumn).data().toString(), u"—"_s);
    QCOMPARE(model.rowOf(u"prod"_s), 1);
    QCOMPARE(model.rowOf(u"staging"_s), -1);
    QCOMPARE(model.headerData(C::CanaryTagColumn, Qt::Horizontal).toString(), u"Canary tag"_s);

    model.setService({u"empty"_s, {}});
    QCOMPARE(model.rowCount(), 0);
}

void TestTableModels::serviceEnvironmentProblem()
{
    ServiceEnvironmentModel model;
    gd::ws::EnvironmentState broken = env(u"uat"_s, QString());
    broken.problem = u"appsmanifests/svc/uat has no GA overlay."_s;
    model.setService({u"svc"_s, {broken}});
    QCOMPARE(model.index(0, ServiceEnvironmentModel::StageColumn).data().toString(), u"Unreadable"_s);
    QCOMPARE(model.index(0, ServiceEnvironmentModel::GaTagColumn).data(Qt::ToolTipRole).toString(), broken.problem);
}

void TestTableModels::projectSummaryColumnsFollowWorkspaceOrder()
{
    ProjectSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    gd::ws::ProjectInfo project;
    project.name = u"shop"_s;
    project.services.push_back({u"cart"_s, {env(u"prod"_s, u"2.0.0"_s), env(u"dev"_s, u"2.1.0"_s)}});
    project.services.push_back({u"orders"_s, {env(u"uat"_s, u"1.4.2"_s), env(u"prod"_s, u"1.4.1"_s)}});
    // The workspace knows uat and prod (in that order) and staging, which nobody uses; dev is only in the repo.
    model.setProject(project, {u"uat"_s, u"staging"_s, u"prod"_s});
    QCOMPARE(model.environments(), (QStringList{u"uat"_s, u"prod"_s, u"dev"_s}));
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"uat"_s);
    QCOMPARE(model.headerData(1, Qt::Vertical).toString(), u"orders"_s);
}

void TestTableModels::projectSummaryCells()
{
    ProjectSummaryModel model;
    gd::ws::ProjectInfo project;
    project.name = u"shop"_s;
    project.services.push_back({u"cart"_s, {env(u"prod"_s, u"2.0.0"_s)}});
    project.services.push_back(
        {u"orders"_s, {env(u"uat"_s, u"1.4.2"_s, u"1.5.0"_s, true), env(u"prod"_s, u"1.4.1"_s, u"1.3.0"_s)}});
    model.setProject(project, {u"uat"_s, u"prod"_s});
    QCOMPARE(model.index(1, 0).data().toString(), u"1.4.2 · canary 1.5.0"_s);
    QCOMPARE(model.index(1, 1).data().toString(), u"1.4.1"_s);   // canary overlay not deployed
    QCOMPARE(model.index(0, 0).data().toString(), u"—"_s);       // cart is not in uat
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(u"not deployed"_s));
    QCOMPARE(model.index(1, 0).data(ServiceNameRole).toString(), u"orders"_s);
    QCOMPARE(model.index(1, 0).data(EnvironmentNameRole).toString(), u"uat"_s);
    QVERIFY(model.index(1, 0).data(CanaryStageRole).toBool());
}

QTEST_MAIN(TestTableModels)
#include "tst_tablemodels.moc"
