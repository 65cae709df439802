// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/argoclient.h"
#include "util/result.h"

#include <QProcessEnvironment>
#include <QString>

namespace gd::argo {

/// A server and token read from the argocd CLI's own configuration, so a user who ran `argocd login` is connected
/// at once (reference/argocd-api.md §11).
struct CliLogin {
    QString configPath;     ///< the file it came from, empty when only environment variables were used
    QString contextName;
    ArgoServer server;      ///< scheme from plain-text, insecure from the server entry
};

/// Reads the argocd CLI config: $ARGOCD_CONFIG_DIR/config, else ~/.argocd/config when ~/.argocd exists, else
/// $XDG_CONFIG_HOME/argocd/config, else ~/.config/argocd/config; ARGOCD_SERVER and ARGOCD_AUTH_TOKEN override.
/// `contextName` empty means the current-context. NotFound when there is no login to use. Blocking file read.
Result<CliLogin> readArgoCliLogin(const QProcessEnvironment &environment, const QString &contextName = {});

} // namespace gd::argo
