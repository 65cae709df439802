// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/pushloop.h"

#include <QCoreApplication>

#include <algorithm>
#include <random>
#include <thread>

namespace gd::git {

namespace {

// The translatable sentences of this file, in the "gd::git::PushLoop" context (lupdate reads the macro).
struct PushLoopText {
    Q_DECLARE_TR_FUNCTIONS(gd::git::PushLoop)
};

bool isCancelled(const PushPlan &plan)
{
    return plan.cancelled && plan.cancelled->load(std::memory_order_relaxed);
}

Error cancelledError()
{
    return makeError(Error::Code::Cancelled, PushLoopText::tr("The change was cancelled before it reached the remote."));
}

void report(const PushPlan &plan, int attempt, const QString &status)
{
    if (plan.progress)
        plan.progress(attempt, status);
}

/// base × 2^(retry-1), ±50 % jitter so that racing writers spread out, capped at 2 s.
std::chrono::milliseconds backoffFor(const PushPlan &plan, int retry)
{
    thread_local std::mt19937 generator{std::random_device{}()};
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    const double base = static_cast<double>(std::max<qint64>(plan.baseBackoff.count(), 0));
    const double scaled = base * static_cast<double>(1LL << std::min(retry - 1, 20)) * jitter(generator);
    return std::chrono::milliseconds(static_cast<qint64>(std::min(scaled, 2000.0)));
}

/// Waits out the backoff in short slices so that a cancel is honoured quickly. Returns false when cancelled.
bool waitBackoff(const PushPlan &plan, std::chrono::milliseconds delay)
{
    const auto deadline = std::chrono::steady_clock::now() + delay;
    while (std::chrono::steady_clock::now() < deadline) {
        if (isCancelled(plan))
            return false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline
                                                                                - std::chrono::steady_clock::now());
        std::this_thread::sleep_for(std::min(left, std::chrono::milliseconds(10)));
    }
    return !isCancelled(plan);
}

} // namespace

Result<PushOutcome> runPushLoop(Repository &cache, const PushPlan &plan)
{
    if (!plan.edit)
        return makeError(Error::Code::InvalidInput, PushLoopText::tr("There is no change to push."));
    const int maxAttempts = std::max(plan.maxAttempts, 1);
    Error lastRejection;

    for (int attempt = 1; attempt <= maxAttempts; ++attempt) {
        if (isCancelled(plan))
            return cancelledError();

        report(plan, attempt, PushLoopText::tr("Fetching %1 from the remote…").arg(plan.branch));
        ObjectId tip;
        Result<ObjectId> fetched = fetchBranch(cache, plan.remoteUrl, plan.branch, plan.auth, plan.cancelled);
        if (fetched) {
            tip = *fetched;
        } else if (fetched.error().code != Error::Code::NotFound) {
            return fetched.error();
        }

        // The edit sees the tip it is applied to, and re-checks its precondition there on every attempt.
        report(plan, attempt, tip.isNull() ? PushLoopText::tr("Preparing the first commit of %1…").arg(plan.branch)
                                           : PushLoopText::tr("Applying the change on top of %1…").arg(tip.shortHex()));
        Result<FileChanges> changes = plan.edit(Snapshot(cache, tip));
        if (!changes)
            return changes.error();
        Result<ObjectId> commit = cache.createCommit(tip, *changes, plan.message);
        if (!commit)
            return commit.error();

        if (isCancelled(plan))
            return cancelledError();
        report(plan, attempt, PushLoopText::tr("Pushing commit %1…").arg(commit->shortHex()));
        Result<void> pushed = pushCommit(cache, plan.remoteUrl, *commit, plan.branch, plan.auth, plan.cancelled,
                                         [&](const QString &sentence) {
                                             report(plan, attempt, sentence);
                                             if (plan.notice)
                                                 plan.notice(sentence);
                                         });
        if (pushed) {
            report(plan, attempt, PushLoopText::tr("Commit %1 is on %2.").arg(commit->shortHex(), plan.branch));
            return PushOutcome{*commit, tip, attempt};
        }
        if (pushed.error().code != Error::Code::Rejected)
            return pushed.error();
        lastRejection = pushed.error();

        if (attempt < maxAttempts) {
            report(plan, attempt, isHeldRefLock(lastRejection)
                                      ? PushLoopText::tr("The branch is locked on the server; trying again…")
                                      : PushLoopText::tr("Someone else pushed first; trying again on the new tip…"));
            if (!waitBackoff(plan, backoffFor(plan, attempt)))
                return cancelledError();
        }
    }
    if (isHeldRefLock(lastRejection))
        return lastRejection;
    return makeError(Error::Code::Rejected,
                     PushLoopText::tr("The change could not be pushed: the branch %1 kept moving during %2 attempts. "
                        "Try again in a moment.")
                         .arg(plan.branch)
                         .arg(maxAttempts),
                     lastRejection.fullText());
}

} // namespace gd::git
