// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows/jobqueue.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>
#include <stdexcept>

using namespace Qt::Literals::StringLiterals;
using gd::Error;
using gd::Result;
using gd::flows::JobContext;
using gd::flows::JobInfo;
using gd::flows::JobQueue;
using gd::flows::JobState;

namespace {

/// Workers never block forever, so a failing test cannot hang the queue's destructor.
constexpr int safetyMs = 10000;

/// A thread-safe record of what the workers did, in order.
class Log {
public:
    void add(const QString &line)
    {
        QMutexLocker lock(&m_mutex);
        m_lines.append(line);
    }
    QStringList lines() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines;
    }

private:
    mutable QMutex m_mutex;
    QStringList m_lines;
};

/// Waits on the queue's signal (no fixed sleep) until the job `id` reached a final state.
bool waitFinished(JobQueue &queue, int id)
{
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    QDeadlineTimer deadline(safetyMs);
    while (!queue.job(id).isFinished() && !deadline.hasExpired())
        finished.wait(int(std::max<qint64>(1, deadline.remainingTime())));
    return queue.job(id).isFinished();
}

Result<void> waitForGate(QSemaphore &gate)
{
    if (!gate.tryAcquire(1, safetyMs))
        return gd::makeError(Error::Code::Timeout, u"The test gate was never opened."_s);
    return {};
}

} // namespace

class TestJobQueue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tracksWorkOfTheQueueThread();
    void runsJobAndReportsSuccess();
    void serializesJobsOfOneKey();
    void runsDifferentKeysInParallel();
    void cancelsQueuedJob();
    void cancelsRunningJob();
    void errorAfterCancelCountsAsCancelled();
    void propagatesFailure_data();
    void propagatesFailure();
    void deliversTypedResult();
    void reportsProgressAndStatus();
    void throttlesProgressReports();
    void skipsCallbackOfDestroyedReceiver();
    void forgetsOldFinishedJobs();
    void destructorCancelsRunningJobs();
};

void TestJobQueue::runsJobAndReportsSuccess()
{
    JobQueue queue;
    QSignalSpy added(&queue, &JobQueue::jobAdded);
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    QSignalSpy busy(&queue, &JobQueue::busyChanged);
    const int id = queue.submit(u"repo"_s, u"Load workspace"_s, [](JobContext &) -> Result<void> { return {}; });
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().toInt(), id);
    QVERIFY(finished.wait(safetyMs));
    const JobInfo info = queue.job(id);
    QCOMPARE(info.title, u"Load workspace"_s);
    QCOMPARE(info.state, JobState::Succeeded);
    QCOMPARE(info.progress, 100);
    QVERIFY(info.startedAt.isValid());
    QVERIFY(info.finishedAt >= info.startedAt);
    QCOMPARE(queue.activeCount(), 0);
    QCOMPARE(busy.count(), 2);   // became busy, then idle again
    QCOMPARE(busy.at(0).first().toBool(), true);
    QCOMPARE(busy.at(1).first().toBool(), false);
    QVERIFY(!queue.job(12345).isValid());
}

void TestJobQueue::serializesJobsOfOneKey()
{
    JobQueue queue;
    Log log;
    QSemaphore gate;
    auto job = [&](const QString &name) {
        return [&log, &gate, name](JobContext &) -> Result<void> {
            log.add(name + u" start"_s);
            auto opened = waitForGate(gate);
            log.add(name + u" end"_s);
            return opened;
        };
    };
    const int first = queue.submit(u"repo-a"_s, u"First"_s, job(u"first"_s));
    const int second = queue.submit(u"repo-a"_s, u"Second"_s, job(u"second"_s));
    QCOMPARE(queue.job(first).state, JobState::Running);
    QCOMPARE(queue.job(second).state, JobState::Queued);
    QCOMPARE(queue.activeCount(), 2);

    gate.release(2);
    QVERIFY(waitFinished(queue, second));
    QCOMPARE(queue.job(first).state, JobState::Succeeded);
    QCOMPARE(queue.job(second).state, JobState::Succeeded);
    QCOMPARE(log.lines(), (QStringList{u"first start"_s, u"first end"_s, u"second start"_s, u"second end"_s}));
    QVERIFY(queue.job(second).startedAt >= queue.job(first).finishedAt);
}

