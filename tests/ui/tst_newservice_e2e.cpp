// SPDX-License-Identifier: GPL-3.0-or-later
// The New Service journey as a release manager clicks it, end to end: the demo workspace (real bare repos, its
// templates repository, the real kustomize) and the Argo CD simulator on 127.0.0.1. File > New Service…, the wizard,
// the review of every new file, Commit; then the commit is on the branch, both Argo CD Applications exist, the
// workload is Synced and Healthy, and the tree shows the service. Run Wizard Again… starts from the stored answers
// and reviews only what changed.
#include "support/simulateddemo.h"
#include "darkpalette.h"
#include "guitesting.h"
#include "git/repository.h"
#include "ui/dialogs/newservicewizard.h"
#include "ui/dialogs/reviewdialog.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/models/releasehistorymodel.h"
#include "ui/newservicecontroller.h"
#include "ui/views/messagebanner.h"
#include "ui/views/releasepanel.h"
#include "ui/views/servicepage.h"
#include "workspace/demoworkspace.h"
#include "workspace/scaffold.h"
#include "workspace/workspaceconfig.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using gd::ui::MainWindow;
using gd::ui::NewServiceController;
using gd::ui::NewServiceWizard;
using gd::ui::ReviewDialog;
using namespace gd::test;

namespace {

constexpr int slowMs = 90000;   // templates fetch, kustomize builds, push, upserts, sync and health on 2 busy cores

/// The file column of every row of the review's file list.
QStringList reviewedFiles(ReviewDialog *dialog)
{
    QStringList files;
    auto *list = dialog->findChild<QTreeWidget *>(u"reviewFileList"_s);
    for (QTreeWidgetItemIterator it(list); *it != nullptr; ++it)
        files.append((*it)->text(0));
    return files;
}

} // namespace

class TestNewServiceE2e : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void newServiceFromTheFileMenuLandsInGitAndArgoCd();
    void runWizardAgainReviewsOnlyWhatChanged();
    void argoCdRefusingTheApplicationIsReportedAndARerunPutsItInPlace();
    void aNewProjectsRepositoryIsCreatedByTheCommitOnly();

private:
    gd::git::Repository repo() const;

    QTemporaryDir m_tmp;
    gd::test::SimulatedDemo m_demo;
};

void TestNewServiceE2e::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(gd::test::isolateAppFolders(m_tmp, u"tst_newservice_e2e"_s));
    gd::ui::applyLanguage(gd::ui::Language::English);

    QString error;
    QVERIFY2(m_demo.create(m_tmp.filePath(u"demo"_s), 1, 2, &error), qPrintable(error));
    auto config = gd::ws::WorkspaceConfig::load(m_demo.workspaceFile());
    QVERIFY(config.ok());
    QVERIFY2(!config->templatesUrl.isEmpty(), "the demo renders from its templates repository");

    gd::test::ArgoSim::Options simOptions;
    simOptions.healthDelayMs = 100;
    QVERIFY2(m_demo.startArgo(simOptions, &error), qPrintable(error));
}

gd::git::Repository TestNewServiceE2e::repo() const
{
    auto opened = gd::git::Repository::open(m_tmp.filePath(u"demo/repos/argocd-gitops-shop.git"_s));
    return opened.ok() ? std::move(*opened) : gd::git::Repository();
}

