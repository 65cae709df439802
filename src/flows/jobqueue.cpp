// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows/jobqueue.h"

#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>

using namespace Qt::Literals::StringLiterals;

namespace gd::flows {
namespace {

Error cancelledError()
{
    return makeError(Error::Code::Cancelled, JobQueue::tr("The task was cancelled."));
}

/// Runs the job's function on the worker; nothing thrown may cross into Qt's thread pool.
Result<void> runGuarded(const JobFunction &work, JobContext &context)
{
    try {
        return work(context);
    } catch (const std::exception &e) {
        return makeError(Error::Code::Generic,
                         JobQueue::tr("The task stopped because of an internal error. Please report it."),
                         QString::fromLocal8Bit(e.what()));
    } catch (...) {
        return makeError(Error::Code::Generic,
                         JobQueue::tr("The task stopped because of an internal error. Please report it."));
    }
}

} // namespace

JobQueue::JobQueue(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
    m_reportTimer.setSingleShot(true);
    connect(&m_reportTimer, &QTimer::timeout, this, &JobQueue::flushReports);
}

JobQueue::~JobQueue()
{
    m_pending.clear();
    for (Entry &entry : m_jobs)
        entry.shared->cancelled = true;
    m_pool.waitForDone();
}

int JobQueue::submit(const QString &key, const QString &title, JobFunction work, QObject *receiver,
                     JobFinishedCallback onFinished)
{
    const int id = m_nextId++;
    Entry entry;
    entry.info.id = id;
    entry.info.key = key;
    entry.info.title = title;
    entry.info.state = JobState::Queued;
    entry.info.status = tr("Waiting");
    entry.info.queuedAt = QDateTime::currentDateTime();
    entry.shared = std::make_shared<detail::JobShared>();
    entry.shared->id = id;
    entry.shared->notify = [this, id] {
        QMetaObject::invokeMethod(this, [this, id] { onReported(id); }, Qt::QueuedConnection);
    };
    entry.work = std::move(work);
    entry.receiver = receiver;
    entry.hasReceiver = receiver != nullptr;
    entry.onFinished = std::move(onFinished);
    m_jobs.insert(id, std::move(entry));
    m_order.append(id);
    m_pending.push_back(id);
    Q_EMIT jobAdded(id);
    updateBusy();
    startReady();
    return id;
}

void JobQueue::cancel(int id)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || it->info.isFinished())
        return;
    if (it->info.state == JobState::Queued) {
        m_pending.erase(std::remove(m_pending.begin(), m_pending.end(), id), m_pending.end());
        it->info.cancelRequested = true;
        it->info.state = JobState::Cancelled;
        it->info.error = cancelledError();
        it->info.status = tr("Cancelled");
        it->info.finishedAt = QDateTime::currentDateTime();
        complete(*it);
        updateBusy();
        return;
    }
    if (!it->info.cancelRequested) {
        it->shared->cancelled = true;
        it->info.cancelRequested = true;
        it->info.status = tr("Cancelling…");
        Q_EMIT jobChanged(id);
    }
}

void JobQueue::cancelAll()
{
    const QList<int> ids = m_order;
    for (int id : ids)
        cancel(id);
}

void JobQueue::clearFinished()
{
    const QList<int> ids = m_order;
    for (int id : ids) {
        if (isFinished(id)) {
            m_jobs.remove(id);
            m_order.removeOne(id);
            Q_EMIT jobRemoved(id);
        }
    }
}

JobInfo JobQueue::job(int id) const
{
    auto it = m_jobs.constFind(id);
    return it == m_jobs.constEnd() ? JobInfo() : it->info;
}

bool JobQueue::isFinished(int id) const
{
    auto it = m_jobs.constFind(id);
    return it != m_jobs.constEnd() && it->info.isFinished();
}

void JobQueue::setMaxParallel(int count)
{
    m_pool.setMaxThreadCount(std::max(1, count));
    startReady();
}

void JobQueue::setFinishedLimit(int count)
{
    m_finishedLimit = std::max(0, count);
    pruneFinished();
}

void JobQueue::startReady()
{
    for (auto it = m_pending.begin(); it != m_pending.end() && m_running < m_pool.maxThreadCount();) {
        Entry &entry = m_jobs[*it];
        if (!entry.info.key.isEmpty() && m_busyKeys.contains(entry.info.key)) {
            ++it;
            continue;
        }
        it = m_pending.erase(it);
        start(entry);
    }
}

void JobQueue::start(Entry &entry)
{
    const int id = entry.info.id;
    if (!entry.info.key.isEmpty())
        m_busyKeys.insert(entry.info.key, id);
    ++m_running;
    entry.info.state = JobState::Running;
    entry.info.status = tr("Starting");
    entry.info.startedAt = QDateTime::currentDateTime();

    auto *watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
        Result<void> result = watcher->future().result();
        watcher->deleteLater();
        finish(id, std::move(result));
    });
    // The worker owns copies of the function and the shared state, never a reference into m_jobs.
    watcher->setFuture(QtConcurrent::run(&m_pool, [work = entry.work, shared = entry.shared]() -> Result<void> {
        JobContext context(shared);
        if (shared->cancelled.load())
            return cancelledError();
        return runGuarded(work, context);
    }));
    entry.work = nullptr;
    Q_EMIT jobChanged(id);
}