void TestJobQueue::runsDifferentKeysInParallel()
{
    JobQueue queue;
    // Each job waits until the other one has started: this only succeeds when both run at the same time.
    QSemaphore arrivedA;
    QSemaphore arrivedB;
    auto meet = [](QSemaphore &mine, QSemaphore &other) {
        return [&mine, &other](JobContext &) -> Result<void> {
            mine.release();
            if (!other.tryAcquire(1, safetyMs))
                return gd::makeError(Error::Code::Timeout, u"The other job never ran alongside."_s);
            return {};
        };
    };
    const int a = queue.submit(u"repo-a"_s, u"A"_s, meet(arrivedA, arrivedB));
    const int b = queue.submit(u"repo-b"_s, u"B"_s, meet(arrivedB, arrivedA));
    QCOMPARE(queue.job(a).state, JobState::Running);
    QCOMPARE(queue.job(b).state, JobState::Running);
    QVERIFY(waitFinished(queue, a));
    QVERIFY(waitFinished(queue, b));
    QCOMPARE(queue.job(a).state, JobState::Succeeded);
    QCOMPARE(queue.job(b).state, JobState::Succeeded);
}

void TestJobQueue::cancelsQueuedJob()
{
    JobQueue queue;
    QSemaphore gate;
    std::atomic_bool secondRan{false};
    int callbackCalls = 0;
    JobInfo callbackInfo;
    const int first = queue.submit(u"repo"_s, u"First"_s, [&gate](JobContext &) { return waitForGate(gate); });
    const int second = queue.submit(
        u"repo"_s, u"Second"_s,
        [&secondRan](JobContext &) -> Result<void> {
            secondRan = true;
            return {};
        },
        &queue,
        [&](const JobInfo &info) {
            ++callbackCalls;
            callbackInfo = info;
        });
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    queue.cancel(second);
    // A queued job is dropped at once, without waiting for the running one.
    QCOMPARE(queue.job(second).state, JobState::Cancelled);
    QCOMPARE(queue.job(second).error.code, Error::Code::Cancelled);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(callbackCalls, 1);
    QCOMPARE(callbackInfo.state, JobState::Cancelled);
    QCOMPARE(queue.activeCount(), 1);

    gate.release();
    QVERIFY(waitFinished(queue, first));
    QCOMPARE(queue.job(first).state, JobState::Succeeded);
    QVERIFY(!secondRan.load());
}

void TestJobQueue::cancelsRunningJob()
{
    JobQueue queue;
    QSemaphore started;
    QSemaphore tick;
    std::atomic_bool flagSeen{false};
    const int id = queue.submit(u"repo"_s, u"Fetch"_s, [&](JobContext &context) -> Result<void> {
        started.release();
        QDeadlineTimer deadline(safetyMs);
        while (!context.isCancelled()) {
            if (deadline.hasExpired())
                return gd::makeError(Error::Code::Timeout, u"Never cancelled."_s);
            tick.tryAcquire(1, 5);
        }
        flagSeen = context.cancelFlag()->load();   // the flag libgit2 callbacks poll is the same flag
        return gd::makeError(Error::Code::Cancelled, u"The fetch was cancelled."_s);
    });
    QVERIFY(started.tryAcquire(1, safetyMs));
    QCOMPARE(queue.job(id).state, JobState::Running);
    queue.cancel(id);
    QVERIFY(queue.job(id).cancelRequested);
    QCOMPARE(queue.job(id).state, JobState::Running);   // it ends when its function returns
    QVERIFY(waitFinished(queue, id));
    QCOMPARE(queue.job(id).state, JobState::Cancelled);
    QCOMPARE(queue.job(id).error.message, u"The fetch was cancelled."_s);
    QVERIFY(flagSeen.load());
}

void TestJobQueue::errorAfterCancelCountsAsCancelled()
{
    JobQueue queue;
    QSemaphore started;
    QSemaphore gate;
    const int id = queue.submit(u"repo"_s, u"Push"_s, [&](JobContext &) -> Result<void> {
        started.release();
        if (auto waited = waitForGate(gate); !waited.ok())
            return waited;
        return gd::makeError(Error::Code::Network, u"The connection was closed."_s);
    });
    QVERIFY(started.tryAcquire(1, safetyMs));
    queue.cancel(id);
    gate.release();
    QVERIFY(waitFinished(queue, id));
    QCOMPARE(queue.job(id).state, JobState::Cancelled);
    QCOMPARE(queue.job(id).error.code, Error::Code::Cancelled);
}

