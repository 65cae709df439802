// SPDX-License-Identifier: GPL-3.0-or-later
// The image edit on text a fuzzer found hostile. A ',' where a YAML document should start made yaml-cpp 0.7's
// LoadAll read documents forever until memory ran out: the edit must refuse such text as invalid YAML at once,
// naming the line (the test runs within 2 GiB of address space, so a runaway parse fails it, not the machine).
// Appending `images:` to a file without a final line end whose last value is a block scalar added a line break to
// that value: it must read as before.
#include "manifest/imagetagedit.h"

#include <QElapsedTimer>
#include <QTest>

#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

class TestImageTagEditHostile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void strayCommaIsInvalidYaml_data();
    void strayCommaIsInvalidYaml();
    void appendingKeepsTheLastBlockScalar_data();
    void appendingKeepsTheLastBlockScalar();
};

void TestImageTagEditHostile::initTestCase()
{
    const rlimit limit{rlim_t(2) << 30, rlim_t(2) << 30};
    QCOMPARE(setrlimit(RLIMIT_AS, &limit), 0);
}

void TestImageTagEditHostile::strayCommaIsInvalidYaml_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::newRow("only a comma") << QByteArray(",") << 1;
    QTest::newRow("comma before a document") << QByteArray(",--\napiVersion: kustomize.config.k8s.io/v1beta1\n"
                                                           "kind: Kustomization\nimages:\n- name: app\n  newTag: v1\n")
                                             << 1;
    QTest::newRow("comma after a list") << QByteArray("images:\n- name: app\n  newTag: v1\n, x\n") << 4;
    QTest::newRow("comma after a flow list") << QByteArray("resources: [a.yaml, b.yaml]\n,\n") << 2;
    QTest::newRow("indented comma in a later document")
        << QByteArray("images: [{name: app, newTag: v1}]\n---\n  ,\n") << 3;
}

void TestImageTagEditHostile::strayCommaIsInvalidYaml()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QElapsedTimer timer;
    timer.start();
    manifest::ImageEdit edit;
    edit.name = u"app"_s;
    edit.newTag = u"v2"_s;
    const auto result = manifest::applyImageEdit(text, edit);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, Error::Code::Yaml);
    QVERIFY2(result.error().message.contains(u"not valid YAML at line %1,"_s.arg(line)),
             qPrintable(result.error().message));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
}

void TestImageTagEditHostile::appendingKeepsTheLastBlockScalar_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("literal, no final newline")
        << QByteArray("resources:\n- a.yaml\npatch: |\n  - op: add\n    path: /x")
        << QByteArray("resources:\n- a.yaml\npatch: |-\n  - op: add\n    path: /x\nimages:\n- name: app\n  newTag: v2");
    QTest::newRow("folded with indentation indicator, no final newline")
        << QByteArray("patch: >2\n   two\n  words") << QByteArray("patch: >2-\n   two\n  words\nimages:\n- name: app\n  newTag: v2");
    QTest::newRow("keep, no final newline")
        << QByteArray("patch: |+ # comment\n  a") << QByteArray("patch: |- # comment\n  a\nimages:\n- name: app\n  newTag: v2");
    QTest::newRow("strip stays")
        << QByteArray("patch: |-\n  a") << QByteArray("patch: |-\n  a\nimages:\n- name: app\n  newTag: v2");
    QTest::newRow("final newline: nothing to change")
        << QByteArray("patch: |\n  a\n") << QByteArray("patch: |\n  a\nimages:\n- name: app\n  newTag: v2\n");
}

void TestImageTagEditHostile::appendingKeepsTheLastBlockScalar()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    manifest::ImageEdit edit;
    edit.name = u"app"_s;
    edit.newTag = u"v2"_s;
    const auto result = manifest::applyImageEdit(text, edit);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
    QCOMPARE(*result, expected);
}

QTEST_GUILESS_MAIN(TestImageTagEditHostile)
#include "tst_imagetagedithostile.moc"
