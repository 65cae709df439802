// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace gd::flows {

namespace detail {

/// State one job shares between its worker thread and the queue on the GUI thread.
struct JobShared {
    int id = 0;
    std::atomic_bool cancelled{false};
    std::atomic_bool notifyPending{false};   ///< a report is on its way to the GUI thread
    std::mutex mutex;                        ///< guards progress and status
    int progress = -1;
    QString status;
    std::function<void()> notify;            ///< posts one queued report to the queue; set before the start
};

} // namespace detail

/// What a job's function gets on its worker thread: report progress and status, and check for cancel.
/// Reports are cheap (a mutex and an atomic); at most one message per job is in flight to the GUI thread,
/// which applies them at most every ~100 ms, so a worker may report as often as it likes.
class JobContext {
public:
    explicit JobContext(std::shared_ptr<detail::JobShared> shared) : m_shared(std::move(shared)) {}

    /// Sets the progress to `percent` (clamped to 0..100). Any thread.
    void setProgress(int percent);
    /// Marks the amount of remaining work as unknown (a busy indicator instead of a bar). Any thread.
    void setIndeterminate();
    /// Sets the one-line description of the current step. Any thread.
    void setStatus(const QString &text);
    /// True once the user (or the queue's owner) asked this job to stop. Poll it between steps.
    bool isCancelled() const { return m_shared->cancelled.load(); }
    /// The flag itself, for the libgit2 adapters that poll it in their callbacks. Lives as long as the job.
    const std::atomic_bool *cancelFlag() const { return &m_shared->cancelled; }
    /// The job's id in its queue.
    int jobId() const { return m_shared->id; }

private:
    void report();
    std::shared_ptr<detail::JobShared> m_shared;
};

} // namespace gd::flows
