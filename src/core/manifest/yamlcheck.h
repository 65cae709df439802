// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "manifest/diagnostic.h"

#include <QByteArray>

namespace gd::manifest {

/// Parses every document of `text` and reports what is wrong, never throwing: syntax errors with yaml-cpp's line
/// and column, tabs used for indentation, and duplicate keys in a mapping (which yaml-cpp accepts silently).
/// Pure; any thread; linear in the text size.
Diagnostics checkYaml(const QByteArray &text);

} // namespace gd::manifest
