// SPDX-License-Identifier: GPL-3.0-or-later
// kill -9 at random moments of `release`, `rollback`, `scaffold --yes` and `workdir` (a demo workspace of local bare
// repos, --no-sync), and while a release holds the repository lock. After every kill: `git fsck --strict` of the
// bare repo is clean, the branch's history is linear, its tip is the old tip or the command's complete commit (the
// release's tag wholly there or not at all), and the next command succeeds. The delays are spread over each
// command's measured duration from a fixed seed (GD_FAULT_SEED overrides it); the seed is printed.
#include "git/repository.h"
#include "workspace/release.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QString text() const { return out + err; }
};

/// How a killed command ended: killed before it finished, or finished before the kill came.
struct Kill {
    bool killed = false;
    qint64 atMs = 0;
    Run run;   ///< what it printed (and its exit code when it finished)
};

/// Counts of one command's kills, printed at the end of its test.
struct Tally {
    int killed = 0;
    int finishedFirst = 0;
    int landed = 0;     ///< killed after its commit reached the remote
    int notLanded = 0;  ///< killed before
    int refLocksLeft = 0;   ///< killed while updating the branch: git's ref lock left, cleared by the next push
};

constexpr int kFollowingTimeoutMs = 30000;   // a following command that waits longer is stuck (a lock never freed)

} // namespace

class TestKilledCommands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void killedRelease();
    void killedRollback();
    void killedScaffold();
    void killedWorkdir();
    void killedHoldingAWrittenLock();
    void killedAsTheLockFileAppears();
    void refLockOfAKilledPushIsCleared();

private:
    QProcessEnvironment environment() const;
    Run cli(const QStringList &arguments, int timeoutMs = kFollowingTimeoutMs) const;
    Kill killAfter(const QStringList &arguments, qint64 delayMs) const;
    /// Kills the command as soon as its lock file exists (`ownerWritten` false: often before the owner is written in
    /// it, a torn lock) or once it names its owner.
    Kill killWhenLocked(const QStringList &arguments, bool ownerWritten) const;
    qint64 measure(const QStringList &arguments) const;
    qint64 randomDelay(qint64 durationMs);

    git::ObjectId tip() const;
    /// `refLock`: where a ref lock left in the repository is put instead of being a problem.
    QString fsck(const QString &gitDir, QString *refLock = nullptr) const;
    /// Empty when the ref lock the last kill left (if any) is gone, as the following push must have removed it.
    QString refLockCleared() const;
    QString linearHistory() const;
    QString tagAt(const git::ObjectId &commit, const QString &service, const QString &env) const;
    QString newCommitProblem(const git::ObjectId &before, const git::ObjectId &after, ws::ReleaseKind kind,
                             const QString &service, const QString &tag) const;
    void killHoldingTheLock(bool ownerWritten, const QString &major);
    QString git(const QString &directory, const QStringList &arguments, int *exitCode = nullptr) const;
    QString lockFiles() const;
    /// Counts `kill` in `tally`; then what is wrong with the bare repo (fsck, a ref lock, a non-linear history), or
    /// with a command that finished before the kill; empty when nothing is.
    QString afterKill(const Kill &kill, Tally &tally) const;
    void report(const char *command, const Tally &tally) const;

    QTemporaryDir m_dir;
    QString m_root;   ///< the current test's folder: demo/, cache/, data/
    QString m_workspace;
    QString m_repo;
    QString m_cache;
    QRandomGenerator m_random;
    mutable QString m_leftRefLock;   ///< a ref lock the last kill left, which the following push must remove
};

QProcessEnvironment TestKilledCommands::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GITOPS_DESK_CACHE_DIR"_s, m_cache);
    env.insert(u"GITOPS_DESK_DATA_DIR"_s, m_root + u"/data"_s);
    env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/.config"_s));
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.insert(u"GIT_TERMINAL_PROMPT"_s, u"0"_s);
    env.remove(u"ARGOCD_SERVER"_s);
    env.remove(u"ARGOCD_AUTH_TOKEN"_s);
    env.remove(u"ARGOCD_CONFIG_DIR"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    return env;
}

