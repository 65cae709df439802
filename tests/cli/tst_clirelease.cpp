// SPDX-License-Identifier: GPL-3.0-or-later
// Drives `gitops-desk-cli release`, `promote`, `abort` and `rollback` end to end: demo workspaces of local bare repos,
// the Argo CD simulator for sync and health, and many processes releasing into one repository at once.
#include "git/repository.h"
#include "support/argocdsim.h"
#include "workspace/release.h"
#include "workspace/workspaceconfig.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

/// The commit a release command says it pushed ("Pushed commit <sha> to main."), empty when none.
QString pushedCommit(const QString &out)
{
    static const QRegularExpression pushed(u"Pushed commit ([0-9a-f]{40}) "_s);
    return pushed.match(out).captured(1);
}

} // namespace

class TestCliRelease : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void releaseWaitsUntilSyncedAndHealthyAtThePushedCommit();
    void canaryReleaseThenPromote();
    void canaryReleaseThenAbortPutsTheCanaryBackOnGa();
    void degradedReleaseIsRolledBackWithLast();
    void twentyConcurrentReleasesAllLand();
    void concurrentReleasesOfOneServiceOneIsRefused();
    void conflictingRollbackIsRefusedWithTheTagToReleaseForward();
    void usageErrors_data();
    void usageErrors();

private:
    QProcessEnvironment environment(const QString &cacheDir) const;
    Run cli(const QString &workspace, const QStringList &arguments, const QString &cacheDir = {}) const;
    Run cli(const QStringList &arguments) const { return cli(m_workspace, arguments); }
    QJsonObject serviceRow(const QString &workspace, const QString &service, const QString &env) const;
    QJsonObject statusRow(const QString &service, const QString &env) const;
    QString tip(const QString &repoPath) const;
    QString message(const QString &repoPath, const QString &commit) const;

    QTemporaryDir m_dir;
    QString m_workspace;   ///< 3 services, watched by the simulator
    QString m_repo;
    QString m_many;        ///< 20 services, for the concurrent releases (no Argo CD)
    QString m_manyRepo;
    std::unique_ptr<test::ArgoSim> m_sim;
};

QProcessEnvironment TestCliRelease::environment(const QString &cacheDir) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GITOPS_DESK_CACHE_DIR"_s, cacheDir.isEmpty() ? m_dir.filePath(u"cache"_s) : cacheDir);
    env.insert(u"GITOPS_DESK_DATA_DIR"_s, m_dir.filePath(u"data"_s));
    env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));   // no argocd CLI config or git identity of the machine's user
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/.config"_s));
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.remove(u"ARGOCD_SERVER"_s);
    env.remove(u"ARGOCD_CONFIG_DIR"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);   // no keychain here
    if (m_sim)
        env.insert(u"ARGOCD_AUTH_TOKEN"_s, m_sim->token());
    return env;
}

