// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/fittedtableview.h"

#include <QEvent>
#include <QHeaderView>
#include <QScopedValueRollback>
#include <QScrollBar>

#include <algorithm>

namespace gd::ui {
namespace {

/// How many rows an AtMostAllRows table keeps visible however short the layout gets.
constexpr int minimumVisibleRows = 3;

} // namespace

void fitContentsSections(QAbstractItemView *view, QHeaderView *header)
{
    int lastVisible = -1;
    for (int visual = header->count() - 1; visual >= 0 && lastVisible < 0; --visual) {
        if (!header->isSectionHidden(header->logicalIndex(visual)))
            lastVisible = header->logicalIndex(visual);
    }
    for (int section = 0; section < header->count(); ++section) {
        if (header->isSectionHidden(section) || header->sectionResizeMode(section) != QHeaderView::ResizeToContents)
            continue;
        if (section == lastVisible && header->stretchLastSection())
            continue;   // the header stretches it; sizing it here would only fight that
        const int contents = header->orientation() == Qt::Horizontal ? view->sizeHintForColumn(section)
                                                                     : view->sizeHintForRow(section);
        const int size = std::max(contents, header->sectionSizeHint(section));
        if (size != header->sectionSize(section))
            header->resizeSection(section, size);
    }
}

FittedTableView::FittedTableView(Fit fit, QWidget *parent) : QTableView(parent), m_fit(fit)
{
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
    if (model() != nullptr)
        disconnect(model(), nullptr, this, nullptr);
    QTableView::setModel(newModel);
    if (newModel != nullptr) {
        // Texts and rows that change may change the row heights and the content columns' widths.
        connect(newModel, &QAbstractItemModel::modelReset, this, &FittedTableView::refit);
        connect(newModel, &QAbstractItemModel::layoutChanged, this, &FittedTableView::refit);
        connect(newModel, &QAbstractItemModel::rowsInserted, this, &FittedTableView::refit);
        connect(newModel, &QAbstractItemModel::rowsRemoved, this, &FittedTableView::refit);
        connect(newModel, &QAbstractItemModel::columnsInserted, this, &FittedTableView::refit);
        connect(newModel, &QAbstractItemModel::columnsRemoved, this, &FittedTableView::refit);
        connect(newModel, &QAbstractItemModel::dataChanged, this, &FittedTableView::refit);
        connect(newModel, &QAbstractItemModel::headerDataChanged, this, &FittedTableView::refit);
    }
    refit();
}

int FittedTableView::heightForAllRows() const
{
    const QHeaderView *header = horizontalHeader();
    int height = 2 * frameWidth() + contentsMargins().top() + contentsMargins().bottom();
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
        refit();
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

void FittedTableView::refit()
{
    if (m_fitting || model() == nullptr)
        return;
    const QScopedValueRollback<bool> guard(m_fitting, true);
    // Rows first: the width of a content column is measured over the rows it can show.
    fitContentsSections(this, verticalHeader());
    updateHeight();
    fitContentsSections(this, horizontalHeader());
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
