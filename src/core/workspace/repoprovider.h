// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/remote.h"
#include "util/result.h"
#include "workspace/workspaceconfig.h"

#include <QStringList>

#include <memory>

namespace gd::ws {

/// Where the deployment repos live: lists DevOps projects, gives a repo's URL, creates a missing repo.
/// The seam between the `local` provider (a folder of bare repos) and `gitlab`.
class RepoProvider {
public:
    virtual ~RepoProvider() = default;

    /// DevOps project names whose repos exist (`{prefix}{project}`), sorted. Blocking.
    virtual Result<QStringList> listProjects() const = 0;
    /// The clone URL of `project`'s deployment repo (whether or not it exists yet).
    virtual QString repoUrl(const QString &project) const = 0;
    /// Whether `project`'s deployment repo exists. Blocking.
    virtual Result<bool> repoExists(const QString &project) const = 0;
    /// Creates `project`'s empty deployment repo; succeeds when it already exists. Blocking.
    virtual Result<QString> ensureRepo(const QString &project) = 0;
    /// The credentials git operations (clone, fetch, push) on this provider's repos use; empty for local repos.
    /// Cheap; holds the token in memory only: never write it to a file or a log.
    virtual git::RemoteAuth remoteAuth() const { return {}; }
};

/// The `local` provider: bare repos `{localPath}/{prefix}{project}.git` (a trailing `.git` is optional).
class LocalRepoProvider final : public RepoProvider {
public:
    explicit LocalRepoProvider(WorkspaceConfig config);
    Result<QStringList> listProjects() const override;
    QString repoUrl(const QString &project) const override;
    Result<bool> repoExists(const QString &project) const override;
    Result<QString> ensureRepo(const QString &project) override;

private:
    WorkspaceConfig m_config;
};

} // namespace gd::ws
