// SPDX-License-Identifier: GPL-3.0-or-later
// visibleText: what Git or a server says reaches a terminal or a label with every hidden control shown, not obeyed.
#include "util/terminaltext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

class TestTerminalText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void visibleText_data();
    void visibleText();
    void nothingHiddenIsLeft();
    void escapesKeepJsonValid();
};

void TestTerminalText::visibleText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("singleLine");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"Ann Example"_s << false << u"Ann Example"_s;
    QTest::newRow("unicode") << u"张伟 Zoë 🚀"_s << true << u"张伟 Zoë 🚀"_s;
    QTest::newRow("clear screen") << u"x\x1b[2Jy"_s << false << u"x\\x1b[2Jy"_s;
    QTest::newRow("osc title") << u"\x1b]0;owned\x07"_s << false << u"\\x1b]0;owned\\x07"_s;
    QTest::newRow("osc 8 link") << u"\x1b]8;;http://x\x1b\\a\x1b]8;;\x1b\\"_s << false
                                << u"\\x1b]8;;http://x\\x1b\\a\\x1b]8;;\\x1b\\"_s;
    QTest::newRow("nul and bell") << QString(QChar(0)) + u"\a"_s << false << u"\\x00\\x07"_s;
    QTest::newRow("carriage return") << u"ok\rforged"_s << false << u"ok\\x0dforged"_s;
    QTest::newRow("backspace") << u"abc\b\b\bxyz"_s << false << u"abc\\x08\\x08\\x08xyz"_s;
    QTest::newRow("del") << u"a\x7f"_s << false << u"a\\u007f"_s;
    QTest::newRow("c1 csi") << u"a\u009b2Jb"_s << false << u"a\\u009b2Jb"_s;
    QTest::newRow("c1 nel") << u"a\u0085b"_s << false << u"a\\u0085b"_s;
    QTest::newRow("rlo") << u"user\u202Egnp.exe"_s << false << u"user\\u202egnp.exe"_s;
    QTest::newRow("lre pdf") << u"\u202Ax\u202C"_s << false << u"\\u202ax\\u202c"_s;
    QTest::newRow("isolates") << u"\u2066\u2067\u2068\u2069"_s << false << u"\\u2066\\u2067\\u2068\\u2069"_s;
    QTest::newRow("marks") << u"\u200E\u200F\u061C"_s << false << u"\\u200e\\u200f\\u061c"_s;
    QTest::newRow("lines kept") << u"a\n\tb"_s << false << u"a\n\tb"_s;
    QTest::newRow("lines escaped in a cell") << u"a\n\tb"_s << true << u"a\\x0a\\x09b"_s;
}

void TestTerminalText::visibleText()
{
    QFETCH(QString, text);
    QFETCH(bool, singleLine);
    QFETCH(QString, expected);
    QCOMPARE(gd::visibleText(text, singleLine ? TextLines::Single : TextLines::Keep), expected);
}

void TestTerminalText::nothingHiddenIsLeft()
{
    QString every;
    for (char32_t c = 0; c < 0x3000; ++c) {
        if (!QChar::isSurrogate(c))
            every += QChar(c);
    }
    const QString shown = gd::visibleText(every, TextLines::Single);
    for (const QChar c : shown)
        QVERIFY2(!isHiddenControl(c.unicode()), qPrintable(u"U+%1 is left"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'))));
}

void TestTerminalText::escapesKeepJsonValid()
{
    // QJsonDocument escapes C0 itself; DEL, C1 and bidirectional characters it writes raw. Shown, they are JSON
    // escapes that mean the same characters.
    const QString hostile = u"a\x1b[2J\x7f\u009b\u202Eb\n"_s;
    const QByteArray raw = QJsonDocument(QJsonObject{{u"author"_s, hostile}}).toJson();
    const QByteArray shown = gd::visibleText(QString::fromUtf8(raw)).toUtf8();
    QVERIFY(!shown.contains('\x1b'));
    QVERIFY(!shown.contains("\xc2\x9b"));
    QVERIFY(!shown.contains("\xe2\x80\xae"));
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(shown, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(parsed.object()[u"author"_s].toString(), hostile);
}

QTEST_GUILESS_MAIN(TestTerminalText)
#include "tst_terminaltext.moc"
