// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/activitypanel.h"

#include "flows/jobqueue.h"
#include "ui/delegates/jobdelegate.h"
#include "ui/models/joblistmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QListView>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

ActivityPanel::ActivityPanel(flows::JobQueue *queue, QWidget *parent)
    : QWidget(parent), m_queue(queue), m_model(new JobListModel(queue, this)), m_view(new QListView(this)),
      m_cancelButton(new QPushButton(this)), m_clearButton(new QPushButton(this)), m_animation(new QTimer(this))
{
    m_animation->setInterval(40);
    connect(m_animation, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    setObjectName(u"activityPanel"_s);
    m_view->setObjectName(u"activityList"_s);
    m_cancelButton->setObjectName(u"cancelJobButton"_s);
    m_clearButton->setObjectName(u"clearJobsButton"_s);
    m_view->setModel(m_model);
    auto *delegate = new JobDelegate(m_view);
    m_view->setItemDelegate(delegate);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformItemSizes(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setAlternatingRowColors(true);
    m_cancelButton->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));

    const int gap = fontMetrics().height() / 3;
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(gap);
    buttons->addStretch(1);
    buttons->addWidget(m_clearButton);
    buttons->addWidget(m_cancelButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(gap, gap, gap, gap);
    layout->setSpacing(gap);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ActivityPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ActivityPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ActivityPanel::updateAnimation);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivityPanel::updateAnimation);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ActivityPanel::updateAnimation);
    // A job that ends takes fewer lines than a running one: tell the view to lay the rows out again.
    connect(m_model, &QAbstractItemModel::dataChanged, delegate,
            [delegate](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                    Q_EMIT delegate->sizeHintChanged(topLeft.siblingAtRow(row));
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivityPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ActivityPanel::updateButtons);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (const int id = selectedJob(); id != 0)
            m_queue->cancel(id);
    });
    connect(m_clearButton, &QPushButton::clicked, m_queue, &flows::JobQueue::clearFinished);
    retranslateUi();
    updateButtons();
}

QSize ActivityPanel::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {fm.averageCharWidth() * 80, fm.height() * 12};
}

int ActivityPanel::selectedJob() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(JobIdRole).toInt() : 0;
}

void ActivityPanel::updateButtons()
{
    const QModelIndex current = m_view->currentIndex();
    m_cancelButton->setEnabled(current.isValid() && current.data(JobActiveRole).toBool() &&
                               !current.data(JobCancelRequestedRole).toBool());
    bool anyFinished = false;
    for (int row = 0; row < m_model->rowCount() && !anyFinished; ++row)
        anyFinished = !m_model->index(row).data(JobActiveRole).toBool();
    m_clearButton->setEnabled(anyFinished);
}

void ActivityPanel::updateAnimation()
{
    bool busy = false;
    for (int row = 0; row < m_model->rowCount() && !busy; ++row) {
        const QModelIndex index = m_model->index(row);
        busy = index.data(JobStateRole).toInt() == int(flows::JobState::Running) &&
               index.data(JobProgressRole).toInt() < 0;
    }
    if (busy && !m_animation->isActive())
        m_animation->start();
    else if (!busy)
        m_animation->stop();
}

void ActivityPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ActivityPanel::retranslateUi()
{
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop the selected task"));
    m_clearButton->setText(tr("Clear Finished"));
    m_clearButton->setToolTip(tr("Remove finished tasks from this list"));
}

} // namespace gd::ui
