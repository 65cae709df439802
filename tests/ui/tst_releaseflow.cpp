// SPDX-License-Identifier: GPL-3.0-or-later
// The release journeys as a release manager clicks them, end to end: demo workspace (real bare repos, the real
// kustomize) and the Argo CD simulator on 127.0.0.1. Release a tag from the service page, review it, see the flow
// push, sync and report Healthy, see the timeline and the rollback window, and roll back from it; promote a canary
// behind the approval gate.
#include "support/fakeregistry.h"
#include "support/simulateddemo.h"
#include "darkpalette.h"
#include "guitesting.h"
#include "flows/jobqueue.h"
#include "flows/workspaceload.h"
#include "git/repocache.h"
#include "git/repository.h"
#include "net/credentialstore.h"
#include "net/httpclient.h"
#include "ui/dialogs/releasedialog.h"
#include "ui/dialogs/reviewdialog.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/models/releasehistorymodel.h"
#include "ui/releasecontroller.h"
#include "ui/views/messagebanner.h"
#include "ui/views/releasegate.h"
#include "ui/views/releasepanel.h"
#include "ui/views/servicepage.h"
#include "workspace/catalog.h"
#include "workspace/demoworkspace.h"
#include "workspace/workspaceconfig.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using gd::ui::MainWindow;
using gd::ui::ReleaseController;
using gd::test::saveScreenshot;

namespace {

constexpr int slowMs = 60000;   // fetch, two kustomize builds, push, refresh, sync and health on 2 busy cores


} // namespace

class TestReleaseFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void releaseFromTheServicePageThenRollBackFromTheTimeline();
    void promoteTheCanaryBehindTheApprovalGate();
    void tagPickerListsTheRegistryTagsAndRefusesWhatItLacks();
    void privateRegistryAsksToSignInThenListsTheTags();

private:
    void select(MainWindow &window, const QString &service, const QString &env);
    QString tagAtTip(const QString &service, const QString &env, const QString &stage);
    /// Clicks Commit in the next review dialog the controller opens, after checking it is enabled.
    void commitNextReview(ReleaseController *releases, const QString &expectInRendered, const QString &screenshot);

    QTemporaryDir m_tmp;
    gd::test::SimulatedDemo m_demo;
    gd::ws::CatalogSnapshot m_catalog;
};

void TestReleaseFlow::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(gd::test::isolateAppFolders(m_tmp, u"tst_releaseflow"_s));
    gd::ui::applyLanguage(gd::ui::Language::English);

    QString error;
    QVERIFY2(m_demo.create(m_tmp.filePath(u"demo"_s), 1, 4, &error), qPrintable(error));
    auto config = gd::ws::WorkspaceConfig::load(m_demo.workspaceFile());
    QVERIFY(config.ok());
    gd::git::RepoCache cache(m_tmp.filePath(u"expected-cache"_s));
    auto catalog = gd::ws::Catalog::load(*config, cache);
    QVERIFY(catalog.ok());
    m_catalog = std::move(*catalog);

    gd::test::ArgoSim::Options simOptions;
    simOptions.healthDelayMs = 100;
    QVERIFY2(m_demo.startArgo(simOptions, &error, [](gd::ws::WorkspaceConfig &workspace) {
        for (gd::ws::EnvironmentConfig &env : workspace.environments)
            env.approvalRequired = env.name == u"prod"_s;
    }), qPrintable(error));
}

void TestReleaseFlow::select(MainWindow &window, const QString &service, const QString &env)
{
    auto *tree = window.findChild<QTreeView *>(u"projectTree"_s);
    const QModelIndex index = gd::test::findTreeRow(tree->model(), {u"shop"_s, service, env});
    QVERIFY2(index.isValid(), qPrintable(service + u'/' + env));
    tree->setCurrentIndex(index);
}

QString TestReleaseFlow::tagAtTip(const QString &service, const QString &env, const QString &stage)
{
    auto repo = gd::git::Repository::open(m_tmp.filePath(u"demo/repos/argocd-gitops-shop.git"_s));
    if (!repo.ok())
        return {};
    const auto tip = repo->resolve(u"refs/heads/main"_s);
    const gd::ws::EnvironmentState state = gd::ws::Catalog::readEnvironment(*repo, *tip, service, env);
    return stage == u"canary" ? state.canaryTag : state.gaTag;
}

