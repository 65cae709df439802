// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace gd::ui {

/// What a row of the project tree stands for.
enum class TreeItemKind { Project, Service, Environment };

/// Data roles of ProjectTreeModel (column 0 carries them all).
enum ProjectTreeRole : int {
    KindRole = Qt::UserRole + 1,   ///< int(TreeItemKind)
    ProjectNameRole,               ///< on every row: the project it belongs to
    ServiceNameRole,               ///< on service and environment rows
    EnvironmentNameRole,           ///< on environment rows
    GaTagRole,                     ///< environment rows: the GA tag
    CanaryTagRole,                 ///< environment rows: the canary tag, empty when there is no canary overlay
    CanaryStageRole,               ///< environment rows: bool, the canary overlay is deployed
    ImageRole,                     ///< environment rows: the GA image name
    ProblemRole,                   ///< a sentence when the project or environment could not be read
    FilterTextRole,                ///< what the filter box matches: the name, and on environments the tags
};

} // namespace gd::ui
