// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>

namespace gd::manifest {

/// Runs the real `kustomize build DIR` or `kubectl kustomize DIR` (no shell, an argument list, a timeout).
class KustomizeRunner {
public:
    struct Options {
        QString program;   ///< a configured path to kustomize or kubectl; empty: look on PATH (kustomize, then kubectl)
        std::chrono::milliseconds timeout{60000};
        bool allowRemoteResources = false;   ///< the workspace lets overlays name remote resources (kustomize fetches)
    };

    KustomizeRunner();
    explicit KustomizeRunner(Options options);

    /// The program and leading arguments it will run, e.g. {"/usr/bin/kubectl", "kustomize"}: a configured program
    /// whose file name ends in "kubectl" runs `kubectl kustomize DIR`, any other `PROGRAM build DIR`.
    /// NotFound with a sentence saying what to install or configure when there is neither, or when the configured
    /// program does not exist or is not executable.
    Result<QStringList> command() const;

    const Options &options() const { return m_options; }

    /// The environment every child process of GitOps Desk gets (DESIGN.md §6): PATH, HOME, TMPDIR, TZ, the locale
    /// (LANG, LANGUAGE, LC_*) and the proxy settings, and with `network` the TLS and SSH agent settings git needs to
    /// fetch remote resources; never a token or anything else of `from`.
    static QProcessEnvironment childEnvironment(const QProcessEnvironment &from, bool network);

    /// Builds the kustomization in `directory` (with --load-restrictor LoadRestrictionsRootOnly and the
    /// childEnvironment()) and returns the rendered YAML stream (stdout). Blocking (about 0.1 s):
    /// call on a worker thread; no event loop needed. Errors: NotFound (no program, or `directory` missing),
    /// Kustomize (non-zero exit or crash; `detail` is stderr trimmed), Timeout (the process is killed).
    Result<QByteArray> build(const QString &directory) const;

private:
    Options m_options;
};

} // namespace gd::manifest
