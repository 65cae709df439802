// SPDX-License-Identifier: GPL-3.0-or-later
// RepoCache's local state: lock files left by killed or torn writers are taken over, a live lock names its file and
// holder, half-made clones are cleaned up, and a cache folder that cannot hold anything says why.
#include "git/repocache.h"
#include "support/scratchrepo.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using gd::Error;
using gd::git::RepoCache;
using gd::test::ScratchRepo;

namespace {

/// The pid of a process that has ended (and, on a quiet machine, not been reused yet).
qint64 endedPid()
{
    QProcess process;
    process.start(u"true"_s, {});
    process.waitForFinished();
    return process.processId() > 0 ? process.processId() : 999999;
}

bool writeFile(const QString &path, const QByteArray &bytes, const QDateTime &modified = {})
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(bytes);
    file.close();
    if (modified.isValid() && (!file.open(QIODevice::ReadWrite)
                               || !file.setFileTime(modified, QFileDevice::FileModificationTime)))
        return false;
    return true;
}

QString text(const Error &error)
{
    return error.fullText();
}

} // namespace

class TestRepoCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void staleLockIsTakenOver_data();
    void staleLockIsTakenOver();
    void youngUnreadableLockIsWaitedForThenTakenOver();
    void liveLockNamesTheFileAndItsHolder();
    void abandonedPartialClonesAreRemoved();
    void cacheEntryThatIsAFileIsReplaced();
    void cacheRootThatIsAFileIsSaidAndKept();
    void unwritableCacheRootIsSaid();
};

void TestRepoCache::staleLockIsTakenOver_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("ageSeconds");
    const QByteArray host = QSysInfo::machineHostName().toUtf8();
    QTest::newRow("empty, a minute old") << QByteArray() << 60;
    QTest::newRow("garbage, a minute old") << "\x01\xffnot a lock\n"_ba << 60;
    QTest::newRow("one line, ten seconds old") << "12"_ba << 10;
    QTest::newRow("process ended, just written")
        << QByteArray::number(endedPid()) + "\ngitops-desk-cli\n" + host + "\n" << 0;
    QTest::newRow("process ended, no host") << QByteArray::number(endedPid()) + "\ngitops-desk-cli\n\n" << 0;
}

void TestRepoCache::staleLockIsTakenOver()
{
    QFETCH(QByteArray, content);
    QFETCH(int, ageSeconds);
    QTemporaryDir root;
    RepoCache cache(root.path());
    const QString url = u"https://gitlab.example.com/team/argocd-gitops-shop.git"_s;
    const QString lockPath = cache.lockPathFor(url);
    QVERIFY(writeFile(lockPath, content, QDateTime::currentDateTime().addSecs(-ageSeconds)));

    QElapsedTimer timer;
    timer.start();
    bool waited = false;
    auto lock = cache.lockFor(url, 10s, [&](const QString &) { waited = true; });
    QVERIFY2(lock.ok(), qPrintable(lock.ok() ? QString() : text(lock.error())));
    QVERIFY(lock->ownsLock());
    QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!waited);
    // The file is now this process's own lock.
    QLockFile probe(lockPath);
    qint64 pid = 0;
    QString host;
    QString app;
    QVERIFY(probe.getLockInfo(&pid, &host, &app));
    QCOMPARE(pid, QCoreApplication::applicationPid());
    lock->unlock();
    QVERIFY(!QFileInfo::exists(lockPath));
}

