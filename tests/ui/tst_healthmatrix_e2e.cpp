// SPDX-License-Identifier: GPL-3.0-or-later
// The live health matrix end to end: the main window opens a demo workspace whose Argo CD server is the simulator,
// and the matrix shows what the simulator deploys, live.
#include "support/simulateddemo.h"
#include "darkpalette.h"
#include "guitesting.h"
#include "git/repository.h"
#include "git/repocache.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/models/healthmatrixmodel.h"
#include "ui/models/healthmatrixroles.h"
#include "ui/views/healthmatrixpage.h"
#include "workspace/catalog.h"
#include "workspace/demoworkspace.h"
#include "workspace/workspaceconfig.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using gd::ui::MainWindow;
using gd::test::saveScreenshot;

namespace {

constexpr int liveTimeoutMs = 60000;

/// One cell the test expects: sync and health status, and (when set) the sync revision.
struct Expected {
    QString sync;
    QString health;
    QString revision;
};

QString cellKey(const QString &service, const QString &environment)
{
    return service + u'/' + environment;
}

/// Why `model` does not show `expected` (service/env → cell); empty when every cell matches.
QString matrixProblem(const gd::ui::HealthMatrixModel *model, const QString &project,
                      const QHash<QString, Expected> &expected)
{
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        const QStringList parts = it.key().split(u'/');
        const QModelIndex cell = model->indexOf(project, parts.at(0), parts.at(1));
        if (!cell.isValid())
            return u"no cell for %1"_s.arg(it.key());
        const QString sync = cell.data(gd::ui::MatrixSyncStatusRole).toString();
        const QString health = cell.data(gd::ui::MatrixHealthStatusRole).toString();
        const QString revision = cell.data(gd::ui::MatrixSyncRevisionRole).toString();
        if (sync != it->sync || health != it->health || (!it->revision.isEmpty() && revision != it->revision))
            return u"%1 shows %2/%3 at %4, expected %5/%6 at %7"_s.arg(it.key(), sync, health, revision, it->sync,
                                                                        it->health, it->revision);
    }
    return {};
}

} // namespace

class TestHealthMatrixE2e : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matrixFollowsTheSimulatorLive();

private:
    QTemporaryDir m_tmp;
    gd::test::SimulatedDemo m_demo;
    gd::ws::ProjectInfo m_project;
    QString m_degradedService;
    QString m_degradedEnvironment;
};

void TestHealthMatrixE2e::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(gd::test::isolateAppFolders(m_tmp, u"tst_healthmatrix_e2e"_s));
    gd::ui::applyLanguage(gd::ui::Language::English);

    QString error;
    QVERIFY2(m_demo.create(m_tmp.filePath(u"demo"_s), 1, 3, &error), qPrintable(error));

    auto config = gd::ws::WorkspaceConfig::load(m_demo.workspaceFile());
    QVERIFY(config.ok());
    gd::git::RepoCache cache(m_tmp.filePath(u"expected-cache"_s));
    auto catalog = gd::ws::Catalog::load(*config, cache);
    QVERIFY(catalog.ok());
    QCOMPARE(int(catalog->projects.size()), 1);
    m_project = catalog->projects.front();
    QCOMPARE(int(m_project.services.size()), 3);

    // The service environment to break: the first whose GA image is used nowhere else (GA or canary).
    QHash<QString, int> uses;
    for (const gd::ws::ServiceInfo &service : m_project.services) {
        for (const gd::ws::EnvironmentState &env : service.environments) {
            ++uses[env.image + u':' + env.gaTag];
            if (!env.canaryTag.isEmpty())
                ++uses[env.image + u':' + env.canaryTag];
        }
    }
    QString pattern;
    for (const gd::ws::ServiceInfo &service : m_project.services) {
        for (const gd::ws::EnvironmentState &env : service.environments) {
            if (pattern.isEmpty() && uses.value(env.image + u':' + env.gaTag) == 1) {
                m_degradedService = service.name;
                m_degradedEnvironment = env.environment;
                pattern = u'^' + QRegularExpression::escape(env.image + u':' + env.gaTag) + u'$';
            }
        }
    }
    QVERIFY2(!pattern.isEmpty(), "every GA image of the demo is used twice");

    // The simulator deploys the demo and the workspace points at it.
    gd::test::ArgoSim::Options simOptions;
    simOptions.degradedPattern = pattern;
    QVERIFY2(m_demo.startArgo(simOptions, &error), qPrintable(error));
}