Run TestKilledCommands::cli(const QStringList &arguments, int timeoutMs) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(qEnvironmentVariable("GD_CLI"), QStringList{u"--workspace"_s, m_workspace} + arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return Run{-1, QString::fromUtf8(process.readAllStandardOutput()),
                   u"gitops-desk-cli %1 did not finish within %2 s (%3)\n"_s.arg(arguments.join(u' '))
                           .arg(timeoutMs / 1000)
                           .arg(lockFiles())
                       + QString::fromUtf8(process.readAllStandardError())};
    }
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

namespace {

/// Starts the CLI in a process group of its own, so that kill -9 reaches the kustomize and git it started too.
void startInOwnGroup(QProcess &process, const QProcessEnvironment &env, const QStringList &arguments)
{
    process.setProcessEnvironment(env);
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.start(qEnvironmentVariable("GD_CLI"), arguments);
    process.waitForStarted(10000);
}

void killGroup(QProcess &process)
{
    ::kill(-pid_t(process.processId()), SIGKILL);
    process.waitForFinished(10000);
}

} // namespace

Kill TestKilledCommands::killAfter(const QStringList &arguments, qint64 delayMs) const
{
    QProcess process;
    startInOwnGroup(process, environment(), QStringList{u"--workspace"_s, m_workspace} + arguments);
    Kill kill;
    kill.atMs = delayMs;
    if (!process.waitForFinished(int(delayMs))) {
        killGroup(process);
        kill.killed = true;
    }
    kill.run = Run{kill.killed || process.exitStatus() != QProcess::NormalExit ? -1 : process.exitCode(),
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
    return kill;
}

Kill TestKilledCommands::killWhenLocked(const QStringList &arguments, bool ownerWritten) const
{
    QProcess process;
    startInOwnGroup(process, environment(), QStringList{u"--workspace"_s, m_workspace} + arguments);
    const QDir cache(m_cache);
    QElapsedTimer timer;
    timer.start();
    Kill kill;
    while (!process.waitForFinished(1)) {
        const QFileInfoList locks = cache.entryInfoList({u"argocd-gitops-shop-*.git.lock"_s}, QDir::Files | QDir::Hidden);
        if (!locks.isEmpty() && (!ownerWritten || locks.first().size() > 0)) {
            kill.atMs = timer.elapsed();
            killGroup(process);
            kill.killed = true;
            break;
        }
        if (timer.elapsed() > 60000) {
            killGroup(process);
            break;
        }
    }
    kill.run = Run{kill.killed || process.exitStatus() != QProcess::NormalExit ? -1 : process.exitCode(),
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
    return kill;
}

qint64 TestKilledCommands::measure(const QStringList &arguments) const
{
    QElapsedTimer timer;
    timer.start();
    const Run run = cli(arguments, 120000);
    if (run.exitCode != 0)
        qWarning("measuring %s failed: %s", qPrintable(arguments.join(u' ')), qPrintable(run.text()));
    qInfo("%s took %lld ms unkilled", qPrintable(arguments.join(u' ')), timer.elapsed());
    return timer.elapsed();
}

qint64 TestKilledCommands::randomDelay(qint64 durationMs)
{
    // Over the whole run and past it (a killed run is no faster than a measured one), so that some commands
    // finish before the kill.
    return qint64(m_random.bounded(quint32(durationMs * 13 / 10 + 1)));
}

git::ObjectId TestKilledCommands::tip() const
{
    auto repo = git::Repository::open(m_repo);
    return repo.ok() ? repo->resolve(u"refs/heads/main"_s).valueOr(git::ObjectId()) : git::ObjectId();
}

QString TestKilledCommands::git(const QString &directory, const QStringList &arguments, int *exitCode) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(directory);
    process.start(u"git"_s, arguments);
    if (!process.waitForFinished(60000))
        process.kill();
    if (exitCode)
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

QString TestKilledCommands::lockFiles() const
{
    QStringList found;
    for (const QFileInfo &lock : QDir(m_cache).entryInfoList({u"*.lock"_s}, QDir::Files | QDir::Hidden))
        found.append(u"%1, %2 bytes"_s.arg(lock.fileName()).arg(lock.size()));
    return found.isEmpty() ? u"no lock file in the cache"_s : u"lock files: "_s + found.join(u"; "_s);
}

QString TestKilledCommands::fsck(const QString &gitDir, QString *refLock) const
{
    int code = -1;
    const QString output = git(gitDir, {u"fsck"_s, u"--strict"_s, u"--full"_s, u"--no-dangling"_s,
                                        u"--no-progress"_s}, &code);
    if (code != 0 || !output.trimmed().isEmpty())
        return u"git fsck --strict of %1 (exit %2): %3"_s.arg(gitDir).arg(code).arg(output);
    // A ref lock left behind blocks every later push to that branch. A process killed while it updates the branch
    // leaves one (so does git itself): then the following push must remove it (refLockCleared).
    QDirIterator locks(gitDir + u"/refs"_s, {u"*.lock"_s}, QDir::Files, QDirIterator::Subdirectories);
    if (locks.hasNext()) {
        if (!refLock)
            return u"a ref lock was left in the repository: "_s + locks.next();
        *refLock = locks.next();
    }
    return {};
}

QString TestKilledCommands::refLockCleared() const
{
    if (m_leftRefLock.isEmpty() || !QFileInfo::exists(m_leftRefLock))
        return {};
    return u"the ref lock a killed command left was not removed by the following command: "_s + m_leftRefLock;
}

QString TestKilledCommands::linearHistory() const
{
    auto repo = git::Repository::open(m_repo);
    if (!repo.ok())
        return repo.error().fullText();
    git::ObjectId at = repo->resolve(u"refs/heads/main"_s).valueOr(git::ObjectId());
    if (at.isNull())
        return u"the branch main is gone"_s;
    for (int depth = 0; depth < 10000; ++depth) {
        auto info = repo->commitInfo(at);
        if (!info.ok())
            return u"commit %1 cannot be read: %2"_s.arg(at.toHex(), info.error().fullText());
        if (info->parents.isEmpty())
            return {};
        if (info->parents.size() != 1)
            return u"commit %1 has %2 parents"_s.arg(at.toHex()).arg(info->parents.size());
        at = info->parents.first();
    }
    return u"the history is deeper than 10000 commits"_s;
}

QString TestKilledCommands::tagAt(const git::ObjectId &commit, const QString &service, const QString &env) const
{
    auto repo = git::Repository::open(m_repo);
    if (!repo.ok())
        return {};
    auto text = repo->readFile(commit, ws::stageKustomizationPath(service, env, ws::ReleaseStage::Ga));
    if (!text.ok())
        return {};
    static const QRegularExpression newTag(u"^\\s+newTag:\\s*\"?([^\"\\s]+)\"?\\s*$"_s,
                                           QRegularExpression::MultilineOption);
    return newTag.match(QString::fromUtf8(*text)).captured(1);
}

QString TestKilledCommands::newCommitProblem(const git::ObjectId &before, const git::ObjectId &after,
                                             ws::ReleaseKind kind, const QString &service, const QString &tag) const
{
    auto repo = git::Repository::open(m_repo);
    if (!repo.ok())
        return repo.error().fullText();
    auto info = repo->commitInfo(after);
    if (!info.ok())
        return u"the new tip %1 cannot be read"_s.arg(after.toHex());
    if (info->parents.size() != 1 || info->parents.first() != before)
        return u"the new tip %1 is not one commit on top of the old tip %2"_s.arg(after.toHex(), before.toHex());
    const auto trailers = ws::ReleaseTrailers::fromMessage(info->message);
    if (!trailers || trailers->kind != kind || trailers->service != service)
        return u"the new tip %1 is not the command's commit: %2"_s.arg(after.toHex(), info->message);
    if (!tag.isEmpty() && (trailers->tag() != tag || tagAt(after, service, u"uat"_s) != tag))
        return u"the new tip %1 does not set %2 to %3 wholly (trailer %4, file %5)"_s.arg(
            after.toHex(), service, tag, trailers->tag(), tagAt(after, service, u"uat"_s));
    return {};
}

QString TestKilledCommands::afterKill(const Kill &kill, Tally &tally) const
{
    if (!kill.killed) {
        ++tally.finishedFirst;
        if (kill.run.exitCode != 0)
            return u"it finished before the kill, and failed: "_s + kill.run.text();
    } else {
        ++tally.killed;
    }
    if (const QString stuck = refLockCleared(); !stuck.isEmpty())
        return stuck;
    m_leftRefLock.clear();
    const QString problem = fsck(m_repo, kill.killed ? &m_leftRefLock : nullptr);
    tally.refLocksLeft += m_leftRefLock.isEmpty() ? 0 : 1;
    return problem.isEmpty() ? linearHistory() : problem;
}

void TestKilledCommands::report(const char *command, const Tally &tally) const
{
    const QByteArray landed = tally.landed + tally.notLanded == 0
                                  ? QByteArray()
                                  : " (" + QByteArray::number(tally.landed) + " after the push landed, "
                                        + QByteArray::number(tally.notLanded) + " before)";
    qInfo("%s: %d killed%s, %d finished before the kill, %d left a ref lock that the next push removed; fsck clean, "
          "history linear and the next command succeeded after each",
          command, tally.killed, landed.constData(), tally.finishedFirst, tally.refLocksLeft);
}

void TestKilledCommands::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(m_dir.filePath(u"home/.config"_s)));
    bool ok = false;
    const int seed = qEnvironmentVariableIntValue("GD_FAULT_SEED", &ok);
    m_random.seed(ok ? quint32(seed) : 20261207u);
    qInfo("kill moments from seed %u (set GD_FAULT_SEED to change it)", ok ? quint32(seed) : 20261207u);
}

