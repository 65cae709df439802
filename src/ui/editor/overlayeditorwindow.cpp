// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/overlayeditorwindow.h"

#include "flows/overlayeditsession.h"
#include "manifest/overlayhelpers.h"
#include "ui/dialogs/keyvaluedialog.h"
#include "ui/dialogs/reviewdialog.h"
#include "ui/editor/findbar.h"
#include "ui/editor/yamleditor.h"
#include "ui/themedicons.h"
#include "ui/views/messagebanner.h"
#include "ui/views/problemlist.h"
#include "workspace/autosave.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTextBlock>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

constexpr int autosaveDelayMs = 2000;
constexpr int fileRole = Qt::UserRole + 1;

bool sameFinding(const manifest::Diagnostic &a, const manifest::Diagnostic &b)
{
    return a.line == b.line && a.column == b.column && a.message == b.message;
}

} // namespace

OverlayEditorWindow::OverlayEditorWindow(flows::OverlayEditSession *session, ws::AutosaveStore *autosave,
                                         QString workspaceFile, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_autosave(autosave), m_workspaceFile(std::move(workspaceFile)),
      m_banner(new MessageBanner(this)), m_fileList(new QTreeWidget(this)), m_editor(new YamlEditor(this)),
      m_findBar(new FindBar(m_editor, this)), m_problemList(new ProblemList(this)), m_preview(new YamlEditor(this)),
      m_previewState(new QLabel(this)),
      m_cursorLabel(new QLabel(this)), m_problemDock(new QDockWidget(this)), m_previewDock(new QDockWidget(this))
{
    setObjectName(u"overlayEditorWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowFlag(Qt::Window);   // its own window, also when the main window is its parent
    m_session->setParent(this);
    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(autosaveDelayMs);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &OverlayEditorWindow::autosaveNow);

    createActions();
    createWidgets();
    retranslateUi();

    connect(m_session, &flows::OverlayEditSession::opened, this, &OverlayEditorWindow::onOpened);
    connect(m_session, &flows::OverlayEditSession::repaired, this, [this](const QString &sentence, const QString &detail) {
        m_banner->showMessage(MessageBanner::Kind::Warning, sentence, detail);
    });
    connect(m_session, &flows::OverlayEditSession::diagnosticsReady, this, &OverlayEditorWindow::onDiagnostics);
    connect(m_session, &flows::OverlayEditSession::folderChecked, this, &OverlayEditorWindow::onFolderChecked);
    connect(m_session, &flows::OverlayEditSession::reviewReady, this, &OverlayEditorWindow::onReviewReady);
    connect(m_session, &flows::OverlayEditSession::saved, this, [this](const QString &file) {
        updateTitle();
        statusBar()->showMessage(tr("Saved %1 in the working copy.").arg(file), 4000);
        if (std::exchange(m_reviewPending, false))
            m_session->prepareReview();
    });
    connect(m_session, &flows::OverlayEditSession::committed, this,
            [this](const QString &sentence, const QString &commitId) {
                m_banner->showMessage(MessageBanner::Kind::Information, sentence);
                m_reviewAction->setEnabled(true);
                Q_EMIT committed(commitId);
            });
    connect(m_session, &flows::OverlayEditSession::saveFailed, this, [this](const QString &file) {
        if (file == m_currentFile)
            m_editor->document()->setModified(true);
    });
    connect(m_session, &flows::OverlayEditSession::failed, this, [this](const QString &sentence) {
        m_reviewPending = false;
        m_reviewAction->setEnabled(true);
        const qsizetype newline = sentence.indexOf(u'\n');
        m_banner->showMessage(MessageBanner::Kind::Error, sentence.left(newline),
                              newline < 0 ? QString() : sentence.mid(newline + 1));
    });
    m_session->open();
}

OverlayEditorWindow::~OverlayEditorWindow() = default;

void OverlayEditorWindow::createActions()
{
    const auto action = [this](const QString &objectName, const QKeySequence &shortcut, auto slot) {
        auto *a = new QAction(this);
        a->setObjectName(objectName);
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_saveAction = action(u"actionSave"_s, QKeySequence::Save, [this] { save(); });
    m_saveAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_reviewAction = action(u"actionReviewCommit"_s, QKeySequence(Qt::CTRL | Qt::Key_Return), [this] {
        reviewAndCommit();
    });
    m_reviewAction->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    m_undoAction = action(u"actionUndo"_s, QKeySequence::Undo, [this] { m_editor->undo(); });
    m_redoAction = action(u"actionRedo"_s, QKeySequence::Redo, [this] { m_editor->redo(); });
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);
    connect(m_editor, &QPlainTextEdit::undoAvailable, m_undoAction, &QAction::setEnabled);
    connect(m_editor, &QPlainTextEdit::redoAvailable, m_redoAction, &QAction::setEnabled);
    m_findAction = action(u"actionFind"_s, QKeySequence::Find, [this] { m_findBar->open(false); });
    m_replaceAction = action(u"actionReplace"_s, QKeySequence::Replace, [this] { m_findBar->open(true); });
    m_autoscalerAction = action(u"actionAutoscaler"_s, {}, [this](bool checked) {
        applyHelper(manifest::setAutoscalerManagesReplicas(m_editor->toPlainText().toUtf8(), checked));
    });
    m_autoscalerAction->setCheckable(true);
    m_selfHealAction = action(u"actionSelfHeal"_s, {}, [this](bool checked) {
        applyHelper(manifest::setSelfHeal(m_editor->toPlainText().toUtf8(), checked));
    });
    m_selfHealAction->setCheckable(true);
    m_addEnvAction = action(u"actionAddEnv"_s, {}, [this] { addKeyValue(true); });
    m_addLabelAction = action(u"actionAddLabel"_s, {}, [this] { addKeyValue(false); });
    m_closeAction = action(u"actionCloseEditor"_s, QKeySequence::Close, [this] { close(); });

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_saveAction);
    m_fileMenu->addAction(m_reviewAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_closeAction);
    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_findAction);
    m_editMenu->addAction(m_replaceAction);
    m_helpersMenu = menuBar()->addMenu(QString());
    m_helpersMenu->addAction(m_autoscalerAction);
    m_helpersMenu->addAction(m_selfHealAction);
    m_helpersMenu->addSeparator();
    m_helpersMenu->addAction(m_addEnvAction);
    m_helpersMenu->addAction(m_addLabelAction);

    auto *toolbar = addToolBar(QString());
    toolbar->setObjectName(u"editorToolbar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setMovable(false);
    toolbar->addAction(m_saveAction);
    toolbar->addAction(m_reviewAction);
    toolbar->addSeparator();
    toolbar->addAction(m_autoscalerAction);
    toolbar->addAction(m_selfHealAction);
    toolbar->addAction(m_addEnvAction);
    toolbar->addAction(m_addLabelAction);
}

