// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/history.h"
#include "net/appmatch.h"
#include "net/argoapplication.h"
#include "workspace/catalog.h"
#include "workspace/workspaceconfig.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <vector>

namespace gd::ui {

/// The live health matrix: one row per service (of one project, or of all projects grouped by project, shown as
/// "shop / orders"), one column per environment in workspace order. Each cell joins the Git side (tags, whether the
/// folder exists) with the Argo CD Application that deploys it (sync, health, operation). Roles: healthmatrixroles.h.
/// Applications that match no service environment are kept apart (unmatchedApplications()). GUI thread.
class HealthMatrixModel : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit HealthMatrixModel(QObject *parent = nullptr);
    ~HealthMatrixModel() override;

    /// Shows the services and environments of `snapshot` (a model reset). Applications already applied are matched
    /// again against the new rows.
    void setCatalog(const ws::CatalogSnapshot &snapshot, const ws::WorkspaceConfig &config);
    /// Shows only the services of `project`; an empty name shows all projects (a model reset).
    void setProject(const QString &project);
    QString project() const { return m_project; }
    /// The project names of the catalog, sorted.
    QStringList projects() const;

    /// Replaces every Application shown by `list` (the rows stay; every cell may change).
    void applyList(const argo::ApplicationList &list);
    /// Applies one watch event: only the cell of that Application changes (and the cell it left, if it moved).
    void applyEvent(const argo::WatchEvent &event);
    /// The recent history of `project`'s environment folders ("appsmanifests/{service}/{env}"): a cell is "behind"
    /// when Argo CD's sync revision is a commit older than the last change to its folder. Empty changes clear the
    /// flags of that project. Kept across setCatalog().
    void setLastChanges(const QString &project, const git::RecentChanges &changes);

    /// Applications that deploy no service environment of the workspace (another repo or another path), by name.
    std::vector<argo::Application> unmatchedApplications() const;
    int unmatchedCount() const { return int(m_unmatched.size()); }
    /// How many cells show a running operation (the view animates spinners while this is above zero).
    int runningOperationCount() const { return m_runningCount; }
    /// The index of the cell of `service` of `project` in `environment`, invalid when it is not shown.
    QModelIndex indexOf(const QString &project, const QString &service, const QString &environment) const;
    /// The environment names in column order.
    QStringList environments() const { return m_environments; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    /// The Application of a cell turned Degraded (it was known and not Degraded before). Not emitted for the first
    /// list after a (re)connection when the cell had no state yet.
    void applicationDegraded(const QString &project, const QString &service, const QString &environment,
                             const QString &application, const QString &message);
    /// The list of unmatchedApplications() may have changed.
    void unmatchedChanged();
    /// runningOperationCount() changed between zero and non-zero.
    void operationsRunningChanged(bool running);

private:
    struct Live {
        QString appName;
        QString syncStatus;
        QString syncRevision;
        QString healthStatus;
        QString healthMessage;
        QString operationPhase;
        QString operationMessage;
        QStringList conditions;   ///< "Type: message"
        bool operationRunning = false;
    };
    struct Cell {
        bool deployed = false;
        QString gaTag;
        QString canaryTag;
        QString path;
        QString problem;
        bool hasLive = false;
        Live live;
    };
    struct Row {
        QString project;
        QString service;
        std::vector<Cell> cells;
    };
    struct CellRef {
        int row = -1;   ///< into m_rows (all projects)
        int column = -1;
    };

    static Live liveOf(const argo::Application &application);
    static QString cellKey(const QString &project, const QString &service, const QString &environment);
    /// The last change to the cell's folder when Argo CD synced an older commit; null when not behind.
    git::ObjectId behindBy(const Row &row, const Cell &cell) const;
    QString tooltipOf(const Row &row, const Cell &cell, const QString &environment) const;

    const Cell *cellAt(const QModelIndex &index) const;
    QModelIndex modelIndex(CellRef ref) const;
    /// Finds or makes the cell of a matched Application (a column for an environment not in the workspace is not
    /// made: such an Application counts as unmatched).
    CellRef refFor(const argo::AppMatch &match) const;
    /// Clears the live part of the cell that `name` occupies; returns that cell (row -1 when none).
    CellRef clearApplication(const QString &name);
    void setRunningCount(int count);
    void rebuildVisibleRange();
    /// Puts `application` into its cell (or the unmatched list) without signals; returns the cell.
    CellRef place(const argo::Application &application);
    void rematchAll();

    ws::WorkspaceConfig m_config;
    argo::AppMatcher m_matcher;
    QString m_project;
    QStringList m_environments;
    std::vector<Row> m_rows;            ///< all projects, sorted by project then service
    int m_firstRow = 0;                 ///< the rows shown: [m_firstRow, m_firstRow + m_rowCount)
    int m_rowCount = 0;
    QHash<QString, CellRef> m_cellByKey;
    QHash<QString, CellRef> m_cellByApp;
    QHash<QString, argo::Application> m_unmatched;
    QHash<QString, argo::Application> m_applications;   ///< every Application known, by name (to re-match)
    QHash<QString, git::RecentChanges> m_recentChanges; ///< by project
    int m_runningCount = 0;
};

/// Shows only the rows with a problem: some Application in the row is not Healthy, or is OutOfSync.
class HealthMatrixFilter : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit HealthMatrixFilter(QObject *parent = nullptr);

    /// True: only rows with a problem; false: every row.
    void setProblemsOnly(bool problemsOnly);
    bool problemsOnly() const { return m_problemsOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_problemsOnly = false;
};

} // namespace gd::ui
