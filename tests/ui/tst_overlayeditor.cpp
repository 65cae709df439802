// SPDX-License-Identifier: GPL-3.0-or-later
// The manifest editor as a release manager uses it, on the demo workspace (real bare repos, the real kustomize):
// open a service environment from the main window, type, see a diagnostic appear, fix it, watch the rendered
// preview follow, review the change and commit it, and find the commit in the bare repo. Also: the review refuses
// invalid content, the helpers edit the text, and unsaved text survives a crash.
#include "darkpalette.h"
#include "guitesting.h"
#include "flows/overlayeditsession.h"
#include "git/repository.h"
#include "ui/dialogs/keyvaluedialog.h"
#include "ui/dialogs/reviewdialog.h"
#include "ui/editor/overlayeditorwindow.h"
#include "ui/editor/yamleditor.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/views/servicepage.h"
#include "workspace/appdirs.h"
#include "workspace/autosave.h"
#include "workspace/demoworkspace.h"
#include "workspace/workspaceconfig.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTextBlock>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using gd::ui::MainWindow;
using gd::ui::OverlayEditorWindow;
using gd::ui::ReviewDialog;
using gd::test::saveScreenshot;

namespace {

constexpr int slowMs = 30000;   // a fetch, a clone or two kustomize builds on a busy 2-core machine
const QString gaFile = u"manifests/ga/kustomization.yaml"_s;


QString problemsText(const OverlayEditorWindow &editor)
{
    QStringList lines;
    for (const gd::ws::Finding &finding : editor.problems())
        lines.append(u"%1:%2:%3 %4"_s.arg(finding.file)
                         .arg(finding.diagnostic.line)
                         .arg(finding.diagnostic.column)
                         .arg(finding.diagnostic.message));
    return lines.join(u'\n');
}

bool hasErrorAtLine(const OverlayEditorWindow &editor, int line, const QString &word)
{
    for (const gd::ws::Finding &finding : editor.problems()) {
        if (finding.file == editor.currentFile() && finding.diagnostic.isError() && finding.diagnostic.line == line
            && finding.diagnostic.message.contains(word))
            return true;
    }
    return false;
}

bool hasErrors(const OverlayEditorWindow &editor)
{
    for (const gd::ws::Finding &finding : editor.problems()) {
        if (finding.diagnostic.isError())
            return true;
    }
    return false;
}

} // namespace

class TestOverlayEditor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void typeSeeDiagnosticFixAndCommit();
    void reviewRefusesInvalidContent();
    void helpersEditTheTextAsOneUndoStep();
    void unsavedTextIsRecoveredAfterACrash();
    void remoteChangeToTheSameFileIsRefusedAndCanStartOver();

private:
    std::unique_ptr<MainWindow> openDemo();
    OverlayEditorWindow *openEditor(MainWindow &window, const QString &service, const QString &env);
    void moveToEnd(gd::ui::YamlEditor *editor);
    QByteArray fileAtTip(const QString &path, QString *summary = nullptr);

    QTemporaryDir m_tmp;
    QString m_workspaceFile;
};

void TestOverlayEditor::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(gd::test::isolateAppFolders(m_tmp, u"tst_overlayeditor"_s));
    gd::ui::applyLanguage(gd::ui::Language::English);

    gd::ws::DemoOptions options;
    options.directory = m_tmp.filePath(u"demo"_s);
    options.projects = 1;
    auto created = gd::ws::createDemoWorkspace(options);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().fullText()));
    m_workspaceFile = *created;
}

std::unique_ptr<MainWindow> TestOverlayEditor::openDemo()
{
    return gd::test::openWorkspaceWindow(m_workspaceFile, slowMs, {1280, 820});
}

