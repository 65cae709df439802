// SPDX-License-Identifier: GPL-3.0-or-later
// The New Service wizard as a release manager fills it in: a workspace with uat and prod, names checked as typed
// (the sentence under the page, Next disabled until it is fixed), the autoscaler choice leaving replicas out, stored
// answers filling every field and coming back unchanged. Saves light and dark screenshots of both pages.
#include "darkpalette.h"
#include "guitesting.h"
#include "ui/dialogs/newservicewizard.h"
#include "ui/language.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;
using gd::test::child;
using gd::test::typeInto;

namespace {

ws::WorkspaceConfig twoEnvironments()
{
    ws::WorkspaceConfig config;
    config.name = u"Demo"_s;
    ws::EnvironmentConfig uat;
    uat.name = u"uat"_s;
    uat.cluster = u"https://uat.k8s.example.com"_s;
    ws::EnvironmentConfig prod;
    prod.name = u"prod"_s;
    prod.cluster = u"https://prod.k8s.example.com"_s;
    prod.namespacePattern = u"{project}-{service}-prod"_s;
    prod.canaryAllowed = false;
    config.environments = {uat, prod};
    return config;
}

const QStringList kProjects{u"shop"_s, u"billing"_s};

ws::ScaffoldAnswers storedAnswers()
{
    ws::ScaffoldAnswers a;
    a.spec.project = u"billing"_s;
    a.spec.service = u"invoices"_s;
    a.spec.language = u"java"_s;
    a.spec.canaryStage = true;
    a.spec.imageRepository = u"registry.example.com:5000/billing/invoices"_s;
    a.spec.gaTag = u"1.4.2"_s;
    a.spec.port = 9090;
    a.spec.replicas = 3;
    a.spec.cluster = u"https://other.k8s.example.com"_s;
    a.spec.namespaceName = u"billing-apps"_s;
    a.spec.selfHeal = false;
    a.spec.repoUrl = u"https://gitlab.example.com/ops/argocd-gitops-billing.git"_s;
    a.spec.argocdProject = u"billing"_s;
    a.environments = {u"uat"_s};
    return a;
}

/// Shows `wizard` and answers the first two pages (shop/orders, an image) to reach the pipeline page.
void showPipelinePage(ui::NewServiceWizard &wizard)
{
    wizard.show();
    if (!QTest::qWaitForWindowExposed(&wizard))
        qWarning("the wizard was not exposed");
    typeInto(child<QComboBox>(wizard, u"newServiceProject"_s)->lineEdit(), u"shop"_s);
    typeInto(child<QLineEdit>(wizard, u"newServiceName"_s), u"orders"_s);
    wizard.next();
    typeInto(child<QLineEdit>(wizard, u"newServiceImage"_s), u"registry.example.com/shop/orders"_s);
    wizard.next();
}

} // namespace

class TestNewServiceWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void serviceNameCheckedAsTyped_data();
    void serviceNameCheckedAsTyped();
    void settingsPageChecks();
    void autoscalerLeavesReplicasOut();
    void setAnswersFillsEveryField();
    void pipelinePageChecks_data();
    void pipelinePageChecks();
    void existingServiceAndTemplateSourceAreNamed();
    void screenshots();
    void chineseWizard();
};

void TestNewServiceWizard::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestNewServiceWizard::serviceNameCheckedAsTyped_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problemPart");   // empty: valid, Next enabled
    QTest::newRow("upper case and underscore") << u"Orders_1"_s << u"Orders_1"_s;
    QTest::newRow("ends with dash") << u"orders-"_s << u"orders-"_s;
    QTest::newRow("empty") << QString() << u"service name"_s;
    QTest::newRow("valid") << u"orders"_s << QString();
    QTest::newRow("valid with digits") << u"orders-2"_s << QString();
}

