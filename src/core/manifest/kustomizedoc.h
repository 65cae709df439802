// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the manifest layer: which YAML document of a file is the kustomization, and the Yaml error value for
// a yaml-cpp exception. Shared by Kustomization::parse and applyImageEdit so both read the same document.

#include "util/error.h"

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/node/node.h>

#include <QByteArray>

#include <vector>

namespace gd::manifest::detail {

/// Index of the document holding the kustomization: the first mapping whose apiVersion is kustomize.config.k8s.io/…
/// or whose kind is Kustomization or Component, else the first mapping; -1 when no document is a mapping.
int kustomizationDocument(const std::vector<YAML::Node> &documents);

/// An Error (Yaml) naming the line and column of a yaml-cpp exception in `text`, as a sentence.
Error yamlError(const QByteArray &text, const YAML::Exception &e);

/// The value of `key` in the block or flow mapping `map` as a string when it is a scalar, else empty.
std::string scalarOf(const YAML::Node &map, const char *key);

} // namespace gd::manifest::detail
