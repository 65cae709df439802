// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/findbar.h"

#include "ui/editor/yamleditor.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

FindBar::FindBar(YamlEditor *editor, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_find(new QLineEdit(this)), m_replace(new QLineEdit(this)),
      m_next(new QPushButton(this)), m_replaceAll(new QPushButton(this)), m_close(new QPushButton(this))
{
    setObjectName(u"findBar"_s);
    m_find->setObjectName(u"findEdit"_s);
    m_replace->setObjectName(u"replaceEdit"_s);
    m_next->setObjectName(u"findNextButton"_s);
    m_replaceAll->setObjectName(u"replaceAllButton"_s);
    m_close->setObjectName(u"hideFindButton"_s);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_find, 2);
    layout->addWidget(m_next);
    layout->addWidget(m_replace, 2);
    layout->addWidget(m_replaceAll);
    layout->addWidget(m_close);

    connect(m_find, &QLineEdit::returnPressed, m_next, &QPushButton::click);
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (m_editor->findNext(m_find->text()) == 0)
            Q_EMIT message(tr("\"%1\" is not in this file.").arg(m_find->text()));
    });
    connect(m_replaceAll, &QPushButton::clicked, this, [this] {
        const int count = m_editor->replaceAll(m_find->text(), m_replace->text());
        Q_EMIT message(tr("%n replacement(s).", nullptr, count));
    });
    connect(m_close, &QPushButton::clicked, this, &FindBar::dismiss);
    retranslateUi();
    hide();
}

void FindBar::open(bool replace)
{
    show();
    m_replace->setVisible(replace);
    m_replaceAll->setVisible(replace);
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    m_find->setFocus();
    m_find->selectAll();
}

void FindBar::dismiss()
{
    hide();
    m_editor->setFocus();
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    // Escape anywhere in the strip (the line edits pass it on) closes it.
    if (event->key() == Qt::Key_Escape) {
        dismiss();
        return;
    }
    QWidget::keyPressEvent(event);
}

void FindBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void FindBar::retranslateUi()
{
    m_find->setPlaceholderText(tr("Find"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_next->setText(tr("Find Next"));
    m_replaceAll->setText(tr("Replace All"));
    m_close->setText(tr("Close"));
}

} // namespace gd::ui
