// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows/syncandwait.h"

#include <QCoreApplication>

namespace gd::flows {
namespace {

// The translatable sentences of this file, in the "gd::flows::SyncAndWait" context (lupdate reads the macro).
struct SyncAndWaitText {
    Q_DECLARE_TR_FUNCTIONS(gd::flows::SyncAndWait)
};

bool isTerminalPhase(const QString &phase)
{
    return phase == u"Succeeded" || phase == u"Failed" || phase == u"Error";
}

} // namespace

SyncAndWait::SyncAndWait(argo::ArgoClient &client, QString applicationName, Options options, QObject *parent)
    : QObject(parent), m_client(client), m_name(std::move(applicationName)), m_options(options)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncAndWait::poll);
    connect(&m_reminder, &QTimer::timeout, this, &SyncAndWait::remind);
}

void SyncAndWait::start()
{
    m_elapsed.start();
    enter(Step::Refresh);
    // Refresh first so Argo CD compares against the commit just pushed, then sync. Argo CD answers a refresh only
    // once it has compared the Application with Git, which can take minutes.
    m_client.get(m_name, argo::RefreshMode::Normal, this, [this](Result<argo::Application> refreshed) {
        if (!refreshed.ok()) {
            finish(false, refreshed.error().message, Failure::Unanswered);
            return;
        }
        Q_EMIT progressed(*refreshed);
        if (refreshed->operationInProgress() && m_options.wait) {
            // Auto-sync already started on the refreshed revision: follow that operation.
            enter(Step::Health);
            m_timer.start(m_options.pollInterval);
            return;
        }
        enter(Step::Sync);
        m_client.sync(m_name, argo::SyncRequest{}, this, [this](Result<argo::Application> synced) {
            if (!synced.ok()) {
                finish(false, synced.error().message, Failure::Unanswered);
                return;
            }
            Q_EMIT progressed(*synced);
            if (!m_options.wait) {
                finish(true, SyncAndWaitText::tr("Argo CD accepted the sync of %1.").arg(m_name));
                return;
            }
            enter(Step::Health);
            m_timer.start(m_options.pollInterval);
        });
    });
}

void SyncAndWait::enter(Step step)
{
    m_step = step;
    m_stepElapsed.start();
    m_reminder.start(m_options.reminderInterval);
    Q_EMIT waiting(stepSentence() + QStringLiteral(" …"));
}

void SyncAndWait::remind()
{
    const qint64 seconds = (m_stepElapsed.elapsed() + 500) / 1000;   // the timer fires a hair early or late
    Q_EMIT waiting(SyncAndWaitText::tr("%1 (%n s so far) …", nullptr, int(seconds)).arg(stepSentence()));
}

QString SyncAndWait::stepSentence() const
{
    switch (m_step) {
    case Step::Refresh:
        return SyncAndWaitText::tr("Waiting for Argo CD to refresh %1").arg(m_name);
    case Step::Sync:
        return SyncAndWaitText::tr("Waiting for Argo CD to accept the sync of %1").arg(m_name);
    case Step::Health:
        break;
    }
    return SyncAndWaitText::tr("Waiting for %1 to be synced and healthy").arg(m_name);
}

void SyncAndWait::poll()
{
    if (std::chrono::milliseconds(m_elapsed.elapsed()) > m_options.timeout) {
        finish(false, SyncAndWaitText::tr("%1 did not become healthy in time; check it in Argo CD.").arg(m_name),
               Failure::Unanswered);
        return;
    }
    m_client.get(m_name, argo::RefreshMode::None, this, [this](Result<argo::Application> app) {
        if (!app.ok()) {
            finish(false, app.error().message, Failure::Unanswered);
            return;
        }
        Q_EMIT progressed(*app);
        if (app->operationInProgress() || !isTerminalPhase(app->operationPhase)) {
            m_timer.start(m_options.pollInterval);
            return;
        }
        if (app->operationPhase != u"Succeeded") {
            finish(false, SyncAndWaitText::tr("The sync of %1 failed: %2").arg(m_name, app->operationMessage),
                   Failure::Unhealthy);
            return;
        }
        if (app->healthStatus == u"Healthy" && app->syncStatus == u"Synced") {
            finish(true, SyncAndWaitText::tr("%1 is synced and healthy.").arg(m_name));
            return;
        }
        if (app->healthStatus == u"Degraded") {
            finish(false, SyncAndWaitText::tr("%1 is Degraded: %2").arg(m_name, app->healthMessage), Failure::Unhealthy);
            return;
        }
        m_timer.start(m_options.pollInterval);
    });
}

void SyncAndWait::finish(bool ok, const QString &sentence, Failure failure)
{
    if (m_done)
        return;
    m_done = true;
    m_failure = ok ? Failure::None : failure;
    m_timer.stop();
    m_reminder.stop();
    Q_EMIT finished(ok, sentence);
}

} // namespace gd::flows
