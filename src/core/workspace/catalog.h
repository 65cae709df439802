// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/objectid.h"
#include "git/repocache.h"
#include "git/repository.h"
#include "manifest/kustomization.h"
#include "util/result.h"
#include "workspace/repoprovider.h"
#include "workspace/workspaceconfig.h"

#include <QDateTime>
#include <QString>

#include <atomic>
#include <vector>

namespace gd::ws {

/// One service in one environment, as the branch tip of its deployment repo says.
struct EnvironmentState {
    QString environment;
    bool canaryStage = false;   ///< the top kustomization lists the canary overlay
    QString image;              ///< the GA image name (newName, else name)
    QString gaTag;
    QString canaryTag;          ///< empty when the canary overlay is not in use
    QString path;               ///< "appsmanifests/{service}/{env}"
    QString problem;            ///< a sentence when the folder could not be read (then the tags are empty)
};

struct ServiceInfo {
    QString name;
    std::vector<EnvironmentState> environments;   ///< sorted by the workspace's environment order, then name
};

struct ProjectInfo {
    QString name;
    QString repoUrl;
    git::ObjectId tip;          ///< null for an empty repo
    std::vector<ServiceInfo> services;   ///< sorted by name
    QString problem;            ///< a sentence when the repo could not be read, or was read from the cached copy
    /// Set when the fetch failed and what is shown is the cached copy: when that copy was last fetched (invalid
    /// when the cache does not say). `problem` then names the cached copy, its age and why the fetch failed.
    bool fromCache = false;
    QDateTime cachedAt;

    /// Nothing of the project could be read: no cached copy to show, only the problem.
    bool unreadable() const { return tip.isNull() && !problem.isEmpty(); }
};

/// When the cached copy at `cachePath` (a bare repository of the repo cache) last reached its remote: the time
/// FETCH_HEAD was written, else the time the tracking ref of `branch` last changed; invalid when neither says.
/// A few stat calls, any thread.
QDateTime lastFetched(const QString &cachePath, const QString &branch);
/// "the cached copy of 2026-12-07 04:10 (3 hours old)": what a sentence says about data read from a cached copy
/// last fetched at `fetchedAt` (local time; "of unknown age" when invalid), as seen at `now`.
QString cachedCopyText(const QDateTime &fetchedAt, const QDateTime &now = QDateTime::currentDateTime());

/// Everything the browser shows, read from git objects (no working tree).
struct CatalogSnapshot {
    std::vector<ProjectInfo> projects;   ///< sorted by name

    const ProjectInfo *project(const QString &name) const;
    const ServiceInfo *service(const QString &project, const QString &service) const;
    const EnvironmentState *environment(const QString &project, const QString &service, const QString &env) const;
    int serviceEnvironmentCount() const;
};

/// Reads the catalog. Blocking: call on a worker thread.
class Catalog {
public:
    struct Options {
        bool fetch = true;   ///< fetch each repo first; false reads what the cache already has
        const std::atomic_bool *cancelled = nullptr;
    };

    /// Every project of the workspace, from the repos `provider` lists. A project that fails to load is listed with
    /// its `problem` set; only a failure to list projects at all is an Error.
    static Result<CatalogSnapshot> load(const WorkspaceConfig &config, const RepoProvider &provider,
                                        git::RepoCache &cache, const Options &options);
    /// The same for a `local` workspace (its provider needs no credentials); InvalidInput for another provider.
    static Result<CatalogSnapshot> load(const WorkspaceConfig &config, git::RepoCache &cache, const Options &options);
    static Result<CatalogSnapshot> load(const WorkspaceConfig &config, git::RepoCache &cache)
    {
        return load(config, cache, Options{});
    }

    /// One project's services at commit `tip` of an opened repository.
    static ProjectInfo readProject(const QString &name, const git::Repository &repo, const git::ObjectId &tip,
                                   const WorkspaceConfig &config);
    /// One service environment at commit `tip` (a few blob reads). `problem` says why when the folder or its
    /// kustomizations cannot be read (also when it does not exist).
    static EnvironmentState readEnvironment(const git::Repository &repo, const git::ObjectId &tip,
                                            const QString &service, const QString &env);
};

/// The `images:` entry an overlay releases: the first one that carries a tag or a digest, else the first one;
/// nullptr when the overlay has none. The catalog and the release engine read tags through this one rule.
const manifest::KustomizeImage *releasedImage(const manifest::Kustomization &overlay);
/// The tag an image entry sets (its digest when it sets no tag).
QString releasedTag(const manifest::KustomizeImage &image);
/// The image repository an entry deploys: its newName, else its name.
QString releasedRepository(const manifest::KustomizeImage &image);
/// True when the top kustomization of an environment lists the overlay folder `overlay` ("canary", "ga") among its
/// resources (written as "canary", "./canary" or "canary/").
bool listsOverlay(const manifest::Kustomization &top, QStringView overlay);

} // namespace gd::ws
