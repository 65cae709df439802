// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace gd::ui {

/// Asks for a user name and a password or access token for the workspace's container registry. OK (enabled once
/// both are typed) emits submitted() and waits: the caller uses the sign-in at once, tries to keep it in the system
/// keychain and reports through setKeychainOutcome(): kept closes the dialog, not kept says why in the problem line
/// and leaves only Close. The secret is never shown or logged. GUI thread.
class RegistrySignInDialog : public QDialog {
    Q_OBJECT
public:
    /// `registry` names the registry for the explanation ("https://harbor.example.com").
    explicit RegistrySignInDialog(const QString &registry, QWidget *parent = nullptr);

    /// The trimmed user name typed.
    QString username() const;
    /// The password or token typed, as typed.
    QString secret() const;
    /// Ends the wait after submitted(): an empty `problem` accepts the dialog; otherwise the sentence is shown and
    /// the dialog stays open with Close only (the sign-in still holds for this session).
    void setKeychainOutcome(const QString &problem);

Q_SIGNALS:
    /// OK was clicked with a user name and a secret.
    void submitted();

private:
    void onOk();
    void updateState();

    QLabel *m_explanation;
    QLineEdit *m_username;
    QLineEdit *m_secret;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    bool m_waiting = false;
};

} // namespace gd::ui
