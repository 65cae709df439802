// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QMap>
#include <QStringList>

namespace gd::tmpl {

/// A template set in the templates-repo layout (DESIGN.md §1):
/// app-manifests-templates/{language}/..., application-templates/..., pipeline-templates/...
/// Paths are relative to the set's root and use '/'.
class TemplateSet {
public:
    /// Reads every file below `dir` (the project's builtin `templates/`, or a checkout of a templates repo).
    /// Error naming the missing folder when the layout is not there.
    static Result<TemplateSet> fromDirectory(const QString &dir);
    /// Wraps files already read (for example from a templates repository's tree). Same layout check.
    static Result<TemplateSet> fromFiles(QMap<QString, QByteArray> files);
    /// The builtin set compiled into the program (resources ":/templates"), always valid.
    static TemplateSet builtin();

    /// Languages that have an app-manifests template ("go", "java", "nodejs", ...), sorted.
    QStringList languages() const;
    const QMap<QString, QByteArray> &files() const { return m_files; }

private:
    QMap<QString, QByteArray> m_files;
};

} // namespace gd::tmpl