void TestKilledCommands::init()
{
    // A demo (bare repos), cache and data folder of its own for each test, so that what one kill leaves behind
    // cannot fail the others.
    m_root = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
    QProcess demo;
    demo.start(qEnvironmentVariable("GD_CLI"), {u"demo"_s, u"init"_s, m_root + u"/demo"_s, u"--projects"_s, u"1"_s,
                                                u"--services"_s, u"3"_s});
    QVERIFY(demo.waitForFinished(120000));
    QCOMPARE(demo.exitCode(), 0);
    m_workspace = m_root + u"/demo/workspace.yaml"_s;
    m_repo = m_root + u"/demo/repos/argocd-gitops-shop.git"_s;
    m_cache = m_root + u"/cache"_s;
    const Run services = cli({u"services"_s, u"shop"_s}, 120000);   // the local copy exists from here on
    QVERIFY2(services.exitCode == 0, qPrintable(services.text()));
}

void TestKilledCommands::killedRelease()
{
    const QStringList release{u"release"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--stage"_s, u"ga"_s, u"--no-sync"_s,
                              u"--tag"_s};
    const qint64 duration = qMax(measure(release + QStringList{u"5.0.1"_s}), measure(release + QStringList{u"5.0.2"_s}));
    Tally tally;
    for (int i = 1; i <= 16; ++i) {
        const QString tag = u"5.%1.0"_s.arg(i);
        const git::ObjectId before = tip();
        const QString oldTag = tagAt(before, u"orders"_s, u"uat"_s);
        const Kill kill = killAfter(release + QStringList{tag}, randomDelay(duration));
        const QString at = u"release %1 killed at %2 ms: "_s.arg(tag).arg(kill.atMs);
        QString problem = afterKill(kill, tally);
        QVERIFY2(problem.isEmpty(), qPrintable(at + problem));
        const git::ObjectId after = tip();
        if (after == before) {
            QVERIFY2(!kill.run.out.contains(u"Pushed commit"_s), qPrintable(at + kill.run.out));
            QCOMPARE(tagAt(after, u"orders"_s, u"uat"_s), oldTag);
            ++tally.notLanded;
            // The same release again lands.
            const Run again = cli(release + QStringList{tag});
            QVERIFY2(again.exitCode == 0, qPrintable(at + u"the release again: "_s + again.text()));
            QVERIFY2(refLockCleared().isEmpty(), qPrintable(at + refLockCleared()));
            // It says what it removed, and it did not take the branch for moving.
            QVERIFY2(m_leftRefLock.isEmpty() || again.text().contains(u"Removed the lock file"_s),
                     qPrintable(at + again.text()));
            QVERIFY2(!again.text().contains(u"moved meanwhile"_s), qPrintable(at + again.text()));
            QCOMPARE(tagAt(tip(), u"orders"_s, u"uat"_s), tag);
        } else {
            problem = newCommitProblem(before, after, ws::ReleaseKind::Release, u"orders"_s, tag);
            QVERIFY2(problem.isEmpty(), qPrintable(at + problem));
            tally.landed += kill.killed ? 1 : 0;
            // The release is there; the service list (a fetch through the same local copy) shows it.
            const Run services = cli({u"services"_s, u"shop"_s, u"--json"_s});
            QVERIFY2(services.exitCode == 0, qPrintable(at + u"services: "_s + services.text()));
            QString shown;
            for (const QJsonValue &value : QJsonDocument::fromJson(services.out.toUtf8()).array()) {
                const QJsonObject row = value.toObject();
                if (row[u"service"_s].toString() == u"orders" && row[u"environment"_s].toString() == u"uat")
                    shown = row[u"gaTag"_s].toString();
            }
            QVERIFY2(shown == tag, qPrintable(at + services.out));
        }
    }
    report("release", tally);
}

