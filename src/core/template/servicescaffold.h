// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/filechanges.h"
#include "template/templaterenderer.h"
#include "template/templateset.h"
#include "util/result.h"

#include <QString>

#include <optional>

namespace gd::tmpl {

/// What a new service/environment is made of: the answers of the New Service wizard.
struct ServiceSpec {
    QString project;
    QString service;
    QString environment;
    QString language = QStringLiteral("go");
    bool canaryStage = false;            ///< top kustomization lists [canary, ga] instead of [ga]
    QString imageRepository;             ///< e.g. "registry.example.com/shop/orders"
    QString gaTag = QStringLiteral("0.1.0");
    QString canaryTag;                   ///< defaults to gaTag
    int port = 8080;
    std::optional<int> replicas = 2;     ///< nullopt: an HPA scales it and the replicas line is left out
    QString cluster = QStringLiteral("https://kubernetes.default.svc");
    QString namespaceName;               ///< defaults to "{project}-{environment}"
    bool selfHeal = true;
    QString repoUrl;                     ///< the deployment repo's URL, for both Applications
    QString argocdProject = QStringLiteral("default");
    QString branch = QStringLiteral("main");
    QString argocdNamespace = QStringLiteral("argocd");   ///< where the Application resources live
    QString devopsNamespace;             ///< KubeSphere DevOps project namespace of the Pipeline; defaults to project
    QString sourceRepoUrl;               ///< the source code repo the pipeline checks out (may be empty)
};

/// The canary tag `spec` deploys: canaryTag, or gaTag when that is empty.
QString effectiveCanaryTag(const ServiceSpec &spec);
/// The namespace `spec` deploys to: namespaceName, or "{project}-{environment}" when that is empty.
QString effectiveNamespace(const ServiceSpec &spec);

/// Checks names (DNS-1123), tag, port and replicas; the error says which answer is wrong.
Result<void> validateSpec(const ServiceSpec &spec, const TemplateSet &templates);

/// The template variables for `spec` (SERVICE, PROJECT, ENV, IMAGE, IMAGE_TAG, CANARY_TAG, PORT, REPLICAS, ...;
/// templates/README.md lists them all). REPLICAS and HPA_FILE are unset/set by the HPA choice, CANARY_RESOURCE by
/// the stage level. Pure; any thread.
Variables variablesFor(const ServiceSpec &spec);

/// Renders the whole set for `spec` into `appsmanifests/{service}/{env}/...` files (DESIGN.md §1 layout):
/// app-manifests-templates/{language}/X -> manifests/X (hpa.yaml only under an HPA), application-templates/X -> X,
/// pipeline-templates/X -> manifests/pipeline/X. Validates `spec` first. Pure; any thread; a few ms.
Result<git::FileChanges> scaffoldService(const TemplateSet &templates, const ServiceSpec &spec);

} // namespace gd::tmpl
