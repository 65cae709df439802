// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWizardPage>

#include <functional>

class QLabel;

namespace gd::ui {

/// A page of the New Service wizard (its form is in ui/newservicewizard.ui): complete when its check finds no
/// problem; the problem's sentence shows in the page's problem label, in a red that reads on light and dark themes.
/// GUI thread.
class NewServicePage : public QWizardPage {
    Q_OBJECT
public:
    explicit NewServicePage(QWidget *parent = nullptr);

    /// The check that names the page's first problem (empty: complete) and the label that shows it.
    void setCheck(std::function<QString()> check, QLabel *problem);
    /// Runs the check again, shows its sentence and tells the wizard when completeness changed.
    void recheck();
    bool isComplete() const override { return m_complete; }

private:
    std::function<QString()> m_check;
    QLabel *m_problem = nullptr;
    bool m_complete = false;
};

} // namespace gd::ui
