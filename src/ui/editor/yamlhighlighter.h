// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

class QTextDocument;

namespace gd::ui {

/// `hue` moved toward `palette`'s text colour until it reads on the base colour with a contrast of at least
/// 4.5:1 (WCAG AA); cheap, no allocation.
QColor readableOn(const QPalette &palette, const QColor &hue);

/// True when `palette` is a dark one (its base colour is darker than its text).
bool isDarkPalette(const QPalette &palette);

/// The built-in YAML highlighter, used when KSyntaxHighlighting is not available. Colours follow a palette
/// (dark or light) and keep a readable contrast on its base colour. Block scalars (`|`, `>`) span lines
/// through the block state.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    /// What a span of YAML is, each with its own format.
    enum class Role { Key, Comment, String, Literal, Anchor, DocumentMarker, Punctuation };

    /// Highlights `document` with colours derived from `palette` (GUI thread).
    explicit YamlHighlighter(QTextDocument *document, const QPalette &palette = QPalette());

    /// Re-derives every colour from `palette` and re-highlights the whole document (cost: one full pass).
    void setPalette(const QPalette &palette);

    /// The format used for `role` under the current palette.
    QTextCharFormat format(Role role) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    void applyFormat(int start, int length, Role role);
    int highlightKey(const QString &text, int pos);
    void highlightValue(const QString &text, int pos, int parentIndent);

    std::array<QTextCharFormat, 7> m_formats;
};

} // namespace gd::ui
