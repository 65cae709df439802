// SPDX-License-Identifier: GPL-3.0-or-later
// ReviewDialog and DiffView with real review data: an overlay of the deployment-repo layout rendered by kustomize
// before and after an image tag and replicas change, its rendered diff and its validation. Checks what a release
// manager sees: the files and their +/- lines, side-by-side rows that line up, the rendered resources with their
// summary sentences, the findings (errors first), the three versions of a conflict, when Commit is refused and why,
// and the message a commit hands back. Saves light and dark screenshots.
#include "darkpalette.h"
#include "support/serviceenvfiles.h"
#include "ui/dialogs/reviewdialog.h"
#include "ui/views/diffview.h"

#include "manifest/kustomizerunner.h"
#include "manifest/rendereddiff.h"
#include "manifest/textdiff.h"
#include "workspace/overlaycheck.h"
#include "workspace/overlayreview.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

const QString kService = u"orders"_s;
const QString kEnv = u"uat"_s;
const QString kGaFile = u"appsmanifests/orders/uat/manifests/ga/kustomization.yaml"_s;
const QString kPatchFile = u"appsmanifests/orders/uat/manifests/ga/replicas.yaml"_s;
const QString kBaseKustomization = u"appsmanifests/orders/uat/manifests/base/kustomization.yaml"_s;

// The rows of a pane, one string per block.
QStringList rowsOf(const QPlainTextEdit *pane)
{
    QStringList rows;
    for (QTextBlock b = pane->document()->begin(); b.isValid(); b = b.next())
        rows << b.text();
    return rows;
}

QColor rowBackground(const QPlainTextEdit *pane, int row)
{
    const QBrush brush = pane->document()->findBlockByNumber(row).blockFormat().background();
    return brush.style() == Qt::NoBrush ? pane->palette().color(QPalette::Base) : brush.color();
}

// The first row whose text contains `text`, or -1.
int rowContaining(const QPlainTextEdit *pane, const QString &text)
{
    const QStringList rows = rowsOf(pane);
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).contains(text))
            return i;
    }
    return -1;
}

QByteArray replaced(QByteArray text, const QByteArray &from, const QByteArray &to)
{
    if (!text.contains(from))
        qFatal("fixture text lacks %s", from.constData());
    return text.replace(from, to);
}

} // namespace

class TestReviewDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sideBySideAligns_data();
    void sideBySideAligns();
    void unifiedTintsFollowPalette();
    void sidesScrollTogether();
    void filesShowTheirLines();
    void renderedTreeListsResources();
    void cleanReviewCommits();
    void newRepositoryIsNamed();
    void emptySummaryBlocks();
    void validationErrorBlocks();
    void conflictBlocks();
    void screenshots();

private:
    // Writes the service environment with `ga` as its GA kustomization (plus the replicas patch when `withPatch`) into
    // a new folder; returns the environment folder (holding manifests/).
    QString writeEnv(const QByteArray &ga, bool withPatch, const QByteArray &baseKustomization = {});
    QByteArray render(const QString &envDir);
    ws::OverlayReview cleanReview() const;
    ws::OverlayReview brokenReview();
    ws::OverlayReview conflictReview() const;

    std::vector<std::unique_ptr<QTemporaryDir>> m_dirs;
    QByteArray m_gaBefore;
    QByteArray m_gaAfter;
    QByteArray m_patch;
    QByteArray m_baseKustomization;
    std::vector<manifest::ResourceChange> m_changes;
    ws::ValidationReport m_validation;
    manifest::KustomizeRunner m_runner;
};

QString TestReviewDialog::writeEnv(const QByteArray &ga, bool withPatch, const QByteArray &baseKustomization)
{
    m_dirs.push_back(std::make_unique<QTemporaryDir>());
    const QDir root(m_dirs.back()->path());
    git::FileChanges files;
    test::ServiceEnvFiles{kService, kEnv, u"registry.example.com/shop/orders"_s, u"1.4.2"_s, u"1.5.0"_s}.addTo(files);
    files.write(kGaFile, ga);
    if (withPatch)
        files.write(kPatchFile, m_patch);
    if (!baseKustomization.isEmpty())
        files.write(kBaseKustomization, baseKustomization);
    for (auto it = files.files.cbegin(); it != files.files.cend(); ++it) {
        const QString path = root.absoluteFilePath(it.key());
        if (!QDir().mkpath(QFileInfo(path).path()))
            qFatal("cannot create %s", qPrintable(path));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(**it) != (*it)->size())
            qFatal("cannot write %s", qPrintable(path));
    }
    return root.absoluteFilePath(ws::ServiceEnvPaths::folder(kService, kEnv));
}

