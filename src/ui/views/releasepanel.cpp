// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/releasepanel.h"

#include "ui/models/releasehistorymodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

ReleasePanel::ReleasePanel(QWidget *parent)
    : QWidget(parent), m_heading(new QLabel(this)), m_historyState(new QLabel(this)), m_table(new QTreeView(this)),
      m_rollback(new QPushButton(this)), m_model(new ReleaseHistoryModel(this))
{
    setObjectName(u"releasePanel"_s);
    m_table->setObjectName(u"releaseHistory"_s);
    m_rollback->setObjectName(u"rollbackButton"_s);
    m_historyState->setObjectName(u"releaseHistoryState"_s);

    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_historyState->setForegroundRole(QPalette::PlaceholderText);
    m_historyState->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(ReleaseHistoryModel::OutcomeColumn, QHeaderView::Stretch);

    const int gap = fontMetrics().height() / 2;
    auto *header = new QHBoxLayout;
    header->addWidget(m_heading, 1);
    header->addWidget(m_rollback);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, gap / 2, 0, 0);
    layout->setSpacing(gap / 2);
    layout->addLayout(header);
    layout->addWidget(m_historyState);
    layout->addWidget(m_table, 1);

    connect(m_rollback, &QPushButton::clicked, this, [this] {
        if (const ws::ReleaseEntry *entry = m_model->entryAt(m_table->currentIndex().row()))
            Q_EMIT rollbackRequested(*entry);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReleasePanel::updateButtons);
    retranslateUi();
}

void ReleasePanel::setEnvironment(const QString &project, const QString &service, const QString &env)
{
    if (project != m_project || service != m_service || env != m_env)
        m_model->setEntries({});
    m_project = project;
    m_service = service;
    m_env = env;
    m_historyProblem.clear();
    m_historyState->setText(tr("Reading the release history from Git…"));
    m_historyState->show();
    retranslateUi();
    Q_EMIT historyRequested(project, service, env);
}

void ReleasePanel::setHistory(const QString &project, const QString &service, const QString &env,
                              const Result<std::vector<ws::ReleaseEntry>> &history)
{
    if (project != m_project || service != m_service || env != m_env)
        return;
    m_historyProblem = history.ok() ? QString() : history.error().message;
    m_model->setEntries(history.ok() ? *history : std::vector<ws::ReleaseEntry>());
    const QString state = !m_historyProblem.isEmpty() ? m_historyProblem
                          : m_model->rowCount() == 0  ? tr("No releases yet.")
                                                      : QString();
    m_historyState->setText(state);
    m_historyState->setVisible(!state.isEmpty());
    updateButtons();
}

void ReleasePanel::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void ReleasePanel::updateButtons()
{
    const ws::ReleaseEntry *selected = m_model->entryAt(m_table->currentIndex().row());
    const bool broughtIn = selected != nullptr && selected->broughtIn();
    m_rollback->setEnabled(!m_busy && selected != nullptr && !broughtIn);
    m_rollback->setToolTip(broughtIn ? tr("This change brought the service into the environment: there is no earlier "
                                          "version to roll back to.")
                                     : tr("Revert the selected change with a new commit, then sync"));
}

void ReleasePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_model->retranslate();
    }
    QWidget::changeEvent(event);
}

void ReleasePanel::retranslateUi()
{
    m_heading->setText(m_env.isEmpty() ? tr("Release history") : tr("Release history in %1").arg(m_env));
    m_rollback->setText(tr("Roll Back Selected…"));
    updateButtons();
}

} // namespace gd::ui
