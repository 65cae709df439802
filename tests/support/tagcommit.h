// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/commitinfo.h"
#include "git/objectid.h"

#include <QString>

namespace gd::test {

/// Commits "someone else's" release straight into the bare repository at `repoPath`: the GA tag of `service` in `env`
/// set to `tag` on `main` (the image entry named after the service, as the demo workspaces write it), by `author`
/// with `message`. The new commit, or a null id with a warning when a step fails. Blocking, a few blob writes.
git::ObjectId commitGaTag(const QString &repoPath, const QString &service, const QString &env, const QString &tag,
                          const git::Signature &author, const QString &message);

} // namespace gd::test
