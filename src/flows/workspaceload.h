// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flows/jobcontext.h"
#include "flows/repoaccess.h"
#include "git/history.h"
#include "git/objectid.h"
#include "git/repocache.h"
#include "util/result.h"
#include "workspace/catalog.h"
#include "workspace/workspaceconfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <atomic>
#include <vector>

namespace gd::flows {

/// A workspace file and the catalog read from its repositories.
struct LoadedWorkspace {
    ws::WorkspaceConfig config;
    SharedRepoProvider provider;   ///< where its repos live, signed in; every later job works through it
    ws::CatalogSnapshot catalog;
    QDateTime loadedAt;
    /// Per project: the last change to each environment folder ("appsmanifests/{service}/{env}") and the commit
    /// order around it, to tell whether what Argo CD synced is behind. Absent for a project whose repo could not be
    /// read.
    QHash<QString, git::RecentChanges> recentChanges;
};

/// Reads the catalog of every project `provider` lists for `config` (fetching each repo first when `fetch`).
/// Reports its steps through `context` and stops when it is cancelled. Blocking: call on a worker.
Result<LoadedWorkspace> loadWorkspace(const ws::WorkspaceConfig &config, SharedRepoProvider provider,
                                      git::RepoCache &cache, JobContext &context, bool fetch = true);

/// One file below an environment folder, as the branch tip has it.
struct ManifestFile {
    QString path;        ///< relative to the environment folder ("manifests/ga/kustomization.yaml")
    QByteArray content;
};

/// Every file of one service/environment folder at the tip of the workspace branch.
struct EnvironmentFiles {
    QString project;
    QString folder;                  ///< "appsmanifests/{service}/{env}"
    git::ObjectId commit;            ///< the tip the files were read from
    std::vector<ManifestFile> files; ///< sorted: files of a folder before its subfolders, then by name
};

/// Reads all files below `folder` of `project`'s deployment repo from the app's cache (no fetch) at
/// `refs/remotes/origin/<branch>`. Blocking: call on a worker; holds the repo's operation lock meanwhile.
Result<EnvironmentFiles> readEnvironmentFiles(const ws::WorkspaceConfig &config, const ws::RepoProvider &provider,
                                              git::RepoCache &cache, const QString &project, const QString &folder,
                                              const std::atomic_bool *cancelled = nullptr);

} // namespace gd::flows