void TestKilledCommands::killedRollback()
{
    const QStringList release{u"release"_s, u"shop"_s, u"cart"_s, u"uat"_s, u"--stage"_s, u"ga"_s, u"--no-sync"_s,
                              u"--tag"_s};
    const QStringList rollback{u"rollback"_s, u"shop"_s, u"cart"_s, u"uat"_s, u"--last"_s, u"--no-sync"_s};
    Run setup = cli(release + QStringList{u"6.0.0"_s});
    QVERIFY2(setup.exitCode == 0, qPrintable(setup.text()));
    const qint64 duration = measure(rollback);
    Tally tally;
    for (int i = 1; i <= 12; ++i) {
        const QString previous = tagAt(tip(), u"cart"_s, u"uat"_s);
        const QString tag = u"6.%1.0"_s.arg(i);
        setup = cli(release + QStringList{tag});
        QVERIFY2(setup.exitCode == 0, qPrintable(setup.text()));
        const git::ObjectId before = tip();
        const Kill kill = killAfter(rollback, randomDelay(duration));
        const QString at = u"rollback of %1 killed at %2 ms: "_s.arg(tag).arg(kill.atMs);
        QString problem = afterKill(kill, tally);
        QVERIFY2(problem.isEmpty(), qPrintable(at + problem));
        const git::ObjectId after = tip();
        if (after == before) {
            QCOMPARE(tagAt(after, u"cart"_s, u"uat"_s), tag);
            ++tally.notLanded;
            const Run again = cli(rollback);
            QVERIFY2(again.exitCode == 0, qPrintable(at + u"the rollback again: "_s + again.text()));
            QVERIFY2(refLockCleared().isEmpty(), qPrintable(at + refLockCleared()));
        } else {
            problem = newCommitProblem(before, after, ws::ReleaseKind::Rollback, u"cart"_s, previous);
            QVERIFY2(problem.isEmpty(), qPrintable(at + problem));
            tally.landed += kill.killed ? 1 : 0;
        }
        QCOMPARE(tagAt(tip(), u"cart"_s, u"uat"_s), previous);
        const Run services = cli({u"services"_s, u"shop"_s});
        QVERIFY2(services.exitCode == 0, qPrintable(at + u"services: "_s + services.text()));
    }
    report("rollback", tally);
}

