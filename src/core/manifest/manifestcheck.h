// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "manifest/diagnostic.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace gd::manifest {

class Kustomization;

/// What a file is to kustomize (or to Argo CD), which decides what is checked.
enum class ManifestRole {
    Kustomization,     ///< kustomization.yaml: known fields, referenced paths, deprecations
    Resource,          ///< listed under `resources`: complete Kubernetes objects
    Patch,             ///< listed under `patches`: partial objects, only present values are checked
    Unknown,           ///< anything else: checked like a patch when it looks like a Kubernetes object
    ArgoApplication,   ///< application*.yaml of a service environment: an Argo CD Application with a source path
};

/// Answers whether a path relative to the checked file's folder exists (a file or a folder); lets the check run
/// against a folder on disk, a commit's tree or an editor's buffers. Called on the checking thread.
using PathProbe = std::function<bool(const QString &relativePath)>;

/// All findings of one file, sorted by line and column (1-based, as an editor counts):
/// - always checkYaml's (syntax, tabs, duplicate keys); the schema checks run on every document that parsed;
/// - Kustomization: Kustomization::parse's warnings and errors, unknown top-level fields (with "did you mean" for a
///   near miss such as `resource:`), and referenced paths that `exists` does not find (resources, bases,
///   components, patch paths, generator `files`/`envs`/`env`; remote URLs are skipped);
/// - Resource: per Kubernetes object: apiVersion and kind present, metadata.name a DNS-1123 subdomain; for
///   Deployment/StatefulSet/DaemonSet/Job/CronJob pod templates every container has a name and an image, ports are
///   1..65535 (probe ports may be a port name), spec.selector.matchLabels is among the template labels, replicas is a
///   non-negative integer; for a Service each port has a numeric port and a targetPort that is a number or a port
///   name;
/// - Patch, and Unknown documents that have apiVersion and kind: the same checks on the values that are present;
/// - ArgoApplication: kind is Application and spec.source.path (or a spec.sources[].path) is set.
/// Values holding a `${...}` template placeholder are not checked. An empty `exists` skips the path checks.
/// Pure; any thread (the editor calls it on a worker after each keystroke); about 12 ms for 2,000 lines (Release):
/// two yaml-cpp parses, checkYaml's and the schema checks' (bench_diagnostics).
Diagnostics checkManifest(const QByteArray &text, ManifestRole role, const PathProbe &exists);

/// The role of `fileName` (a path relative to the folder of `siblingKustomization`, the kustomization in the same
/// folder, which may be null): "kustomization.yaml", "kustomization.yml" or "Kustomization" → Kustomization; else
/// Patch when the kustomization lists it under patches (or the deprecated patch fields), Resource when under
/// resources, else Unknown. Never ArgoApplication: only the caller knows the folder layout. Pure; cheap.
ManifestRole roleOf(const QString &fileName, const Kustomization *siblingKustomization);

} // namespace gd::manifest
