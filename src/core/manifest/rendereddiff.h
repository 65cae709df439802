// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace gd::manifest {

/// Which Kubernetes resource a rendered YAML document is.
struct ResourceKey {
    QString apiVersion;   ///< as written, e.g. "apps/v1" (the "after" side's when both exist)
    QString kind;
    QString nameSpace;    ///< empty for cluster-scoped resources or when the document sets none
    QString name;

    /// "Deployment/shop-uat/orders", or "Namespace/shop-uat" when there is no namespace. Pure.
    QString label() const;
};

/// One resource that differs between two rendered manifest streams.
struct ResourceChange {
    enum class Type { Added, Removed, Changed };
    Type type = Type::Changed;
    ResourceKey key;
    QString diff;          ///< unified diff of the resource's YAML text as rendered (unifiedDiff)
    QStringList summary;   ///< notable changes as sentences: "image orders: a:1 → a:2", "replicas 2 → 3", …
};

/// Splits two rendered multi-document YAML streams (kustomize build output) into resources keyed by
/// apiVersion-group/kind/namespace/name, and returns the changed/added/removed ones sorted by kind order
/// (Namespace, ConfigMap, Secret, Service, Deployment, others alphabetically) then namespace then name. Unchanged
/// resources are left out. Yaml error (with line/column) if either stream does not parse. Pure; any thread.
Result<std::vector<ResourceChange>> diffRenderedManifests(const QByteArray &before, const QByteArray &after);

} // namespace gd::manifest
