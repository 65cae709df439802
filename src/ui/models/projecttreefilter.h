// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace gd::ui {

/// Filters the project tree by a name or a tag: a row is shown when it matches, when one of its descendants
/// matches (so the path to a match stays visible), or when its parent matches (a matching project shows its
/// services). Case-insensitive substring match on ProjectTreeRole::FilterTextRole. GUI thread.
class ProjectTreeFilter : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit ProjectTreeFilter(QObject *parent = nullptr);

    /// Shows only what matches `text` (empty: everything).
    void setFilterText(const QString &text);
};

} // namespace gd::ui
