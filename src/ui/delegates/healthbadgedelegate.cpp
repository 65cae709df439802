// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/delegates/healthbadgedelegate.h"

#include "net/argoapplication.h"
#include "ui/models/healthmatrixroles.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

namespace {

constexpr int Margin = 6;
constexpr int PillGap = 4;
constexpr int PillPadding = 6;

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

qreal luminance(const QColor &c)
{
    auto channel = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QFont smallFont(const QFont &base)
{
    QFont font = base;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.85));
    else
        font.setPixelSize(std::max(9, font.pixelSize() * 85 / 100));
    return font;
}

} // namespace

HealthBadgeDelegate::HealthBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QColor HealthBadgeDelegate::statusHue(const QString &status)
{
    if (status == u"Healthy" || status == u"Synced" || status == u"Succeeded")
        return QColor(0x2e, 0xa0, 0x4f);
    if (status == u"Progressing" || status == u"Running")
        return QColor(0x2f, 0x80, 0xed);
    if (status == u"Degraded" || status == u"Failed" || status == u"Error")
        return QColor(0xe0, 0x3e, 0x3e);
    if (status == u"OutOfSync" || status == u"Missing")
        return QColor(0xe8, 0x8a, 0x1a);
    if (status == u"Suspended")
        return QColor(0x8e, 0x5c, 0xd9);
    return QColor(0x8a, 0x8f, 0x98);
}

HealthBadgeDelegate::PillColors HealthBadgeDelegate::pillColors(const QColor &hue, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const bool dark = luminance(base) < 0.2;
    PillColors colors;
    colors.fill = mix(base, hue, dark ? 0.30 : 0.16);
    colors.border = mix(base, hue, dark ? 0.75 : 0.65);
    // The status hue pulled towards the palette's text until it reads well on the fill.
    const QColor text = palette.color(QPalette::Text);
    colors.text = mix(hue, text, dark ? 0.25 : 0.35);
    for (qreal t = 0.5; contrast(colors.text, colors.fill) < 4.5 && t <= 1.0; t += 0.1)
        colors.text = mix(hue, text, t);
    return colors;
}

int HealthBadgeDelegate::paintPill(QPainter *painter, const QPoint &topLeft, const QString &text, const QColor &hue,
                                   const QPalette &palette, const QFont &font)
{
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 4;
    const int dot = height / 3;
    const int width = PillPadding + dot + 4 + metrics.horizontalAdvance(text) + PillPadding;
    const QRectF rect(topLeft, QSizeF(width, height));
    const PillColors colors = pillColors(hue, palette);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colors.border, 1));
    painter->setBrush(colors.fill);
    painter->drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    // The icon-like dot in the full hue.
    painter->setPen(Qt::NoPen);
    painter->setBrush(mix(hue, palette.color(QPalette::Text), 0.1));
    painter->drawEllipse(QRectF(rect.left() + PillPadding, rect.center().y() - dot / 2.0, dot, dot));
    painter->setFont(font);
    painter->setPen(colors.text);
    painter->drawText(QRectF(rect.left() + PillPadding + dot + 4, rect.top(), metrics.horizontalAdvance(text) + 1,
                             height),
                      Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->restore();
    return width;
}

void HealthBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QPalette &palette = option.palette;
    const QRect area = option.rect.adjusted(Margin, Margin - 2, -Margin, -Margin + 2);
    const QFont font = smallFont(option.font);
    const QFontMetrics metrics(font);
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QColor textColor = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor muted = mix(textColor, palette.color(selected ? QPalette::Highlight : QPalette::Base), 0.45);

    const bool deployed = index.data(MatrixDeployedRole).toBool();
    const bool hasApp = index.data(MatrixHasApplicationRole).toBool();
    painter->save();
    painter->setFont(font);
    int y = area.top();
    if (!deployed && !hasApp) {
        painter->setPen(muted);
        painter->drawText(area, Qt::AlignCenter, QStringLiteral("—"));
        painter->restore();
        return;
    }
    if (hasApp) {
        const QString sync = index.data(MatrixSyncStatusRole).toString();
        const QString health = index.data(MatrixHealthStatusRole).toString();
        int x = area.left();
        x += paintPill(painter, QPoint(x, y), argo::statusText(health), statusHue(health), palette, font) + PillGap;
        paintPill(painter, QPoint(x, y), argo::statusText(sync), statusHue(sync), palette, font);
    } else {
        painter->setPen(muted);
        painter->drawText(QRect(area.left(), y, area.width(), metrics.height() + 4), Qt::AlignVCenter | Qt::AlignLeft,
                          tr("No application"));
    }
    y += metrics.height() + 4 + 3;

    // The tags: GA, then canary when the canary overlay is in use.
    const QString ga = index.data(MatrixGaTagRole).toString();
    const QString canary = index.data(MatrixCanaryTagRole).toString();
    QString tags;
    if (!ga.isEmpty())
        tags = tr("GA %1").arg(ga);
    if (!canary.isEmpty())
        tags += (tags.isEmpty() ? QString() : u"  "_s) + tr("canary %1").arg(canary);
    const bool behind = index.data(MatrixBehindRole).toBool();
    int tagsRight = area.right();
    if (behind) {
        const QString mark = tr("behind");
        const int markWidth = metrics.horizontalAdvance(mark) + metrics.height();
        const QRect markRect(area.right() - markWidth + 1, y, markWidth, metrics.height());
        const QColor hue = statusHue(u"OutOfSync"_s);
        const PillColors colors = pillColors(hue, palette);
        painter->setPen(colors.text);
        // A small arrow pointing back, then the word.
        const int a = metrics.height() / 3;
        const QPointF tip(markRect.left() + 2, markRect.center().y() + 0.5);
        QPainterPath arrow;
        arrow.moveTo(tip + QPointF(a, -a));
        arrow.lineTo(tip);
        arrow.lineTo(tip + QPointF(a, a));
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(colors.text, 1.5));
        painter->drawPath(arrow);
        painter->restore();
        painter->drawText(markRect.adjusted(metrics.height() - 2, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, mark);
        tagsRight = markRect.left() - PillGap;
    }
    if (!tags.isEmpty()) {
        painter->setPen(muted);
        const QRect tagRect(area.left(), y, tagsRight - area.left(), metrics.height());
        painter->drawText(tagRect, Qt::AlignVCenter | Qt::AlignLeft,
                          metrics.elidedText(tags, Qt::ElideMiddle, tagRect.width()));
    }

    if (index.data(MatrixOperationRunningRole).toBool()) {
        const int size = metrics.height();
        const QRectF arc(area.right() - size + 1, area.top() + 2, size - 2, size - 2);
        painter->setRenderHint(QPainter::Antialiasing);
        const QColor hue = statusHue(u"Running"_s);
        painter->setPen(QPen(mix(palette.color(QPalette::Base), hue, 0.25), 2));
        painter->drawEllipse(arc);
        painter->setPen(QPen(pillColors(hue, palette).border, 2, Qt::SolidLine, Qt::RoundCap));
        painter->drawArc(arc, -m_spinnerAngle * 16, 100 * 16);
    }
    painter->restore();
}

QSize HealthBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    const QFontMetrics metrics(smallFont(option.font));
    const int pills = 2 * (2 * PillPadding + metrics.height() / 3 + 4) + PillGap
                      + metrics.horizontalAdvance(argo::statusText(u"Progressing"_s))
                      + metrics.horizontalAdvance(argo::statusText(u"OutOfSync"_s));
    return {pills + 2 * Margin + metrics.height(), 2 * (metrics.height() + 4) + 3 + 2 * Margin - 4};
}

bool HealthBadgeDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                    const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip && index.isValid()) {
        const QString text = index.data(MatrixTooltipRole).toString();
        if (!text.isEmpty()) {
            QToolTip::showText(event->globalPos(), text, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace gd::ui
