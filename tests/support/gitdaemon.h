// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>

namespace gd::test {

/// A `git daemon` serving every repository below `baseDir` on 127.0.0.1 with pushes enabled, for tests that need
/// a smart transport (git://). Starts in the constructor and waits until the port accepts connections; killed in
/// the destructor. Check isRunning() (and errorString()) before use.
class GitDaemon {
public:
    explicit GitDaemon(const QString &baseDir);
    ~GitDaemon();
    GitDaemon(const GitDaemon &) = delete;
    GitDaemon &operator=(const GitDaemon &) = delete;

    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    /// git://127.0.0.1:<port>/<relativePath>
    QString urlFor(const QString &relativePath) const;

private:
    bool start(const QString &baseDir);

    QProcess m_process;
    quint16 m_port = 0;
    bool m_running = false;
    QString m_error;
};

} // namespace gd::test