void TestNewServiceWizard::serviceNameCheckedAsTyped()
{
    QFETCH(QString, name);
    QFETCH(QString, problemPart);
    ui::NewServiceWizard wizard(twoEnvironments(), kProjects);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    auto *project = child<QComboBox>(wizard, u"newServiceProject"_s);
    QCOMPARE(project->count(), 2);
    QVERIFY(project->currentText().isEmpty());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());   // nothing typed yet
    typeInto(project->lineEdit(), u"shop"_s);
    typeInto(child<QLineEdit>(wizard, u"newServiceName"_s), u"valid"_s);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

    typeInto(child<QLineEdit>(wizard, u"newServiceName"_s), name);
    auto *problem = child<QLabel>(wizard, u"newServiceProjectProblem"_s);
    if (problemPart.isEmpty()) {
        QVERIFY(problem->isHidden());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QCOMPARE(wizard.answers().spec.service, name);
    } else {
        QVERIFY(!problem->isHidden());
        QVERIFY2(problem->text().contains(problemPart), qPrintable(problem->text()));
        QVERIFY(problem->text().endsWith(u'.'));   // a sentence
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    }
}

void TestNewServiceWizard::settingsPageChecks()
{
    ui::NewServiceWizard wizard(twoEnvironments(), kProjects);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    typeInto(child<QComboBox>(wizard, u"newServiceProject"_s)->lineEdit(), u"payments"_s);   // a new project
    typeInto(child<QLineEdit>(wizard, u"newServiceName"_s), u"orders"_s);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    wizard.next();
    QCOMPARE(wizard.currentId(), 1);

    // Left empty, cluster and namespace are each environment's own from the workspace, and the fields say which.
    auto *cluster = child<QLineEdit>(wizard, u"newServiceCluster"_s);
    QVERIFY(cluster->text().isEmpty());
    QCOMPARE(cluster->placeholderText(), u"uat: https://uat.k8s.example.com, prod: https://prod.k8s.example.com"_s);
    QCOMPARE(child<QLineEdit>(wizard, u"newServiceNamespace"_s)->placeholderText(),
             u"payments-uat, payments-orders-prod"_s);

    auto *problem = child<QLabel>(wizard, u"newServiceSettingsProblem"_s);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY2(problem->text().contains(u"image repository"_s), qPrintable(problem->text()));
    auto *image = child<QLineEdit>(wizard, u"newServiceImage"_s);
    typeInto(image, u"registry.example.com/shop/orders/"_s);
    QVERIFY2(problem->text().contains(u"not a valid image name"_s), qPrintable(problem->text()));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    typeInto(image, u"registry.example.com/shop/orders"_s);
    QVERIFY2(problem->isHidden(), qPrintable(problem->text()));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

    // prod does not allow a canary stage.
    child<QComboBox>(wizard, u"newServiceStage"_s)->setCurrentIndex(1);
    QVERIFY2(problem->text().contains(u"prod"_s), qPrintable(problem->text()));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    auto *envs = child<QListWidget>(wizard, u"newServiceEnvironments"_s);
    envs->item(1)->setCheckState(Qt::Unchecked);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(wizard.answers().environments, QStringList{u"uat"_s});
    QVERIFY(wizard.answers().spec.canaryStage);

    envs->item(0)->setCheckState(Qt::Unchecked);
    QVERIFY2(problem->text().contains(u"No environment"_s), qPrintable(problem->text()));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    envs->item(1)->setCheckState(Qt::Checked);
    child<QComboBox>(wizard, u"newServiceStage"_s)->setCurrentIndex(0);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    // Each environment goes to its own cluster and namespace.
    QCOMPARE(wizard.answers().specFor(u"prod"_s).cluster, u"https://prod.k8s.example.com"_s);
    QCOMPARE(wizard.answers().specFor(u"prod"_s).namespaceName, u"payments-orders-prod"_s);
    envs->item(0)->setCheckState(Qt::Checked);
    QCOMPARE(wizard.answers().specFor(u"uat"_s).cluster, u"https://uat.k8s.example.com"_s);
    QCOMPARE(wizard.answers().specFor(u"uat"_s).namespaceName, u"payments-uat"_s);
    QCOMPARE(wizard.answers().specFor(u"prod"_s).cluster, u"https://prod.k8s.example.com"_s);
    // A cluster typed in is every environment's.
    typeInto(cluster, u"https://shared.k8s.example.com"_s);
    QCOMPARE(wizard.answers().specFor(u"uat"_s).cluster, u"https://shared.k8s.example.com"_s);
    QCOMPARE(wizard.answers().specFor(u"prod"_s).cluster, u"https://shared.k8s.example.com"_s);
    typeInto(cluster, u"kubernetes.default.svc"_s);
    QVERIFY2(problem->text().contains(u"not a cluster URL"_s), qPrintable(problem->text()));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    typeInto(cluster, QString());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    auto *port = child<QSpinBox>(wizard, u"newServicePort"_s);
    QCOMPARE(port->minimum(), 1);
    QCOMPARE(port->maximum(), 65535);
}