Run TestCliRelease::cli(const QString &workspace, const QStringList &arguments, const QString &cacheDir) const
{
    QProcess process;
    process.setProcessEnvironment(environment(cacheDir));
    process.start(qEnvironmentVariable("GD_CLI"), QStringList{u"--workspace"_s, workspace} + arguments);
    if (!process.waitForFinished(180000))
        qFatal("gitops-desk-cli did not finish");
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QJsonObject TestCliRelease::serviceRow(const QString &workspace, const QString &service, const QString &env) const
{
    const Run run = cli(workspace, {u"services"_s, u"shop"_s, u"--json"_s});
    for (const QJsonValue &value : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
        const QJsonObject row = value.toObject();
        if (row[u"service"_s].toString() == service && row[u"environment"_s].toString() == env)
            return row;
    }
    qWarning("no services row for %s in %s: %s", qPrintable(service), qPrintable(env), qPrintable(run.err));
    return {};
}

QJsonObject TestCliRelease::statusRow(const QString &service, const QString &env) const
{
    const Run run = cli({u"status"_s, u"shop"_s, u"--json"_s});
    for (const QJsonValue &value : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
        const QJsonObject row = value.toObject();
        if (row[u"service"_s].toString() == service && row[u"environment"_s].toString() == env)
            return row;
    }
    qWarning("no status row for %s in %s: %s", qPrintable(service), qPrintable(env), qPrintable(run.err));
    return {};
}

QString TestCliRelease::tip(const QString &repoPath) const
{
    auto repo = git::Repository::open(repoPath);
    return repo.ok() ? repo->resolve(u"refs/heads/main"_s).valueOr(git::ObjectId()).toHex() : QString();
}

QString TestCliRelease::message(const QString &repoPath, const QString &commit) const
{
    auto repo = git::Repository::open(repoPath);
    if (!repo.ok())
        return {};
    auto info = repo->commitInfo(git::ObjectId::fromHex(commit));
    return info.ok() ? info->message : QString();
}

void TestCliRelease::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    QDir().mkpath(m_dir.filePath(u"home/.config"_s));
    for (const auto &[folder, services] : {std::pair{u"demo"_s, 3}, std::pair{u"many"_s, 20}}) {
        QProcess demo;
        demo.start(qEnvironmentVariable("GD_CLI"), {u"demo"_s, u"init"_s, m_dir.filePath(folder), u"--projects"_s,
                                                    u"1"_s, u"--services"_s, QString::number(services)});
        QVERIFY(demo.waitForFinished(120000));
        QCOMPARE(demo.exitCode(), 0);
    }
    m_workspace = m_dir.filePath(u"demo/workspace.yaml"_s);
    m_repo = m_dir.filePath(u"demo/repos/argocd-gitops-shop.git"_s);
    m_many = m_dir.filePath(u"many/workspace.yaml"_s);
    m_manyRepo = m_dir.filePath(u"many/repos/argocd-gitops-shop.git"_s);

    test::ArgoSim::Options options;
    options.workspaceFile = m_workspace;
    options.healthDelayMs = 300;
    options.reconcileMs = 200;
    options.degradedPattern = u"-broken$"_s;
    m_sim = std::make_unique<test::ArgoSim>(options);
    QString error;
    QVERIFY2(m_sim->start(&error), qPrintable(error));
    auto config = ws::WorkspaceConfig::load(m_workspace);
    QVERIFY(config.ok());
    config->argocdServer = m_sim->url().toString();
    QFile file(m_workspace);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(config->toYaml());
}