void TestNewServiceE2e::newServiceFromTheFileMenuLandsInGitAndArgoCd()
{
    auto window = gd::test::openWorkspaceWindow(m_demo.workspaceFile(), slowMs, {1400, 900});
    QVERIFY(window);
    auto *controller = window->findChild<NewServiceController *>();
    QVERIFY(controller);
    QSignalSpy wizards(controller, &NewServiceController::wizardOpened);
    QSignalSpy reviews(controller, &NewServiceController::reviewOpened);
    QSignalSpy finished(controller, &NewServiceController::finished);
    const QString before = repo().resolve(u"refs/heads/main"_s).valueOr(gd::git::ObjectId()).toHex();

    auto *action = window->findChild<QAction *>(u"actionNewService"_s);
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    action->trigger();
    QVERIFY(emitted(wizards, slowMs));
    auto *wizard = wizards.first().first().value<NewServiceWizard *>();
    QVERIFY(wizard->isVisible());
    // The languages come from the workspace's templates repository, at the commit it names.
    const QString source = child<QLabel>(wizard, u"newServiceTemplateSource"_s)->text();
    QVERIFY2(source.contains(u"argocd-gitops-templates"_s) && source.contains(u" at "_s), qPrintable(source));

    typeInto(child<QComboBox>(wizard, u"newServiceProject"_s)->lineEdit(), u"shop"_s);
    typeInto(child<QLineEdit>(wizard, u"newServiceName"_s), u"payments"_s);
    child<QComboBox>(wizard, u"newServiceLanguage"_s)->setCurrentText(u"go"_s);
    QVERIFY2(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(wizard->problem(0)));
    wizard->next();
    auto *envs = child<QListWidget>(wizard, u"newServiceEnvironments"_s);
    for (int row = 0; row < envs->count(); ++row)
        envs->item(row)->setCheckState(envs->item(row)->text() == u"uat" ? Qt::Checked : Qt::Unchecked);
    typeInto(child<QLineEdit>(wizard, u"newServiceImage"_s), u"registry.example.com/shop/payments"_s);
    child<QSpinBox>(wizard, u"newServiceReplicas"_s)->setValue(3);
    QVERIFY2(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(wizard->problem(1)));
    wizard->next();
    typeInto(child<QLineEdit>(wizard, u"newServiceSourceRepo"_s), u"https://gitlab.example.com/shop/payments.git"_s);
    QVERIFY2(wizard->button(QWizard::FinishButton)->isEnabled(), qPrintable(wizard->problem(2)));
    wizard->resize(760, 560);
    saveScreenshot(wizard, u"newservice_wizard_pipeline_light.png"_s);
    wizard->button(QWizard::FinishButton)->click();

    // The review: every new file of the environment and the answers, the rendered workload, a clean validation.
    QVERIFY2(emitted(reviews, slowMs), finished.isEmpty() ? "" : qPrintable(finished.first().at(2).toString()));
    auto *review = reviews.first().first().value<ReviewDialog *>();
    const QStringList files = reviewedFiles(review);
    for (const QString &expected :
         {u"manifests/base/deployment.yaml"_s, u"manifests/ga/kustomization.yaml"_s, u"application.yaml"_s,
          u"application-pipeline.yaml"_s, u"manifests/pipeline/ks-pipeline-jenkinsfile.yaml"_s,
          u"scaffold.yaml"_s}) {
        QVERIFY2(std::any_of(files.cbegin(), files.cend(), [&](const QString &f) { return f.endsWith(expected); }),
                 qPrintable(expected + u" not in "_s + files.join(u", "_s)));
    }
    QVERIFY2(std::none_of(files.cbegin(), files.cend(), [](const QString &f) { return f.contains(u"/prod/"_s); }),
             qPrintable(files.join(u", "_s)));
    QCOMPARE(child<QLineEdit>(review, u"commitSummary"_s)->text(), u"Add service payments to uat (template go)"_s);
    auto *commit = child<QPushButton>(review, u"commitButton"_s);
    QVERIFY2(commit->isEnabled(), qPrintable(review->blockingReason()));
    review->resize(1100, 750);
    saveScreenshot(review, u"newservice_review_light.png"_s);
    // Nothing is pushed before Commit.
    QCOMPARE(repo().resolve(u"refs/heads/main"_s).valueOr(gd::git::ObjectId()).toHex(), before);

    QSignalSpy reloaded(window.get(), &MainWindow::workspaceLoaded);
    commit->click();
    QVERIFY(emitted(finished, slowMs));
    const QList<QVariant> outcome = finished.first();
    QVERIFY2(outcome.at(0).toBool(), qPrintable(outcome.at(2).toString()));
    QVERIFY2(outcome.at(2).toString().contains(u"Healthy"_s), qPrintable(outcome.at(2).toString()));

    // Git: one new commit with the files and the stored answers.
    gd::git::Repository deployment = repo();
    const gd::git::ObjectId tip = deployment.resolve(u"refs/heads/main"_s).valueOr(gd::git::ObjectId());
    QVERIFY(tip.toHex() != before);
    auto info = deployment.commitInfo(tip);
    QVERIFY(info.ok());
    QCOMPARE(info->summary, u"Add service payments to uat (template go)"_s);
    QCOMPARE(info->author.name, u"Li Wei"_s);
    auto answers = gd::ws::loadScaffoldAnswers(deployment, tip, u"payments"_s);
    QVERIFY(answers.ok());
    QCOMPARE(answers->spec.replicas, std::optional<int>(3));
    QCOMPARE(answers->spec.sourceRepoUrl, u"https://gitlab.example.com/shop/payments.git"_s);

    // Argo CD: both Applications, the workload synced to the commit and healthy.
    const QJsonObject workload = m_demo.argo()->application(u"shop-payments-uat"_s);
    QCOMPARE(workload[u"status"_s][u"sync"_s][u"status"_s].toString(), u"Synced"_s);
    QCOMPARE(workload[u"status"_s][u"sync"_s][u"revision"_s].toString(), tip.toHex());
    QCOMPARE(workload[u"status"_s][u"health"_s][u"status"_s].toString(), u"Healthy"_s);
    const QJsonObject pipeline = m_demo.argo()->application(u"shop-payments-uat-pipeline"_s);
    QCOMPARE(pipeline[u"spec"_s][u"destination"_s][u"server"_s].toString(), u"https://kubernetes.default.svc"_s);

    // The window: the banner says so, and the tree shows the new service once the workspace is read again.
    QVERIFY(emitted(reloaded, slowMs));
    auto *banner = window->findChild<gd::ui::MessageBanner *>();
    QVERIFY(banner && banner->isVisible());
    auto *tree = window->findChild<QTreeView *>(u"projectTree"_s);
    QVERIFY(gd::test::findTreeRow(tree->model(), {u"shop"_s, u"payments"_s, u"uat"_s}).isValid());
    saveScreenshot(window.get(), u"newservice_done_light.png"_s);

    // A new service has no earlier version: no rollback window, and its creation cannot be rolled back.
    auto *page = window->findChild<gd::ui::ServicePage *>();
    QVERIFY(page && page->isVisible());
    auto *history = page->releasePanel();
    QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowCount() == 1, slowMs);
    QVERIFY(!page->findChild<QWidget *>(u"rollbackWindow"_s)->isVisible());
    auto *table = child<QTreeView>(history, u"releaseHistory"_s);
    table->setCurrentIndex(table->model()->index(0, 0));
    auto *rollback = child<QPushButton>(history, u"rollbackButton"_s);
    QVERIFY(!rollback->isEnabled());
    QVERIFY2(rollback->toolTip().contains(u"no earlier version"_s), qPrintable(rollback->toolTip()));
}

