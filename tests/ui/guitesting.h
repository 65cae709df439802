// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the window-level GUI tests share: a private home for the app (settings, caches, data, no keychain, a git
// identity), a main window with a workspace open, finding rows of the project tree and named children, typing into
// a line edit, and screenshots.

#include "ui/mainwindow.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPixmap>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <memory>

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

/// The child of `parent` called `name`; ends the test run (qFatal) when there is none, so a renamed widget says so
/// instead of crashing on a null pointer.
template<typename T>
T *child(const QWidget *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (found == nullptr)
        qFatal("no child %s", qPrintable(name));
    return found;
}

template<typename T>
T *child(const QWidget &parent, const QString &name)
{
    return child<T>(&parent, name);
}

/// Types `text` into `edit` the way a user does: focus, select all, Delete, then the keys.
inline void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

/// True once `spy` has recorded its signal: at once when it already has (QSignalSpy::wait only counts emissions
/// after the call), else when it comes within `timeoutMs`.
inline bool emitted(QSignalSpy &spy, int timeoutMs)
{
    return !spy.isEmpty() || spy.wait(timeoutMs);
}

/// A shown main window of `size`; when `size` is empty, 185 average characters by 50 lines of its font.
inline std::unique_ptr<gd::ui::MainWindow> showMainWindow(QSize size = {})
{
    auto window = std::make_unique<gd::ui::MainWindow>();
    if (size.isEmpty()) {
        const QFontMetrics fm = window->fontMetrics();
        size = QSize(fm.averageCharWidth() * 185, fm.height() * 50);
    }
    window->resize(size);
    window->show();
    return window;
}

/// A shown main window (showMainWindow(`size`)) that has opened `workspaceFile`; null when workspaceLoaded does not
/// come within `timeoutMs`.
inline std::unique_ptr<gd::ui::MainWindow> openWorkspaceWindow(const QString &workspaceFile, int timeoutMs,
                                                               QSize size = {})
{
    auto window = showMainWindow(size);
    QSignalSpy loaded(window.get(), &gd::ui::MainWindow::workspaceLoaded);
    window->openWorkspace(workspaceFile);
    if (!emitted(loaded, timeoutMs))
        return nullptr;
    return window;
}

/// Where the GUI tests save their screenshots: $GD_BUILD_DIR/screenshots (below the temp folder when unset).
inline QString screenshotDir()
{
    return qEnvironmentVariable("GD_BUILD_DIR", QDir::tempPath()) + QStringLiteral("/screenshots");
}

/// Saves `widget` as it looks once pending events are handled as screenshotDir()/`name` (a .png name); the test
/// fails when the folder cannot be made, the widget cannot be grabbed or the file cannot be written.
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = screenshotDir();
    QVERIFY2(QDir().mkpath(dir), qPrintable(dir));
    QCoreApplication::processEvents();
    const QPixmap shot = widget->grab();
    QVERIFY(!shot.isNull());
    QVERIFY2(shot.save(dir + u'/' + name), qPrintable(dir + u'/' + name));
}

} // namespace gd::test
