// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QTableView>

namespace gd::ui {

/// A table as tall as its header and its rows: no empty area under the last row, no row cut off while there is
/// room. The height follows the rows' real heights (taller for CJK fonts) and is measured again whenever Qt lays
/// the headers out, and on model resets, row and text changes and font, style and language changes. Its headers
/// are PaddedHeaderViews. GUI thread.
class FittedTableView : public QTableView {
    Q_OBJECT

public:
    enum class Fit {
        AllRows,         ///< always exactly as tall as every row (a short list, never scrolled vertically)
        AtMostAllRows,   ///< as tall as every row when the layout has room, shorter and scrolling when not
    };

    explicit FittedTableView(Fit fit, QWidget *parent = nullptr);

    /// The height that shows the header and every row without scrolling: the header, the rows' current
    /// heights, the frame, and the horizontal scroll bar when the columns are wider than the viewport. Cheap.
    int heightForAllRows() const;

    void setModel(QAbstractItemModel *model) override;
    /// The base width; heightForAllRows() as height.
    QSize sizeHint() const override;
    /// AllRows: heightForAllRows(); AtMostAllRows: the header and up to three rows.
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void updateGeometries() override;

private:
    /// Tells the layout when heightForAllRows() changed.
    void updateHeight();

    Fit m_fit;
    QList<QMetaObject::Connection> m_modelConnections;
    int m_height = -1;   ///< heightForAllRows() the layout last heard of
};

} // namespace gd::ui
