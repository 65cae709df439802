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

/// The answers of a scaffold (the wizard's fields, `scaffold --set` keys), each with its own type.
enum class Answer {
    Project,          ///< DNS-1123 label
    Service,          ///< DNS-1123 label
    Environment,      ///< DNS-1123 label
    Image,            ///< image repository without tag or digest: [host[:port]/]path
    Tag,              ///< image tag: 1–128 of A–Z a–z 0–9 _ . -, not starting with . or -
    CanaryTag,        ///< image tag, or empty (the GA tag)
    Port,             ///< whole number 1–65535
    Replicas,         ///< whole number >= 1
    Cluster,          ///< http:// or https:// URL of an API server
    Namespace,        ///< DNS-1123 label, or empty (the workspace's or "{project}-{env}")
    SelfHeal,         ///< true or false
    RepoUrl,          ///< git URL (https, http, ssh, git, file, user@host:path) or an absolute local path
    ArgocdProject,    ///< DNS-1123 subdomain (an AppProject's name)
    Branch,           ///< git branch name (git check-ref-format --branch)
    ArgocdNamespace,  ///< DNS-1123 label, or empty (argocd)
    DevopsNamespace,  ///< DNS-1123 label, or empty (the project)
    SourceRepo,       ///< git URL without spaces or quotes, or empty
};

/// Checks one answer's text by its type before anything is rendered; InvalidInput whose message names the answer
/// and says why (`The branch "a..b" is not a valid branch name: it contains "..".`). The CLI and the wizard
/// both call it (through validateSpec for the wizard). Pure; any thread; cheap.
Result<void> checkAnswer(Answer answer, const QString &value);

/// Checks every answer of `spec` by its type (checkAnswer) and the language against `templates`; the error says
/// which answer is wrong. Pure; any thread.
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
