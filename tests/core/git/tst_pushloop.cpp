// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/pushloop.h"
#include "git/remote.h"
#include "git/repocache.h"
#include "support/gitdaemon.h"
#include "support/scratchrepo.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

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

QString tagFile(const QString &service)
{
    return u"appsmanifests/%1/uat/manifests/ga/kustomization.yaml"_s.arg(service);
}

QByteArray kustomization(const QByteArray &tag)
{
    return "images:\n  - name: registry.example.com/app  # keep this comment\n    newTag: \"" + tag + "\"\n";
}

/// The release edit of the tests: replaces the newTag of one service, and when `expectedTag` is set, first checks
/// that the tag in Git is still the one the user reviewed.
gd::git::SemanticEdit setTag(const QString &service, const QByteArray &tag, const QByteArray &expectedTag = {})
{
    return [service, tag, expectedTag](const Snapshot &tip) -> Result<FileChanges> {
        QByteArray current;
        if (!tip.commit().isNull()) {
            auto read = tip.readFile(tagFile(service));
            if (read)
                current = *read;
        }
        if (!expectedTag.isEmpty() && current != kustomization(expectedTag))
            return gd::makeError(Error::Code::Precondition, u"Someone else changed %1 meanwhile."_s.arg(service));
        FileChanges changes;
        changes.write(tagFile(service), kustomization(tag));
        return changes;
    };
}

gd::git::CommitMessage message(const QString &text)
{
    return {text, ScratchRepo::signature(u"Release Manager <rm@example.com>"_s), {}};
}

/// A second writer with its own local copy: fetch, change one file, push (as another person or a pipeline would).
ObjectId pushFromOtherClone(const QString &url, const QString &path, const QByteArray &content)
{
    QTemporaryDir dir;
    auto other = Repository::initBare(dir.filePath(u"other.git"_s));
    if (!other)
        return {};
    auto tip = gd::git::fetchBranch(*other, url, u"main"_s, {});
    FileChanges changes;
    changes.write(path, content);
    auto commit = other->createCommit(tip ? *tip : ObjectId(), changes, message(u"Other writer"_s));
    if (!commit)
        return {};
    auto pushed = gd::git::pushCommit(*other, url, *commit, u"main"_s, {});
    return pushed ? *commit : ObjectId();
}

/// Every commit of the branch has at most one parent (none for the root): the history is a line.
bool isLinear(const Repository &repo, ObjectId at, int *length)
{
    *length = 0;
    while (!at.isNull()) {
        auto info = repo.commitInfo(at);
        if (!info || info->parents.size() > 1)
            return false;
        ++*length;
        at = info->parents.isEmpty() ? ObjectId() : info->parents.first();
    }
    return true;
}

} // namespace

class TestPushLoop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pushesToBareRepoOnDisk();
    void firstCommitIntoEmptyRemote();
    void fetchOfMissingBranchIsNotFound();
    void raceBothCommitsLandInLine();
    void preconditionFailureStopsAndPushesNothing();
    void exhaustedAttemptsAreRejected();
    void stalePushIsRejected_data();
    void stalePushIsRejected();
    void pushOverGitDaemon();
    void concurrentPushersThroughGitDaemonAllLand();
    void cancelledBeforeStart();
    void cancelledDuringBackoff();
    void repoCacheClonesOnceAndLocksPerUrl();

private:
    QTemporaryDir m_tmp;
};

void TestPushLoop::pushesToBareRepoOnDisk()
{
    ScratchRepo remote;
    const ObjectId initial = remote.commit({{tagFile(u"orders"_s), kustomization("1.0.0")}}, u"Init"_s);
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    QVERIFY(cache.ok());

    QList<int> progressAttempts;
    PushPlan plan;
    plan.remoteUrl = remote.path();
    plan.message = message(u"Release orders 1.1.0"_s);
    plan.edit = setTag(u"orders"_s, "1.1.0", "1.0.0");
    plan.progress = [&](int attempt, const QString &status) {
        QVERIFY(!status.isEmpty());
        progressAttempts.append(attempt);
    };
    auto outcome = gd::git::runPushLoop(*cache, plan);
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().fullText()));
    QCOMPARE(outcome->attempts, 1);
    QCOMPARE(outcome->parent, initial);
    QCOMPARE(remote.tip(), outcome->commit);
    QCOMPARE(remote.read(tagFile(u"orders"_s)), kustomization("1.1.0"));
    QVERIFY(!progressAttempts.isEmpty());
    // The local copy knows where the remote branch is now.
    QCOMPARE(*cache->resolve(u"refs/remotes/origin/main"_s), outcome->commit);
    auto info = remote.repo().commitInfo(outcome->commit);
    QCOMPARE(info->summary, u"Release orders 1.1.0"_s);
    QCOMPARE(info->parents, QList<ObjectId>{initial});
}

