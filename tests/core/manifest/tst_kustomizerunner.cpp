// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/kustomizerunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using gd::manifest::KustomizeRunner;

namespace {

QString dataPath(const QString &relative)
{
    return qEnvironmentVariable("GD_TEST_DATA") + u"/kustomize/"_s + relative;
}

bool writeFile(const QString &path, const QByteArray &data, bool executable = false)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return false;
    f.close();
    if (executable)
        return f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ReadOwner);
    return true;
}

// Restores PATH when a test changed it.
class PathGuard {
public:
    PathGuard() : m_saved(qgetenv("PATH")) {}
    ~PathGuard() { qputenv("PATH", m_saved); }

private:
    QByteArray m_saved;
};

} // namespace

class TestKustomizeRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void buildsRealOverlays_data();
    void buildsRealOverlays();
    void brokenOverlayIsKustomizeError();
    void invalidYamlOverlayIsKustomizeError();
    void missingFolderIsNotFound();
    void configuredProgramMissingIsNotFound();
    void nothingOnPathIsNotFound();
    void commandForConfiguredPrograms();
    void passesArgumentsWithoutShell();
    void hangingProgramTimesOut();

private:
    bool m_haveKustomize = false;
};

void TestKustomizeRunner::initTestCase()
{
    m_haveKustomize = KustomizeRunner().command().ok();
}

void TestKustomizeRunner::buildsRealOverlays_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("multibases top level")
        << u"kustomize-multibases"_s << QByteArray("name: cluster-a-dev-myapp-pod");
    QTest::newRow("multibases production") << u"kustomize-multibases/production"_s
                                           << QByteArray("name: prod-myapp-pod");
    QTest::newRow("ebs gcr overlay rewrites the driver image")
        << u"aws-ebs-csi-driver/overlays/stable/gcr"_s
        << QByteArray("image: registry.k8s.io/provider-aws/aws-ebs-csi-driver:");
    QTest::newRow("metrics-server component image")
        << u"metrics-server/overlays/release"_s
        << QByteArray("image: registry.k8s.io/metrics-server/metrics-server:v0.9.0");
}

void TestKustomizeRunner::buildsRealOverlays()
{
    QFETCH(QString, dir);
    QFETCH(QByteArray, expected);
    if (!m_haveKustomize)
        QFAIL("Neither kustomize nor kubectl is installed; install kubectl (kustomize v5).");
    const auto rendered = KustomizeRunner().build(dataPath(dir));
    QVERIFY2(rendered.ok(), rendered.ok() ? "" : qPrintable(rendered.error().fullText()));
    QVERIFY2(rendered->contains(expected), rendered->left(2000).constData());
}

void TestKustomizeRunner::brokenOverlayIsKustomizeError()
{
    if (!m_haveKustomize)
        QFAIL("Neither kustomize nor kubectl is installed; install kubectl (kustomize v5).");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(writeFile(tmp.filePath(u"kustomization.yaml"_s), "resources:\n- missing-deployment.yaml\n"));
    const auto result = KustomizeRunner().build(tmp.path());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, gd::Error::Code::Kustomize);
    QVERIFY(result.error().message.contains(tmp.path()));
    QVERIFY(result.error().message.endsWith(u'.'));
    QVERIFY2(result.error().detail.contains(u"missing-deployment.yaml"_s), qPrintable(result.error().detail));
    QCOMPARE(result.error().detail, result.error().detail.trimmed());
}

void TestKustomizeRunner::invalidYamlOverlayIsKustomizeError()
{
    if (!m_haveKustomize)
        QFAIL("Neither kustomize nor kubectl is installed; install kubectl (kustomize v5).");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(writeFile(tmp.filePath(u"kustomization.yaml"_s), "images:\n- name: app\n  newTag: 11\n"));
    const auto result = KustomizeRunner().build(tmp.path());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, gd::Error::Code::Kustomize);
    QVERIFY2(result.error().detail.contains(u"unmarshal number"_s), qPrintable(result.error().detail));
}

void TestKustomizeRunner::missingFolderIsNotFound()
{
    if (!m_haveKustomize)
        QFAIL("Neither kustomize nor kubectl is installed; install kubectl (kustomize v5).");
    QTemporaryDir tmp;
    const auto result = KustomizeRunner().build(tmp.filePath(u"no-such-overlay"_s));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, gd::Error::Code::NotFound);
}