QByteArray TestReviewDialog::render(const QString &envDir)
{
    auto built = m_runner.build(envDir + u"/manifests"_s);
    if (!built.ok())
        qFatal("kustomize failed: %s", qPrintable(built.error().fullText()));
    return *built;
}

void TestReviewDialog::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(QApplication::style()->standardPalette());
    QVERIFY2(m_runner.command().ok(), "kubectl or kustomize is needed to render the overlay");

    // Before: the GA overlay of the shared fixture, placed in a namespace. After: a new image tag and a patch that
    // raises the replicas, the way a release manager edits an overlay.
    git::FileChanges reference;
    test::ServiceEnvFiles{kService, kEnv, u"registry.example.com/shop/orders"_s, u"1.4.2"_s, u"1.5.0"_s}
        .addTo(reference);
    m_gaBefore = *reference.files.value(kGaFile) + "namespace: shop-uat\n";
    m_gaAfter = replaced(m_gaBefore, "newTag: \"1.4.2\"", "newTag: \"1.4.3\"") + "patches:\n  - path: replicas.yaml\n";
    m_patch = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  replicas: 3\n";
    m_baseKustomization = *reference.files.value(kBaseKustomization);

    const QByteArray before = render(writeEnv(m_gaBefore, false));
    const QString afterDir = writeEnv(m_gaAfter, true);
    const QByteArray after = render(afterDir);
    auto changes = manifest::diffRenderedManifests(before, after);
    QVERIFY2(changes.ok(), qPrintable(changes.ok() ? QString() : changes.error().fullText()));
    m_changes = *changes;
    QVERIFY(!m_changes.empty());
    m_validation = ws::validateDirectory(afterDir, m_runner);
    for (const ws::Finding &f : m_validation.findings)
        qWarning() << f.file << f.diagnostic.line << f.diagnostic.message;
    QCOMPARE(m_validation.findings.size(), size_t(0));
}

ws::OverlayReview TestReviewDialog::cleanReview() const
{
    ws::OverlayReview review;
    review.project = u"shop"_s;
    review.service = kService;
    review.env = kEnv;
    review.base = git::ObjectId::fromHex(u"5d41402abc4b2a76b9719d911017c592ae6f5e21"_s);
    review.remoteTip = git::ObjectId::fromHex(u"a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"_s);
    review.files.push_back({kGaFile, m_gaBefore, m_gaBefore, m_gaAfter});
    review.files.push_back({kPatchFile, std::nullopt, std::nullopt, m_patch});
    review.renderedChanges = m_changes;
    review.validation = m_validation;
    return review;
}

ws::OverlayReview TestReviewDialog::brokenReview()
{
    // A duplicated key in the GA overlay (an error), a typo in its patch path (so it no longer builds) and a
    // deprecated field in the base (a warning, listed first by the validation because of its path).
    ws::OverlayReview review = cleanReview();
    const QByteArray brokenGa =
        replaced(m_gaAfter, "path: replicas.yaml", "path: replica.yaml") + "namespace: shop-prod\n";
    const QByteArray deprecatedBase = m_baseKustomization + "commonLabels:\n  team: shop\n";
    const QString dir = writeEnv(brokenGa, true, deprecatedBase);
    review.files = {{kBaseKustomization, m_baseKustomization, m_baseKustomization, deprecatedBase},
                    {kGaFile, m_gaBefore, m_gaBefore, brokenGa},
                    {kPatchFile, std::nullopt, std::nullopt, m_patch}};
    review.validation = ws::validateDirectory(dir, m_runner);
    auto built = m_runner.build(dir + u"/manifests"_s);
    if (!built.ok()) {
        review.renderedChanges.clear();
        review.renderProblem = built.error().message;
    }
    return review;
}

ws::OverlayReview TestReviewDialog::conflictReview() const
{
    // Someone pushed another tag for the same overlay after the working copy started.
    ws::OverlayReview review = cleanReview();
    review.files[0].theirs = replaced(m_gaBefore, "newTag: \"1.4.2\"", "newTag: \"1.4.9\"");
    return review;
}