void TestPushLoop::firstCommitIntoEmptyRemote()
{
    ScratchRepo remote;
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    bool sawNullTip = false;
    PushPlan plan;
    plan.remoteUrl = remote.path();
    plan.message = message(u"Scaffold orders"_s);
    plan.edit = [&](const Snapshot &tip) -> Result<FileChanges> {
        sawNullTip = tip.commit().isNull();
        FileChanges changes;
        changes.write(tagFile(u"orders"_s), kustomization("1.0.0"));
        return changes;
    };
    auto outcome = gd::git::runPushLoop(*cache, plan);
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().fullText()));
    QVERIFY(sawNullTip);
    QVERIFY(outcome->parent.isNull());
    QCOMPARE(remote.tip(), outcome->commit);
    QVERIFY(remote.repo().commitInfo(outcome->commit)->parents.isEmpty());
}

void TestPushLoop::fetchOfMissingBranchIsNotFound()
{
    ScratchRepo remote;
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    auto tip = gd::git::fetchBranch(*cache, remote.path(), u"main"_s, {});
    QVERIFY(!tip.ok());
    QCOMPARE(tip.error().code, Error::Code::NotFound);

    const ObjectId first = remote.commit({{u"README.md"_s, "x\n"_ba}}, u"Init"_s);
    tip = gd::git::fetchBranch(*cache, remote.path(), u"main"_s, {});
    QVERIFY(tip.ok());
    QCOMPARE(*tip, first);
    QCOMPARE(*cache->readFile(first, u"README.md"_s), "x\n"_ba);
    auto other = gd::git::fetchBranch(*cache, remote.path(), u"release"_s, {});
    QCOMPARE(other.error().code, Error::Code::NotFound);
}

void TestPushLoop::raceBothCommitsLandInLine()
{
    ScratchRepo remote;
    const ObjectId initial = remote.commit({{tagFile(u"orders"_s), kustomization("1.0.0")},
                                            {tagFile(u"payments"_s), kustomization("2.0.0")}},
                                           u"Init"_s);
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    ObjectId intruder;
    QList<ObjectId> tipsSeen;
    PushPlan plan;
    plan.remoteUrl = remote.path();
    plan.message = message(u"Release orders 1.1.0"_s);
    plan.baseBackoff = std::chrono::milliseconds(1);
    auto release = setTag(u"orders"_s, "1.1.0", "1.0.0");
    plan.edit = [&](const Snapshot &tip) {
        tipsSeen.append(tip.commit());
        if (tipsSeen.size() == 1) // someone releases payments between our fetch and our push
            intruder = pushFromOtherClone(remote.path(), tagFile(u"payments"_s), kustomization("2.1.0"));
        return release(tip);
    };
    auto outcome = gd::git::runPushLoop(*cache, plan);
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().fullText()));
    QVERIFY(!intruder.isNull());
    QCOMPARE(outcome->attempts, 2);
    QCOMPARE(tipsSeen, (QList<ObjectId>{initial, intruder}));
    // Both releases are in Git; ours sits on top of the other one; every commit has one parent.
    QCOMPARE(remote.tip(), outcome->commit);
    QCOMPARE(outcome->parent, intruder);
    QCOMPARE(remote.firstParentChain(), (QList<ObjectId>{outcome->commit, intruder, initial}));
    int length = 0;
    QVERIFY(isLinear(remote.repo(), remote.tip(), &length));
    QCOMPARE(length, 3);
    QCOMPARE(remote.read(tagFile(u"orders"_s)), kustomization("1.1.0"));
    QCOMPARE(remote.read(tagFile(u"payments"_s)), kustomization("2.1.0"));
}