void TestJobQueue::propagatesFailure_data()
{
    QTest::addColumn<bool>("throws");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detail");
    QTest::newRow("error value") << false << int(Error::Code::Rejected)
                                 << u"The push was refused. Fetch and try again."_s << u"failed to update ref"_s;
    QTest::newRow("exception") << true << int(Error::Code::Generic)
                               << u"The task stopped because of an internal error. Please report it."_s
                               << u"boom"_s;
}

void TestJobQueue::propagatesFailure()
{
    QFETCH(bool, throws);
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(QString, detail);
    JobQueue queue;
    JobInfo reported;
    const int id = queue.submit(
        u"repo"_s, u"Push"_s,
        [=](JobContext &) -> Result<void> {
            if (throws)
                throw std::runtime_error("boom");
            return gd::makeError(Error::Code(code), message, detail);
        },
        &queue, [&reported](const JobInfo &info) { reported = info; });
    QVERIFY(waitFinished(queue, id));
    const JobInfo info = queue.job(id);
    QCOMPARE(info.state, JobState::Failed);
    QCOMPARE(int(info.error.code), code);
    QCOMPARE(info.error.message, message);
    QCOMPARE(info.error.detail, detail);
    QCOMPARE(info.status, message);
    QCOMPARE(reported.id, id);
    QCOMPARE(reported.state, JobState::Failed);
}

void TestJobQueue::deliversTypedResult()
{
    JobQueue queue;
    std::optional<Result<int>> good;
    std::optional<Result<int>> bad;
    queue.submitFor<int>(u"a"_s, u"Count"_s, [](JobContext &) -> Result<int> { return 42; }, &queue,
                         [&good](Result<int> r) { good.emplace(std::move(r)); });
    queue.submitFor<int>(
        u"b"_s, u"Count"_s,
        [](JobContext &) -> Result<int> { return gd::makeError(Error::Code::NotFound, u"No such repo."_s); },
        &queue, [&bad](Result<int> r) { bad.emplace(std::move(r)); });
    QTRY_VERIFY_WITH_TIMEOUT(good.has_value() && bad.has_value(), safetyMs);
    QVERIFY(good->ok());
    QCOMPARE(good->value(), 42);
    QVERIFY(!bad->ok());
    QCOMPARE(bad->error().message, u"No such repo."_s);
}

void TestJobQueue::reportsProgressAndStatus()
{
    JobQueue queue;
    QSemaphore reached;
    QSemaphore gate;
    const int id = queue.submit(u"repo"_s, u"Release"_s, [&](JobContext &context) -> Result<void> {
        context.setStatus(u"Fetching argocd-gitops-shop"_s);
        context.setProgress(40);
        reached.release();
        if (auto waited = waitForGate(gate); !waited.ok())
            return waited;
        context.setProgress(250);   // clamped
        context.setStatus(u"Pushing"_s);
        reached.release();
        return waitForGate(gate);
    });
    QCOMPARE(queue.job(id).progress, -1);   // indeterminate until the worker says otherwise
    QVERIFY(reached.tryAcquire(1, safetyMs));
    QTRY_COMPARE_WITH_TIMEOUT(queue.job(id).progress, 40, safetyMs);
    QCOMPARE(queue.job(id).status, u"Fetching argocd-gitops-shop"_s);
    gate.release();
    QVERIFY(reached.tryAcquire(1, safetyMs));
    QTRY_COMPARE_WITH_TIMEOUT(queue.job(id).status, u"Pushing"_s, safetyMs);
    QCOMPARE(queue.job(id).progress, 100);
    gate.release();
    QVERIFY(waitFinished(queue, id));
    QCOMPARE(queue.job(id).state, JobState::Succeeded);
}

void TestJobQueue::throttlesProgressReports()
{
    JobQueue queue;
    QSignalSpy changed(&queue, &JobQueue::jobChanged);
    QSemaphore done;
    QSemaphore gate;
    const int id = queue.submit(u"repo"_s, u"Scan"_s, [&](JobContext &context) -> Result<void> {
        for (int i = 0; i < 200000; ++i)
            context.setProgress(i % 101);
        context.setProgress(77);
        done.release();
        return waitForGate(gate);
    });
    QVERIFY(done.tryAcquire(1, safetyMs));
    QTRY_COMPARE_WITH_TIMEOUT(queue.job(id).progress, 77, safetyMs);   // the latest value always arrives
    gate.release();
    QVERIFY(waitFinished(queue, id));
    // 200,000 reports reach the GUI thread as a handful of changes, not one each.
    QVERIFY2(changed.count() < 40, qPrintable(u"%1 changes"_s.arg(changed.count())));
}

