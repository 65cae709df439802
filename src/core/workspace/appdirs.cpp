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

} // namespace gd::ws
