// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace gd::test {

/// A YAML mapping document as the JSON the Kubernetes API server would send: plain scalars that look like numbers,
/// booleans or null become those; quoted scalars stay strings. An empty object when `yaml` is not a mapping.
QJsonObject yamlToJsonObject(const QByteArray &yaml);

} // namespace gd::test