void TestReviewDialog::sideBySideAligns_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QString>("oldLine");   // empty: a filler row is expected opposite newLine
    QTest::addColumn<QString>("newLine");   // empty: a filler row is expected opposite oldLine

    const QByteArray deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n"
                                  "  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: app\n"
                                  "          image: shop/orders:1.4.2\n";
    QTest::newRow("changed line") << deployment << replaced(deployment, "orders:1.4.2", "orders:1.4.3")
                                  << u"          image: shop/orders:1.4.2"_s << u"          image: shop/orders:1.4.3"_s;
    QTest::newRow("inserted line") << deployment
                                   << replaced(deployment, "spec:\n  replicas", "spec:\n  paused: true\n  replicas")
                                   << QString() << u"  paused: true"_s;
    QTest::newRow("deleted line") << deployment << replaced(deployment, "  replicas: 2\n", "")
                                  << u"  replicas: 2"_s << QString();
    QTest::newRow("two changed, one added")
        << deployment
        << replaced(deployment, "  replicas: 2\n  template:",
                    "  replicas: 4\n  strategy: {}\n  revisionHistoryLimit: 3\n  template:")
        << u"  template:"_s << u"  template:"_s;
}

void TestReviewDialog::sideBySideAligns()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QString, oldLine);
    QFETCH(QString, newLine);

    ui::DiffView view;
    view.resize(900, 400);
    // The whole files as context, so every line of both shows up on its side.
    view.setDiff(manifest::unifiedDiff(before, after, u"a/deployment.yaml"_s, u"b/deployment.yaml"_s, 100000));
    view.setMode(ui::DiffView::Mode::SideBySide);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *left = view.findChild<QPlainTextEdit *>(u"diffOld"_s);
    auto *right = view.findChild<QPlainTextEdit *>(u"diffNew"_s);
    QVERIFY(left && right && left->isVisible() && right->isVisible());
    QCOMPARE(left->blockCount(), right->blockCount());

    const QStringList leftRows = rowsOf(left);
    const QStringList rightRows = rowsOf(right);
    const int row = int(oldLine.isEmpty() ? rightRows.indexOf(newLine) : leftRows.indexOf(oldLine));
    QVERIFY2(row >= 0, qPrintable(leftRows.join(u'|') + u" / "_s + rightRows.join(u'|')));
    QCOMPARE(leftRows.at(row), oldLine);
    QCOMPARE(rightRows.at(row), newLine);

    // A line that only one side has is tinted; the filler opposite it is not the other side's tint.
    const QColor base = left->palette().color(QPalette::Base);
    if (oldLine != newLine) {
        if (!oldLine.isEmpty())
            QVERIFY(rowBackground(left, row) != base);
        if (!newLine.isEmpty())
            QVERIFY(rowBackground(right, row) != base);
        QVERIFY(rowBackground(left, row) != rowBackground(right, row));
    } else {
        QCOMPARE(rowBackground(left, row), base);   // context sits on the plain background on both sides
        QCOMPARE(rowBackground(right, row), base);
    }
    // Apart from the hunk header and the fillers, each side reads as its whole text, in order.
    const auto shown = [](const QPlainTextEdit *pane) {
        QString text;
        for (QTextBlock b = pane->document()->begin().next(); b.isValid(); b = b.next()) {
            if (b.blockFormat().background().style() != Qt::BDiagPattern)
                text += b.text() + u'\n';
        }
        return text;
    };
    QVERIFY(leftRows.front().startsWith(u"@@ "_s));
    QCOMPARE(shown(left), QString::fromUtf8(before));
    QCOMPARE(shown(right), QString::fromUtf8(after));
}

