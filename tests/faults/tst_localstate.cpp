// SPDX-License-Identifier: GPL-3.0-or-later
// The fault suite's local state, driven through gitops-desk-cli: torn and stale lock files, a full disk (a small tmpfs
// as the cache when running as root), an unwritable cache folder, a file where the cache folder should be, and two
// releases of one service started together with one shared cache.
#include "git/repository.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};

/// Undoes a mount when the test ends, however it ends.
struct Mount {
    QString point;
    ~Mount()
    {
        if (!point.isEmpty())
            QProcess::execute(u"umount"_s, {point});
    }
};

bool writeFile(const QString &path, const QByteArray &bytes, const QDateTime &modified = {})
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(bytes);
    return !modified.isValid() || file.setFileTime(modified, QFileDevice::FileModificationTime);
}

/// Writes zeros into `path` until the device is full.
void fillDevice(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    const QByteArray block(64 * 1024, '\0');
    while (file.write(block) == block.size() && file.flush()) {
    }
    const QByteArray small(512, '\0');
    while (file.write(small) == small.size() && file.flush()) {
    }
}

} // namespace

class TestLocalState : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tornOrStaleLockDoesNotBlock_data();
    void tornOrStaleLockDoesNotBlock();
    void fullCacheDeviceIsSaidThenRecovers();
    void unwritableCacheFolderIsSaid();
    void fileInTheCacheFoldersPlace();
    void sharedCacheRefusesTheSecondOfTwoReleasesLikeSeparateCaches();

private:
    QProcessEnvironment environment(const QString &cacheDir) const;
    QProcess *start(const QStringList &arguments, const QString &cacheDir) const;
    Run cli(const QStringList &arguments, const QString &cacheDir) const;
    /// The project's cached copy below `cacheDir` (after one command has made it).
    QString cachedCopy(const QString &cacheDir) const;
    QString tip() const;

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_repo;
    const QStringList m_history{u"history"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--json"_s};
};

QProcessEnvironment TestLocalState::environment(const QString &cacheDir) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GITOPS_DESK_CACHE_DIR"_s, cacheDir);
    env.insert(u"GITOPS_DESK_DATA_DIR"_s, m_dir.filePath(u"data"_s));
    env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/.config"_s));
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.remove(u"ARGOCD_SERVER"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    return env;
}

QProcess *TestLocalState::start(const QStringList &arguments, const QString &cacheDir) const
{
    auto *process = new QProcess;
    process->setProcessEnvironment(environment(cacheDir));
    process->start(qEnvironmentVariable("GD_CLI"), QStringList{u"--workspace"_s, m_workspace} + arguments);
    return process;
}

Run TestLocalState::cli(const QStringList &arguments, const QString &cacheDir) const
{
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QProcess> process(start(arguments, cacheDir));
    if (!process->waitForFinished(180000))
        qFatal("gitops-desk-cli did not finish");
    return Run{process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1,
               QString::fromUtf8(process->readAllStandardOutput()), QString::fromUtf8(process->readAllStandardError()),
               timer.elapsed()};
}

QString TestLocalState::cachedCopy(const QString &cacheDir) const
{
    const QStringList copies = QDir(cacheDir).entryList({u"argocd-gitops-shop-*.git"_s}, QDir::Dirs);
    return copies.size() == 1 ? QDir(cacheDir).filePath(copies.first()) : QString();
}

QString TestLocalState::tip() const
{
    auto repo = git::Repository::open(m_repo);
    return repo.ok() ? repo->resolve(u"refs/heads/main"_s).valueOr(git::ObjectId()).toHex() : QString();
}

void TestLocalState::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    QDir().mkpath(m_dir.filePath(u"home/.config"_s));
    QProcess demo;
    demo.start(qEnvironmentVariable("GD_CLI"),
               {u"demo"_s, u"init"_s, m_dir.filePath(u"demo"_s), u"--projects"_s, u"1"_s, u"--services"_s, u"3"_s});
    QVERIFY(demo.waitForFinished(120000));
    QCOMPARE(demo.exitCode(), 0);
    m_workspace = m_dir.filePath(u"demo/workspace.yaml"_s);
    m_repo = m_dir.filePath(u"demo/repos/argocd-gitops-shop.git"_s);
}

