// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/catalog.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace gd::ui {

class FittedTableView;
class MessageBanner;
class ProjectSummaryModel;

/// One DevOps project at a glance: its repository, branch tip, a problem if it could not be read (or that it is
/// shown from the cached copy of its repository, and how old that is), and a services × environments table of
/// released tags. GUI thread.
class ProjectPage : public QWidget {
    Q_OBJECT

public:
    explicit ProjectPage(QWidget *parent = nullptr);

    /// Shows `project`; `environmentOrder` is the workspace's environment order (columns).
    void setProject(const ws::ProjectInfo &project, const QStringList &environmentOrder);
    QString projectName() const;
    ProjectSummaryModel *summaryModel() const { return m_model; }

Q_SIGNALS:
    /// The user double-clicked a cell: go to that service (and environment).
    void serviceActivated(const QString &project, const QString &service, const QString &environment);
    /// The user wants a new service in this project (New Service…).
    void newServiceRequested(const QString &project);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    /// The banner above the table: why the project could not be read, or that it is shown from its cached copy.
    void showProblem();

    ProjectSummaryModel *m_model;
    QLabel *m_title;
    QLabel *m_subtitle;
    MessageBanner *m_problem;
    QLabel *m_heading;
    QPushButton *m_newServiceButton;
    FittedTableView *m_table;
};

/// What the window shows before a workspace is open: the app, what to do, and the recent workspaces.
class WelcomePage : public QWidget {
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    /// Lists `paths` as recent workspaces.
    void setRecentWorkspaces(const QStringList &paths);

Q_SIGNALS:
    void openRequested();
    void recentRequested(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_openButton;
    QLabel *m_recentHeading;
    QListWidget *m_recent;
};

/// A centred line of text (and an optional busy bar) for "loading" and "select something" states.
class PlaceholderPage : public QWidget {
    Q_OBJECT

public:
    explicit PlaceholderPage(QWidget *parent = nullptr);
    void setText(const QString &text, bool busy);
    QString text() const;

private:
    QLabel *m_label;
    QProgressBar *m_busy;
};

} // namespace gd::ui
