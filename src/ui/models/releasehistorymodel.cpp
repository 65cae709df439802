// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/releasehistorymodel.h"

#include "util/terminaltext.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

ReleaseHistoryModel::ReleaseHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReleaseHistoryModel::setEntries(std::vector<ws::ReleaseEntry> entries, const QDateTime &now)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_now = now;
    endResetModel();
}

void ReleaseHistoryModel::setOutcomes(QHash<QString, QString> outcomes, int rollbackWindowMinutes)
{
    m_outcomes = std::move(outcomes);
    m_windowMinutes = rollbackWindowMinutes;
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(0, OutcomeColumn), index(rowCount() - 1, OutcomeColumn));
}

QString ReleaseHistoryModel::outcomeText(int row) const
{
    const ws::ReleaseEntry &entry = m_entries[std::size_t(row)];
    QStringList parts;
    const QString step = m_outcomes.value(entry.commit.toHex());
    if (step == u"healthy")
        parts.append(tr("Synced and healthy"));
    else if (step == u"failed")
        parts.append(tr("Sync or health failed"));
    else if (step == u"stopped")
        parts.append(tr("Pushed; not followed"));
    else if (step == u"pushed")
        parts.append(tr("Pushed"));
    // The rollback window belongs to the newest GA change only.
    const auto newestGa = std::find_if(m_entries.begin(), m_entries.end(), [](const ws::ReleaseEntry &e) {
        return e.stage == u"ga" && !e.toTag.isEmpty();
    });
    if (newestGa != m_entries.end() && &*newestGa == &entry && entry.kind != u"rollback" && entry.kind != u"abort") {
        const QDateTime deadline = ws::rollbackDeadline(entry, m_windowMinutes);
        const QString time = QLocale().toString(deadline.toLocalTime(), QLocale::ShortFormat);
        parts.append(ws::openRollbackWindow(m_entries, m_windowMinutes) == &entry
                         ? tr("roll back until %1").arg(time)
                         : tr("rollback window closed %1").arg(time));
    }
    return parts.join(u" · "_s);
}

const ws::ReleaseEntry *ReleaseHistoryModel::entryAt(int row) const
{
    return row >= 0 && row < int(m_entries.size()) ? &m_entries[std::size_t(row)] : nullptr;
}

void ReleaseHistoryModel::retranslate()
{
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QString ReleaseHistoryModel::changeText(const ws::ReleaseEntry &entry)
{
    const bool canary = entry.stage == u"canary";
    if (entry.kind == u"promote")
        return tr("Promote to GA");
    if (entry.kind == u"abort")
        return tr("Abort canary");
    if (entry.kind == u"rollback")
        return canary ? tr("Roll back (canary)") : tr("Roll back");
    if (entry.kind == u"release")
        return canary ? tr("Release (canary)") : tr("Release (GA)");
    if (!entry.toTag.isEmpty())
        return canary ? tr("Tag change (canary)") : tr("Tag change (GA)");
    return tr("Edit");
}

int ReleaseHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ReleaseHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReleaseHistoryModel::data(const QModelIndex &index, int role) const
{
    const ws::ReleaseEntry *entry = entryAt(index.row());
    if (entry == nullptr)
        return {};
    if (role == ReleaseCommitRole)
        return entry->commit.toHex();
    // Names and summaries come from whoever wrote the commit: their control characters are shown, not obeyed.
    if (role == ReleaseSummaryRole)
        return visibleText(entry->summary, TextLines::Single);
    if (role == Qt::ToolTipRole)
        return QString(visibleText(entry->summary, TextLines::Single) + u"\n"_s + entry->commit.toHex());
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case WhenColumn: {
        const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
        const qint64 minutes = entry->when.secsTo(now) / 60;
        if (minutes == 0)
            return tr("just now");
        if (minutes > 0 && minutes < 60)
            return tr("%n min ago", nullptr, int(minutes));
        return QLocale().toString(entry->when.toLocalTime(), QLocale::ShortFormat);
    }
    case AuthorColumn:
        return visibleText(entry->author.name, TextLines::Single);
    case ChangeColumn:
        return changeText(*entry);
    case TagsColumn:
        if (entry->fromTag.isEmpty() && entry->toTag.isEmpty())
            return QString();
        return visibleText(QString((entry->fromTag.isEmpty() ? u"—"_s : entry->fromTag) + u" → "_s
                                   + (entry->toTag.isEmpty() ? u"—"_s : entry->toTag)),
                           TextLines::Single);
    case OutcomeColumn:
        return outcomeText(index.row());
    case CommitColumn:
        return entry->commit.shortHex();
    default:
        return {};
    }
}

QVariant ReleaseHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case AuthorColumn:
        return tr("Who");
    case ChangeColumn:
        return tr("Change");
    case TagsColumn:
        return tr("Tag");
    case OutcomeColumn:
        return tr("Outcome");
    case CommitColumn:
        return tr("Commit");
    default:
        return {};
    }
}

} // namespace gd::ui
