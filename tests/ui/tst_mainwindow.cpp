// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows/job.h"
#include "darkpalette.h"
#include "guitesting.h"
#include "flows/jobqueue.h"
#include "git/repocache.h"
#include "git/repository.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/models/joblistmodel.h"
#include "ui/models/joblistroles.h"
#include "ui/models/projecttreeroles.h"
#include "ui/models/serviceenvironmentmodel.h"
#include "ui/views/messagebanner.h"
#include "ui/views/servicepage.h"
#include "workspace/catalog.h"
#include "workspace/demoworkspace.h"
#include "workspace/workspaceconfig.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using gd::ui::MainWindow;
using gd::test::saveScreenshot;

namespace {

constexpr int loadTimeoutMs = 60000;

/// Every row of `model` below `parent`, depth first.
QModelIndexList allRows(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QModelIndexList rows;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        rows.append(index);
        rows.append(allRows(model, index));
    }
    return rows;
}

QModelIndex findRow(const QAbstractItemModel *model, const QString &project, const QString &service = {},
                    const QString &environment = {})
{
    for (const QModelIndex &index : allRows(model)) {
        if (index.data(gd::ui::ProjectNameRole).toString() == project &&
            index.data(gd::ui::ServiceNameRole).toString() == service &&
            index.data(gd::ui::EnvironmentNameRole).toString() == environment)
            return index;
    }
    return {};
}

/// Why the columns of `view` do not show their texts (a column narrower than its header text with some room
/// beside it, or than its cells; columns wider than the view); empty when they do.
QString headerFitProblem(const QAbstractItemView *view, const QHeaderView *header)
{
    const QFontMetrics fm(header->font());
    for (int section = 0; section < header->count(); ++section) {
        if (header->isSectionHidden(section))
            continue;
        const QString title = header->model()->headerData(section, header->orientation()).toString();
        // A text that touches the section's border reads as cut off (CJK glyphs fill their whole width).
        const int titleWidth = std::max(header->sectionSizeHint(section),
                                        fm.horizontalAdvance(title) + fm.averageCharWidth());
        if (header->sectionSize(section) < titleWidth)
            return u"column \"%1\" is %2 px wide, its header text needs %3 px"_s.arg(title)
                .arg(header->sectionSize(section))
                .arg(titleWidth);
        if (header->sectionSize(section) < view->sizeHintForColumn(section))
            return u"column \"%1\" is %2 px wide, its cells need %3 px"_s.arg(title)
                .arg(header->sectionSize(section))
                .arg(view->sizeHintForColumn(section));
    }
    if (header->length() > view->viewport()->width())
        return u"the columns take %1 px of a %2 px wide view"_s.arg(header->length()).arg(view->viewport()->width());
    return {};
}

/// Why `table` does not show exactly its rows (a cell cut off or outside the viewport, an empty area under the
/// last row, a column too narrow for its texts); empty when it does.
QString tableFitProblem(const QTableView *table)
{
    const QAbstractItemModel *model = table->model();
    const QRect viewport = table->viewport()->rect();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QRect cell = table->visualRect(model->index(row, column));
            if (!viewport.contains(cell))
                return u"cell (%1, %2) at y %3..%4 is not inside the %5 px high viewport"_s.arg(row)
                    .arg(column)
                    .arg(cell.top())
                    .arg(cell.bottom())
                    .arg(viewport.height());
        }
    }
    if (table->verticalHeader()->length() != viewport.height())
        return u"the rows take %1 px of a %2 px high viewport"_s.arg(table->verticalHeader()->length())
            .arg(viewport.height());
    return headerFitProblem(table, table->horizontalHeader());
}

