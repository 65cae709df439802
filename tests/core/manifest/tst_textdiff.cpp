// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/textdiff.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestTextDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void golden_data();
    void golden();
    void contextSize();
    void appliesWithPatch_data();
    void appliesWithPatch();
};

void TestTextDiff::golden_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QString>("expected");

    QTest::newRow("equal") << QByteArray("a\nb\n") << QByteArray("a\nb\n") << QString();
    QTest::newRow("both empty") << QByteArray() << QByteArray() << QString();

    QTest::newRow("one changed tag line")
        << QByteArray("resources:\n- ../base\nimages:\n- name: app\n  newName: reg/app\n  newTag: v1 # pin\n"
                      "namespace: uat\n")
        << QByteArray("resources:\n- ../base\nimages:\n- name: app\n  newName: reg/app\n  newTag: v2 # pin\n"
                      "namespace: uat\n")
        << u"--- a/k.yaml\n+++ b/k.yaml\n"
           "@@ -3,5 +3,5 @@\n"
           " images:\n"
           " - name: app\n"
           "   newName: reg/app\n"
           "-  newTag: v1 # pin\n"
           "+  newTag: v2 # pin\n"
           " namespace: uat\n"_s;

    QTest::newRow("from empty")
        << QByteArray() << QByteArray("a\nb\n")
        << u"--- a/k.yaml\n+++ b/k.yaml\n@@ -0,0 +1,2 @@\n+a\n+b\n"_s;

    QTest::newRow("to empty")
        << QByteArray("a\n") << QByteArray()
        << u"--- a/k.yaml\n+++ b/k.yaml\n@@ -1 +0,0 @@\n-a\n"_s;

    QTest::newRow("add missing final newline")
        << QByteArray("a\nb") << QByteArray("a\nb\n")
        << u"--- a/k.yaml\n+++ b/k.yaml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"_s;

    QTest::newRow("change last line without newline")
        << QByteArray("x\ny\nnewTag: v1") << QByteArray("x\ny\nnewTag: v2")
        << u"--- a/k.yaml\n+++ b/k.yaml\n@@ -1,3 +1,3 @@\n x\n y\n-newTag: v1\n\\ No newline at end of file\n"
           "+newTag: v2\n\\ No newline at end of file\n"_s;

    // Two changes 7 lines apart: their 3-line contexts touch, so one hunk.
    QTest::newRow("close changes merge")
        << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n") << QByteArray("1\nX\n3\n4\n5\n6\n7\n8\nY\n")
        << u"--- a/k.yaml\n+++ b/k.yaml\n@@ -1,9 +1,9 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+Y\n"_s;

    // Far apart: two hunks.
    QTest::newRow("far changes split")
        << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n") << QByteArray("X\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\nY\n")
        << u"--- a/k.yaml\n+++ b/k.yaml\n@@ -1,4 +1,4 @@\n-1\n+X\n 2\n 3\n 4\n"
           "@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+Y\n"_s;

    QTest::newRow("insert in middle")
        << QByteArray("a\nb\nc\n") << QByteArray("a\nb\nnew\nc\n")
        << u"--- a/k.yaml\n+++ b/k.yaml\n@@ -1,3 +1,4 @@\n a\n b\n+new\n c\n"_s;

    QTest::newRow("crlf to lf is a change")
        << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\n")
        << u"--- a/k.yaml\n+++ b/k.yaml\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+b\n"_s;

    QTest::newRow("utf-8")
        << QByteArray("# 发布\nnewTag: v1\n") << QByteArray("# 发布\nnewTag: v2\n")
        << u"--- a/k.yaml\n+++ b/k.yaml\n@@ -1,2 +1,2 @@\n # 发布\n-newTag: v1\n+newTag: v2\n"_s;
}

void TestTextDiff::golden()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QString, expected);
    QCOMPARE(gd::manifest::unifiedDiff(before, after, u"a/k.yaml"_s, u"b/k.yaml"_s), expected);
}

void TestTextDiff::contextSize()
{
    const QByteArray before = "1\n2\n3\n4\n5\n";
    const QByteArray after = "1\n2\nX\n4\n5\n";
    QCOMPARE(gd::manifest::unifiedDiff(before, after, u"a"_s, u"b"_s, 0), u"--- a\n+++ b\n@@ -3 +3 @@\n-3\n+X\n"_s);
    QCOMPARE(gd::manifest::unifiedDiff(before, after, u"a"_s, u"b"_s, 1),
             u"--- a\n+++ b\n@@ -2,3 +2,3 @@\n 2\n-3\n+X\n 4\n"_s);
}

// Random edits of a manifest-like text: GNU patch applies our diff and gets the new text back, byte for byte.
void TestTextDiff::appliesWithPatch_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QRandomGenerator random(20240601);
    const QList<QByteArray> vocabulary = {"apiVersion: v1", "kind: Deployment", "  replicas: 2", "- name: app",
                                          "  newTag: v1",   "  newTag: v2",       "",              "# comment",
                                          "metadata:",      "  name: web"};
    for (int round = 0; round < 40; ++round) {
        QList<QByteArray> lines;
        const int n = int(random.bounded(1, 60));
        for (int i = 0; i < n; ++i)
            lines << vocabulary[random.bounded(int(vocabulary.size()))];
        QList<QByteArray> changed = lines;
        const int edits = int(random.bounded(1, 12));
        for (int e = 0; e < edits; ++e) {
            const int op = int(random.bounded(3));
            const int at = int(random.bounded(int(changed.size()) + 1));
            if (op == 0 || changed.isEmpty())
                changed.insert(at, vocabulary[random.bounded(int(vocabulary.size()))]);
            else if (op == 1 && at < changed.size())
                changed.removeAt(at);
            else if (at < changed.size())
                changed[at] = "changed " + QByteArray::number(e);
        }
        QByteArray before = lines.join('\n');
        QByteArray after = changed.join('\n');
        if (round % 3 != 0)
            before += '\n';
        if (round % 4 != 0)
            after += '\n';
        QTest::newRow(qPrintable(u"round %1"_s.arg(round))) << before << after;
    }
}

void TestTextDiff::appliesWithPatch()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    const QString patchProgram = QStandardPaths::findExecutable(u"patch"_s);
    if (patchProgram.isEmpty())
        QFAIL("GNU patch is not installed; packaging/setup-debian.sh installs it");
    const QString diff = gd::manifest::unifiedDiff(before, after, u"a/file.yaml"_s, u"b/file.yaml"_s);
    QCOMPARE(diff.isEmpty(), before == after);
    if (diff.isEmpty())
        return;

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(writeFile(tmp.filePath(u"file.yaml"_s), before));
    QVERIFY(writeFile(tmp.filePath(u"change.diff"_s), diff.toUtf8()));
    QProcess patch;
    patch.setWorkingDirectory(tmp.path());
    patch.start(patchProgram, {u"--batch"_s, u"--quiet"_s, u"-p1"_s, u"-i"_s, u"change.diff"_s});
    QVERIFY(patch.waitForFinished(10000));
    QVERIFY2(patch.exitCode() == 0, patch.readAllStandardError().constData());
    QCOMPARE(readFile(tmp.filePath(u"file.yaml"_s)), after);
}

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
