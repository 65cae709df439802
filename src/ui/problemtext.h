// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QLabel;

namespace gd::ui {

/// Gives `label` the colour of problem sentences: a red that reads on the window colour of light and dark themes
/// (chosen from the label's palette as it is now). GUI thread.
void usesProblemColour(QLabel *label);

} // namespace gd::ui
