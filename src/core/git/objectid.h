// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QString>

#include <array>
#include <cstring>

namespace gd::git {

/// A git object id (SHA-1) as a plain value, so that headers above the adapter need not see libgit2.
class ObjectId {
public:
    static constexpr int size = 20;

    ObjectId() { m_bytes.fill(0); }
    explicit ObjectId(const unsigned char *raw) { std::memcpy(m_bytes.data(), raw, size); }

    /// Parses 40 hex digits; an invalid string gives a null id.
    static ObjectId fromHex(QStringView hex);

    bool isNull() const;
    QString toHex() const;
    /// The first `length` hex digits, as shown to users.
    QString shortHex(int length = 8) const { return toHex().left(length); }
    const unsigned char *data() const { return m_bytes.data(); }

    friend bool operator==(const ObjectId &, const ObjectId &) = default;
    friend auto operator<=>(const ObjectId &, const ObjectId &) = default;

private:
    std::array<unsigned char, size> m_bytes;
};

inline size_t qHash(const ObjectId &id, size_t seed = 0)
{
    return qHashBits(id.data(), ObjectId::size, seed);
}

} // namespace gd::git
