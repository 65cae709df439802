// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/models/projecttreeroles.h"
#include "workspace/catalog.h"

#include <QAbstractItemModel>

#include <memory>

namespace gd::ui {

/// The workspace browser: DevOps projects → services → environments, over one immutable CatalogSnapshot.
/// Columns: name, GA tag, canary tag. Roles in projecttreeroles.h. GUI thread.
class ProjectTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { NameColumn, GaTagColumn, CanaryTagColumn, ColumnCount };

    explicit ProjectTreeModel(QObject *parent = nullptr);

    /// Shows `catalog` (a model reset). Null shows nothing.
    void setCatalog(std::shared_ptr<const ws::CatalogSnapshot> catalog);
    const ws::CatalogSnapshot *catalog() const { return m_catalog.get(); }

    /// The index of a project, service or environment by name (column 0); invalid when absent.
    QModelIndex findIndex(const QString &project, const QString &service = {}, const QString &environment = {}) const;

    /// Re-reads translated texts (headers, tooltips) after a language change.
    void retranslate();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    /// Where a row sits: project index, service index (-1 on project rows), environment index (-1 above).
    struct Path {
        int project = -1;
        int service = -1;
        int environment = -1;
    };
    Path pathOf(const QModelIndex &index) const;
    QVariant projectData(const ws::ProjectInfo &project, int column, int role) const;
    QVariant serviceData(const ws::ProjectInfo &project, const ws::ServiceInfo &service, int column, int role) const;
    QVariant environmentData(const ws::ProjectInfo &project, const ws::ServiceInfo &service,
                             const ws::EnvironmentState &env, int column, int role) const;

    std::shared_ptr<const ws::CatalogSnapshot> m_catalog;
};

} // namespace gd::ui
