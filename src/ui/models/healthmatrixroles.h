// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace gd::ui {

/// Data roles of HealthMatrixModel (every cell carries them; a cell is one service in one environment).
enum HealthMatrixRole : int {
    MatrixSyncStatusRole = Qt::UserRole + 200,   ///< "Synced" | "OutOfSync" | "Unknown"; empty when no Application
    MatrixHealthStatusRole,                      ///< "Healthy" | "Progressing" | "Degraded" | ...; empty when none
    MatrixGaTagRole,                             ///< the GA tag the branch tip has
    MatrixCanaryTagRole,                         ///< the canary tag, empty when the canary overlay is not in use
    MatrixOperationRunningRole,                  ///< bool: a sync is requested or running (a spinner shows)
    MatrixBehindRole,                            ///< bool: Argo CD has not synced the last change to this folder
    MatrixAppNameRole,                           ///< the matched Application's name, empty when none
    MatrixTooltipRole,                           ///< health, sync, operation and condition messages (also ToolTipRole)
    MatrixOperationPhaseRole,                    ///< "Running" | "Succeeded" | "Failed" | ...; empty when none
    MatrixProjectRole,                           ///< the DevOps project of the row
    MatrixServiceRole,                           ///< the service of the row
    MatrixEnvironmentRole,                       ///< the environment of the column
    MatrixDeployedRole,                          ///< bool: the service has a folder for this environment in Git
    MatrixHasApplicationRole,                    ///< bool: an Argo CD Application matches this cell
    MatrixSyncRevisionRole,                      ///< the revision Argo CD compared with (status.sync.revision)
    MatrixProblemRole,                           ///< bool: the Application is not Healthy or is OutOfSync
};

} // namespace gd::ui
