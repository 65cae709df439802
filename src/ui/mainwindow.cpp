// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "flows/overlayeditsession.h"
#include "ui/editor/overlayeditorwindow.h"
#include "ui/models/releasehistorymodel.h"
#include "ui/newservicecontroller.h"
#include "ui/releasecontroller.h"
#include "ui/views/releasegate.h"
#include "ui/views/releasepanel.h"
#include "workspace/autosave.h"

#include "flows/argosession.h"
#include "flows/jobqueue.h"
#include "git/repocache.h"
#include "net/credentialstore.h"
#include "net/gitlabrepoprovider.h"
#include "net/httpclient.h"
#include "ui/models/healthmatrixmodel.h"
#include "ui/models/healthmatrixroles.h"
#include "ui/models/projecttreefilter.h"
#include "ui/models/projecttreemodel.h"
#include "ui/themedicons.h"
#include "ui/views/activitypanel.h"
#include "ui/views/argoresourcepanel.h"
#include "ui/views/healthmatrixpage.h"
#include "ui/dialogs/argologindialog.h"
#include "ui/views/messagebanner.h"
#include "ui/views/paddedheaderview.h"
#include "ui/views/projectpage.h"
#include "ui/views/servicepage.h"
#include "workspace/appdirs.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

const QString lastWorkspaceKey = u"workspace/last"_s;
const QString recentWorkspacesKey = u"workspace/recent"_s;
const QString geometryKey = u"window/geometry"_s;
const QString stateKey = u"window/state"_s;
const QString splitterKey = u"window/splitter"_s;
constexpr int maxRecent = 8;

QString displayName(const flows::LoadedWorkspace &workspace)
{
    return workspace.config.name.isEmpty() ? QFileInfo(workspace.config.filePath).fileName()
                                           : workspace.config.name;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_jobs(new flows::JobQueue(this)),
      m_cache(std::make_shared<git::RepoCache>(ws::repoCacheDir()))
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(appIcon());
    m_autosave = std::make_unique<ws::AutosaveStore>(ws::autosaveDir());
    createWidgets();
    createHealthMatrix();
    createReleases();
    createNewServices();
    createActions();
    createMenus();
    retranslateUi();

    const QFontMetrics fm = fontMetrics();
    // 170 average characters by 46 lines, but never more than most of the screen (CJK fonts are wide).
    const QSize preferred(fm.averageCharWidth() * 170, fm.height() * 46);
    resize(screen() != nullptr ? preferred.boundedTo(screen()->availableGeometry().size() * 0.9) : preferred);
    QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    m_needsInitialLayout = !restoreState(settings.value(stateKey).toByteArray());
    if (!m_splitter->restoreState(settings.value(splitterKey).toByteArray()))
        m_splitter->setSizes({fm.averageCharWidth() * 48, fm.averageCharWidth() * 120});

    connect(m_jobs, &flows::JobQueue::busyChanged, m_busyBar, &QProgressBar::setVisible);
    m_stack->setCurrentWidget(m_welcomePage);
    m_splitter->widget(0)->hide();   // the tree appears with the first workspace
}

MainWindow::~MainWindow()
{
    // Stop the workers before the pages they report to go away.
    m_jobs->cancelAll();
    delete m_jobs;
    // The Argo CD sessions' watch streams are replies of m_http, which was made first and so would go first.
    m_healthPage->setWatch(nullptr);
    m_servicePage->setArgoApplication(nullptr, {});
    qDeleteAll(findChildren<flows::ArgoSession *>(Qt::FindDirectChildrenOnly));
    m_argoSession = nullptr;
}