void TestCliRelease::releaseWaitsUntilSyncedAndHealthyAtThePushedCommit()
{
    const QJsonObject before = serviceRow(m_workspace, u"orders"_s, u"uat"_s);
    QCOMPARE(before[u"stage"_s].toString(), u"ga"_s);
    QVERIFY(before[u"gaTag"_s].toString() != u"3.0.0"_s);

    const Run run = cli({u"release"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--tag"_s, u"3.0.0"_s, u"--wait"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QString commit = pushedCommit(run.out);
    QCOMPARE(commit, tip(m_repo));
    QVERIFY2(run.out.contains(u"Releasing orders 3.0.0 to the GA stage in uat (it runs "_s
                              + before[u"gaTag"_s].toString()),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(u"synced and healthy"_s), qPrintable(run.out));

    const QJsonObject status = statusRow(u"orders"_s, u"uat"_s);
    QCOMPARE(status[u"syncedRevision"_s].toString(), commit);
    QCOMPARE(status[u"sync"_s].toString(), u"Synced"_s);
    QCOMPARE(status[u"health"_s].toString(), u"Healthy"_s);
    QCOMPARE(status[u"gaTag"_s].toString(), u"3.0.0"_s);

    const auto trailers = ws::ReleaseTrailers::fromMessage(message(m_repo, commit));
    QVERIFY(trailers.has_value());
    QCOMPARE(trailers->kind, ws::ReleaseKind::Release);
    QCOMPARE(trailers->stage, ws::ReleaseStage::Ga);
    QCOMPARE(trailers->tag(), u"3.0.0"_s);
    QCOMPARE(trailers->previousTag(), before[u"gaTag"_s].toString());

    // The timeline starts with this release.
    const Run history = cli({u"history"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--json"_s});
    QVERIFY2(history.exitCode == 0, qPrintable(history.err));
    const QJsonArray entries = QJsonDocument::fromJson(history.out.toUtf8()).array();
    QVERIFY(!entries.isEmpty());
    const QJsonObject newest = entries.first().toObject();
    QCOMPARE(newest[u"commit"_s].toString(), commit);
    QCOMPARE(newest[u"kind"_s].toString(), u"release"_s);
    QCOMPARE(newest[u"stage"_s].toString(), u"ga"_s);
    QCOMPARE(newest[u"fromTag"_s].toString(), before[u"gaTag"_s].toString());
    QCOMPARE(newest[u"toTag"_s].toString(), u"3.0.0"_s);
    const Run table = cli({u"history"_s, u"shop"_s, u"orders"_s, u"uat"_s});
    QVERIFY(table.out.contains(before[u"gaTag"_s].toString() + u" -> 3.0.0"_s));
}

void TestCliRelease::canaryReleaseThenPromote()
{
    const QJsonObject before = serviceRow(m_workspace, u"cart"_s, u"uat"_s);
    QCOMPARE(before[u"stage"_s].toString(), u"canary"_s);
    const QString gaTag = before[u"gaTag"_s].toString();

    // Without --stage a release goes to the canary when the environment has one.
    const Run canary = cli({u"release"_s, u"shop"_s, u"cart"_s, u"uat"_s, u"--tag"_s, u"3.1.0"_s, u"--wait"_s});
    QVERIFY2(canary.exitCode == 0, qPrintable(canary.out + canary.err));
    QVERIFY(canary.out.contains(u"to the canary stage"_s));
    QJsonObject row = serviceRow(m_workspace, u"cart"_s, u"uat"_s);
    QCOMPARE(row[u"canaryTag"_s].toString(), u"3.1.0"_s);
    QCOMPARE(row[u"gaTag"_s].toString(), gaTag);

    const Run promote = cli({u"promote"_s, u"shop"_s, u"cart"_s, u"uat"_s, u"--wait"_s});
    QVERIFY2(promote.exitCode == 0, qPrintable(promote.out + promote.err));
    const QString commit = pushedCommit(promote.out);
    QCOMPARE(commit, tip(m_repo));
    row = serviceRow(m_workspace, u"cart"_s, u"uat"_s);
    QCOMPARE(row[u"gaTag"_s].toString(), u"3.1.0"_s);
    QCOMPARE(row[u"canaryTag"_s].toString(), row[u"gaTag"_s].toString());
    QVERIFY(message(m_repo, commit).startsWith(u"Promote cart 3.1.0 to GA in uat\n"_s));
    QCOMPARE(statusRow(u"cart"_s, u"uat"_s)[u"syncedRevision"_s].toString(), commit);
    QCOMPARE(statusRow(u"cart"_s, u"uat"_s)[u"health"_s].toString(), u"Healthy"_s);

    // Nothing left to promote: a failure, not a refusal.
    const Run again = cli({u"promote"_s, u"shop"_s, u"cart"_s, u"uat"_s, u"--no-sync"_s});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(tip(m_repo), commit);
}

void TestCliRelease::canaryReleaseThenAbortPutsTheCanaryBackOnGa()
{
    QCOMPARE(serviceRow(m_workspace, u"checkout"_s, u"prod"_s)[u"stage"_s].toString(), u"canary"_s);
    // Finish the demo's unfinished canary first, so that canary and GA agree before the new canary.
    const Run promote = cli({u"promote"_s, u"shop"_s, u"checkout"_s, u"prod"_s, u"--no-sync"_s});
    QVERIFY2(promote.exitCode == 0, qPrintable(promote.out + promote.err));
    const QString gaTag = serviceRow(m_workspace, u"checkout"_s, u"prod"_s)[u"gaTag"_s].toString();

    const Run canary = cli({u"release"_s, u"shop"_s, u"checkout"_s, u"prod"_s, u"--tag"_s, u"3.2.0"_s,
                            u"--no-sync"_s});
    QVERIFY2(canary.exitCode == 0, qPrintable(canary.out + canary.err));
    const QString canaryCommit = pushedCommit(canary.out);
    QCOMPARE(serviceRow(m_workspace, u"checkout"_s, u"prod"_s)[u"canaryTag"_s].toString(), u"3.2.0"_s);

    const Run abort = cli({u"abort"_s, u"shop"_s, u"checkout"_s, u"prod"_s, u"--wait"_s});
    QVERIFY2(abort.exitCode == 0, qPrintable(abort.out + abort.err));
    const QString revert = pushedCommit(abort.out);
    QCOMPARE(revert, tip(m_repo));
    const QJsonObject row = serviceRow(m_workspace, u"checkout"_s, u"prod"_s);
    QCOMPARE(row[u"canaryTag"_s].toString(), gaTag);
    QCOMPARE(row[u"gaTag"_s].toString(), gaTag);

    const QString text = message(m_repo, revert);
    QVERIFY2(text.startsWith(u"Revert \"Release checkout 3.2.0 to prod (canary)\"\n\nThis reverts commit "_s
                             + canaryCommit + u".\n"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"\nRelease-Kind: abort\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"\nRelease-Reverts: "_s + canaryCommit + u'\n'), qPrintable(text));
    const QJsonObject status = statusRow(u"checkout"_s, u"prod"_s);
    QCOMPARE(status[u"syncedRevision"_s].toString(), revert);
    QCOMPARE(status[u"health"_s].toString(), u"Healthy"_s);
}

void TestCliRelease::degradedReleaseIsRolledBackWithLast()
{
    const QString previous = serviceRow(m_workspace, u"orders"_s, u"uat"_s)[u"gaTag"_s].toString();
    QVERIFY(!previous.isEmpty());
    const Run broken = cli({u"release"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--tag"_s, u"4.0.0-broken"_s,
                            u"--stage"_s, u"ga"_s, u"--wait"_s});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains(u"is Degraded"_s), qPrintable(broken.out + broken.err));
    const QString brokenCommit = pushedCommit(broken.out);
    QCOMPARE(brokenCommit, tip(m_repo));
    QCOMPARE(statusRow(u"orders"_s, u"uat"_s)[u"health"_s].toString(), u"Degraded"_s);

    const Run rollback = cli({u"rollback"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--last"_s, u"--wait"_s});
    QVERIFY2(rollback.exitCode == 0, qPrintable(rollback.out + rollback.err));
    QVERIFY2(rollback.out.contains(u"reverting commit "_s + brokenCommit.left(8)), qPrintable(rollback.out));
    const QString revert = pushedCommit(rollback.out);
    QCOMPARE(revert, tip(m_repo));
    QCOMPARE(serviceRow(m_workspace, u"orders"_s, u"uat"_s)[u"gaTag"_s].toString(), previous);
    const QJsonObject status = statusRow(u"orders"_s, u"uat"_s);
    QCOMPARE(status[u"syncedRevision"_s].toString(), revert);
    QCOMPARE(status[u"health"_s].toString(), u"Healthy"_s);
    const auto trailers = ws::ReleaseTrailers::fromMessage(message(m_repo, revert));
    QVERIFY(trailers.has_value());
    QCOMPARE(trailers->kind, ws::ReleaseKind::Rollback);
    QCOMPARE(trailers->reverts.toHex(), brokenCommit);
    QCOMPARE(trailers->tag(), previous);

    // --last again goes one release further back (the broken one is already undone).
    const Run further = cli({u"rollback"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--last"_s, u"--no-sync"_s});
    QVERIFY2(further.exitCode == 0, qPrintable(further.out + further.err));
    QVERIFY2(!further.out.contains(brokenCommit.left(8)), qPrintable(further.out));
    const auto undone = ws::ReleaseTrailers::fromMessage(message(m_repo, pushedCommit(further.out)));
    QVERIFY(undone.has_value());
    QCOMPARE(undone->kind, ws::ReleaseKind::Rollback);
    QCOMPARE(undone->previousTag(), previous);
    QVERIFY(serviceRow(m_workspace, u"orders"_s, u"uat"_s)[u"gaTag"_s].toString() != previous);
}

void TestCliRelease::twentyConcurrentReleasesAllLand()
{
    // Every service of the 20-service demo, in uat.
    const Run listed = cli(m_many, {u"services"_s, u"shop"_s, u"--json"_s});
    QCOMPARE(listed.exitCode, 0);
    QStringList services;
    QHash<QString, QString> stageOf;
    for (const QJsonValue &value : QJsonDocument::fromJson(listed.out.toUtf8()).array()) {
        const QJsonObject row = value.toObject();
        if (row[u"environment"_s].toString() == u"uat") {
            services.append(row[u"service"_s].toString());
            stageOf.insert(services.last(), row[u"stage"_s].toString());
        }
    }
    QCOMPARE(services.size(), 20);
    const QString before = tip(m_manyRepo);

    // Half share one local cache (one person's scripts), half have their own (other machines, CI runners).
    std::vector<std::unique_ptr<QProcess>> processes;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < services.size(); ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment(i % 2 == 0 ? m_dir.filePath(u"many-cache"_s)
                                                              : m_dir.filePath(u"many-cache-%1"_s.arg(i))));
        process->start(qEnvironmentVariable("GD_CLI"),
                       {u"--workspace"_s, m_many, u"release"_s, u"shop"_s, services[i], u"uat"_s, u"--tag"_s,
                        u"7.0.%1"_s.arg(i), u"--no-sync"_s});
        processes.push_back(std::move(process));
    }
    int retries = 0;
    for (int i = 0; i < services.size(); ++i) {
        QProcess &process = *processes[std::size_t(i)];
        QVERIFY(process.waitForFinished(180000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(process.exitCode() == 0,
                 qPrintable(services[i] + u": "_s + out + QString::fromUtf8(process.readAllStandardError())));
        retries += int(out.count(u"applying the change again"_s));
    }
    qInfo("20 concurrent gitops-desk-cli release processes: %lld ms wall, %d retries", timer.elapsed(), retries);

    // 20 new commits in a line on top of the old tip, one per service, each setting its tag once.
    auto repo = git::Repository::open(m_manyRepo);
    QVERIFY(repo.ok());
    git::ObjectId at = *repo->resolve(u"refs/heads/main"_s);
    QSet<QString> released;
    int commits = 0;
    while (at.toHex() != before) {
        auto info = repo->commitInfo(at);
        QVERIFY(info.ok());
        QCOMPARE(info->parents.size(), 1);
        const auto trailers = ws::ReleaseTrailers::fromMessage(info->message);
        QVERIFY(trailers.has_value());
        const int index = int(services.indexOf(trailers->service));
        QVERIFY2(index >= 0, qPrintable(trailers->service));
        QCOMPARE(trailers->tag(), u"7.0.%1"_s.arg(index));
        QVERIFY2(!released.contains(trailers->service), qPrintable(trailers->service + u" released twice"_s));
        released.insert(trailers->service);
        ++commits;
        QVERIFY(commits <= 20);
        at = info->parents.first();
    }
    QCOMPARE(commits, 20);
    const git::ObjectId newTip = *repo->resolve(u"refs/heads/main"_s);
    for (int i = 0; i < services.size(); ++i) {
        const ws::ReleaseStage stage = stageOf.value(services[i]) == u"canary" ? ws::ReleaseStage::Canary
                                                                                : ws::ReleaseStage::Ga;
        auto text = repo->readFile(newTip, ws::stageKustomizationPath(services[i], u"uat"_s, stage));
        QVERIFY(text.ok());
        const QRegularExpression tagLine(u"^\\s+newTag: \"?7\\.0\\.%1\"?$"_s.arg(i),
                                         QRegularExpression::MultilineOption);
        QVERIFY2(tagLine.match(QString::fromUtf8(*text)).hasMatch(), text->constData());
    }

    QProcess fsck;
    fsck.setWorkingDirectory(m_manyRepo);
    fsck.start(u"git"_s, {u"fsck"_s, u"--full"_s, u"--no-progress"_s});
    QVERIFY(fsck.waitForFinished(120000));
    const QString fsckOutput = QString::fromUtf8(fsck.readAllStandardOutput() + fsck.readAllStandardError());
    QVERIFY2(fsck.exitCode() == 0, qPrintable(fsckOutput));
    for (const QString &line : fsckOutput.split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(line.startsWith(u"dangling "_s), qPrintable(line));   // pushes that lost a race leave objects
}

void TestCliRelease::concurrentReleasesOfOneServiceOneIsRefused()
{
    const QJsonObject row = serviceRow(m_many, u"orders"_s, u"prod"_s);
    const QString seen = row[u"stage"_s].toString() == u"canary" ? row[u"canaryTag"_s].toString()
                                                                  : row[u"gaTag"_s].toString();
    const QString before = tip(m_manyRepo);
    // Both scripts saw the same tag (--expect), and each has its own local copy: they race at the remote.
    std::vector<std::unique_ptr<QProcess>> processes;
    const QStringList tags{u"9.1.0"_s, u"9.2.0"_s};
    for (const QString &tag : tags) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment(m_dir.filePath(u"race-cache-"_s + tag)));
        process->start(qEnvironmentVariable("GD_CLI"),
                       {u"--workspace"_s, m_many, u"release"_s, u"shop"_s, u"orders"_s, u"prod"_s, u"--tag"_s, tag,
                        u"--expect"_s, seen, u"--no-sync"_s});
        processes.push_back(std::move(process));
    }
    QList<int> codes;
    QStringList errors;
    for (auto &process : processes) {
        QVERIFY(process->waitForFinished(180000));
        codes.append(process->exitCode());
        errors.append(QString::fromUtf8(process->readAllStandardError()));
    }
    QVERIFY2((codes == QList<int>{0, 3}) || (codes == QList<int>{3, 0}), qPrintable(errors.join(u'\n')));
    const int winner = int(codes.indexOf(0));
    const QString refusal = errors[1 - winner];
    QVERIFY2(refusal.contains(u"to "_s + tags[winner]) && refusal.contains(u"from "_s + seen), qPrintable(refusal));
    QVERIFY2(refusal.contains(u"Nothing was pushed"_s), qPrintable(refusal));
    const QJsonObject after = serviceRow(m_many, u"orders"_s, u"prod"_s);
    QCOMPARE(row[u"stage"_s].toString() == u"canary" ? after[u"canaryTag"_s].toString() : after[u"gaTag"_s].toString(),
             tags[winner]);
    // Exactly one commit landed.
    auto repo = git::Repository::open(m_manyRepo);
    auto info = repo->commitInfo(*repo->resolve(u"refs/heads/main"_s));
    QCOMPARE(info->parents.size(), 1);
    QCOMPARE(info->parents.first().toHex(), before);
}

void TestCliRelease::conflictingRollbackIsRefusedWithTheTagToReleaseForward()
{
    const QString previous = serviceRow(m_many, u"cart"_s, u"prod"_s)[u"gaTag"_s].toString();
    const QStringList release{u"release"_s, u"shop"_s, u"cart"_s, u"prod"_s, u"--stage"_s, u"ga"_s, u"--no-sync"_s,
                              u"--tag"_s};
    const Run first = cli(m_many, release + QStringList{u"5.5.0"_s});
    QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
    const Run second = cli(m_many, release + QStringList{u"5.6.0"_s});
    QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
    const QString before = tip(m_manyRepo);

    const Run rollback = cli(m_many, {u"rollback"_s, u"shop"_s, u"cart"_s, u"prod"_s, u"--commit"_s,
                                      pushedCommit(first.out).left(12), u"--no-sync"_s});
    QCOMPARE(rollback.exitCode, 3);
    QVERIFY2(rollback.err.contains(u"release "_s + previous + u' '), qPrintable(rollback.err));
    QVERIFY2(rollback.err.contains(u"--tag "_s + previous), qPrintable(rollback.err));
    QCOMPARE(tip(m_manyRepo), before);

    // The newest release rolls back cleanly.
    const Run last = cli(m_many, {u"rollback"_s, u"shop"_s, u"cart"_s, u"prod"_s, u"--last"_s, u"--no-sync"_s});
    QVERIFY2(last.exitCode == 0, qPrintable(last.out + last.err));
    QCOMPARE(serviceRow(m_many, u"cart"_s, u"prod"_s)[u"gaTag"_s].toString(), u"5.5.0"_s);
}

void TestCliRelease::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("release without tag") << QStringList{u"release"_s, u"shop"_s, u"orders"_s, u"uat"_s}
                                         << u"--tag"_s;
    QTest::newRow("unknown stage") << QStringList{u"release"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--tag"_s,
                                                  u"1.0.0"_s, u"--stage"_s, u"blue"_s}
                                   << u"blue"_s;
    QTest::newRow("rollback without target") << QStringList{u"rollback"_s, u"shop"_s, u"orders"_s, u"uat"_s}
                                             << u"--last"_s;
    QTest::newRow("rollback with both") << QStringList{u"rollback"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--last"_s,
                                                       u"--commit"_s, u"abcdef12"_s}
                                        << u"--commit"_s;
    QTest::newRow("rollback of a revision expression")
        << QStringList{u"rollback"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--commit"_s, u"HEAD~1"_s} << u"HEAD~1"_s;
    QTest::newRow("promote without env") << QStringList{u"promote"_s, u"shop"_s, u"orders"_s} << u"PROJECT"_s;
}

void TestCliRelease::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const QString before = tip(m_manyRepo);
    const Run run = cli(m_many, arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
    QCOMPARE(tip(m_manyRepo), before);
}

QTEST_GUILESS_MAIN(TestCliRelease)
#include "tst_clirelease.moc"
