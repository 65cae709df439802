// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gd::ws {

/// Where the GUI and the CLI keep their bare copies of remote repositories: $GITOPS_DESK_CACHE_DIR when set
/// (tests use it), else the user's cache folder + "/gitops-desk/repos". Both faces share it.
QString repoCacheDir();

} // namespace gd::ws