void TestReleaseFlow::commitNextReview(ReleaseController *releases, const QString &expectInRendered,
                                       const QString &screenshot)
{
    QSignalSpy opened(releases, &ReleaseController::reviewOpened);
    QVERIFY(gd::test::emitted(opened, slowMs));
    auto *dialog = opened.first().first().value<gd::ui::ReviewDialog *>();
    auto *rendered = dialog->findChild<QTreeWidget *>(u"renderedTree"_s);
    bool mentioned = false;
    for (QTreeWidgetItemIterator it(rendered); *it != nullptr; ++it) {
        for (int column = 0; column < rendered->columnCount(); ++column)
            mentioned = mentioned || (*it)->text(column).contains(expectInRendered);
    }
    QVERIFY2(mentioned, qPrintable(expectInRendered));
    auto *commit = dialog->findChild<QPushButton *>(u"commitButton"_s);
    QVERIFY2(commit->isEnabled(), qPrintable(dialog->blockingReason()));
    if (!screenshot.isEmpty()) {
        dialog->resize(1100, 750);
        saveScreenshot(dialog, screenshot);
    }
    commit->click();
}

void TestReleaseFlow::releaseFromTheServicePageThenRollBackFromTheTimeline()
{
    // A service environment without a canary stage: the release goes to GA and opens the rollback window.
    QString service;
    QString env;
    for (const gd::ws::ServiceInfo &info : m_catalog.projects.front().services) {
        for (const gd::ws::EnvironmentState &state : info.environments) {
            if (service.isEmpty() && !state.canaryStage && state.environment == u"uat") {
                service = info.name;
                env = state.environment;
            }
        }
    }
    QVERIFY2(!service.isEmpty(), "the demo has a service without canary in uat");
    const QString before = tagAtTip(service, env, u"ga"_s);

    auto window = gd::test::openWorkspaceWindow(m_demo.workspaceFile(), slowMs, {1400, 900});
    QVERIFY(window);
    auto *releases = window->findChild<ReleaseController *>();
    QVERIFY(releases != nullptr);
    select(*window, service, env);
    auto *page = window->findChild<gd::ui::ServicePage *>();
    auto *panel = page->releasePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() > 0, slowMs);   // the demo's history

    // Release… → the tag → Review… → the review shows the rendered Deployment with the new image → Commit.
    QSignalSpy dialogs(releases, &ReleaseController::releaseDialogOpened);
    QSignalSpy finished(releases, &ReleaseController::finished);
    page->findChild<QPushButton *>(u"releaseButton"_s)->click();
    QVERIFY(gd::test::emitted(dialogs, 5000));
    auto *dialog = dialogs.first().first().value<gd::ui::ReleaseDialog *>();
    auto *tag = dialog->findChild<QComboBox *>(u"releaseTag"_s);
    QVERIFY(!dialog->findChild<QPushButton *>(u"releaseReviewButton"_s)->isEnabled());
    QTest::keyClicks(tag->lineEdit(), u"not a tag"_s);
    QVERIFY(!dialog->findChild<QPushButton *>(u"releaseReviewButton"_s)->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(u"releaseProblem"_s)->isVisible());
    tag->lineEdit()->clear();
    QTest::keyClicks(tag->lineEdit(), u"3.0.0"_s);
    QVERIFY(dialog->findChild<QPushButton *>(u"releaseReviewButton"_s)->isEnabled());
    saveScreenshot(dialog, u"release_dialog_light.png"_s);
    dialog->findChild<QPushButton *>(u"releaseReviewButton"_s)->click();
    commitNextReview(releases, u"3.0.0"_s, u"release_review_light.png"_s);

    QVERIFY(gd::test::emitted(finished, slowMs));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
    QCOMPARE(tagAtTip(service, env, u"ga"_s), u"3.0.0"_s);
    QVERIFY2(finished.first().at(2).toString().contains(u"healthy"_s, Qt::CaseInsensitive), qPrintable(finished.first().at(2).toString()));

    // After the refresh: the timeline starts with this release, by this user, and the rollback window is open.
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() > 0
                                 && panel->model()->entries().front().toTag == u"3.0.0"_s,
                             slowMs);
    const gd::ws::ReleaseEntry newest = panel->model()->entries().front();
    QCOMPARE(newest.fromTag, before);
    QCOMPARE(newest.author.name, u"Li Wei"_s);
    QCOMPARE(newest.kind, u"release"_s);
    // What happened to it (from the action journal) and until when it can be rolled back with one click.
    const auto *history = panel->model();
    QTRY_VERIFY_WITH_TIMEOUT(history->index(0, gd::ui::ReleaseHistoryModel::OutcomeColumn)
                                 .data()
                                 .toString()
                                 .contains(u"Synced and healthy"_s),
                             5000);
    QVERIFY(history->index(0, gd::ui::ReleaseHistoryModel::OutcomeColumn).data().toString().contains(u"roll back until"_s));
    // The Activity panel listed the push and the sync with its health as jobs, both done.
    QStringList succeeded;
    for (int id : window->jobQueue()->jobIds()) {
        if (window->jobQueue()->job(id).state == gd::flows::JobState::Succeeded)
            succeeded.append(window->jobQueue()->job(id).title);
    }
    QVERIFY2(succeeded.contains(u"Release %1 3.0.0 to %2"_s.arg(service, env)), qPrintable(succeeded.join(u", "_s)));
    QVERIFY2(succeeded.filter(u"Sync and follow"_s).size() == 1, qPrintable(succeeded.join(u", "_s)));
    auto *gate = page->releaseGate();
    QTRY_VERIFY_WITH_TIMEOUT(gate->findChild<QWidget *>(u"rollbackWindow"_s)->isVisible(), slowMs);
    QVERIFY(gate->findChild<QLabel *>(u"rollbackWindowText"_s)->text().contains(u"3.0.0"_s));
    page->findChild<QTabWidget *>(u"serviceTabs"_s)->setCurrentIndex(1);
    saveScreenshot(window.get(), u"release_timeline_light.png"_s);
    QApplication::setPalette(gd::test::darkPalette());
    saveScreenshot(window.get(), u"release_timeline_dark.png"_s);
    QApplication::setPalette(QPalette());

    // One click in the rollback window: the revert's review, then the previous tag is back and healthy.
    finished.clear();
    gate->findChild<QPushButton *>(u"windowRollbackButton"_s)->click();
    commitNextReview(releases, before, QString());
    QVERIFY(gd::test::emitted(finished, slowMs));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
    QCOMPARE(tagAtTip(service, env, u"ga"_s), before);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->model()->entries().empty()
                                 && panel->model()->entries().front().kind == u"rollback"_s,
                             slowMs);
    QCOMPARE(panel->model()->entries().front().reverts, newest.commit);
    QTRY_VERIFY_WITH_TIMEOUT(!gate->findChild<QWidget *>(u"rollbackWindow"_s)->isVisible(), 5000);
}

