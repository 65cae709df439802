// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "support/fakegitlab.h"
#include "support/githttpserver.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QTcpServer;
class QTcpSocket;

namespace gd::test {

/// One address for a fake GitLab, as a real GitLab serves its REST API and git over HTTP from the same host (the
/// engine clones `{provider.url}/{group}/{repo}.git`): on 127.0.0.1 (a free port), in the test's event loop, each
/// connection goes byte for byte to the FakeGitLab when its first request is for /api/, else to the git server
/// (a GitHttpServer). A FakeGitLab behind it should get url() as its git base URL (FakeGitLab::setGitRepos).
class GitLabOrigin : public QObject {
    Q_OBJECT
public:
    /// `apiPort`: the FakeGitLab's port; `gitPort`: the GitHttpServer's port.
    GitLabOrigin(quint16 apiPort, quint16 gitPort, QObject *parent = nullptr);
    ~GitLabOrigin() override;

    /// Listens on 127.0.0.1; false with `error` set when it cannot.
    bool start(QString *error);
    /// http://127.0.0.1:<port>
    QUrl url() const;

private:
    void onConnection();

    QTcpServer *m_server = nullptr;
    quint16 m_apiPort = 0;
    quint16 m_gitPort = 0;
};

/// A whole fake GitLab for one test: the REST API (FakeGitLab), git over smart HTTP (GitHttpServer, user "oauth2")
/// serving the bare repos below one folder, and the GitLabOrigin in front of both, all on 127.0.0.1. Every request
/// must carry one token; a project added to the API gets its bare repo, cloned from url(). Stops all three when it
/// goes.
class GitLabSite {
public:
    /// Starts the three servers with `token` and `servedDir` (made when missing) as the git server's root. False
    /// with `error` set when any of them cannot listen.
    bool start(const QString &servedDir, const QString &token, QString *error);
    /// The REST API, to add groups and projects and to read the requests it saw; valid after start().
    FakeGitLab &api() const { return *m_api; }
    /// The git server, to read its request log; valid after start().
    GitHttpServer &git() const { return *m_git; }
    /// The one address of the site (http://127.0.0.1:<port>): the workspace's provider URL.
    QUrl url() const;
    /// The bare repo on the git server's disk behind the GitLab project `pathWithNamespace`.
    QString barePath(const QString &pathWithNamespace) const;
    /// Writes a `gitlab` workspace file at `path` for this site: "Shop on GitLab", projects from `group` named
    /// `repoPrefix` + project, branch main, the built-in templates and one environment uat (canary allowed).
    /// False with `error` set when the file cannot be written.
    bool writeWorkspace(const QString &path, const QString &group, const QString &repoPrefix, QString *error) const;

private:
    QString m_servedDir;
    std::unique_ptr<FakeGitLab> m_api;
    std::unique_ptr<GitHttpServer> m_git;
    std::unique_ptr<GitLabOrigin> m_origin;   // last: it goes first
};

} // namespace gd::test
