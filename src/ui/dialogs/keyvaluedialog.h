// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace gd::ui {

/// A small form asking for a name and a value (an environment variable, a label). OK applies `apply` to the
/// text; when it fails the sentence is shown in the form and the dialog stays open, so nothing half-valid is
/// accepted. GUI thread.
class KeyValueDialog : public QDialog {
    Q_OBJECT
public:
    /// The text edit to try: gets name and value, returns the new text or an error sentence.
    using Apply = std::function<Result<QByteArray>(const QString &name, const QString &value)>;

    KeyValueDialog(const QString &title, const QString &nameLabel, const QString &valueLabel, Apply apply,
                   QWidget *parent = nullptr);

    /// The text `apply` returned for the accepted input (empty until accepted).
    QByteArray result() const { return m_result; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *valueEdit() const { return m_value; }

    void accept() override;

private:
    Apply m_apply;
    QByteArray m_result;
    QLineEdit *m_name;
    QLineEdit *m_value;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace gd::ui