OverlayEditorWindow *TestOverlayEditor::openEditor(MainWindow &window, const QString &service, const QString &env)
{
    auto *tree = window.findChild<QTreeView *>(u"projectTree"_s);
    const QModelIndex index = gd::test::findTreeRow(tree->model(), {u"shop"_s, service, env});
    if (!index.isValid())
        return nullptr;
    tree->setCurrentIndex(index);
    const auto *page = window.findChild<gd::ui::ServicePage *>();
    if (!QTest::qWaitFor([&] { return !page->currentFile().isEmpty(); }, slowMs))
        return nullptr;
    const QString shown = page->currentFile();
    auto *button = window.findChild<QPushButton *>(u"editManifestsButton"_s);
    if (button == nullptr || !button->isEnabled())
        return nullptr;
    button->click();
    OverlayEditorWindow *editor = nullptr;
    for (OverlayEditorWindow *candidate : window.findChildren<OverlayEditorWindow *>()) {
        if (candidate->session()->target().service == service && candidate->session()->target().env == env)
            editor = candidate;
    }
    if (editor == nullptr || !QTest::qWaitFor([&] { return editor->session()->isOpen(); }, slowMs))
        return nullptr;
    // The editor starts on the file the service page shows.
    if (editor->currentFile() != shown) {
        qWarning("The editor shows %s, the service page %s", qPrintable(editor->currentFile()), qPrintable(shown));
        return nullptr;
    }
    return editor->openFile(gaFile) ? editor : nullptr;
}

void TestOverlayEditor::moveToEnd(gd::ui::YamlEditor *editor)
{
    editor->setFocus();
    QTextCursor cursor = editor->textCursor();
    cursor.movePosition(QTextCursor::End);
    editor->setTextCursor(cursor);
}

QByteArray TestOverlayEditor::fileAtTip(const QString &path, QString *summary)
{
    auto repo = gd::git::Repository::open(m_tmp.filePath(u"demo/repos/argocd-gitops-shop.git"_s));
    if (!repo.ok())
        return {};
    auto tip = repo->resolve(u"refs/heads/main"_s);
    if (!tip.ok())
        return {};
    if (summary != nullptr)
        *summary = repo->commitInfo(*tip).value().summary;
    return repo->readFile(*tip, path).valueOr(QByteArray());
}

