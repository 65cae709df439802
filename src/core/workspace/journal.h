// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <mutex>
#include <vector>

namespace gd::ws {

/// One step of an operation as the action journal keeps it (DESIGN.md §2.1: local storage holds an action journal,
/// never the only copy of anything; Git stays the truth).
struct JournalEntry {
    QDateTime when;          ///< UTC; set by append() when null
    QString workspace;       ///< the workspace's name
    QString project;
    QString service;
    QString environment;
    QString operation;       ///< "release", "promote", "abort", "rollback", "commit"
    QString step;            ///< "requested", "pushed", "synced", "healthy", "failed", "refused", …
    QString commit;          ///< the commit concerned, when there is one
    QString message;         ///< a sentence (never a secret)
};

/// The action journal: one JSON object per line in a file, appended atomically per line, readable by people and
/// tools (`tail -f`). Thread-safe: workers and the GUI thread may append at the same time.
class Journal {
public:
    explicit Journal(QString filePath);

    QString filePath() const { return m_path; }
    /// Appends `entry`. Io error when the file cannot be written (the operation itself goes on).
    Result<void> append(JournalEntry entry);
    /// The newest `limit` entries (all when negative), oldest first; unreadable lines are skipped.
    std::vector<JournalEntry> read(int limit = -1) const;

    /// What the journal last says of each commit of `service` in `env` of `project`: commit id → the step of its
    /// newest entry ("pushed", "healthy", "failed", "stopped"). Reads the whole file.
    QHash<QString, QString> outcomes(const QString &project, const QString &service, const QString &env) const;

    /// The app's journal: dataDir() + "/journal.jsonl", shared by the GUI and the CLI.
    static Journal &shared();

private:
    QString m_path;
    mutable std::mutex m_mutex;
};

} // namespace gd::ws
