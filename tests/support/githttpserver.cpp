// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/githttpserver.h"

#include "support/httpwire.h"

#include <QHash>
#include <QHostAddress>
#include <QMutexLocker>
#include <QPointer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace gd::test {
namespace {

struct HttpRequest {
    QByteArray method;
    QByteArray target;
    QHash<QByteArray, QByteArray> headers;   ///< lower-case names
    QByteArray body;                         ///< de-chunked
    bool chunked = false;
};

/// Reads one request from the front of `buffer` and removes it; nullopt while it is incomplete. `error` is set when
/// the bytes are not HTTP/1.1 the server understands.
std::optional<HttpRequest> takeRequest(QByteArray &buffer, bool *headComplete, QString *error)
{
    *headComplete = false;
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    *headComplete = true;
    HttpRequest request;
    HttpHead head = parseHttpHead(buffer.left(headEnd));
    request.method = std::move(head.method);
    request.target = std::move(head.target);
    request.headers = std::move(head.headers);
    qsizetype position = headEnd + 4;
    if (request.headers.value("transfer-encoding").toLower().contains("chunked")) {
        request.chunked = true;
        for (;;) {
            const qsizetype lineEnd = buffer.indexOf("\r\n", position);
            if (lineEnd < 0)
                return std::nullopt;
            bool ok = false;
            const QByteArray sizeField = buffer.mid(position, lineEnd - position).split(';').value(0).trimmed();
            const qsizetype size = sizeField.toLongLong(&ok, 16);
            if (!ok || size < 0) {
                *error = u"bad chunk size"_s;
                return std::nullopt;
            }
            position = lineEnd + 2;
            if (size == 0) {
                // Trailers (none expected) up to an empty line.
                for (;;) {
                    const qsizetype trailerEnd = buffer.indexOf("\r\n", position);
                    if (trailerEnd < 0)
                        return std::nullopt;
                    const bool last = trailerEnd == position;
                    position = trailerEnd + 2;
                    if (last)
                        break;
                }
                break;
            }
            if (buffer.size() < position + size + 2)
                return std::nullopt;
            request.body += buffer.mid(position, size);
            position += size + 2;
        }
    } else {
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < position + length)
            return std::nullopt;
        request.body = buffer.mid(position, length);
        position += length;
    }
    buffer.remove(0, position);
    return request;
}

} // namespace

/// Lives in the server's thread: the listening socket, its connections and the http-backend processes.
class GitHttpWorker : public QObject {
public:
    GitHttpWorker(GitHttpServer *owner, QString rootDir, const QString &user, const QString &password)
        : m_owner(owner)
        , m_rootDir(std::move(rootDir))
        , m_user(user)
        , m_expectedAuthorization("Basic " + (user + u':' + password).toUtf8().toBase64())
    {
    }

    /// Runs in the server thread.
    quint16 listen(QString *error)
    {
        m_server = new QTcpServer(this);
        QObject::connect(m_server, &QTcpServer::newConnection, this, [this] { onConnection(); });
        if (!m_server->listen(QHostAddress::LocalHost, 0)) {
            *error = m_server->errorString();
            return 0;
        }
        return m_server->serverPort();
    }

private:
    struct Connection {
        QByteArray buffer;
        QPointer<QProcess> backend;   ///< runs for this connection's current request
        bool continueSent = false;
    };

