// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace gd {

/// Whether a text may keep its line breaks and tabs where it is shown (a message, a tooltip, a whole output) or
/// must stay on one line (a table cell, a label of one line).
enum class TextLines { Keep, Single };

/// True for a character that must not reach a terminal or a label as it is: C0 controls, DEL, C1 controls, and the
/// bidirectional embeddings, overrides, isolates and marks that reorder what a reader sees. Pure, cheap, any thread.
bool isHiddenControl(char32_t c);

/// `text` (an author name, a commit message, a server's answer) with every hidden control shown as a visible escape:
/// a C0 control as backslash, "x" and two hex digits (ESC: `\x1b`), any other as backslash, "u" and four hex digits
/// (which is also a valid escape inside a JSON string, where QJsonDocument leaves those characters raw). With
/// TextLines::Keep tabs and line feeds stay, a carriage return does not. The one rule for everything from Git or a
/// server that a terminal or the window shows. Pure, any thread, linear in the length.
QString visibleText(QStringView text, TextLines lines = TextLines::Keep);

} // namespace gd