void TestReviewDialog::unifiedTintsFollowPalette()
{
    ui::DiffView view;
    view.setDiff(manifest::unifiedDiff("a: 1\nb: 2\nc: 3\n", "a: 1\nb: 5\nc: 3\n", u"a/x"_s, u"b/x"_s));
    auto *pane = view.findChild<QPlainTextEdit *>(u"diffUnified"_s);
    QVERIFY(pane);
    QVERIFY(pane->isReadOnly());
    const QFontMetrics metrics(pane->font());   // fixed pitch: columns line up
    QCOMPARE(metrics.horizontalAdvance(u'i'), metrics.horizontalAdvance(u'M'));
    const QStringList rows = rowsOf(pane);
    QCOMPARE(rows, (QStringList{u"@@ -1,3 +1,3 @@"_s, u" a: 1"_s, u"-b: 2"_s, u"+b: 5"_s, u" c: 3"_s}));

    const auto check = [&](const QPalette &palette, QColor &added) {
        const QColor base = palette.color(QPalette::Base);
        const QColor removed = rowBackground(pane, 2);
        added = rowBackground(pane, 3);
        QCOMPARE(rowBackground(pane, 1), base);
        QVERIFY(removed != base && added != base && removed != added);
        QVERIFY2(added.green() > added.red(), qPrintable(added.name()));       // green for additions
        QVERIFY2(removed.red() > removed.green(), qPrintable(removed.name())); // red for deletions
        // A tint stays close to the base so the text keeps its contrast: dark stays dark, light stays light.
        QCOMPARE(added.lightnessF() < 0.5, base.lightnessF() < 0.5);
        QCOMPARE(removed.lightnessF() < 0.5, base.lightnessF() < 0.5);
        // The hunk header is dimmed.
        const QTextBlock hunk = pane->document()->findBlockByNumber(0);
        const QColor dim = hunk.charFormat().foreground().color();
        QVERIFY(hunk.charFormat().hasProperty(QTextFormat::ForegroundBrush));
        QVERIFY(dim != palette.color(QPalette::Text));
    };
    QColor lightAdded;
    check(view.palette(), lightAdded);
    QVERIFY(!QTest::currentTestFailed());
    view.setPalette(test::darkPalette());
    QColor darkAdded;
    check(view.palette(), darkAdded);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(darkAdded != lightAdded);   // re-derived on the palette change
}

void TestReviewDialog::sidesScrollTogether()
{
    QByteArray before;
    for (int i = 0; i < 300; ++i)
        before += "key" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\n";
    const QByteArray after = replaced(replaced(before, "key150: 150\n", "key150: changed\n"), "key20: 20\n", "");
    ui::DiffView view;
    view.resize(700, 300);
    view.setDiff(manifest::unifiedDiff(before, after, u"a/x"_s, u"b/x"_s, 100000));
    view.setMode(ui::DiffView::Mode::SideBySide);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *left = view.findChild<QPlainTextEdit *>(u"diffOld"_s);
    auto *right = view.findChild<QPlainTextEdit *>(u"diffNew"_s);
    QVERIFY(left->verticalScrollBar()->maximum() > 150);

    left->verticalScrollBar()->setValue(140);
    QCOMPARE(right->verticalScrollBar()->value(), 140);
    QCOMPARE(right->cursorForPosition(QPoint(0, 0)).blockNumber(), 140);
    QCOMPARE(left->cursorForPosition(QPoint(0, 0)).blockNumber(), 140);
    right->verticalScrollBar()->setValue(60);
    QCOMPARE(left->verticalScrollBar()->value(), 60);
    // The changed line is on one row on both sides, wherever the view is scrolled.
    const int row = rowContaining(left, u"key150: 150"_s);
    QCOMPARE(rowsOf(right).at(row), u"key150: changed"_s);
    // The old side has one line more (the deletion), the new side a filler there.
    QCOMPARE(rowsOf(right).at(rowContaining(left, u"key20: 20"_s)), QString());
}

