// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/argowatch.h"
#include "workspace/catalog.h"
#include "workspace/workspaceconfig.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;
class QTimer;

namespace gd::ui {

class HealthBadgeDelegate;
class HealthMatrixFilter;
class HealthMatrixModel;

/// A coloured dot and a short text for the status bar: the state of the Argo CD watch. GUI thread.
class ArgoConnectionIndicator : public QWidget {
    Q_OBJECT

public:
    explicit ArgoConnectionIndicator(QWidget *parent = nullptr);

    /// Shows `state`; `message` (why it is not live) goes to the tooltip. `server` names the server shown.
    void setState(argo::ArgoWatch::State state, const QString &message = {});
    void setServer(const QString &server);
    argo::ArgoWatch::State state() const { return m_state; }
    /// The text shown next to the dot.
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateText();

    argo::ArgoWatch::State m_state = argo::ArgoWatch::State::Stopped;
    QString m_message;
    QString m_server;
    QLabel *m_dot;
    QLabel *m_text;
};

/// The live health matrix: services × environments of one project or of all, a "problems only" filter, a legend,
/// and the Applications that match no service. Double-click opens the service. GUI thread.
class HealthMatrixPage : public QWidget {
    Q_OBJECT

public:
    explicit HealthMatrixPage(QWidget *parent = nullptr);

    /// Shows the services of `snapshot` (keeps the selected project when it still exists).
    void setCatalog(const ws::CatalogSnapshot &snapshot, const ws::WorkspaceConfig &config);
    /// Shows one project, or all projects for an empty name.
    void setProject(const QString &project);
    /// Feeds the matrix from `watch` (listed → replace, changed → one cell); null detaches.
    void setWatch(argo::ArgoWatch *watch);

    HealthMatrixModel *model() const { return m_model; }
    HealthMatrixFilter *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    HealthBadgeDelegate *delegate() const { return m_delegate; }
    QCheckBox *problemsOnlyBox() const { return m_problemsOnly; }
    /// The sentence about unmatched Applications (empty when there are none).
    QString unmatchedText() const;

Q_SIGNALS:
    /// The user double-clicked the cell of `service` of `project` in `environment`.
    void openService(const QString &project, const QString &service, const QString &environment);
    /// An Application turned Degraded (for a desktop notification).
    void applicationDegraded(const QString &title, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateUnmatched();
    void updateSpinner(bool running);
    void fillProjects();

    HealthMatrixModel *m_model;
    HealthMatrixFilter *m_filter;
    HealthBadgeDelegate *m_delegate;
    QTableView *m_view;
    QLabel *m_projectLabel;
    QComboBox *m_projects;
    QCheckBox *m_problemsOnly;
    QWidget *m_legend;
    QLabel *m_unmatched;
    QTimer *m_spinnerTimer;
    QPointer<argo::ArgoWatch> m_watch;
};

} // namespace gd::ui
