// SPDX-License-Identifier: GPL-3.0-or-later
// YamlEditor and the built-in YamlHighlighter: the format at chosen spots of a manifest (keys, comments, strings,
// literals, anchors, block scalars), diagnostics underlined at their line/column with a tooltip, the line-number gutter,
// readable colours on a dark palette, find/replace counts, undo, and screenshots.
#include "ui/editor/yamleditor.h"
#include "darkpalette.h"
#include "ui/editor/yamlhighlighter.h"

#include <QApplication>
#include <QDir>
#include <QHelpEvent>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolTip>

#include <cmath>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using gd::ui::YamlHighlighter;
using Role = YamlHighlighter::Role;

Q_DECLARE_METATYPE(std::optional<YamlHighlighter::Role>)

namespace {

const QString kManifest = uR"(# deploy settings
apiVersion: apps/v1
metadata:
  name: "cart-api"
  labels: {app: cart}
spec:
  replicas: 3
  paused: false
  script: |
    echo "hi" # not a comment
    replicas: 7

  anchor: &base
  ref: *base
---
- 'single'
  note: text # trailing
)"_s;

// The foreground colour the layout of `block` uses at `column`, if any format covers it.
std::optional<QColor> colourAt(const QTextBlock &block, int column)
{
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (column >= r.start && column < r.start + r.length && r.format.hasProperty(QTextFormat::ForegroundBrush))
            return r.format.foreground().color();
    }
    return std::nullopt;
}