void OverlayEditorWindow::createWidgets()
{
    m_fileList->setObjectName(u"editorFileList"_s);
    m_editor->setObjectName(u"manifestEditor"_s);
    m_preview->setObjectName(u"renderedPreview"_s);
    m_previewState->setObjectName(u"previewState"_s);
    m_banner->setObjectName(u"editorBanner"_s);
    m_problemDock->setObjectName(u"problemDock"_s);
    m_previewDock->setObjectName(u"previewDock"_s);

    connect(m_findBar, &FindBar::message, this, [this](const QString &text) { statusBar()->showMessage(text, 4000); });

    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editor);
    editorLayout->addWidget(m_findBar);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_fileList);
    splitter->addWidget(editorPane);
    splitter->setStretchFactor(1, 1);
    const int em = fontMetrics().averageCharWidth();
    m_fileList->setMinimumWidth(em * 34);
    splitter->setSizes({em * 38, em * 100});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    connect(m_problemList, &ProblemList::problemActivated, this, &OverlayEditorWindow::jumpTo);
    m_problemDock->setWidget(m_problemList);
    m_problemDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemDock);

    auto *previewPane = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(4, 4, 4, 4);
    m_previewState->setWordWrap(true);
    m_previewState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_previewState->setForegroundRole(QPalette::PlaceholderText);
    m_preview->setReadOnly(true);
    previewLayout->addWidget(m_previewState);
    previewLayout->addWidget(m_preview, 1);
    m_previewDock->setWidget(previewPane);
    m_previewDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, m_previewDock);
    resizeDocks({m_previewDock}, {460}, Qt::Horizontal);
    resizeDocks({m_problemDock}, {150}, Qt::Vertical);

    statusBar()->addPermanentWidget(m_cursorLabel);
    m_fileList->setHeaderHidden(true);
    m_fileList->setColumnCount(1);
    m_fileList->setUniformRowHeights(true);
    m_fileList->setIndentation(fontMetrics().height());
    connect(m_fileList, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const QString file = item != nullptr ? item->data(0, fileRole).toString() : QString();
        if (!file.isEmpty() && file != m_currentFile && !m_loading)
            openFile(file);
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, &OverlayEditorWindow::onTextChanged);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        const QTextCursor cursor = m_editor->textCursor();
        m_cursorLabel->setText(tr("Line %1, column %2").arg(cursor.blockNumber() + 1).arg(cursor.positionInBlock() + 1));
    });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &OverlayEditorWindow::updateTitle);
    m_editor->setEnabled(false);
    resize(1280, 820);
}

