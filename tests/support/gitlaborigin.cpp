// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/gitlaborigin.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace gd::test {
namespace {

/// One client connection and the backend it was handed to. Bytes go both ways unchanged; when either side closes,
/// the other is closed once what it still has to send is written. Deletes itself with its client.
class OriginPipe : public QObject {
public:
    OriginPipe(QTcpSocket *client, std::function<quint16(const QByteArray &target)> route, QObject *parent)
        : QObject(parent)
        , m_client(client)
        , m_route(std::move(route))
    {
        m_client->setParent(this);
        connect(m_client, &QTcpSocket::readyRead, this, [this] { onClientData(); });
        connect(m_client, &QTcpSocket::disconnected, this, [this] {
            if (m_backend != nullptr)
                m_backend->disconnectFromHost();
            deleteLater();
        });
    }

private:
    void onClientData()
    {
        const QByteArray data = m_client->readAll();
        if (m_backendConnected) {
            m_backend->write(data);
            return;
        }
        m_pending += data;
        if (m_backend != nullptr)
            return;   // still connecting
        const qsizetype lineEnd = m_pending.indexOf("\r\n");
        if (lineEnd < 0)
            return;   // the request line is still on its way
        const QByteArray target = m_pending.left(lineEnd).split(' ').value(1);
        m_backend = new QTcpSocket(this);
        connect(m_backend, &QTcpSocket::connected, this, [this] {
            m_backendConnected = true;
            m_backend->write(m_pending);
            m_pending.clear();
        });
        connect(m_backend, &QTcpSocket::readyRead, this, [this] { m_client->write(m_backend->readAll()); });
        connect(m_backend, &QTcpSocket::disconnected, this, [this] {
            m_client->write(m_backend->readAll());
            m_client->disconnectFromHost();
        });
        connect(m_backend, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
            if (!m_backendConnected)
                m_client->abort();   // the backend is not there: the client sees a refused connection's reset
        });
        m_backend->connectToHost(QHostAddress::LocalHost, m_route(target));
    }

    QTcpSocket *m_client = nullptr;
    QTcpSocket *m_backend = nullptr;
    bool m_backendConnected = false;
    QByteArray m_pending;
    std::function<quint16(const QByteArray &)> m_route;
};

} // namespace

GitLabOrigin::GitLabOrigin(quint16 apiPort, quint16 gitPort, QObject *parent)
    : QObject(parent)
    , m_apiPort(apiPort)
    , m_gitPort(gitPort)
{
}

GitLabOrigin::~GitLabOrigin() = default;

bool GitLabOrigin::start(QString *error)
{
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &GitLabOrigin::onConnection);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        if (error != nullptr)
            *error = m_server->errorString();
        return false;
    }
    return true;
}

QUrl GitLabOrigin::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server != nullptr ? m_server->serverPort() : 0));
}

void GitLabOrigin::onConnection()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        // A client speaks either to the API (QNetworkAccessManager) or to git (libgit2, git) on one connection.
        new OriginPipe(client, [this](const QByteArray &target) {
            return target.startsWith("/api/") ? m_apiPort : m_gitPort;
        }, this);
    }
}

bool GitLabSite::start(const QString &servedDir, const QString &token, QString *error)
{
    m_servedDir = servedDir;
    if (!QDir().mkpath(servedDir)) {
        *error = u"cannot make "_s + servedDir;
        return false;
    }
    m_api = std::make_unique<FakeGitLab>();
    m_api->setToken(token.toLatin1());
    if (!m_api->start(error))
        return false;
    m_git = std::make_unique<GitHttpServer>(servedDir, u"oauth2"_s, token);
    if (!m_git->isRunning()) {
        *error = m_git->errorString();
        return false;
    }
    m_origin = std::make_unique<GitLabOrigin>(quint16(m_api->url().port()), m_git->port());
    if (!m_origin->start(error))
        return false;
    m_api->setGitRepos(servedDir, m_origin->url().toString());
    return true;
}

QUrl GitLabSite::url() const
{
    return m_origin != nullptr ? m_origin->url() : QUrl();
}

QString GitLabSite::barePath(const QString &pathWithNamespace) const
{
    return m_servedDir + u'/' + pathWithNamespace + u".git"_s;
}

bool GitLabSite::writeWorkspace(const QString &path, const QString &group, const QString &repoPrefix,
                                QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write("name: Shop on GitLab\n"
                      "provider: {type: gitlab, url: " + url().toString().toUtf8() + ", group: " + group.toUtf8()
                      + "}\n"
                      "repoPrefix: " + repoPrefix.toUtf8() + "\n"
                      "branch: main\n"
                      "templates: builtin\n"
                      "environments:\n"
                      "  - {name: uat, namespace: \"{project}-uat\", canary: true}\n") <= 0) {
        *error = path + u": "_s + file.errorString();
        return false;
    }
    return true;
}

} // namespace gd::test
