// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/kustomizerunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace gd::manifest {
namespace {

// The translatable sentences of this file, in the "gd::manifest" context (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(gd::manifest)
};

// kubectl needs its `kustomize` subcommand; anything else is taken for a kustomize binary (`build`).
QStringList commandFor(const QString &program)
{
    const QString base = QFileInfo(program).fileName();
    if (base == u"kubectl"_s || base.endsWith(u"kubectl"_s) || base == u"kubectl.exe"_s)
        return {program, u"kustomize"_s};
    return {program, u"build"_s};
}

} // namespace

KustomizeRunner::KustomizeRunner() = default;

KustomizeRunner::KustomizeRunner(Options options) : m_options(std::move(options)) {}

Result<QStringList> KustomizeRunner::command() const
{
    if (!m_options.program.isEmpty()) {
        QString path = m_options.program;
        if (!path.contains(u'/'))
            path = QStandardPaths::findExecutable(path);
        const QFileInfo info(path);
        if (path.isEmpty() || !info.exists() || info.isDir())
            return makeError(Error::Code::NotFound,
                             Text::tr("The kustomize program \"%1\" set in Settings does not exist; correct the "
                                      "path or clear it to use kustomize or kubectl from PATH.")
                                 .arg(m_options.program));
        if (!info.isExecutable())
            return makeError(Error::Code::NotFound,
                             Text::tr("The kustomize program \"%1\" set in Settings is not executable; correct "
                                      "the path or make the file executable.")
                                 .arg(m_options.program));
        return commandFor(info.absoluteFilePath());
    }
    const QString kustomize = QStandardPaths::findExecutable(u"kustomize"_s);
    if (!kustomize.isEmpty())
        return commandFor(kustomize);
    const QString kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
    if (!kubectl.isEmpty())
        return commandFor(kubectl);
    return makeError(Error::Code::NotFound,
                     Text::tr("Neither kustomize nor kubectl was found on PATH; install kubectl or set the "
                              "kustomize path in Settings."));
}

Result<QByteArray> KustomizeRunner::build(const QString &directory) const
{
    Result<QStringList> cmd = command();
    if (!cmd)
        return cmd.error();
    if (!QFileInfo(directory).isDir())
        return makeError(Error::Code::NotFound,
                         Text::tr("The folder \"%1\" to build with kustomize does not exist.").arg(directory));

    QStringList arguments = cmd->mid(1);
    arguments << QDir::toNativeSeparators(directory);
    QProcess process;
    process.setProgram(cmd->first());
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    const int timeoutMs = int(std::max<qint64>(1, m_options.timeout.count()));
    if (!process.waitForStarted(timeoutMs)) {
        const QString why = process.errorString();
        process.kill();
        process.waitForFinished(1000);
        return makeError(Error::Code::NotFound,
                         Text::tr("The kustomize program \"%1\" could not be started; check the path in Settings.")
                             .arg(cmd->first()),
                         why);
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return makeError(Error::Code::Timeout,
                         Text::tr("Building \"%1\" with kustomize took longer than %2 seconds and was stopped; "
                                  "try again, or raise the timeout in Settings.")
                             .arg(directory)
                             .arg(double(timeoutMs) / 1000.0, 0, 'g', 3));
    }
    const QByteArray out = process.readAllStandardOutput();
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit)
        return makeError(Error::Code::Kustomize,
                         Text::tr("kustomize stopped unexpectedly while building \"%1\"; try again.")
                             .arg(directory),
                         err);
    if (process.exitCode() != 0)
        return makeError(Error::Code::Kustomize,
                         Text::tr("The overlay in \"%1\" does not build with kustomize; fix the error shown in "
                                  "the details and try again.")
                             .arg(directory),
                         err.isEmpty() ? Text::tr("kustomize exited with code %1.").arg(process.exitCode()) : err);
    return out;
}

} // namespace gd::manifest