void TestReviewDialog::filesShowTheirLines()
{
    ui::ReviewDialog dialog(cleanReview());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = dialog.findChild<QTabWidget *>(u"reviewTabs"_s);
    auto *list = dialog.findChild<QTreeWidget *>(u"reviewFileList"_s);
    auto *view = dialog.findChild<ui::DiffView *>(u"reviewDiffView"_s);
    QVERIFY(tabs && list && view);
    QVERIFY(tabs->tabText(tabs->currentIndex()).startsWith(u"Files"_s));

    // Paths relative to the service environment, with what happened to each.
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(0), u"manifests/ga/kustomization.yaml"_s);
    QCOMPARE(list->topLevelItem(0)->text(1), u"Modified"_s);
    QCOMPARE(list->topLevelItem(1)->text(0), u"manifests/ga/replicas.yaml"_s);
    QCOMPARE(list->topLevelItem(1)->text(1), u"Added"_s);

    auto *unified = view->findChild<QPlainTextEdit *>(u"diffUnified"_s);
    QCOMPARE(list->currentItem(), list->topLevelItem(0));
    QVERIFY(unified->isVisible());
    QStringList rows = rowsOf(unified);
    QVERIFY2(rows.contains(u"-    newTag: \"1.4.2\""_s), qPrintable(rows.join(u'\n')));
    QVERIFY(rows.contains(u"+    newTag: \"1.4.3\""_s));
    QVERIFY(rows.contains(u"+patches:"_s));

    // A new file: every line is an addition.
    list->setCurrentItem(list->topLevelItem(1));
    rows = rowsOf(unified);
    rows.removeFirst();   // the hunk header
    QCOMPARE(rows.size(), int(m_patch.count('\n')));
    for (const QString &row : rows)
        QVERIFY2(row.startsWith(u'+'), qPrintable(row));

    // Side by side: the changed tag on one row, the added patch entry opposite a filler.
    list->setCurrentItem(list->topLevelItem(0));
    auto *sideBySide = dialog.findChild<QToolButton *>(u"fileDiffModeSideBySide"_s);
    QVERIFY(sideBySide);
    QTest::mouseClick(sideBySide, Qt::LeftButton);
    QCOMPARE(view->mode(), ui::DiffView::Mode::SideBySide);
    auto *left = view->findChild<QPlainTextEdit *>(u"diffOld"_s);
    auto *right = view->findChild<QPlainTextEdit *>(u"diffNew"_s);
    QVERIFY(left->isVisible() && right->isVisible() && !unified->isVisible());
    const int tagRow = rowContaining(left, u"newTag: \"1.4.2\""_s);
    QVERIFY(tagRow >= 0);
    QCOMPARE(rowsOf(right).at(tagRow), u"    newTag: \"1.4.3\""_s);
    const int patchRow = rowContaining(right, u"patches:"_s);
    QVERIFY(patchRow >= 0);
    QCOMPARE(rowsOf(left).at(patchRow), QString());
    // Back to unified with the other button.
    QTest::mouseClick(dialog.findChild<QToolButton *>(u"fileDiffModeUnified"_s), Qt::LeftButton);
    QCOMPARE(view->mode(), ui::DiffView::Mode::Unified);
    QVERIFY(unified->isVisible());
}

void TestReviewDialog::renderedTreeListsResources()
{
    ui::ReviewDialog dialog(cleanReview());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tree = dialog.findChild<QTreeWidget *>(u"renderedTree"_s);
    QVERIFY(tree);

    // The Deployment is listed by kind, then namespace/name, with its summary sentences readable in the tree.
    QList<QTreeWidgetItem *> kinds = tree->findItems(u"Deployment"_s, Qt::MatchExactly);
    QCOMPARE(kinds.size(), 1);
    QTreeWidgetItem *deployment = nullptr;
    for (int i = 0; i < kinds.front()->childCount(); ++i) {
        if (kinds.front()->child(i)->text(0) == u"shop-uat/orders"_s)
            deployment = kinds.front()->child(i);
    }
    QVERIFY(deployment);
    QCOMPARE(deployment->text(1), u"Changed"_s);
    QVERIFY(deployment->isExpanded());
    QStringList sentences;
    for (int i = 0; i < deployment->childCount(); ++i)
        sentences << deployment->child(i)->text(0);
    const QString image =
        u"image app: registry.example.com/shop/orders:1.4.2 → registry.example.com/shop/orders:1.4.3"_s;
    QVERIFY2(sentences.contains(image), qPrintable(sentences.join(u'\n')));
    QVERIFY2(sentences.contains(u"replicas 2 → 3"_s), qPrintable(sentences.join(u'\n')));
    auto *tabs = dialog.findChild<QTabWidget *>(u"reviewTabs"_s);
    QVERIFY(!tree->isVisible());
    tabs->setCurrentIndex(1);
    QVERIFY(tabs->tabText(1).startsWith(u"Rendered manifests"_s));
    QVERIFY(tree->isVisible());
    const QRect sentenceRect = tree->visualItemRect(deployment->child(0));
    QVERIFY(sentenceRect.isValid());
    QVERIFY(tree->viewport()->rect().contains(sentenceRect.topLeft()));

    // The canary Deployment did not change, so it is not listed.
    QCOMPARE(kinds.front()->childCount(), 1);

    // Selecting a sentence shows that resource's rendered diff.
    tree->setCurrentItem(deployment->child(1));
    auto *unified =
        dialog.findChild<ui::DiffView *>(u"renderedDiffView"_s)->findChild<QPlainTextEdit *>(u"diffUnified"_s);
    const QStringList rows = rowsOf(unified);
    QVERIFY2(rows.contains(u"-  replicas: 2"_s), qPrintable(rows.join(u'\n')));
    QVERIFY(rows.contains(u"+  replicas: 3"_s));
    QVERIFY(rows.contains(u"+      - image: registry.example.com/shop/orders:1.4.3"_s));
    QCOMPARE(dialog.findChild<QLabel *>(u"renderedResource"_s)->text(), u"Deployment/shop-uat/orders"_s);
    // Above the diff the sentences are shown in full, however narrow the tree is.
    auto *full = dialog.findChild<QLabel *>(u"renderedSummary"_s);
    QVERIFY(full->isVisible());
    QVERIFY(full->text().contains(image));
}

