// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows/workspaceload.h"

#include "workspace/projectrepo.h"
#include "workspace/repoprovider.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace gd::flows {
namespace {

/// The recent changes of every environment folder of `project`, read from the cache (no fetch). Empty when the
/// repo cannot be read: then no cell of the project is called behind.
git::RecentChanges projectRecentChanges(const ws::WorkspaceConfig &config, git::RepoCache &cache,
                                        const ws::RepoProvider &provider, const ws::ProjectInfo &project,
                                        const std::atomic_bool *cancelled)
{
    QStringList paths;
    for (const ws::ServiceInfo &service : project.services) {
        for (const ws::EnvironmentState &env : service.environments) {
            if (!env.path.isEmpty())
                paths.append(env.path);
        }
    }
    if (paths.isEmpty())
        return {};
    auto opened = ws::openProject(config, cache, provider, project.name, false, cancelled);
    if (!opened.ok() || opened->tip.isNull())
        return {};
    auto recent = git::recentChanges(opened->repo, opened->tip, paths);
    return recent.ok() ? std::move(*recent) : git::RecentChanges();
}

} // namespace

Result<LoadedWorkspace> loadWorkspace(const ws::WorkspaceConfig &config, SharedRepoProvider provider,
                                      git::RepoCache &cache, JobContext &context, bool fetch)
{
    context.setIndeterminate();
    if (context.isCancelled())
        return makeError(Error::Code::Cancelled,
                         QCoreApplication::translate("gd::flows::WorkspaceLoad", "Loading the workspace was cancelled."));

    context.setStatus(fetch ? QCoreApplication::translate("gd::flows::WorkspaceLoad",
                                                          "Fetching the deployment repositories")
                            : QCoreApplication::translate("gd::flows::WorkspaceLoad",
                                                          "Reading the deployment repositories"));
    ws::Catalog::Options options;
    options.fetch = fetch;
    options.cancelled = context.cancelFlag();
    auto catalog = ws::Catalog::load(config, *provider, cache, options);
    if (!catalog.ok())
        return catalog.error();

    LoadedWorkspace loaded;
    loaded.config = config;
    loaded.provider = std::move(provider);
    loaded.catalog = std::move(*catalog);
    for (const ws::ProjectInfo &project : loaded.catalog.projects) {
        if (context.isCancelled())
            return makeError(Error::Code::Cancelled,
                             QCoreApplication::translate("gd::flows::WorkspaceLoad",
                                                         "Loading the workspace was cancelled."));
        if (project.problem.isEmpty())
            loaded.recentChanges.insert(project.name, projectRecentChanges(loaded.config, cache, *loaded.provider,
                                                                           project, context.cancelFlag()));
    }
    loaded.loadedAt = QDateTime::currentDateTime();
    context.setProgress(100);
    return loaded;
}

Result<EnvironmentFiles> readEnvironmentFiles(const ws::WorkspaceConfig &config, const ws::RepoProvider &provider,
                                              git::RepoCache &cache, const QString &project, const QString &folder,
                                              const std::atomic_bool *cancelled)
{
    auto opened = ws::openProject(config, cache, provider, project, false, cancelled);
    if (!opened.ok())
        return opened.error();
    if (opened->tip.isNull())
        return makeError(Error::Code::NotFound,
                         QCoreApplication::translate("gd::flows::WorkspaceLoad",
                                                     "The deployment repository of project %1 has no branch %2 "
                                                     "yet. Refresh the workspace, or check the branch in the "
                                                     "workspace file.")
                             .arg(project, config.branch));

    EnvironmentFiles files;
    files.project = project;
    files.folder = folder;
    files.commit = opened->tip;
    auto collected = opened->repo.readDirectory(opened->tip, folder, cancelled);
    if (!collected.ok()) {
        if (collected.error().code == Error::Code::NotFound)
            return makeError(Error::Code::NotFound,
                             QCoreApplication::translate("gd::flows::WorkspaceLoad",
                                                         "%1 is no longer in the repository. Refresh the workspace.")
                                 .arg(folder),
                             collected.error().fullText());
        if (collected.error().code == Error::Code::Cancelled)
            return makeError(Error::Code::Cancelled,
                             QCoreApplication::translate("gd::flows::WorkspaceLoad",
                                                         "Reading the manifest files was cancelled."));
        return collected.error();
    }
    for (auto &[path, content] : *collected)
        files.files.push_back(ManifestFile{path, std::move(content)});
    return files;
}

} // namespace gd::flows
