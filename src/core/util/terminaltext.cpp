// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/terminaltext.h"

using namespace Qt::Literals::StringLiterals;

namespace gd {
namespace {

/// The visible spelling of a hidden control: backslash-x for C0 (as a shell or C writes ESC), backslash-u with four
/// hex digits for the rest (the JSON spelling, so a JSON document stays valid).
QString escaped(char32_t c)
{
    if (c < 0x20)
        return u"\\x"_s + QString::number(uint(c), 16).rightJustified(2, u'0');
    return u"\\u"_s + QString::number(uint(c), 16).rightJustified(4, u'0');
}

} // namespace

bool isHiddenControl(char32_t c)
{
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return true;
    // Bidirectional marks, embeddings, overrides and isolates (the "Trojan Source" characters).
    return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
}

QString visibleText(QStringView text, TextLines lines)
{
    QString shown;
    shown.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar unit = text[i];
        // Every hidden control is in the Basic Multilingual Plane: surrogate pairs pass through untouched.
        const char32_t c = unit.unicode();
        const bool kept = lines == TextLines::Keep && (c == u'\n' || c == u'\t');
        if (!unit.isSurrogate() && isHiddenControl(c) && !kept)
            shown += escaped(c);
        else
            shown += unit;
    }
    return shown;
}

} // namespace gd