void TestReviewDialog::newRepositoryIsNamed()
{
    // A new project's first commit: no base, no remote tip, and the repository that Commit creates.
    ws::OverlayReview review = cleanReview();
    review.base = {};
    review.remoteTip = {};
    ws::OverlayReview empty = review;
    review.newRepository = u"/srv/repos/argocd-gitops-billing.git"_s;
    ui::ReviewDialog created(review);
    QCOMPARE(created.findChild<QLabel *>(u"reviewCommits"_s)->text(),
             u"The repository /srv/repos/argocd-gitops-billing.git does not exist yet: Commit creates it and pushes "
             "its first commit."_s);
    ui::ReviewDialog first(empty);
    QCOMPARE(first.findChild<QLabel *>(u"reviewCommits"_s)->text(),
             u"The repository is empty: this is its first commit."_s);
}

void TestReviewDialog::cleanReviewCommits()
{
    ui::ReviewDialog dialog(cleanReview());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *title = dialog.findChild<QLabel *>(u"reviewTitle"_s);
    QCOMPARE(title->text(), u"Review changes to orders in uat (shop)"_s);
    QVERIFY(dialog.findChild<QLabel *>(u"reviewCommits"_s)->text().contains(u"5d41402a → remote tip a94a8fe5"_s));
    auto *validation = dialog.findChild<QLabel *>(u"validationSummary"_s);
    QVERIFY(validation->text().startsWith(u"No problems found"_s));
    QVERIFY(dialog.findChild<QTreeWidget *>(u"validationList"_s)->isHidden());
    QVERIFY(!dialog.findChild<QWidget *>(u"conflictView"_s));

    auto *summary = dialog.findChild<QLineEdit *>(u"commitSummary"_s);
    auto *button = dialog.findChild<QPushButton *>(u"commitButton"_s);
    auto *reason = dialog.findChild<QLabel *>(u"blockingReason"_s);
    QCOMPARE(summary->text(), u"Edit orders overlay in uat"_s);
    QVERIFY(button->isEnabled());
    QVERIFY(button->isDefault());
    QVERIFY(!reason->isVisible());

    summary->selectAll();
    QTest::keyClicks(summary, u"Roll out orders 1.4.3 with three replicas"_s);
    QTest::keyClicks(dialog.findChild<QPlainTextEdit *>(u"commitBody"_s), u"Ticket OPS-42"_s);
    QSignalSpy requested(&dialog, &ui::ReviewDialog::commitRequested);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    const QString message = u"Roll out orders 1.4.3 with three replicas\n\nTicket OPS-42"_s;
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.front().front().toString(), message);
    QCOMPARE(dialog.commitMessage(), message);
}

