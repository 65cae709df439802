// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QThread>

namespace gd::test {

class GitHttpWorker;

/// A smart-HTTP git server for tests: serves every bare repository below `rootDir` on 127.0.0.1 (a free port) by
/// running `git http-backend` as a CGI program for each request, pushes enabled. Every request must carry HTTP Basic
/// auth with `user` and `password`; others get 401 with `WWW-Authenticate: Basic realm="…"`.
/// It runs in its own thread with its own event loop, so blocking libgit2 clones, fetches and pushes on the test's
/// thread reach it. Starts in the constructor; check isRunning() (and errorString()) before use.
class GitHttpServer {
public:
    GitHttpServer(const QString &rootDir, const QString &user, const QString &password);
    ~GitHttpServer();
    GitHttpServer(const GitHttpServer &) = delete;
    GitHttpServer &operator=(const GitHttpServer &) = delete;

    bool isRunning() const { return m_port != 0; }
    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    /// http://127.0.0.1:<port>
    QString baseUrl() const;
    /// http://127.0.0.1:<port>/<relativePath>
    QString urlFor(const QString &relativePath) const;

    /// One line per answered request, "<METHOD> <target> <status>" (401s included). Thread-safe.
    QStringList requestLog() const;
    /// How many requests were refused for missing or wrong credentials. Thread-safe.
    int unauthorizedCount() const;
    /// How many request bodies arrived with `Transfer-Encoding: chunked`. Thread-safe.
    int chunkedCount() const;

private:
    friend class GitHttpWorker;
    void record(const QString &line, bool unauthorized, bool chunked);

    QThread m_thread;
    GitHttpWorker *m_worker = nullptr;
    quint16 m_port = 0;
    QString m_error;
    mutable QMutex m_mutex;
    QStringList m_log;
    int m_unauthorized = 0;
    int m_chunked = 0;
};

} // namespace gd::test