/// Why the tree's header does not fit: as headerFitProblem(), and the name column must take the rest of the width.
QString treeFitProblem(const QTreeView *tree)
{
    if (const QString problem = headerFitProblem(tree, tree->header()); !problem.isEmpty())
        return problem;
    if (tree->header()->length() != tree->viewport()->width())
        return u"the columns take %1 px of a %2 px wide view: the name column does not stretch"_s
            .arg(tree->header()->length())
            .arg(tree->viewport()->width());
    return {};
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensWorkspaceAndListsProjects();
    void showsServicePageWithTagsAndFiles();
    void showsProjectSummary();
    void filtersTree_data();
    void filtersTree();
    void refreshShowsNewTagAndKeepsSelection();
    void switchesLanguageAndSavesScreenshots();
    void followsDarkPalette();
    void tablesFitLargerFont();
    void firstWindowFitsTheScreen();
    void cancelFollowsSelectedJob();
    void reopensLastWorkspace();
    void showsErrorOfBrokenWorkspace_data();
    void showsErrorOfBrokenWorkspace();

private:
    /// A window with the demo workspace loaded.
    std::unique_ptr<MainWindow> openDemo();
    void selectInTree(MainWindow &window, const QString &project, const QString &service = {},
                      const QString &environment = {});
    /// The first service that runs a canary somewhere, and that environment.
    std::pair<const gd::ws::ProjectInfo *, const gd::ws::ServiceInfo *> canaryService() const;

    QTemporaryDir m_tmp;
    QString m_workspaceFile;
    gd::ws::CatalogSnapshot m_expected;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"GitOpsDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    QSettings().clear();
    qputenv("GITOPS_DESK_CACHE_DIR", QFile::encodeName(m_tmp.filePath(u"cache"_s)));
    gd::ui::applyLanguage(gd::ui::Language::English);

    gd::ws::DemoOptions options;
    options.directory = m_tmp.filePath(u"demo"_s);
    auto created = gd::ws::createDemoWorkspace(options);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().fullText()));
    m_workspaceFile = *created;

    // What the engine says, read independently of the window (its own cache folder).
    auto config = gd::ws::WorkspaceConfig::load(m_workspaceFile);
    QVERIFY(config.ok());
    gd::git::RepoCache cache(m_tmp.filePath(u"expected-cache"_s));
    auto catalog = gd::ws::Catalog::load(*config, cache);
    QVERIFY(catalog.ok());
    m_expected = std::move(*catalog);
    QVERIFY(m_expected.projects.size() >= 2);
    QVERIFY(canaryService().second != nullptr);
}

std::unique_ptr<MainWindow> TestMainWindow::openDemo()
{
    return gd::test::openWorkspaceWindow(m_workspaceFile, loadTimeoutMs);
}

void TestMainWindow::selectInTree(MainWindow &window, const QString &project, const QString &service,
                                  const QString &environment)
{
    auto *tree = window.findChild<QTreeView *>(u"projectTree"_s);
    QVERIFY(tree != nullptr);
    const QModelIndex index = findRow(tree->model(), project, service, environment);
    QVERIFY2(index.isValid(), qPrintable(project + u'/' + service + u'/' + environment));
    tree->setCurrentIndex(index);
}

std::pair<const gd::ws::ProjectInfo *, const gd::ws::ServiceInfo *> TestMainWindow::canaryService() const
{
    for (const gd::ws::ProjectInfo &project : m_expected.projects) {
        for (const gd::ws::ServiceInfo &service : project.services) {
            for (const gd::ws::EnvironmentState &env : service.environments) {
                if (env.canaryStage)
                    return {&project, &service};
            }
        }
    }
    return {nullptr, nullptr};
}

