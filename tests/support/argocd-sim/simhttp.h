// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrlQuery>

class QTcpServer;
class QTcpSocket;

namespace gd::sim {

/// One parsed HTTP/1.1 request.
struct HttpRequest {
    QByteArray method;
    QString path;        ///< decoded path without the query
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;   ///< names lower-cased
    QByteArray body;

    /// The first header called `name` (lower-case), or an empty array.
    QByteArray header(const QByteArray &name) const;
};

/// One client connection: parses requests (request line, headers, Content-Length bodies) one after the other and
/// writes responses. A connection turned into a stream stays open until either side closes it.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    explicit HttpConnection(QTcpSocket *socket, QObject *parent = nullptr);

    /// Writes a complete response; closes afterwards when the client asked for it or `close` is set.
    void respond(int status, const QByteArray &body, const QByteArray &contentType = "application/json",
                 const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {}, bool close = false);
    /// Writes the head of a response without a length; the connection is a stream from then on (closed at the end).
    void beginStream(int status, const QByteArray &contentType);
    /// Appends bytes to an open stream.
    void writeStream(const QByteArray &bytes);
    /// Closes the connection (after pending bytes are written).
    void close();
    bool isStreaming() const { return m_streaming; }
    bool isOpen() const;

Q_SIGNALS:
    /// A request was read completely. Answer it with respond() or beginStream(), possibly later.
    void requestReady(const gd::sim::HttpRequest &request);
    /// The socket closed; the object is deleted later.
    void closed();

private:
    void readMore();
    bool parseOne();

    QTcpSocket *m_socket;
    QByteArray m_buffer;
    bool m_busy = false;         ///< a request is being answered: later ones wait (no pipelining out of order)
    bool m_keepAlive = true;
    bool m_streaming = false;
};

} // namespace gd::sim
