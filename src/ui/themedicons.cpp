// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/themedicons.h"

#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

/// Draws the source SVG in one colour per mode, at whatever size is asked for (no pre-rendered set).
class TintedIconEngine final : public QIconEngine {
public:
    TintedIconEngine(QString name, QColor normal, QColor disabled)
        : m_name(std::move(name)), m_source(u":/icons/"_s + m_name + u".svg"_s), m_normal(normal),
          m_disabled(disabled)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() != nullptr ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pm = scaledPixmap(rect.size(), mode, state, dpr);
        painter->drawPixmap(rect, pm);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QColor colour = mode == QIcon::Disabled ? m_disabled : m_normal;
        const QSize device = size * scale;
        const QString key = u"gd-icon|"_s + m_name + u'|' + colour.name(QColor::HexArgb) + u'|' +
                            QString::number(device.width()) + u'x' + QString::number(device.height());
        QPixmap pixmap;
        if (QPixmapCache::find(key, &pixmap))
            return pixmap;
        pixmap = QPixmap(device);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            m_source.paint(&painter, QRect(QPoint(0, 0), device));
            // Keep the shape, replace the colour.
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(QRect(QPoint(0, 0), device), colour);
        }
        pixmap.setDevicePixelRatio(scale);
        QPixmapCache::insert(key, pixmap);
        return pixmap;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new TintedIconEngine(m_name, m_normal, m_disabled); }
    QString key() const override { return u"gd-tinted"_s; }

private:
    QString m_name;
    QIcon m_source;
    QColor m_normal;
    QColor m_disabled;
};

} // namespace

QIcon themedIcon(const QString &name, const QPalette &palette)
{
    static QHash<QString, QIcon> cache;
    const QColor normal = palette.color(QPalette::Active, QPalette::WindowText);
    const QColor disabled = palette.color(QPalette::Disabled, QPalette::WindowText);
    const QString key = name + u'|' + normal.name(QColor::HexArgb) + u'|' + disabled.name(QColor::HexArgb);
    auto it = cache.constFind(key);
    if (it == cache.constEnd())
        it = cache.insert(key, QIcon(new TintedIconEngine(name, normal, disabled)));
    return *it;
}

QIcon appIcon()
{
    static const QIcon icon(u":/icons/io.gitopsdesk.GitOpsDesk.svg"_s);
    return icon;
}

} // namespace gd::ui