void TestKilledCommands::killedScaffold()
{
    const auto scaffold = [](const QString &service) {
        return QStringList{u"scaffold"_s, u"shop"_s, service, u"--lang"_s, u"go"_s, u"--env"_s, u"uat"_s,
                           u"--image"_s, u"registry.example.com/shop/"_s + service, u"--yes"_s, u"--no-sync"_s};
    };
    const qint64 duration = measure(scaffold(u"items"_s));
    Tally tally;
    for (int i = 1; i <= 10; ++i) {
        const QString service = u"items%1"_s.arg(i);
        const QString answers = u"appsmanifests/%1/.gitops-desk/scaffold.yaml"_s.arg(service);
        const git::ObjectId before = tip();
        const Kill kill = killAfter(scaffold(service), randomDelay(duration));
        const QString at = u"scaffold of %1 killed at %2 ms: "_s.arg(service).arg(kill.atMs);
        QString problem = afterKill(kill, tally);
        QVERIFY2(problem.isEmpty(), qPrintable(at + problem));
        const git::ObjectId after = tip();
        auto repo = git::Repository::open(m_repo);
        QVERIFY(repo.ok());
        if (after == before) {
            ++tally.notLanded;
        } else {
            auto info = repo->commitInfo(after);
            QVERIFY(info.ok());
            QVERIFY2(info->parents.size() == 1 && info->parents.first() == before,
                     qPrintable(at + u"the new tip is not one commit on the old one"_s));
            // The whole service or nothing: its answers and its manifests are both there.
            auto present = repo->readFileIfPresent(after, answers);
            QVERIFY2(present.ok() && present->has_value(), qPrintable(at + u"the new tip lacks "_s + answers));
            auto deployment = repo->readFileIfPresent(after, u"appsmanifests/%1/uat/manifests/base/deployment.yaml"_s
                                                                 .arg(service));
            QVERIFY2(deployment.ok() && deployment->has_value(), qPrintable(at + u"the new tip lacks the base"_s));
            tally.landed += kill.killed ? 1 : 0;
        }
        // The same scaffold again: creates it, or finds nothing to do.
        const Run again = cli(scaffold(service));
        QVERIFY2(again.exitCode == 0, qPrintable(at + u"the scaffold again: "_s + again.text()));
        QVERIFY2(after == before || again.out.contains(u"Nothing to do"_s), qPrintable(at + again.out));
        auto present = repo->readFileIfPresent(tip(), answers);
        QVERIFY2(present.ok() && present->has_value(), qPrintable(at + u"after the scaffold again, no "_s + answers));
    }
    report("scaffold --yes", tally);
}

