// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/appdirs.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {

QString repoCacheDir()
{
    const QString overridden = qEnvironmentVariable("GITOPS_DESK_CACHE_DIR");
    if (!overridden.isEmpty())
        return QDir::cleanPath(overridden);
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u"/gitops-desk/repos"_s;
}

namespace {

// A name used as one folder level: nothing that could climb out of it or add levels.
bool usableFolderName(const QString &name)
{
    return !name.isEmpty() && name != u"."_s && !name.contains(u".."_s) && !name.contains(u'/')
           && !name.contains(u'\\') && !name.contains(QChar(0));
}

} // namespace

QString dataDir()
{
    const QString overridden = qEnvironmentVariable("GITOPS_DESK_DATA_DIR");
    if (!overridden.isEmpty())
        return QDir::cleanPath(overridden);
    // Not AppLocalDataLocation: the GUI and the CLI have different application names, and they must agree.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/gitops-desk"_s;
}

QString workingCloneDir(const QString &workspaceName, const QString &project)
{
    if (!usableFolderName(workspaceName) || !usableFolderName(project))
        return {};
    return dataDir() + u"/working/"_s + workspaceName + u'/' + project;
}

QString autosaveDir()
{
    return dataDir() + u"/autosave"_s;
}

} // namespace gd::ws
