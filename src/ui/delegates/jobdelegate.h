// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace gd::ui {

/// Draws one job of the Activity panel: state icon, title and time; the current step (or why it failed);
/// a progress bar while it is active, else when it ended and how long it took. Sizes follow the font,
/// colours the palette. Reads JobListModel roles. GUI thread.
class JobDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit JobDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace gd::ui