void TestReleaseFlow::promoteTheCanaryBehindTheApprovalGate()
{
    // An environment that runs a canary beside GA and requires approval (prod is marked so in initTestCase).
    QString service;
    QString canaryTag;
    auto window = gd::test::openWorkspaceWindow(m_demo.workspaceFile(), slowMs, {1400, 900});
    QVERIFY(window);
    for (const gd::ws::ServiceInfo &info : window->workspace()->catalog.projects.front().services) {
        for (const gd::ws::EnvironmentState &state : info.environments) {
            if (service.isEmpty() && state.environment == u"prod" && state.canaryStage && !state.canaryTag.isEmpty()
                && state.canaryTag != state.gaTag) {
                service = info.name;
                canaryTag = state.canaryTag;
            }
        }
    }
    QVERIFY2(!service.isEmpty(), "the demo has an unfinished canary in prod");
    auto *releases = window->findChild<ReleaseController *>();
    select(*window, service, u"prod"_s);
    auto *gate = window->findChild<gd::ui::ServicePage *>()->releaseGate();
    QTRY_VERIFY_WITH_TIMEOUT(gate->findChild<QWidget *>(u"canaryGate"_s)->isVisible(), 5000);
    QVERIFY(gate->findChild<QLabel *>(u"canaryGateText"_s)->text().contains(canaryTag));
    saveScreenshot(window.get(), u"release_canary_gate_light.png"_s);

    // Approval: a wrong name does nothing; the service's name lets the promotion through. A timer answers whichever
    // modal dialog is up (the approval question, then the "not approved" note), however slow the machine is.
    QString typedName = u"wrong"_s;
    QTimer answerer;
    answerer.setInterval(20);
    connect(&answerer, &QTimer::timeout, this, [&typedName] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *input = qobject_cast<QInputDialog *>(modal)) {
            input->setTextValue(typedName);
            input->accept();
        } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            box->accept();
        }
    });
    answerer.start();
    QSignalSpy opened(releases, &ReleaseController::reviewOpened);
    gate->findChild<QPushButton *>(u"promoteButton"_s)->click();
    QTest::qWait(200);
    QCOMPARE(opened.count(), 0);

    typedName = service;
    QSignalSpy finished(releases, &ReleaseController::finished);
    gate->findChild<QPushButton *>(u"promoteButton"_s)->click();
    answerer.stop();
    commitNextReview(releases, canaryTag, QString());
    QVERIFY(gd::test::emitted(finished, slowMs));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
    QCOMPARE(tagAtTip(service, u"prod"_s, u"ga"_s), canaryTag);
    QTRY_VERIFY_WITH_TIMEOUT(!gate->findChild<QWidget *>(u"canaryGate"_s)->isVisible(), slowMs);
}

