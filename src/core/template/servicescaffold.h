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
};

/// Checks names (DNS-1123), tag, port and replicas; the error says which answer is wrong.
Result<void> validateSpec(const ServiceSpec &spec, const TemplateSet &templates);

/// The template variables for `spec` (SERVICE, PROJECT, ENV, IMAGE, IMAGE_TAG, CANARY_TAG, PORT, REPLICAS, ...).
Variables variablesFor(const ServiceSpec &spec);

/// Renders the whole set for `spec` into `appsmanifests/{service}/{env}/...` files (DESIGN.md §1 layout).
Result<git::FileChanges> scaffoldService(const TemplateSet &templates, const ServiceSpec &spec);

} // namespace gd::tmpl