void MainWindow::createWidgets()
{
    m_treeModel = new ProjectTreeModel(this);
    m_treeFilter = new ProjectTreeFilter(this);
    m_treeFilter->setSourceModel(m_treeModel);

    auto *left = new QWidget(this);
    left->setObjectName(u"browserPanel"_s);
    m_filterEdit = new QLineEdit(left);
    m_filterEdit->setObjectName(u"treeFilter"_s);
    m_filterEdit->setClearButtonEnabled(true);
    m_tree = new QTreeView(left);
    m_tree->setObjectName(u"projectTree"_s);
    m_tree->setHeader(new PaddedHeaderView(Qt::Horizontal, m_tree));
    m_tree->setModel(m_treeFilter);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ProjectTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(ProjectTreeModel::GaTagColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(ProjectTreeModel::CanaryTagColumn, QHeaderView::ResizeToContents);
    const int gap = fontMetrics().height() / 3;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(gap, gap, 0, gap);
    leftLayout->setSpacing(gap);
    leftLayout->addWidget(m_filterEdit);
    leftLayout->addWidget(m_tree, 1);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"pageStack"_s);
    m_welcomePage = new WelcomePage(m_stack);
    m_placeholderPage = new PlaceholderPage(m_stack);
    m_projectPage = new ProjectPage(m_stack);
    m_servicePage = new ServicePage(m_stack);
    for (QWidget *page : {static_cast<QWidget *>(m_welcomePage), static_cast<QWidget *>(m_placeholderPage),
                          static_cast<QWidget *>(m_projectPage), static_cast<QWidget *>(m_servicePage)})
        m_stack->addWidget(page);
    m_welcomePage->setRecentWorkspaces(recentWorkspaces());

    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    m_banner = new MessageBanner(central);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(gap, gap, gap, 0);
    centralLayout->setSpacing(gap);
    centralLayout->addWidget(m_banner);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_activityDock = new QDockWidget(this);
    m_activityDock->setObjectName(u"activityDock"_s);
    m_activityPanel = new ActivityPanel(m_jobs, m_activityDock);
    m_activityDock->setWidget(m_activityPanel);
    m_activityDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea | Qt::LeftDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);

    m_workspaceLabel = new QLabel(this);
    m_workspaceLabel->setObjectName(u"statusWorkspace"_s);
    m_refreshLabel = new QLabel(this);
    m_refreshLabel->setObjectName(u"statusRefresh"_s);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(u"statusBusy"_s);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(fontMetrics().averageCharWidth() * 14);
    m_busyBar->setMaximumHeight(fontMetrics().height());
    m_busyBar->hide();
    statusBar()->addWidget(m_workspaceLabel, 1);
    statusBar()->addPermanentWidget(m_busyBar);
    statusBar()->addPermanentWidget(m_refreshLabel);

    connect(m_filterEdit, &QLineEdit::textChanged, this, &MainWindow::onFilterChanged);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onTreeCurrentChanged);
    connect(m_servicePage, &ServicePage::filesRequested, this, &MainWindow::requestFiles);
    connect(m_servicePage, &ServicePage::editRequested, this,
            [this](const QString &project, const QString &service, const QString &environment) {
                if (OverlayEditorWindow *editor = editManifests(project, service, environment);
                    editor != nullptr && !m_servicePage->currentFile().isEmpty())
                    editor->showFile(m_servicePage->currentFile());
            });
    connect(m_projectPage, &ProjectPage::serviceActivated, this,
            [this](const QString &project, const QString &service, const QString &environment) {
                m_selection = {project, service, environment};
                restoreSelection();
            });
    connect(m_welcomePage, &WelcomePage::openRequested, this, &MainWindow::chooseWorkspaceFile);
    connect(m_welcomePage, &WelcomePage::recentRequested, this, &MainWindow::openWorkspace);
}