void TestPushLoop::preconditionFailureStopsAndPushesNothing()
{
    ScratchRepo remote;
    remote.commit({{tagFile(u"orders"_s), kustomization("1.0.0")}}, u"Init"_s);
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    ObjectId intruder;
    int edits = 0;
    auto release = setTag(u"orders"_s, "1.1.0", "1.0.0");
    PushPlan plan;
    plan.remoteUrl = remote.path();
    plan.message = message(u"Release orders 1.1.0"_s);
    plan.baseBackoff = std::chrono::milliseconds(1);
    plan.edit = [&](const Snapshot &tip) {
        if (++edits == 1) // another writer releases the same service after the user reviewed 1.0.0
            intruder = pushFromOtherClone(remote.path(), tagFile(u"orders"_s), kustomization("1.0.5"));
        return release(tip);
    };
    auto outcome = gd::git::runPushLoop(*cache, plan);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, Error::Code::Precondition);
    QCOMPARE(edits, 2);
    QCOMPARE(remote.tip(), intruder);
    QCOMPARE(remote.read(tagFile(u"orders"_s)), kustomization("1.0.5"));
}

void TestPushLoop::exhaustedAttemptsAreRejected()
{
    ScratchRepo remote;
    remote.commit({{tagFile(u"orders"_s), kustomization("1.0.0")}}, u"Init"_s);
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    int edits = 0;
    auto release = setTag(u"orders"_s, "1.1.0");
    PushPlan plan;
    plan.remoteUrl = remote.path();
    plan.message = message(u"Release orders 1.1.0"_s);
    plan.maxAttempts = 3;
    plan.baseBackoff = std::chrono::milliseconds(1);
    plan.edit = [&](const Snapshot &tip) {
        ++edits;
        pushFromOtherClone(remote.path(), u"busy/counter.txt"_s, QByteArray::number(edits));
        return release(tip);
    };
    auto outcome = gd::git::runPushLoop(*cache, plan);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, Error::Code::Rejected);
    QCOMPARE(edits, 3);
    QCOMPARE(remote.read(tagFile(u"orders"_s)), kustomization("1.0.0"));
    QCOMPARE(remote.read(u"busy/counter.txt"_s), "3"_ba);
    QCOMPARE(remote.firstParentChain().size(), 4);
}

void TestPushLoop::stalePushIsRejected_data()
{
    QTest::addColumn<bool>("overDaemon");
    QTest::newRow("path") << false;
    QTest::newRow("git daemon") << true;
}

void TestPushLoop::stalePushIsRejected()
{
    QFETCH(bool, overDaemon);
    QTemporaryDir base;
    auto remoteRepo = Repository::initBare(base.filePath(u"remote.git"_s));
    QVERIFY(remoteRepo.ok());
    std::unique_ptr<gd::test::GitDaemon> daemon;
    QString url = base.filePath(u"remote.git"_s);
    if (overDaemon) {
        daemon = std::make_unique<gd::test::GitDaemon>(base.path());
        QVERIFY2(daemon->isRunning(), qPrintable(daemon->errorString()));
        url = daemon->urlFor(u"remote.git"_s);
    }
    QVERIFY(!pushFromOtherClone(url, u"a.txt"_s, "1"_ba).isNull());

    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    auto tip = gd::git::fetchBranch(*cache, url, u"main"_s, {});
    QVERIFY(tip.ok());
    const ObjectId moved = pushFromOtherClone(url, u"a.txt"_s, "2"_ba);
    QVERIFY(!moved.isNull());

    // Built on the old tip: never forced, never silently dropped.
    FileChanges changes;
    changes.write(u"b.txt"_s, "mine"_ba);
    auto stale = cache->createCommit(*tip, changes, message(u"Stale"_s));
    QVERIFY(stale.ok());
    auto pushed = gd::git::pushCommit(*cache, url, *stale, u"main"_s, {});
    QVERIFY(!pushed.ok());
    QCOMPARE(pushed.error().code, Error::Code::Rejected);
    QCOMPARE(*remoteRepo->resolve(u"refs/heads/main"_s), moved);

    // After fetching, the remote tip is known locally and the stale commit is still no fast-forward.
    QVERIFY(gd::git::fetchBranch(*cache, url, u"main"_s, {}).ok());
    pushed = gd::git::pushCommit(*cache, url, *stale, u"main"_s, {});
    QCOMPARE(pushed.error().code, Error::Code::Rejected);
    QCOMPARE(*remoteRepo->resolve(u"refs/heads/main"_s), moved);
}

