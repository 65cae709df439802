// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/joblistmodel.h"

#include "flows/jobqueue.h"
#include "util/terminaltext.h"

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

JobListModel::JobListModel(flows::JobQueue *queue, QObject *parent) : QAbstractListModel(parent), m_queue(queue)
{
    const QList<int> ids = queue->jobIds();
    for (auto it = ids.crbegin(); it != ids.crend(); ++it)
        m_rows.push_back(queue->job(*it));
    connect(queue, &flows::JobQueue::jobAdded, this, &JobListModel::onAdded);
    connect(queue, &flows::JobQueue::jobChanged, this, &JobListModel::onChanged);
    connect(queue, &flows::JobQueue::jobRemoved, this, &JobListModel::onRemoved);
}

int JobListModel::jobId(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].id : 0;
}

int JobListModel::rowOf(int id) const
{
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows[std::size_t(row)].id == id)
            return row;
    }
    return -1;
}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const flows::JobInfo &job = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return job.title;
    case Qt::ToolTipRole: {
        QString tip = job.title + u'\n' + job.status;
        if (!job.error.detail.isEmpty())
            tip += u"\n\n"_s + job.error.detail;
        return visibleText(tip);   // an error's detail quotes servers and Git: controls shown, not obeyed
    }
    case JobIdRole:
        return job.id;
    case JobStateRole:
        return int(job.state);
    case JobProgressRole:
        return job.progress;
    case JobStatusRole:
        return visibleText(job.status);
    case JobErrorRole:
        return visibleText(job.error.message);
    case JobErrorDetailRole:
        return visibleText(job.error.detail);
    case JobCancelRequestedRole:
        return job.cancelRequested;
    case JobActiveRole:
        return !job.isFinished();
    case JobTimeRole:
        return job.finishedAt.isValid() ? job.finishedAt : job.startedAt.isValid() ? job.startedAt : job.queuedAt;
    case JobDurationRole:
        return job.startedAt.isValid() && job.finishedAt.isValid() ? job.startedAt.msecsTo(job.finishedAt)
                                                                   : qint64(-1);
    default:
        return {};
    }
}

QHash<int, QByteArray> JobListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(JobIdRole, "jobId");
    names.insert(JobStateRole, "state");
    names.insert(JobProgressRole, "progress");
    names.insert(JobStatusRole, "status");
    names.insert(JobErrorRole, "error");
    names.insert(JobErrorDetailRole, "errorDetail");
    names.insert(JobCancelRequestedRole, "cancelRequested");
    names.insert(JobActiveRole, "active");
    names.insert(JobTimeRole, "time");
    names.insert(JobDurationRole, "durationMs");
    return names;
}

void JobListModel::onAdded(int id)
{
    if (!m_queue)
        return;
    beginInsertRows({}, 0, 0);
    m_rows.insert(m_rows.begin(), m_queue->job(id));
    endInsertRows();
}

void JobListModel::onChanged(int id)
{
    const int row = rowOf(id);
    if (row < 0 || !m_queue)
        return;
    m_rows[std::size_t(row)] = m_queue->job(id);
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

void JobListModel::onRemoved(int id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

} // namespace gd::ui
