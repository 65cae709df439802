// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/fittedtableview.h"

#include "ui/views/paddedheaderview.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>

#include <algorithm>
#include <utility>

namespace gd::ui {
namespace {

/// How many rows an AtMostAllRows table keeps visible however short the layout gets.
constexpr int minimumVisibleRows = 3;

} // namespace

FittedTableView::FittedTableView(Fit fit, QWidget *parent) : QTableView(parent), m_fit(fit)
{
    setHorizontalHeader(new PaddedHeaderView(Qt::Horizontal, this));
    setVerticalHeader(new PaddedHeaderView(Qt::Vertical, this));
    setSizePolicy(QSizePolicy::Expanding, fit == Fit::AllRows ? QSizePolicy::Fixed : QSizePolicy::Maximum);
    if (fit == Fit::AllRows)
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(verticalHeader(), &QHeaderView::sectionResized, this, &FittedTableView::updateHeight);
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, &FittedTableView::updateHeight);
}

void FittedTableView::setModel(QAbstractItemModel *newModel)
{
    if (newModel == model())
        return;
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    QTableView::setModel(newModel);
    if (newModel != nullptr) {
        // Rows that come or go, and texts that change (a row or header may grow taller), change the height.
        m_modelConnections = {
            connect(newModel, &QAbstractItemModel::modelReset, this, &FittedTableView::updateHeight),
            connect(newModel, &QAbstractItemModel::layoutChanged, this, &FittedTableView::updateHeight),
            connect(newModel, &QAbstractItemModel::rowsInserted, this, &FittedTableView::updateHeight),
            connect(newModel, &QAbstractItemModel::rowsRemoved, this, &FittedTableView::updateHeight),
            connect(newModel, &QAbstractItemModel::columnsInserted, this, &FittedTableView::updateHeight),
            connect(newModel, &QAbstractItemModel::columnsRemoved, this, &FittedTableView::updateHeight),
            connect(newModel, &QAbstractItemModel::dataChanged, this, &FittedTableView::updateHeight),
            connect(newModel, &QAbstractItemModel::headerDataChanged, this, &FittedTableView::updateHeight),
        };
    }
    updateHeight();
}

int FittedTableView::heightForAllRows() const
{
    const QHeaderView *header = horizontalHeader();
    // The contents margins hold the frame; the viewport sits inside them, below the header.
    int height = contentsMargins().top() + contentsMargins().bottom();
    if (!header->isHidden()) {
        // As QTableView lays its header out.
        height += std::min(std::max(header->minimumHeight(), header->sizeHint().height()), header->maximumHeight());
    }
    height += verticalHeader()->length();
    const Qt::ScrollBarPolicy policy = horizontalScrollBarPolicy();
    if (policy == Qt::ScrollBarAlwaysOn ||
        (policy == Qt::ScrollBarAsNeeded && header->length() > viewport()->width()))
        height += horizontalScrollBar()->sizeHint().height();
    return height;
}

QSize FittedTableView::sizeHint() const
{
    return {QTableView::sizeHint().width(), heightForAllRows()};
}

QSize FittedTableView::minimumSizeHint() const
{
    const int all = heightForAllRows();
    if (m_fit == Fit::AllRows)
        return {QTableView::minimumSizeHint().width(), all};
    // The rows after the first few may scroll.
    const QHeaderView *rows = verticalHeader();
    int hidden = 0;
    for (int visual = 0, shown = 0; visual < rows->count(); ++visual) {
        const int section = rows->logicalIndex(visual);
        if (rows->isSectionHidden(section))
            continue;
        if (shown++ >= minimumVisibleRows)
            hidden += rows->sectionSize(section);
    }
    return {QTableView::minimumSizeHint().width(), all - hidden};
}

void FittedTableView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LanguageChange:
        updateHeight();
        break;
    default:
        break;
    }
}

void FittedTableView::updateGeometries()
{
    QTableView::updateGeometries();
    // Qt lays the headers out late (after a reset, a show, a resize): the height may have changed with them.
    updateHeight();
}

void FittedTableView::updateHeight()
{
    const int height = heightForAllRows();
    if (height == m_height)
        return;
    m_height = height;
    updateGeometry();
}

} // namespace gd::ui