void TestMainWindow::opensWorkspaceAndListsProjects()
{
    auto window = openDemo();
    QVERIFY(window);
    auto *tree = window->findChild<QTreeView *>(u"projectTree"_s);
    QAbstractItemModel *model = tree->model();

    QCOMPARE(model->rowCount(), int(m_expected.projects.size()));
    for (int p = 0; p < model->rowCount(); ++p) {
        const gd::ws::ProjectInfo &project = m_expected.projects[std::size_t(p)];
        const QModelIndex projectIndex = model->index(p, 0);
        QCOMPARE(projectIndex.data().toString(), project.name);
        QVERIFY(tree->isExpanded(projectIndex));   // services are visible at once
        QCOMPARE(model->rowCount(projectIndex), int(project.services.size()));
        for (int s = 0; s < model->rowCount(projectIndex); ++s) {
            const QModelIndex serviceIndex = model->index(s, 0, projectIndex);
            QCOMPARE(serviceIndex.data().toString(), project.services[std::size_t(s)].name);
            QCOMPARE(model->rowCount(serviceIndex), int(project.services[std::size_t(s)].environments.size()));
        }
    }

    // Name | GA | Canary: the tag columns as wide as their header and tags, the name column takes the rest.
    QTRY_COMPARE(treeFitProblem(tree), QString());
    tree->expandAll();
    QTRY_COMPARE(treeFitProblem(tree), QString());

    // The status bar names the workspace and when it was read; the title too.
    QVERIFY(window->findChild<QLabel *>(u"statusWorkspace"_s)->text().contains(u"Demo"_s));
    QVERIFY(window->findChild<QLabel *>(u"statusRefresh"_s)->text().startsWith(u"Last refresh"_s));
    QVERIFY(window->windowTitle().startsWith(u"Demo"_s));
    QCOMPARE(window->workspacePath(), QFileInfo(m_workspaceFile).absoluteFilePath());
    QVERIFY(!window->findChild<gd::ui::MessageBanner *>(u"messageBanner"_s)->isVisible());

    // The Activity panel listed the load as a job that succeeded.
    auto *activity = window->findChild<QListView *>(u"activityList"_s);
    QVERIFY(activity->isVisible());
    bool sawLoad = false;
    for (int row = 0; row < activity->model()->rowCount(); ++row) {
        const QModelIndex job = activity->model()->index(row, 0);
        if (job.data().toString() == u"Open workspace workspace.yaml"_s) {
            sawLoad = true;
            QCOMPARE(job.data(gd::ui::JobStateRole).toInt(), int(gd::flows::JobState::Succeeded));
        }
    }
    QVERIFY(sawLoad);
}

void TestMainWindow::showsServicePageWithTagsAndFiles()
{
    auto window = openDemo();
    QVERIFY(window);
    const auto [project, service] = canaryService();
    selectInTree(*window, project->name, service->name);

    auto *stack = window->findChild<QStackedWidget *>(u"pageStack"_s);
    auto *page = window->findChild<gd::ui::ServicePage *>(u"servicePage"_s);
    QCOMPARE(stack->currentWidget(), page);
    QCOMPARE(page->findChild<QLabel *>(u"serviceTitle"_s)->text(), service->name);

    // Each environment's stage and tags, as the engine read them from Git.
    auto *table = page->findChild<QTableView *>(u"environmentTable"_s);
    QAbstractItemModel *envs = table->model();
    QCOMPARE(envs->rowCount(), int(service->environments.size()));
    using Col = gd::ui::ServiceEnvironmentModel::Column;
    for (int row = 0; row < envs->rowCount(); ++row) {
        const gd::ws::EnvironmentState &env = service->environments[std::size_t(row)];
        QCOMPARE(envs->index(row, Col::EnvironmentColumn).data().toString(), env.environment);
        QCOMPARE(envs->index(row, Col::StageColumn).data().toString(),
                 env.canaryStage ? u"Canary"_s : u"GA only"_s);
        QCOMPARE(envs->index(row, Col::GaTagColumn).data().toString(), env.gaTag);
        QCOMPARE(envs->index(row, Col::CanaryTagColumn).data().toString(),
                 env.canaryTag.isEmpty() ? u"—"_s : env.canaryTag);
        QCOMPARE(envs->index(row, Col::ImageColumn).data().toString(), env.image);
    }

    // Every environment is visible in full: the table is as tall as its rows, each column as wide as its texts.
    QTRY_COMPARE(tableFitProblem(table), QString());

    // The first environment's files arrive from a worker; pick the GA overlay and read its tag.
    auto *view = page->findChild<QPlainTextEdit *>(u"fileView"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!page->files().isEmpty(), loadTimeoutMs);
    QCOMPARE(page->currentEnvironment(), service->environments.front().environment);
    QVERIFY(page->files().contains(u"application.yaml"_s));
    QVERIFY(page->files().contains(u"manifests/base/deployment.yaml"_s));
    QVERIFY(page->selectFile(u"manifests/ga/kustomization.yaml"_s));
    QCOMPARE(page->currentFile(), u"manifests/ga/kustomization.yaml"_s);
    QVERIFY(view->isReadOnly());
    QVERIFY2(view->toPlainText().contains(service->environments.front().gaTag), qPrintable(view->toPlainText()));

    // Selecting an environment in the tree opens it on the page, keeping the file chosen.
    const gd::ws::EnvironmentState &last = service->environments.back();
    selectInTree(*window, project->name, service->name, last.environment);
    QCOMPARE(page->currentEnvironment(), last.environment);
    QTRY_COMPARE_WITH_TIMEOUT(page->currentFile(), u"manifests/ga/kustomization.yaml"_s, loadTimeoutMs);
    QVERIFY(view->toPlainText().contains(last.gaTag));
    if (last.canaryStage) {
        QVERIFY(page->selectFile(u"manifests/canary/kustomization.yaml"_s));
        QVERIFY(view->toPlainText().contains(last.canaryTag));
    }

    // The reads ran as jobs of the Activity panel.
    auto *activity = window->findChild<QListView *>(u"activityList"_s);
    int reads = 0;
    for (int row = 0; row < activity->model()->rowCount(); ++row) {
        if (activity->model()->index(row, 0).data().toString().startsWith(u"Read manifests of "_s + service->name))
            ++reads;
    }
    QVERIFY(reads >= 2);
}

