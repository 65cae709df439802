// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/projecttreefilter.h"

#include "ui/models/projecttreeroles.h"

namespace gd::ui {

ProjectTreeFilter::ProjectTreeFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setFilterRole(FilterTextRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(0);
}

void ProjectTreeFilter::setFilterText(const QString &text)
{
    setFilterFixedString(text.trimmed());
}

} // namespace gd::ui
