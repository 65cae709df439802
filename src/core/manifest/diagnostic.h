// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace gd::manifest {

/// One finding in a YAML file, at a 1-based line and column, as an editor shows it.
struct Diagnostic {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    int line = 0;
    int column = 0;
    QString message;

    bool isError() const { return severity == Severity::Error; }
};

using Diagnostics = std::vector<Diagnostic>;

/// True when any diagnostic is an error (warnings do not block a commit).
inline bool hasErrors(const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.isError())
            return true;
    }
    return false;
}

} // namespace gd::manifest