void TestOverlayEditor::typeSeeDiagnosticFixAndCommit()
{
    auto window = openDemo();
    QVERIFY(window);
    OverlayEditorWindow *editor = openEditor(*window, u"orders"_s, u"uat"_s);
    QVERIFY(editor != nullptr);
    auto *text = editor->editor();
    const QString original = text->toPlainText();
    QVERIFY(original.contains(u"images:"_s));
    auto *preview = editor->findChild<gd::ui::YamlEditor *>(u"renderedPreview"_s);
    QTRY_VERIFY_WITH_TIMEOUT(preview->toPlainText().contains(u"kind: Deployment"_s), slowMs);
    QVERIFY(!hasErrors(*editor));

    // A typo in a kustomization key: the Problems panel shows it at its line, the editor underlines it.
    moveToEnd(text);
    const int typedLine = text->textCursor().blockNumber() + 1;
    QTest::keyClicks(text, u"namePrefx: canary-"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(hasErrorAtLine(*editor, typedLine, u"namePrefx"_s), qPrintable(problemsText(*editor)),
                              5000);
    auto *problemList = editor->findChild<QTreeWidget *>(u"problemList"_s);
    QVERIFY(problemList->topLevelItemCount() >= 1);
    QVERIFY(text->diagnosticsAt(text->textCursor().block().position() + 2).contains(u"namePrefx"_s));
    editor->resize(1280, 820);
    saveScreenshot(editor, u"manifesteditor_diagnostic_light.png"_s);

    // Activating the problem jumps to its line.
    QTextCursor home = text->textCursor();
    home.movePosition(QTextCursor::Start);
    text->setTextCursor(home);
    for (int i = 0; i < problemList->topLevelItemCount(); ++i) {
        if (problemList->topLevelItem(i)->text(2).contains(u"namePrefx"_s))
            Q_EMIT problemList->itemActivated(problemList->topLevelItem(i), 0);
    }
    QCOMPARE(text->textCursor().blockNumber() + 1, typedLine);

    // Fixed: the line is removed again; the problem goes away.
    moveToEnd(text);
    QTest::keyClick(text, Qt::Key_Home, Qt::ShiftModifier);
    QTest::keyClick(text, Qt::Key_Backspace);
    QTRY_VERIFY2_WITH_TIMEOUT(!hasErrors(*editor), qPrintable(problemsText(*editor)), 5000);

    // A new GA tag, typed over the old one; the rendered preview follows the text.
    const QRegularExpressionMatch tagMatch =
        QRegularExpression(u"newTag: \"?([^\"\\s]+)"_s).match(text->toPlainText());
    QVERIFY(tagMatch.hasMatch());
    const QString oldTag = tagMatch.captured(1);
    // Through the find bar (Ctrl+F): the tag is found and selected, then typed over.
    QVERIFY(text->findNext(u"newTag: "_s) > 0);
    QTextCursor cursor = text->textCursor();
    cursor.clearSelection();
    text->setTextCursor(cursor);
    editor->findChild<QAction *>(u"actionFind"_s)->trigger();
    auto *findEdit = editor->findChild<QLineEdit *>(u"findEdit"_s);
    QVERIFY(findEdit->isVisible());
    findEdit->clear();
    QTest::keyClicks(findEdit, oldTag);
    QTest::keyClick(findEdit, Qt::Key_Return);
    QCOMPARE(text->textCursor().selectedText(), oldTag);
    QTest::keyClick(findEdit, Qt::Key_Escape);
    QVERIFY(!findEdit->isVisible());
    text->setFocus();
    QTest::keyClicks(text, u"9.9.9"_s);
    QTRY_VERIFY_WITH_TIMEOUT(preview->toPlainText().contains(u":9.9.9"_s), slowMs);
    QVERIFY(!preview->toPlainText().contains(u":"_s + oldTag + u'\n'));
    QVERIFY(!hasErrors(*editor));
    saveScreenshot(editor, u"manifesteditor_preview_light.png"_s);
    QApplication::setPalette(gd::test::darkPalette());
    saveScreenshot(editor, u"manifesteditor_preview_dark.png"_s);
    QApplication::setPalette(QPalette());

    // Review: the file diff and the rendered Deployment show the new tag; commit with a typed message.
    QSignalSpy opened(editor, &OverlayEditorWindow::reviewOpened);
    editor->findChild<QAction *>(u"actionReviewCommit"_s)->trigger();
    QVERIFY(gd::test::emitted(opened, slowMs));
    auto *dialog = opened.first().first().value<ReviewDialog *>();
    QVERIFY(dialog != nullptr);
    auto *renderedTree = dialog->findChild<QTreeWidget *>(u"renderedTree"_s);
    bool mentionsTag = false;
    for (QTreeWidgetItemIterator it(renderedTree); *it != nullptr; ++it) {
        for (int column = 0; column < renderedTree->columnCount(); ++column)
            mentionsTag = mentionsTag || (*it)->text(column).contains(u"9.9.9"_s);
    }
    QVERIFY(mentionsTag);
    auto *summary = dialog->findChild<QLineEdit *>(u"commitSummary"_s);
    summary->selectAll();
    QTest::keyClicks(summary, u"Release orders 9.9.9 to uat"_s);
    auto *commit = dialog->findChild<QPushButton *>(u"commitButton"_s);
    QVERIFY(commit->isEnabled());
    dialog->resize(1100, 750);
    saveScreenshot(dialog, u"manifesteditor_review_light.png"_s);

    QSignalSpy committed(editor, &OverlayEditorWindow::committed);
    QSignalSpy reloaded(window.get(), &MainWindow::workspaceLoaded);
    commit->click();
    QVERIFY(gd::test::emitted(committed, slowMs));
    QString landedSummary;
    const QByteArray landed = fileAtTip(u"appsmanifests/orders/uat/"_s + gaFile, &landedSummary);
    QVERIFY(landed.contains("9.9.9"));
    QCOMPARE(landedSummary, u"Release orders 9.9.9 to uat"_s);
    // Only the tag line changed in the committed file.
    QCOMPARE(QString::fromUtf8(landed), QString(original).replace(oldTag, u"9.9.9"_s));
    // The main window refreshes and shows the new GA tag.
    QVERIFY(gd::test::emitted(reloaded, slowMs));
    auto *page = window->findChild<gd::ui::ServicePage *>();
    QVERIFY(page != nullptr);
    editor->close();
}

void TestOverlayEditor::reviewRefusesInvalidContent()
{
    auto window = openDemo();
    QVERIFY(window);
    OverlayEditorWindow *editor = openEditor(*window, u"cart"_s, u"uat"_s);
    QVERIFY(editor != nullptr);
    const QByteArray before = fileAtTip(u"appsmanifests/cart/uat/"_s + gaFile);
    auto *text = editor->editor();
    const QString original = text->toPlainText();
    moveToEnd(text);
    QTest::keyClicks(text, u"resources: [base"_s);
    QTest::keyClick(text, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(hasErrors(*editor), 5000);

    QSignalSpy opened(editor, &OverlayEditorWindow::reviewOpened);
    editor->reviewAndCommit();
    QVERIFY(gd::test::emitted(opened, slowMs));
    auto *dialog = opened.first().first().value<ReviewDialog *>();
    auto *commit = dialog->findChild<QPushButton *>(u"commitButton"_s);
    QVERIFY(!commit->isEnabled());
    auto *reason = dialog->findChild<QLabel *>(u"blockingReason"_s);
    QVERIFY(reason->text().contains(u"error"_s));
    QCOMPARE(commit->toolTip(), reason->text());
    dialog->reject();
    QCOMPARE(fileAtTip(u"appsmanifests/cart/uat/"_s + gaFile), before);

    // Take the broken line back and leave the working copy clean for the other tests.
    while (text->toPlainText() != original && text->document()->isUndoAvailable())
        text->document()->undo();
    QCOMPARE(text->toPlainText(), original);
    QTRY_VERIFY_WITH_TIMEOUT(!hasErrors(*editor), 5000);
    editor->save();
    QVERIFY(QTest::qWaitFor([&] { return !editor->isModified(); }, slowMs));
    editor->close();
}

void TestOverlayEditor::helpersEditTheTextAsOneUndoStep()
{
    auto window = openDemo();
    QVERIFY(window);
    OverlayEditorWindow *editor = openEditor(*window, u"checkout"_s, u"uat"_s);
    QVERIFY(editor != nullptr);
    QVERIFY(editor->openFile(u"manifests/base/deployment.yaml"_s));
    auto *text = editor->editor();
    const QString original = text->toPlainText();
    auto *autoscaler = editor->findChild<QAction *>(u"actionAutoscaler"_s);
    QTRY_VERIFY_WITH_TIMEOUT(autoscaler->isEnabled(), 5000);
    QVERIFY(original.contains(u"replicas:"_s));
    QVERIFY(!autoscaler->isChecked());

    autoscaler->trigger();
    QVERIFY(text->toPlainText().contains(u"# replicas:"_s));
    QTRY_VERIFY_WITH_TIMEOUT(autoscaler->isChecked(), 5000);
    text->document()->undo();
    QCOMPARE(text->toPlainText(), original);

    // An environment variable through the small form: a bad name is refused in the form, a good one is added.
    editor->findChild<QAction *>(u"actionAddEnv"_s)->trigger();
    auto *form = editor->findChild<gd::ui::KeyValueDialog *>();
    QVERIFY(form != nullptr);
    QTest::keyClicks(form->nameEdit(), u"1-BAD"_s);
    form->accept();
    QVERIFY(form->isVisible());
    QVERIFY(!form->findChild<QLabel *>(u"keyValueProblem"_s)->text().isEmpty());
    QCOMPARE(text->toPlainText(), original);
    form->nameEdit()->clear();
    QTest::keyClicks(form->nameEdit(), u"LOG_LEVEL"_s);
    QTest::keyClicks(form->valueEdit(), u"debug"_s);
    form->accept();
    QVERIFY(text->toPlainText().contains(u"name: LOG_LEVEL"_s));
    QVERIFY(text->toPlainText().contains(u"value: debug"_s));
    text->document()->undo();
    QCOMPARE(text->toPlainText(), original);

    // Self-heal lives in the Application.
    QVERIFY(editor->openFile(u"application.yaml"_s));
    auto *selfHeal = editor->findChild<QAction *>(u"actionSelfHeal"_s);
    QTRY_VERIFY_WITH_TIMEOUT(selfHeal->isEnabled(), 5000);
    const bool wasOn = selfHeal->isChecked();
    const QString application = text->toPlainText();
    selfHeal->trigger();
    QVERIFY(text->toPlainText().contains(wasOn ? u"selfHeal: false"_s : u"selfHeal: true"_s));
    text->document()->undo();
    QCOMPARE(text->toPlainText(), application);
    editor->close();
}

void TestOverlayEditor::unsavedTextIsRecoveredAfterACrash()
{
    const QString typed = u"# note for the next release"_s;
    {
        auto window = openDemo();
        QVERIFY(window);
        OverlayEditorWindow *editor = openEditor(*window, u"orders"_s, u"prod"_s);
        QVERIFY(editor != nullptr);
        moveToEnd(editor->editor());
        QTest::keyClicks(editor->editor(), typed);
        const gd::ws::AutosaveStore store(gd::ws::autosaveDir());
        QTRY_VERIFY_WITH_TIMEOUT(store.entries(m_workspaceFile).size() == 1, 10000);
        // The process dies: no close event, no question, nothing saved.
        delete editor;
    }
    auto window = std::make_unique<MainWindow>();
    window->show();
    window->openWorkspace(m_workspaceFile);
    QMessageBox *question = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        question = window->findChild<QMessageBox *>(u"recoveryQuestion"_s);
        return question != nullptr;
    }, slowMs));
    QVERIFY2(question->text().contains(u"appsmanifests/orders/prod/"_s + gaFile), qPrintable(question->text()));
    question->button(QMessageBox::Open)->click();
    OverlayEditorWindow *editor = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        editor = window->findChild<OverlayEditorWindow *>();
        return editor != nullptr && editor->currentFile() == gaFile && editor->editor()->toPlainText().endsWith(typed);
    }, slowMs));
    QVERIFY(editor->isModified());
    // Discarding on close forgets the kept copy.
    QTimer::singleShot(0, this, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Discard)->click();
    });
    editor->close();
    QTRY_VERIFY(gd::ws::AutosaveStore(gd::ws::autosaveDir()).entries(m_workspaceFile).empty());
}

