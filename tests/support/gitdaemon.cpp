// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/gitdaemon.h"

#include <QDeadlineTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace gd::test {

namespace {

/// A port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
quint16 freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

bool acceptsConnections(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd);
    return ok;
}

} // namespace

GitDaemon::GitDaemon(const QString &baseDir)
{
    // The port is chosen before git binds it; if another process takes it meanwhile, try another one.
    for (int attempt = 0; attempt < 3 && !m_running; ++attempt)
        m_running = start(baseDir);
}

GitDaemon::~GitDaemon()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool GitDaemon::start(const QString &baseDir)
{
    m_port = freeLoopbackPort();
    if (m_port == 0) {
        m_error = u"no free port on 127.0.0.1"_s;
        return false;
    }
    // Run the daemon binary itself: `git daemon` would start it as a child that outlives a kill of `git`.
    QProcess execPath;
    execPath.start(u"git"_s, {u"--exec-path"_s});
    if (!execPath.waitForFinished(10000) || execPath.exitCode() != 0) {
        m_error = u"git --exec-path failed; is git installed?"_s;
        return false;
    }
    const QString daemon = QString::fromLocal8Bit(execPath.readAllStandardOutput()).trimmed() + u"/git-daemon"_s;
    // Its stderr only says that the readiness probe below hung up; keep test output readable.
    m_process.setStandardErrorFile(QProcess::nullDevice());
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.start(daemon, {u"--listen=127.0.0.1"_s, u"--port=%1"_s.arg(m_port),
                               u"--base-path=%1"_s.arg(baseDir), u"--export-all"_s, u"--enable=receive-pack"_s,
                               u"--reuseaddr"_s, u"--informative-errors"_s, baseDir});
    if (!m_process.waitForStarted(5000)) {
        m_error = u"git daemon did not start: "_s + m_process.errorString();
        return false;
    }
    // Wait for the listening socket (the daemon prints nothing when ready), giving up when it exits.
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (acceptsConnections(m_port))
            return true;
        if (m_process.waitForFinished(20)) {
            m_error = u"git daemon exited with code %1"_s.arg(m_process.exitCode());
            return false;
        }
    }
    m_error = u"git daemon did not accept connections on port %1"_s.arg(m_port);
    m_process.kill();
    m_process.waitForFinished(5000);
    return false;
}

QString GitDaemon::urlFor(const QString &relativePath) const
{
    return u"git://127.0.0.1:%1/%2"_s.arg(m_port).arg(relativePath);
}

} // namespace gd::test
