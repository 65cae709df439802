// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/serviceenvironmentmodel.h"

#include "ui/models/projecttreeroles.h"
#include "ui/themedicons.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

ServiceEnvironmentModel::ServiceEnvironmentModel(QObject *parent) : QAbstractTableModel(parent) {}

void ServiceEnvironmentModel::setService(const ws::ServiceInfo &service)
{
    beginResetModel();
    m_service = service;
    endResetModel();
}

int ServiceEnvironmentModel::rowOf(const QString &environment) const
{
    for (int row = 0; row < int(m_service.environments.size()); ++row) {
        if (m_service.environments[std::size_t(row)].environment == environment)
            return row;
    }
    return -1;
}

void ServiceEnvironmentModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ServiceEnvironmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_service.environments.size());
}

int ServiceEnvironmentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceEnvironmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ws::EnvironmentState &env = m_service.environments[std::size_t(index.row())];
    const QPalette palette = QApplication::palette();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case EnvironmentColumn:
            return env.environment;
        case StageColumn:
            if (!env.problem.isEmpty())
                return tr("Unreadable");
            return env.canaryStage ? tr("Canary") : tr("GA only");
        case GaTagColumn:
            return env.gaTag;
        case CanaryTagColumn:
            return env.canaryTag.isEmpty() ? tr("—") : env.canaryTag;
        case ImageColumn:
            return env.image;
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == EnvironmentColumn)
            return env.problem.isEmpty() ? themedIcon(u"environment"_s, palette)
                                         : QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (index.column() == StageColumn && env.canaryStage)
            return themedIcon(u"canary"_s, palette);
        return {};
    case Qt::ForegroundRole:
        // A canary overlay that is not deployed is kept in Git but not live: shown dimmed.
        if (index.column() == CanaryTagColumn && (!env.canaryStage || env.canaryTag.isEmpty()))
            return palette.brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (index.column() == GaTagColumn || (index.column() == CanaryTagColumn && env.canaryStage)) {
            QFont font = QApplication::font();
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (!env.problem.isEmpty())
            return env.problem;
        if (index.column() == CanaryTagColumn && !env.canaryStage && !env.canaryTag.isEmpty())
            return tr("The canary overlay holds %1 but is not deployed: this environment runs GA only.")
                .arg(env.canaryTag);
        return env.path;
    case EnvironmentNameRole:
        return env.environment;
    case GaTagRole:
        return env.gaTag;
    case CanaryTagRole:
        return env.canaryTag;
    case CanaryStageRole:
        return env.canaryStage;
    case ImageRole:
        return env.image;
    case ProblemRole:
        return env.problem;
    default:
        return {};
    }
}

QVariant ServiceEnvironmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EnvironmentColumn:
        return tr("Environment");
    case StageColumn:
        return tr("Stage");
    case GaTagColumn:
        return tr("GA tag");
    case CanaryTagColumn:
        return tr("Canary tag");
    case ImageColumn:
        return tr("Image");
    default:
        return {};
    }
}

} // namespace gd::ui