void TestMainWindow::showsProjectSummary()
{
    auto window = openDemo();
    QVERIFY(window);
    const gd::ws::ProjectInfo &project = m_expected.projects.front();
    selectInTree(*window, project.name);
    auto *table = window->findChild<QTableView *>(u"summaryTable"_s);
    QVERIFY(table->isVisible());
    QAbstractItemModel *model = table->model();
    QCOMPARE(model->rowCount(), int(project.services.size()));
    // As tall as its rows: no row cut off, no empty area under the last one.
    QTRY_COMPARE(tableFitProblem(table), QString());
    for (int row = 0; row < model->rowCount(); ++row) {
        const gd::ws::ServiceInfo &service = project.services[std::size_t(row)];
        QCOMPARE(model->headerData(row, Qt::Vertical).toString(), service.name);
        for (const gd::ws::EnvironmentState &env : service.environments) {
            int column = -1;
            for (int c = 0; c < model->columnCount(); ++c) {
                if (model->headerData(c, Qt::Horizontal).toString() == env.environment)
                    column = c;
            }
            QVERIFY(column >= 0);
            const QString cell = model->index(row, column).data().toString();
            QVERIFY2(cell.startsWith(env.gaTag), qPrintable(cell));
            if (env.canaryStage)
                QVERIFY2(cell.contains(env.canaryTag), qPrintable(cell));
        }
    }
    // Double-clicking a cell goes to that service.
    const QModelIndex cell = model->index(0, 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
    auto *page = window->findChild<gd::ui::ServicePage *>(u"servicePage"_s);
    QCOMPARE(window->findChild<QStackedWidget *>(u"pageStack"_s)->currentWidget(), page);
    QCOMPARE(page->serviceName(), project.services.front().name);
}

void TestMainWindow::filtersTree_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("service name") << u"service"_s;
    QTest::newRow("GA tag") << u"tag"_s;
    QTest::newRow("no match") << u"none"_s;
}

