// SPDX-License-Identifier: GPL-3.0-or-later
// What the fuzz targets share: the libFuzzer entry point they each define, and how a broken property is reported
// (a sentence on stderr, then abort(), which both libFuzzer and the replay driver treat as a finding).
#pragma once

#include <yaml-cpp/node/node.h>

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace gd::fuzz {

/// Prints "property violated: <what>" with `detail` on stderr and aborts. Never returns.
[[noreturn]] void violated(const char *what, const QByteArray &detail = {});

/// Aborts with `what` when `condition` is false.
inline void require(bool condition, const char *what, const QByteArray &detail = {})
{
    if (!condition)
        violated(what, detail);
}

/// `text` with control bytes and non-ASCII written as \xNN, for a report on one line.
QByteArray printable(const QByteArray &text, int limit = 4000);

/// Every YAML document of `text`; nullopt when it does not parse, or when yaml-cpp would read documents forever
/// (its LoadAll does on a stray ',' where a document starts, so the targets' own checks never call it directly).
std::optional<std::vector<YAML::Node>> loadDocuments(const QByteArray &text);

/// A small number derived from `data` (FNV-1a), so a target chooses its edit from the input itself.
quint32 inputHash(const QByteArray &data);

} // namespace gd::fuzz
