// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/argoclient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace gd::flows {

/// Refreshes and syncs one Application at once (Argo CD would otherwise notice a push only after minutes), then
/// follows it until the sync operation has finished and health has settled: Healthy is success; a failed operation,
/// Degraded or the timeout is a failure with a sentence. GUI thread (or the CLI's event loop).
class SyncAndWait : public QObject {
    Q_OBJECT
public:
    struct Options {
        bool wait = true;   ///< false: finished() right after Argo CD accepted the sync
        std::chrono::milliseconds pollInterval{1000};
        std::chrono::milliseconds timeout{std::chrono::minutes(10)};
    };

    SyncAndWait(argo::ArgoClient &client, QString applicationName, Options options, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    /// The application as last seen (for a spinner, a status line).
    void progressed(const gd::argo::Application &application);
    /// `ok` with the final state, or a sentence saying what failed.
    void finished(bool ok, const QString &sentence);

private:
    void poll();
    void finish(bool ok, const QString &sentence);

    argo::ArgoClient &m_client;
    QString m_name;
    Options m_options;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    bool m_done = false;
};

} // namespace gd::flows
