// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/releasegate.h"

#include "util/terminaltext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

/// A strip whose background is the window colour tinted with the highlight colour of `palette`.
QWidget *strip(QWidget *parent, const QString &objectName)
{
    auto *widget = new QWidget(parent);
    widget->setObjectName(objectName);
    widget->setAutoFillBackground(true);
    return widget;
}

/// Tints `strip` for the current palette. Only the Window role is set, so text colours keep following the theme.
void tint(QWidget *strip, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Window);
    const QColor accent = palette.color(QPalette::Highlight);
    constexpr double share = 0.18;
    QPalette tinted;
    tinted.setColor(QPalette::Window, QColor::fromRgbF(float(base.redF() * (1 - share) + accent.redF() * share),
                                                       float(base.greenF() * (1 - share) + accent.greenF() * share),
                                                       float(base.blueF() * (1 - share) + accent.blueF() * share)));
    strip->setPalette(tinted);
}

} // namespace

ReleaseGate::ReleaseGate(QWidget *parent)
    : QWidget(parent), m_gate(strip(this, u"canaryGate"_s)), m_gateText(new QLabel(m_gate)),
      m_promote(new QPushButton(m_gate)), m_abort(new QPushButton(m_gate)),
      m_window(strip(this, u"rollbackWindow"_s)), m_windowText(new QLabel(m_window)),
      m_rollback(new QPushButton(m_window))
{
    setObjectName(u"releaseGate"_s);
    m_promote->setObjectName(u"promoteButton"_s);
    m_abort->setObjectName(u"abortButton"_s);
    m_rollback->setObjectName(u"windowRollbackButton"_s);
    m_windowText->setObjectName(u"rollbackWindowText"_s);
    m_gateText->setObjectName(u"canaryGateText"_s);

    const int gap = fontMetrics().height() / 2;
    const auto fill = [gap](QWidget *box, QLabel *text, const QList<QPushButton *> &buttons) {
        auto *row = new QHBoxLayout(box);
        row->setContentsMargins(gap, gap / 2, gap, gap / 2);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row->addWidget(text, 1);
        for (QPushButton *button : buttons)
            row->addWidget(button);
        box->hide();
    };
    fill(m_gate, m_gateText, {m_promote, m_abort});
    tint(m_gate, palette());
    tint(m_window, palette());
    fill(m_window, m_windowText, {m_rollback});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(gap / 2);
    layout->addWidget(m_gate);
    layout->addWidget(m_window);

    connect(m_promote, &QPushButton::clicked, this, &ReleaseGate::promoteRequested);
    connect(m_abort, &QPushButton::clicked, this, &ReleaseGate::abortRequested);
    connect(m_rollback, &QPushButton::clicked, this, [this] {
        if (const auto entry = rollbackCandidate())
            Q_EMIT rollbackRequested(*entry);
    });
    m_tick.setInterval(30 * 1000);
    connect(&m_tick, &QTimer::timeout, this, &ReleaseGate::update);
    retranslateUi();
}

void ReleaseGate::setEnvironment(const ws::EnvironmentState &state)
{
    if (state.environment != m_state.environment)
        m_history.clear();
    m_state = state;
    update();
}

void ReleaseGate::setHistory(const std::vector<ws::ReleaseEntry> &history, int windowMinutes)
{
    m_windowMinutes = windowMinutes;
    m_history = history;
    update();
}

void ReleaseGate::setBusy(bool busy)
{
    m_busy = busy;
    update();
}

std::optional<ws::ReleaseEntry> ReleaseGate::rollbackCandidate() const
{
    if (const ws::ReleaseEntry *open = ws::openRollbackWindow(m_history, m_windowMinutes))
        return *open;
    return std::nullopt;
}

void ReleaseGate::update()
{
    const bool unfinished = !m_state.canaryTag.isEmpty() && m_state.canaryTag != m_state.gaTag;
    m_gate->setVisible(unfinished);
    if (unfinished) {
        m_gateText->setText(visibleText(tr("The canary runs %1 in %2 beside GA %3. Promote it to GA once it looks "
                                           "good, or abort it (the canary release is reverted).")
                                            .arg(m_state.canaryTag, m_state.environment, m_state.gaTag)));
    }
    const std::optional<ws::ReleaseEntry> candidate = rollbackCandidate();
    m_window->setVisible(candidate.has_value());
    if (candidate) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 ago = std::max<qint64>(0, candidate->when.secsTo(now) / 60);
        const qint64 left = (now.secsTo(ws::rollbackDeadline(*candidate, m_windowMinutes)) + 59) / 60;
        const QString when = ago == 0 ? tr("just now") : tr("%n min ago", nullptr, int(ago));
        // The tag and the author's name come from Git: their control characters are shown, not obeyed.
        m_windowText->setText(visibleText(tr("%1 went to GA %2 (%3). Roll back with one click for %n more minute(s).",
                                             nullptr, int(left))
                                              .arg(candidate->toTag, when, candidate->author.name)));
        if (!m_tick.isActive())
            m_tick.start();
    } else {
        m_tick.stop();
    }
    m_promote->setEnabled(!m_busy);
    m_abort->setEnabled(!m_busy);
    m_rollback->setEnabled(!m_busy);
    setVisible(unfinished || candidate.has_value());
}

void ReleaseGate::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::PaletteChange) {
        tint(m_gate, palette());
        tint(m_window, palette());
    }
    QWidget::changeEvent(event);
}

void ReleaseGate::retranslateUi()
{
    m_promote->setText(tr("Promote to GA…"));
    m_abort->setText(tr("Abort Canary…"));
    m_rollback->setText(tr("Roll Back…"));
    update();
}

} // namespace gd::ui
