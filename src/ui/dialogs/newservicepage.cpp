// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/newservicepage.h"

#include "ui/problemtext.h"

#include <QLabel>

namespace gd::ui {

NewServicePage::NewServicePage(QWidget *parent) : QWizardPage(parent) {}

void NewServicePage::setCheck(std::function<QString()> check, QLabel *problem)
{
    m_check = std::move(check);
    m_problem = problem;
    usesProblemColour(m_problem);
}

void NewServicePage::recheck()
{
    if (!m_check)
        return;
    const QString problem = m_check();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    const bool complete = problem.isEmpty();
    if (complete != m_complete) {
        m_complete = complete;
        Q_EMIT completeChanged();
    }
}

} // namespace gd::ui
