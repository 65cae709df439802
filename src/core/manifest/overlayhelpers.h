// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Text-preserving one-click edits a release manager makes from the manifest editor: only the bytes of the changed
// or inserted lines change; comments, order, quoting, indentation, CRLF line ends and a byte order mark stay.
// Each edit re-reads its result and checks that nothing but the intended field changed.

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace gd::manifest {

/// The comment that marks a `replicas:` line left to the autoscaler (GitOps Desk recognises and restores it).
inline constexpr const char *autoscalerReplicasMarker = " # managed by the HorizontalPodAutoscaler";

/// "Let the autoscaler manage replicas": comments out `spec.replicas` of every Deployment/StatefulSet document as
/// `<indent># replicas: 3 # managed by the HorizontalPodAutoscaler` (so Argo CD does not fight the HPA), or, when
/// `autoscaler` is false, restores such a line to exactly the original bytes. A patch whose `spec:` held only
/// `replicas` gets `spec: {}` (a null `spec` would delete the base's spec), undone again on restore.
/// Already in the asked state: the text unchanged. Errors: InvalidInput when there is neither a replicas line nor a
/// marked line, or the replicas field is not on a line of its own; Yaml when the text does not parse; Generic when
/// the result would change more than replicas. Pure; any thread.
Result<QByteArray> setAutoscalerManagesReplicas(const QByteArray &text, bool autoscaler);

/// Who sets the replica count of a file's Deployments/StatefulSets.
enum class ReplicasState {
    Written,      ///< at least one document writes `spec.replicas`
    Autoscaler,   ///< none writes it and at least one carries the autoscaler's marked line
    Absent,       ///< neither (or the text does not parse)
};

/// The replicas state of `text` (see ReplicasState). Pure; any thread.
ReplicasState replicasState(const QByteArray &text);

/// Sets `spec.syncPolicy.automated.selfHeal` of the first Argo CD Application in `text` to `on`: replaces the
/// scalar when present; else, when `on`, inserts `selfHeal: true` below the last entry of `automated:` with its
/// siblings' indentation (creating `automated:` under `syncPolicy:`, and `syncPolicy:` under `spec:`, when absent).
/// Turning self-heal off never creates keys: without `automated` or `selfHeal` it is off already and the text is
/// returned unchanged, as it is when the value is already `on`. Errors: InvalidInput when there is no Application or
/// a field on the way is not a mapping; Yaml when the text does not parse; Generic when the check after editing
/// fails. Pure; any thread.
Result<QByteArray> setSelfHeal(const QByteArray &text, bool on);

/// Self-heal of the first Argo CD Application in `text`: nullopt when there is none, it does not parse, or automated
/// sync is off (no `automated`, a null one, or `enabled: false`); else the `selfHeal` value (false when absent).
std::optional<bool> selfHeal(const QByteArray &text);

/// Adds the environment variable `name`=`value` to container `container` (empty: the first container) of the first
/// Deployment/StatefulSet/DaemonSet document (a full resource or a patch): appends to its `env:` list in the list's
/// own layout (`- name:` aligned as the existing entries, or a flow list), or creates `env:` at the end of the
/// container with the file's list indentation. The value is double-quoted when YAML would read it as something else.
/// Errors: InvalidInput when `name` is not [A-Za-z_][A-Za-z0-9_]*, is already set in that container, or there is no
/// such container or workload; Yaml when the text does not parse; Generic when the check after editing fails.
/// Pure; any thread.
Result<QByteArray> addEnvironmentVariable(const QByteArray &text, const QString &container, const QString &name,
                                          const QString &value);

/// True when `key` is a valid Kubernetes label key: an optional DNS-1123 subdomain prefix (≤ 253 characters) and
/// '/', then a name of 1 to 63 characters [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?.
bool isValidLabelKey(const QString &key);

/// True when `value` is a valid Kubernetes label value: empty, or up to 63 characters of the label name charset.
bool isValidLabelValue(const QString &value);

/// Adds label `key`=`value` to `metadata.labels` of the first document that is a Kubernetes object (creating
/// `labels:`, and `metadata:`, when missing); for a Deployment/StatefulSet/DaemonSet also to
/// `spec.template.metadata.labels` when that mapping exists (the pods carry it; selectors are never touched).
/// A label already there with the same value is left as it is (the text unchanged when it is everywhere).
/// Errors: InvalidInput for an invalid key or value, a key present with another value, or no Kubernetes object;
/// Yaml when the text does not parse; Generic when the check after editing fails. Pure; any thread.
Result<QByteArray> addLabel(const QByteArray &text, const QString &key, const QString &value);

} // namespace gd::manifest
