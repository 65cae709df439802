// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/argologindialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

ArgoLoginDialog::ArgoLoginDialog(const QString &server, const QString &reason, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Log In to Argo CD"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(reason.isEmpty() ? tr("Log in to Argo CD at %1.").arg(server) : reason, this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_passwordMode = new QRadioButton(tr("&User name and password"), this);
    m_tokenMode = new QRadioButton(tr("&Token"), this);
    m_passwordMode->setChecked(true);
    m_username = new QLineEdit(this);
    m_username->setObjectName(u"username"_s);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_token = new QLineEdit(this);
    m_token->setObjectName(u"token"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("argocd account generate-token"));

    auto *form = new QFormLayout;
    form->addRow(m_passwordMode);
    form->addRow(tr("User name:"), m_username);
    form->addRow(tr("Password:"), m_password);
    form->addRow(m_tokenMode);
    form->addRow(tr("Token:"), m_token);
    layout->addLayout(form);

    auto *note = new QLabel(tr("The token is kept in the system keychain, never in a file."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Log In"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_username, m_password, m_token})
        connect(edit, &QLineEdit::textChanged, this, &ArgoLoginDialog::updateState);
    connect(m_tokenMode, &QRadioButton::toggled, this, &ArgoLoginDialog::updateState);
    updateState();
}

bool ArgoLoginDialog::usesToken() const
{
    return m_tokenMode->isChecked();
}

QString ArgoLoginDialog::username() const
{
    return m_username->text().trimmed();
}

QString ArgoLoginDialog::password() const
{
    return m_password->text();
}

QString ArgoLoginDialog::token() const
{
    return m_token->text().trimmed();
}

void ArgoLoginDialog::updateState()
{
    const bool tokenMode = usesToken();
    m_username->setEnabled(!tokenMode);
    m_password->setEnabled(!tokenMode);
    m_token->setEnabled(tokenMode);
    const bool complete = tokenMode ? !token().isEmpty() : !username().isEmpty() && !password().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete);
}

} // namespace gd::ui
