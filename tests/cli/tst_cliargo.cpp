// SPDX-License-Identifier: GPL-3.0-or-later
// Drives `gitops-desk-cli status` and `sync` against the Argo CD simulator on a fresh demo workspace.
#include "git/repository.h"
#include "manifest/imagetagedit.h"
#include "support/argocdsim.h"
#include "workspace/workspaceconfig.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

} // namespace

class TestCliArgo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void statusShowsEveryServiceEnvironment();
    void syncWaitsUntilHealthy();
    void syncFollowsANewCommit();
    void degradedReleaseFails();
    void withoutTokenSaysHowToLogIn();
    void workspaceWithoutServerIsClearError();

private:
    Run cli(const QStringList &arguments, const QString &token) const;
    QJsonArray status() const;
    QJsonObject row(const QString &service, const QString &env) const;
    void bumpTag(const QString &service, const QString &env, const QString &tag);

    QTemporaryDir m_dir;
    QString m_workspace;
    std::unique_ptr<test::ArgoSim> m_sim;
};

Run TestCliArgo::cli(const QStringList &arguments, const QString &token) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GITOPS_DESK_CACHE_DIR"_s, m_dir.filePath(u"cache"_s));
    env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));   // no argocd CLI config of the machine's user
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/.config"_s));
    env.remove(u"ARGOCD_SERVER"_s);
    env.remove(u"ARGOCD_CONFIG_DIR"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);   // no keychain here
    if (token.isEmpty())
        env.remove(u"ARGOCD_AUTH_TOKEN"_s);
    else
        env.insert(u"ARGOCD_AUTH_TOKEN"_s, token);
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("GD_CLI"), QStringList{u"--workspace"_s, m_workspace} + arguments);
    if (!process.waitForFinished(180000))
        qFatal("gitops-desk-cli did not finish");
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
               QString::fromUtf8(process.readAllStandardError())};
}

QJsonArray TestCliArgo::status() const
{
    const Run run = cli({u"status"_s, u"shop"_s, u"--json"_s}, m_sim->token());
    if (run.exitCode != 0)
        qWarning() << run.err;
    return QJsonDocument::fromJson(run.out).array();
}

QJsonObject TestCliArgo::row(const QString &service, const QString &env) const
{
    for (const QJsonValue &value : status()) {
        const QJsonObject object = value.toObject();
        if (object[u"service"_s].toString() == service && object[u"environment"_s].toString() == env)
            return object;
    }
    return {};
}

void TestCliArgo::bumpTag(const QString &service, const QString &env, const QString &tag)
{
    auto repo = git::Repository::open(m_dir.filePath(u"demo/repos/argocd-gitops-shop.git"_s));
    QVERIFY(repo.ok());
    auto tip = repo->resolve(u"refs/heads/main"_s);
    QVERIFY(tip.ok());
    const QString path = u"appsmanifests/%1/%2/manifests/ga/kustomization.yaml"_s.arg(service, env);
    auto text = repo->readFile(*tip, path);
    QVERIFY(text.ok());
    auto edited = manifest::applyImageEdit(*text, manifest::ImageEdit{service, tag, {}, {}});
    QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().fullText()));
    git::FileChanges changes;
    changes.write(path, *edited);
    auto commit = repo->createCommit(*tip, changes,
                                     {u"Release %1 %2 to %3"_s.arg(service, tag, env), {u"Li Wei"_s, u"li@example.com"_s, {}}, {}},
                                     u"refs/heads/main"_s);
    QVERIFY(commit.ok());
}

void TestCliArgo::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    QDir().mkpath(m_dir.filePath(u"home/.config"_s));
    QProcess demo;
    demo.start(qEnvironmentVariable("GD_CLI"),
               {u"demo"_s, u"init"_s, m_dir.filePath(u"demo"_s), u"--projects"_s, u"1"_s, u"--services"_s, u"3"_s});
    QVERIFY(demo.waitForFinished(120000));
    QCOMPARE(demo.exitCode(), 0);
    m_workspace = m_dir.filePath(u"demo/workspace.yaml"_s);

    test::ArgoSim::Options options;
    options.workspaceFile = m_workspace;
    options.healthDelayMs = 300;
    options.reconcileMs = 200;
    options.degradedPattern = u"-broken"_s;
    m_sim = std::make_unique<test::ArgoSim>(options);
    QString error;
    QVERIFY2(m_sim->start(&error), qPrintable(error));

    // Point the workspace at the simulator's port.
    auto config = ws::WorkspaceConfig::load(m_workspace);
    QVERIFY(config.ok());
    config->argocdServer = m_sim->url().toString();
    QFile file(m_workspace);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(config->toYaml());
}