void TestLocalState::tornOrStaleLockDoesNotBlock_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("ageSeconds");
    QProcess ended;
    ended.start(u"true"_s, {});
    ended.waitForFinished();
    const QByteArray deadPid = QByteArray::number(ended.processId());
    const QByteArray host = QSysInfo::machineHostName().toUtf8();
    QTest::newRow("empty") << QByteArray() << 120;
    QTest::newRow("garbage") << "\x7f\x45\x4c\x46 torn\x00\x01"_ba << 120;
    QTest::newRow("empty, just written") << QByteArray() << 0;
    QTest::newRow("half a pid") << "12"_ba << 30;
    QTest::newRow("process gone") << deadPid + "\ngitops-desk-cli\n" + host + "\n" << 0;
}

void TestLocalState::tornOrStaleLockDoesNotBlock()
{
    QFETCH(QByteArray, content);
    QFETCH(int, ageSeconds);
    const QString cache = m_dir.filePath(u"cache-lock-"_s + QString::fromLatin1(QTest::currentDataTag()));
    const Run first = cli(m_history, cache);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QString lockFile = cachedCopy(cache) + u".lock"_s;
    QVERIFY(!QFileInfo::exists(lockFile));
    QVERIFY(writeFile(lockFile, content, QDateTime::currentDateTime().addSecs(-ageSeconds)));

    // Before: every later command waited two minutes and failed. Now the next one takes the lock over at once (a
    // young unreadable one after a few seconds) and succeeds.
    const Run next = cli(m_history, cache);
    QVERIFY2(next.exitCode == 0, qPrintable(next.err));
    QVERIFY2(next.elapsedMs < 12000, qPrintable(QString::number(next.elapsedMs)));
    QCOMPARE(QJsonDocument::fromJson(next.out.toUtf8()).array(), QJsonDocument::fromJson(first.out.toUtf8()).array());
    QVERIFY(!QFileInfo::exists(lockFile));
}

void TestLocalState::fullCacheDeviceIsSaidThenRecovers()
{
    if (::geteuid() != 0)
        QSKIP("Not running as root, so no tmpfs can be mounted as a full cache folder; CI runs this part as root.");
    const QString cache = m_dir.filePath(u"cache-tmpfs"_s);
    QVERIFY(QDir().mkpath(cache));
    QCOMPARE(QProcess::execute(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=4m"_s, u"tmpfs"_s, cache}), 0);
    Mount mounted{cache};
    const QString filler = cache + u"/filler"_s;

    // Full before the first clone, and full once a cached copy exists (the fetch needs room too).
    for (const bool cachedFirst : {false, true}) {
        if (cachedFirst) {
            const Run warm = cli(m_history, cache);
            QVERIFY2(warm.exitCode == 0, qPrintable(warm.err));
        }
        fillDevice(filler);
        const Run full = cli(m_history, cache);
        QCOMPARE(full.exitCode, 1);
        QVERIFY2(full.err.contains(u"No space left on the device that holds "_s + cache), qPrintable(full.err));
        QVERIFY2(!full.err.contains(u"network"_s) && !full.err.contains(u"Another GitOps Desk process"_s),
                 qPrintable(full.err));
        QVERIFY(QFile::remove(filler));
        const Run freed = cli(m_history, cache);
        QVERIFY2(freed.exitCode == 0, qPrintable(freed.err));
        QVERIFY(QDir(cache).entryList({u"*.partial-*"_s}, QDir::Dirs | QDir::Hidden).isEmpty());
    }
}

void TestLocalState::unwritableCacheFolderIsSaid()
{
    const QString cache = m_dir.filePath(u"cache-readonly"_s);
    QVERIFY(QDir().mkpath(cache));
    const Run warm = cli(m_history, cache);
    QVERIFY2(warm.exitCode == 0, qPrintable(warm.err));
    // Root passes permission bits: for root the folder becomes a read-only bind mount of itself.
    Mount mounted;
    if (::geteuid() == 0) {
        QCOMPARE(QProcess::execute(u"mount"_s, {u"--bind"_s, u"-o"_s, u"ro"_s, cache, cache}), 0);
        mounted.point = cache;
    } else {
        QVERIFY(QFile::setPermissions(cache, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    }
    const Run run = cli(m_history, cache);
    if (::geteuid() != 0)
        QFile::setPermissions(cache, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"The folder "_s + cache + u" is not writable"_s), qPrintable(run.err));
    QVERIFY2(!run.err.contains(u"network"_s) && !run.err.contains(u"Another GitOps Desk process"_s),
             qPrintable(run.err));
}

void TestLocalState::fileInTheCacheFoldersPlace()
{
    // The user's own file where the cache folder should be: said, and left alone.
    const QString file = m_dir.filePath(u"cache-is-a-file"_s);
    QVERIFY(writeFile(file, "mine\n"_ba));
    for (int attempt = 0; attempt < 2; ++attempt) {
        const Run run = cli(m_history, file);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(file + u" is a file, not a folder"_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"left as it is"_s), qPrintable(run.err));
    }
    QFile kept(file);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), "mine\n"_ba);

    // A file where a repository's cached copy should be is debris of the cache: replaced, and the command works.
    const QString cache = m_dir.filePath(u"cache-entry-file"_s);
    const Run warm = cli(m_history, cache);
    QVERIFY2(warm.exitCode == 0, qPrintable(warm.err));
    const QString copy = cachedCopy(cache);
    QVERIFY(QDir(copy).removeRecursively());
    QVERIFY(writeFile(copy, "half\n"_ba));
    const Run run = cli(m_history, cache);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QFileInfo(copy).isDir());
}

