// SPDX-License-Identifier: GPL-3.0-or-later
// What the command line tells scripts when Argo CD fails after a push: exit 4 naming the pushed commit and the
// `sync` that finishes it, a retry that says the release already landed; and a wait on Argo CD that is never
// silent (what it waits for on stderr within 2 s of the start, then the time waited so far).
#include "git/repository.h"
#include "support/clirun.h"
#include "support/simulateddemo.h"
#include "workspace/workspaceconfig.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

class TestCliArgoFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void releaseWhoseSyncFailsExitsFour_data();
    void releaseWhoseSyncFailsExitsFour();
    void retryOfALandedReleaseSaysSo();
    void rollbackWhoseSyncFailsExitsFour();
    void scaffoldWhoseApplicationsFailExitsFour();
    void syncWaitSaysWhatItWaitsFor();

private:
    test::CliRun cli(const QStringList &arguments, const QString &workspace = {}) const
    {
        return test::runCli(m_dir.path(), QStringList{u"--workspace"_s,
                                                      workspace.isEmpty() ? m_demo.workspaceFile() : workspace}
                                              + arguments);
    }
    /// The `status --json` row of `service` in `env`.
    QJsonObject statusRow(const QString &service, const QString &env) const;
    QString tip() const;
    /// A copy of the demo's workspace file whose Argo CD server is a port nobody listens on.
    QString workspaceWithArgoDown();

    QTemporaryDir m_dir;
    test::SimulatedDemo m_demo;
};

QJsonObject TestCliArgoFaults::statusRow(const QString &service, const QString &env) const
{
    const test::CliRun run = cli({u"status"_s, u"shop"_s, u"--json"_s});
    for (const QJsonValue &value : QJsonDocument::fromJson(run.out).array()) {
        const QJsonObject row = value.toObject();
        if (row[u"service"_s].toString() == service && row[u"environment"_s].toString() == env)
            return row;
    }
    qWarning("no status row for %s in %s: %s", qPrintable(service), qPrintable(env), run.err.constData());
    return {};
}

QString TestCliArgoFaults::tip() const
{
    auto repo = git::Repository::open(m_dir.filePath(u"demo/repos/argocd-gitops-shop.git"_s));
    return repo.ok() ? repo->resolve(u"refs/heads/main"_s).valueOr(git::ObjectId()).toHex() : QString();
}

QString TestCliArgoFaults::workspaceWithArgoDown()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return {};
    const quint16 port = probe.serverPort();
    probe.close();
    auto config = ws::WorkspaceConfig::load(m_demo.workspaceFile());
    if (!config.ok())
        return {};
    config->argocdServer = u"http://127.0.0.1:%1"_s.arg(port);
    const QString path = m_dir.filePath(u"demo/argocd-down.yaml"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(config->toYaml());
    return path;
}

void TestCliArgoFaults::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    QString error;
    QVERIFY2(m_demo.create(m_dir.filePath(u"demo"_s), 1, 3, &error), qPrintable(error));
    test::ArgoSim::Options options;
    options.healthDelayMs = 200;
    options.reconcileMs = 200;
    QVERIFY2(m_demo.startArgo(options, &error), qPrintable(error));
}

void TestCliArgoFaults::releaseWhoseSyncFailsExitsFour_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("tag");
    QTest::newRow("Argo CD answers 503") << u"5xx"_s << u"5.0.1"_s;
    QTest::newRow("Argo CD answers 401") << u"401"_s << u"5.0.2"_s;
    QTest::newRow("Argo CD is down") << u"down"_s << u"5.0.3"_s;
}

