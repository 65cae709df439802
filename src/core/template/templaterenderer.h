// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace gd::tmpl {

/// Template variables: name → value. std::nullopt means "leave the line out" (e.g. REPLICAS under an HPA).
using Variables = QHash<QString, std::optional<QString>>;

/// Replaces every `${NAME}` in `text`. A placeholder that is a whole YAML scalar gets a safely quoted value when
/// YAML would misread it (numbers, bools, null, ':' or '#' and the like); one inside a double-quoted string is
/// escaped. An unknown or missing variable is an error (Template) naming `fileName` and the line. `$${` is a
/// literal `${`. The result is checked to still be YAML for .yaml files. Pure; any thread.
Result<QByteArray> renderTemplate(const QByteArray &text, const QString &fileName, const Variables &variables);

} // namespace gd::tmpl
