// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/gitlabrepoprovider.h"

#include "net/blockingcall.h"
#include "net/gitlabclient.h"
#include "util/names.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace gd::net {
namespace {

// The translatable sentences of this file, in the "gd::net::GitLabRepoProvider" context (lupdate reads the macro).
struct GitLabRepoProviderText {
    Q_DECLARE_TR_FUNCTIONS(gd::net::GitLabRepoProvider)
};

/// Runs one asynchronous GitLabClient conversation on the calling thread and waits for its single answer in a local
/// event loop. `start` gets the client, the context object the answer is bound to, and the callback to end with.
/// The client and its HttpClient live on this thread and are gone when this returns.
template<typename T>
Result<T> runBlocking(const ServerSettings &server, const QString &token, std::chrono::milliseconds timeout,
                      int maxAttempts,
                      const std::function<void(GitLabClient &, QObject *, GitLabClient::Callback<T>)> &start)
{
    if (!QCoreApplication::instance()) {
        return makeError(Error::Code::Generic,
                         GitLabRepoProviderText::tr("GitLab cannot be reached before the application has started."));
    }
    HttpClient http;
    GitLabClient client(http, server, token);
    client.setRequestLimits(timeout, maxAttempts);
    return waitForAnswer<T>([&client, &start](QObject *context, auto done) { start(client, context, std::move(done)); },
                            QEventLoop::ExcludeUserInputEvents);
}

} // namespace

GitLabRepoProvider::GitLabRepoProvider(ws::WorkspaceConfig config, QString token)
    : m_config(std::move(config))
    , m_token(std::move(token))
{
}

void GitLabRepoProvider::setRequestLimits(std::chrono::milliseconds timeout, int maxAttempts)
{
    m_timeout = timeout;
    m_maxAttempts = std::max(1, maxAttempts);
}

ServerSettings GitLabRepoProvider::server() const
{
    ServerSettings server;
    server.baseUrl = QUrl(gitlabServerUrl(m_config));
    return server;
}

QString GitLabRepoProvider::groupPath() const
{
    return m_config.gitlabGroup.split(u'/', Qt::SkipEmptyParts).join(u'/');
}

Result<QStringList> GitLabRepoProvider::listProjects() const
{
    const QString prefix = m_config.repoPrefix;
    const QString configuredGroup = groupPath();
    using Projects = std::vector<GitLabProject>;
    Result<Projects> found = runBlocking<Projects>(
        server(), m_token, m_timeout, m_maxAttempts,
        [configuredGroup](GitLabClient &client, QObject *context, GitLabClient::Callback<Projects> done) {
            client.group(configuredGroup, context, [&client, context, done](Result<GitLabGroup> group) {
                if (!group) {
                    done(group.error());
                    return;
                }
                // Only the group's own projects are deployment repos: subgroups stay out of the listing.
                client.groupProjects(group->id, context, done, GitLabClient::Subgroups::Exclude);
            });
        });
    if (!found)
        return found.error();

    QStringList projects;
    for (const GitLabProject &project : *found) {
        if (!project.path.startsWith(prefix))
            continue;
        const QString name = project.path.mid(prefix.size());
        // The templates repo shares the prefix but is not a DevOps project.
        if (name == u"templates" || !isDnsLabel(name) || projects.contains(name))
            continue;
        projects.append(name);
    }
    projects.sort();
    return projects;
}

QString GitLabRepoProvider::repoUrl(const QString &project) const
{
    return gitlabServerUrl(m_config) + u'/' + groupPath() + u'/' + m_config.repoNameFor(project)
           + u".git"_s;
}

Result<bool> GitLabRepoProvider::repoExists(const QString &project) const
{
    if (auto name = checkDnsLabel(project, NameKind::Project); !name.ok())
        return name.error();
    const QString pathWithNamespace = groupPath() + u'/' + m_config.repoNameFor(project);
    Result<std::optional<GitLabProject>> found = runBlocking<std::optional<GitLabProject>>(
        server(), m_token, m_timeout, m_maxAttempts,
        [pathWithNamespace](GitLabClient &client, QObject *context,
                            GitLabClient::Callback<std::optional<GitLabProject>> done) {
            client.project(pathWithNamespace, context, std::move(done));
        });
    if (!found)
        return found.error();
    return found->has_value();
}

Result<QString> GitLabRepoProvider::ensureRepo(const QString &project)
{
    if (auto name = checkDnsLabel(project, NameKind::Project); !name.ok())
        return name.error();
    const QString group = groupPath();
    const QString path = m_config.repoNameFor(project);
    Result<GitLabProject> ensured = runBlocking<GitLabProject>(
        server(), m_token, m_timeout, m_maxAttempts,
        [group, path](GitLabClient &client, QObject *context, GitLabClient::Callback<GitLabProject> done) {
            client.ensureProject(group, path, context, std::move(done));
        });
    if (!ensured)
        return ensured.error();
    if (ensured->httpUrlToRepo.isEmpty())
        return repoUrl(project);
    return ensured->httpUrlToRepo;
}

git::RemoteAuth GitLabRepoProvider::remoteAuth() const
{
    git::RemoteAuth auth;
    auth.username = u"oauth2"_s;
    auth.token = m_token;
    auth.useSshAgent = false;
    return auth;
}

QString gitlabServerUrl(const ws::WorkspaceConfig &config)
{
    QString url = config.gitlabUrl.trimmed();
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

Result<std::unique_ptr<ws::RepoProvider>> createRepoProvider(const ws::WorkspaceConfig &config,
                                                             const QString &gitlabToken)
{
    switch (config.provider) {
    case ws::WorkspaceConfig::ProviderType::Local:
        return std::unique_ptr<ws::RepoProvider>(std::make_unique<ws::LocalRepoProvider>(config));
    case ws::WorkspaceConfig::ProviderType::GitLab:
        break;
    }
    if (gitlabToken.isEmpty()) {
        return makeError(Error::Code::Auth,
                         GitLabRepoProviderText::tr("Sign in to GitLab at %1 first: the deployment repos of this "
                                                    "workspace are reached with your GitLab access token.")
                             .arg(gitlabServerUrl(config)));
    }
    return std::unique_ptr<ws::RepoProvider>(std::make_unique<GitLabRepoProvider>(config, gitlabToken));
}

} // namespace gd::net
