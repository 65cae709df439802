// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/yamlcheck.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::manifest::Diagnostic;

class TestYamlCheck : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reportsLineAndColumn_data();
    void reportsLineAndColumn();
    void duplicateKeys_data();
    void duplicateKeys();
    void validTextHasNoFindings_data();
    void validTextHasNoFindings();
    void realFilesHaveNoFindings_data();
    void realFilesHaveNoFindings();
};

void TestYamlCheck::reportsLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("wordInMessage");

    QTest::newRow("tab indentation") << QByteArray("images:\n- name: app\n\tnewTag: v1\n") << 3 << 1 << u"tab"_s;
    QTest::newRow("tab in nested map") << QByteArray("a:\n  b: 1\n\tc: 2\n") << 3 << 1 << u"tab"_s;
    QTest::newRow("value after value") << QByteArray("kind: Kustomization\nimages: name: app\n") << 2 << 13
                                       << u"key/value"_s;
    QTest::newRow("over-indented key") << QByteArray("resources:\n- a.yaml\nnamespace: uat\n  name: x\n") << 4 << 7
                                       << u"indentation"_s;
    QTest::newRow("unclosed flow list") << QByteArray("resources: [a.yaml, b.yaml\nnamespace: uat\n") << 2 << 10
                                        << u"]"_s;
    QTest::newRow("unclosed flow map") << QByteArray("images: [{name: app\nkind: x\n") << 2 << 5 << u"}"_s;
    QTest::newRow("bad escape") << QByteArray("a: 1\nb: \"C:\\dir\"\n") << 2 << 7 << u"escape"_s;
    QTest::newRow("unknown alias") << QByteArray("a: 1\nb: *missing\n") << 2 << 4 << u"anchor"_s;
    QTest::newRow("unclosed double quote") << QByteArray("a: 1\nnewTag: \"v1\n") << 2 << 9 << u"never closed"_s;
    QTest::newRow("unclosed single quote") << QByteArray("newTag: 'v1\nb: 2\n") << 1 << 9 << u"never closed"_s;
    QTest::newRow("second block without marker") << QByteArray("- a.yaml\n- b.yaml\nnamespace: uat\n") << 3 << 1
                                                 << u"---"_s;
    QTest::newRow("error in second document") << QByteArray("a: 1\n---\nb: 2\nc: d: e\n") << 4 << 5 << u"key/value"_s;
    QTest::newRow("utf-8 before error column")
        << QByteArray("# 发布说明\nname: \"版本\" x\n") << 2 << 12 << QString();
}

void TestYamlCheck::reportsLineAndColumn()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, wordInMessage);
    const gd::manifest::Diagnostics found = gd::manifest::checkYaml(text);
    QVERIFY(!found.empty());
    QVERIFY(gd::manifest::hasErrors(found));
    const Diagnostic &d = found.front();
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    QVERIFY2(d.message.contains(wordInMessage), qPrintable(d.message));
    QVERIFY(d.message.endsWith(u'.'));
}

void TestYamlCheck::duplicateKeys_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("top level") << QByteArray("images: []\nresources:\n- a.yaml\nimages:\n- name: app\n") << 4 << 1
                               << u"Duplicate key \"images\" (first at line 1)."_s;
    QTest::newRow("inside an images entry")
        << QByteArray("images:\n- name: app\n  newTag: v1\n  newTag: v2\n") << 4 << 3
        << u"Duplicate key \"newTag\" (first at line 3)."_s;
    QTest::newRow("quoted and plain are the same key") << QByteArray("a: 1\n\"a\": 2\n") << 2 << 1
                                                       << u"Duplicate key \"a\" (first at line 1)."_s;
    QTest::newRow("flow mapping") << QByteArray("images: [{name: a, name: b}]\n") << 1 << 20
                                  << u"Duplicate key \"name\" (first at line 1)."_s;
    QTest::newRow("second document") << QByteArray("a: 1\n---\nb: 1\nc:\n  d: 1\n  d: 2\n") << 6 << 3
                                     << u"Duplicate key \"d\" (first at line 5)."_s;
}

void TestYamlCheck::duplicateKeys()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const gd::manifest::Diagnostics found = gd::manifest::checkYaml(text);
    QCOMPARE(found.size(), size_t(1));
    QCOMPARE(found.front().line, line);
    QCOMPARE(found.front().column, column);
    QCOMPARE(found.front().message, message);
    QVERIFY(found.front().isError());
}

void TestYamlCheck::validTextHasNoFindings_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("comments only") << QByteArray("# nothing yet\n");
    QTest::newRow("same key in two documents") << QByteArray("a: 1\n---\na: 2\n");
    QTest::newRow("same key in sibling maps") << QByteArray("- name: a\n- name: b\n");
    QTest::newRow("same key nested") << QByteArray("name: a\nmetadata:\n  name: b\n");
    QTest::newRow("tab inside a value") << QByteArray("a: \"x\ty\"\nb: x\ty\n");
    QTest::newRow("crlf") << QByteArray("a: 1\r\nb:\r\n- c\r\n");
    QTest::newRow("block scalar") << QByteArray("patch: |-\n  - op: add\n    path: /x\nkind: K\n");
    QTest::newRow("anchors and merge") << QByteArray("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n");
    QTest::newRow("leading marker") << QByteArray("---\napiVersion: v1\nkind: ConfigMap\n");
    QTest::newRow("documents with end markers") << QByteArray("a: 1\n...\n---\nb: 2\n");
    QTest::newRow("no final newline") << QByteArray("images:\n- name: app\n  newTag: v1");
}

void TestYamlCheck::validTextHasNoFindings()
{
    QFETCH(QByteArray, text);
    const gd::manifest::Diagnostics found = gd::manifest::checkYaml(text);
    QVERIFY2(found.empty(), found.empty() ? "" : qPrintable(found.front().message));
}

void TestYamlCheck::realFilesHaveNoFindings_data()
{
    QTest::addColumn<QString>("path");
    const QString root = qEnvironmentVariable("GD_TEST_DATA") + u"/kustomize"_s;
    QDirIterator it(root, {u"*.yaml"_s}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int count = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QTest::newRow(qPrintable(path.mid(root.size() + 1))) << path;
        ++count;
    }
    QVERIFY(count >= 100);
}

void TestYamlCheck::realFilesHaveNoFindings()
{
    QFETCH(QString, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const gd::manifest::Diagnostics found = gd::manifest::checkYaml(f.readAll());
    QVERIFY2(found.empty(),
             found.empty() ? ""
                           : qPrintable(u"line %1 column %2: %3"_s.arg(found.front().line)
                                            .arg(found.front().column)
                                            .arg(found.front().message)));
}

QTEST_GUILESS_MAIN(TestYamlCheck)
#include "tst_yamlcheck.moc"