void OverlayEditorWindow::retranslateUi()
{
    m_saveAction->setText(tr("&Save"));
    m_saveAction->setToolTip(tr("Save the file in the working copy (nothing is committed yet)"));
    m_reviewAction->setText(tr("&Review and Commit…"));
    m_reviewAction->setToolTip(tr("See the file and rendered diffs, then commit and push"));
    m_undoAction->setText(tr("&Undo"));
    m_redoAction->setText(tr("&Redo"));
    m_findAction->setText(tr("&Find…"));
    m_replaceAction->setText(tr("Re&place…"));
    m_autoscalerAction->setText(tr("Autoscaler Manages Replicas"));
    m_autoscalerAction->setToolTip(tr("Comment out spec.replicas so that Argo CD does not fight the "
                                      "HorizontalPodAutoscaler (unchecked: restore it)"));
    m_selfHealAction->setText(tr("Self-Heal"));
    m_selfHealAction->setToolTip(tr("Let Argo CD undo changes made to the cluster by hand (syncPolicy.automated.selfHeal)"));
    m_addEnvAction->setText(tr("Add Environment Variable…"));
    m_addLabelAction->setText(tr("Add Label…"));
    m_closeAction->setText(tr("&Close"));
    m_fileMenu->setTitle(tr("&File"));
    m_editMenu->setTitle(tr("&Edit"));
    m_helpersMenu->setTitle(tr("&Helpers"));
    m_problemDock->setWindowTitle(tr("Problems"));
    m_previewDock->setWindowTitle(tr("Rendered Preview"));
    if (m_previewState->text().isEmpty() || !m_session->isOpen())
        m_previewState->setText(tr("The preview appears once the overlay is built."));
    updateTitle();
}

void OverlayEditorWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void OverlayEditorWindow::updateTitle()
{
    const auto &target = m_session->target();
    QString title = tr("%1 in %2 (%3) — Manifest Editor").arg(target.service, target.env, target.project);
    if (!m_currentFile.isEmpty())
        title = (isModified() ? u"● "_s : QString()) + m_currentFile + u" — "_s + title;
    setWindowTitle(title);
    if (QTreeWidgetItem *item = fileItem(m_currentFile)) {
        QFont font = item->font(0);
        font.setItalic(isModified());
        item->setFont(0, font);
    }
}

bool OverlayEditorWindow::isModified() const
{
    return m_editor->document()->isModified();
}

QTreeWidgetItem *OverlayEditorWindow::fileItem(const QString &file) const
{
    for (QTreeWidgetItemIterator it(m_fileList); *it != nullptr; ++it) {
        if ((*it)->data(0, fileRole).toString() == file)
            return *it;
    }
    return nullptr;
}