void TestOverlayEditor::remoteChangeToTheSameFileIsRefusedAndCanStartOver()
{
    auto window = openDemo();
    QVERIFY(window);
    OverlayEditorWindow *editor = openEditor(*window, u"cart"_s, u"prod"_s);
    QVERIFY(editor != nullptr);
    auto *text = editor->editor();
    moveToEnd(text);
    QTest::keyClicks(text, u"# mine"_s);
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isModified(), slowMs);

    // Meanwhile a pipeline changes the same file on the branch.
    const QString path = u"appsmanifests/cart/prod/"_s + gaFile;
    auto repo = gd::git::Repository::open(m_tmp.filePath(u"demo/repos/argocd-gitops-shop.git"_s));
    QVERIFY(repo.ok());
    const gd::git::ObjectId tip = repo->resolve(u"refs/heads/main"_s).value();
    gd::git::FileChanges theirs;
    const QByteArray theirText = repo->readFile(tip, path).value() + "# theirs\n";
    theirs.write(path, theirText);
    const gd::git::CommitMessage message{u"Pipeline edit\n"_s, {u"CI"_s, u"ci@example.com"_s, {}}, {}};
    const auto theirCommit = repo->createCommit(tip, theirs, message, u"refs/heads/main"_s);
    QVERIFY(theirCommit.ok());

    QSignalSpy opened(editor, &OverlayEditorWindow::reviewOpened);
    editor->reviewAndCommit();
    QVERIFY(gd::test::emitted(opened, slowMs));
    auto *dialog = opened.first().first().value<ReviewDialog *>();
    QVERIFY(!dialog->findChild<QPushButton *>(u"commitButton"_s)->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(u"blockingReason"_s)->text().contains(path));
    QVERIFY(dialog->findChild<QWidget *>(u"conflictView"_s) != nullptr);
    dialog->resize(1100, 750);
    saveScreenshot(dialog, u"manifesteditor_conflict_light.png"_s);

    // Closing the review offers to start again from the remote version.
    QTimer::singleShot(0, this, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Discard)->click();
    });
    dialog->reject();
    QTRY_COMPARE_WITH_TIMEOUT(text->toPlainText().toUtf8(), theirText, slowMs);
    QCOMPARE(repo->resolve(u"refs/heads/main"_s).value(), *theirCommit);
    editor->close();
}

QTEST_MAIN(TestOverlayEditor)
#include "tst_overlayeditor.moc"
