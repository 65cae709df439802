// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/yamlhighlighter.h"

#include <QFont>
#include <QRegularExpression>
#include <QTextDocument>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

namespace {

qreal channel(qreal c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

qreal luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

// A plain scalar YAML reads as a number, a bool or null (the core schema plus the YAML 1.1 words users still write).
bool isLiteral(const QString &word)
{
    static const QRegularExpression re(
        uR"(^(?:[-+]?(?:\d[\d_]*)(?:\.\d*)?(?:[eE][-+]?\d+)?|[-+]?\.\d+(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)"
        uR"(|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO)"
        uR"(|on|On|ON|off|Off|OFF|null|Null|NULL|~)$)"_s);
    return re.match(word).hasMatch();
}

// The end (exclusive) of a quoted scalar starting at `pos`; the line end when it is not closed on this line.
int quotedEnd(const QString &text, int pos)
{
    const QChar quote = text.at(pos);
    int i = pos + 1;
    while (i < text.size()) {
        if (quote == u'"' && text.at(i) == u'\\') {
            i += 2;
            continue;
        }
        if (text.at(i) == quote) {
            if (quote == u'\'' && i + 1 < text.size() && text.at(i + 1) == u'\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return int(text.size());
}

} // namespace

QColor readableOn(const QPalette &palette, const QColor &hue)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    for (int step = 0; step <= 10; ++step) {
        const QColor c = mix(hue, text, step / 10.0);
        if (contrast(c, base) >= 4.5)
            return c;
    }
    return text;
}

bool isDarkPalette(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Base)) < luminance(palette.color(QPalette::Text));
}

YamlHighlighter::YamlHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
{
    setPalette(palette);
}

void YamlHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    auto make = [&](const QColor &hue, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(readableOn(palette, hue));
        if (bold)
            f.setFontWeight(QFont::Bold);
        f.setFontItalic(italic);
        return f;
    };
    m_formats[size_t(Role::Key)] = make(dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x00, 0x4d, 0xb3), true);
    m_formats[size_t(Role::Comment)] = make(mix(text, base, 0.45), false, true);
    m_formats[size_t(Role::String)] = make(dark ? QColor(0x98, 0xd2, 0x7c) : QColor(0x1a, 0x7f, 0x37));
    m_formats[size_t(Role::Literal)] = make(dark ? QColor(0xe5, 0xa0, 0x6b) : QColor(0xa3, 0x4a, 0x00));
    m_formats[size_t(Role::Anchor)] = make(dark ? QColor(0xc6, 0x92, 0xf0) : QColor(0x80, 0x2d, 0xb0));
    m_formats[size_t(Role::DocumentMarker)] = make(text, true);
    m_formats[size_t(Role::Punctuation)] = make(dark ? QColor(0x5f, 0xc4, 0xc4) : QColor(0x00, 0x6b, 0x70), true);
    rehighlight();
}

QTextCharFormat YamlHighlighter::format(Role role) const
{
    return m_formats[size_t(role)];
}

void YamlHighlighter::applyFormat(int start, int length, Role role)
{
    if (length > 0)
        setFormat(start, length, m_formats[size_t(role)]);
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    // Block state: -1 outside a block scalar; N >= 0 inside a block scalar whose parent sits at column N,
    // so lines indented deeper than N (and blank lines) are its content.
    int indent = 0;
    while (indent < text.size() && isSpace(text.at(indent)))
        ++indent;
    const bool blank = indent == text.size();
    const int previous = previousBlockState();
    if (previous >= 0 && (blank || indent > previous)) {
        applyFormat(indent, int(text.size()) - indent, Role::String);
        setCurrentBlockState(previous);
        return;
    }
    setCurrentBlockState(-1);
    if (blank)
        return;

    int pos = indent;
    if (indent == 0 && (text.startsWith(u"---"_s) || text.startsWith(u"..."_s))
        && (text.size() == 3 || isSpace(text.at(3)))) {
        applyFormat(0, 3, Role::DocumentMarker);
        highlightValue(text, 3, -1);
        return;
    }
    int parentIndent = indent;
    // Sequence entries: each "- " is punctuation, and a block scalar under it belongs to the dash.
    while (pos < text.size() && text.at(pos) == u'-' && (pos + 1 == text.size() || isSpace(text.at(pos + 1)))) {
        applyFormat(pos, 1, Role::Punctuation);
        parentIndent = pos;
        ++pos;
        while (pos < text.size() && isSpace(text.at(pos)))
            ++pos;
    }
    const int afterKey = highlightKey(text, pos);
    if (afterKey > pos)
        parentIndent = pos;
    highlightValue(text, afterKey, parentIndent);
}