void TestHealthMatrixE2e::matrixFollowsTheSimulatorLive()
{
    auto window = gd::test::openWorkspaceWindow(m_demo.workspaceFile(), liveTimeoutMs);
    QVERIFY(window);

    auto *page = window->findChild<gd::ui::HealthMatrixPage *>();
    QVERIFY(page != nullptr);
    const gd::ui::HealthMatrixModel *model = page->model();
    auto *dock = window->findChild<QDockWidget *>(u"healthDock"_s);
    QVERIFY(dock != nullptr);
    dock->show();
    dock->raise();

    // Every service environment is Synced; exactly the one running the broken image is Degraded.
    QHash<QString, Expected> expected;
    for (const gd::ws::ServiceInfo &service : m_project.services) {
        for (const gd::ws::EnvironmentState &env : service.environments) {
            const bool broken = service.name == m_degradedService && env.environment == m_degradedEnvironment;
            expected.insert(cellKey(service.name, env.environment),
                            {u"Synced"_s, broken ? u"Degraded"_s : u"Healthy"_s, {}});
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(matrixProblem(model, m_project.name, expected), QString(), liveTimeoutMs);

    // The status bar says the watch is live.
    auto *indicator = window->findChild<gd::ui::ArgoConnectionIndicator *>(u"statusArgo"_s);
    QVERIFY(indicator != nullptr);
    QVERIFY(indicator->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), gd::argo::ArgoWatch::State::Live, liveTimeoutMs);
    QCOMPARE(indicator->text(), u"Argo CD: live"_s);

    // Argo CD synced the tip: nothing is behind.
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        const QStringList parts = it.key().split(u'/');
        QVERIFY2(!model->indexOf(m_project.name, parts.at(0), parts.at(1)).data(gd::ui::MatrixBehindRole).toBool(),
                 qPrintable(it.key()));
    }

    saveScreenshot(window.get(), u"healthmatrix_demo_light.png"_s);

    // Someone releases a new GA tag of another service: a commit straight into the bare repo. The simulator
    // compares against the new tip at its next reconcile and the matrix follows without a refresh.
    const gd::ws::ServiceInfo *bumped = nullptr;
    for (const gd::ws::ServiceInfo &service : m_project.services) {
        if (service.name != m_degradedService && !bumped)
            bumped = &service;
    }
    QVERIFY(bumped != nullptr);
    const gd::ws::EnvironmentState &env = bumped->environments.front();
    auto config = gd::ws::WorkspaceConfig::load(m_demo.workspaceFile());
    QVERIFY(config.ok());
    auto repo = gd::git::Repository::open(config->localPath + u'/' + config->repoNameFor(m_project.name) + u".git"_s);
    QVERIFY(repo.ok());
    auto tip = repo->resolve(u"refs/heads/main"_s);
    QVERIFY(tip.ok());
    const QString gaFile = env.path + u"/manifests/ga/kustomization.yaml"_s;
    auto text = repo->readFile(*tip, gaFile);
    QVERIFY(text.ok());
    QByteArray changed = *text;
    changed.replace(env.gaTag.toUtf8(), "9.9.9-e2e");
    QVERIFY(changed != *text);
    gd::git::FileChanges changes;
    changes.write(gaFile, changed);
    gd::git::CommitMessage message{u"Release 9.9.9-e2e"_s, {u"Tester"_s, u"tester@example.com"_s, {}}, {}};
    bool sawSyncing = false;
    const QString bumpedService = bumped->name;
    const QString bumpedEnvironment = env.environment;
    const QString projectName = m_project.name;
    QObject watcher;   // ends the connection below when the test leaves, before the window goes
    connect(model, &QAbstractItemModel::dataChanged, &watcher, [&] {
        const QModelIndex cell = model->indexOf(projectName, bumpedService, bumpedEnvironment);
        if (cell.data(gd::ui::MatrixSyncStatusRole).toString() == u"OutOfSync"_s
            || cell.data(gd::ui::MatrixOperationRunningRole).toBool())
            sawSyncing = true;
    });
    auto commit = repo->createCommit(*tip, changes, message, u"refs/heads/main"_s);
    QVERIFY(commit.ok());
    const QString newTip = commit->toHex();

    // Every Application now compares with the new commit; the bumped one goes OutOfSync and Argo CD's auto-sync
    // deploys it again, so it ends Synced and Healthy at the new commit.
    QHash<QString, Expected> after = expected;
    for (auto it = after.begin(); it != after.end(); ++it)
        it->revision = newTip;
    QTRY_COMPARE_WITH_TIMEOUT(matrixProblem(model, m_project.name, after), QString(), liveTimeoutMs);
    QVERIFY2(sawSyncing, "the bumped cell never showed OutOfSync or a running sync");
    QCOMPARE(indicator->state(), gd::argo::ArgoWatch::State::Live);

    // View → Refresh reads the new tip: the bumped cell shows the new GA tag and the matrix keeps its live state.
    QSignalSpy loaded(window.get(), &MainWindow::workspaceLoaded);
    window->findChild<QAction *>(u"actionRefresh"_s)->trigger();
    QVERIFY(gd::test::emitted(loaded, liveTimeoutMs));
    const QModelIndex cell = model->indexOf(m_project.name, bumped->name, env.environment);
    QCOMPARE(cell.data(gd::ui::MatrixGaTagRole).toString(), u"9.9.9-e2e"_s);
    QTRY_COMPARE_WITH_TIMEOUT(matrixProblem(model, m_project.name, after), QString(), liveTimeoutMs);
    QVERIFY(!cell.data(gd::ui::MatrixBehindRole).toBool());

    const QPalette dark = gd::test::darkPalette();
    const QPalette light = QApplication::palette();
    QApplication::setPalette(dark);
    saveScreenshot(window.get(), u"healthmatrix_demo_dark.png"_s);
    QApplication::setPalette(light);
}

QTEST_MAIN(TestHealthMatrixE2e)
#include "tst_healthmatrix_e2e.moc"
