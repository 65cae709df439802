// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/catalog.h"

#include <QAbstractTableModel>

namespace gd::ui {

/// The environments of one service as a table: environment, stage, GA tag, canary tag, image.
/// Roles of projecttreeroles.h on column 0 (EnvironmentNameRole, GaTagRole, ...). GUI thread.
class ServiceEnvironmentModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { EnvironmentColumn, StageColumn, GaTagColumn, CanaryTagColumn, ImageColumn, ColumnCount };

    explicit ServiceEnvironmentModel(QObject *parent = nullptr);

    /// Shows `service` (copied; a model reset).
    void setService(const ws::ServiceInfo &service);
    const ws::ServiceInfo &service() const { return m_service; }
    /// The row of environment `name`, -1 when the service has none.
    int rowOf(const QString &environment) const;
    /// Re-reads translated texts after a language change.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ws::ServiceInfo m_service;
};

} // namespace gd::ui