void OverlayEditorWindow::onOpened()
{
    m_loading = true;
    const QString keep = m_currentFile;
    m_fileList->clear();
    // A folder tree: the environment's own files, then manifests/ with base, canary, ga, … below it.
    QHash<QString, QTreeWidgetItem *> folders;
    const QIcon folderIcon = style()->standardIcon(QStyle::SP_DirIcon);
    const QIcon fileIcon = style()->standardIcon(QStyle::SP_FileIcon);
    const std::function<QTreeWidgetItem *(const QString &)> folderItem = [&](const QString &folder) {
        if (folder.isEmpty())
            return static_cast<QTreeWidgetItem *>(nullptr);
        if (QTreeWidgetItem *known = folders.value(folder))
            return known;
        const qsizetype slash = folder.lastIndexOf(u'/');
        QTreeWidgetItem *parent = folderItem(slash < 0 ? QString() : folder.left(slash));
        auto *item = parent != nullptr ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_fileList);
        item->setText(0, folder.mid(slash + 1));
        item->setIcon(0, folderIcon);
        item->setFlags(Qt::ItemIsEnabled);
        item->setExpanded(true);
        folders.insert(folder, item);
        return item;
    };
    for (const QString &file : m_session->files()) {
        const qsizetype slash = file.lastIndexOf(u'/');
        QTreeWidgetItem *parent = folderItem(slash < 0 ? QString() : file.left(slash));
        auto *item = parent != nullptr ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_fileList);
        item->setText(0, file.mid(slash + 1));
        item->setIcon(0, fileIcon);
        item->setToolTip(0, m_session->folder() + u'/' + file);
        item->setData(0, fileRole, file);
    }
    m_fileList->expandAll();
    m_loading = false;
    m_editor->setEnabled(true);
    QString first = keep;
    if (m_recovered && m_session->files().contains(m_recovered->first))
        first = m_recovered->first;
    if (!m_session->files().contains(first)) {
        // Start with the stable stage's kustomization: where releases and most edits happen.
        const QString ga = u"manifests/ga/kustomization.yaml"_s;
        first = m_session->files().contains(ga) ? ga : m_session->files().value(0);
    }
    m_currentFile.clear();
    if (!first.isEmpty())
        openFile(first);
}

bool OverlayEditorWindow::openFile(const QString &file)
{
    if (!m_session->files().contains(file))
        return false;
    if (!m_currentFile.isEmpty() && isModified())
        save();
    m_loading = true;
    m_currentFile = file;
    if (QTreeWidgetItem *item = fileItem(file))
        m_fileList->setCurrentItem(item);
    m_editor->setPlainText(QString::fromUtf8(m_session->savedContent(file)));
    m_editor->document()->setModified(false);
    m_quick.clear();
    if (m_recovered && m_recovered->first == file) {
        // Recovered text replaces the saved one as an ordinary (undoable) edit, so it counts as unsaved.
        QTextCursor cursor(m_editor->document());
        cursor.select(QTextCursor::Document);
        cursor.insertText(QString::fromUtf8(m_recovered->second));
        m_recovered.reset();
        m_banner->showMessage(MessageBanner::Kind::Information,
                              tr("Unsaved edits of %1 from an earlier session were recovered. Save them, or undo "
                                 "(Ctrl+Z) to go back to the working copy's version.")
                                  .arg(file));
    }
    m_loading = false;
    updateTitle();
    showProblems();
    m_session->check(file, m_editor->toPlainText().toUtf8());
    return true;
}

void OverlayEditorWindow::showFile(const QString &file)
{
    if (m_session->isOpen())
        openFile(file);
    else
        m_currentFile = file;   // onOpened() keeps it when the folder has it
}

void OverlayEditorWindow::recover(const QString &file, const QByteArray &content)
{
    m_recovered = std::make_pair(file, content);
    if (m_session->isOpen())
        openFile(file);
}

void OverlayEditorWindow::onTextChanged()
{
    if (m_loading || m_currentFile.isEmpty())
        return;
    m_session->check(m_currentFile, m_editor->toPlainText().toUtf8());
    m_autosaveTimer.start();
}