void TestJobQueue::skipsCallbackOfDestroyedReceiver()
{
    JobQueue queue;
    QSemaphore gate;
    bool called = false;
    auto receiver = std::make_unique<QObject>();
    const int id = queue.submit(u"repo"_s, u"Read"_s, [&gate](JobContext &) { return waitForGate(gate); },
                                receiver.get(), [&called](const JobInfo &) { called = true; });
    receiver.reset();
    gate.release();
    QVERIFY(waitFinished(queue, id));
    QCOMPARE(queue.job(id).state, JobState::Succeeded);
    QVERIFY(!called);
}

void TestJobQueue::forgetsOldFinishedJobs()
{
    JobQueue queue;
    queue.setFinishedLimit(2);
    QSignalSpy removed(&queue, &JobQueue::jobRemoved);
    QList<int> ids;
    for (int i = 0; i < 4; ++i)
        ids.append(queue.submit(u"repo"_s, u"Job %1"_s.arg(i), [](JobContext &) -> Result<void> { return {}; }));
    QVERIFY(waitFinished(queue, ids.last()));
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 2, safetyMs);
    QCOMPARE(queue.jobIds(), (QList<int>{ids.at(2), ids.at(3)}));
    QCOMPARE(removed.at(0).first().toInt(), ids.at(0));

    queue.clearFinished();
    QVERIFY(queue.jobIds().isEmpty());
}

void TestJobQueue::destructorCancelsRunningJobs()
{
    auto queue = std::make_unique<JobQueue>();
    QSemaphore started;
    QSemaphore tick;
    std::atomic_bool sawCancel{false};
    queue->submit(u"repo"_s, u"Long fetch"_s, [&](JobContext &context) -> Result<void> {
        started.release();
        QDeadlineTimer deadline(safetyMs);
        while (!context.isCancelled() && !deadline.hasExpired())
            tick.tryAcquire(1, 5);
        sawCancel = context.isCancelled();
        return {};
    });
    QVERIFY(started.tryAcquire(1, safetyMs));
    QElapsedTimer timer;
    timer.start();
    queue.reset();   // returns once the worker noticed the cancel
    QVERIFY(sawCancel.load());
    QVERIFY(timer.elapsed() < safetyMs);
}

void TestJobQueue::tracksWorkOfTheQueueThread()
{
    gd::flows::JobQueue queue;
    QSignalSpy busy(&queue, &gd::flows::JobQueue::busyChanged);
    QSignalSpy finished(&queue, &gd::flows::JobQueue::jobFinished);
    const int id = queue.track(u"Sync and follow shop-orders-uat"_s, u"Refreshing"_s);
    QCOMPARE(queue.activeCount(), 1);
    QCOMPARE(busy.count(), 1);
    QCOMPARE(queue.job(id).state, gd::flows::JobState::Running);
    QCOMPARE(queue.job(id).status, u"Refreshing"_s);

    queue.setTrackedStatus(id, u"shop-orders-uat: Synced, Progressing"_s);
    QCOMPARE(queue.job(id).status, u"shop-orders-uat: Synced, Progressing"_s);
    queue.cancel(id);
    QVERIFY(queue.isCancelRequested(id));
    QCOMPARE(queue.job(id).state, gd::flows::JobState::Running);   // the owner decides when it stops

    queue.finishTracked(id, gd::makeError(gd::Error::Code::Generic, u"shop-orders-uat is Degraded."_s));
    QCOMPARE(queue.job(id).state, gd::flows::JobState::Cancelled);   // cancel was asked before it ended
    QCOMPARE(finished.count(), 1);
    QCOMPARE(queue.activeCount(), 0);
    QCOMPARE(busy.count(), 2);

    const int failing = queue.track(u"Sync and follow shop-cart-uat"_s);
    queue.finishTracked(failing, gd::makeError(gd::Error::Code::Generic, u"shop-cart-uat is Degraded."_s));
    QCOMPARE(queue.job(failing).state, gd::flows::JobState::Failed);
    QCOMPARE(queue.job(failing).status, u"shop-cart-uat is Degraded."_s);
    const int passing = queue.track(u"Sync and follow shop-cart-prod"_s);
    queue.finishTracked(passing, {});
    QCOMPARE(queue.job(passing).state, gd::flows::JobState::Succeeded);
    queue.finishTracked(passing, gd::makeError(gd::Error::Code::Generic, u"late"_s));   // ignored once finished
    QCOMPARE(queue.job(passing).state, gd::flows::JobState::Succeeded);
}

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
