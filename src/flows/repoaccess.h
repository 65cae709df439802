// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"
#include "workspace/repoprovider.h"
#include "workspace/workspaceconfig.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace gd::net {
class CredentialStore;
}

namespace gd::flows {

/// A workspace's provider, shared by every job that works on its repos (its methods may run on several workers at
/// once).
using SharedRepoProvider = std::shared_ptr<ws::RepoProvider>;

/// The keychain entry of a GitLab workspace's token: its GitLab URL without a trailing '/'.
QString gitlabTokenKey(const ws::WorkspaceConfig &config);

/// The environment variable that, when set, gives the GitLab token instead of the keychain (CI, ssh sessions).
inline constexpr char kGitLabTokenVariable[] = "GITLAB_TOKEN";

/// The provider `config` names, with the credentials it needs: `local` at once; `gitlab` with the token from
/// GITLAB_TOKEN when it is set, else from `store`'s keychain entry (gitlabTokenKey). An Auth error asking to sign in
/// when no token is found (NotFound from the keychain, a keychain that cannot be read, or no `store`). `done` runs
/// once, from the event loop, only while `context` lives. GUI thread (or the CLI's event loop).
void openRepoProvider(const ws::WorkspaceConfig &config, net::CredentialStore *store, QObject *context,
                      std::function<void(Result<SharedRepoProvider>)> done);

} // namespace gd::flows
