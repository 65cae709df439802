// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/filechanges.h"
#include "git/objectid.h"
#include "git/repository.h"
#include "manifest/diagnostic.h"
#include "manifest/kustomization.h"
#include "manifest/kustomizerunner.h"
#include "manifest/manifestcheck.h"
#include "util/names.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace gd::ws {

/// Repository paths of one service environment (DESIGN.md §1).
struct ServiceEnvPaths {
    static QString folder(const QString &service, const QString &env)
    {
        return QStringLiteral("appsmanifests/") + service + QLatin1Char('/') + env;
    }
    static QString manifests(const QString &service, const QString &env)
    {
        return folder(service, env) + QStringLiteral("/manifests");
    }
    /// The service and environment whose folder holds repository path `path`; false when it is in none (a name that
    /// is not a DNS-1123 label, such as the scaffold answers' ".gitops-desk", names no environment).
    static bool parse(const QString &path, QString *service, QString *env)
    {
        const QStringList parts = path.split(QLatin1Char('/'));
        if (parts.size() < 4 || parts[0] != QStringLiteral("appsmanifests") || !isDnsLabel(parts[1])
            || !isDnsLabel(parts[2]))
            return false;
        *service = parts[1];
        *env = parts[2];
        return true;
    }
};

/// One finding of a validation, in a file relative to the service environment folder.
struct Finding {
    QString file;
    manifest::Diagnostic diagnostic;
};

/// What validating a service environment found. Errors block a commit; warnings do not.
struct ValidationReport {
    std::vector<Finding> findings;
    QByteArray rendered;   ///< the built overlay when it built

    bool hasErrors() const;
    int errorCount() const;
    int warningCount() const;
};

/// What `file` (relative to a service environment folder) is checked as: an Argo CD Application when it is an
/// application*.yaml at the folder's root, else what the kustomization beside it (null when none) makes of it.
manifest::ManifestRole roleInServiceEnv(const QString &file, const manifest::Kustomization *sibling);

struct StagedRender;

/// Validates a service environment folder on disk (`dir` holds application*.yaml and manifests/), confined to the
/// repository it lies in (the nearest folder above it with a .git, else `dir` itself): what it references is checked
/// and copied first (stageFolder: no path out of the repository, no link, no remote resource unless the runner
/// allows them), then, as validateStaged does: every YAML file
/// passes manifest::checkManifest in the role its folder's kustomization gives it (syntax, duplicate keys,
/// deprecated or unknown kustomization fields, referenced files that are missing, Kubernetes basics;
/// application*.yaml as Argo CD Applications), the overlay builds with kustomize (skipped after YAML errors), and
/// every `images:` entry matches a container of the rendered output. Blocking (runs kustomize).
ValidationReport validateDirectory(const QString &dir, const manifest::KustomizeRunner &runner);

/// The checks of validateDirectory on a folder that stageFolder copied: its refusals alone when it refused (nothing
/// runs), else every finding; messages name repository paths, not the scratch folder.
ValidationReport validateStaged(const StagedRender &staged, const manifest::KustomizeRunner &runner);

/// Stages `service`/`env` of `commit` (with `changes` laid over it: the environment as a change would land) into a
/// temporary folder and validates it. NotFound when the folder is absent.
Result<ValidationReport> validateServiceEnv(const git::Repository &repo, const git::ObjectId &commit,
                                            const QString &service, const QString &env,
                                            const manifest::KustomizeRunner &runner,
                                            const git::FileChanges &changes = {});

/// The environment's overlay built by kustomize at `commit` (with `changes` laid over it; a temporary staging).
/// InvalidInput naming file:line when a reference is refused (see stageFolder). Blocking.
Result<QByteArray> renderServiceEnv(const git::Repository &repo, const git::ObjectId &commit, const QString &service,
                                    const QString &env, const manifest::KustomizeRunner &runner,
                                    const git::FileChanges &changes = {});

/// The first error of `findings` (files relative to `folder`) as "folder/file:line: sentence"; empty when none.
QString firstError(const std::vector<Finding> &findings, const QString &folder);
inline QString firstError(const ValidationReport &report, const QString &folder)
{
    return firstError(report.findings, folder);
}

} // namespace gd::ws