void TestKilledCommands::killedWorkdir()
{
    const QString working = m_root + u"/data/working/Demo/shop"_s;
    const QString parent = QFileInfo(working).absolutePath();
    QDir(working).removeRecursively();
    const qint64 duration = measure({u"workdir"_s, u"shop"_s});
    Tally tally;
    for (int i = 1; i <= 10; ++i) {
        QVERIFY(QDir(working).removeRecursively());   // the next workdir makes it again
        const Kill kill = killAfter({u"workdir"_s, u"shop"_s}, randomDelay(duration));
        const QString at = u"workdir killed at %1 ms: "_s.arg(kill.atMs);
        QString problem = afterKill(kill, tally);
        QVERIFY2(problem.isEmpty(), qPrintable(at + problem));
        const Run again = cli({u"workdir"_s, u"shop"_s});
        QVERIFY2(again.exitCode == 0, qPrintable(at + u"workdir again: "_s + again.text()));
        QCOMPARE(again.out.trimmed(), working);
        // A whole working copy: on the branch's tip, every file tracked and unchanged, nothing untracked.
        int code = -1;
        const QString head = git(working, {u"rev-parse"_s, u"HEAD"_s}, &code).trimmed();
        QVERIFY2(code == 0 && head == tip().toHex(), qPrintable(at + u"HEAD is "_s + head));
        const QString status = git(working, {u"status"_s, u"--porcelain"_s}, &code);
        QVERIFY2(code == 0 && status.trimmed().isEmpty(), qPrintable(at + u"git status: "_s + status));
        const QString tracked = git(working, {u"ls-files"_s, u"appsmanifests/orders"_s}, &code);
        QVERIFY2(code == 0 && tracked.contains(u"kustomization.yaml"_s), qPrintable(at + u"tracked: "_s + tracked));
        problem = fsck(working + u"/.git"_s);
        QVERIFY2(problem.isEmpty(), qPrintable(at + problem));
        const QStringList leftovers = QDir(parent).entryList({u"*.partial-*"_s, u"*.tmp*"_s},
                                                             QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QVERIFY2(leftovers.isEmpty(), qPrintable(at + u"left in "_s + parent + u": "_s + leftovers.join(u", "_s)));
        if (i % 5 == 0) {   // diff renders with kustomize: a few times only, to stay within the CI time
            const Run diff = cli({u"diff"_s, u"shop"_s, u"orders"_s, u"uat"_s});
            QVERIFY2(diff.exitCode == 0, qPrintable(at + u"diff: "_s + diff.text()));
        }
    }
    report("workdir", tally);
}

void TestKilledCommands::killedHoldingAWrittenLock()
{
    killHoldingTheLock(true, u"8"_s);
}

void TestKilledCommands::killedAsTheLockFileAppears()
{
    killHoldingTheLock(false, u"9"_s);
}

void TestKilledCommands::killHoldingTheLock(bool ownerWritten, const QString &major)
{
    const QStringList release{u"release"_s, u"shop"_s, u"checkout"_s, u"uat"_s, u"--stage"_s, u"ga"_s,
                              u"--no-sync"_s, u"--tag"_s};
    Tally tally;
    for (int i = 1; i <= 4; ++i) {
        const QString tag = u"%1.%2.0"_s.arg(major).arg(i);
        const QString nextTag = u"%1.%2.1"_s.arg(major).arg(i);
        const git::ObjectId before = tip();
        const Kill kill = killWhenLocked(release + QStringList{tag}, ownerWritten);
        QVERIFY2(kill.killed, qPrintable(u"the release finished before its lock file was seen: "_s + kill.run.text()));
        const QString at = u"release %1 killed holding the lock (%2) at %3 ms: "_s.arg(
            tag, ownerWritten ? u"its owner written"_s : u"as soon as the lock file appeared"_s).arg(kill.atMs);
        QString problem = afterKill(kill, tally);
        QVERIFY2(problem.isEmpty(), qPrintable(at + problem));
        const git::ObjectId after = tip();
        if (after != before) {
            problem = newCommitProblem(before, after, ws::ReleaseKind::Release, u"checkout"_s, tag);
            QVERIFY2(problem.isEmpty(), qPrintable(at + problem));
            ++tally.landed;
        } else {
            ++tally.notLanded;
        }
        // The next command takes the dead process's lock over at once (no two-minute wait).
        QElapsedTimer timer;
        timer.start();
        const Run next = cli(release + QStringList{nextTag});
        QVERIFY2(next.exitCode == 0, qPrintable(at + u"the next release: "_s + next.text()));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(at + u"the next release took %1 ms"_s.arg(timer.elapsed())));
        QCOMPARE(tagAt(tip(), u"checkout"_s, u"uat"_s), nextTag);
    }
    report(ownerWritten ? "release killed holding a written lock" : "release killed as its lock file appeared",
           tally);
}

