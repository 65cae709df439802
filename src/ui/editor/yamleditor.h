// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/manifest/diagnostic.h"

#include <QPlainTextEdit>
#include <QTextDocument>

#include <memory>
#include <vector>

namespace gd::ui {

/// A YAML editor: line numbers, current-line highlight, syntax colours that follow the palette (KSyntaxHighlighting
/// when the build found it, else the built-in YamlHighlighter), wavy-underlined diagnostics with tooltips, and
/// find/replace. Undo/redo are QPlainTextEdit's own.
class YamlEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    /// An empty editor with a fixed-pitch font (GUI thread).
    explicit YamlEditor(QWidget *parent = nullptr);
    ~YamlEditor() override;

    /// Replaces the shown diagnostics (1-based line/column); each underlines from its column to the end of the token
    /// there and follows later edits. Lines past the end are ignored. Cost: linear in the number of diagnostics.
    void setDiagnostics(const gd::manifest::Diagnostics &diagnostics);

    /// The messages (one per line) of the diagnostics whose underline covers document `position`; empty if none.
    QString diagnosticsAt(int position) const;

    /// Selects the next match of `text` after the cursor (before it with FindBackward), wrapping around the document.
    /// Returns how many matches the whole document has (0: nothing selected). Cost: one pass over the document.
    int findNext(const QString &text, QTextDocument::FindFlags flags = {});

    /// Replaces every case-sensitive match of `text` with `replacement` as one undo step; returns how many.
    int replaceAll(const QString &text, const QString &replacement);

    /// The width in pixels of the line-number gutter (at least two digits wide).
    int gutterWidth() const;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    class Gutter;
    struct Backend;
    struct Marked {
        QTextCursor cursor;
        gd::manifest::Diagnostic diagnostic;
    };

    void paintGutter(QPaintEvent *event);
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void applyPalette();
    void updateExtraSelections();

    Gutter *m_gutter = nullptr;
    std::unique_ptr<Backend> m_backend;
    std::vector<Marked> m_marked;
};

} // namespace gd::ui