void TestMainWindow::filtersTree()
{
    QFETCH(QString, kind);
    auto window = openDemo();
    QVERIFY(window);
    auto *tree = window->findChild<QTreeView *>(u"projectTree"_s);
    auto *filter = window->findChild<QLineEdit *>(u"treeFilter"_s);
    const auto [project, service] = canaryService();

    if (kind == u"service") {
        QTest::keyClicks(filter, service->name);
        // The service, its project above it and all its environments below it; no other service.
        const QModelIndex serviceIndex = findRow(tree->model(), project->name, service->name);
        QVERIFY(serviceIndex.isValid());
        QVERIFY(tree->isExpanded(serviceIndex));
        QCOMPARE(tree->model()->rowCount(serviceIndex), int(service->environments.size()));
        for (const QModelIndex &index : allRows(tree->model())) {
            if (index.data(gd::ui::KindRole).toInt() == int(gd::ui::TreeItemKind::Service))
                QVERIFY(index.data(gd::ui::ServiceNameRole).toString().contains(service->name));
        }
    } else if (kind == u"tag") {
        const QString tag = service->environments.front().gaTag;
        QTest::keyClicks(filter, tag);
        int environments = 0;
        for (const QModelIndex &index : allRows(tree->model())) {
            if (index.data(gd::ui::KindRole).toInt() != int(gd::ui::TreeItemKind::Environment))
                continue;
            ++environments;
            QVERIFY(index.data(gd::ui::GaTagRole).toString().contains(tag) ||
                    index.data(gd::ui::CanaryTagRole).toString().contains(tag));
        }
        QVERIFY(environments >= 1);
        QVERIFY(findRow(tree->model(), project->name, service->name, service->environments.front().environment)
                    .isValid());
    } else {
        QTest::keyClicks(filter, u"no-such-thing-anywhere"_s);
        QCOMPARE(tree->model()->rowCount(), 0);
    }

    // Clearing the filter brings everything back.
    filter->clear();
    QCOMPARE(tree->model()->rowCount(), int(m_expected.projects.size()));
}

void TestMainWindow::refreshShowsNewTagAndKeepsSelection()
{
    auto window = openDemo();
    QVERIFY(window);
    const auto [project, service] = canaryService();
    const gd::ws::EnvironmentState &env = service->environments.front();
    selectInTree(*window, project->name, service->name, env.environment);

    // Someone else releases a new GA tag: a commit straight into the bare repo.
    auto config = gd::ws::WorkspaceConfig::load(m_workspaceFile);
    QVERIFY(config.ok());
    auto repo = gd::git::Repository::open(config->localPath + u'/' + config->repoNameFor(project->name) + u".git"_s);
    QVERIFY(repo.ok());
    auto tip = repo->resolve(u"refs/heads/main"_s);
    QVERIFY(tip.ok());
    const QString gaFile = env.path + u"/manifests/ga/kustomization.yaml"_s;
    auto text = repo->readFile(*tip, gaFile);
    QVERIFY(text.ok());
    const QString newTag = u"9.9.9-refresh"_s;
    QByteArray changed = *text;
    changed.replace(env.gaTag.toUtf8(), newTag.toUtf8());
    QVERIFY(changed != *text);
    gd::git::FileChanges changes;
    changes.write(gaFile, changed);
    gd::git::CommitMessage message{u"Release 9.9.9-refresh"_s, {u"Tester"_s, u"tester@example.com"_s, {}}, {}};
    QVERIFY(repo->createCommit(*tip, changes, message, u"refs/heads/main"_s).ok());

    QSignalSpy loaded(window.get(), &MainWindow::workspaceLoaded);
    window->findChild<QAction *>(u"actionRefresh"_s)->trigger();
    QVERIFY(gd::test::emitted(loaded, loadTimeoutMs));

    auto *page = window->findChild<gd::ui::ServicePage *>(u"servicePage"_s);
    QCOMPARE(window->findChild<QStackedWidget *>(u"pageStack"_s)->currentWidget(), page);
    QCOMPARE(page->serviceName(), service->name);
    QCOMPARE(page->currentEnvironment(), env.environment);
    auto *table = page->findChild<QTableView *>(u"environmentTable"_s);
    QCOMPARE(table->model()->index(0, gd::ui::ServiceEnvironmentModel::GaTagColumn).data().toString(), newTag);
    auto *tree = window->findChild<QTreeView *>(u"projectTree"_s);
    QCOMPARE(tree->currentIndex().data(gd::ui::EnvironmentNameRole).toString(), env.environment);
    QCOMPARE(tree->currentIndex().data(gd::ui::GaTagRole).toString(), newTag);
    // The file view follows the new tip too.
    QTRY_VERIFY_WITH_TIMEOUT(page->findChild<QPlainTextEdit *>(u"fileView"_s)->toPlainText().contains(newTag) ||
                                 page->currentFile() != u"manifests/ga/kustomization.yaml"_s,
                             loadTimeoutMs);

    // Put the tag back for the other tests' expectations.
    auto newTip = repo->resolve(u"refs/heads/main"_s);
    QVERIFY(newTip.ok());
    changes.write(gaFile, *text);
    QVERIFY(repo->createCommit(*newTip, changes, message, u"refs/heads/main"_s).ok());
}

