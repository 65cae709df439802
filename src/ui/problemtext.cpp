// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/problemtext.h"

#include <QLabel>

namespace gd::ui {

void usesProblemColour(QLabel *label)
{
    QPalette palette = label->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e));
    label->setPalette(palette);
}

} // namespace gd::ui
