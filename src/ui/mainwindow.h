// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flows/workspaceload.h"
#include "ui/language.h"

#include <QMainWindow>
#include <QHash>
#include <QPointer>

#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QSystemTrayIcon;
class QTreeView;

namespace gd::git {
class RepoCache;
}
namespace gd::flows {
class ArgoSession;
class JobQueue;
}
namespace gd::ws {
class AutosaveStore;
}
namespace gd::net {
class CredentialStore;
class HttpClient;
}

namespace gd::ui {

class ActivityPanel;
class ArgoConnectionIndicator;
class HealthMatrixPage;
class ArgoLoginDialog;
class MessageBanner;
class OverlayEditorWindow;
class NewServiceController;
class ReleaseController;
struct ReleaseTimeline;
class PlaceholderPage;
class ProjectPage;
class ProjectTreeFilter;
class ProjectTreeModel;
class ServicePage;
class WelcomePage;

/// The main window: the workspace tree (projects → services → environments) with a filter on the left, the
/// selected project or service on the right, background jobs in the Activity panel, workspace and last refresh
/// in the status bar. All git work runs on the job queue's workers; the window only shows results. GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the workspace file at `path` in the background (read the file, fetch and read every project);
    /// the window shows it when loaded, or the error sentence in a message strip. Remembered as the last one.
    void openWorkspace(const QString &path);
    /// Opens the workspace used last (QSettings); false when there is none or its file is gone.
    bool openLastWorkspace();
    /// Fetches the current workspace again and shows what changed, keeping the selection.
    void refresh();

    /// The file of the workspace shown (empty before one loaded).
    QString workspacePath() const;
    /// The workspace shown, or null.
    std::shared_ptr<const flows::LoadedWorkspace> workspace() const { return m_workspace; }
    flows::JobQueue *jobQueue() const { return m_jobs; }

    /// Opens (or raises) the manifest editor of `service` in `environment`; `recovered` text, when given, replaces
    /// the working copy's version of `file` as unsaved edits. Null before a workspace is loaded.
    OverlayEditorWindow *editManifests(const QString &project, const QString &service, const QString &environment,
                                       const QString &file = {}, const QByteArray &recovered = {});

    /// Workspaces opened recently, newest first (only files that still exist).
    static QStringList recentWorkspaces();

Q_SIGNALS:
    /// A workspace was (re)loaded and the tree shows it.
    void workspaceLoaded();
    /// Opening or refreshing a workspace failed; the window shows `message`.
    void workspaceFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Selection {
        QString project;
        QString service;
        QString environment;
    };

    void createActions();
    void createMenus();
    void createWidgets();
    void retranslateUi();
    void updateStatusBar();
    void updateRecentMenu();
    void updateWindowTitle();

    void startLoad(const QString &path, bool isRefresh);
    void onLoaded(int generation, const QString &path, Result<flows::LoadedWorkspace> result);
    /// The workspace file is read and its provider signed in (or not): reads the catalog on a worker.
    void onProviderOpened(int generation, const QString &path, const QString &title, const ws::WorkspaceConfig &config,
                          Result<flows::SharedRepoProvider> provider);
    /// A GitLab workspace without a token: asks for one (kept in the keychain), then goes on loading.
    /// A running operation's step in the status bar (cleared when `sentence` is empty).
    void showProgress(const QString &sentence);
    /// How a release or a new service ended, in the banner: its first line, the rest as details.
    void showOutcome(bool ok, bool refused, const QString &sentence);
    /// Shows what was kept back while the workspace loaded (a token the keychain could not keep).
    void showPendingNotice();
    void askGitLabToken(int generation, const QString &path, const QString &title, const ws::WorkspaceConfig &config,
                        const QString &reason);
    void onTreeCurrentChanged();
    void showSelection();
    void restoreSelection();
    void requestFiles(const QString &project, const QString &folder);
    void onFilterChanged(const QString &text);
    void chooseWorkspaceFile();
    void setLanguage(Language language);
    void showAbout();
    void rememberWorkspace(const QString &path);
    /// Offers back the unsaved editor text an earlier session left (after a crash), once per workspace opened.
    void offerRecovery();

    flows::JobQueue *m_jobs;
    std::shared_ptr<git::RepoCache> m_cache;
    std::shared_ptr<const flows::LoadedWorkspace> m_workspace;
    Selection m_selection;
    QString m_loadingPath;
    int m_loadGeneration = 0;
    int m_loadJob = 0;
    QString m_pendingNotice;            ///< a warning to show once the workspace is open
    bool m_bannerFromLoad = false;      ///< the banner shows what loading said (cleared by the next load)
    bool m_restoringSelection = false;   ///< the tree's current index is being set from m_selection
    bool m_needsInitialLayout = false;   ///< no saved window state: size the docks on first show
    std::unique_ptr<ws::AutosaveStore> m_autosave;
    QHash<QString, QPointer<OverlayEditorWindow>> m_editors;   ///< "project/service/env" → its editor
    QString m_recoveryOffered;           ///< the workspace whose autosaved edits were offered back

    ProjectTreeModel *m_treeModel;
    ProjectTreeFilter *m_treeFilter;
    QLineEdit *m_filterEdit;
    QTreeView *m_tree;
    MessageBanner *m_banner;
    QSplitter *m_splitter;
    QStackedWidget *m_stack;
    WelcomePage *m_welcomePage;
    PlaceholderPage *m_placeholderPage;
    ProjectPage *m_projectPage;
    ServicePage *m_servicePage;
    QDockWidget *m_activityDock;
    ActivityPanel *m_activityPanel;
    QLabel *m_workspaceLabel;
    QLabel *m_refreshLabel;
    QProgressBar *m_busyBar;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_newServiceAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_clearRecentAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_languageSystem = nullptr;
    QAction *m_languageEnglish = nullptr;
    QAction *m_languageChinese = nullptr;

    // Releases (issue 5): the release, promote, abort and rollback journeys of the service page.
    void createReleases();
    void createNewServices();
    void showReleaseTimeline(const QString &project, const QString &service, const QString &env,
                             const Result<ReleaseTimeline> &timeline);
    ReleaseController *m_releases = nullptr;
    NewServiceController *m_newServices = nullptr;

    // Live health (issue 3): the matrix in a dock, fed by the workspace's Argo CD watch.
    void createHealthMatrix();
    void startArgoSession();
    void notifyDegraded(const QString &title, const QString &message);
    /// Asks for Argo CD credentials without blocking; what is typed goes to `session` (and on to the keychain).
    void askArgoLogin(flows::ArgoSession *session, const QString &reason);
    void updateArgoPanel();
    bool m_argoReady = false;
    QDockWidget *m_healthDock = nullptr;
    HealthMatrixPage *m_healthPage = nullptr;
    ArgoConnectionIndicator *m_argoIndicator = nullptr;
    net::HttpClient *m_http = nullptr;
    net::CredentialStore *m_credentials = nullptr;
    flows::ArgoSession *m_argoSession = nullptr;
    QSystemTrayIcon *m_trayIcon = nullptr;
    QPointer<ArgoLoginDialog> m_loginDialog;
};

} // namespace gd::ui
