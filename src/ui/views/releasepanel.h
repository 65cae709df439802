// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/releasehistory.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace gd::ui {

class ReleaseHistoryModel;

/// The release history of one service environment, newest first, with Roll Back on any entry. Derived from Git
/// (the path history, trailers and images diffs). GUI thread; asks for its data and shows what it is given.
class ReleasePanel : public QWidget {
    Q_OBJECT
public:
    explicit ReleasePanel(QWidget *parent = nullptr);

    /// Shows environment `env` of `service` and asks for its history (historyRequested).
    void setEnvironment(const QString &project, const QString &service, const QString &env);
    /// Shows the history read for the environment set last (ignored when it moved on meanwhile).
    void setHistory(const QString &project, const QString &service, const QString &env,
                    const Result<std::vector<ws::ReleaseEntry>> &history);
    /// Disables the buttons while an operation on this environment runs.
    void setBusy(bool busy);

    ReleaseHistoryModel *model() const { return m_model; }

Q_SIGNALS:
    void historyRequested(const QString &project, const QString &service, const QString &env);
    /// Roll back `entry` (revert its commit).
    void rollbackRequested(const gd::ws::ReleaseEntry &entry);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();

    QString m_project;
    QString m_service;
    QString m_env;
    bool m_busy = false;
    QString m_historyProblem;

    QLabel *m_heading;
    QLabel *m_historyState;
    QTreeView *m_table;
    QPushButton *m_rollback;
    ReleaseHistoryModel *m_model;
};

} // namespace gd::ui