void TestMainWindow::switchesLanguageAndSavesScreenshots()
{
    auto window = openDemo();
    QVERIFY(window);
    const auto [project, service] = canaryService();
    auto *page = window->findChild<gd::ui::ServicePage *>(u"servicePage"_s);

    selectInTree(*window, project->name);
    saveScreenshot(window.get(), u"projectpage_en.png"_s);
    selectInTree(*window, project->name, service->name);
    QTRY_VERIFY_WITH_TIMEOUT(!page->files().isEmpty(), loadTimeoutMs);
    QVERIFY(page->selectFile(u"manifests/ga/kustomization.yaml"_s));
    QCOMPARE(window->menuBar()->actions().first()->text(), u"&File"_s);
    saveScreenshot(window.get(), u"mainwindow_en.png"_s);
    saveScreenshot(page, u"servicepage_en.png"_s);

    // Settings → Language → 简体中文 applies at once and is remembered.
    window->findChild<QAction *>(u"actionLanguageChinese"_s)->trigger();
    QCOMPARE(gd::ui::storedLanguage(), gd::ui::Language::ChineseSimplified);
    // Qt posts the LanguageChange to every window; the texts change when it arrives.
    QTRY_COMPARE(window->menuBar()->actions().first()->text(), u"文件(&F)"_s);
    auto *table = page->findChild<QTableView *>(u"environmentTable"_s);
    QCOMPARE(table->model()->headerData(gd::ui::ServiceEnvironmentModel::GaTagColumn, Qt::Horizontal).toString(),
             u"GA 标签"_s);
    QVERIFY(window->findChild<QLabel *>(u"statusWorkspace"_s)->text().startsWith(u"工作区"_s));
    // CJK text is taller and wider: rows, headers and columns grow with it, nothing is cut.
    auto *tree = window->findChild<QTreeView *>(u"projectTree"_s);
    QTRY_COMPARE(tableFitProblem(table), QString());
    QTRY_COMPARE(treeFitProblem(tree), QString());
    saveScreenshot(window.get(), u"mainwindow_zh_CN.png"_s);
    saveScreenshot(page, u"servicepage_zh_CN.png"_s);
    selectInTree(*window, project->name);
    QTRY_COMPARE(tableFitProblem(window->findChild<QTableView *>(u"summaryTable"_s)), QString());
    saveScreenshot(window.get(), u"projectpage_zh_CN.png"_s);

    window->findChild<QAction *>(u"actionLanguageEnglish"_s)->trigger();
    QTRY_COMPARE(window->menuBar()->actions().first()->text(), u"&File"_s);
    QCOMPARE(gd::ui::storedLanguage(), gd::ui::Language::English);
    QTRY_COMPARE(tableFitProblem(window->findChild<QTableView *>(u"summaryTable"_s)), QString());
    QTRY_COMPARE(treeFitProblem(tree), QString());
}