void TestCliArgo::statusShowsEveryServiceEnvironment()
{
    QJsonArray rows;
    QDeadlineTimer deadline(60000);
    bool settled = false;
    while (!settled && !deadline.hasExpired()) {
        rows = status();
        settled = !rows.isEmpty();
        for (const QJsonValue &value : rows) {
            const QJsonObject r = value.toObject();
            settled = settled && r[u"sync"_s].toString() == u"Synced" && r[u"health"_s].toString() == u"Healthy";
        }
    }
    QVERIFY2(settled, QJsonDocument(rows).toJson().constData());
    QCOMPARE(rows.size(), 3 * 2);
    for (const QJsonValue &value : rows) {
        const QJsonObject r = value.toObject();
        QCOMPARE(r[u"project"_s].toString(), u"shop"_s);
        QVERIFY(!r[u"application"_s].toString().isEmpty());
        QCOMPARE(r[u"syncedRevision"_s].toString().size(), 40);
        QVERIFY(!r[u"gaTag"_s].toString().isEmpty());
    }

    const Run table = cli({u"status"_s}, m_sim->token());
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.startsWith("PROJECT"));
    QVERIFY(table.out.contains("Synced"));
    QVERIFY(table.out.contains("Healthy"));
}

void TestCliArgo::syncWaitsUntilHealthy()
{
    const Run run = cli({u"sync"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--wait"_s}, m_sim->token());
    QVERIFY2(run.exitCode == 0, qPrintable(QString::fromUtf8(run.out) + run.err));
    QVERIFY2(run.out.contains("synced and healthy"), run.out.constData());
}

void TestCliArgo::syncFollowsANewCommit()
{
    bumpTag(u"orders"_s, u"uat"_s, u"7.7.7"_s);
    auto repo = git::Repository::open(m_dir.filePath(u"demo/repos/argocd-gitops-shop.git"_s));
    const QString tip = repo->resolve(u"refs/heads/main"_s)->toHex();

    const Run run = cli({u"sync"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--wait"_s}, m_sim->token());
    QVERIFY2(run.exitCode == 0, qPrintable(QString::fromUtf8(run.out) + run.err));
    const QJsonObject orders = row(u"orders"_s, u"uat"_s);
    QCOMPARE(orders[u"syncedRevision"_s].toString(), tip);
    QCOMPARE(orders[u"gaTag"_s].toString(), u"7.7.7"_s);
    QCOMPARE(orders[u"health"_s].toString(), u"Healthy"_s);
}

void TestCliArgo::degradedReleaseFails()
{
    bumpTag(u"orders"_s, u"prod"_s, u"8.0.0-broken"_s);
    const Run run = cli({u"sync"_s, u"shop"_s, u"orders"_s, u"prod"_s, u"--wait"_s}, m_sim->token());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"is Degraded"_s), qPrintable(run.err));
    QCOMPARE(row(u"orders"_s, u"prod"_s)[u"health"_s].toString(), u"Degraded"_s);
}

void TestCliArgo::withoutTokenSaysHowToLogIn()
{
    const Run run = cli({u"status"_s}, {});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"Log in to Argo CD"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"argocd login"_s), qPrintable(run.err));
}

void TestCliArgo::workspaceWithoutServerIsClearError()
{
    auto config = ws::WorkspaceConfig::load(m_workspace);
    QVERIFY(config.ok());
    config->argocdServer.clear();
    const QString other = m_dir.filePath(u"demo/no-argocd.yaml"_s);
    QFile file(other);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(config->toYaml());
    file.close();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GITOPS_DESK_CACHE_DIR"_s, m_dir.filePath(u"cache"_s));
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("GD_CLI"), {u"--workspace"_s, other, u"status"_s});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains(u"names no Argo CD server"_s));
}

QTEST_GUILESS_MAIN(TestCliArgo)
#include "tst_cliargo.moc"