void MainWindow::createActions()
{
    m_newServiceAction = new QAction(this);
    m_newServiceAction->setObjectName(u"actionNewService"_s);
    m_newServiceAction->setShortcut(QKeySequence::New);
    m_newServiceAction->setEnabled(false);
    connect(m_newServiceAction, &QAction::triggered, this, [this] {
        const QString project = m_stack->currentWidget() == m_projectPage   ? m_projectPage->projectName()
                                : m_stack->currentWidget() == m_servicePage ? m_servicePage->projectName()
                                                                            : QString();
        m_newServices->start(project);
    });

    m_openAction = new QAction(this);
    m_openAction->setObjectName(u"actionOpenWorkspace"_s);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseWorkspaceFile);

    m_clearRecentAction = new QAction(this);
    m_clearRecentAction->setObjectName(u"actionClearRecent"_s);
    connect(m_clearRecentAction, &QAction::triggered, this, [this] {
        QSettings().remove(recentWorkspacesKey);
        updateRecentMenu();
        m_welcomePage->setRecentWorkspaces({});
    });

    m_quitAction = new QAction(this);
    m_quitAction->setObjectName(u"actionQuit"_s);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);

    m_refreshAction = new QAction(this);
    m_refreshAction->setObjectName(u"actionRefresh"_s);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refreshAction->setEnabled(false);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_findAction = new QAction(this);
    m_findAction->setObjectName(u"actionFind"_s);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });

    m_aboutAction = new QAction(this);
    m_aboutAction->setObjectName(u"actionAbout"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = new QAction(this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    const auto addLanguage = [this](Language language, const QString &objectName) {
        auto *action = new QAction(m_languageGroup);
        action->setObjectName(objectName);
        action->setCheckable(true);
        action->setData(int(language));
        connect(action, &QAction::triggered, this, [this, language] { setLanguage(language); });
        return action;
    };
    m_languageSystem = addLanguage(Language::System, u"actionLanguageSystem"_s);
    m_languageEnglish = addLanguage(Language::English, u"actionLanguageEnglish"_s);
    m_languageChinese = addLanguage(Language::ChineseSimplified, u"actionLanguageChinese"_s);
    // Language names are written in their own language, so a user can find theirs whatever is shown now.
    m_languageEnglish->setText(u"English"_s);
    m_languageChinese->setText(u"简体中文"_s);
    switch (storedLanguage()) {
    case Language::System:
        m_languageSystem->setChecked(true);
        break;
    case Language::English:
        m_languageEnglish->setChecked(true);
        break;
    case Language::ChineseSimplified:
        m_languageChinese->setChecked(true);
        break;
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_newServiceAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_recentMenu->setObjectName(u"menuRecent"_s);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_refreshAction);
    m_viewMenu->addAction(m_findAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_activityDock->toggleViewAction());
    m_viewMenu->addAction(m_healthDock->toggleViewAction());

    m_settingsMenu = menuBar()->addMenu(QString());
    m_languageMenu = m_settingsMenu->addMenu(QString());
    m_languageMenu->addAction(m_languageSystem);
    m_languageMenu->addSeparator();
    m_languageMenu->addAction(m_languageEnglish);
    m_languageMenu->addAction(m_languageChinese);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
    m_helpMenu->addAction(m_aboutQtAction);
    updateRecentMenu();
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_viewMenu->setTitle(tr("&View"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_newServiceAction->setText(tr("&New Service…"));
    m_newServiceAction->setStatusTip(tr("Create a service from the templates: review, commit, push, create its Argo CD "
                                        "Applications"));
    m_openAction->setText(tr("&Open Workspace…"));
    m_openAction->setStatusTip(tr("Open a workspace file (workspace.yaml)"));
    m_clearRecentAction->setText(tr("&Clear List"));
    m_quitAction->setText(tr("&Quit"));
    m_refreshAction->setText(tr("&Refresh"));
    m_refreshAction->setStatusTip(tr("Fetch every deployment repository again"));
    m_findAction->setText(tr("&Filter Tree"));
    m_aboutAction->setText(tr("&About GitOps Desk"));
    m_aboutQtAction->setText(tr("About &Qt"));
    m_languageSystem->setText(tr("System Language"));
    m_activityDock->setWindowTitle(tr("Activity"));
    m_healthDock->setWindowTitle(tr("Health Matrix"));
    m_activityDock->toggleViewAction()->setText(tr("&Activity Panel"));
    m_filterEdit->setPlaceholderText(tr("Filter by name or tag"));
    m_treeModel->retranslate();
    updateRecentMenu();
    updateStatusBar();
    updateWindowTitle();
    // The pages retranslate themselves; only the placeholder's sentence is chosen here.
    if (m_stack->currentWidget() == m_placeholderPage) {
        if (!m_loadingPath.isEmpty())
            m_placeholderPage->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(m_loadingPath)), true);
        else
            showSelection();
    }
}

void MainWindow::updateStatusBar()
{
    if (m_workspace) {
        m_workspaceLabel->setText(tr("Workspace: %1   ·   Projects: %2   ·   Service environments: %3")
                                      .arg(displayName(*m_workspace))
                                      .arg(m_workspace->catalog.projects.size())
                                      .arg(m_workspace->catalog.serviceEnvironmentCount()));
        m_workspaceLabel->setToolTip(QDir::toNativeSeparators(m_workspace->config.filePath));
        m_refreshLabel->setText(
            tr("Last refresh %1").arg(QLocale().toString(m_workspace->loadedAt.time(), QLocale::ShortFormat)));
        m_refreshLabel->setToolTip(QLocale().toString(m_workspace->loadedAt, QLocale::LongFormat));
    } else {
        m_workspaceLabel->setText(m_loadingPath.isEmpty()
                                      ? tr("No workspace open")
                                      : tr("Opening %1…").arg(QFileInfo(m_loadingPath).fileName()));
        m_workspaceLabel->setToolTip(QString());
        m_refreshLabel->clear();
    }
}

void MainWindow::updateWindowTitle()
{
    if (m_workspace)
        setWindowTitle(tr("%1 — GitOps Desk").arg(displayName(*m_workspace)));
    else
        setWindowTitle(tr("GitOps Desk"));
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentWorkspaces();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    if (!recent.isEmpty())
        m_recentMenu->addSeparator();
    m_recentMenu->addAction(m_clearRecentAction);
    m_clearRecentAction->setEnabled(!recent.isEmpty());
}

QStringList MainWindow::recentWorkspaces()
{
    QStringList existing;
    const QStringList stored = QSettings().value(recentWorkspacesKey).toStringList();
    for (const QString &path : stored) {
        if (QFileInfo::exists(path))
            existing.append(path);
    }
    return existing;
}

void MainWindow::rememberWorkspace(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(recentWorkspacesKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecent)
        recent.removeLast();
    settings.setValue(recentWorkspacesKey, recent);
    settings.setValue(lastWorkspaceKey, path);
    updateRecentMenu();
    m_welcomePage->setRecentWorkspaces(recentWorkspaces());
}

QString MainWindow::workspacePath() const
{
    return m_workspace ? m_workspace->config.filePath : QString();
}

void MainWindow::openWorkspace(const QString &path)
{
    startLoad(QFileInfo(path).absoluteFilePath(), false);
}

bool MainWindow::openLastWorkspace()
{
    const QString last = QSettings().value(lastWorkspaceKey).toString();
    if (last.isEmpty() || !QFileInfo::exists(last))
        return false;
    openWorkspace(last);
    return true;
}

void MainWindow::refresh()
{
    if (m_workspace)
        startLoad(m_workspace->config.filePath, true);
}

void MainWindow::startLoad(const QString &path, bool isRefresh)
{
    if (m_loadJob != 0)
        m_jobs->cancel(m_loadJob);
    const int generation = ++m_loadGeneration;
    m_loadingPath = path;
    const bool sameWorkspace = m_workspace && m_workspace->config.filePath == path;
    if (!sameWorkspace) {
        m_placeholderPage->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(path)), true);
        m_stack->setCurrentWidget(m_placeholderPage);
    }
    updateStatusBar();

    const QString name = sameWorkspace ? displayName(*m_workspace) : QFileInfo(path).fileName();
    const QString title = isRefresh ? tr("Refresh workspace %1").arg(name) : tr("Open workspace %1").arg(name);
    const QString reading = tr("Reading %1").arg(QDir::toNativeSeparators(path));
    m_loadJob = m_jobs->submitFor<ws::WorkspaceConfig>(
        u"workspace:"_s + path, tr("Read the workspace file %1").arg(QFileInfo(path).fileName()),
        [path, reading](flows::JobContext &context) {
            context.setStatus(reading);
            return ws::WorkspaceConfig::load(path);
        },
        this, [this, generation, path, title](Result<ws::WorkspaceConfig> config) {
            if (generation != m_loadGeneration)
                return;
            if (!config.ok()) {
                onLoaded(generation, path, config.error());
                return;
            }
            const ws::WorkspaceConfig read = *config;
            // A refresh of an unchanged workspace file keeps its signed-in provider (no keychain read, no prompt).
            if (m_workspace && m_workspace->provider && m_workspace->config.filePath == read.filePath
                && m_workspace->config.toYaml() == read.toYaml()) {
                onProviderOpened(generation, path, title, read, m_workspace->provider);
                return;
            }
            flows::openRepoProvider(read, m_credentials, this,
                                    [this, generation, path, title, read](Result<flows::SharedRepoProvider> provider) {
                                        onProviderOpened(generation, path, title, read, std::move(provider));
                                    });
        });
}

