// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the window-level GUI tests share: a private home for the app (settings, caches, data, no keychain, a git
// identity) and finding rows of the project tree.

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>

namespace gd::test {

/// Points everything the app reads or writes below `tmp`: HOME and XDG config (argocd CLI config, .gitconfig with
/// the identity "Li Wei"), the repo cache and data folders, test-mode settings named `applicationName`; no D-Bus
/// session (no keychain) and no ARGOCD_SERVER. False when a folder cannot be made.
inline bool isolateAppFolders(const QTemporaryDir &tmp, const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GitOpsDeskTest"));
    QCoreApplication::setApplicationName(applicationName);
    QSettings().clear();
    const QString home = tmp.filePath(QStringLiteral("home"));
    if (!QDir().mkpath(home + QStringLiteral("/.config")))
        return false;
    qputenv("HOME", QFile::encodeName(home));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home + QStringLiteral("/.config")));
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    qputenv("GITOPS_DESK_CACHE_DIR", QFile::encodeName(tmp.filePath(QStringLiteral("cache"))));
    qputenv("GITOPS_DESK_DATA_DIR", QFile::encodeName(tmp.filePath(QStringLiteral("data"))));
    qputenv("GIT_CONFIG_GLOBAL", QFile::encodeName(home + QStringLiteral("/.gitconfig")));
    qunsetenv("ARGOCD_SERVER");
    QFile gitconfig(home + QStringLiteral("/.gitconfig"));
    if (!gitconfig.open(QIODevice::WriteOnly))
        return false;
    gitconfig.write("[user]\n\tname = Li Wei\n\temail = li.wei@example.com\n");
    return true;
}

/// The row of the tree whose display texts along the way are `path` ({project, service, environment}), or an
/// invalid index.
inline QModelIndex findTreeRow(const QAbstractItemModel *model, const QStringList &path, const QModelIndex &parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == path.front())
            return path.size() == 1 ? index : findTreeRow(model, path.mid(1), index);
    }
    return {};
}

} // namespace gd::test
