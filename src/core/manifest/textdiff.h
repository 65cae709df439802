// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace gd::manifest {

/// A unified diff (`--- a`, `+++ b`, `@@` hunks with `context` lines) of two texts, line by line; empty when equal.
/// Used for the file diff and the rendered-manifest diff a reviewer reads. Pure; O((N+M)·D).
QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &beforeLabel,
                    const QString &afterLabel, int context = 3);

} // namespace gd::manifest
