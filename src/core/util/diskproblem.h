// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/error.h"

#include <QString>

#include <optional>

namespace gd {

/// Why files cannot be written in the folder `folder` (which may not exist yet), as an Io error whose sentence
/// names the path and what to do: a path on the way is a file, not a folder; the folder is not writable (permission,
/// read-only file system); no space is left on its device. nullopt when a small probe file can be written there.
/// A few stat calls and one probe write (removed again); any thread.
std::optional<Error> folderProblem(const QString &folder);

/// Whether a failure a library reported (libgit2: "…: No space left on device") was a failure to write in
/// `folder`: folderProblem(folder) when it finds one, else an Io error naming `folder` when `osText` holds the
/// system's sentence for a full device or quota; nullopt otherwise (the problem is elsewhere, e.g. the network).
/// `osText` becomes the error's detail. Same cost as folderProblem.
std::optional<Error> osErrorProblem(const QString &osText, const QString &folder);

} // namespace gd
