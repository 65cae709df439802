// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/catalog.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace gd::ui {

/// One project at a glance: services as rows, environments as columns, the released tags in the cells.
/// Environment columns follow the workspace's order, then any other environment found in the repo. GUI thread.
class ProjectSummaryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit ProjectSummaryModel(QObject *parent = nullptr);

    /// Shows `project` (copied; a model reset). `environmentOrder` lists the workspace's environments.
    void setProject(const ws::ProjectInfo &project, const QStringList &environmentOrder);
    const ws::ProjectInfo &project() const { return m_project; }
    QStringList environments() const { return m_environments; }
    /// Re-reads translated texts after a language change.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const ws::EnvironmentState *cell(int row, int column) const;

    ws::ProjectInfo m_project;
    QStringList m_environments;
};

} // namespace gd::ui
