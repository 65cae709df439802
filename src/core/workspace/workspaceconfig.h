// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QString>

#include <vector>

namespace gd::ws {

/// One deployment environment (uat, prod, ...).
struct EnvironmentConfig {
    QString name;
    QString cluster = QStringLiteral("https://kubernetes.default.svc");
    QString namespacePattern = QStringLiteral("{project}-{env}");   ///< {project}, {service}, {env} are replaced
    bool canaryAllowed = true;
    bool approvalRequired = false;

    /// The namespace `service` of `project` deploys to here: namespacePattern with its placeholders replaced.
    QString namespaceFor(const QString &project, const QString &service) const;
};

/// A team-shareable `workspace.yaml` (no secrets). Example:
/// \code
/// name: Demo
/// provider: {type: local, path: repos}        # or {type: gitlab, url: https://gitlab.example.com, group: ops}
/// repoPrefix: argocd-gitops-
/// branch: main
/// templates: builtin                          # or {url: <git url>, branch: main, commit: <40 hex digits>}
/// argocd: {server: http://127.0.0.1:18080, insecure: false, caBundle: ""}   # or {context: prod}
/// environments:
///   - {name: uat, cluster: https://kubernetes.default.svc, namespace: "{project}-uat", canary: true, approval: false}
/// registry: {type: registry2, url: https://registry.example.com}
/// release: {rollbackWindowMinutes: 30}
/// kustomize: {allowRemoteResources: false}    # true: overlays may name remote resources (kustomize fetches them)
/// \endcode
struct WorkspaceConfig {
    enum class ProviderType { Local, GitLab };

    QString filePath;   ///< absolute path of the file this was read from
    QString name;
    ProviderType provider = ProviderType::Local;
    QString localPath;  ///< local: absolute folder of bare repos (relative paths resolve against the file)
    QString gitlabUrl;
    QString gitlabGroup;
    QString repoPrefix = QStringLiteral("argocd-gitops-");
    QString branch = QStringLiteral("main");
    QString templatesUrl;   ///< empty: builtin templates
    QString templatesBranch = QStringLiteral("main");
    QString templatesCommit;   ///< empty: the tip of templatesBranch; else the pinned commit (40 lower-case hex digits)
    QString argocdServer;
    QString argocdContext;
    bool argocdInsecure = false;
    QString argocdCaBundle;
    std::vector<EnvironmentConfig> environments;
    QString registryType;
    QString registryUrl;
    int rollbackWindowMinutes = 30;
    bool allowRemoteResources = false;   ///< kustomize.allowRemoteResources

    /// Reads and checks `path`. The error names the file, the bad key and its line, e.g.
    /// "workspace.yaml line 3: provider.type must be "local" or "gitlab", not "svn"."
    static Result<WorkspaceConfig> load(const QString &path);
    /// Parses `text` as if read from `path` (relative paths resolve against it).
    static Result<WorkspaceConfig> parse(const QByteArray &text, const QString &path);
    /// The YAML text of this configuration (what `load` reads back).
    QByteArray toYaml() const;

    /// The environment called `name`, or nullptr.
    const EnvironmentConfig *environment(const QString &name) const;
    /// The deployment repo's name for `project`: repoPrefix + project.
    QString repoNameFor(const QString &project) const { return repoPrefix + project; }
};

} // namespace gd::ws
