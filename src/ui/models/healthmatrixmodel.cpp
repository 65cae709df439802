// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/healthmatrixmodel.h"

#include "ui/models/healthmatrixroles.h"
#include "util/terminaltext.h"


#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

namespace {

QString shortSha(const QString &sha)
{
    return sha.left(8);
}

} // namespace

HealthMatrixModel::HealthMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

HealthMatrixModel::~HealthMatrixModel() = default;

QString HealthMatrixModel::cellKey(const QString &project, const QString &service, const QString &environment)
{
    QString key;
    key.reserve(project.size() + service.size() + environment.size() + 2);
    key.append(project).append(QChar(u'\n')).append(service).append(QChar(u'\n')).append(environment);
    return key;
}

void HealthMatrixModel::setCatalog(const ws::CatalogSnapshot &snapshot, const ws::WorkspaceConfig &config)
{
    beginResetModel();
    m_config = config;
    m_matcher = argo::AppMatcher();
    m_rows.clear();
    m_cellByKey.clear();
    m_cellByApp.clear();
    m_unmatched.clear();

    // Columns: the workspace's environments in its order, then any other folder name found in Git, sorted.
    m_environments.clear();
    for (const auto &env : config.environments)
        m_environments.append(env.name);
    QStringList extra;
    for (const auto &project : snapshot.projects) {
        for (const auto &service : project.services) {
            for (const auto &env : service.environments) {
                if (!m_environments.contains(env.environment) && !extra.contains(env.environment))
                    extra.append(env.environment);
            }
        }
    }
    extra.sort();
    m_environments.append(extra);

    for (const auto &project : snapshot.projects) {
        if (!project.repoUrl.isEmpty())
            m_matcher.addRepository(project.name, project.repoUrl);
        for (const auto &service : project.services) {
            Row row;
            row.project = project.name;
            row.service = service.name;
            row.cells.resize(size_t(m_environments.size()));
            for (const auto &env : service.environments) {
                const int column = int(m_environments.indexOf(env.environment));
                Cell &cell = row.cells[size_t(column)];
                cell.deployed = true;
                cell.gaTag = env.gaTag;
                cell.canaryTag = env.canaryTag;
                cell.path = env.path;
                cell.problem = env.problem;
            }
            const int rowIndex = int(m_rows.size());
            for (int column = 0; column < m_environments.size(); ++column)
                m_cellByKey.insert(cellKey(project.name, service.name, m_environments.at(column)),
                                   CellRef{rowIndex, column});
            m_rows.push_back(std::move(row));
        }
    }
    rebuildVisibleRange();
    int running = 0;
    for (auto it = m_applications.cbegin(); it != m_applications.cend(); ++it) {
        const CellRef ref = place(it.value());
        if (ref.row >= 0 && m_rows[size_t(ref.row)].cells[size_t(ref.column)].live.operationRunning)
            ++running;
    }
    endResetModel();
    setRunningCount(running);
    Q_EMIT unmatchedChanged();
}

void HealthMatrixModel::setProject(const QString &project)
{
    if (project == m_project)
        return;
    beginResetModel();
    m_project = project;
    rebuildVisibleRange();
    endResetModel();
}

QStringList HealthMatrixModel::projects() const
{
    QStringList names;
    for (const auto &row : m_rows) {
        if (names.isEmpty() || names.constLast() != row.project)
            names.append(row.project);
    }
    return names;
}

void HealthMatrixModel::rebuildVisibleRange()
{
    if (m_project.isEmpty()) {
        m_firstRow = 0;
        m_rowCount = int(m_rows.size());
        return;
    }
    const auto first = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                     [this](const Row &row) { return row.project == m_project; });
    const auto last = std::find_if(first, m_rows.cend(), [this](const Row &row) { return row.project != m_project; });
    m_firstRow = int(first - m_rows.cbegin());
    m_rowCount = int(last - first);
}

HealthMatrixModel::Live HealthMatrixModel::liveOf(const argo::Application &application)
{
    Live live;
    live.appName = application.name;
    live.syncStatus = application.syncStatus;
    live.syncRevision = application.syncRevision;
    live.healthStatus = application.healthStatus;
    live.healthMessage = application.healthMessage;
    live.operationPhase = application.operationPhase;
    live.operationMessage = application.operationMessage;
    live.operationRunning = application.operationInProgress();
    for (const auto &condition : application.conditions)
        live.conditions.append(condition.type + u": "_s + condition.message);
    return live;
}

HealthMatrixModel::CellRef HealthMatrixModel::refFor(const argo::AppMatch &match) const
{
    return m_cellByKey.value(cellKey(match.project, match.service, match.environment));
}