void TestReleaseFlow::tagPickerListsTheRegistryTagsAndRefusesWhatItLacks()
{
    gd::ws::EnvironmentState state;
    state.environment = u"uat"_s;
    state.canaryStage = true;
    state.image = u"harbor.example.com/shop/orders"_s;
    state.gaTag = u"1.4.2"_s;
    state.canaryTag = u"1.4.2"_s;
    gd::ui::ReleaseDialog dialog(u"shop"_s, u"orders"_s, state);
    dialog.show();
    // Canary first where the environment has a canary stage.
    QVERIFY(dialog.findChild<QRadioButton *>(u"releaseStageCanary"_s)->isChecked());
    dialog.setAvailableTags({{u"1.5.0"_s, QDateTime::currentDateTimeUtc(), {}},
                             {u"1.4.2"_s, QDateTime::currentDateTimeUtc().addDays(-3), {u"uat"_s, u"prod"_s}}});
    auto *tag = dialog.findChild<QComboBox *>(u"releaseTag"_s);
    QCOMPARE(tag->count(), 2);
    QVERIFY(tag->itemText(1).contains(u"uat, prod"_s));
    // Picking an item releases the bare tag; the one already running is refused.
    tag->setCurrentIndex(1);
    QCOMPARE(dialog.request().tag, u"1.4.2"_s);
    auto *review = dialog.findChild<QPushButton *>(u"releaseReviewButton"_s);
    QVERIFY(!review->isEnabled());
    tag->setCurrentIndex(0);
    QCOMPARE(dialog.request().tag, u"1.5.0"_s);
    QCOMPARE(dialog.request().expectedTag, u"1.4.2"_s);
    QCOMPARE(dialog.request().stage, gd::ws::ReleaseStage::Canary);
    QVERIFY(review->isEnabled());
    // What the registry says about a typed tag wins until the tag changes.
    dialog.setTagProblem(u"The registry has no tag 1.5.0 for harbor.example.com/shop/orders."_s);
    QVERIFY(!review->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(u"releaseProblem"_s)->text().contains(u"registry"_s));
    tag->setEditText(u"1.5.1"_s);
    QVERIFY(review->isEnabled());
    saveScreenshot(&dialog, u"release_tagpicker_light.png"_s);
}