void MainWindow::onProviderOpened(int generation, const QString &path, const QString &title,
                                  const ws::WorkspaceConfig &config, Result<flows::SharedRepoProvider> provider)
{
    if (generation != m_loadGeneration)
        return;
    if (!provider.ok()) {
        if (provider.error().code == Error::Code::Auth && config.provider == ws::WorkspaceConfig::ProviderType::GitLab) {
            askGitLabToken(generation, path, title, config, provider.error().message);
            return;
        }
        onLoaded(generation, path, provider.error());
        return;
    }
    std::shared_ptr<git::RepoCache> cache = m_cache;
    flows::SharedRepoProvider opened = *provider;
    m_loadJob = m_jobs->submitFor<flows::LoadedWorkspace>(
        u"workspace:"_s + path, title,
        [cache, config, opened](flows::JobContext &context) {
            return flows::loadWorkspace(config, opened, *cache, context, true);
        },
        this, [this, generation, path](Result<flows::LoadedWorkspace> result) {
            onLoaded(generation, path, std::move(result));
        });
}

void MainWindow::askGitLabToken(int generation, const QString &path, const QString &title,
                                const ws::WorkspaceConfig &config, const QString &reason)
{
    const QString server = flows::gitlabTokenKey(config);
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"gitlabTokenDialog"_s);
    dialog->setWindowTitle(tr("Sign In to GitLab"));
    dialog->setLabelText(reason + u"\n\n"_s
                         + tr("Enter an access token for %1 with the api and write_repository scopes. It is kept in "
                              "the system keychain.")
                               .arg(server));
    dialog->setTextEchoMode(QLineEdit::Password);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, generation, path, title, config, server](const QString &text) {
                const QString token = text.trimmed();
                auto provider = net::createRepoProvider(config, token);
                if (!provider.ok()) {
                    onLoaded(generation, path, provider.error());
                    return;
                }
                if (m_credentials != nullptr) {
                    m_credentials->writeToken(server, token, this, [this](Result<void> stored) {
                        if (stored.ok())
                            return;
                        // Said once the workspace is open (loading clears its own messages first).
                        m_pendingNotice = tr("The GitLab token could not be kept in the system keychain, so it will "
                                             "be asked for again next time: %1")
                                              .arg(stored.error().message);
                        if (m_loadJob == 0)
                            showPendingNotice();
                    });
                }
                onProviderOpened(generation, path, title, config, flows::SharedRepoProvider(std::move(*provider)));
            });
    connect(dialog, &QDialog::rejected, this, [this, generation, path, reason] {
        onLoaded(generation, path, makeError(Error::Code::Auth, reason));
    });
    dialog->open();
}

