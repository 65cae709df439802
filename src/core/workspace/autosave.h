// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

namespace gd::ws {

/// Unsaved editor content kept aside so that it survives a crash: which file of which project of which workspace,
/// the text, and when it was kept.
struct AutosaveEntry {
    QString workspaceFile;   ///< absolute path of the workspace.yaml
    QString project;
    QString path;            ///< repository path of the edited file
    QByteArray content;
    QDateTime savedAt;
};

/// The autosave folder of the app (one file per edited file, written atomically). Small files, written by the GUI
/// thread a few seconds after typing stops and removed once the content is saved or discarded. Not thread-safe.
class AutosaveStore {
public:
    explicit AutosaveStore(QString dir);

    QString directory() const { return m_dir; }
    /// Keeps `entry` (replacing an earlier one for the same file). Io error when the folder cannot be written.
    Result<void> save(const AutosaveEntry &entry);
    /// Forgets the entry of this file, if any.
    void remove(const QString &workspaceFile, const QString &project, const QString &path);
    /// Every readable entry of `workspaceFile`, oldest first; unreadable leftovers are skipped.
    std::vector<AutosaveEntry> entries(const QString &workspaceFile) const;

private:
    QString fileFor(const QString &workspaceFile, const QString &project, const QString &path) const;
    QString m_dir;
};

} // namespace gd::ws