void TestReviewDialog::emptySummaryBlocks()
{
    ui::ReviewDialog dialog(cleanReview());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *summary = dialog.findChild<QLineEdit *>(u"commitSummary"_s);
    auto *button = dialog.findChild<QPushButton *>(u"commitButton"_s);
    auto *reason = dialog.findChild<QLabel *>(u"blockingReason"_s);

    summary->selectAll();
    QTest::keyClick(summary, Qt::Key_Backspace);
    QTest::keyClicks(summary, u"   "_s);   // blanks are not a summary
    QVERIFY(!button->isEnabled());
    QVERIFY(reason->isVisible());
    QVERIFY2(reason->text().contains(u"summary"_s), qPrintable(reason->text()));
    QCOMPARE(button->toolTip(), reason->text());
    QCOMPARE(dialog.blockingReason(), reason->text());

    // Enter does not commit while the button is disabled.
    QSignalSpy requested(&dialog, &ui::ReviewDialog::commitRequested);
    QTest::keyClick(summary, Qt::Key_Return);
    QCOMPARE(requested.size(), 0);
    QVERIFY(dialog.isVisible());

    QTest::keyClicks(summary, u"Bump orders"_s);
    QVERIFY(button->isEnabled());
    QVERIFY(!reason->isVisible());
    QTest::keyClick(summary, Qt::Key_Return);   // the default button
    QCOMPARE(requested.size(), 1);
    QCOMPARE(dialog.commitMessage(), u"Bump orders"_s);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestReviewDialog::validationErrorBlocks()
{
    const ws::OverlayReview review = brokenReview();
    QVERIFY(review.validation.errorCount() >= 1);
    QVERIFY(review.validation.warningCount() >= 1);
    // The validation lists the base's warning before the overlay's error (by path); the dialog puts errors first.
    QVERIFY(!review.validation.findings.front().diagnostic.isError());
    QVERIFY(!review.renderProblem.isEmpty());

    ui::ReviewDialog dialog(review);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = dialog.findChild<QTabWidget *>(u"reviewTabs"_s);
    auto *list = dialog.findChild<QTreeWidget *>(u"validationList"_s);
    QVERIFY(list->isVisible());   // the Validation tab is the one shown
    QVERIFY(tabs->tabText(tabs->currentIndex()).startsWith(u"Validation"_s));
    QCOMPARE(list->topLevelItemCount(), int(review.validation.findings.size()));

    const ws::Finding *error = nullptr;
    for (const ws::Finding &f : review.validation.findings) {
        if (f.diagnostic.isError() && error == nullptr)
            error = &f;
    }
    QVERIFY(error && error->diagnostic.line > 0 && error->diagnostic.column > 0);
    QTreeWidgetItem *first = list->topLevelItem(0);
    QCOMPARE(first->text(0), u"%1:%2:%3"_s.arg(error->file).arg(error->diagnostic.line).arg(error->diagnostic.column));
    QVERIFY(first->text(0).startsWith(u"manifests/ga/kustomization.yaml:"_s));
    QCOMPARE(first->text(1), error->diagnostic.message);
    QVERIFY(!first->icon(0).isNull());
    QTreeWidgetItem *last = list->topLevelItem(list->topLevelItemCount() - 1);
    QVERIFY(last->text(0).startsWith(u"manifests/base/kustomization.yaml:"_s));
    QVERIFY2(last->text(1).contains(u"commonLabels"_s), qPrintable(last->text(1)));

    auto *button = dialog.findChild<QPushButton *>(u"commitButton"_s);
    auto *reason = dialog.findChild<QLabel *>(u"blockingReason"_s);
    QVERIFY(!button->isEnabled());
    QVERIFY(reason->isVisible());
    QCOMPARE(reason->text(), review.blockingReason());
    QCOMPARE(button->toolTip(), review.blockingReason());
    // A good summary does not lift the block.
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"commitSummary"_s), u" now"_s);
    QVERIFY(!button->isEnabled());

    // The rendered tab says why there is no rendered diff.
    auto *message = dialog.findChild<QLabel *>(u"renderedMessage"_s);
    QCOMPARE(message->text(), review.renderProblem);
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i).startsWith(u"Rendered manifests"_s))
            tabs->setCurrentIndex(i);
    }
    QVERIFY(message->isVisible());
    QVERIFY(!dialog.findChild<QTreeWidget *>(u"renderedTree"_s)->isVisible());
}