HealthMatrixModel::CellRef HealthMatrixModel::place(const argo::Application &application)
{
    const std::optional<argo::AppMatch> match = m_matcher.match(application);
    if (!match || match->kind != argo::AppMatch::Kind::Workload) {
        // A pipeline Application belongs to its service too, but the matrix shows workloads only.
        if (!match)
            m_unmatched.insert(application.name, application);
        return {};
    }
    const CellRef ref = refFor(*match);
    if (ref.row < 0) {
        m_unmatched.insert(application.name, application);
        return {};
    }
    Cell &cell = m_rows[size_t(ref.row)].cells[size_t(ref.column)];
    cell.hasLive = true;
    cell.live = liveOf(application);
    m_cellByApp.insert(application.name, ref);
    return ref;
}

HealthMatrixModel::CellRef HealthMatrixModel::clearApplication(const QString &name)
{
    m_unmatched.remove(name);
    const auto it = m_cellByApp.find(name);
    if (it == m_cellByApp.end())
        return {};
    const CellRef ref = it.value();
    m_cellByApp.erase(it);
    Cell &cell = m_rows[size_t(ref.row)].cells[size_t(ref.column)];
    if (cell.hasLive && cell.live.appName == name) {
        cell.hasLive = false;
        cell.live = Live();
    }
    return ref;
}

void HealthMatrixModel::applyList(const argo::ApplicationList &list)
{
    // Remember what each Application was, to tell "turned Degraded" apart from "was already Degraded".
    QHash<QString, QString> previousHealth;
    previousHealth.reserve(m_cellByApp.size());
    for (auto it = m_cellByApp.cbegin(); it != m_cellByApp.cend(); ++it)
        previousHealth.insert(it.key(), m_rows[size_t(it->row)].cells[size_t(it->column)].live.healthStatus);

    for (auto &row : m_rows) {
        for (auto &cell : row.cells) {
            cell.hasLive = false;
            cell.live = Live();
        }
    }
    m_cellByApp.clear();
    m_unmatched.clear();
    m_applications.clear();
    m_applications.reserve(qsizetype(list.items.size()));

    int running = 0;
    std::vector<CellRef> turnedDegraded;
    for (const auto &application : list.items) {
        m_applications.insert(application.name, application);
        const CellRef ref = place(application);
        if (ref.row < 0)
            continue;
        const Live &live = m_rows[size_t(ref.row)].cells[size_t(ref.column)].live;
        if (live.operationRunning)
            ++running;
        const auto before = previousHealth.constFind(application.name);
        if (live.healthStatus == u"Degraded" && before != previousHealth.cend() && before.value() != u"Degraded")
            turnedDegraded.push_back(ref);
    }
    if (m_rowCount > 0 && !m_environments.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(m_rowCount - 1, int(m_environments.size()) - 1));
    setRunningCount(running);
    Q_EMIT unmatchedChanged();
    for (const CellRef &ref : turnedDegraded) {
        const Row &row = m_rows[size_t(ref.row)];
        const Cell &cell = row.cells[size_t(ref.column)];
        Q_EMIT applicationDegraded(row.project, row.service, m_environments.at(ref.column), cell.live.appName,
                                   cell.live.healthMessage);
    }
}

void HealthMatrixModel::applyEvent(const argo::WatchEvent &event)
{
    const QString &name = event.application.name;
    const qsizetype unmatchedBefore = m_unmatched.size();
    const bool wasUnmatched = m_unmatched.contains(name);
    const CellRef old = m_cellByApp.value(name);
    QString previousHealth;
    bool known = false;
    bool wasRunning = false;
    if (old.row >= 0) {
        const Cell &cell = m_rows[size_t(old.row)].cells[size_t(old.column)];
        previousHealth = cell.live.healthStatus;
        wasRunning = cell.live.operationRunning;
        known = true;
    }
    clearApplication(name);

    CellRef now;
    if (event.type == argo::WatchEvent::Type::Deleted) {
        m_applications.remove(name);
    } else {
        m_applications.insert(name, event.application);
        now = place(event.application);
    }

    int running = m_runningCount - (wasRunning ? 1 : 0);
    if (now.row >= 0 && m_rows[size_t(now.row)].cells[size_t(now.column)].live.operationRunning)
        ++running;

    if (old.row >= 0 && (old.row != now.row || old.column != now.column)) {
        const QModelIndex oldIndex = modelIndex(old);
        if (oldIndex.isValid())
            Q_EMIT dataChanged(oldIndex, oldIndex);
    }
    if (now.row >= 0) {
        const QModelIndex nowIndex = modelIndex(now);
        if (nowIndex.isValid())
            Q_EMIT dataChanged(nowIndex, nowIndex);
    }
    setRunningCount(running);
    if (wasUnmatched || m_unmatched.size() != unmatchedBefore || m_unmatched.contains(name))
        Q_EMIT unmatchedChanged();

    if (now.row >= 0 && known && now.row == old.row && now.column == old.column) {
        const Row &row = m_rows[size_t(now.row)];
        const Cell &cell = row.cells[size_t(now.column)];
        if (cell.live.healthStatus == u"Degraded" && previousHealth != u"Degraded")
            Q_EMIT applicationDegraded(row.project, row.service, m_environments.at(now.column), cell.live.appName,
                                       cell.live.healthMessage);
    }
}

