// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/error.h"

#include <QDateTime>
#include <QString>

namespace gd::flows {

/// Where a background job is in its life. Queued → Running → one of the three final states;
/// a queued job that is cancelled goes straight to Cancelled.
enum class JobState { Queued, Running, Succeeded, Failed, Cancelled };

/// A snapshot of one job as the GUI thread knows it (the worker reports into it, throttled).
struct JobInfo {
    int id = 0;                  ///< 0 means "no such job"
    QString key;                 ///< jobs with the same non-empty key run one at a time, in order
    QString title;               ///< what the job does, as a user reads it ("Load workspace Demo")
    JobState state = JobState::Queued;
    int progress = -1;           ///< 0..100, or -1 while the amount of work is unknown
    QString status;              ///< the current step ("Fetching argocd-gitops-shop")
    Error error;                 ///< why it failed or was cancelled; empty message otherwise
    bool cancelRequested = false;
    QDateTime queuedAt;
    QDateTime startedAt;
    QDateTime finishedAt;

    bool isValid() const { return id != 0; }
    /// True once the job reached Succeeded, Failed or Cancelled.
    bool isFinished() const
    {
        return state == JobState::Succeeded || state == JobState::Failed || state == JobState::Cancelled;
    }
};

} // namespace gd::flows
