// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/problemlist.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyle>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

constexpr int fileRole = Qt::UserRole + 1;
constexpr int lineRole = Qt::UserRole + 2;
constexpr int columnRole = Qt::UserRole + 3;

} // namespace

ProblemList::ProblemList(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(u"problemList"_s);
    setColumnCount(3);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT problemActivated(item->data(0, fileRole).toString(), item->data(0, lineRole).toInt(),
                                item->data(0, columnRole).toInt());
    });
    retranslateUi();
}

void ProblemList::setProblems(const std::vector<ws::Finding> &problems)
{
    clear();
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const ws::Finding &finding : problems) {
        const manifest::Diagnostic &d = finding.diagnostic;
        auto *item = new QTreeWidgetItem(this);
        item->setIcon(0, d.isError() ? errorIcon : warningIcon);
        item->setText(0, finding.file);
        item->setText(1, d.line > 0 ? u"%1:%2"_s.arg(d.line).arg(d.column) : QString());
        item->setText(2, d.message.section(u'\n', 0, 0));
        item->setToolTip(2, d.message);
        item->setData(0, fileRole, finding.file);
        item->setData(0, lineRole, d.line);
        item->setData(0, columnRole, d.column);
    }
}

void ProblemList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QTreeWidget::changeEvent(event);
}

void ProblemList::retranslateUi()
{
    setHeaderLabels({tr("File"), tr("Line"), tr("Problem")});
}

} // namespace gd::ui