void TestNewServiceWizard::autoscalerLeavesReplicasOut()
{
    ui::NewServiceWizard wizard(twoEnvironments(), kProjects);
    auto *replicas = child<QSpinBox>(wizard, u"newServiceReplicas"_s);
    replicas->setValue(4);
    QCOMPARE(wizard.answers().spec.replicas, std::optional<int>(4));
    auto *autoscaler = child<QCheckBox>(wizard, u"newServiceAutoscaler"_s);
    autoscaler->setChecked(true);
    QVERIFY(!replicas->isEnabled());
    QCOMPARE(wizard.answers().spec.replicas, std::nullopt);
    autoscaler->setChecked(false);
    QVERIFY(replicas->isEnabled());
    QCOMPARE(wizard.answers().spec.replicas, std::optional<int>(4));
}

void TestNewServiceWizard::setAnswersFillsEveryField()
{
    const ws::ScaffoldAnswers stored = storedAnswers();
    ui::NewServiceWizard wizard(twoEnvironments(), kProjects);
    wizard.setAnswers(stored);

    QCOMPARE(child<QComboBox>(wizard, u"newServiceProject"_s)->currentText(), u"billing"_s);
    QCOMPARE(child<QLineEdit>(wizard, u"newServiceName"_s)->text(), u"invoices"_s);
    QCOMPARE(child<QComboBox>(wizard, u"newServiceLanguage"_s)->currentText(), u"java"_s);
    auto *envs = child<QListWidget>(wizard, u"newServiceEnvironments"_s);
    QCOMPARE(envs->item(0)->checkState(), Qt::Checked);
    QCOMPARE(envs->item(1)->checkState(), Qt::Unchecked);
    QCOMPARE(child<QComboBox>(wizard, u"newServiceStage"_s)->currentIndex(), 1);
    QCOMPARE(child<QLineEdit>(wizard, u"newServiceImage"_s)->text(), stored.spec.imageRepository);
    QCOMPARE(child<QSpinBox>(wizard, u"newServicePort"_s)->value(), 9090);
    QCOMPARE(child<QSpinBox>(wizard, u"newServiceReplicas"_s)->value(), 3);
    QVERIFY(!child<QCheckBox>(wizard, u"newServiceAutoscaler"_s)->isChecked());
    QVERIFY(!child<QCheckBox>(wizard, u"newServiceSelfHeal"_s)->isChecked());
    QCOMPARE(child<QLineEdit>(wizard, u"newServiceCluster"_s)->text(), stored.spec.cluster);
    QCOMPARE(child<QLineEdit>(wizard, u"newServiceNamespace"_s)->text(), u"billing-apps"_s);
    QVERIFY2(wizard.problem(0).isEmpty(), qPrintable(wizard.problem(0)));
    QVERIFY2(wizard.problem(1).isEmpty(), qPrintable(wizard.problem(1)));

    // Everything comes back, the fields the wizard does not show included (the stored YAML is the judge).
    const ws::ScaffoldAnswers back = wizard.answers();
    QCOMPARE(back.environments, stored.environments);
    QCOMPARE(back.spec.replicas, stored.spec.replicas);
    QCOMPARE(back.spec.gaTag, u"1.4.2"_s);
    QCOMPARE(back.spec.repoUrl, stored.spec.repoUrl);
    QCOMPARE(QString::fromUtf8(ws::answersToYaml(back)), QString::fromUtf8(ws::answersToYaml(stored)));

    // An HPA-managed service comes back as one.
    ws::ScaffoldAnswers hpa = stored;
    hpa.spec.replicas = std::nullopt;
    hpa.environments = {u"uat"_s, u"prod"_s};
    hpa.spec.canaryStage = false;
    wizard.setAnswers(hpa);
    QVERIFY(child<QCheckBox>(wizard, u"newServiceAutoscaler"_s)->isChecked());
    QCOMPARE(QString::fromUtf8(ws::answersToYaml(wizard.answers())), QString::fromUtf8(ws::answersToYaml(hpa)));
}