void MainWindow::onLoaded(int generation, const QString &path, Result<flows::LoadedWorkspace> result)
{
    if (generation != m_loadGeneration)
        return;   // a newer open or refresh superseded this one
    m_loadJob = 0;
    m_loadingPath.clear();
    if (!result.ok()) {
        if (result.error().code != Error::Code::Cancelled) {
            const QString detail = result.error().detail.isEmpty()
                                       ? QDir::toNativeSeparators(path)
                                       : result.error().detail + u'\n' + QDir::toNativeSeparators(path);
            m_banner->showMessage(MessageBanner::Kind::Error, result.error().message, detail);
            m_bannerFromLoad = true;
        }
        if (!m_workspace)
            m_stack->setCurrentWidget(m_welcomePage);
        else
            showSelection();
        updateStatusBar();
        Q_EMIT workspaceFailed(result.error().message);
        return;
    }

    const bool otherWorkspace = !m_workspace || m_workspace->config.filePath != path;
    if (otherWorkspace) {
        m_selection = {};
        const QSignalBlocker blocker(m_filterEdit);
        m_filterEdit->clear();
        m_treeFilter->setFilterText(QString());
    }
    m_workspace = std::make_shared<const flows::LoadedWorkspace>(std::move(result).value());
    // The reset clears the current index; restoreSelection() puts it back.
    m_restoringSelection = true;
    m_treeModel->setCatalog(std::shared_ptr<const ws::CatalogSnapshot>(m_workspace, &m_workspace->catalog));
    m_restoringSelection = false;
    if (m_filterEdit->text().trimmed().isEmpty())
        m_tree->expandToDepth(0);
    else
        m_tree->expandAll();
    m_refreshAction->setEnabled(true);
    m_splitter->widget(0)->show();
    rememberWorkspace(path);

    int unreadable = 0;
    int fromCache = 0;
    for (const ws::ProjectInfo &project : m_workspace->catalog.projects) {
        if (project.fromCache)
            ++fromCache;
        else if (!project.problem.isEmpty())
            ++unreadable;
    }
    if (fromCache > 0 && unreadable == 0) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("%n project(s) could not be fetched and are shown from their cached copies. Select "
                                 "a project marked with a warning sign to see how old its copy is and why.",
                                 nullptr, fromCache));
        m_bannerFromLoad = true;
    } else if (unreadable + fromCache > 0) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Some projects could not be read completely (%1). Select a project marked "
                                 "with a warning sign to see why.")
                                  .arg(unreadable + fromCache));
        m_bannerFromLoad = true;
    } else if (m_bannerFromLoad || otherWorkspace) {
        // Only what loading said goes away; the outcome of a release or a new service stays readable.
        m_banner->clearMessage();
        m_bannerFromLoad = false;
    }

    showPendingNotice();
    restoreSelection();
    updateStatusBar();
    updateWindowTitle();
    m_healthPage->setCatalog(m_workspace->catalog, m_workspace->config);
    m_releases->setWorkspace(m_workspace);
    m_newServices->setWorkspace(m_workspace);
    m_newServiceAction->setEnabled(true);
    offerRecovery();
    for (const ws::ProjectInfo &project : m_workspace->catalog.projects)
        m_healthPage->model()->setLastChanges(project.name, m_workspace->recentChanges.value(project.name));
    if (otherWorkspace)
        startArgoSession();
    Q_EMIT workspaceLoaded();
}

void MainWindow::restoreSelection()
{
    const QModelIndex source =
        m_treeModel->findIndex(m_selection.project, m_selection.service, m_selection.environment);
    QModelIndex proxy = m_treeFilter->mapFromSource(source);
    if (!proxy.isValid() && !m_selection.environment.isEmpty())
        proxy = m_treeFilter->mapFromSource(m_treeModel->findIndex(m_selection.project, m_selection.service));
    m_restoringSelection = true;
    if (proxy.isValid()) {
        m_tree->setCurrentIndex(proxy);
        m_tree->scrollTo(proxy);
    } else {
        m_tree->selectionModel()->clear();
    }
    m_restoringSelection = false;
    showSelection();
}

void MainWindow::onTreeCurrentChanged()
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid() || m_restoringSelection)
        return;
    m_selection.project = index.data(ProjectNameRole).toString();
    m_selection.service = index.data(ServiceNameRole).toString();
    m_selection.environment = index.data(EnvironmentNameRole).toString();
    showSelection();
}

void MainWindow::showSelection()
{
    if (!m_workspace) {
        if (m_stack->currentWidget() != m_welcomePage && m_loadingPath.isEmpty())
            m_stack->setCurrentWidget(m_welcomePage);
        return;
    }
    const ws::CatalogSnapshot &catalog = m_workspace->catalog;
    const ws::ProjectInfo *project = catalog.project(m_selection.project);
    if (project == nullptr) {
        if (catalog.projects.empty())
            m_placeholderPage->setText(tr("This workspace has no projects yet."), false);
        else
            m_placeholderPage->setText(tr("Select a project or a service on the left."), false);
        m_stack->setCurrentWidget(m_placeholderPage);
        return;
    }
    const ws::ServiceInfo *service = catalog.service(m_selection.project, m_selection.service);
    if (service == nullptr) {
        QStringList order;
        for (const ws::EnvironmentConfig &env : m_workspace->config.environments)
            order.append(env.name);
        m_projectPage->setProject(*project, order);
        m_stack->setCurrentWidget(m_projectPage);
        return;
    }
    m_servicePage->setService(*project, *service, m_selection.environment);
    m_stack->setCurrentWidget(m_servicePage);
}

void MainWindow::requestFiles(const QString &projectName, const QString &folder)
{
    if (!m_workspace)
        return;
    const ws::ProjectInfo *project = m_workspace->catalog.project(projectName);
    if (project == nullptr)
        return;
    if (m_servicePage->serviceName() == m_selection.service && m_servicePage->projectName() == m_selection.project)
        m_selection.environment = m_servicePage->currentEnvironment();
    std::shared_ptr<const flows::LoadedWorkspace> workspace = m_workspace;
    std::shared_ptr<git::RepoCache> cache = m_cache;
    const QString title =
        tr("Read manifests of %1 in %2").arg(m_servicePage->serviceName(), m_servicePage->currentEnvironment());
    const QString status = tr("Reading %1").arg(folder);
    m_jobs->submitFor<flows::EnvironmentFiles>(
        project->repoUrl, title,
        [workspace, cache, projectName, folder, status](flows::JobContext &context) {
            context.setStatus(status);
            return flows::readEnvironmentFiles(workspace->config, *workspace->provider, *cache, projectName, folder,
                                               context.cancelFlag());
        },
        m_servicePage, [this, projectName, folder](Result<flows::EnvironmentFiles> files) {
            m_servicePage->showFiles(projectName, folder, files);
        });
}