void TestNewServiceE2e::runWizardAgainReviewsOnlyWhatChanged()
{
    auto window = gd::test::openWorkspaceWindow(m_demo.workspaceFile(), slowMs, {1400, 900});
    QVERIFY(window);
    auto *tree = window->findChild<QTreeView *>(u"projectTree"_s);
    const QModelIndex service = gd::test::findTreeRow(tree->model(), {u"shop"_s, u"payments"_s});
    QVERIFY2(service.isValid(), "the previous test created shop/payments");
    tree->setCurrentIndex(service);
    auto *controller = window->findChild<NewServiceController *>();
    QSignalSpy wizards(controller, &NewServiceController::wizardOpened);
    QSignalSpy reviews(controller, &NewServiceController::reviewOpened);
    QSignalSpy finished(controller, &NewServiceController::finished);
    auto *again = window->findChild<QPushButton *>(u"wizardAgainButton"_s);
    QVERIFY(again && again->isVisible());
    again->click();
    QVERIFY(emitted(wizards, slowMs));
    auto *wizard = wizards.first().first().value<NewServiceWizard *>();

    // Every answer comes back from the stored file, and the page says the service exists.
    QCOMPARE(child<QComboBox>(wizard, u"newServiceProject"_s)->currentText(), u"shop"_s);
    QCOMPARE(child<QLineEdit>(wizard, u"newServiceName"_s)->text(), u"payments"_s);
    QVERIFY(!child<QLabel>(wizard, u"newServiceExistingNote"_s)->isHidden());
    QCOMPARE(child<QSpinBox>(wizard, u"newServiceReplicas"_s)->value(), 3);
    QCOMPARE(child<QLineEdit>(wizard, u"newServiceSourceRepo"_s)->text(),
             u"https://gitlab.example.com/shop/payments.git"_s);
    QCOMPARE(wizard->answers().environments, QStringList{u"uat"_s});
    saveScreenshot(wizard, u"newservice_wizard_again_light.png"_s);

    wizard->next();
    child<QSpinBox>(wizard, u"newServiceReplicas"_s)->setValue(4);
    wizard->next();
    wizard->button(QWizard::FinishButton)->click();

    QVERIFY2(emitted(reviews, slowMs), finished.isEmpty() ? "" : qPrintable(finished.first().at(2).toString()));
    auto *review = reviews.first().first().value<ReviewDialog *>();
    QStringList files = reviewedFiles(review);
    files.sort();
    QCOMPARE(files.size(), 2);
    QVERIFY2(files.first().endsWith(u"scaffold.yaml"_s) || files.last().endsWith(u"scaffold.yaml"_s),
             qPrintable(files.join(u", "_s)));
    QVERIFY2(files.join(u' ').contains(u"manifests/base/deployment.yaml"_s), qPrintable(files.join(u", "_s)));
    QCOMPARE(child<QLineEdit>(review, u"commitSummary"_s)->text(), u"Update service payments in uat (template go)"_s);
    review->resize(1100, 750);
    saveScreenshot(review, u"newservice_review_again_light.png"_s);
    child<QPushButton>(review, u"commitButton"_s)->click();
    QVERIFY(emitted(finished, slowMs));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));

    gd::git::Repository deployment = repo();
    const gd::git::ObjectId tip = deployment.resolve(u"refs/heads/main"_s).valueOr(gd::git::ObjectId());
    auto answers = gd::ws::loadScaffoldAnswers(deployment, tip, u"payments"_s);
    QVERIFY(answers.ok());
    QCOMPARE(answers->spec.replicas, std::optional<int>(4));
    auto deploymentYaml = deployment.readFile(tip, u"appsmanifests/payments/uat/manifests/base/deployment.yaml"_s);
    QVERIFY(deploymentYaml.ok());
    QVERIFY2(deploymentYaml->contains("replicas: 4"), deploymentYaml->constData());
}

