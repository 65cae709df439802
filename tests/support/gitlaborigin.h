// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

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

} // namespace gd::test
