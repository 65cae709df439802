// SPDX-License-Identifier: GPL-3.0-or-later
// Every reader of YAML text from Git or from users, fed a line that starts with ',': yaml-cpp 0.7's own document loop
// hands out empty documents for it forever. Each must answer with a finding at that line instead. The test runs under
// an address-space limit, so that a reader that loops fails fast (bad_alloc) instead of eating the machine's memory.
#include "manifest/kustomization.h"
#include "manifest/manifestcheck.h"
#include "manifest/overlayhelpers.h"
#include "manifest/yamlcheck.h"
#include "template/templaterenderer.h"

#include <QTest>

#include <sys/resource.h>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

using Reader = std::function<QString(const QByteArray &)>;
Q_DECLARE_METATYPE(Reader)

namespace {

/// The message of an error result, or "accepted".
template <typename T>
QString outcome(const Result<T> &result)
{
    return result.ok() ? u"accepted"_s : result.error().fullText();
}

QString firstError(const manifest::Diagnostics &findings)
{
    for (const manifest::Diagnostic &d : findings) {
        if (d.isError())
            return u"line %1: %2"_s.arg(d.line).arg(d.message);
    }
    return u"no error"_s;
}

} // namespace

class TestStrayComma : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyReaderRefuses_data();
    void everyReaderRefuses();
};

void TestStrayComma::initTestCase()
{
    // 2 GiB: plenty for Qt and the parsers, little enough for a runaway loop to hit within a second or two.
    const rlimit limit{rlim_t(2) << 30, rlim_t(2) << 30};
    QCOMPARE(setrlimit(RLIMIT_AS, &limit), 0);
}

void TestStrayComma::everyReaderRefuses_data()
{
    QTest::addColumn<Reader>("reader");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");   // a part of the answer

    const QByteArray alone = ",";
    // A second document that starts with ',' after a sound first one.
    const QByteArray kustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                                     "resources:\n  - deployment.yaml\n---\n,\n";
    const QByteArray deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
                                  "  replicas: 2\n---\n, x\n";
    const QByteArray application = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web\n"
                                   "spec:\n  syncPolicy:\n    automated: {}\n---\n,\n";
    const QString notYaml = u"This character cannot start a YAML value"_s;

    const Reader parse = [](const QByteArray &t) { return outcome(manifest::Kustomization::parse(t)); };
    QTest::newRow("Kustomization::parse, just a comma") << parse << alone << notYaml;
    QTest::newRow("Kustomization::parse, second document") << parse << kustomization << notYaml;

    const Reader replicas = [](const QByteArray &t) {
        return outcome(manifest::setAutoscalerManagesReplicas(t, true));
    };
    QTest::newRow("setAutoscalerManagesReplicas") << replicas << deployment << notYaml;
    QTest::newRow("setAutoscalerManagesReplicas, just a comma") << replicas << alone << notYaml;
    const Reader replicasState = [](const QByteArray &t) {
        return manifest::replicasState(t) == manifest::ReplicasState::Absent ? u"nothing read"_s : u"read"_s;
    };
    QTest::newRow("replicasState") << replicasState << deployment << u"nothing read"_s;
    const Reader selfHealOn = [](const QByteArray &t) { return outcome(manifest::setSelfHeal(t, true)); };
    QTest::newRow("setSelfHeal") << selfHealOn << application << notYaml;
    const Reader selfHealRead = [](const QByteArray &t) {
        return manifest::selfHeal(t).has_value() ? u"read"_s : u"nothing read"_s;
    };
    QTest::newRow("selfHeal") << selfHealRead << application << u"nothing read"_s;
    const Reader env = [](const QByteArray &t) {
        return outcome(manifest::addEnvironmentVariable(t, u"web"_s, u"MODE"_s, u"a"_s));
    };
    QTest::newRow("addEnvironmentVariable") << env << deployment << notYaml;
    const Reader label = [](const QByteArray &t) { return outcome(manifest::addLabel(t, u"team"_s, u"a"_s)); };
    QTest::newRow("addLabel") << label << kustomization << notYaml;

    const Reader yamlCheck = [](const QByteArray &t) { return firstError(manifest::checkYaml(t)); };
    QTest::newRow("checkYaml") << yamlCheck << alone << u"line 1: "_s + notYaml;
    QTest::newRow("checkYaml, second document") << yamlCheck << kustomization << u"line 6: "_s + notYaml;
    const Reader manifestCheck = [](const QByteArray &t) {
        return firstError(manifest::checkManifest(t, manifest::ManifestRole::Kustomization, {}));
    };
    QTest::newRow("checkManifest") << manifestCheck << kustomization << u"line 6: "_s + notYaml;

    const Reader render = [](const QByteArray &t) {
        return outcome(tmpl::renderTemplate(t, u"kustomization.yaml"_s, {{u"SERVICE"_s, u"web"_s}}));
    };
    QTest::newRow("renderTemplate") << render << "name: ${SERVICE}\n---\n,\n"_ba
                                    << u"The template kustomization.yaml does not give valid YAML at line 3"_s;
}

void TestStrayComma::everyReaderRefuses()
{
    QFETCH(Reader, reader);
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const QString answer = reader(text);
    QVERIFY2(answer.contains(expected), qPrintable(answer));
}

QTEST_GUILESS_MAIN(TestStrayComma)
#include "tst_straycomma.moc"