void TestMainWindow::followsDarkPalette()
{
    auto window = openDemo();
    QVERIFY(window);
    const QPalette light = QApplication::palette();
    const QPalette dark = gd::test::darkPalette();
    QApplication::setPalette(dark);

    const auto [project, service] = canaryService();
    selectInTree(*window, project->name, service->name);
    auto *page = window->findChild<gd::ui::ServicePage *>(u"servicePage"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!page->files().isEmpty(), loadTimeoutMs);
    // Secondary text takes the dark palette's colour, not one fixed at start.
    auto *subtitle = page->findChild<QLabel *>(u"serviceSubtitle"_s);
    QCOMPARE(subtitle->palette().color(subtitle->foregroundRole()), dark.color(QPalette::PlaceholderText));
    // Item icons are drawn in the palette's text colour.
    auto *tree = window->findChild<QTreeView *>(u"projectTree"_s);
    const QImage icon = tree->currentIndex().data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
    int lightPixels = 0;
    for (int y = 0; y < icon.height(); ++y) {
        for (int x = 0; x < icon.width(); ++x) {
            const QColor c = icon.pixelColor(x, y);
            if (c.alpha() > 128 && c.lightness() > 160)
                ++lightPixels;
        }
    }
    QVERIFY(lightPixels > 0);
    // Only finished jobs: nothing to cancel.
    QVERIFY(!window->findChild<QPushButton *>(u"cancelJobButton"_s)->isEnabled());
    QTRY_COMPARE(tableFitProblem(page->findChild<QTableView *>(u"environmentTable"_s)), QString());
    saveScreenshot(window.get(), u"mainwindow_dark_en.png"_s);
    QApplication::setPalette(light);
}

void TestMainWindow::tablesFitLargerFont()
{
    auto window = openDemo();
    QVERIFY(window);
    const auto [project, service] = canaryService();
    selectInTree(*window, project->name, service->name);
    auto *table = window->findChild<QTableView *>(u"environmentTable"_s);
    QTRY_COMPARE(tableFitProblem(table), QString());
    const int rowsHeight = table->verticalHeader()->length();

    // A user's larger font (on a window as much wider): rows grow, and the tables with them.
    QFont font = window->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    window->setFont(font);
    window->resize(window->width() * 3 / 2, window->height());
    QTRY_VERIFY(table->verticalHeader()->length() > rowsHeight);
    QTRY_COMPARE(tableFitProblem(table), QString());
    QTRY_COMPARE(treeFitProblem(window->findChild<QTreeView *>(u"projectTree"_s)), QString());
    selectInTree(*window, project->name);
    QTRY_COMPARE(tableFitProblem(window->findChild<QTableView *>(u"summaryTable"_s)), QString());
}

void TestMainWindow::firstWindowFitsTheScreen()
{
    QSettings().clear();   // no geometry from an earlier window
    for (const gd::ui::Language language : {gd::ui::Language::English, gd::ui::Language::ChineseSimplified}) {
        gd::ui::applyLanguage(language);
        MainWindow window;
        QVERIFY(window.screen() != nullptr);
        const QSize available = window.screen()->availableGeometry().size();
        QVERIFY2(window.width() <= available.width() && window.height() <= available.height(),
                 qPrintable(u"%1x%2 on a screen of %3x%4"_s.arg(window.width()).arg(window.height())
                                .arg(available.width()).arg(available.height())));
        QVERIFY(window.width() >= available.width() / 2);
    }
    gd::ui::applyLanguage(gd::ui::Language::English);
}