void TestPushLoop::pushOverGitDaemon()
{
    QTemporaryDir base;
    auto remoteRepo = Repository::initBare(base.filePath(u"deploy.git"_s));
    QVERIFY(remoteRepo.ok());
    gd::test::GitDaemon daemon(base.path());
    QVERIFY2(daemon.isRunning(), qPrintable(daemon.errorString()));
    const QString url = daemon.urlFor(u"deploy.git"_s);

    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    PushPlan plan;
    plan.remoteUrl = url;
    plan.message = message(u"Scaffold"_s);
    plan.edit = setTag(u"orders"_s, "1.0.0");
    auto first = gd::git::runPushLoop(*cache, plan);
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().fullText()));
    plan.edit = setTag(u"orders"_s, "1.1.0", "1.0.0");
    plan.message = message(u"Release orders 1.1.0"_s);
    auto second = gd::git::runPushLoop(*cache, plan);
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().fullText()));
    QCOMPARE(second->parent, first->commit);
    QCOMPARE(*remoteRepo->resolve(u"refs/heads/main"_s), second->commit);
    QCOMPARE(*remoteRepo->readFile(second->commit, tagFile(u"orders"_s)), kustomization("1.1.0"));
    // The temporary push source reference is gone again.
    QVERIFY(!cache->resolve(u"refs/gitops-desk/push/"_s + second->commit.toHex()).ok());
}

void TestPushLoop::concurrentPushersThroughGitDaemonAllLand()
{
    QTemporaryDir base;
    ScratchRepo seed;
    auto remoteRepo = Repository::initBare(base.filePath(u"deploy.git"_s));
    QVERIFY(remoteRepo.ok());
    gd::test::GitDaemon daemon(base.path());
    QVERIFY2(daemon.isRunning(), qPrintable(daemon.errorString()));
    const QString url = daemon.urlFor(u"deploy.git"_s);
    QVERIFY(!pushFromOtherClone(url, u"README.md"_s, "# deploy\n"_ba).isNull());

    constexpr int pushers = 6;
    std::vector<std::thread> threads;
    std::vector<QString> errors(pushers);
    std::vector<int> attempts(pushers, 0);
    std::vector<QTemporaryDir> caches(pushers);
    for (int i = 0; i < pushers; ++i) {
        threads.emplace_back([&, i] {
            auto cache = Repository::initBare(caches[static_cast<size_t>(i)].filePath(u"cache.git"_s));
            if (!cache) {
                errors[static_cast<size_t>(i)] = cache.error().fullText();
                return;
            }
            PushPlan plan;
            plan.remoteUrl = url;
            plan.message = message(u"Release svc-%1"_s.arg(i));
            plan.edit = setTag(u"svc-%1"_s.arg(i), "1.0."_ba + QByteArray::number(i));
            plan.maxAttempts = 30;
            plan.baseBackoff = std::chrono::milliseconds(10);
            auto outcome = gd::git::runPushLoop(*cache, plan);
            if (!outcome)
                errors[static_cast<size_t>(i)] = outcome.error().fullText();
            else
                attempts[static_cast<size_t>(i)] = outcome->attempts;
        });
    }
    for (std::thread &t : threads)
        t.join();
    for (int i = 0; i < pushers; ++i)
        QVERIFY2(errors[static_cast<size_t>(i)].isEmpty(), qPrintable(errors[static_cast<size_t>(i)]));

    const ObjectId tip = *remoteRepo->resolve(u"refs/heads/main"_s);
    int length = 0;
    QVERIFY(isLinear(*remoteRepo, tip, &length));
    QCOMPARE(length, pushers + 1);
    for (int i = 0; i < pushers; ++i) {
        auto content = remoteRepo->readFile(tip, tagFile(u"svc-%1"_s.arg(i)));
        QVERIFY2(content.ok(), qPrintable(u"svc-%1 was lost"_s.arg(i)));
        QCOMPARE(*content, kustomization("1.0."_ba + QByteArray::number(i)));
    }
    int total = 0;
    for (int a : attempts)
        total += a;
    qInfo("%d pushers needed %d attempts in total", pushers, total);
}

