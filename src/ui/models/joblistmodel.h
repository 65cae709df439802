// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flows/job.h"
#include "ui/models/joblistroles.h"

#include <QAbstractListModel>
#include <QPointer>

#include <vector>

namespace gd::flows {
class JobQueue;
}

namespace gd::ui {

/// The Activity panel's list: one row per job of a JobQueue, newest first, following its signals.
/// Keeps its own copy of each JobInfo, so rows stay consistent while the queue changes. GUI thread.
class JobListModel : public QAbstractListModel {
    Q_OBJECT

public:
    explicit JobListModel(flows::JobQueue *queue, QObject *parent = nullptr);

    /// The job id on `row`, 0 when out of range.
    int jobId(int row) const;
    /// The row showing job `id`, -1 when not listed.
    int rowOf(int id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void onAdded(int id);
    void onChanged(int id);
    void onRemoved(int id);

    QPointer<flows::JobQueue> m_queue;
    std::vector<flows::JobInfo> m_rows;   ///< newest first
};

} // namespace gd::ui
