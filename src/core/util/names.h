// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QStringView>

namespace gd {

/// What a name is for; it words the error sentence ("The service name …").
enum class NameKind { Project, Service, Environment, Generic };

/// True when `name` is an RFC 1123 DNS label: 1–63 characters of a–z, 0–9 and '-',
/// starting and ending with a letter or digit. Pure, cheap, any thread.
bool isDnsLabel(QStringView name);

/// Checks `name` as a DNS-1123 label; the error says which rule it breaks, for example
/// "The service name "Orders_API" may only contain lower-case letters, digits and '-'."
Result<void> checkDnsLabel(QStringView name, NameKind kind);

} // namespace gd
