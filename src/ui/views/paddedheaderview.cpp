// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/paddedheaderview.h"

namespace gd::ui {

PaddedHeaderView::PaddedHeaderView(Qt::Orientation orientation, QWidget *parent) : QHeaderView(orientation, parent)
{
    setSectionsClickable(true);
    setHighlightSections(true);
    if (orientation == Qt::Horizontal)
        setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

QSize PaddedHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    QSize size = QHeaderView::sectionSizeFromContents(logicalIndex);
    if (size.isValid())
        size.rwidth() += fontMetrics().averageCharWidth();
    return size;
}

} // namespace gd::ui