void TestLocalState::sharedCacheRefusesTheSecondOfTwoReleasesLikeSeparateCaches()
{
    const QString cache = m_dir.filePath(u"cache-shared"_s);
    const Run warm = cli(m_history, cache);
    QVERIFY2(warm.exitCode == 0, qPrintable(warm.err));
    const QString before = tip();

    // Both commands start while the repository's lock is held (as it is while some other command pushes), so both
    // must wait; each saw the same tip when it started.
    QLockFile held(cachedCopy(cache) + u".lock"_s);
    QVERIFY(held.tryLock(0));
    const QStringList tags{u"7.1.0"_s, u"7.2.0"_s};
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const QString &tag : tags) {
        processes.emplace_back(start({u"release"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--stage"_s, u"ga"_s,
                                      u"--tag"_s, tag, u"--no-sync"_s},
                                     cache));
    }
    QStringList errors(2);
    for (size_t i = 0; i < processes.size(); ++i) {
        QProcess &process = *processes[i];
        process.setReadChannel(QProcess::StandardError);
        QElapsedTimer waited;
        waited.start();
        while (!errors[int(i)].contains(u"waiting for it"_s) && waited.elapsed() < 60000
               && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(1000);
            errors[int(i)] += QString::fromUtf8(process.readAllStandardError());
        }
        QVERIFY2(errors[int(i)].contains(u"is in use by process "_s + QString::number(QCoreApplication::applicationPid())),
                 qPrintable(errors[int(i)]));
    }
    held.unlock();

    QList<int> codes;
    for (size_t i = 0; i < processes.size(); ++i) {
        QVERIFY(processes[i]->waitForFinished(180000));
        codes.append(processes[i]->exitCode());
        errors[int(i)] += QString::fromUtf8(processes[i]->readAllStandardError());
    }
    // As with a cache per process: the one that lands second is refused, because the tag it saw is gone.
    QVERIFY2((codes == QList<int>{0, 3}) || (codes == QList<int>{3, 0}), qPrintable(errors.join(u'\n')));
    const int winner = int(codes.indexOf(0));
    QVERIFY2(errors[1 - winner].contains(u"to "_s + tags[winner]), qPrintable(errors[1 - winner]));
    QVERIFY2(errors[1 - winner].contains(u"Nothing was pushed"_s), qPrintable(errors[1 - winner]));
    auto repo = git::Repository::open(m_repo);
    auto info = repo->commitInfo(*repo->resolve(u"refs/heads/main"_s));
    QCOMPARE(info->parents.size(), 1);
    QCOMPARE(info->parents.first().toHex(), before);
}

QTEST_GUILESS_MAIN(TestLocalState)
#include "tst_localstate.moc"