void TestNewServiceWizard::pipelinePageChecks_data()
{
    QTest::addColumn<QString>("devopsNamespace");
    QTest::addColumn<QString>("sourceRepo");
    QTest::addColumn<QString>("problemPart");   // empty: valid, Finish enabled
    QTest::newRow("defaults") << QString() << QString() << QString();
    QTest::newRow("https source") << u"shop-devops"_s << u"https://gitlab.example.com/shop/orders.git"_s << QString();
    QTest::newRow("scp-like source") << QString() << u"git@gitlab.example.com:shop/orders.git"_s << QString();
    QTest::newRow("ssh source") << QString() << u"ssh://git@gitlab.example.com:2222/shop/orders.git"_s << QString();
    QTest::newRow("namespace upper case") << u"Shop"_s << QString() << u"Shop"_s;
    QTest::newRow("source with a quote") << QString() << u"https://gitlab.example.com/it's.git"_s
                                         << u"not a git URL"_s;
    QTest::newRow("source with a space") << QString() << u"https://gitlab.example.com/a b.git"_s
                                         << u"not a git URL"_s;
    QTest::newRow("source without scheme") << QString() << u"gitlab.example.com/shop/orders.git"_s
                                           << u"not a git URL"_s;
}

void TestNewServiceWizard::pipelinePageChecks()
{
    QFETCH(QString, devopsNamespace);
    QFETCH(QString, sourceRepo);
    QFETCH(QString, problemPart);
    ui::NewServiceWizard wizard(twoEnvironments(), kProjects);
    showPipelinePage(wizard);
    QCOMPARE(wizard.currentId(), 2);
    // The DevOps namespace defaults to the project.
    QCOMPARE(child<QLineEdit>(wizard, u"newServiceDevopsNamespace"_s)->placeholderText(), u"shop"_s);
    typeInto(child<QLineEdit>(wizard, u"newServiceDevopsNamespace"_s), devopsNamespace);
    typeInto(child<QLineEdit>(wizard, u"newServiceSourceRepo"_s), sourceRepo);
    auto *problem = child<QLabel>(wizard, u"newServicePipelineProblem"_s);
    if (problemPart.isEmpty()) {
        QVERIFY2(problem->isHidden(), qPrintable(problem->text()));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        QCOMPARE(wizard.answers().spec.devopsNamespace, devopsNamespace);
        QCOMPARE(wizard.answers().spec.sourceRepoUrl, sourceRepo);
    } else {
        QVERIFY2(problem->text().contains(problemPart), qPrintable(problem->text()));
        QVERIFY(problem->text().endsWith(u'.'));
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    }
}

