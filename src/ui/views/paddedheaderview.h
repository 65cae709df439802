// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHeaderView>

namespace gd::ui {

/// A header whose sections ask for a little room beside their text. The styles leave a pixel or two, which makes
/// a section sized to its contents look cut off, most of all with CJK text (its glyphs fill their whole width).
/// Sections that size to their contents and the width of a vertical header include the room. GUI thread.
class PaddedHeaderView : public QHeaderView {
    Q_OBJECT

public:
    /// A header laid out like the one QTableView / QTreeView make (clickable, text left-aligned for horizontal).
    explicit PaddedHeaderView(Qt::Orientation orientation, QWidget *parent = nullptr);

protected:
    QSize sectionSizeFromContents(int logicalIndex) const override;
};

} // namespace gd::ui
