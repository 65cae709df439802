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
    /// Parses `text` (the first document whose apiVersion is kustomize.config.k8s.io/… or whose kind is
    /// Kustomization/Component, else the first mapping; `---` markers are fine). Error (Yaml) when it is not YAML
    /// or holds no mapping; the message names line and column. Never throws.
    /// Deprecated fields are kept as warnings naming their replacement (bases → resources,
    /// patchesStrategicMerge/patchesJson6902 → patches, commonLabels → labels, vars → replacements,
    /// imageTags → images).
    static Result<Kustomization> parse(const QByteArray &text);

    QString kind() const { return m_kind; }   ///< "Kustomization" (also when absent) or "Component"
    const QStringList &resources() const { return m_resources; }   ///< `resources`, then deprecated `bases`
    const QStringList &components() const { return m_components; }   ///< empty when null (all commented out)
    /// `path:` of each `patches` entry, plus the file entries of deprecated patchesStrategicMerge/patchesJson6902.
    const QStringList &patchPaths() const { return m_patchPaths; }
    const std::vector<KustomizeImage> &images() const { return m_images; }
    /// Findings with 1-based line/column, sorted: Warning for deprecated fields; Error for what kustomize v5.5
    /// rejects although the YAML is fine (an unquoted tag YAML reads as a number/bool/null, `newDigest` or another
    /// unknown images field, an images entry without name, patches given as plain strings, a list field that is
    /// not a list). Use hasErrors() to block a commit.
    const Diagnostics &warnings() const { return m_warnings; }

    /// The image entry named `name` (the last one when a name is listed twice, as kustomize applies), or nullptr.
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