void TestReleaseFlow::privateRegistryAsksToSignInThenListsTheTags()
{
    // A registry that lets nobody list anonymously (HTTP Basic) and knows one account.
    gd::test::FakeRegistry registry;
    QString error;
    QVERIFY2(registry.start(&error), qPrintable(error));
    registry.setAuth(gd::test::FakeRegistry::Auth::Basic);
    registry.setCredentials(u"ci"_s, u"s3cret-pw"_s);
    registry.addRepository(u"shop/orders"_s, {u"1.4.2"_s, u"1.5.0"_s, u"1.6.0"_s});

    // The demo workspace with that registry; the first service environment runs an image from it.
    auto config = gd::ws::WorkspaceConfig::load(m_demo.workspaceFile());
    QVERIFY(config.ok());
    auto workspace = std::make_shared<gd::flows::LoadedWorkspace>();
    workspace->config = *config;
    workspace->config.registryType = u"registry2"_s;
    workspace->config.registryUrl = registry.url().toString();
    workspace->catalog = m_catalog;
    QVERIFY(!workspace->catalog.projects.empty() && !workspace->catalog.projects.front().services.empty());
    gd::ws::ProjectInfo &project = workspace->catalog.projects.front();
    gd::ws::ServiceInfo &service = project.services.front();
    QVERIFY(!service.environments.empty());
    gd::ws::EnvironmentState &env = service.environments.front();
    env.image = registry.host() + u"/shop/orders"_s;

    QWidget window;
    window.resize(900, 600);
    window.show();
    gd::flows::JobQueue jobs;
    gd::net::HttpClient http;
    gd::net::CredentialStore keychain;   // no D-Bus session here: nothing stored, nothing can be kept
    ReleaseController releases(&window, jobs,
                               std::make_shared<gd::git::RepoCache>(m_tmp.filePath(u"signin-cache"_s)), http,
                               &keychain);
    releases.setWorkspace(workspace);
    QSignalSpy opened(&releases, &ReleaseController::releaseDialogOpened);
    releases.release(project.name, service.name, env.environment);
    QCOMPARE(opened.size(), 1);
    auto *dialog = opened.first().first().value<gd::ui::ReleaseDialog *>();

    // Anonymous: the registry refuses, the dialog says so and offers the sign-in.
    auto *signIn = dialog->findChild<QPushButton *>(u"registrySignInButton"_s);
    QVERIFY(signIn != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(signIn->isVisible(), 15000);
    auto *tagsState = dialog->findChild<QLabel *>(u"releaseTagsState"_s);
    QVERIFY2(tagsState->text().contains(u"Sign in to the registry"_s), qPrintable(tagsState->text()));
    QCOMPARE(signIn->text(), u"Sign In to the Registry…"_s);
    auto *tag = dialog->findChild<QComboBox *>(u"releaseTag"_s);
    QCOMPARE(tag->count(), 0);
    saveScreenshot(dialog, u"release_registry_signin_light.png"_s);
    registry.clearRequests();

    // Answer the sign-in dialog whenever it is the modal one.
    int asked = 0;
    QLineEdit::EchoMode echo = QLineEdit::Normal;
    QPointer<QDialog> signInDialog;
    QTimer answerer;
    answerer.setInterval(20);
    connect(&answerer, &QTimer::timeout, this, [&] {
        auto *modal = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (modal == nullptr || modal->objectName() != u"registrySignInDialog"_s || modal == signInDialog)
            return;
        signInDialog = modal;
        ++asked;
        auto *user = modal->findChild<QLineEdit *>(u"registrySignInUser"_s);
        auto *secret = modal->findChild<QLineEdit *>(u"registrySignInSecret"_s);
        auto *ok = modal->findChild<QPushButton *>(u"registrySignInOk"_s);
        QVERIFY(user != nullptr && secret != nullptr && ok != nullptr);
        echo = secret->echoMode();
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(user, u"ci"_s);
        QTest::keyClicks(secret, u"s3cret-pw"_s);
        QVERIFY(ok->isEnabled());
        ok->click();
    });
    answerer.start();
    signIn->click();

    // The sign-in is used at once: the list fills from the registry, newest version first.
    QTRY_COMPARE_WITH_TIMEOUT(tag->count(), 3, 15000);
    answerer.stop();
    QCOMPARE(asked, 1);
    QCOMPARE(echo, QLineEdit::Password);
    QCOMPARE(tag->itemData(0).toString(), u"1.6.0"_s);
    QCOMPARE(tag->itemData(2).toString(), u"1.4.2"_s);
    QVERIFY(!signIn->isVisible());
    QVERIFY(!tagsState->text().contains(u"Sign in"_s));
    const QByteArray basic = "Basic " + QByteArray("ci:s3cret-pw").toBase64();
    bool sentCredentials = false;
    for (const gd::test::FakeRegistry::Seen &seen : registry.requests())
        sentCredentials = sentCredentials || seen.headers.value("authorization") == basic;
    QVERIFY(sentCredentials);

    // No keychain here: the sign-in dialog says it holds for this session only, never showing the secret.
    QVERIFY(signInDialog);
    auto *problem = signInDialog->findChild<QLabel *>(u"registrySignInProblem"_s);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 30000);
    QVERIFY2(problem->text().contains(u"keychain"_s), qPrintable(problem->text()));
    for (const QLabel *label : signInDialog->findChildren<QLabel *>())
        QVERIFY(!label->text().contains(u"s3cret"_s));
    for (const QLabel *label : dialog->findChildren<QLabel *>())
        QVERIFY(!label->text().contains(u"s3cret"_s));
    auto *close = signInDialog->findChild<QPushButton *>(u"registrySignInClose"_s);
    QVERIFY(close != nullptr);
    close->click();
    QTRY_VERIFY(!signInDialog);
    QCOMPARE(tag->count(), 3);   // the session keeps the sign-in
    dialog->reject();

    // The workspace read again (a refresh after a release) keeps the sign-in too.
    releases.setWorkspace(std::make_shared<const gd::flows::LoadedWorkspace>(*workspace));
    releases.release(project.name, service.name, env.environment);
    QCOMPARE(opened.size(), 2);
    auto *again = opened.last().first().value<gd::ui::ReleaseDialog *>();
    auto *againTags = again->findChild<QComboBox *>(u"releaseTag"_s);
    QTRY_COMPARE_WITH_TIMEOUT(againTags->count(), 3, 15000);
    QVERIFY(!again->findChild<QPushButton *>(u"registrySignInButton"_s)->isVisible());
    again->reject();
}

QTEST_MAIN(TestReleaseFlow)
#include "tst_releaseflow.moc"
