// SPDX-License-Identifier: GPL-3.0-or-later
// What a push killed in the middle leaves in a repository on this machine (a ref lock file, GitOps Desk's own push
// lock) must not block later pushes; a ref lock that a live git holds must fail with a sentence naming it, once,
// never as "the branch moved" tried again and again.
#include "git/pushloop.h"
#include "git/remote.h"
#include "git/repocache.h"
#include "support/gitdaemon.h"
#include "support/scratchrepo.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using gd::Error;
using gd::Result;
using gd::git::FileChanges;
using gd::git::ObjectId;
using gd::git::PushPlan;
using gd::git::Repository;
using gd::git::Snapshot;
using gd::test::ScratchRepo;

namespace {

const QString kFile = u"apps/orders/kustomization.yaml"_s;

PushPlan planFor(const QString &url, const QByteArray &content)
{
    PushPlan plan;
    plan.remoteUrl = url;
    plan.message = {u"Release orders"_s, ScratchRepo::signature(u"Release Manager <rm@example.com>"_s), {}};
    plan.edit = [content](const Snapshot &) -> Result<FileChanges> {
        FileChanges changes;
        changes.write(kFile, content);
        return changes;
    };
    plan.baseBackoff = std::chrono::milliseconds(10);
    return plan;
}

/// Writes `path` with `content` and sets its modification time `ageMs` in the past.
bool writeAged(const QString &path, const QByteArray &content, qint64 ageMs)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return false;
    return file.setFileTime(QDateTime::currentDateTime().addMSecs(-ageMs), QFileDevice::FileModificationTime);
}

QString errorText(const Result<gd::git::PushOutcome> &outcome)
{
    return outcome.ok() ? u"(no error)"_s : outcome.error().fullText();
}

} // namespace

class TestPushLeftovers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refLockOfKilledPushIsRemoved();
    void youngRefLockIsWaitedForThenNamed();
    void refLockReleasedWhileWaitingLetsThePushLand();
    void refLockThatIsNotAFileIsNeverRemoved();
    void pushLockOfKilledProcessIsTakenOver();
    void serverSideRefLockIsNotCalledARace();
};

void TestPushLeftovers::refLockOfKilledPushIsRemoved()
{
    ScratchRepo remote;
    const ObjectId initial = remote.commit({{kFile, "tag: 1\n"}}, u"Init"_s);
    const QString refLock = remote.path() + u"/refs/heads/main.lock"_s;
    QVERIFY(writeAged(refLock, initial.toHex().toLatin1() + '\n', 60000));
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    QVERIFY(cache.ok());

    PushPlan plan = planFor(remote.path(), "tag: 2\n");
    QStringList notices;
    plan.notice = [&](const QString &sentence) { notices.append(sentence); };
    QElapsedTimer timer;
    timer.start();
    auto outcome = gd::git::runPushLoop(*cache, plan);
    QVERIFY2(outcome.ok(), qPrintable(errorText(outcome)));
    QVERIFY2(timer.elapsed() < 3000, qPrintable(u"the push took %1 ms"_s.arg(timer.elapsed())));
    QCOMPARE(outcome->attempts, 1);
    QCOMPARE(remote.tip(), outcome->commit);
    QCOMPARE(outcome->parent, initial);
    QVERIFY2(!QFileInfo::exists(refLock), "the leftover ref lock is still there");
    QCOMPARE(notices.size(), 1);
    QVERIFY2(notices.first().contains(refLock), qPrintable(notices.first()));
    // GitOps Desk's own push lock is released: the next push lands at once.
    QVERIFY(QFileInfo::exists(QDir(remote.path()).filePath(u"refs"_s)));
    auto next = gd::git::runPushLoop(*cache, planFor(remote.path(), "tag: 3\n"));
    QVERIFY2(next.ok(), qPrintable(errorText(next)));
}