void TestKustomizeRunner::configuredProgramMissingIsNotFound()
{
    QTemporaryDir tmp;
    KustomizeRunner::Options options;
    options.program = tmp.filePath(u"bin/kustomize"_s);
    const KustomizeRunner runner(options);
    const auto command = runner.command();
    QVERIFY(!command.ok());
    QCOMPARE(command.error().code, gd::Error::Code::NotFound);
    QCOMPARE(command.error().message,
             u"The kustomize program \"%1\" set in Settings does not exist; correct the path or clear it to use "
             "kustomize or kubectl from PATH."_s.arg(options.program));
    const auto build = runner.build(tmp.path());
    QVERIFY(!build.ok());
    QCOMPARE(build.error().code, gd::Error::Code::NotFound);
}

void TestKustomizeRunner::nothingOnPathIsNotFound()
{
    PathGuard guard;
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    qputenv("PATH", empty.path().toLocal8Bit());
    const auto command = KustomizeRunner().command();
    QVERIFY(!command.ok());
    QCOMPARE(command.error().code, gd::Error::Code::NotFound);
    QCOMPARE(command.error().message,
             u"Neither kustomize nor kubectl was found on PATH; install kubectl or set the kustomize path in "
             "Settings."_s);
}

void TestKustomizeRunner::commandForConfiguredPrograms()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString kubectl = tmp.filePath(u"kubectl"_s);
    const QString kustomize = tmp.filePath(u"kustomize-v5"_s);
    QVERIFY(writeFile(kubectl, "#!/bin/sh\nexit 0\n", true));
    QVERIFY(writeFile(kustomize, "#!/bin/sh\nexit 0\n", true));

    const auto viaKubectl = KustomizeRunner({kubectl, 5000ms}).command();
    QVERIFY(viaKubectl.ok());
    QCOMPARE(viaKubectl.value(), (QStringList{kubectl, u"kustomize"_s}));
    const auto viaKustomize = KustomizeRunner({kustomize, 5000ms}).command();
    QVERIFY(viaKustomize.ok());
    QCOMPARE(viaKustomize.value(), (QStringList{kustomize, u"build"_s}));

    // On PATH: kustomize is preferred over kubectl.
    PathGuard guard;
    QVERIFY(QFile::copy(kustomize, tmp.filePath(u"kustomize"_s)));
    qputenv("PATH", tmp.path().toLocal8Bit());
    const auto onPath = KustomizeRunner().command();
    QVERIFY(onPath.ok());
    QCOMPARE(onPath.value(), (QStringList{tmp.filePath(u"kustomize"_s), u"build"_s}));
}

// The directory reaches the program as one argument, even with spaces and shell characters in it.
void TestKustomizeRunner::passesArgumentsWithoutShell()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString program = tmp.filePath(u"kubectl"_s);
    QVERIFY(writeFile(program, "#!/bin/sh\nprintf '%s|' \"$#\" \"$@\"\n", true));
    const QString overlay = tmp.filePath(u"my overlay; rm -rf x $(id)"_s);
    QVERIFY(QDir().mkpath(overlay));
    const auto result = KustomizeRunner({program, 5000ms}).build(overlay);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().fullText()));
    QCOMPARE(QString::fromUtf8(result.value()),
             u"4|kustomize|--load-restrictor|LoadRestrictionsRootOnly|"_s + overlay + u'|');
}

void TestKustomizeRunner::hangingProgramTimesOut()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString program = tmp.filePath(u"slow-kustomize"_s);
    QVERIFY(writeFile(program, "#!/bin/sh\nexec sleep 30\n", true));
    QElapsedTimer timer;
    timer.start();
    const auto result = KustomizeRunner({program, 300ms}).build(tmp.path());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, gd::Error::Code::Timeout);
    QVERIFY(result.error().message.endsWith(u'.'));
    QVERIFY2(timer.elapsed() < 5000, "the hanging program was not stopped at the timeout");
}

QTEST_GUILESS_MAIN(TestKustomizeRunner)
#include "tst_kustomizerunner.moc"
