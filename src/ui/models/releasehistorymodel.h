// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/releasehistory.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

#include <vector>

namespace gd::ui {

/// The release history of one service environment as a table, newest first: when, who, what (release, canary,
/// promote, abort, rollback, edit), from → to tag, the outcome (the journal's sync result, the rollback window of the
/// newest GA change), commit. ReleaseCommitRole on column 0 gives the full commit id.
/// GUI thread.
class ReleaseHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { WhenColumn, AuthorColumn, ChangeColumn, TagsColumn, OutcomeColumn, CommitColumn, ColumnCount };
    enum Role { ReleaseCommitRole = Qt::UserRole + 1, ReleaseSummaryRole };

    explicit ReleaseHistoryModel(QObject *parent = nullptr);

    /// Shows `entries` (a model reset). `now` is the reference for "12 min ago" (null: the current time).
    void setEntries(std::vector<ws::ReleaseEntry> entries, const QDateTime &now = {});
    /// What the action journal says of the commits (commit id → "healthy", "failed", "stopped", "pushed") and the
    /// rollback window in minutes: the Outcome column shows both (the window on the newest GA change).
    void setOutcomes(QHash<QString, QString> outcomes, int rollbackWindowMinutes);
    const std::vector<ws::ReleaseEntry> &entries() const { return m_entries; }
    const ws::ReleaseEntry *entryAt(int row) const;
    /// Re-reads translated texts after a language change.
    void retranslate();

    /// "Release (GA)", "Canary", "Promote", "Abort canary", "Roll back", "Edit": what a change is, for people.
    static QString changeText(const ws::ReleaseEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString outcomeText(int row) const;

    std::vector<ws::ReleaseEntry> m_entries;
    QDateTime m_now;
    QHash<QString, QString> m_outcomes;
    int m_windowMinutes = 30;
};

} // namespace gd::ui
