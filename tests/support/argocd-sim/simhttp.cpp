// SPDX-License-Identifier: GPL-3.0-or-later
#include "simhttp.h"

#include "support/httpwire.h"

#include <QTcpSocket>
#include <QUrl>

namespace gd::sim {

namespace {
constexpr qsizetype maxHeaderBytes = 64 * 1024;
constexpr qsizetype maxBodyBytes = 16 * 1024 * 1024;
} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first == name)
            return h.second;
    }
    return {};
}

HttpConnection::HttpConnection(QTcpSocket *socket, QObject *parent) : QObject(parent), m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readMore);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        Q_EMIT closed();
        deleteLater();
    });
}

bool HttpConnection::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::readMore()
{
    m_buffer += m_socket->readAll();
    while (!m_busy && !m_streaming && parseOne()) {
    }
}

bool HttpConnection::parseOne()
{
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (m_buffer.size() > maxHeaderBytes) {
            m_keepAlive = false;
            respond(413, R"({"error":"request header too large","code":3,"message":"request header too large"})");
        }
        return false;
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    HttpRequest request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        m_keepAlive = false;
        m_buffer.clear();
        respond(400, R"({"error":"malformed request line","code":3,"message":"malformed request line"})");
        return false;
    }
    request.method = requestLine.at(0);
    const QUrl url(QString::fromLatin1(requestLine.at(1)));
    request.path = url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(url);
    qsizetype contentLength = 0;
    bool keepAlive = requestLine.at(2) != "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name == "content-length")
            contentLength = value.toLongLong();
        else if (name == "connection")
            keepAlive = value.toLower() != "close";
    }
    if (contentLength < 0 || contentLength > maxBodyBytes) {
        m_keepAlive = false;
        m_buffer.clear();
        respond(413, R"({"error":"request body too large","code":3,"message":"request body too large"})");
        return false;
    }
    if (m_buffer.size() < headerEnd + 4 + contentLength)
        return false;
    request.body = m_buffer.mid(headerEnd + 4, contentLength);
    m_buffer.remove(0, headerEnd + 4 + contentLength);
    m_keepAlive = keepAlive;
    m_busy = true;
    Q_EMIT requestReady(request);
    return true;
}

void HttpConnection::respond(int status, const QByteArray &body, const QByteArray &contentType,
                             const QList<QPair<QByteArray, QByteArray>> &extraHeaders, bool close)
{
    const bool keep = m_keepAlive && !close;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + gd::test::reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &h : extraHeaders)
        head += h.first + ": " + h.second + "\r\n";
    head += keep ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    m_socket->write(head + body);
    m_busy = false;
    if (!keep) {
        this->close();
        return;
    }
    // Requests that arrived while this one was answered.
    if (!m_buffer.isEmpty())
        readMore();
}

void HttpConnection::beginStream(int status, const QByteArray &contentType)
{
    m_streaming = true;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + gd::test::reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    head += "Cache-Control: no-cache\r\nConnection: close\r\n\r\n";
    m_socket->write(head);
}

void HttpConnection::writeStream(const QByteArray &bytes)
{
    m_socket->write(bytes);
}

void HttpConnection::close()
{
    m_socket->disconnectFromHost();
}

} // namespace gd::sim
