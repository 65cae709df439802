// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/objectid.h"

#include <QByteArray>

namespace gd::git {

ObjectId ObjectId::fromHex(QStringView hex)
{
    if (hex.size() != size * 2)
        return {};
    const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
    if (raw.size() != size || raw.toHex() != hex.toLatin1().toLower())
        return {};
    return ObjectId(reinterpret_cast<const unsigned char *>(raw.constData()));
}

bool ObjectId::isNull() const
{
    for (unsigned char b : m_bytes) {
        if (b != 0)
            return false;
    }
    return true;
}

QString ObjectId::toHex() const
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(m_bytes.data()), size).toHex());
}

} // namespace gd::git