void TestNewServiceWizard::existingServiceAndTemplateSourceAreNamed()
{
    ui::NewServiceWizard wizard(twoEnvironments(), kProjects);
    wizard.setTemplateSource(u"/srv/argocd-gitops-templates.git at 1a2b3c4d (pinned)"_s);
    wizard.setExistingServices({{u"shop"_s, {u"orders"_s, u"cart"_s}}});
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(child<QLabel>(wizard, u"newServiceTemplateSource"_s)->text(),
             u"/srv/argocd-gitops-templates.git at 1a2b3c4d (pinned)"_s);
    auto *note = child<QLabel>(wizard, u"newServiceExistingNote"_s);
    typeInto(child<QComboBox>(wizard, u"newServiceProject"_s)->lineEdit(), u"shop"_s);
    typeInto(child<QLineEdit>(wizard, u"newServiceName"_s), u"payments"_s);
    QVERIFY(note->isHidden());
    typeInto(child<QLineEdit>(wizard, u"newServiceName"_s), u"orders"_s);
    QVERIFY(!note->isHidden());
    QVERIFY2(note->text().contains(u"already exists in shop"_s), qPrintable(note->text()));
    // Not a problem: the page stays complete.
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    typeInto(child<QComboBox>(wizard, u"newServiceProject"_s)->lineEdit(), u"billing"_s);
    QVERIFY(note->isHidden());
}

void TestNewServiceWizard::screenshots()
{
    const QPalette light = QApplication::style()->standardPalette();
    for (const auto &[name, palette] : {std::pair{u"light"_s, light}, std::pair{u"dark"_s, test::darkPalette()}}) {
        QApplication::setPalette(palette);
        ui::NewServiceWizard wizard(twoEnvironments(), kProjects);
        wizard.resize(720, 560);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        typeInto(child<QComboBox>(wizard, u"newServiceProject"_s)->lineEdit(), u"shop"_s);
        typeInto(child<QLineEdit>(wizard, u"newServiceName"_s), u"Orders_1"_s);   // shows the problem sentence
        test::saveScreenshot(&wizard, u"newservicewizard_service_"_s + name + u".png"_s);
        typeInto(child<QLineEdit>(wizard, u"newServiceName"_s), u"orders"_s);
        wizard.next();
        QCOMPARE(wizard.currentId(), 1);
        typeInto(child<QLineEdit>(wizard, u"newServiceImage"_s), u"registry.example.com/shop/orders"_s);
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        test::saveScreenshot(&wizard, u"newservicewizard_deployment_"_s + name + u".png"_s);
        wizard.next();
        QCOMPARE(wizard.currentId(), 2);
        typeInto(child<QLineEdit>(wizard, u"newServiceSourceRepo"_s), u"https://gitlab.example.com/shop/orders.git"_s);
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        test::saveScreenshot(&wizard, u"newservicewizard_pipeline_"_s + name + u".png"_s);
    }
    QApplication::setPalette(light);
}

void TestNewServiceWizard::chineseWizard()
{
    ui::applyLanguage(ui::Language::ChineseSimplified);
    {
        ui::NewServiceWizard wizard(twoEnvironments(), kProjects);
        wizard.resize(720, 560);
        showPipelinePage(wizard);
        QCOMPARE(wizard.currentPage()->title(), u"流水线"_s);
        typeInto(child<QLineEdit>(wizard, u"newServiceSourceRepo"_s), u"gitlab.example.com/shop orders"_s);
        auto *problem = child<QLabel>(wizard, u"newServicePipelineProblem"_s);
        QVERIFY2(problem->text().contains(u"不是 git URL"_s), qPrintable(problem->text()));
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        test::saveScreenshot(&wizard, u"newservicewizard_pipeline_zh_CN.png"_s);
    }
    ui::applyLanguage(ui::Language::English);
}

QTEST_MAIN(TestNewServiceWizard)
#include "tst_newservicewizard.moc"