void TestNewServiceE2e::argoCdRefusingTheApplicationIsReportedAndARerunPutsItInPlace()
{
    auto window = gd::test::openWorkspaceWindow(m_demo.workspaceFile(), slowMs, {1400, 900});
    QVERIFY(window);
    auto *controller = window->findChild<NewServiceController *>();
    QSignalSpy wizards(controller, &NewServiceController::wizardOpened);
    QSignalSpy reviews(controller, &NewServiceController::reviewOpened);
    QSignalSpy finished(controller, &NewServiceController::finished);

    // A new service in the project page's project (File > New Service… takes the project shown).
    auto *tree = window->findChild<QTreeView *>(u"projectTree"_s);
    tree->setCurrentIndex(gd::test::findTreeRow(tree->model(), {u"shop"_s}));
    window->findChild<QPushButton *>(u"newServiceButton"_s)->click();
    QVERIFY(emitted(wizards, slowMs));
    auto *wizard = wizards.first().first().value<NewServiceWizard *>();
    QCOMPARE(child<QComboBox>(wizard, u"newServiceProject"_s)->currentText(), u"shop"_s);
    typeInto(child<QLineEdit>(wizard, u"newServiceName"_s), u"refunds"_s);
    wizard->next();
    typeInto(child<QLineEdit>(wizard, u"newServiceImage"_s), u"registry.example.com/shop/refunds"_s);
    wizard->next();
    wizard->button(QWizard::FinishButton)->click();
    QVERIFY2(emitted(reviews, slowMs), finished.isEmpty() ? "" : qPrintable(finished.first().at(2).toString()));
    auto *review = reviews.first().first().value<ReviewDialog *>();

    // Argo CD answers 503 to every attempt of the first Application's upsert.
    QVERIFY(m_demo.argo()->setFault(u"5xx"_s, 3, 0, u"/api/v1/applications"_s));
    QSignalSpy reloaded(window.get(), &MainWindow::workspaceLoaded);   // read again after the flow
    child<QPushButton>(review, u"commitButton"_s)->click();
    QVERIFY(emitted(finished, slowMs));
    const QString sentence = finished.first().at(2).toString();
    QVERIFY2(!finished.first().at(0).toBool(), qPrintable(sentence));
    QVERIFY2(sentence.contains(u"pushed as"_s) && sentence.contains(u"could not be created or updated"_s)
                 && sentence.contains(u"Run the wizard again"_s),
             qPrintable(sentence));
    const gd::git::ObjectId pushed = repo().resolve(u"refs/heads/main"_s).valueOr(gd::git::ObjectId());
    QVERIFY(m_demo.argo()->setFault(u"clear"_s));
    QVERIFY(m_demo.argo()->application(u"shop-refunds-uat"_s).isEmpty());

    // The wizard again for the service: nothing to review, the Applications are put in place, nothing is pushed.
    QVERIFY(emitted(reloaded, slowMs));
    QVERIFY(gd::test::findTreeRow(tree->model(), {u"shop"_s, u"refunds"_s}).isValid());
    tree->setCurrentIndex(gd::test::findTreeRow(tree->model(), {u"shop"_s, u"refunds"_s}));
    finished.clear();
    window->findChild<QPushButton *>(u"wizardAgainButton"_s)->click();
    QVERIFY(emitted(wizards, slowMs));
    wizard = wizards.last().first().value<NewServiceWizard *>();
    QCOMPARE(child<QLineEdit>(wizard, u"newServiceImage"_s)->text(), u"registry.example.com/shop/refunds"_s);
    wizard->next();
    wizard->next();
    const int reviewsBefore = int(reviews.size());
    wizard->button(QWizard::FinishButton)->click();
    QVERIFY(emitted(finished, slowMs));
    QCOMPARE(int(reviews.size()), reviewsBefore);
    const QString again = finished.first().at(2).toString();
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(again));
    QVERIFY2(again.contains(u"no file needed to change"_s) && again.contains(u"Healthy"_s), qPrintable(again));
    QCOMPARE(repo().resolve(u"refs/heads/main"_s).valueOr(gd::git::ObjectId()), pushed);
    const QJsonObject workload = m_demo.argo()->application(u"shop-refunds-uat"_s);
    QCOMPARE(workload[u"status"_s][u"sync"_s][u"revision"_s].toString(), pushed.toHex());
    QCOMPARE(workload[u"status"_s][u"health"_s][u"status"_s].toString(), u"Healthy"_s);
    QVERIFY(!m_demo.argo()->application(u"shop-refunds-prod-pipeline"_s).isEmpty());
}

