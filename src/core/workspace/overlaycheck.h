// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/objectid.h"
#include "git/repository.h"
#include "manifest/diagnostic.h"
#include "manifest/kustomization.h"
#include "manifest/kustomizerunner.h"
#include "manifest/manifestcheck.h"
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

/// Validates a service environment folder on disk (`dir` holds application*.yaml and manifests/): every YAML file
/// passes manifest::checkManifest in the role its folder's kustomization gives it (syntax, duplicate keys,
/// deprecated or unknown kustomization fields, referenced files that are missing, Kubernetes basics;
/// application*.yaml as Argo CD Applications), the overlay builds with kustomize (skipped after YAML errors), and
/// every `images:` entry matches a container of the rendered output. Blocking (runs kustomize).
ValidationReport validateDirectory(const QString &dir, const manifest::KustomizeRunner &runner);

/// Extracts `service`/`env` of `commit` into a temporary folder and validates it. NotFound when the folder is absent.
Result<ValidationReport> validateServiceEnv(const git::Repository &repo, const git::ObjectId &commit,
                                            const QString &service, const QString &env,
                                            const manifest::KustomizeRunner &runner);

/// The environment's overlay built by kustomize at `commit` (a temporary extraction). Blocking.
Result<QByteArray> renderServiceEnv(const git::Repository &repo, const git::ObjectId &commit, const QString &service,
                                    const QString &env, const manifest::KustomizeRunner &runner);

} // namespace gd::ws
