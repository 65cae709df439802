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
        /// How often waiting() repeats while one step (a refresh that takes long, a rollout) goes on.
        std::chrono::milliseconds reminderInterval{std::chrono::seconds(10)};
    };
    /// Why finished() said not ok.
    enum class Failure {
        None,
        Unanswered,   ///< Argo CD did not answer, refused (5xx, 401), or the wait ran out: the sync may not have run
        Unhealthy,    ///< Argo CD ran the sync and it failed, or the Application is Degraded
    };

    SyncAndWait(argo::ArgoClient &client, QString applicationName, Options options, QObject *parent = nullptr);

    void start();
    /// After finished(false, …): whether Argo CD failed to do the step or did it with a bad result.
    Failure failure() const { return m_failure; }

Q_SIGNALS:
    /// The application as last seen (for a spinner, a status line).
    void progressed(const gd::argo::Application &application);
    /// What it waits for, as a sentence: at once when a step starts ("Waiting for Argo CD to refresh …"), then every
    /// reminderInterval with the time waited so far, so a long wait is never silent.
    void waiting(const QString &sentence);
    /// `ok` with the final state, or a sentence saying what failed.
    void finished(bool ok, const QString &sentence);

private:
    enum class Step { Refresh, Sync, Health };
    void enter(Step step);
    void remind();
    QString stepSentence() const;
    void poll();
    void finish(bool ok, const QString &sentence, Failure failure = Failure::None);

    argo::ArgoClient &m_client;
    QString m_name;
    Options m_options;
    QTimer m_timer;
    QTimer m_reminder;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_stepElapsed;
    Step m_step = Step::Refresh;
    Failure m_failure = Failure::None;
    bool m_done = false;
};

} // namespace gd::flows
