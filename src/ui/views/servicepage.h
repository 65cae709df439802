// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flows/workspaceload.h"
#include "util/result.h"
#include "workspace/catalog.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;

namespace gd::argo {
class ArgoClient;
}

namespace gd::ui {

class ArgoResourcePanel;
class ReleaseGate;
class ReleasePanel;
class FittedTableView;
class ServiceEnvironmentModel;

/// One service: each environment's stage, GA tag, canary tag and image, and the manifest files of the selected
/// environment (read-only) as the branch tip has them. The files are read elsewhere (on a worker): the page
/// asks with filesRequested() and shows what showFiles() brings. GUI thread.
class ServicePage : public QWidget {
    Q_OBJECT

public:
    explicit ServicePage(QWidget *parent = nullptr);

    /// Shows `service` of `project` with `environment` selected (empty: keep the selected one when the service
    /// has it, else the first) and asks for that environment's files.
    void setService(const ws::ProjectInfo &project, const ws::ServiceInfo &service,
                    const QString &environment = {});
    /// Selects environment `name` (the first one when it is absent) and asks for its files.
    void selectEnvironment(const QString &name);

    QString projectName() const { return m_project; }
    QString serviceName() const;
    QString currentEnvironment() const;
    /// The relative path of the file shown, empty when none.
    QString currentFile() const;
    /// Relative paths of the files listed for the current environment (empty while they are read).
    QStringList files() const;
    /// Shows the file at relative `path`; false when it is not listed.
    bool selectFile(const QString &path);
    ServiceEnvironmentModel *environmentModel() const { return m_model; }

    /// Shows the live resources of Argo CD application `name` under the files (hidden for a null client or an
    /// empty name); nothing reloads when the same application is shown again.
    void setArgoApplication(argo::ArgoClient *client, const QString &name);
    ArgoResourcePanel *argoPanel() const { return m_argoPanel; }
    ReleaseGate *releaseGate() const { return m_releaseGate; }
    ReleasePanel *releasePanel() const { return m_releasePanel; }

    /// Shows the files read for `folder` of `project`; ignored when the page moved on meanwhile.
    void showFiles(const QString &project, const QString &folder, const Result<flows::EnvironmentFiles> &files);

Q_SIGNALS:
    /// The page needs the files below `folder` of `project`'s repo (the environment just selected).
    void filesRequested(const QString &project, const QString &folder);
    /// The user wants to release a tag to `environment` (Release…).
    void releaseRequested(const QString &project, const QString &service, const QString &environment);
    /// The user wants to edit the manifests of `service` in `environment` (Edit Manifests…).
    void editRequested(const QString &project, const QString &service, const QString &environment);
    /// The user wants to run the New Service wizard again for this service (Run Wizard Again…).
    void wizardRequested(const QString &project, const QString &service);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onEnvironmentChanged();
    void showFile(QTreeWidgetItem *item);
    void updateHeader();

    QString m_project;
    QString m_repoUrl;
    QString m_folder;            ///< the folder whose files are shown or awaited
    QString m_preferredFile;     ///< kept when switching environments
    bool m_filesPending = false;
    QString m_filesError;
    flows::EnvironmentFiles m_files;

    ServiceEnvironmentModel *m_model;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_environmentsHeading;
    FittedTableView *m_table;
    QLabel *m_filesHeading;
    QPushButton *m_editButton;
    QPushButton *m_releaseButton;
    QPushButton *m_wizardButton;
    ReleaseGate *m_releaseGate;
    QTabWidget *m_tabs;
    ReleasePanel *m_releasePanel;
    QLabel *m_filesState;
    QSplitter *m_splitter;
    QTreeWidget *m_fileTree;
    QPlainTextEdit *m_fileView;
    ArgoResourcePanel *m_argoPanel = nullptr;   ///< live health (issue 3)
};

} // namespace gd::ui
