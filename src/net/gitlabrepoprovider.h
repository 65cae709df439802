// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpclient.h"
#include "util/result.h"
#include "workspace/repoprovider.h"
#include "workspace/workspaceconfig.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

namespace gd::net {

/// The `gitlab` provider: deployment repos are the projects `{repoPrefix}{project}` directly in the group
/// `gitlabGroup` of the GitLab at `gitlabUrl`, reached over https with a personal, group or project access token
/// (the REST API with `PRIVATE-TOKEN`, git with user "oauth2" and the token as password).
/// Every method is blocking and may be called from any thread, including a worker thread of a QThreadPool and a
/// thread without a running event loop (the CLI's main thread): each call makes its own HttpClient and GitLabClient
/// on the calling thread and runs a local event loop until GitLab answered. The token is held in memory only and
/// never appears in an error or a log.
class GitLabRepoProvider final : public ws::RepoProvider {
public:
    /// `config.provider` should be gitlab; `token` is the access token from the keychain (not checked here).
    GitLabRepoProvider(ws::WorkspaceConfig config, QString token);

    /// Per-request timeout and attempts of every API request (HttpClient retries 5xx, timeouts and refused
    /// connections). Default 15 s and 3 attempts; tests shorten them. Not thread-safe against running calls.
    void setRequestLimits(std::chrono::milliseconds timeout, int maxAttempts);

    /// The DevOps projects whose repos sit directly in the group (not in a subgroup), without the templates repo
    /// and names that are not DNS labels; sorted. Two requests plus one per further 100 projects. Blocking.
    Result<QStringList> listProjects() const override;
    /// `{gitlabUrl}/{group}/{repoPrefix}{project}.git`. No network.
    QString repoUrl(const QString &project) const override;
    /// Whether GitLab has the project `{group}/{repoPrefix}{project}` (one request; a project the token may not see
    /// counts as missing, as GitLab answers 404 for both). Blocking.
    Result<bool> repoExists(const QString &project) const override;
    /// Creates the private, empty GitLab project when it is missing (someone creating it meanwhile counts as
    /// found) and returns its https clone URL as GitLab reports it. Two to four requests. Blocking.
    Result<QString> ensureRepo(const QString &project) override;
    /// User "oauth2" with the token as password.
    git::RemoteAuth remoteAuth() const override;

private:
    ServerSettings server() const;
    QString groupPath() const;

    ws::WorkspaceConfig m_config;
    QString m_token;
    std::chrono::milliseconds m_timeout{15000};
    int m_maxAttempts = 3;
};

/// The workspace's GitLab URL as one spelling: no surrounding spaces, no trailing '/' ("https://gitlab.example.com").
QString gitlabServerUrl(const ws::WorkspaceConfig &config);

/// The repo provider the workspace names: `local` → ws::LocalRepoProvider; `gitlab` → GitLabRepoProvider with
/// `gitlabToken`, or an Auth error asking to sign in to GitLab when the token is empty. Cheap, no network.
Result<std::unique_ptr<ws::RepoProvider>> createRepoProvider(const ws::WorkspaceConfig &config,
                                                             const QString &gitlabToken);

} // namespace gd::net