void TestMainWindow::cancelFollowsSelectedJob()
{
    auto window = openDemo();
    QVERIFY(window);
    auto *list = window->findChild<QListView *>(u"activityList"_s);
    auto *jobs = qobject_cast<gd::ui::JobListModel *>(list->model());
    QVERIFY(jobs != nullptr);
    auto *cancel = window->findChild<QPushButton *>(u"cancelJobButton"_s);
    const auto select = [&](int id) { list->setCurrentIndex(jobs->index(jobs->rowOf(id), 0)); };

    // Only finished jobs (the load): Cancel stays disabled whichever is selected.
    QVERIFY(jobs->rowCount() >= 1);
    QVERIFY(!cancel->isEnabled());
    for (int row = 0; row < jobs->rowCount(); ++row) {
        QVERIFY(!jobs->index(row, 0).data(gd::ui::JobActiveRole).toBool());
        list->setCurrentIndex(jobs->index(row, 0));
        QVERIFY2(!cancel->isEnabled(), qPrintable(jobs->index(row, 0).data().toString()));
    }
    const int finished = jobs->jobId(0);

    // A job that runs until cancelled, and one queued behind it (same key).
    gd::flows::JobQueue *queue = window->jobQueue();
    const auto untilCancelled = [](gd::flows::JobContext &context) -> gd::Result<void> {
        while (!context.isCancelled())
            QThread::msleep(2);
        return gd::makeError(gd::Error::Code::Cancelled, u"Stopped."_s);
    };
    const int running = queue->submit(u"test:blocking"_s, u"Blocking job"_s, untilCancelled);
    const int queued = queue->submit(u"test:blocking"_s, u"Queued job"_s, untilCancelled);
    QTRY_COMPARE(queue->job(running).state, gd::flows::JobState::Running);
    QCOMPARE(queue->job(queued).state, gd::flows::JobState::Queued);
    select(running);
    QVERIFY(cancel->isEnabled());
    select(queued);
    QVERIFY(cancel->isEnabled());
    select(finished);
    QVERIFY(!cancel->isEnabled());

    // Cancel the queued job: it ends at once, and Cancel goes disabled.
    select(queued);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(queue->job(queued).state, gd::flows::JobState::Cancelled);
    QVERIFY(!cancel->isEnabled());
    // Cancel the running job: disabled once asked, and still when it has ended.
    select(running);
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!cancel->isEnabled());
    QTRY_COMPARE(queue->job(running).state, gd::flows::JobState::Cancelled);
    QVERIFY(!cancel->isEnabled());
}

void TestMainWindow::reopensLastWorkspace()
{
    // The demo was opened by the tests above: a new window reopens it from the settings.
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
    QVERIFY(window.openLastWorkspace());
    QVERIFY(gd::test::emitted(loaded, loadTimeoutMs));
    QCOMPARE(window.workspacePath(), QFileInfo(m_workspaceFile).absoluteFilePath());
    QVERIFY(MainWindow::recentWorkspaces().contains(QFileInfo(m_workspaceFile).absoluteFilePath()));
}

void TestMainWindow::showsErrorOfBrokenWorkspace_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("bad provider") << QByteArray("name: Broken\nprovider: {type: svn, path: repos}\nbranch: main\n");
    QTest::newRow("not yaml") << QByteArray("name: [unclosed\n  provider: :\n");
    QTest::newRow("missing file") << QByteArray();
}

void TestMainWindow::showsErrorOfBrokenWorkspace()
{
    QFETCH(QByteArray, content);
    const QString path = m_tmp.filePath(u"broken-%1.yaml"_s.arg(QString::fromLatin1(QTest::currentDataTag())
                                                                     .replace(u' ', u'-')));
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    auto expected = gd::ws::WorkspaceConfig::load(path);
    QVERIFY(!expected.ok());

    MainWindow window;
    window.show();
    QSignalSpy failed(&window, &MainWindow::workspaceFailed);
    window.openWorkspace(path);
    QVERIFY(gd::test::emitted(failed, loadTimeoutMs));
    auto *banner = window.findChild<gd::ui::MessageBanner *>(u"messageBanner"_s);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), gd::ui::MessageBanner::Kind::Error);
    QCOMPARE(banner->findChild<QLabel *>(u"bannerText"_s)->text(), expected.error().message);
    QVERIFY(!expected.error().message.isEmpty());
    // Nothing half-loaded: the welcome page stays, ready to open another file.
    QCOMPARE(window.findChild<QStackedWidget *>(u"pageStack"_s)->currentWidget()->objectName(), u"welcomePage"_s);
    QVERIFY(window.workspacePath().isEmpty());
    if (QByteArray(QTest::currentDataTag()) == "bad provider")
        saveScreenshot(&window, u"error_en.png"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