void OverlayEditorWindow::autosaveNow()
{
    if (m_currentFile.isEmpty() || !isModified())
        return;
    const auto kept = m_autosave->save(ws::AutosaveEntry{m_workspaceFile, m_session->target().project,
                                                         m_session->folder() + u'/' + m_currentFile,
                                                         m_editor->toPlainText().toUtf8(), {}});
    if (!kept.ok())
        statusBar()->showMessage(kept.error().message, 8000);
}

void OverlayEditorWindow::save()
{
    if (m_currentFile.isEmpty())
        return;
    m_session->save(m_currentFile, m_editor->toPlainText().toUtf8());
    // The save job outlives the window; the kept copy goes now (a failed save marks the text unsaved again).
    m_editor->document()->setModified(false);
    m_autosaveTimer.stop();
    m_autosave->remove(m_workspaceFile, m_session->target().project, m_session->folder() + u'/' + m_currentFile);
}

void OverlayEditorWindow::reviewAndCommit()
{
    if (m_currentFile.isEmpty())
        return;
    m_reviewAction->setEnabled(false);
    m_banner->clearMessage();
    statusBar()->showMessage(tr("Fetching the branch and building both overlays for the review…"));
    if (isModified()) {
        m_reviewPending = true;
        save();
    } else {
        m_session->prepareReview();
    }
}

void OverlayEditorWindow::onReviewReady(const ws::OverlayReview &review)
{
    statusBar()->clearMessage();
    m_reviewAction->setEnabled(true);
    auto *dialog = new ReviewDialog(review, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_reviewDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, review] {
        m_reviewAction->setEnabled(false);
        statusBar()->showMessage(tr("Committing and pushing…"));
        m_session->commit(review, dialog->commitMessage());
    });
    if (!review.conflicts().empty()) {
        connect(dialog, &QDialog::rejected, this, [this, review] {
            const ws::ReviewedFile *conflict = review.conflicts().front();
            const QString file = conflict->path.mid(m_session->folder().size() + 1);
            const auto answer = QMessageBox::question(
                this, tr("Start Again from the Remote Version?"),
                tr("%1 was changed on the remote since you started editing it. Start again from the remote "
                   "version? Your version of this file is thrown away.")
                    .arg(file),
                QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
            if (answer == QMessageBox::Discard)
                m_session->startOver(file);
        });
    }
    Q_EMIT reviewOpened(dialog);
    dialog->open();
}

void OverlayEditorWindow::onDiagnostics(const QString &file, const manifest::Diagnostics &diagnostics)
{
    if (file != m_currentFile)
        return;
    m_quick = diagnostics;
    showProblems();
    updateHelpers();
}

void OverlayEditorWindow::onFolderChecked(const QString &file, const ws::ValidationReport &report)
{
    if (file != m_currentFile)
        return;
    m_build = report;
    if (!report.rendered.isEmpty()) {
        const int scroll = m_preview->verticalScrollBar()->value();
        m_preview->setPlainText(QString::fromUtf8(report.rendered));
        m_preview->verticalScrollBar()->setValue(scroll);
        m_previewState->setText(tr("Built with kustomize from the text being edited."));
    } else if (report.hasErrors()) {
        m_previewState->setText(tr("The overlay does not build with this text; the Problems panel says why. The "
                                   "preview shows the last text that built."));
    }
    showProblems();
}

void OverlayEditorWindow::showProblems()
{
    // The current file: the live findings, plus what the last build of the same text found (a build error, an
    // images entry that matches nothing). Other files: the last build's findings.
    std::vector<ws::Finding> problems;
    for (const manifest::Diagnostic &d : m_quick)
        problems.push_back({m_currentFile, d});
    for (const ws::Finding &finding : m_build.findings) {
        const bool known = std::any_of(problems.begin(), problems.end(), [&](const ws::Finding &p) {
            return p.file == finding.file && sameFinding(p.diagnostic, finding.diagnostic);
        });
        if (!known && (finding.file != m_currentFile || finding.diagnostic.line == 0
                       || !finding.diagnostic.isError()))
            problems.push_back(finding);
    }
    std::stable_sort(problems.begin(), problems.end(), [](const ws::Finding &a, const ws::Finding &b) {
        return a.diagnostic.isError() && !b.diagnostic.isError();
    });
    m_problems = problems;

    m_problemList->setProblems(problems);
    manifest::Diagnostics here;
    for (const ws::Finding &finding : problems) {
        if (finding.file == m_currentFile && finding.diagnostic.line > 0)
            here.push_back(finding.diagnostic);
    }
    m_editor->setDiagnostics(here);
    const int errors = int(std::count_if(problems.begin(), problems.end(),
                                         [](const ws::Finding &f) { return f.diagnostic.isError(); }));
    m_problemDock->setWindowTitle(problems.empty()
                                      ? tr("Problems")
                                      : tr("Problems: %1, %2")
                                            .arg(tr("%n error(s)", nullptr, errors),
                                                 tr("%n warning(s)", nullptr, int(problems.size()) - errors)));
}

