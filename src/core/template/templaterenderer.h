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
/// escaped. Inside a block scalar (a Jenkinsfile) a value in a Groovy '...' or "..." string is escaped for Groovy, one
/// in a triple-quoted (shell) string may hold only letters, digits and . _ / : @ + = , % -, and no value there may
/// hold a line break; nor may an unquoted value elsewhere (a comment, a non-YAML file). Those are Template errors
/// naming the variable, file and line, as is an unknown or missing variable. `$${` is a literal `${`. The result is
/// checked to still be YAML for .yaml files. Pure; any thread.
Result<QByteArray> renderTemplate(const QByteArray &text, const QString &fileName, const Variables &variables);

} // namespace gd::tmpl