void TestNewServiceE2e::aNewProjectsRepositoryIsCreatedByTheCommitOnly()
{
    const QString bare = m_tmp.filePath(u"demo/repos/argocd-gitops-billing.git"_s);
    QVERIFY(!QFileInfo::exists(bare));
    auto window = gd::test::openWorkspaceWindow(m_demo.workspaceFile(), slowMs, {1400, 900});
    QVERIFY(window);
    auto *controller = window->findChild<NewServiceController *>();
    QSignalSpy wizards(controller, &NewServiceController::wizardOpened);
    QSignalSpy reviews(controller, &NewServiceController::reviewOpened);
    QSignalSpy finished(controller, &NewServiceController::finished);
    // File > New Service… for billing/invoices in uat, up to the review.
    const auto reviewNewProject = [&]() -> ReviewDialog * {
        wizards.clear();
        reviews.clear();
        window->findChild<QAction *>(u"actionNewService"_s)->trigger();
        if (!emitted(wizards, slowMs))
            return nullptr;
        auto *wizard = wizards.first().first().value<NewServiceWizard *>();
        typeInto(child<QComboBox>(wizard, u"newServiceProject"_s)->lineEdit(), u"billing"_s);
        typeInto(child<QLineEdit>(wizard, u"newServiceName"_s), u"invoices"_s);
        wizard->next();
        auto *envs = child<QListWidget>(wizard, u"newServiceEnvironments"_s);
        for (int row = 0; row < envs->count(); ++row)
            envs->item(row)->setCheckState(envs->item(row)->text() == u"uat" ? Qt::Checked : Qt::Unchecked);
        typeInto(child<QLineEdit>(wizard, u"newServiceImage"_s), u"registry.example.com/billing/invoices"_s);
        wizard->next();
        wizard->button(QWizard::FinishButton)->click();
        return emitted(reviews, slowMs) ? reviews.first().first().value<ReviewDialog *>() : nullptr;
    };

    // The review names the repository the commit would create; cancelling it leaves nothing behind.
    ReviewDialog *review = reviewNewProject();
    QVERIFY2(review, finished.isEmpty() ? "" : qPrintable(finished.first().at(2).toString()));
    const QString commits = child<QLabel>(review, u"reviewCommits"_s)->text();
    QVERIFY2(commits.contains(u"argocd-gitops-billing"_s) && commits.contains(u"does not exist yet"_s),
             qPrintable(commits));
    review->reject();
    QVERIFY(!QFileInfo::exists(bare));

    // Commit creates it, pushes the first commit, and the tree shows the new project.
    review = reviewNewProject();
    QVERIFY(review);
    QSignalSpy reloaded(window.get(), &MainWindow::workspaceLoaded);
    child<QPushButton>(review, u"commitButton"_s)->click();
    QVERIFY(emitted(finished, slowMs));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
    auto created = gd::git::Repository::open(bare);
    QVERIFY(created.ok());
    const gd::git::ObjectId tip = created->resolve(u"refs/heads/main"_s).valueOr(gd::git::ObjectId());
    QVERIFY(!tip.isNull());
    QVERIFY(created->readFile(tip, u"appsmanifests/invoices/uat/application.yaml"_s).ok());
    QCOMPARE(m_demo.argo()->application(u"billing-invoices-uat"_s)[u"status"_s][u"sync"_s][u"revision"_s].toString(),
             tip.toHex());
    QVERIFY(emitted(reloaded, slowMs));
    auto *tree = window->findChild<QTreeView *>(u"projectTree"_s);
    QVERIFY(gd::test::findTreeRow(tree->model(), {u"billing"_s, u"invoices"_s, u"uat"_s}).isValid());
}

QTEST_MAIN(TestNewServiceE2e)
#include "tst_newservice_e2e.moc"
