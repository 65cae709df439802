// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "manifest/diagnostic.h"
#include "workspace/overlaycheck.h"
#include "workspace/overlayreview.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <optional>

class QAction;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
class QWidget;

namespace gd::flows {
class OverlayEditSession;
}
namespace gd::ws {
class AutosaveStore;
}

namespace gd::ui {

class FindBar;
class MessageBanner;
class ProblemList;
class ReviewDialog;
class YamlEditor;

/// The manifest editor of one service environment: the environment's files in its working copy, a YAML editor
/// with live diagnostics (listed in the Problems panel, each jumping to its line), the rendered preview that follows
/// the edits, text-preserving helpers, and Review and Commit. Unsaved text is kept aside (autosave) until it is saved
/// or discarded. GUI thread; all work happens in the session it is given.
class OverlayEditorWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Takes `session` (reparented to the window) and opens it. `workspaceFile` names the autosave entries.
    OverlayEditorWindow(flows::OverlayEditSession *session, ws::AutosaveStore *autosave, QString workspaceFile,
                        QWidget *parent = nullptr);
    ~OverlayEditorWindow() override;

    flows::OverlayEditSession *session() const { return m_session; }
    /// The file shown, relative to the environment folder.
    QString currentFile() const { return m_currentFile; }
    /// Shows `file` (saving the shown one first when it was changed); false when it is not in the folder.
    bool openFile(const QString &file);
    /// Shows `file` now, or once the files are read.
    void showFile(const QString &file);
    /// Puts recovered text into `file` once the files are read (it counts as unsaved).
    void recover(const QString &file, const QByteArray &content);
    YamlEditor *editor() const { return m_editor; }
    /// The problems listed now (current file's live findings, then the other files' from the last build).
    std::vector<ws::Finding> problems() const { return m_problems; }
    bool isModified() const;

    /// Saves the shown file to the working copy.
    void save();
    /// Saves, then asks for the review; the review dialog opens when it is ready.
    void reviewAndCommit();

Q_SIGNALS:
    /// A change landed on the branch (the workspace should be refreshed).
    void committed(const QString &commitId);
    /// The review dialog opened (tests drive it).
    void reviewOpened(gd::ui::ReviewDialog *dialog);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createWidgets();
    void retranslateUi();
    void onOpened();
    void onTextChanged();
    void onDiagnostics(const QString &file, const manifest::Diagnostics &diagnostics);
    void onFolderChecked(const QString &file, const ws::ValidationReport &report);
    void onReviewReady(const ws::OverlayReview &review);
    void showProblems();
    QTreeWidgetItem *fileItem(const QString &file) const;
    void jumpTo(const QString &file, int line, int column);
    void updateHelpers();
    void updateTitle();
    void replaceText(const QByteArray &text);
    void applyHelper(const Result<QByteArray> &edited);
    void addKeyValue(bool environmentVariable);
    void autosaveNow();

    flows::OverlayEditSession *m_session;
    ws::AutosaveStore *m_autosave;
    QString m_workspaceFile;
    QString m_currentFile;
    bool m_loading = false;            ///< the editor's text is being set by the window, not typed
    bool m_reviewPending = false;      ///< review asked for once the save is done
    std::optional<std::pair<QString, QByteArray>> m_recovered;

    manifest::Diagnostics m_quick;     ///< the current file's live findings
    ws::ValidationReport m_build;      ///< the last build check of the folder
    std::vector<ws::Finding> m_problems;
    QTimer m_autosaveTimer;

    MessageBanner *m_banner;
    QTreeWidget *m_fileList;
    YamlEditor *m_editor;
    FindBar *m_findBar;
    ProblemList *m_problemList;
    YamlEditor *m_preview;
    QLabel *m_previewState;
    QLabel *m_cursorLabel;
    QDockWidget *m_problemDock;
    QDockWidget *m_previewDock;

    QAction *m_saveAction = nullptr;
    QAction *m_reviewAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_replaceAction = nullptr;
    QAction *m_autoscalerAction = nullptr;
    QAction *m_selfHealAction = nullptr;
    QAction *m_addEnvAction = nullptr;
    QAction *m_addLabelAction = nullptr;
    QAction *m_closeAction = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_helpersMenu = nullptr;
    QPointer<ReviewDialog> m_reviewDialog;
};

} // namespace gd::ui