void HealthMatrixModel::setLastChanges(const QString &project, const git::RecentChanges &changes)
{
    if (changes.lastChange.isEmpty())
        m_recentChanges.remove(project);
    else
        m_recentChanges.insert(project, changes);
    int first = -1;
    int last = -1;
    for (int r = 0; r < int(m_rows.size()); ++r) {
        if (m_rows[size_t(r)].project != project)
            continue;
        if (first < 0)
            first = r;
        last = r;
    }
    if (first < 0 || m_environments.isEmpty())
        return;
    const int top = std::max(first, m_firstRow) - m_firstRow;
    const int bottom = std::min(last, m_firstRow + m_rowCount - 1) - m_firstRow;
    if (top <= bottom)
        Q_EMIT dataChanged(index(top, 0), index(bottom, int(m_environments.size()) - 1));
}

std::vector<argo::Application> HealthMatrixModel::unmatchedApplications() const
{
    std::vector<argo::Application> result;
    result.reserve(size_t(m_unmatched.size()));
    for (const auto &application : m_unmatched)
        result.push_back(application);
    std::sort(result.begin(), result.end(),
              [](const argo::Application &a, const argo::Application &b) { return a.name < b.name; });
    return result;
}

QModelIndex HealthMatrixModel::indexOf(const QString &project, const QString &service,
                                       const QString &environment) const
{
    return modelIndex(m_cellByKey.value(cellKey(project, service, environment)));
}

QModelIndex HealthMatrixModel::modelIndex(CellRef ref) const
{
    if (ref.row < m_firstRow || ref.row >= m_firstRow + m_rowCount || ref.column < 0)
        return {};
    return index(ref.row - m_firstRow, ref.column);
}

void HealthMatrixModel::setRunningCount(int count)
{
    const bool wasRunning = m_runningCount > 0;
    m_runningCount = count;
    if (wasRunning != (count > 0))
        Q_EMIT operationsRunningChanged(count > 0);
}

const HealthMatrixModel::Cell *HealthMatrixModel::cellAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_rowCount || index.column() >= m_environments.size())
        return nullptr;
    return &m_rows[size_t(m_firstRow + index.row())].cells[size_t(index.column())];
}

git::ObjectId HealthMatrixModel::behindBy(const Row &row, const Cell &cell) const
{
    if (!cell.hasLive || cell.live.syncRevision.isEmpty() || cell.path.isEmpty())
        return {};
    const auto recent = m_recentChanges.constFind(row.project);
    if (recent == m_recentChanges.constEnd()
        || !recent->isBehind(cell.path, git::ObjectId::fromHex(cell.live.syncRevision)))
        return {};
    return recent->lastChange.value(cell.path);
}

QString HealthMatrixModel::tooltipOf(const Row &row, const Cell &cell, const QString &environment) const
{
    QStringList lines;
    lines.append(tr("%1 / %2 in %3").arg(row.project, row.service, environment));
    if (!cell.deployed)
        lines.append(tr("This service has no folder for this environment in Git."));
    if (!cell.problem.isEmpty())
        lines.append(cell.problem);
    if (!cell.gaTag.isEmpty())
        lines.append(tr("GA tag: %1").arg(cell.gaTag));
    if (!cell.canaryTag.isEmpty())
        lines.append(tr("Canary tag: %1").arg(cell.canaryTag));
    if (!cell.hasLive) {
        if (cell.deployed)
            lines.append(tr("No Argo CD application deploys this folder."));
        return visibleText(lines.join(QChar(u'\n')));
    }
    const Live &live = cell.live;
    lines.append(tr("Application: %1").arg(live.appName));
    lines.append(live.healthMessage.isEmpty() ? tr("Health: %1").arg(argo::statusText(live.healthStatus))
                                              : tr("Health: %1 (%2)").arg(argo::statusText(live.healthStatus), live.healthMessage));
    lines.append(live.syncRevision.isEmpty() ? tr("Sync: %1").arg(argo::statusText(live.syncStatus))
                                             : tr("Sync: %1 at %2").arg(argo::statusText(live.syncStatus), shortSha(live.syncRevision)));
    if (!live.operationPhase.isEmpty()) {
        lines.append(live.operationMessage.isEmpty()
                         ? tr("Last operation: %1").arg(argo::statusText(live.operationPhase))
                         : tr("Last operation: %1 (%2)").arg(argo::statusText(live.operationPhase), live.operationMessage));
    } else if (live.operationRunning) {
        lines.append(tr("A sync was requested."));
    }
    if (const git::ObjectId lastChange = behindBy(row, cell); !lastChange.isNull())
        lines.append(tr("Behind: Argo CD synced %1, but the last change to this folder is %2.")
                         .arg(shortSha(live.syncRevision), lastChange.shortHex()));
    for (const QString &condition : live.conditions)
        lines.append(condition);
    return visibleText(lines.join(QChar(u'\n')));   // Argo CD's messages: controls shown, not obeyed
}

int HealthMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int HealthMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_environments.size());
}

QVariant HealthMatrixModel::data(const QModelIndex &index, int role) const
{
    const Cell *cell = cellAt(index);
    if (!cell)
        return {};
    const Row &row = m_rows[size_t(m_firstRow + index.row())];
    switch (role) {
    case Qt::DisplayRole:
        if (!cell->hasLive)
            return cell->deployed ? tr("No application") : QString();
        return tr("%1, %2").arg(argo::statusText(cell->live.healthStatus), argo::statusText(cell->live.syncStatus));
    case Qt::ToolTipRole:
    case MatrixTooltipRole:
        return tooltipOf(row, *cell, m_environments.at(index.column()));
    case MatrixSyncStatusRole:
        return cell->hasLive ? cell->live.syncStatus : QString();
    case MatrixHealthStatusRole:
        return cell->hasLive ? cell->live.healthStatus : QString();
    case MatrixGaTagRole:
        return cell->gaTag;
    case MatrixCanaryTagRole:
        return cell->canaryTag;
    case MatrixOperationRunningRole:
        return cell->hasLive && cell->live.operationRunning;
    case MatrixBehindRole:
        return !behindBy(row, *cell).isNull();
    case MatrixAppNameRole:
        return cell->hasLive ? cell->live.appName : QString();
    case MatrixOperationPhaseRole:
        return cell->hasLive ? cell->live.operationPhase : QString();
    case MatrixProjectRole:
        return row.project;
    case MatrixServiceRole:
        return row.service;
    case MatrixEnvironmentRole:
        return m_environments.at(index.column());
    case MatrixDeployedRole:
        return cell->deployed;
    case MatrixHasApplicationRole:
        return cell->hasLive;
    case MatrixSyncRevisionRole:
        return cell->hasLive ? cell->live.syncRevision : QString();
    case MatrixProblemRole:
        return cell->hasLive && (cell->live.healthStatus != u"Healthy" || cell->live.syncStatus == u"OutOfSync");
    default:
        return {};
    }
}

QVariant HealthMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_environments.size())
            return {};
        return m_environments.at(section);
    }
    if (section < 0 || section >= m_rowCount)
        return {};
    const Row &row = m_rows[size_t(m_firstRow + section)];
    if (m_project.isEmpty())
        return tr("%1 / %2").arg(row.project, row.service);
    return row.service;
}

QHash<int, QByteArray> HealthMatrixModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(MatrixSyncStatusRole, "syncStatus");
    names.insert(MatrixHealthStatusRole, "healthStatus");
    names.insert(MatrixGaTagRole, "gaTag");
    names.insert(MatrixCanaryTagRole, "canaryTag");
    names.insert(MatrixOperationRunningRole, "operationRunning");
    names.insert(MatrixBehindRole, "behind");
    names.insert(MatrixAppNameRole, "appName");
    names.insert(MatrixTooltipRole, "tooltip");
    names.insert(MatrixOperationPhaseRole, "operationPhase");
    return names;
}

HealthMatrixFilter::HealthMatrixFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void HealthMatrixFilter::setProblemsOnly(bool problemsOnly)
{
    if (problemsOnly == m_problemsOnly)
        return;
    m_problemsOnly = problemsOnly;
    invalidateFilter();
}

bool HealthMatrixFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_problemsOnly)
        return true;
    const QAbstractItemModel *model = sourceModel();
    const int columns = model->columnCount(sourceParent);
    for (int column = 0; column < columns; ++column) {
        if (model->index(sourceRow, column, sourceParent).data(MatrixProblemRole).toBool())
            return true;
    }
    return false;
}

} // namespace gd::ui
