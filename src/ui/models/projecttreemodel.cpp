// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/projecttreemodel.h"

#include "ui/themedicons.h"
#include "util/terminaltext.h"

#include <QApplication>
#include <QStyle>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

// Rows carry their ancestry in the internal id: 0 on projects, project+1 on services,
// (project+1) | (service+1) << 32 on environments.
constexpr quintptr lowMask = 0xffffffffu;

quintptr serviceId(int project)
{
    return quintptr(project) + 1;
}

quintptr environmentId(int project, int service)
{
    return (quintptr(project) + 1) | ((quintptr(service) + 1) << 32);
}

QIcon warningIcon()
{
    return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
}

} // namespace

ProjectTreeModel::ProjectTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void ProjectTreeModel::setCatalog(std::shared_ptr<const ws::CatalogSnapshot> catalog)
{
    beginResetModel();
    m_catalog = std::move(catalog);
    endResetModel();
}

QModelIndex ProjectTreeModel::findIndex(const QString &project, const QString &service,
                                        const QString &environment) const
{
    if (!m_catalog)
        return {};
    for (int p = 0; p < int(m_catalog->projects.size()); ++p) {
        const ws::ProjectInfo &projectInfo = m_catalog->projects[std::size_t(p)];
        if (projectInfo.name != project)
            continue;
        const QModelIndex projectIndex = index(p, 0);
        if (service.isEmpty())
            return projectIndex;
        for (int s = 0; s < int(projectInfo.services.size()); ++s) {
            const ws::ServiceInfo &serviceInfo = projectInfo.services[std::size_t(s)];
            if (serviceInfo.name != service)
                continue;
            const QModelIndex serviceIndex = index(s, 0, projectIndex);
            if (environment.isEmpty())
                return serviceIndex;
            for (int e = 0; e < int(serviceInfo.environments.size()); ++e) {
                if (serviceInfo.environments[std::size_t(e)].environment == environment)
                    return index(e, 0, serviceIndex);
            }
            return {};
        }
        return {};
    }
    return {};
}

void ProjectTreeModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ToolTipRole});
}

ProjectTreeModel::Path ProjectTreeModel::pathOf(const QModelIndex &index) const
{
    Path path;
    const quintptr id = index.internalId();
    if (id == 0) {
        path.project = index.row();
    } else if ((id >> 32) == 0) {
        path.project = int(id - 1);
        path.service = index.row();
    } else {
        path.project = int((id & lowMask) - 1);
        path.service = int((id >> 32) - 1);
        path.environment = index.row();
    }
    return path;
}

QModelIndex ProjectTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    const Path path = pathOf(parent);
    if (path.service < 0)
        return createIndex(row, column, serviceId(path.project));
    if (path.environment < 0)
        return createIndex(row, column, environmentId(path.project, path.service));
    return {};
}

QModelIndex ProjectTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Path path = pathOf(child);
    if (path.environment >= 0)
        return createIndex(path.service, 0, serviceId(path.project));
    if (path.service >= 0)
        return createIndex(path.project, 0, quintptr(0));
    return {};
}

int ProjectTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_catalog)
        return 0;
    if (!parent.isValid())
        return int(m_catalog->projects.size());
    if (parent.column() != 0)
        return 0;
    const Path path = pathOf(parent);
    const ws::ProjectInfo &project = m_catalog->projects[std::size_t(path.project)];
    if (path.service < 0)
        return int(project.services.size());
    if (path.environment < 0)
        return int(project.services[std::size_t(path.service)].environments.size());
    return 0;
}

int ProjectTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ProjectTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_catalog)
        return {};
    const Path path = pathOf(index);
    const ws::ProjectInfo &project = m_catalog->projects[std::size_t(path.project)];
    if (path.service < 0)
        return projectData(project, index.column(), role);
    const ws::ServiceInfo &service = project.services[std::size_t(path.service)];
    if (path.environment < 0)
        return serviceData(project, service, index.column(), role);
    return environmentData(project, service, service.environments[std::size_t(path.environment)], index.column(),
                           role);
}