void TestReviewDialog::conflictBlocks()
{
    const ws::OverlayReview review = conflictReview();
    QCOMPARE(review.conflicts().size(), size_t(1));
    ui::ReviewDialog dialog(review);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto *tabs = dialog.findChild<QTabWidget *>(u"reviewTabs"_s);
    auto *conflictView = dialog.findChild<QWidget *>(u"conflictView"_s);
    QVERIFY(conflictView);
    QCOMPARE(tabs->indexOf(conflictView), 0);
    QCOMPARE(tabs->currentIndex(), 0);
    QVERIFY(conflictView->isVisible());
    QVERIFY(dialog.findChild<QLabel *>(u"conflictExplanation"_s)->text().contains(u"overwrite"_s));
    QCOMPARE(dialog.findChild<QLabel *>(u"conflictFileName"_s)->text(), u"manifests/ga/kustomization.yaml"_s);
    QVERIFY(dialog.findChild<QLabel *>(u"conflictFileName"_s)->isVisible());

    const ws::ReviewedFile &file = review.files.front();
    const QString names[3] = {u"conflictBase"_s, u"conflictRemote"_s, u"conflictMine"_s};
    const QByteArray versions[3] = {*file.base, *file.theirs, *file.mine};
    const QString titles[3] = {u"Base — when you started"_s, u"Remote — now"_s, u"Yours"_s};
    int left = -1;
    for (int i = 0; i < 3; ++i) {
        auto *pane = dialog.findChild<QPlainTextEdit *>(names[i]);
        QVERIFY(pane && pane->isVisible() && pane->isReadOnly());
        QCOMPARE(pane->toPlainText(), QString::fromUtf8(versions[i]));
        QCOMPARE(dialog.findChild<QLabel *>(names[i] + u"Title"_s)->text(), titles[i]);
        // Side by side, left to right.
        const int x = pane->mapTo(&dialog, QPoint(0, 0)).x();
        QVERIFY(x > left);
        left = x;
    }
    // The remote's and your change of the tag are marked, the untouched lines are not.
    auto *remote = dialog.findChild<QPlainTextEdit *>(u"conflictRemote"_s);
    const int tagRow = rowContaining(remote, u"newTag: \"1.4.9\""_s);
    QVERIFY(rowBackground(remote, tagRow) != remote->palette().color(QPalette::Base));
    QCOMPARE(rowBackground(remote, 0), remote->palette().color(QPalette::Base));

    auto *button = dialog.findChild<QPushButton *>(u"commitButton"_s);
    auto *reason = dialog.findChild<QLabel *>(u"blockingReason"_s);
    QVERIFY(!button->isEnabled());
    QCOMPARE(reason->text(), review.blockingReason());
    QVERIFY(reason->text().contains(kGaFile));
    QCOMPARE(button->toolTip(), reason->text());
    // The Files tab marks the conflicting file.
    QVERIFY(!dialog.findChild<QTreeWidget *>(u"reviewFileList"_s)->topLevelItem(0)->icon(1).isNull());
    QVERIFY(dialog.findChild<QTreeWidget *>(u"reviewFileList"_s)->topLevelItem(1)->icon(1).isNull());
}

void TestReviewDialog::screenshots()
{
    const QString dir = qEnvironmentVariable("GD_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
    QVERIFY(QDir().mkpath(dir));
    const QPalette light = QApplication::style()->standardPalette();
    const ws::OverlayReview broken = brokenReview();
    for (const auto &[name, palette] : {std::pair{u"light"_s, light}, std::pair{u"dark"_s, test::darkPalette()}}) {
        QApplication::setPalette(palette);
        const auto save = [&](QDialog &dialog, const QString &shot) {
            dialog.resize(1100, 750);   // the offscreen screen is smaller than a desktop's
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(dir + u"/reviewdialog_"_s + shot + u'_' + name + u".png"_s));
        };
        {
            ui::ReviewDialog dialog(cleanReview());
            dialog.show();
            QTest::mouseClick(dialog.findChild<QToolButton *>(u"fileDiffModeSideBySide"_s), Qt::LeftButton);
            save(dialog, u"files"_s);
            QVERIFY(!QTest::currentTestFailed());
            auto *tabs = dialog.findChild<QTabWidget *>(u"reviewTabs"_s);
            tabs->setCurrentIndex(1);
            save(dialog, u"rendered"_s);
            QVERIFY(!QTest::currentTestFailed());
        }
        {
            ui::ReviewDialog dialog(conflictReview());
            dialog.show();
            save(dialog, u"conflicts"_s);
            QVERIFY(!QTest::currentTestFailed());
        }
        {
            ui::ReviewDialog dialog(broken);
            dialog.show();
            save(dialog, u"validation"_s);
            QVERIFY(!QTest::currentTestFailed());
        }
    }
    QApplication::setPalette(light);
}

QTEST_MAIN(TestReviewDialog)
#include "tst_reviewdialog.moc"
