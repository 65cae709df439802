// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace gd::ui {

/// Asks for Argo CD credentials: a user name and password (exchanged for a token by the session) or a token
/// (e.g. from `argocd account generate-token`). Whatever is typed goes to the keychain only, never to a file.
class ArgoLoginDialog : public QDialog {
    Q_OBJECT
public:
    /// `server` and `reason` are shown so the user knows where the login goes and why it is asked.
    ArgoLoginDialog(const QString &server, const QString &reason, QWidget *parent = nullptr);

    bool usesToken() const;
    QString username() const;
    QString password() const;
    QString token() const;

private:
    void updateState();

    QRadioButton *m_passwordMode = nullptr;
    QRadioButton *m_tokenMode = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_token = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace gd::ui
