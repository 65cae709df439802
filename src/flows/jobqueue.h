// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flows/job.h"
#include "flows/jobcontext.h"
#include "util/result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace gd::flows {

/// The work of a job. Runs on a worker thread; reports through the context; returns an Error to fail.
using JobFunction = std::function<Result<void>(JobContext &)>;
/// Called on the queue's thread once a job reached a final state.
using JobFinishedCallback = std::function<void(const JobInfo &)>;

/// Runs background jobs on its own thread pool and tells the GUI thread about them.
/// Jobs that share a non-empty key (a repository URL, a workspace file) run one at a time in submission order;
/// jobs with different keys run in parallel. Lives on the GUI thread; all functions are for that thread only.
/// Destroying the queue cancels every job and waits for the running ones to return.
class JobQueue : public QObject {
    Q_OBJECT

public:
    explicit JobQueue(QObject *parent = nullptr);
    ~JobQueue() override;

    /// Queues `work` and returns the new job's id. `onFinished` (optional) runs on this thread when the job
    /// reached a final state, unless `receiver` was destroyed first.
    int submit(const QString &key, const QString &title, JobFunction work, QObject *receiver = nullptr,
               JobFinishedCallback onFinished = {});

    /// Queues a job that computes a value: `work(JobContext &)` returns Result<T>; `onDone(Result<T>)` gets it
    /// on this thread (an Error with code Cancelled when the job was cancelled before it ran), unless `receiver`
    /// was destroyed first.
    template<typename T, typename Work, typename Done>
    int submitFor(const QString &key, const QString &title, Work work, QObject *receiver, Done onDone)
    {
        auto slot = std::make_shared<std::optional<Result<T>>>();
        JobFunction wrapped = [slot, work = std::move(work)](JobContext &context) -> Result<void> {
            slot->emplace(work(context));
            if (slot->value().ok())
                return {};
            return slot->value().error();
        };
        JobFinishedCallback finished = [slot, onDone = std::move(onDone)](const JobInfo &info) {
            if (slot->has_value())
                onDone(std::move(slot->value()));
            else
                onDone(Result<T>(info.error));
        };
        return submit(key, title, std::move(wrapped), receiver, std::move(finished));
    }

    /// Lists work that runs on this thread (the asynchronous network steps of a flow: a sync, following health) as a
    /// job: Running at once, no key, no worker. The caller reports with setTrackedStatus() and must end it with
    /// finishTracked(); isCancelRequested() tells whether the user pressed Cancel.
    int track(const QString &title, const QString &status = {});
    void setTrackedStatus(int id, const QString &status, int progress = -1);
    void finishTracked(int id, Result<void> result);
    /// True once cancel(id) was asked for a running job.
    bool isCancelRequested(int id) const;

    /// Asks job `id` to stop: a queued job is dropped at once (Cancelled), a running one has its cancel flag set
    /// and ends when its function returns. Does nothing for an unknown or finished job.
    void cancel(int id);
    /// Cancels every queued and running job.
    void cancelAll();
    /// Forgets finished jobs (they stay listed until then, up to finishedLimit()).
    void clearFinished();

    /// The job `id` as last reported; an invalid JobInfo (id 0) when unknown.
    JobInfo job(int id) const;
    /// Ids of the jobs the queue knows, oldest first (finished ones included).
    QList<int> jobIds() const { return m_order; }
    /// Number of jobs that are queued or running.
    int activeCount() const { return int(m_pending.size()) + m_running + m_tracked; }

    /// At most this many jobs run at the same time (default: the larger of 4 and the number of cores).
    void setMaxParallel(int count);
    int maxParallel() const { return m_pool.maxThreadCount(); }
    /// Finished jobs kept for the Activity panel; the oldest are forgotten first (default 100).
    void setFinishedLimit(int count);
    int finishedLimit() const { return m_finishedLimit; }

    /// How often, at most, progress reports of one job reach the GUI thread.
    static constexpr int reportIntervalMs = 100;

Q_SIGNALS:
    /// A job was queued; it is the last of jobIds().
    void jobAdded(int id);
    /// A job's state, progress, status or error changed.
    void jobChanged(int id);
    /// A job reached Succeeded, Failed or Cancelled (after jobChanged).
    void jobFinished(int id);
    /// A finished job was forgotten (clearFinished or the finished limit).
    void jobRemoved(int id);
    /// activeCount() went from 0 to more (true) or back to 0 (false).
    void busyChanged(bool busy);

private:
    struct Entry {
        JobInfo info;
        std::shared_ptr<detail::JobShared> shared;
        JobFunction work;
        QPointer<QObject> receiver;
        bool hasReceiver = false;
        bool tracked = false;   ///< runs on the queue's thread (track()), not on the pool
        JobFinishedCallback onFinished;
    };

    void startReady();
    void start(Entry &entry);
    void onReported(int id);
    void flushReports();
    void finish(int id, Result<void> result);
    /// Sets the final state of `info` from `result` (and the job's last report).
    static void settle(JobInfo &info, detail::JobShared &shared, const Result<void> &result);
    void complete(Entry &entry);
    void pruneFinished();
    void updateBusy();
    bool isFinished(int id) const;

    QThreadPool m_pool;
    QHash<int, Entry> m_jobs;
    QList<int> m_order;
    std::deque<int> m_pending;
    QHash<QString, int> m_busyKeys;   ///< key → id of the job running under it
    int m_running = 0;
    int m_tracked = 0;                ///< tracked jobs still running
    int m_nextId = 1;
    int m_finishedLimit = 100;
    bool m_busy = false;

    QList<int> m_dirty;               ///< jobs with a report not yet applied
    QTimer m_reportTimer;
    QElapsedTimer m_sinceFlush;
};

} // namespace gd::flows
