// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpclient.h"
#include "util/result.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace gd::net {

/// A GitLab group (or subgroup), as `GET /groups/:id` describes it.
struct GitLabGroup {
    qint64 id = 0;
    QString fullPath;   ///< "platform/devops"
    QString name;       ///< "DevOps"
};

/// A GitLab project, as `GET /projects/:id` and the group's project list describe it.
struct GitLabProject {
    qint64 id = 0;
    QString path;                ///< "orders-deploy"
    QString pathWithNamespace;   ///< "platform/devops/orders-deploy"
    QString httpUrlToRepo;       ///< "https://gitlab.example.com/platform/devops/orders-deploy.git"
    QString defaultBranch;       ///< empty for a project without commits
    bool emptyRepo = false;      ///< no commit yet (the first push creates the default branch)
};

/// Looks up and creates the projects that hold the services' deployment repos in a GitLab group, through the
/// GitLab REST API v4 (`<server>/api/v4`) with a personal, group or project access token (`PRIVATE-TOKEN` header).
/// Asynchronous, GUI thread (or the CLI's event loop), through the application's HttpClient. Paths are sent
/// URL-encoded as one path segment ("platform%2Fdevops"), as GitLab requires.
/// Every call ends with exactly one callback, delivered only while `context` lives (always when it is null).
/// The token is held in memory only (it comes from the keychain) and is never logged or put into an error.
class GitLabClient : public QObject {
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    /// `server.baseUrl` is the GitLab instance ("https://gitlab.example.com", or with the path GitLab is served
    /// under); `server.displayName`, when empty, becomes "GitLab <host>" for error sentences.
    GitLabClient(HttpClient &http, ServerSettings server, QString token, QObject *parent = nullptr);

    const ServerSettings &server() const { return m_server; }
    /// Replaces the token (after the user signed in again).
    void setToken(const QString &token) { m_token = token; }
    /// Per-request timeout and attempts (HttpClient retries 5xx, timeouts and refused connections). Default 15 s, 3.
    void setRequestLimits(std::chrono::milliseconds timeout, int maxAttempts);

    /// The group at `fullPath` ("platform/devops"). One request. A missing group, or one the token may not see, is a
    /// NotFound error with a sentence; 401 is an Auth error asking to sign in again.
    void group(const QString &fullPath, QObject *context, Callback<GitLabGroup> done);
    /// Which projects groupProjects lists.
    enum class Subgroups { Include, Exclude };
    /// Every project of group `groupId` (and of its subgroups, unless excluded), not archived, not shared into it,
    /// sorted by path. One request per 100 projects, following `Link: rel="next"` (else `x-next-page`) until there
    /// is none.
    void groupProjects(qint64 groupId, QObject *context, Callback<std::vector<GitLabProject>> done,
                       Subgroups subgroups = Subgroups::Include);
    /// The project at `pathWithNamespace` ("platform/devops/orders-deploy"); nullopt when GitLab answers 404 (no
    /// such project, or the token may not see it). One request.
    void project(const QString &pathWithNamespace, QObject *context, Callback<std::optional<GitLabProject>> done);
    /// The project `path` in group `groupFullPath`, created (private, empty) when it is missing: looks it up, on 404
    /// looks the group up and creates the project in it; when GitLab answers that the path "has already been taken"
    /// (someone created it meanwhile) it is looked up again and returned. Two to four requests.
    void ensureProject(const QString &groupFullPath, const QString &path, QObject *context,
                       Callback<GitLabProject> done);

    /// `path` as one URL path segment: every character but A–Z a–z 0–9 - . _ ~ percent-encoded ('/' → "%2F"). Pure.
    static QString encodePath(const QString &path);

Q_SIGNALS:
    /// GitLab refused the token (401): ask the user to sign in again.
    void unauthorized();

private:
    using ResponseCallback = std::function<void(Result<HttpResponse>)>;

    HttpRequest baseRequest() const;
    void send(const HttpRequest &request, QObject *context, ResponseCallback done);
    void createProject(const GitLabGroup &group, const QString &path, QObject *context, Callback<GitLabProject> done);
    Error statusError(const QString &what, const HttpRequest &request, const HttpResponse &response);
    QString gitlabName() const { return m_server.displayName; }

    HttpClient &m_http;
    ServerSettings m_server;
    QString m_token;
    std::chrono::milliseconds m_timeout{15000};
    int m_maxAttempts = 3;
};

} // namespace gd::net
