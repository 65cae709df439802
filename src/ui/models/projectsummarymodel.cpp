// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/projectsummarymodel.h"

#include "ui/models/projecttreeroles.h"
#include "ui/themedicons.h"

#include <QApplication>
#include <QStyle>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

ProjectSummaryModel::ProjectSummaryModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProjectSummaryModel::setProject(const ws::ProjectInfo &project, const QStringList &environmentOrder)
{
    beginResetModel();
    m_project = project;
    m_environments.clear();
    QStringList found;
    for (const ws::ServiceInfo &service : m_project.services) {
        for (const ws::EnvironmentState &env : service.environments) {
            if (!found.contains(env.environment))
                found.append(env.environment);
        }
    }
    for (const QString &env : environmentOrder) {
        if (found.contains(env))
            m_environments.append(env);
    }
    for (const QString &env : std::as_const(found)) {
        if (!m_environments.contains(env))
            m_environments.append(env);
    }
    endResetModel();
}

void ProjectSummaryModel::retranslate()
{
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int ProjectSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_project.services.size());
}

int ProjectSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_environments.size());
}

const ws::EnvironmentState *ProjectSummaryModel::cell(int row, int column) const
{
    const ws::ServiceInfo &service = m_project.services[std::size_t(row)];
    const QString &name = m_environments.at(column);
    for (const ws::EnvironmentState &env : service.environments) {
        if (env.environment == name)
            return &env;
    }
    return nullptr;
}

QVariant ProjectSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ws::ServiceInfo &service = m_project.services[std::size_t(index.row())];
    const ws::EnvironmentState *env = cell(index.row(), index.column());
    const QPalette palette = QApplication::palette();
    switch (role) {
    case Qt::DisplayRole:
        if (env == nullptr)
            return tr("—");
        if (!env->problem.isEmpty())
            return tr("unreadable");
        if (env->canaryStage)
            return tr("%1 · canary %2").arg(env->gaTag, env->canaryTag);
        return env->gaTag;
    case Qt::DecorationRole:
        if (env == nullptr)
            return {};
        if (!env->problem.isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return themedIcon(env->canaryStage ? u"canary"_s : u"environment"_s, palette);
    case Qt::ForegroundRole:
        return env == nullptr ? palette.brush(QPalette::Disabled, QPalette::Text) : QVariant();
    case Qt::ToolTipRole:
        if (env == nullptr)
            return tr("%1 is not deployed to %2.").arg(service.name, m_environments.at(index.column()));
        if (!env->problem.isEmpty())
            return env->problem;
        return env->image.isEmpty() ? env->path : env->image + u'\n' + env->path;
    case ProjectNameRole:
        return m_project.name;
    case ServiceNameRole:
        return service.name;
    case EnvironmentNameRole:
        return m_environments.at(index.column());
    case GaTagRole:
        return env != nullptr ? env->gaTag : QString();
    case CanaryTagRole:
        return env != nullptr ? env->canaryTag : QString();
    case CanaryStageRole:
        return env != nullptr && env->canaryStage;
    default:
        return {};
    }
}

QVariant ProjectSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::DisplayRole) {
        if (orientation == Qt::Horizontal && section >= 0 && section < m_environments.size())
            return m_environments.at(section);
        if (orientation == Qt::Vertical && section >= 0 && section < rowCount())
            return m_project.services[std::size_t(section)].name;
    }
    if (role == Qt::DecorationRole && orientation == Qt::Vertical)
        return themedIcon(u"service"_s, QApplication::palette());
    return {};
}

} // namespace gd::ui
