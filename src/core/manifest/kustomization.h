// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "manifest/diagnostic.h"
#include "util/result.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace gd::manifest {

/// One entry of a kustomization's `images:` list. Empty strings mean "not set".
struct KustomizeImage {
    QString name;
    QString newName;
    QString newTag;
    QString digest;
    int line = 0;   ///< 1-based line of the entry's first key
};

/// What GitOps Desk reads from a kustomization.yaml (Kustomization or Component).
class Kustomization {
public:
    /// Parses `text`. Error (Yaml) when it is not YAML or not a mapping; the message names line and column.
    /// Deprecated fields are kept as warnings naming their replacement (bases → resources,
    /// patchesStrategicMerge/patchesJson6902 → patches, commonLabels → labels, vars → replacements).
    static Result<Kustomization> parse(const QByteArray &text);

    QString kind() const { return m_kind; }   ///< "Kustomization" (also when absent) or "Component"
    const QStringList &resources() const { return m_resources; }
    const QStringList &components() const { return m_components; }
    const QStringList &patchPaths() const { return m_patchPaths; }   ///< `path:` of each `patches` entry
    const std::vector<KustomizeImage> &images() const { return m_images; }
    const Diagnostics &warnings() const { return m_warnings; }

    /// The image entry named `name`, or nullptr.
    const KustomizeImage *image(const QString &name) const;

private:
    QString m_kind;
    QStringList m_resources;
    QStringList m_components;
    QStringList m_patchPaths;
    std::vector<KustomizeImage> m_images;
    Diagnostics m_warnings;
};

} // namespace gd::manifest
