// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gd::ws {

/// Where the GUI and the CLI keep their bare copies of remote repositories: $GITOPS_DESK_CACHE_DIR when set
/// (tests use it), else the user's cache folder + "/gitops-desk/repos". Both faces share it.
QString repoCacheDir();

/// Where the GUI and the CLI keep data that is the user's own (working copies, autosaved drafts):
/// $GITOPS_DESK_DATA_DIR when set (tests use it), else the user's data folder + "/gitops-desk"
/// (~/.local/share/gitops-desk). Both faces share it.
QString dataDir();

/// The working copy (a git clone holding draft manifest edits) of `project` in workspace `workspaceName`:
/// dataDir() + "/working/<workspace>/<project>". Empty when a name is empty, ".", or holds '/', '\' or "..",
/// so that no path outside that folder is ever built from a name.
QString workingCloneDir(const QString &workspaceName, const QString &project);

/// Where unsaved drafts are autosaved: dataDir() + "/autosave".
QString autosaveDir();

} // namespace gd::ws