void TestPushLoop::cancelledBeforeStart()
{
    ScratchRepo remote;
    const ObjectId initial = remote.commit({{tagFile(u"orders"_s), kustomization("1.0.0")}}, u"Init"_s);
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    std::atomic_bool cancel{true};
    bool edited = false;
    PushPlan plan;
    plan.remoteUrl = remote.path();
    plan.message = message(u"Release"_s);
    plan.cancelled = &cancel;
    plan.edit = [&](const Snapshot &tip) {
        edited = true;
        return setTag(u"orders"_s, "9.9.9")(tip);
    };
    auto outcome = gd::git::runPushLoop(*cache, plan);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, Error::Code::Cancelled);
    QVERIFY(!edited);
    QCOMPARE(remote.tip(), initial);

    auto fetched = gd::git::fetchBranch(*cache, remote.path(), u"main"_s, {}, &cancel);
    QCOMPARE(fetched.error().code, Error::Code::Cancelled);
}

void TestPushLoop::cancelledDuringBackoff()
{
    ScratchRepo remote;
    remote.commit({{tagFile(u"orders"_s), kustomization("1.0.0")}}, u"Init"_s);
    QTemporaryDir cacheDir;
    auto cache = Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    std::atomic_bool cancel{false};
    int edits = 0;
    PushPlan plan;
    plan.remoteUrl = remote.path();
    plan.message = message(u"Release"_s);
    plan.cancelled = &cancel;
    plan.baseBackoff = std::chrono::milliseconds(200);
    plan.edit = [&](const Snapshot &tip) {
        ++edits;
        const ObjectId other = pushFromOtherClone(remote.path(), u"other.txt"_s, "x"_ba);
        cancel = true; // the user presses Cancel while the push is under way
        return other.isNull() ? Result<FileChanges>(gd::makeError(Error::Code::Generic, u"setup"_s))
                              : setTag(u"orders"_s, "1.1.0")(tip);
    };
    auto outcome = gd::git::runPushLoop(*cache, plan);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, Error::Code::Cancelled);
    QCOMPARE(edits, 1);
    QCOMPARE(remote.read(tagFile(u"orders"_s)), kustomization("1.0.0"));
}

void TestPushLoop::repoCacheClonesOnceAndLocksPerUrl()
{
    ScratchRepo remote;
    const ObjectId initial = remote.commit({{u"README.md"_s, "x\n"_ba}}, u"Init"_s);
    QTemporaryDir root;
    gd::git::RepoCache cache(root.path());
    const QString path = cache.cachePathFor(remote.path());
    QCOMPARE(QFileInfo(path).dir().absolutePath(), QDir(root.path()).absolutePath());
    QVERIFY2(QFileInfo(path).fileName().startsWith(u"repo-"_s), qPrintable(path));
    QVERIFY(path.endsWith(u".git"_s));
    QCOMPARE(cache.cachePathFor(remote.path()), path);
    QVERIFY(cache.cachePathFor(u"https://gitlab.example.com/team/argocd-gitops-shop.git"_s)
                .contains(u"/argocd-gitops-shop-"_s));
    QVERIFY(cache.cachePathFor(u"https://a.example.com/x/repo.git"_s)
            != cache.cachePathFor(u"https://b.example.com/x/repo.git"_s));

    auto opened = cache.openOrClone(remote.path(), {});
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().fullText()));
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(*opened->readFile(initial, u"README.md"_s), "x\n"_ba);
    auto again = cache.openOrClone(remote.path(), {});
    QVERIFY(again.ok());
    QCOMPARE(QDir(root.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);

    // The lock for one URL is exclusive; another URL is independent.
    auto held = cache.lockFor(remote.path());
    std::atomic_bool otherUrlLocked{false};
    std::atomic_bool sameUrlLocked{false};
    std::thread other([&] {
        auto lock = cache.lockFor(u"https://example.com/other.git"_s);
        otherUrlLocked = true;
        auto same = cache.lockFor(remote.path());
        sameUrlLocked = true;
    });
    QTRY_VERIFY(otherUrlLocked.load());
    QVERIFY(!sameUrlLocked.load());
    held->unlock();
    other.join();
    QVERIFY(sameUrlLocked.load());
}

QTEST_GUILESS_MAIN(TestPushLoop)
#include "tst_pushloop.moc"
