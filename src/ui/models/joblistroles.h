// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace gd::ui {

/// Data roles of JobListModel.
enum JobListRole : int {
    JobIdRole = Qt::UserRole + 1,
    JobStateRole,             ///< int(flows::JobState)
    JobProgressRole,          ///< 0..100, -1 when indeterminate
    JobStatusRole,            ///< the current step, or the failure sentence
    JobErrorRole,             ///< the failure sentence, empty unless Failed/Cancelled
    JobErrorDetailRole,       ///< the technical detail of the failure
    JobCancelRequestedRole,   ///< bool
    JobActiveRole,            ///< bool: queued or running (can be cancelled)
    JobTimeRole,              ///< QDateTime: finished, else started, else queued
    JobDurationRole,          ///< qint64 milliseconds from start to end; -1 until it ended after starting
};

} // namespace gd::ui
