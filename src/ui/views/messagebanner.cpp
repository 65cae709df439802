// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/messagebanner.h"

#include "util/terminaltext.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)), m_detail(new QLabel(this)),
      m_detailsButton(new QToolButton(this)), m_closeButton(new QToolButton(this))
{
    setObjectName(u"messageBanner"_s);
    m_text->setObjectName(u"bannerText"_s);
    m_detail->setObjectName(u"bannerDetail"_s);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->hide();
    m_detailsButton->setCheckable(true);
    m_detailsButton->setAutoRaise(true);
    m_closeButton->setAutoRaise(true);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));

    const int gap = fontMetrics().height() / 2;
    auto *texts = new QVBoxLayout;
    texts->setSpacing(gap / 2);
    texts->addWidget(m_text);
    texts->addWidget(m_detail);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(gap + gap / 2, gap, gap / 2, gap);
    layout->setSpacing(gap);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_detailsButton, 0, Qt::AlignTop);
    layout->addWidget(m_closeButton, 0, Qt::AlignTop);

    connect(m_detailsButton, &QToolButton::toggled, m_detail, &QLabel::setVisible);
    connect(m_closeButton, &QToolButton::clicked, this, &MessageBanner::clearMessage);
    retranslateUi();
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &message, const QString &detail)
{
    m_kind = kind;
    // Messages often carry a server's answer or a name from Git: their control characters are shown, not obeyed.
    m_text->setText(visibleText(message));
    m_detail->setText(visibleText(detail));
    m_detailsButton->setVisible(!detail.isEmpty());
    m_detailsButton->setChecked(false);
    updateIcon();
    show();
    update();
}

void MessageBanner::clearMessage()
{
    m_text->clear();
    m_detail->clear();
    hide();
}

QString MessageBanner::message() const
{
    return m_text->text();
}

QString MessageBanner::detail() const
{
    return m_detail->text();
}

void MessageBanner::updateIcon()
{
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    if (m_kind == Kind::Error)
        pixmap = QStyle::SP_MessageBoxCritical;
    else if (m_kind == Kind::Warning)
        pixmap = QStyle::SP_MessageBoxWarning;
    const int size = fontMetrics().height() * 3 / 2;
    m_icon->setPixmap(style()->standardIcon(pixmap).pixmap(QSize(size, size), devicePixelRatioF()));
}

void MessageBanner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    // A tint of the text colour over the window reads as a raised strip on light and dark themes alike;
    // the accent bar uses the highlight colour (stronger for errors).
    QColor fill = pal.color(QPalette::Window);
    const QColor ink = pal.color(QPalette::WindowText);
    const qreal amount = m_kind == Kind::Error ? 0.10 : 0.06;
    fill.setRgbF(float(fill.redF() * (1 - amount) + ink.redF() * amount),
                 float(fill.greenF() * (1 - amount) + ink.greenF() * amount),
                 float(fill.blueF() * (1 - amount) + ink.blueF() * amount));
    const qreal radius = fontMetrics().height() / 4.0;
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(pal.color(QPalette::Mid));
    painter.setBrush(fill);
    painter.drawRoundedRect(box, radius, radius);
    const qreal accent = std::max(3.0, fontMetrics().height() / 5.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(pal.color(QPalette::Highlight));
    painter.drawRoundedRect(QRectF(box.left(), box.top(), accent, box.height()), radius, radius);
}

void MessageBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateIcon();
    QFrame::changeEvent(event);
}

void MessageBanner::retranslateUi()
{
    m_detailsButton->setText(tr("Details"));
    m_closeButton->setToolTip(tr("Close this message"));
}

} // namespace gd::ui
