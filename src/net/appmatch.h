// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/argoapplication.h"

#include <QHash>
#include <QString>

#include <optional>

namespace gd::argo {

/// Which service environment an Application deploys, found from spec.source.repoURL + path
/// (`appsmanifests/{service}/{env}/manifests` for the workload, `…/manifests/pipeline` for the pipeline), so that
/// Applications GitOps Desk did not create match too.
struct AppMatch {
    enum class Kind { Workload, Pipeline };
    QString project;
    QString service;
    QString environment;
    Kind kind = Kind::Workload;
};

/// Matches Applications against the workspace's deployment repos. Cheap; any thread.
class AppMatcher {
public:
    /// Registers `project`'s repo URL (any spelling: https with or without .git, ssh scp-style, file:// or a path).
    void addRepository(const QString &project, const QString &repoUrl);
    /// The match, or nullopt for an Application of another repo or another path (listed apart in the UI).
    std::optional<AppMatch> match(const Application &application) const;

    /// The comparable form of a repo URL: host + path, lower-case host, no scheme, user, ".git" or trailing '/'.
    static QString normalizeRepoUrl(const QString &url);

private:
    QHash<QString, QString> m_projectByRepo;
};

} // namespace gd::argo