qreal channel(qreal c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// WCAG 2 contrast ratio between two colours.
qreal contrast(const QColor &a, const QColor &b)
{
    auto lum = [](const QColor &c) {
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const qreal la = lum(a);
    const qreal lb = lum(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString lines(int count)
{
    QStringList l;
    for (int i = 0; i < count; ++i)
        l << u"key%1: %1"_s.arg(i);
    return l.join(u'\n');
}

} // namespace

class TestYamlEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void highlighter_data();
    void highlighter();
    void diagnostics();
    void gutterGrows();
    void darkPaletteReadable();
    void findReplace();
    void undoRestores();
    void screenshots();
};

void TestYamlEditor::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestYamlEditor::highlighter_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<std::optional<Role>>("role");

    QTest::newRow("comment line") << 0 << 2 << std::optional(Role::Comment);
    QTest::newRow("top-level key") << 1 << 0 << std::optional(Role::Key);
    QTest::newRow("plain value") << 1 << 14 << std::optional<Role>();
    QTest::newRow("nested key") << 3 << 2 << std::optional(Role::Key);
    QTest::newRow("double-quoted string") << 3 << 9 << std::optional(Role::String);
    QTest::newRow("flow mapping key") << 4 << 11 << std::optional(Role::Key);
    QTest::newRow("number") << 6 << 12 << std::optional(Role::Literal);
    QTest::newRow("bool") << 7 << 10 << std::optional(Role::Literal);
    QTest::newRow("block scalar indicator") << 8 << 10 << std::optional(Role::Punctuation);
    QTest::newRow("block scalar line") << 9 << 4 << std::optional(Role::String);
    QTest::newRow("block scalar hash is text") << 9 << 16 << std::optional(Role::String);
    QTest::newRow("block scalar key-like line") << 10 << 4 << std::optional(Role::String);
    QTest::newRow("key after block scalar") << 12 << 2 << std::optional(Role::Key);
    QTest::newRow("anchor") << 12 << 11 << std::optional(Role::Anchor);
    QTest::newRow("alias") << 13 << 8 << std::optional(Role::Anchor);
    QTest::newRow("document marker") << 14 << 1 << std::optional(Role::DocumentMarker);
    QTest::newRow("list dash") << 15 << 0 << std::optional(Role::Punctuation);
    QTest::newRow("single-quoted string") << 15 << 4 << std::optional(Role::String);
    QTest::newRow("plain text value") << 16 << 9 << std::optional<Role>();
    QTest::newRow("trailing comment") << 16 << 15 << std::optional(Role::Comment);
}

void TestYamlEditor::highlighter()
{
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(std::optional<Role>, role);

    QTextDocument document(kManifest);
    YamlHighlighter highlighter(&document, QApplication::palette());
    const QTextBlock block = document.findBlockByNumber(line);
    QVERIFY(block.isValid());
    const std::optional<QColor> colour = colourAt(block, column);
    if (!role) {
        QVERIFY2(!colour, qPrintable(u"unexpected colour in: "_s + block.text()));
        return;
    }
    QVERIFY2(colour, qPrintable(u"no colour in: "_s + block.text()));
    QCOMPARE(*colour, highlighter.format(*role).foreground().color());
}

void TestYamlEditor::diagnostics()
{
    gd::ui::YamlEditor editor;
    editor.resize(500, 400);
    editor.setPlainText(kManifest);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    using gd::manifest::Diagnostic;
    const QString message = u"The name \"cart-api\" is already used by another Deployment."_s;
    editor.setDiagnostics({Diagnostic{Diagnostic::Severity::Error, 4, 9, message},
                           Diagnostic{Diagnostic::Severity::Warning, 999, 1, u"Past the end."_s}});

    const QTextBlock block = editor.document()->findBlockByNumber(3);
    QList<QTextEdit::ExtraSelection> waves;
    for (const QTextEdit::ExtraSelection &s : editor.extraSelections()) {
        if (s.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            waves << s;
    }
    QCOMPARE(waves.size(), 1);
    QCOMPARE(waves.at(0).cursor.selectionStart(), block.position() + 8);
    QCOMPARE(waves.at(0).cursor.selectedText(), u"\"cart-api\""_s);

    // Hovering the underlined token shows the message; hovering elsewhere shows nothing.
    QTextCursor inside(editor.document());
    inside.setPosition(block.position() + 12);
    const QPoint over = editor.cursorRect(inside).center();
    QHelpEvent hover(QEvent::ToolTip, over, editor.viewport()->mapToGlobal(over));
    QApplication::sendEvent(editor.viewport(), &hover);
    QTRY_COMPARE(QToolTip::text(), message);

    QTextCursor outside(editor.document());
    outside.setPosition(editor.document()->findBlockByNumber(1).position() + 2);
    const QPoint away = editor.cursorRect(outside).center();
    QHelpEvent hoverAway(QEvent::ToolTip, away, editor.viewport()->mapToGlobal(away));
    QApplication::sendEvent(editor.viewport(), &hoverAway);
    QTRY_VERIFY(!QToolTip::isVisible());

    // The underline follows an edit above it.
    QTextCursor top(editor.document());
    top.insertText(u"# new first line\n"_s);
    QCOMPARE(editor.diagnosticsAt(editor.document()->findBlockByNumber(4).position() + 9), message);
    QCOMPARE(editor.diagnosticsAt(editor.document()->findBlockByNumber(3).position() + 9), QString());

    editor.setDiagnostics({});
    for (const QTextEdit::ExtraSelection &s : editor.extraSelections())
        QVERIFY(s.format.underlineStyle() != QTextCharFormat::WaveUnderline);
}

void TestYamlEditor::gutterGrows()
{
    gd::ui::YamlEditor editor;
    editor.resize(400, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const int digit = editor.fontMetrics().horizontalAdvance(u'9');

    editor.setPlainText(lines(9));
    const int twoDigits = editor.gutterWidth();
    QVERIFY(twoDigits >= 2 * digit);
    editor.setPlainText(lines(99));
    QCOMPARE(editor.gutterWidth(), twoDigits);
    editor.setPlainText(lines(1000));
    QCOMPARE(editor.gutterWidth(), twoDigits + 2 * digit);
    // The text starts right of the gutter.
    QVERIFY(editor.viewport()->geometry().left() >= editor.gutterWidth());
}

void TestYamlEditor::darkPaletteReadable()
{
    gd::ui::YamlEditor editor;
    editor.setPlainText(kManifest);
    const QTextBlock comment = editor.document()->findBlockByNumber(0);
    const QTextBlock key = editor.document()->findBlockByNumber(1);
    const std::optional<QColor> lightKey = colourAt(key, 0);
    QVERIFY(lightKey);

    const QPalette dark = gd::test::darkPalette();
    editor.setPalette(dark);
    const QColor base = dark.color(QPalette::Base);
    const std::optional<QColor> commentColour = colourAt(comment, 2);
    const std::optional<QColor> keyColour = colourAt(key, 0);
    QVERIFY(commentColour && keyColour);
    QVERIFY2(contrast(*commentColour, base) >= 4.5, qPrintable(commentColour->name()));
    QVERIFY2(contrast(*keyColour, base) >= 4.5, qPrintable(keyColour->name()));
    QVERIFY(*keyColour != *lightKey); // re-derived on the palette change

    // And back to light: still readable there.
    const QPalette light = QApplication::style()->standardPalette();
    editor.setPalette(light);
    QVERIFY(contrast(*colourAt(comment, 2), light.color(QPalette::Base)) >= 4.5);
    QCOMPARE(*colourAt(key, 0), *lightKey);
}

void TestYamlEditor::findReplace()
{
    gd::ui::YamlEditor editor;
    editor.setPlainText(u"name: cart\nimage: registry/cart:1.2\nlabels:\n  app: Cart\n"_s);

    // Without flags the search ignores case: cart, cart, Cart.
    QCOMPARE(editor.findNext(u"cart"_s), 3);
    QCOMPARE(editor.textCursor().selectedText(), u"cart"_s);
    QCOMPARE(editor.textCursor().selectionStart(), 6);
    QCOMPARE(editor.findNext(u"cart"_s), 3);
    QCOMPARE(editor.textCursor().selectionStart(), 27);
    QCOMPARE(editor.findNext(u"cart"_s), 3);
    QCOMPARE(editor.textCursor().selectionStart(), 51);
    QCOMPARE(editor.findNext(u"cart"_s), 3); // wraps around
    QCOMPARE(editor.textCursor().selectionStart(), 6);
    QCOMPARE(editor.findNext(u"cart"_s, QTextDocument::FindBackward), 3); // backwards wraps to the end
    QCOMPARE(editor.textCursor().selectionStart(), 51);
    QCOMPARE(editor.findNext(u"Cart"_s, QTextDocument::FindCaseSensitively), 1);
    QCOMPARE(editor.findNext(u"missing"_s), 0);

    QCOMPARE(editor.replaceAll(u"cart"_s, u"shop-cart"_s), 2);
    QCOMPARE(editor.toPlainText(), u"name: shop-cart\nimage: registry/shop-cart:1.2\nlabels:\n  app: Cart\n"_s);
    QCOMPARE(editor.replaceAll(u"nothing"_s, u"x"_s), 0);
}

void TestYamlEditor::undoRestores()
{
    gd::ui::YamlEditor editor;
    const QString original = u"spec:\n  replicas: 3\n"_s;
    editor.setPlainText(original);
    QCOMPARE(editor.replaceAll(u"3"_s, u"5"_s), 1);
    QVERIFY(editor.document()->isUndoAvailable());
    editor.undo(); // the whole replace-all is one step
    QCOMPARE(editor.toPlainText(), original);
    editor.redo();
    QCOMPARE(editor.toPlainText(), u"spec:\n  replicas: 5\n"_s);

    editor.moveCursor(QTextCursor::End);
    QTest::keyClicks(&editor, u"  paused: true"_s);
    QVERIFY(editor.toPlainText().endsWith(u"paused: true"_s));
    editor.undo();
    QCOMPARE(editor.toPlainText(), u"spec:\n  replicas: 5\n"_s);
}

void TestYamlEditor::screenshots()
{
    const QString dir = qEnvironmentVariable("GD_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
    QVERIFY(QDir().mkpath(dir));
    const QPalette light = QApplication::style()->standardPalette();
    for (const auto &[name, palette] : {std::pair{u"light"_s, light}, std::pair{u"dark"_s, gd::test::darkPalette()}}) {
        QApplication::setPalette(palette);
        gd::ui::YamlEditor editor;
        editor.resize(560, 380);
        editor.setPlainText(kManifest);
        using gd::manifest::Diagnostic;
        editor.setDiagnostics({Diagnostic{Diagnostic::Severity::Error, 4, 9, u"Duplicate name."_s},
                               Diagnostic{Diagnostic::Severity::Warning, 7, 13, u"Replicas are managed by the HPA."_s}});
        QTextCursor c(editor.document()->findBlockByNumber(6));
        editor.setTextCursor(c);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const QString file = dir + u"/yamleditor_"_s + name + u".png"_s;
        QVERIFY(editor.grab().save(file));
    }
    QApplication::setPalette(light);
}

QTEST_MAIN(TestYamlEditor)
#include "tst_yamleditor.moc"
