// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QString>

namespace gd::ws {

/// What `gitops-desk-cli demo init` makes.
struct DemoOptions {
    QString directory;
    int projects = 2;
    int services = 3;
    bool force = false;            ///< allow a non-empty directory (its demo repos are replaced)
    QString argocdServer = QStringLiteral("http://127.0.0.1:18080");
    QDateTime now;                 ///< the history ends shortly before this; null: the current time
};

/// Creates `directory/workspace.yaml` and bare repos below `directory/repos/`: the templates repo and
/// `projects` deployment repos with `services` services each across uat and prod, some with a canary stage,
/// each with a short release history (tag bumps as commits with release trailers, by several authors).
/// Refuses a non-empty directory unless `force`. Returns the workspace file's path. Blocking (about 0.1 s per
/// project). The content is deterministic for a given `now`: the same options give the same repos.
Result<QString> createDemoWorkspace(const DemoOptions &options);

} // namespace gd::ws
