// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

#include <vector>

class QLabel;
class QSplitter;
class QStackedWidget;

namespace gd::ui {

class DiffPane;

/// One row of a diff as a pane shows it: a line of one side (or both), a hunk header, or a filler row that keeps
/// the two sides of a side-by-side view aligned.
struct DiffRow {
    enum class Kind { Hunk, Context, Added, Removed, Filler, Note };

    Kind kind = Kind::Context;
    QString text;            ///< the line without its "+", "-" or " " prefix
    int oldLine = 0;         ///< 1-based line number on the old side; 0 when the row has none
    int newLine = 0;         ///< 1-based line number on the new side; 0 when the row has none
    int emphasisStart = -1;  ///< the changed part of a line paired with its counterpart (-1: none)
    int emphasisLength = 0;
};

/// The rows of a unified diff laid out for both modes of DiffView.
struct DiffLayout {
    std::vector<DiffRow> unified;   ///< one column, in the diff's order
    std::vector<DiffRow> left;      ///< old side; as many rows as `right`, fillers opposite insertions
    std::vector<DiffRow> right;     ///< new side; fillers opposite deletions

    /// Parses `diff` as manifest::unifiedDiff writes it ("---"/"+++" headers are left out, hunk bodies are read by
    /// the counts in their "@@" line). Removed lines are paired with the added lines that follow them, row by row,
    /// and the differing middle of each pair is marked. Pure; linear in the diff's size.
    static DiffLayout fromUnifiedDiff(const QString &diff);
};

/// Shows a unified diff read-only in a fixed-pitch font, either unified (one column, added and removed lines tinted
/// green and red, hunk headers dimmed, old and new line numbers) or side by side (old left, new right, changed
/// lines on the same row, blank filler rows opposite insertions and deletions, scrolling together). The tints are
/// derived from the palette and re-derived when it changes. GUI thread.
class DiffView : public QWidget {
    Q_OBJECT

public:
    enum class Mode { Unified, SideBySide };
    Q_ENUM(Mode)

    /// An empty view in Unified mode.
    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    /// Shows `unifiedDiff` (e.g. ReviewedFile::diff() or ResourceChange::diff); an empty string shows the
    /// placeholder. Cost: linear in the diff's size; keeps the current mode.
    void setDiff(const QString &unifiedDiff);
    /// The diff last given to setDiff().
    QString diff() const { return m_diff; }

    /// Switches between one column and two aligned columns; emits modeChanged() when it changes.
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    /// The sentence shown instead of an empty diff (default: "No differences.").
    void setPlaceholderText(const QString &text);

Q_SIGNALS:
    void modeChanged(gd::ui::DiffView::Mode mode);

private:
    void showCurrentPage();

    QString m_diff;
    Mode m_mode = Mode::Unified;
    QStackedWidget *m_pages = nullptr;
    DiffPane *m_unified = nullptr;
    QSplitter *m_sideBySide = nullptr;
    DiffPane *m_old = nullptr;
    DiffPane *m_new = nullptr;
    QLabel *m_placeholder = nullptr;
    bool m_syncing = false;
};

} // namespace gd::ui
