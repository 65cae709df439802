// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

class QPainter;

namespace gd::ui {

/// Paints one cell of the health matrix: a sync pill and a health pill, the GA / canary tags under them, a spinner
/// while an operation runs and a "behind" marker. Colours derive from the palette (readable in dark mode). The view
/// drives the spinner with setSpinnerAngle(). GUI thread.
class HealthBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit HealthBadgeDelegate(QObject *parent = nullptr);

    /// The angle (degrees) the spinners start at; the view advances it from a timer.
    void setSpinnerAngle(int degrees) { m_spinnerAngle = degrees; }
    int spinnerAngle() const { return m_spinnerAngle; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    /// The hue of a health or sync status ("Healthy", "OutOfSync", ...); grey for unknown words.
    static QColor statusHue(const QString &status);
    /// A pill's fill, border and text colours for `hue` on `palette`'s base, with readable contrast.
    struct PillColors {
        QColor fill;
        QColor border;
        QColor text;
    };
    static PillColors pillColors(const QColor &hue, const QPalette &palette);
    /// Paints a pill with `text` whose left edge is at `topLeft`; returns its width.
    static int paintPill(QPainter *painter, const QPoint &topLeft, const QString &text, const QColor &hue,
                         const QPalette &palette, const QFont &font);

private:
    int m_spinnerAngle = 0;
};

} // namespace gd::ui