OverlayEditorWindow *MainWindow::editManifests(const QString &project, const QString &service,
                                               const QString &environment, const QString &file,
                                               const QByteArray &recovered)
{
    if (!m_workspace)
        return nullptr;
    const QString key = project + u'/' + service + u'/' + environment;
    OverlayEditorWindow *editor = m_editors.value(key);
    if (editor == nullptr) {
        auto *session = new flows::OverlayEditSession(
            *m_jobs, m_cache, flows::OverlayEditSession::Target{m_workspace->config, m_workspace->provider, project,
                                                                  service, environment});
        editor = new OverlayEditorWindow(session, m_autosave.get(), m_workspace->config.filePath, this);
        connect(editor, &OverlayEditorWindow::committed, this, &MainWindow::refresh);
        m_editors.insert(key, editor);
    }
    if (!file.isEmpty() && !recovered.isEmpty())
        editor->recover(file, recovered);
    editor->show();
    editor->raise();
    editor->activateWindow();
    return editor;
}

void MainWindow::offerRecovery()
{
    if (!m_workspace || m_recoveryOffered == m_workspace->config.filePath)
        return;
    m_recoveryOffered = m_workspace->config.filePath;
    const std::vector<ws::AutosaveEntry> entries = m_autosave->entries(m_workspace->config.filePath);
    if (entries.empty())
        return;
    QStringList files;
    for (const ws::AutosaveEntry &entry : entries)
        files.append(u"%1: %2 (%3)"_s.arg(entry.project, entry.path,
                                          QLocale().toString(entry.savedAt.toLocalTime(), QLocale::ShortFormat)));
    auto *question = new QMessageBox(QMessageBox::Question, tr("Recover Unsaved Edits?"),
                                     tr("GitOps Desk closed before these edits were saved:\n\n%1\n\nOpen them in "
                                        "the editor again?")
                                         .arg(files.join(u'\n')),
                                     QMessageBox::Open | QMessageBox::Discard, this);
    question->setObjectName(u"recoveryQuestion"_s);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, entries] {
        const bool open = question->clickedButton() == question->button(QMessageBox::Open);
        for (const ws::AutosaveEntry &entry : entries) {
            const QStringList parts = entry.path.split(u'/');   // appsmanifests/SERVICE/ENV/FILE…
            if (!open || parts.size() < 4 || parts[0] != u"appsmanifests") {
                m_autosave->remove(entry.workspaceFile, entry.project, entry.path);
                continue;
            }
            editManifests(entry.project, parts[1], parts[2], parts.mid(3).join(u'/'), entry.content);
        }
    });
    question->open();
}

void MainWindow::onFilterChanged(const QString &text)
{
    m_treeFilter->setFilterText(text);
    if (text.trimmed().isEmpty()) {
        m_tree->collapseAll();
        m_tree->expandToDepth(0);
    } else {
        m_tree->expandAll();
    }
    if (m_tree->currentIndex().isValid())
        m_tree->scrollTo(m_tree->currentIndex());
}