    void onConnection()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            m_connections.insert(socket, Connection{});
            QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                // The client gave up: its backend's answer has nowhere to go.
                if (QProcess *backend = m_connections.value(socket).backend) {
                    QObject::disconnect(backend, nullptr, this, nullptr);
                    backend->kill();
                    backend->deleteLater();
                }
                m_connections.remove(socket);
                socket->deleteLater();
            });
        }
    }

    /// Answers the complete requests in the connection's buffer, one at a time (a client waits for each answer).
    void serve(QTcpSocket *socket)
    {
        auto it = m_connections.find(socket);
        if (it == m_connections.end())
            return;
        it->buffer += socket->readAll();
        if (it->backend)
            return;
        bool headComplete = false;
        QString error;
        std::optional<HttpRequest> request = takeRequest(it->buffer, &headComplete, &error);
        if (!error.isEmpty()) {
            socket->write(httpResponse(400, {{"Connection", "close"}}, error.toUtf8()));
            socket->disconnectFromHost();
            return;
        }
        if (!request) {
            // A client that waits for "100 Continue" before sending the body.
            if (headComplete && !it->continueSent
                && it->buffer.left(it->buffer.indexOf("\r\n\r\n")).toLower().contains("\r\nexpect: 100-continue")) {
                it->continueSent = true;
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        }
        it->continueSent = false;
        if (request->headers.value("authorization") != m_expectedAuthorization) {
            m_owner->record(QString::fromLatin1(request->method + ' ' + request->target + " 401"), true,
                            request->chunked);
            socket->write(httpResponse(401,
                                       {{"WWW-Authenticate", "Basic realm=\"GitOps Desk test git server\""},
                                        {"Content-Type", "text/plain"}},
                                       "Authentication required\n"));
            serveLater(socket);
            return;
        }
        it->backend = runBackend(socket, *request);
    }

    /// Looks at the buffer again after an answer (the next request may already be there).
    void serveLater(QTcpSocket *socket)
    {
        QMetaObject::invokeMethod(this, [this, socket] {
            if (m_connections.contains(socket))
                serve(socket);
        }, Qt::QueuedConnection);
    }

    QProcess *runBackend(QTcpSocket *socket, const HttpRequest &request)
    {
        const qsizetype question = request.target.indexOf('?');
        const QByteArray path = question < 0 ? request.target : request.target.left(question);
        const QByteArray query = question < 0 ? QByteArray() : request.target.mid(question + 1);

        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &name : {u"GIT_DIR"_s, u"GIT_CONFIG_PARAMETERS"_s, u"GIT_CONFIG_COUNT"_s})
            environment.remove(name);
        environment.insert(u"GIT_PROJECT_ROOT"_s, m_rootDir);
        environment.insert(u"GIT_HTTP_EXPORT_ALL"_s, u"1"_s);
        environment.insert(u"GIT_CONFIG_COUNT"_s, u"1"_s);
        environment.insert(u"GIT_CONFIG_KEY_0"_s, u"http.receivepack"_s);
        environment.insert(u"GIT_CONFIG_VALUE_0"_s, u"true"_s);
        environment.insert(u"GATEWAY_INTERFACE"_s, u"CGI/1.1"_s);
        environment.insert(u"SERVER_PROTOCOL"_s, u"HTTP/1.1"_s);
        environment.insert(u"REQUEST_METHOD"_s, QString::fromLatin1(request.method));
        environment.insert(u"PATH_INFO"_s, QUrl::fromPercentEncoding(path));
        environment.insert(u"QUERY_STRING"_s, QString::fromLatin1(query));
        environment.insert(u"CONTENT_TYPE"_s, QString::fromLatin1(request.headers.value("content-type")));
        environment.insert(u"CONTENT_LENGTH"_s, QString::number(request.body.size()));
        environment.insert(u"REMOTE_USER"_s, m_user);
        environment.insert(u"REMOTE_ADDR"_s, u"127.0.0.1"_s);
        if (request.headers.contains("content-encoding"))
            environment.insert(u"HTTP_CONTENT_ENCODING"_s,
                               QString::fromLatin1(request.headers.value("content-encoding")));
        if (request.headers.contains("git-protocol"))
            environment.insert(u"GIT_PROTOCOL"_s, QString::fromLatin1(request.headers.value("git-protocol")));

        auto *process = new QProcess(this);
        process->setProcessEnvironment(environment);
        const QByteArray line = request.method + ' ' + request.target;
        const bool chunked = request.chunked;
        QObject::connect(process, &QProcess::finished, this, [this, socket, process, line, chunked](int exitCode) {
            const QByteArray output = process->readAllStandardOutput();
            const QByteArray errors = process->readAllStandardError();
            process->deleteLater();
            answerFromCgi(socket, line, chunked, output, exitCode, errors);
        });
        QObject::connect(process, &QProcess::errorOccurred, this,
                         [this, socket, process, line, chunked](QProcess::ProcessError e) {
                             if (e != QProcess::FailedToStart)
                                 return;
                             process->deleteLater();
                             answerFromCgi(socket, line, chunked, {}, -1, process->errorString().toUtf8());
                         });
        process->start(u"git"_s, {u"http-backend"_s});
        process->write(request.body);
        process->closeWriteChannel();
        return process;
    }

    /// Turns the CGI output (headers, empty line, body) into the HTTP answer.
    void answerFromCgi(QTcpSocket *socket, const QByteArray &line, bool chunked, const QByteArray &output,
                       int exitCode, const QByteArray &errors)
    {
        auto it = m_connections.find(socket);
        if (it == m_connections.end())
            return;
        it->backend = nullptr;
        qsizetype separator = output.indexOf("\r\n\r\n");
        qsizetype bodyStart = separator + 4;
        if (separator < 0) {
            separator = output.indexOf("\n\n");
            bodyStart = separator + 2;
        }
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        if (separator < 0) {
            status = 500;
            body = "git http-backend failed (exit code " + QByteArray::number(exitCode) + "): " + errors;
        } else {
            for (const QByteArray &headerLine : output.left(separator).split('\n')) {
                const qsizetype colon = headerLine.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = headerLine.left(colon).trimmed();
                const QByteArray value = headerLine.mid(colon + 1).trimmed();
                if (name.compare("Status", Qt::CaseInsensitive) == 0)
                    status = value.split(' ').value(0).toInt();
                else if (name.compare("Content-Length", Qt::CaseInsensitive) != 0)
                    headers.append({name, value});
            }
            body = output.mid(bodyStart);
        }
        m_owner->record(QString::fromLatin1(line + ' ' + QByteArray::number(status)), false, chunked);
        socket->write(httpResponse(status, headers, body));
        serveLater(socket);
    }

    GitHttpServer *m_owner;
    QString m_rootDir;
    QString m_user;
    QByteArray m_expectedAuthorization;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, Connection> m_connections;
};

