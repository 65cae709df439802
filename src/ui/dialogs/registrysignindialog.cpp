// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/registrysignindialog.h"

#include "ui/problemtext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

RegistrySignInDialog::RegistrySignInDialog(const QString &registry, QWidget *parent)
    : QDialog(parent), m_explanation(new QLabel(this)), m_username(new QLineEdit(this)), m_secret(new QLineEdit(this)),
      m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"registrySignInDialog"_s);
    setWindowTitle(tr("Sign In to the Registry"));
    m_username->setObjectName(u"registrySignInUser"_s);
    m_secret->setObjectName(u"registrySignInSecret"_s);
    m_problem->setObjectName(u"registrySignInProblem"_s);
    m_explanation->setText(tr("Enter a user name (or robot account) and its password or access token for %1. The "
                              "sign-in is kept in the system keychain.")
                               .arg(registry));
    m_explanation->setWordWrap(true);
    m_secret->setEchoMode(QLineEdit::Password);
    m_problem->setWordWrap(true);
    usesProblemColour(m_problem);
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("User name:"), m_username);
    form->addRow(tr("Password or token:"), m_secret);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_explanation);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign In"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"registrySignInOk"_s);
    connect(m_username, &QLineEdit::textChanged, this, &RegistrySignInDialog::updateState);
    connect(m_secret, &QLineEdit::textChanged, this, &RegistrySignInDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RegistrySignInDialog::onOk);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RegistrySignInDialog::reject);
    updateState();
    setMinimumWidth(460);
}

QString RegistrySignInDialog::username() const
{
    return m_username->text().trimmed();
}

QString RegistrySignInDialog::secret() const
{
    return m_secret->text();
}

void RegistrySignInDialog::updateState()
{
    QString problem;
    // The keychain keeps "user:secret" split at the first colon, as Basic authentication does.
    if (username().contains(u':'))
        problem = tr("A user name cannot contain ':'. Check the user name.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok))
        ok->setEnabled(!m_waiting && problem.isEmpty() && !username().isEmpty() && !secret().isEmpty());
}

void RegistrySignInDialog::onOk()
{
    if (m_waiting || username().isEmpty() || secret().isEmpty() || username().contains(u':'))
        return;
    m_waiting = true;
    m_username->setEnabled(false);
    m_secret->setEnabled(false);
    updateState();
    Q_EMIT submitted();
}

void RegistrySignInDialog::setKeychainOutcome(const QString &problem)
{
    m_waiting = false;
    if (problem.isEmpty()) {
        accept();
        return;
    }
    m_problem->setText(problem);
    m_problem->show();
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(u"registrySignInClose"_s);
}

} // namespace gd::ui
