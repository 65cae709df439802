// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/keyvaluedialog.h"

#include "ui/problemtext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

KeyValueDialog::KeyValueDialog(const QString &title, const QString &nameLabel, const QString &valueLabel, Apply apply,
                               QWidget *parent)
    : QDialog(parent), m_apply(std::move(apply)), m_name(new QLineEdit(this)), m_value(new QLineEdit(this)),
      m_problem(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    m_name->setObjectName(u"keyValueName"_s);
    m_value->setObjectName(u"keyValueValue"_s);
    m_problem->setObjectName(u"keyValueProblem"_s);
    m_problem->setWordWrap(true);
    usesProblemColour(m_problem);
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(nameLabel, m_name);
    form->addRow(valueLabel, m_value);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
        m_problem->hide();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &KeyValueDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &KeyValueDialog::reject);
    setMinimumWidth(420);
}

void KeyValueDialog::accept()
{
    auto applied = m_apply(m_name->text().trimmed(), m_value->text());
    if (!applied.ok()) {
        m_problem->setText(applied.error().message);
        m_problem->show();
        return;
    }
    m_result = *applied;
    QDialog::accept();
}

} // namespace gd::ui