int YamlHighlighter::highlightKey(const QString &text, int pos)
{
    if (pos >= text.size())
        return pos;
    const QChar first = text.at(pos);
    if (first == u'#' || first == u'[' || first == u'{' || first == u'|' || first == u'>')
        return pos;
    int end = -1; // the position of the ':' that ends the key
    if (first == u'"' || first == u'\'') {
        int i = quotedEnd(text, pos);
        while (i < text.size() && isSpace(text.at(i)))
            ++i;
        if (i < text.size() && text.at(i) == u':')
            end = i;
    } else {
        for (int i = pos; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c == u'#' && i > pos && isSpace(text.at(i - 1)))
                break;
            if (c == u':' && (i + 1 == text.size() || isSpace(text.at(i + 1)))) {
                end = i;
                break;
            }
        }
    }
    if (end < 0 || (end + 1 < text.size() && !isSpace(text.at(end + 1))))
        return pos;
    int keyEnd = end;
    while (keyEnd > pos && isSpace(text.at(keyEnd - 1)))
        --keyEnd;
    applyFormat(pos, keyEnd - pos, Role::Key);
    applyFormat(end, 1, Role::Punctuation);
    return end + 1;
}

void YamlHighlighter::highlightValue(const QString &text, int pos, int parentIndent)
{
    int flowDepth = 0;
    const int size = int(text.size());
    while (pos < size) {
        const QChar c = text.at(pos);
        if (isSpace(c)) {
            ++pos;
            continue;
        }
        if (c == u'#' && (pos == 0 || isSpace(text.at(pos - 1)))) {
            applyFormat(pos, size - pos, Role::Comment);
            return;
        }
        if (c == u'"' || c == u'\'') {
            const int end = quotedEnd(text, pos);
            applyFormat(pos, end - pos, Role::String);
            pos = end;
            continue;
        }
        if (c == u'&' || c == u'*' || c == u'!') {
            int end = pos + 1;
            while (end < size && !isSpace(text.at(end)) && text.at(end) != u',' && text.at(end) != u']'
                   && text.at(end) != u'}')
                ++end;
            applyFormat(pos, end - pos, Role::Anchor);
            pos = end;
            continue;
        }
        if (c == u'[' || c == u'{' || c == u']' || c == u'}' || c == u',') {
            flowDepth += (c == u'[' || c == u'{') ? 1 : (c == u',' ? 0 : -1);
            applyFormat(pos, 1, Role::Punctuation);
            ++pos;
            continue;
        }
        if ((c == u'|' || c == u'>') && flowDepth == 0 && parentIndent >= 0) {
            int end = pos + 1;
            while (end < size && (text.at(end) == u'+' || text.at(end) == u'-' || text.at(end).isDigit()))
                ++end;
            if (end == size || isSpace(text.at(end))) {
                applyFormat(pos, end - pos, Role::Punctuation);
                setCurrentBlockState(parentIndent);
                pos = end;
                continue;
            }
        }
        // A plain scalar: up to a comment, or in a flow collection up to its next indicator.
        int end = pos;
        while (end < size) {
            const QChar e = text.at(end);
            if (e == u'#' && isSpace(text.at(end - 1)))
                break;
            if (flowDepth > 0 && (e == u',' || e == u']' || e == u'}'))
                break;
            if (flowDepth > 0 && e == u':' && (end + 1 == size || isSpace(text.at(end + 1)))) {
                applyFormat(pos, end - pos, Role::Key);
                pos = end;
                break;
            }
            ++end;
        }
        if (pos == end && end < size && text.at(end) == u':') {
            applyFormat(end, 1, Role::Punctuation);
            pos = end + 1;
            continue;
        }
        int wordEnd = end;
        while (wordEnd > pos && isSpace(text.at(wordEnd - 1)))
            --wordEnd;
        if (isLiteral(text.mid(pos, wordEnd - pos)))
            applyFormat(pos, wordEnd - pos, Role::Literal);
        pos = end;
    }
}

} // namespace gd::ui
