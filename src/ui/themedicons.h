// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QPalette>
#include <QString>

namespace gd::ui {

/// A monochrome icon of the app (":/icons/<name>.svg") drawn in `palette`'s text colour, so it reads well on
/// light and dark themes; the disabled mode uses the disabled text colour. Cached per name and colour. GUI thread.
QIcon themedIcon(const QString &name, const QPalette &palette);

/// The application's own (colour) icon.
QIcon appIcon();

} // namespace gd::ui