void TestPushLeftovers::youngRefLockIsWaitedForThenNamed()
{
    ScratchRepo remote;
    const ObjectId initial = remote.commit({{kFile, "tag: 1\n"}}, u"Init"_s);
    const QString refLock = remote.path() + u"/refs/heads/main.lock"_s;
    QVERIFY(writeAged(refLock, initial.toHex().toLatin1() + '\n', 0));
    // Another git keeps the lock young for as long as the push tries.
    std::atomic_bool stop{false};
    std::thread holder([&] {
        while (!stop.load()) {
            QFile file(refLock);
            if (file.open(QIODevice::Append))
                file.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    QVERIFY(cache.ok());

    PushPlan plan = planFor(remote.path(), "tag: 2\n");
    int lastAttempt = 0;
    plan.progress = [&](int attempt, const QString &) { lastAttempt = attempt; };
    QElapsedTimer timer;
    timer.start();
    auto outcome = gd::git::runPushLoop(*cache, plan);
    const qint64 elapsed = timer.elapsed();
    stop = true;
    holder.join();

    QVERIFY2(!outcome.ok(), "the push landed through another process's ref lock");
    QCOMPARE(lastAttempt, 1);   // not tried again as if the branch had moved
    QVERIFY2(outcome.error().code != Error::Code::Rejected, qPrintable(outcome.error().fullText()));
    QVERIFY2(outcome.error().message.contains(refLock), qPrintable(outcome.error().fullText()));
    QVERIFY2(outcome.error().message.contains(u"remove"_s), qPrintable(outcome.error().fullText()));
    QVERIFY2(!outcome.error().message.contains(u"moved"_s), qPrintable(outcome.error().fullText()));
    QVERIFY2(elapsed >= 1000 && elapsed < 15000, qPrintable(u"gave up after %1 ms"_s.arg(elapsed)));
    QVERIFY2(QFileInfo::exists(refLock), "a live git's ref lock was removed");
    QCOMPARE(remote.tip(), initial);
}

void TestPushLeftovers::refLockReleasedWhileWaitingLetsThePushLand()
{
    ScratchRepo remote;
    remote.commit({{kFile, "tag: 1\n"}}, u"Init"_s);
    const QString refLock = remote.path() + u"/refs/heads/main.lock"_s;
    QVERIFY(writeAged(refLock, "x\n", 0));
    std::thread git([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QFile::remove(refLock);
    });
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    QVERIFY(cache.ok());
    QStringList notices;
    PushPlan plan = planFor(remote.path(), "tag: 2\n");
    plan.notice = [&](const QString &sentence) { notices.append(sentence); };
    auto outcome = gd::git::runPushLoop(*cache, plan);
    git.join();
    QVERIFY2(outcome.ok(), qPrintable(errorText(outcome)));
    QCOMPARE(outcome->attempts, 1);
    QCOMPARE(remote.tip(), outcome->commit);
    QVERIFY2(notices.isEmpty(), qPrintable(notices.join(u"; "_s)));   // a live git's lock is never "removed"
}

void TestPushLeftovers::refLockThatIsNotAFileIsNeverRemoved()
{
    ScratchRepo remote;
    const ObjectId initial = remote.commit({{kFile, "tag: 1\n"}}, u"Init"_s);
    const QString refLock = remote.path() + u"/refs/heads/main.lock"_s;
    QVERIFY(QDir().mkpath(refLock + u"/inside"_s));
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    QVERIFY(cache.ok());
    auto outcome = gd::git::runPushLoop(*cache, planFor(remote.path(), "tag: 2\n"));
    QVERIFY(!outcome.ok());
    QVERIFY2(outcome.error().code != Error::Code::Rejected, qPrintable(outcome.error().fullText()));
    QVERIFY2(outcome.error().message.contains(refLock), qPrintable(outcome.error().fullText()));
    QVERIFY(QFileInfo(refLock + u"/inside"_s).isDir());
    QCOMPARE(remote.tip(), initial);
}

void TestPushLeftovers::pushLockOfKilledProcessIsTakenOver()
{
    ScratchRepo remote;
    remote.commit({{kFile, "tag: 1\n"}}, u"Init"_s);
    // A push killed as it created its lock: a torn (empty) lock file, a minute old.
    const QString pushLock = gd::git::localPushLockPath(remote.path());
    QVERIFY(writeAged(pushLock, {}, 60000));
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    QVERIFY(cache.ok());
    QElapsedTimer timer;
    timer.start();
    auto outcome = gd::git::runPushLoop(*cache, planFor(remote.path(), "tag: 2\n"));
    QVERIFY2(outcome.ok(), qPrintable(errorText(outcome)));
    QVERIFY2(timer.elapsed() < 3000, qPrintable(u"the push took %1 ms"_s.arg(timer.elapsed())));
    QCOMPARE(remote.tip(), outcome->commit);
    QVERIFY2(!QFileInfo::exists(pushLock), "the push lock was not released");
}

void TestPushLeftovers::serverSideRefLockIsNotCalledARace()
{
    QTemporaryDir base;
    auto remoteRepo = Repository::initBare(base.filePath(u"deploy.git"_s));
    QVERIFY(remoteRepo.ok());
    gd::test::GitDaemon daemon(base.path());
    QVERIFY2(daemon.isRunning(), qPrintable(daemon.errorString()));
    const QString url = daemon.urlFor(u"deploy.git"_s);
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    QVERIFY(cache.ok());
    auto first = gd::git::runPushLoop(*cache, planFor(url, "tag: 1\n"));
    QVERIFY2(first.ok(), qPrintable(errorText(first)));

    // The server's own git left a ref lock: that is for the server to clear, and not "the branch moved".
    const QString refLock = base.filePath(u"deploy.git/refs/heads/main.lock"_s);
    QVERIFY(writeAged(refLock, "x\n", 60000));
    PushPlan plan = planFor(url, "tag: 2\n");
    plan.maxAttempts = 2;
    auto outcome = gd::git::runPushLoop(*cache, plan);
    QVERIFY(!outcome.ok());
    QVERIFY2(outcome.error().fullText().contains(u"main.lock"_s), qPrintable(outcome.error().fullText()));
    QVERIFY2(!outcome.error().message.contains(u"moved"_s), qPrintable(outcome.error().fullText()));
    QVERIFY2(QFileInfo::exists(refLock), "a lock on the server was removed by the client");
}

QTEST_GUILESS_MAIN(TestPushLeftovers)
#include "tst_pushleftovers.moc"
