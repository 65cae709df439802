// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace gd::test {

/// What one run of gitops-desk-cli left: its exit code (-1 when it crashed) and its raw output.
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// The environment a test runs gitops-desk-cli in: this process's, with home, config, data and cache folders below
/// `sandbox` (the cache `cacheDir` when set), no system git config, no keychain and no argocd CLI config.
QProcessEnvironment cliEnvironment(const QString &sandbox, const QString &cacheDir = {});

/// Runs gitops-desk-cli (path from env GD_CLI) with `arguments` in cliEnvironment(sandbox, cacheDir) and waits for
/// it (at most three minutes, then the test aborts).
CliRun runCli(const QString &sandbox, const QStringList &arguments, const QString &cacheDir = {});

} // namespace gd::test
