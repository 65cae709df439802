// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/simulateddemo.h"

#include "workspace/demoworkspace.h"

namespace gd::test {

bool SimulatedDemo::create(const QString &directory, int projects, int services, QString *error)
{
    ws::DemoOptions options;
    options.directory = directory;
    options.projects = projects;
    options.services = services;
    auto created = ws::createDemoWorkspace(options);
    if (!created.ok()) {
        *error = created.error().fullText();
        return false;
    }
    m_workspaceFile = *created;
    return true;
}

bool SimulatedDemo::startArgo(ArgoSim::Options options, QString *error,
                              const std::function<void(ws::WorkspaceConfig &)> &adjust)
{
    options.workspaceFile = m_workspaceFile;
    m_argo = std::make_unique<ArgoSim>(std::move(options));
    if (!m_argo->start(error))
        return false;
    qputenv("ARGOCD_AUTH_TOKEN", m_argo->token().toUtf8());
    return m_argo->pointWorkspace(m_workspaceFile, error, adjust);
}

} // namespace gd::test
