// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/clirun.h"

#include <QDir>
#include <QProcess>

using namespace Qt::Literals::StringLiterals;

namespace gd::test {

QProcessEnvironment cliEnvironment(const QString &sandbox, const QString &cacheDir)
{
    const QDir dir(sandbox);
    QDir().mkpath(dir.filePath(u"home/.config"_s));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GITOPS_DESK_CACHE_DIR"_s, cacheDir.isEmpty() ? dir.filePath(u"cache"_s) : cacheDir);
    env.insert(u"GITOPS_DESK_DATA_DIR"_s, dir.filePath(u"data"_s));
    env.insert(u"HOME"_s, dir.filePath(u"home"_s));   // no argocd CLI config or git identity of the machine's user
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"home/.config"_s));
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.remove(u"ARGOCD_SERVER"_s);
    env.remove(u"ARGOCD_CONFIG_DIR"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);   // no keychain here
    return env;
}

CliRun runCli(const QString &sandbox, const QStringList &arguments, const QString &cacheDir)
{
    QProcess process;
    process.setProcessEnvironment(cliEnvironment(sandbox, cacheDir));
    process.start(qEnvironmentVariable("GD_CLI"), arguments);
    if (!process.waitForFinished(180000))
        qFatal("gitops-desk-cli %s did not finish", qPrintable(arguments.join(u' ')));
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace gd::test
