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

QProcessEnvironment KustomizeRunner::childEnvironment(const QProcessEnvironment &from, bool network)
{
    // What kustomize and kubectl read: PATH to find git (remote resources), HOME and XDG_* for their caches, the
    // temporary folder, time zone and locale. Proxies carry no secret of ours; TLS roots and the SSH agent only matter
    // when kustomize may fetch.
    static const QStringList kept{u"PATH"_s,        u"HOME"_s,        u"TMPDIR"_s,      u"TZ"_s,
                                  u"LANG"_s,        u"LANGUAGE"_s,    u"XDG_CACHE_HOME"_s, u"XDG_CONFIG_HOME"_s,
                                  u"HTTP_PROXY"_s,  u"HTTPS_PROXY"_s, u"NO_PROXY"_s,    u"http_proxy"_s,
                                  u"https_proxy"_s, u"no_proxy"_s};
    static const QStringList keptForNetwork{u"SSL_CERT_FILE"_s, u"SSL_CERT_DIR"_s, u"SSH_AUTH_SOCK"_s,
                                            u"GIT_SSL_CAINFO"_s};
    QProcessEnvironment out;
    for (const QString &name : from.keys()) {
        if (kept.contains(name) || name.startsWith(u"LC_"_s) || (network && keptForNetwork.contains(name)))
            out.insert(name, from.value(name));
    }
    return out;
}

Result<QByteArray> KustomizeRunner::build(const QString &directory) const
{
    Result<QStringList> cmd = command();
    if (!cmd)
        return cmd.error();
    if (!QFileInfo(directory).isDir())
        return makeError(Error::Code::NotFound,
                         Text::tr("The folder \"%1\" to build with kustomize does not exist.").arg(directory));

    // Root-only loading is kustomize's default; said explicitly so that no configuration can widen it: a file a
    // kustomization names must lie below its own folder (bases are their own roots).
    QStringList arguments = cmd->mid(1);
    arguments << u"--load-restrictor"_s << u"LoadRestrictionsRootOnly"_s << QDir::toNativeSeparators(directory);
    QProcess process;
    process.setProcessEnvironment(childEnvironment(QProcessEnvironment::systemEnvironment(),
                                                   m_options.allowRemoteResources));
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