QVariant ProjectTreeModel::projectData(const ws::ProjectInfo &project, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return column == NameColumn ? QVariant(project.name) : QVariant();
    case Qt::DecorationRole:
        if (column != NameColumn)
            return {};
        return project.problem.isEmpty() ? themedIcon(u"project"_s, QApplication::palette()) : warningIcon();
    case Qt::ToolTipRole: {
        QString tip = tr("Project %1\n%2").arg(project.name, project.repoUrl);
        if (!project.tip.isNull())
            tip += u'\n' + tr("Branch tip %1").arg(project.tip.shortHex());
        if (!project.problem.isEmpty())
            tip += u"\n\n"_s + project.problem;
        return visibleText(tip);   // problems quote Git and servers: controls shown, not obeyed
    }
    case KindRole:
        return int(TreeItemKind::Project);
    case ProjectNameRole:
    case FilterTextRole:
        return project.name;
    case ProblemRole:
        return visibleText(project.problem);
    default:
        return {};
    }
}

QVariant ProjectTreeModel::serviceData(const ws::ProjectInfo &project, const ws::ServiceInfo &service, int column,
                                       int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return column == NameColumn ? QVariant(service.name) : QVariant();
    case Qt::DecorationRole:
        return column == NameColumn ? QVariant(themedIcon(u"service"_s, QApplication::palette())) : QVariant();
    case Qt::ToolTipRole:
        return tr("Service %1 of project %2\nEnvironments: %3")
            .arg(service.name, project.name)
            .arg(service.environments.size());
    case KindRole:
        return int(TreeItemKind::Service);
    case ProjectNameRole:
        return project.name;
    case ServiceNameRole:
    case FilterTextRole:
        return service.name;
    default:
        return {};
    }
}

QVariant ProjectTreeModel::environmentData(const ws::ProjectInfo &project, const ws::ServiceInfo &service,
                                           const ws::EnvironmentState &env, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return env.environment;
        case GaTagColumn:
            return env.gaTag;
        case CanaryTagColumn:
            return env.canaryStage ? env.canaryTag : QString();
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column != NameColumn)
            return {};
        if (!env.problem.isEmpty())
            return warningIcon();
        return themedIcon(env.canaryStage ? u"canary"_s : u"environment"_s, QApplication::palette());
    case Qt::ToolTipRole: {
        QString tip = env.canaryStage
                          ? tr("%1 in %2: canary %3, GA %4").arg(service.name, env.environment, env.canaryTag, env.gaTag)
                          : tr("%1 in %2: GA %3").arg(service.name, env.environment, env.gaTag);
        if (!env.image.isEmpty())
            tip += u'\n' + env.image;
        if (!env.problem.isEmpty())
            tip += u"\n\n"_s + env.problem;
        return visibleText(tip);   // problems quote Git and servers: controls shown, not obeyed
    }
    case KindRole:
        return int(TreeItemKind::Environment);
    case ProjectNameRole:
        return project.name;
    case ServiceNameRole:
        return service.name;
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
        return visibleText(env.problem);
    case FilterTextRole:
        return QStringList{env.environment, env.gaTag, env.canaryStage ? env.canaryTag : QString()}.join(u' ');
    default:
        return {};
    }
}

QVariant ProjectTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case GaTagColumn:
        return tr("GA");
    case CanaryTagColumn:
        return tr("Canary");
    default:
        return {};
    }
}

QHash<int, QByteArray> ProjectTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(ProjectNameRole, "project");
    names.insert(ServiceNameRole, "service");
    names.insert(EnvironmentNameRole, "environment");
    names.insert(GaTagRole, "gaTag");
    names.insert(CanaryTagRole, "canaryTag");
    names.insert(CanaryStageRole, "canaryStage");
    names.insert(ImageRole, "image");
    names.insert(ProblemRole, "problem");
    names.insert(FilterTextRole, "filterText");
    return names;
}

} // namespace gd::ui