void TestKilledCommands::refLockOfAKilledPushIsCleared()
{
    // What a release killed during the branch update leaves, as the kills above do now and then: git's ref lock.
    const QString refLock = m_repo + u"/refs/heads/main.lock"_s;
    QFile lock(refLock);
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.write(tip().toHex().toLatin1() + '\n');
    QVERIFY(lock.setFileTime(QDateTime::currentDateTime().addSecs(-30), QFileDevice::FileModificationTime));
    lock.close();
    QElapsedTimer timer;
    timer.start();
    const Run release = cli({u"release"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--stage"_s, u"ga"_s, u"--no-sync"_s,
                             u"--tag"_s, u"7.0.0"_s});
    QVERIFY2(release.exitCode == 0, qPrintable(release.text()));
    QVERIFY2(timer.elapsed() < 10000, qPrintable(u"the release took %1 ms"_s.arg(timer.elapsed())));
    QVERIFY2(release.text().contains(u"Removed the lock file"_s), qPrintable(release.text()));
    QVERIFY2(!release.text().contains(u"moved meanwhile"_s), qPrintable(release.text()));
    QVERIFY2(!QFileInfo::exists(refLock), qPrintable(release.text()));
    QCOMPARE(tagAt(tip(), u"orders"_s, u"uat"_s), u"7.0.0"_s);
    QVERIFY2(fsck(m_repo).isEmpty(), qPrintable(fsck(m_repo)));
}

QTEST_GUILESS_MAIN(TestKilledCommands)
#include "tst_killedcommands.moc"
