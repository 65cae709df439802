// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace gd::ui {

/// A message strip above the content: an icon, the sentence, optional technical details behind a toggle,
/// and a close button. Colours derive from the palette. Hidden until showMessage(). GUI thread.
class MessageBanner : public QFrame {
    Q_OBJECT

public:
    enum class Kind { Error, Warning, Information };

    explicit MessageBanner(QWidget *parent = nullptr);

    /// Shows `message` (a sentence: what failed and what to do) with `detail` behind "Details".
    void showMessage(Kind kind, const QString &message, const QString &detail = {});
    /// Hides the banner and forgets its text.
    void clearMessage();

    QString message() const;
    QString detail() const;
    Kind kind() const { return m_kind; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateIcon();

    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QLabel *m_detail;
    QToolButton *m_detailsButton;
    QToolButton *m_closeButton;
};

} // namespace gd::ui