void TestCliArgoFaults::releaseWhoseSyncFailsExitsFour()
{
    QFETCH(QString, fault);
    QFETCH(QString, tag);
    const QString application = statusRow(u"orders"_s, u"uat"_s)[u"application"_s].toString();
    QVERIFY(!application.isEmpty());
    const QString before = tip();

    QString workspace = m_demo.workspaceFile();
    if (fault == u"down") {
        workspace = workspaceWithArgoDown();
        QVERIFY(!workspace.isEmpty());
    } else {
        // Every request about the Application fails; the list of Applications still answers.
        QVERIFY(m_demo.argo()->setFault(fault, 1000, 0, u"/applications/"_s + application));
    }
    const QStringList release{u"release"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--tag"_s, tag, u"--stage"_s,
                              u"ga"_s, u"--wait"_s};
    const test::CliRun run = cli(release, workspace);
    QVERIFY(m_demo.argo()->setFault(u"clear"_s));
    const QString commit = tip();
    QVERIFY(commit != before);
    QVERIFY2(run.exitCode == 4, QByteArray(run.out + run.err).constData());
    QVERIFY2(run.err.contains(u"Commit %1 is pushed, but Argo CD has not synced it"_s.arg(commit).toUtf8()),
             run.err.constData());
    QVERIFY2(run.err.contains("gitops-desk-cli sync shop orders uat"), run.err.constData());

    // The retry says it landed and finishes the sync, without a second commit.
    const test::CliRun retry = cli(release);
    QVERIFY2(retry.exitCode == 0, QByteArray(retry.out + retry.err).constData());
    QVERIFY2(retry.out.contains(u"orders %1 already landed on the GA stage in uat (commit %2)"_s.arg(tag, commit)
                                    .toUtf8()),
             retry.out.constData());
    QCOMPARE(tip(), commit);
    QCOMPARE(statusRow(u"orders"_s, u"uat"_s)[u"syncedRevision"_s].toString(), commit);

    // After a failure, `sync` alone finishes it too.
    const test::CliRun sync = cli({u"sync"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--wait"_s});
    QVERIFY2(sync.exitCode == 0, QByteArray(sync.out + sync.err).constData());
}

void TestCliArgoFaults::retryOfALandedReleaseSaysSo()
{
    const QStringList release{u"release"_s, u"shop"_s, u"cart"_s, u"prod"_s, u"--tag"_s, u"5.1.0"_s, u"--stage"_s,
                              u"ga"_s, u"--no-sync"_s};
    const test::CliRun first = cli(release);
    QVERIFY2(first.exitCode == 0, QByteArray(first.out + first.err).constData());
    const QString commit = tip();
    const test::CliRun again = cli(release);
    QVERIFY2(again.exitCode == 0, QByteArray(again.out + again.err).constData());
    QVERIFY2(again.out.contains(u"cart 5.1.0 already landed on the GA stage in prod (commit %1); nothing to push."_s
                                    .arg(commit)
                                    .toUtf8()),
             again.out.constData());
    QCOMPARE(tip(), commit);
}

void TestCliArgoFaults::rollbackWhoseSyncFailsExitsFour()
{
    const QString application = statusRow(u"orders"_s, u"uat"_s)[u"application"_s].toString();
    QVERIFY(!application.isEmpty());
    const QString before = tip();
    QVERIFY(m_demo.argo()->setFault(u"5xx"_s, 1000, 0, u"/applications/"_s + application));
    const test::CliRun run = cli({u"rollback"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--last"_s});
    QVERIFY(m_demo.argo()->setFault(u"clear"_s));
    const QString commit = tip();
    QVERIFY(commit != before);
    QVERIFY2(run.exitCode == 4, QByteArray(run.out + run.err).constData());
    QVERIFY2(run.err.contains(u"Commit %1 is pushed"_s.arg(commit).toUtf8()), run.err.constData());
    QVERIFY2(run.err.contains("gitops-desk-cli sync shop orders uat"), run.err.constData());
}

void TestCliArgoFaults::scaffoldWhoseApplicationsFailExitsFour()
{
    const QStringList scaffold{u"scaffold"_s, u"shop"_s, u"parcels"_s, u"--lang"_s, u"go"_s, u"--env"_s, u"uat"_s,
                               u"--image"_s, u"registry.example.com/shop/parcels"_s, u"--yes"_s};
    QVERIFY(m_demo.argo()->setFault(u"5xx"_s, 1000, 0, u"/api/v1/applications"_s));
    const test::CliRun run = cli(scaffold);
    QVERIFY(m_demo.argo()->setFault(u"clear"_s));
    QVERIFY2(run.exitCode == 4, QByteArray(run.out + run.err).constData());
    QVERIFY2(run.err.contains(u"Commit %1 is in Git, but the Argo CD Applications are not all in place"_s.arg(tip())
                                  .toUtf8()),
             run.err.constData());

    // Running it again commits nothing and puts the Applications in place.
    const QString landed = tip();
    const test::CliRun again = cli(scaffold);
    QVERIFY2(again.exitCode == 0, QByteArray(again.out + again.err).constData());
    QVERIFY2(again.out.contains("Argo CD Application shop-parcels-uat is in place."), again.out.constData());
    QCOMPARE(tip(), landed);
}

void TestCliArgoFaults::syncWaitSaysWhatItWaitsFor()
{
    const QString application = statusRow(u"cart"_s, u"uat"_s)[u"application"_s].toString();
    QVERIFY(!application.isEmpty());
    // Argo CD answers a refresh once it has reconciled: here never.
    QVERIFY(m_demo.argo()->setFault(u"slow-refresh"_s, 1, 0, application));

    QProcess process;
    process.setProcessEnvironment(test::cliEnvironment(m_dir.path()));
    QElapsedTimer sinceStart;
    sinceStart.start();
    process.start(qEnvironmentVariable("GD_CLI"), {u"--workspace"_s, m_demo.workspaceFile(), u"sync"_s, u"shop"_s,
                                                   u"cart"_s, u"uat"_s, u"--wait"_s});
    QByteArray err;
    qint64 firstLineAt = -1;
    qint64 reminderAt = -1;
    const QByteArray waiting = u"Waiting for Argo CD to refresh %1 …"_s.arg(application).toUtf8();
    while (sinceStart.elapsed() < 20000 && reminderAt < 0 && process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(50);
        err += process.readAllStandardError();
        if (firstLineAt < 0 && err.contains(waiting))
            firstLineAt = sinceStart.elapsed();
        if (firstLineAt >= 0 && err.contains("s so far) …"))
            reminderAt = sinceStart.elapsed();
    }
    const QByteArray out = process.readAllStandardOutput();
    process.kill();
    process.waitForFinished(10000);
    QVERIFY(m_demo.argo()->setFault(u"clear"_s));

    QVERIFY2(firstLineAt >= 0, err.constData());
    qInfo("the first line on stderr came %lld ms after the start", firstLineAt);
    QVERIFY2(firstLineAt < 2000, qPrintable(u"%1 ms"_s.arg(firstLineAt)));
    QVERIFY2(reminderAt >= 0, err.constData());
    QVERIFY2(err.contains(u"Waiting for Argo CD to refresh %1 (10 s so far) …"_s.arg(application).toUtf8()),
             err.constData());
    QVERIFY2(!out.contains("Waiting"), out.constData());   // stdout stays what scripts parse
}

QTEST_GUILESS_MAIN(TestCliArgoFaults)
#include "tst_cliargofaults.moc"
