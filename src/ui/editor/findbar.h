// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace gd::ui {

class YamlEditor;

/// The find/replace strip under an editor: Find (Enter finds the next match, wrapping), Replace All as one undo
/// step, Close (Escape). Says what happened through message(). GUI thread.
class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(YamlEditor *editor, QWidget *parent = nullptr);

    /// Shows the strip (with the replace field when `replace`), the editor's one-line selection as the text to
    /// find, and focuses it.
    void open(bool replace);
    /// Hides the strip and gives the focus back to the editor (Close, or Escape).
    void dismiss();

Q_SIGNALS:
    /// A sentence for the status bar ("3 replacements.").
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void retranslateUi();

    YamlEditor *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QPushButton *m_next;
    QPushButton *m_replaceAll;
    QPushButton *m_close;
};

} // namespace gd::ui
