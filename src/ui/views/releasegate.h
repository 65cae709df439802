// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/catalog.h"
#include "workspace/releasehistory.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace gd::ui {

/// Two strips above a service environment, both derived from Git so they survive restarts and other users see
/// them: the approval gate of an unfinished canary (canary tag ≠ GA tag: Promote… / Abort Canary…), and the rollback
/// window after a GA release (a countdown from the commit time with a one-click Roll Back). Hidden when neither
/// applies. GUI thread.
class ReleaseGate : public QWidget {
    Q_OBJECT
public:
    explicit ReleaseGate(QWidget *parent = nullptr);

    /// The environment's tags (the gate shows when the canary runs another tag than GA).
    void setEnvironment(const ws::EnvironmentState &state);
    /// The release history, newest first; the window shows while its newest GA release is younger than
    /// `windowMinutes`.
    void setHistory(const std::vector<ws::ReleaseEntry> &history, int windowMinutes);
    /// Disables the buttons while an operation on this environment runs.
    void setBusy(bool busy);
    /// The newest GA release still inside the rollback window, if any.
    std::optional<ws::ReleaseEntry> rollbackCandidate() const;

Q_SIGNALS:
    void promoteRequested();
    void abortRequested();
    void rollbackRequested(const gd::ws::ReleaseEntry &entry);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void update();

    ws::EnvironmentState m_state;
    std::vector<ws::ReleaseEntry> m_history;
    int m_windowMinutes = 30;
    bool m_busy = false;

    QWidget *m_gate;
    QLabel *m_gateText;
    QPushButton *m_promote;
    QPushButton *m_abort;
    QWidget *m_window;
    QLabel *m_windowText;
    QPushButton *m_rollback;
    QTimer m_tick;   ///< refreshes the countdown
};

} // namespace gd::ui