void JobQueue::onReported(int id)
{
    if (!m_dirty.contains(id))
        m_dirty.append(id);
    if (m_reportTimer.isActive())
        return;
    if (!m_sinceFlush.isValid() || m_sinceFlush.elapsed() >= reportIntervalMs)
        flushReports();
    else
        m_reportTimer.start(int(reportIntervalMs - m_sinceFlush.elapsed()));
}

void JobQueue::flushReports()
{
    m_sinceFlush.restart();
    const QList<int> dirty = std::exchange(m_dirty, {});
    for (int id : dirty) {
        auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            continue;
        // Clear the flag before reading, so a report made while we read posts a new message.
        it->shared->notifyPending = false;
        int progress;
        QString status;
        {
            std::lock_guard lock(it->shared->mutex);
            progress = it->shared->progress;
            status = it->shared->status;
        }
        if (it->info.state != JobState::Running)
            continue;
        if (it->info.cancelRequested)
            status = tr("Cancelling…");
        else if (status.isEmpty())
            status = it->info.status;
        if (progress == it->info.progress && status == it->info.status)
            continue;
        it->info.progress = progress;
        it->info.status = status;
        Q_EMIT jobChanged(id);
    }
}

void JobQueue::finish(int id, Result<void> result)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    --m_running;
    if (m_busyKeys.value(it->info.key) == id)
        m_busyKeys.remove(it->info.key);
    m_dirty.removeOne(id);

    settle(it->info, *it->shared, result);
    complete(*it);
    pruneFinished();
    startReady();
    updateBusy();
}

void JobQueue::settle(JobInfo &info, detail::JobShared &shared, const Result<void> &result)
{
    {
        std::lock_guard lock(shared.mutex);
        info.progress = shared.progress;
        if (!shared.status.isEmpty())
            info.status = shared.status;
    }
    info.finishedAt = QDateTime::currentDateTime();
    if (result.ok()) {
        info.state = JobState::Succeeded;
        info.progress = 100;
        info.status = tr("Done");
    } else if (result.error().code == Error::Code::Cancelled || shared.cancelled.load()) {
        info.state = JobState::Cancelled;
        info.error = result.error().code == Error::Code::Cancelled ? result.error() : cancelledError();
        info.status = tr("Cancelled");
    } else {
        info.state = JobState::Failed;
        info.error = result.error();
        info.status = result.error().message;
    }
}

int JobQueue::track(const QString &title, const QString &status)
{
    const int id = m_nextId++;
    Entry entry;
    entry.info.id = id;
    entry.info.title = title;
    entry.info.state = JobState::Running;
    entry.info.status = status.isEmpty() ? tr("Starting") : status;
    entry.info.queuedAt = entry.info.startedAt = QDateTime::currentDateTime();
    entry.shared = std::make_shared<detail::JobShared>();
    entry.shared->id = id;
    entry.tracked = true;
    m_jobs.insert(id, std::move(entry));
    m_order.append(id);
    ++m_tracked;
    Q_EMIT jobAdded(id);
    updateBusy();
    return id;
}

void JobQueue::setTrackedStatus(int id, const QString &status, int progress)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || !it->tracked || it->info.isFinished())
        return;
    it->info.status = it->info.cancelRequested ? tr("Cancelling…") : status;
    it->info.progress = progress;
    Q_EMIT jobChanged(id);
}

void JobQueue::finishTracked(int id, Result<void> result)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || !it->tracked || it->info.isFinished())
        return;
    --m_tracked;
    settle(it->info, *it->shared, result);
    complete(*it);
    pruneFinished();
    updateBusy();
}

bool JobQueue::isCancelRequested(int id) const
{
    auto it = m_jobs.constFind(id);
    return it != m_jobs.constEnd() && it->info.cancelRequested;
}

void JobQueue::complete(Entry &entry)
{
    // Copy what the callback needs: it may submit jobs, which can rehash m_jobs.
    const JobInfo info = entry.info;
    JobFinishedCallback callback = std::move(entry.onFinished);
    const QPointer<QObject> receiver = entry.receiver;
    const bool hasReceiver = entry.hasReceiver;
    entry.onFinished = nullptr;
    Q_EMIT jobChanged(info.id);
    Q_EMIT jobFinished(info.id);
    if (callback && (!hasReceiver || receiver))
        callback(info);
}

void JobQueue::pruneFinished()
{
    int finished = 0;
    for (int id : std::as_const(m_order)) {
        if (isFinished(id))
            ++finished;
    }
    const QList<int> ids = m_order;
    for (int id : ids) {
        if (finished <= m_finishedLimit)
            break;
        if (isFinished(id)) {
            m_jobs.remove(id);
            m_order.removeOne(id);
            --finished;
            Q_EMIT jobRemoved(id);
        }
    }
}

void JobQueue::updateBusy()
{
    const bool busy = activeCount() > 0;
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }
}

} // namespace gd::flows
