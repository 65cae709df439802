// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/objectid.h"
#include "git/remote.h"
#include "git/repocache.h"
#include "template/templateset.h"
#include "util/result.h"
#include "workspace/workspaceconfig.h"

#include <QString>

#include <atomic>

namespace gd::ws {

/// The template set a workspace scaffolds with, and where it came from.
struct LoadedTemplates {
    tmpl::TemplateSet set;
    QString source;        ///< "builtin", or the templates repository's URL as the workspace file names it
    git::ObjectId commit;  ///< the commit the files were read from; null for the builtin set
    bool pinned = false;   ///< true when `commit` is the workspace file's templates.commit, not the branch tip
    QString fetchProblem;  ///< set when the fetch failed and the cached copy was used (it may be stale)

    /// For a status line: "builtin templates", or "<url> at 1a2b3c4d" with " (pinned)" when pinned. Translated.
    QString describe() const;
};

/// The workspace's template set: the builtin one when templatesUrl is empty; otherwise the files of the templates
/// repository at templatesCommit (when pinned) or at the tip of templatesBranch, read from the repository's copy in
/// `cache` (cloned when absent, fetched each time, under cache.lockFor). When the fetch fails, the cached branch or
/// commit is used and fetchProblem says why. Errors: Network naming the URL when nothing usable is cached, NotFound
/// when the pinned commit is not in the repository, the layout sentence naming repository and commit when the tree
/// is not a template set. Blocking (network): call on a worker thread; `cancelled` is polled during the transfer.
Result<LoadedTemplates> loadTemplates(const WorkspaceConfig &config, git::RepoCache &cache, const git::RemoteAuth &auth,
                                      const std::atomic_bool *cancelled = nullptr);

} // namespace gd::ws