void OverlayEditorWindow::jumpTo(const QString &file, int line, int column)
{
    if (file != m_currentFile && !openFile(file))
        return;
    if (line <= 0)
        return;
    const QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::max(0, std::min(column - 1, block.length() - 1)));
    m_editor->setTextCursor(cursor);
    m_editor->centerCursor();
    m_editor->setFocus();
}

void OverlayEditorWindow::updateHelpers()
{
    const QByteArray text = m_editor->toPlainText().toUtf8();
    const manifest::ReplicasState replicas = manifest::replicasState(text);
    const QSignalBlocker blockAutoscaler(m_autoscalerAction);
    m_autoscalerAction->setEnabled(replicas != manifest::ReplicasState::Absent);
    m_autoscalerAction->setChecked(replicas == manifest::ReplicasState::Autoscaler);
    const std::optional<bool> selfHeal = manifest::selfHeal(text);
    const QSignalBlocker blockSelfHeal(m_selfHealAction);
    m_selfHealAction->setEnabled(selfHeal.has_value());
    m_selfHealAction->setChecked(selfHeal.value_or(false));
}

void OverlayEditorWindow::replaceText(const QByteArray &text)
{
    // One undoable step that keeps the cursor's line and the scroll position.
    const int line = m_editor->textCursor().blockNumber();
    const int scroll = m_editor->verticalScrollBar()->value();
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(QString::fromUtf8(text));
    cursor.endEditBlock();
    const QTextBlock block = m_editor->document()->findBlockByNumber(line);
    if (block.isValid())
        m_editor->setTextCursor(QTextCursor(block));
    m_editor->verticalScrollBar()->setValue(scroll);
}

void OverlayEditorWindow::applyHelper(const Result<QByteArray> &edited)
{
    if (!edited.ok()) {
        m_banner->showMessage(MessageBanner::Kind::Warning, edited.error().message, edited.error().detail);
        updateHelpers();
        return;
    }
    if (*edited != m_editor->toPlainText().toUtf8())
        replaceText(*edited);
    updateHelpers();
}

void OverlayEditorWindow::addKeyValue(bool environmentVariable)
{
    const QByteArray text = m_editor->toPlainText().toUtf8();
    KeyValueDialog::Apply apply;
    if (environmentVariable) {
        apply = [text](const QString &name, const QString &value) {
            return manifest::addEnvironmentVariable(text, QString(), name, value);
        };
    } else {
        apply = [text](const QString &name, const QString &value) { return manifest::addLabel(text, name, value); };
    }
    auto *dialog = new KeyValueDialog(environmentVariable ? tr("Add Environment Variable") : tr("Add Label"),
                                      environmentVariable ? tr("Name:") : tr("Key:"), tr("Value:"), apply, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applyHelper(dialog->result()); });
    dialog->open();
}

void OverlayEditorWindow::closeEvent(QCloseEvent *event)
{
    if (isModified()) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved Changes"),
            tr("%1 has changes that are not saved in the working copy. Save them before closing?").arg(m_currentFile),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save)
            save();
        else   // discarded: the kept copy goes too
            m_autosave->remove(m_workspaceFile, m_session->target().project, m_session->folder() + u'/' + m_currentFile);
    }
    m_autosaveTimer.stop();
    QMainWindow::closeEvent(event);
}

} // namespace gd::ui
