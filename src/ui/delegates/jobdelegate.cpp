// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/delegates/jobdelegate.h"

#include "flows/job.h"
#include "ui/models/joblistroles.h"

#include <QApplication>
#include <QDateTime>
#include <QTime>
#include <QLocale>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionProgressBar>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

struct Metrics {
    int padding;
    int line;
    int icon;
    int bar;
};

Metrics metricsFor(const QFont &font)
{
    const QFontMetrics fm(font);
    return Metrics{fm.height() / 3, fm.height(), fm.height(), std::max(fm.height() * 2 / 3, 6)};
}

QIcon stateIcon(flows::JobState state, const QStyle *style)
{
    switch (state) {
    case flows::JobState::Queued:
        return style->standardIcon(QStyle::SP_MediaPause);
    case flows::JobState::Running:
        return style->standardIcon(QStyle::SP_BrowserReload);
    case flows::JobState::Succeeded:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case flows::JobState::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case flows::JobState::Cancelled:
        return style->standardIcon(QStyle::SP_DialogCancelButton);
    }
    return {};
}

QString durationText(qint64 ms)
{
    if (ms < 1000)
        return JobDelegate::tr("%1 ms").arg(ms);
    if (ms < 60000)
        return JobDelegate::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    return JobDelegate::tr("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

} // namespace

JobDelegate::JobDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

/// Active and failed jobs take three lines (a progress bar, or the detail of the failure); others two.
static int lineCount(const QModelIndex &index)
{
    const auto state = flows::JobState(index.data(JobStateRole).toInt());
    return index.data(JobActiveRole).toBool() || state == flows::JobState::Failed ? 3 : 2;
}

QSize JobDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Metrics m = metricsFor(option.font);
    const int lines = lineCount(index);
    const int height = m.padding * 2 + m.line * lines + m.padding / 2 * (lines - 1);
    return {QFontMetrics(option.font).averageCharWidth() * 40, height};
}

void JobDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget != nullptr ? widget->style() : QApplication::style();

    // The background and selection as the style draws them, without the text.
    opt.text.clear();
    opt.icon = QIcon();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const auto state = flows::JobState(index.data(JobStateRole).toInt());
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group = opt.state.testFlag(QStyle::State_Active) ? QPalette::Active
                                                                                : QPalette::Inactive;
    QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = text;
    secondary.setAlphaF(0.7f);

    const Metrics m = metricsFor(opt.font);
    const QRect area = opt.rect.adjusted(m.padding, m.padding, -m.padding, -m.padding);
    const int lineGap = m.padding / 2;

    painter->save();
    // Line 1: state icon, title, time.
    const QRect iconRect(area.left(), area.top(), m.icon, m.icon);
    stateIcon(state, style).paint(painter, iconRect);
    const QDateTime time = index.data(JobTimeRole).toDateTime();
    const QString timeText = QLocale().toString(time.time(), QLocale::ShortFormat);
    const QFontMetrics fm(opt.font);
    const int timeWidth = fm.horizontalAdvance(timeText);
    QFont titleFont = opt.font;
    titleFont.setBold(true);
    const QFontMetrics titleFm(titleFont);
    const int textLeft = iconRect.right() + m.padding;
    const QRect titleRect(textLeft, area.top(), area.right() - textLeft - timeWidth - m.padding, m.line);
    painter->setFont(titleFont);
    painter->setPen(text);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      titleFm.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, titleRect.width()));
    painter->setFont(opt.font);
    painter->setPen(secondary);
    painter->drawText(QRect(area.right() - timeWidth, area.top(), timeWidth, m.line), Qt::AlignRight | Qt::AlignVCenter,
                      timeText);

    // Line 2: the current step while active; else how it ended (and why it failed).
    const QRect secondRect(textLeft, area.top() + m.line + lineGap, area.right() - textLeft, m.line);
    const QRect thirdRect(textLeft, secondRect.bottom() + 1 + lineGap, area.right() - textLeft, m.line);
    const qint64 duration = index.data(JobDurationRole).toLongLong();
    painter->setPen(secondary);
    if (index.data(JobActiveRole).toBool()) {
        painter->drawText(secondRect, Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(index.data(JobStatusRole).toString(), Qt::ElideRight, secondRect.width()));
        // Line 3: the progress bar; empty while queued; a moving chunk while the amount of work is unknown
        // (the Activity panel repaints running rows for the animation).
        QStyleOptionProgressBar bar;
        bar.initFrom(widget);
        bar.state = opt.state | QStyle::State_Horizontal;
        bar.rect = QRect(thirdRect.left(), thirdRect.center().y() - m.bar / 2, thirdRect.width(), m.bar);
        const int progress = index.data(JobProgressRole).toInt();
        const bool busy = state == flows::JobState::Running && progress < 0;
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = busy || state == flows::JobState::Queued ? 0 : std::max(progress, 0);
        bar.textVisible = false;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
        if (busy) {
            const int chunk = std::max(bar.rect.width() / 4, m.bar);
            const int travel = bar.rect.width() + chunk;
            const int offset = int((QTime::currentTime().msecsSinceStartOfDay() / 8) % travel) - chunk;
            QRect moving(bar.rect.left() + offset, bar.rect.top() + 1, chunk, bar.rect.height() - 2);
            moving = moving.intersected(bar.rect.adjusted(1, 1, -1, -1));
            painter->setPen(Qt::NoPen);
            painter->setBrush(opt.palette.color(group, QPalette::Highlight));
            painter->drawRoundedRect(moving, m.bar / 4.0, m.bar / 4.0);
        }
    } else if (state == flows::JobState::Failed) {
        QFont bold = opt.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(text);
        painter->drawText(secondRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(index.data(JobErrorRole).toString(), Qt::ElideRight,
                                                        secondRect.width()));
        painter->setFont(opt.font);
        painter->setPen(secondary);
        QString ended = duration >= 0 ? tr("Failed after %1").arg(durationText(duration)) : tr("Failed");
        const QString detail = index.data(JobErrorDetailRole).toString();
        if (!detail.isEmpty())
            ended += u" — "_s + detail.section(u'\n', 0, 0);
        painter->drawText(thirdRect, Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(ended, Qt::ElideRight, thirdRect.width()));
    } else {
        const QString ended = state == flows::JobState::Cancelled ? tr("Cancelled")
                              : duration >= 0 ? tr("Finished in %1").arg(durationText(duration))
                                              : tr("Finished");
        painter->drawText(secondRect, Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(ended, Qt::ElideRight, secondRect.width()));
    }
    painter->restore();
}

} // namespace gd::ui