void MainWindow::chooseWorkspaceFile()
{
    QString start = workspacePath();
    if (start.isEmpty() && !recentWorkspaces().isEmpty())
        start = recentWorkspaces().constFirst();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Workspace"), start.isEmpty() ? QDir::homePath() : QFileInfo(start).absolutePath(),
        tr("Workspace files (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::setLanguage(Language language)
{
    storeLanguage(language);
    applyLanguage(language);   // every widget gets LanguageChange and retranslates at once
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About GitOps Desk"),
        tr("<h3>GitOps Desk %1</h3>"
           "<p>A desktop console for releases with Argo CD, Kustomize overlays in Git and KubeSphere pipelines: "
           "see what each environment runs, release, promote and roll back with a reviewed Git commit.</p>"
           "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Each editor asks about its unsaved text first; one that is kept open keeps the app open.
    for (const QPointer<OverlayEditorWindow> &editor : std::as_const(m_editors)) {
        if (editor && !editor->close()) {
            event->ignore();
            return;
        }
    }
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.setValue(splitterKey, m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_needsInitialLayout) {
        m_needsInitialLayout = false;
        // Tall enough for the health matrix (tabbed with Activity) to show a few services with their badges.
        resizeDocks({m_activityDock}, {fontMetrics().height() * 20}, Qt::Vertical);
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

// ---- Releases (issue 5) ----------------------------------------------------------------------------------------

void MainWindow::createReleases()
{
    m_releases = new ReleaseController(this, *m_jobs, m_cache, *m_http, m_credentials, this);
    const auto current = [this](const QString &project, const QString &service, const QString &env) {
        return m_servicePage->projectName() == project && m_servicePage->serviceName() == service
               && m_servicePage->currentEnvironment() == env;
    };
    connect(m_servicePage, &ServicePage::releaseRequested, this,
            [this](const QString &project, const QString &service, const QString &env) {
                m_releases->release(project, service, env);
            });
    connect(m_servicePage->releaseGate(), &ReleaseGate::promoteRequested, this, [this] {
        m_releases->promote(m_servicePage->projectName(), m_servicePage->serviceName(),
                            m_servicePage->currentEnvironment());
    });
    connect(m_servicePage->releaseGate(), &ReleaseGate::abortRequested, this, [this] {
        m_releases->abort(m_servicePage->projectName(), m_servicePage->serviceName(),
                          m_servicePage->currentEnvironment());
    });
    const auto rollback = [this](const ws::ReleaseEntry &entry) {
        m_releases->rollback(m_servicePage->projectName(), m_servicePage->serviceName(),
                             m_servicePage->currentEnvironment(), entry);
    };
    connect(m_servicePage->releaseGate(), &ReleaseGate::rollbackRequested, this, rollback);
    connect(m_servicePage->releasePanel(), &ReleasePanel::rollbackRequested, this, rollback);
    connect(m_servicePage->releasePanel(), &ReleasePanel::historyRequested, this,
            [this](const QString &project, const QString &service, const QString &env) {
                m_releases->readHistory(project, service, env, m_servicePage,
                                        [this, project, service, env](Result<ReleaseTimeline> timeline) {
                                            showReleaseTimeline(project, service, env, timeline);
                                        });
            });
    connect(m_releases, &ReleaseController::busyChanged, this,
            [this, current](const QString &project, const QString &service, const QString &env, bool busy) {
                if (current(project, service, env)) {
                    m_servicePage->releaseGate()->setBusy(busy);
                    m_servicePage->releasePanel()->setBusy(busy);
                }
            });
    connect(m_releases, &ReleaseController::progress, this, &MainWindow::showProgress);
    connect(m_releases, &ReleaseController::finished, this, [this](bool ok, bool refused, const QString &sentence) {
        showOutcome(ok, refused, sentence);
        refresh();   // the tags, the gate and the history follow what landed
    });
}

void MainWindow::showProgress(const QString &sentence)
{
    if (sentence.isEmpty())
        statusBar()->clearMessage();
    else
        statusBar()->showMessage(sentence);
}

void MainWindow::showOutcome(bool ok, bool refused, const QString &sentence)
{
    const qsizetype newline = sentence.indexOf(u'\n');
    const MessageBanner::Kind kind = ok        ? MessageBanner::Kind::Information
                                     : refused ? MessageBanner::Kind::Warning
                                               : MessageBanner::Kind::Error;
    m_banner->showMessage(kind, sentence.left(newline), newline < 0 ? QString() : sentence.mid(newline + 1));
    m_bannerFromLoad = false;
}

void MainWindow::showPendingNotice()
{
    if (m_pendingNotice.isEmpty())
        return;
    m_banner->showMessage(MessageBanner::Kind::Warning, std::exchange(m_pendingNotice, QString()));
    m_bannerFromLoad = false;
}

// ---- New services (issue 6) ------------------------------------------------------------------------------------

void MainWindow::createNewServices()
{
    m_newServices = new NewServiceController(this, *m_jobs, m_cache, this);
    m_newServices->setObjectName(u"newServices"_s);
    connect(m_projectPage, &ProjectPage::newServiceRequested, this,
            [this](const QString &project) { m_newServices->start(project); });
    connect(m_servicePage, &ServicePage::wizardRequested, this,
            [this](const QString &project, const QString &service) { m_newServices->start(project, service); });
    connect(m_newServices, &NewServiceController::progress, this, &MainWindow::showProgress);
    connect(m_newServices, &NewServiceController::finished, this,
            [this](bool ok, bool refused, const QString &sentence, const QString &project, const QString &service) {
                showOutcome(ok, refused, sentence);
                if (project.isEmpty())
                    return;
                // Show what was scaffolded once the workspace is read again.
                if (!service.isEmpty())
                    m_selection = {project, service, {}};
                refresh();
            });
}

void MainWindow::showReleaseTimeline(const QString &project, const QString &service, const QString &env,
                                     const Result<ReleaseTimeline> &timeline)
{
    const int window = m_workspace ? m_workspace->config.rollbackWindowMinutes : 30;
    ReleasePanel *panel = m_servicePage->releasePanel();
    if (!timeline.ok()) {
        panel->setHistory(project, service, env, timeline.error());
        return;
    }
    panel->setHistory(project, service, env, timeline->entries);
    if (m_servicePage->projectName() == project && m_servicePage->serviceName() == service
        && m_servicePage->currentEnvironment() == env) {
        panel->model()->setOutcomes(timeline->outcomes, window);
        m_servicePage->releaseGate()->setHistory(timeline->entries, window);
    }
}

// ---- Live health (issue 3) -------------------------------------------------------------------------------------

void MainWindow::createHealthMatrix()
{
    m_http = new net::HttpClient(this);
    // One store for the application: a keychain job must outlive a closed window (libsecret calls back into it).
    static QPointer<net::CredentialStore> sharedCredentials;
    if (!sharedCredentials)
        sharedCredentials = new net::CredentialStore(QCoreApplication::instance());
    m_credentials = sharedCredentials;
    m_healthDock = new QDockWidget(this);
    m_healthDock->setObjectName(u"healthDock"_s);
    m_healthPage = new HealthMatrixPage(m_healthDock);
    m_healthDock->setWidget(m_healthPage);
    addDockWidget(Qt::BottomDockWidgetArea, m_healthDock);
    tabifyDockWidget(m_activityDock, m_healthDock);
    m_activityDock->raise();
    m_argoIndicator = new ArgoConnectionIndicator(this);
    m_argoIndicator->setObjectName(u"statusArgo"_s);
    m_argoIndicator->hide();
    statusBar()->addPermanentWidget(m_argoIndicator);
    connect(m_healthPage, &HealthMatrixPage::openService, this,
            [this](const QString &project, const QString &service, const QString &environment) {
                m_selection = {project, service, environment};
                restoreSelection();
            });
    connect(m_healthPage, &HealthMatrixPage::applicationDegraded, this, &MainWindow::notifyDegraded);
    connect(m_servicePage, &ServicePage::filesRequested, this, &MainWindow::updateArgoPanel);
    connect(m_servicePage->argoPanel(), &ArgoResourcePanel::failed, this,
            [this](const QString &message) { m_banner->showMessage(MessageBanner::Kind::Warning, message); });
}

void MainWindow::updateArgoPanel()
{
    if (!m_argoReady || !m_argoSession) {
        m_servicePage->setArgoApplication(nullptr, {});
        return;
    }
    const QString name = m_healthPage->model()
                             ->indexOf(m_servicePage->projectName(), m_servicePage->serviceName(),
                                       m_servicePage->currentEnvironment())
                             .data(MatrixAppNameRole)
                             .toString();
    m_servicePage->setArgoApplication(m_argoSession->client(), name);
}

void MainWindow::startArgoSession()
{
    m_healthPage->setWatch(nullptr);
    m_argoReady = false;
    updateArgoPanel();
    if (m_argoSession)
        m_argoSession->deleteLater();
    m_argoSession = nullptr;
    m_argoIndicator->setState(argo::ArgoWatch::State::Stopped);
    if (!m_workspace)
        return;
    m_argoSession = new flows::ArgoSession(m_workspace->config, *m_http, m_credentials, this);
    if (!m_argoSession->isConfigured()) {
        m_argoIndicator->hide();
        return;
    }
    m_argoIndicator->show();
    m_argoIndicator->setState(argo::ArgoWatch::State::Connecting);
    flows::ArgoSession *session = m_argoSession;
    connect(session, &flows::ArgoSession::ready, this, [this, session] {
        if (session != m_argoSession)
            return;
        m_argoIndicator->setServer(session->serverLabel());
        argo::ArgoWatch *watch = session->watch();
        connect(watch, &argo::ArgoWatch::stateChanged, m_argoIndicator,
                [this](argo::ArgoWatch::State state, const QString &message) {
                    m_argoIndicator->setState(state, message);
                });
        m_healthPage->setWatch(watch);
        m_argoReady = true;
        m_newServices->setArgo(session->client());
        m_releases->setArgo(session->client(), [this](const QString &project, const QString &service,
                                                       const QString &env) {
            return m_healthPage->model()->indexOf(project, service, env).data(MatrixAppNameRole).toString();
        });
        // Live status is what a release manager opens the window for: bring its tab to the front.
        if (!m_healthDock->isHidden())
            m_healthDock->raise();
        // The first list names the Applications: then the service page can show its live resources.
        connect(watch, &argo::ArgoWatch::listed, this, &MainWindow::updateArgoPanel);
        watch->start();
    });
    connect(session, &flows::ArgoSession::failed, this, [this, session](const QString &sentence) {
        if (session != m_argoSession)
            return;
        m_argoIndicator->setState(argo::ArgoWatch::State::Stopped, sentence);
        m_banner->showMessage(MessageBanner::Kind::Warning, sentence);
    });
    connect(session, &flows::ArgoSession::credentialsNeeded, this, [this, session](const QString &reason) {
        if (session != m_argoSession)
            return;
        m_argoIndicator->setState(argo::ArgoWatch::State::Unauthorized, reason);
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Live health needs an Argo CD login: %1 Log in with the argocd CLI or store a "
                                 "token, then refresh the workspace.")
                                  .arg(reason));
        askArgoLogin(session, reason);
    });
    session->connectToServer();
}

void MainWindow::askArgoLogin(flows::ArgoSession *session, const QString &reason)
{
    // One dialog at a time: a burst of 401 answers must not stack them. open() keeps the event loop running.
    if (m_loginDialog)
        return;
    m_loginDialog = new ArgoLoginDialog(session->serverLabel(), reason, this);
    m_loginDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_loginDialog, &QDialog::accepted, session, [this, session] {
        if (session != m_argoSession)
            return;
        if (m_loginDialog->usesToken())
            session->useToken(m_loginDialog->token());
        else
            session->logIn(m_loginDialog->username(), m_loginDialog->password());
    });
    m_loginDialog->open();
}

void MainWindow::notifyDegraded(const QString &title, const QString &message)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_trayIcon) {
            m_trayIcon = new QSystemTrayIcon(windowIcon(), this);
            m_trayIcon->setToolTip(QApplication::applicationDisplayName());
            m_trayIcon->show();
        }
        m_trayIcon->showMessage(title, message, QSystemTrayIcon::Warning);
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Warning, title + u". "_s + message);
}

} // namespace gd::ui