void TestRepoCache::youngUnreadableLockIsWaitedForThenTakenOver()
{
    // An empty lock file just created may be one whose owner has not written its pid yet: wait a little, not forever.
    QTemporaryDir root;
    RepoCache cache(root.path());
    const QString url = u"/srv/git/argocd-gitops-shop.git"_s;
    QVERIFY(writeFile(cache.lockPathFor(url), {}));
    QElapsedTimer timer;
    timer.start();
    QString heard;
    auto lock = cache.lockFor(url, 20s, [&](const QString &holder) { heard = holder; });
    QVERIFY2(lock.ok(), qPrintable(lock.ok() ? QString() : text(lock.error())));
    QVERIFY2(timer.elapsed() >= 2000 && timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(heard.contains(cache.lockPathFor(url)), qPrintable(heard));
}

void TestRepoCache::liveLockNamesTheFileAndItsHolder()
{
    QTemporaryDir root;
    const QString url = u"https://gitlab.example.com/team/argocd-gitops-shop.git"_s;
    // Another RepoCache stands for another process: only the lock file is shared.
    RepoCache holderCache(root.path());
    auto held = holderCache.lockFor(url);
    QVERIFY(held.ok());

    RepoCache cache(root.path());
    QStringList heard;
    QElapsedTimer timer;
    timer.start();
    auto blocked = cache.lockFor(url, 400ms, [&](const QString &holder) { heard.append(holder); });
    QVERIFY(!blocked.ok());
    QVERIFY(timer.elapsed() >= 400);
    QCOMPARE(blocked.error().code, Error::Code::Timeout);
    const QString sentence = blocked.error().message;
    QVERIFY2(sentence.contains(cache.lockPathFor(url)), qPrintable(sentence));
    QVERIFY2(sentence.contains(u"process "_s + QString::number(QCoreApplication::applicationPid())), qPrintable(sentence));
    QVERIFY2(sentence.contains(QSysInfo::machineHostName()), qPrintable(sentence));
    QVERIFY2(sentence.contains(u"gitlab.example.com/team/argocd-gitops-shop.git"_s), qPrintable(sentence));
    QCOMPARE(heard.size(), 1);
    QVERIFY2(heard.first().contains(cache.lockPathFor(url)), qPrintable(heard.first()));

    // Once the holder lets go, the lock is had at once.
    held->unlock();
    auto free = cache.lockFor(url, 2s);
    QVERIFY(free.ok());
}

void TestRepoCache::abandonedPartialClonesAreRemoved()
{
    ScratchRepo remote;
    QVERIFY(remote.isValid());
    QVERIFY(!remote.commit({{u"README.md"_s, "x\n"_ba}}, u"initial"_s).isNull());
    QTemporaryDir root;
    RepoCache cache(root.path());
    const QString path = cache.cachePathFor(remote.path());
    const QString other = cache.cachePathFor(u"https://gitlab.example.com/team/other.git"_s);
    const QDateTime hourAgo = QDateTime::currentDateTime().addSecs(-3600);
    const QString deadOwner = path + u".partial-"_s + QString::number(endedPid()) + u"-0123abcd"_s;
    const QString liveOwner = other + u".partial-"_s + QString::number(QCoreApplication::applicationPid())
                              + u"-4567abcd"_s;
    const QString oldForm = other + u".partial-{0f0e0d0c-0b0a-0908-0706-050403020100}"_s;
    const QString recentOldForm = path + u".partial-89abcdef0123"_s;
    for (const QString &folder : QStringList{deadOwner, liveOwner, oldForm, recentOldForm}) {
        QVERIFY(QDir().mkpath(folder + u"/objects/pack"_s));
        QVERIFY(writeFile(folder + u"/objects/pack/tmp_pack_x"_s, "half"_ba));
    }
    QVERIFY(writeFile(oldForm + u"/HEAD"_s, "ref: refs/heads/main\n"_ba));
    // Folder times: the old-form one was made an hour ago.
    QVERIFY(QProcess::execute(u"touch"_s, {u"-d"_s, hourAgo.toString(Qt::ISODate), oldForm}) == 0);

    auto lock = cache.lockFor(remote.path());
    QVERIFY(lock.ok());
    auto opened = cache.openOrClone(remote.path(), {});
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : text(opened.error())));
    QVERIFY2(!QFileInfo::exists(deadOwner), "a clone whose process ended stays");
    QVERIFY2(!QFileInfo::exists(oldForm), "an hour-old clone without an owner stays");
    QVERIFY2(QFileInfo::exists(liveOwner), "a clone in progress was removed");
    QVERIFY2(QFileInfo::exists(recentOldForm), "a recent clone without an owner was removed");
    QVERIFY(QFileInfo(path).isDir());
}

void TestRepoCache::cacheEntryThatIsAFileIsReplaced()
{
    ScratchRepo remote;
    QVERIFY(!remote.commit({{u"README.md"_s, "x\n"_ba}}, u"initial"_s).isNull());
    QTemporaryDir root;
    RepoCache cache(root.path());
    const QString path = cache.cachePathFor(remote.path());
    QVERIFY(writeFile(path, "debris\n"_ba));
    auto lock = cache.lockFor(remote.path());
    QVERIFY(lock.ok());
    auto opened = cache.openOrClone(remote.path(), {});
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : text(opened.error())));
    QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(opened->readFile(remote.tip(), u"README.md"_s).valueOr(QByteArray()), "x\n"_ba);
}

void TestRepoCache::cacheRootThatIsAFileIsSaidAndKept()
{
    QTemporaryDir dir;
    const QString rootFile = dir.filePath(u"repos"_s);
    QVERIFY(writeFile(rootFile, "my notes\n"_ba));
    for (const QString &root : QStringList{rootFile, rootFile + u"/deeper"_s}) {
        RepoCache cache(root);
        auto lock = cache.lockFor(u"https://gitlab.example.com/team/argocd-gitops-shop.git"_s, 2s);
        QVERIFY(!lock.ok());
        QCOMPARE(lock.error().code, Error::Code::Io);
        QVERIFY2(lock.error().message.contains(rootFile + u" is a file, not a folder"_s), qPrintable(text(lock.error())));
        QVERIFY2(lock.error().message.contains(u"left as it is"_s), qPrintable(text(lock.error())));
        auto opened = cache.openOrClone(u"/nowhere/argocd-gitops-shop.git"_s, {});
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(u"is a file, not a folder"_s), qPrintable(text(opened.error())));
    }
    // The user's file is still there, untouched.
    QFile file(rootFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), "my notes\n"_ba);
}

void TestRepoCache::unwritableCacheRootIsSaid()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(u"repos"_s);
    QVERIFY(QDir().mkpath(root));
    // Permission bits stop other users; root passes them, so for root the folder is a read-only bind mount.
    const bool asRoot = ::geteuid() == 0;
    if (asRoot) {
        if (QProcess::execute(u"mount"_s, {u"--bind"_s, u"-o"_s, u"ro"_s, root, root}) != 0)
            QFAIL("running as root, but a read-only bind mount could not be made");
    } else {
        QVERIFY(QFile::setPermissions(root, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    }
    struct Restore {
        QString root;
        bool asRoot;
        ~Restore()
        {
            if (asRoot)
                QProcess::execute(u"umount"_s, {root});
            else
                QFile::setPermissions(root, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        }
    } restore{root, asRoot};

    RepoCache cache(root);
    auto lock = cache.lockFor(u"https://gitlab.example.com/team/argocd-gitops-shop.git"_s, 2s);
    QVERIFY(!lock.ok());
    QCOMPARE(lock.error().code, Error::Code::Io);
    QVERIFY2(lock.error().message.contains(u"The folder "_s + root + u" is not writable"_s), qPrintable(text(lock.error())));
}

QTEST_GUILESS_MAIN(TestRepoCache)
#include "tst_repocache.moc"