GitHttpServer::GitHttpServer(const QString &rootDir, const QString &user, const QString &password)
{
    m_thread.setObjectName(u"GitHttpServer"_s);
    m_thread.start();
    m_worker = new GitHttpWorker(this, rootDir, user, password);
    m_worker->moveToThread(&m_thread);
    QString error;
    quint16 port = 0;
    QMetaObject::invokeMethod(m_worker, [&] { port = m_worker->listen(&error); }, Qt::BlockingQueuedConnection);
    m_port = port;
    m_error = error;
}

GitHttpServer::~GitHttpServer()
{
    // Sockets, processes and the listener belong to the server thread: delete them there.
    GitHttpWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString GitHttpServer::baseUrl() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_port);
}

QString GitHttpServer::urlFor(const QString &relativePath) const
{
    return baseUrl() + u'/' + relativePath;
}

QStringList GitHttpServer::requestLog() const
{
    QMutexLocker lock(&m_mutex);
    return m_log;
}

int GitHttpServer::unauthorizedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_unauthorized;
}

int GitHttpServer::chunkedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_chunked;
}

void GitHttpServer::record(const QString &line, bool unauthorized, bool chunked)
{
    QMutexLocker lock(&m_mutex);
    m_log.append(line);
    if (unauthorized)
        ++m_unauthorized;
    if (chunked)
        ++m_chunked;
}

} // namespace gd::test
