// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/commitinfo.h"
#include "git/repository.h"

namespace gd::git {

/// Who the user is to git: user.name and user.email from `repo`'s configuration (which includes the global and
/// system files; an invalid `repo` reads only those), else the login name and "<login>@<host>" as `git` itself would guess. `when` is null (now).
/// Cheap; any thread that owns `repo`.
Signature userIdentity(const Repository &repo);

} // namespace gd::git
