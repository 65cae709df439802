// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "support/argocdsim.h"

#include <QString>

#include <functional>
#include <memory>

namespace gd::test {

/// The demo workspace of an end-to-end test (real bare repos, its templates repository) and, when the test wants
/// Argo CD, the simulator serving its Applications with the workspace file pointing at it.
class SimulatedDemo {
public:
    /// Creates the demo workspace in `directory` (ws::createDemoWorkspace) with `projects` deployment repos of
    /// `services` services each. Blocking (about 0.1 s a project). False with `error` set when it cannot.
    bool create(const QString &directory, int projects, int services, QString *error);
    /// The demo's workspace.yaml; empty before create().
    QString workspaceFile() const { return m_workspaceFile; }

    /// Starts the simulator for the demo with `options` (its workspaceFile is the demo's), sets ARGOCD_AUTH_TOKEN to
    /// the simulator's token for the app under test, and points the workspace file at it (ArgoSim::pointWorkspace,
    /// with `adjust`). Blocks until the simulator answers (up to a minute). False with `error` set when a step fails.
    bool startArgo(ArgoSim::Options options, QString *error,
                   const std::function<void(ws::WorkspaceConfig &)> &adjust = {});
    /// The simulator; null before startArgo().
    ArgoSim *argo() const { return m_argo.get(); }

private:
    QString m_workspaceFile;
    std::unique_ptr<ArgoSim> m_argo;
};

} // namespace gd::test
