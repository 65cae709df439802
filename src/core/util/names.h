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

/// True when `name` is an RFC 1123 DNS subdomain (a Kubernetes object name such as an Argo CD AppProject): 1–253
/// characters, DNS labels joined by single dots. Pure, cheap, any thread.
bool isDnsSubdomain(QStringView name);

/// Checks `name` as a git branch name by the rules of `git check-ref-format --branch`: not empty, not "HEAD" or "@",
/// no leading '-' or '/', no "..", "//" or "@{", no control character, space or any of ~^:?*[\, no part that starts
/// with '.' or ends with ".lock", no trailing '/' or '.'. The error says which rule it breaks:
/// `"a..b" is not a valid branch name: it contains "..".` (InvalidInput). Pure, cheap, any thread.
Result<void> checkBranchName(QStringView name);

/// Checks `tag` as an image tag: 1–128 letters, digits, '_', '.' and '-', not starting with '.' or '-' (nothing else,
/// no line break at the end). InvalidInput: `"1.0'" is not a valid image tag: …`. Pure, cheap, any thread.
Result<void> checkImageTag(QStringView tag);

/// `value` as it may appear inside a sentence: on one line, every control character shown as an escape by
/// gd::visibleText (a line break as \x0a), so a hostile value cannot break the sentence or drive a terminal; cut
/// after 80 characters. Pure.
QString printableValue(QStringView value);

} // namespace gd
