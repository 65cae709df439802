// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/names.h"

#include <QCoreApplication>

namespace gd {
namespace {

constexpr int maxLabelLength = 63;

bool isLabelChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
}

bool isAlnum(QChar c)
{
    return isLabelChar(c) && c != u'-';
}

QString kindWord(NameKind kind)
{
    switch (kind) {
    case NameKind::Project:
        return QCoreApplication::translate("gd::names", "project name");
    case NameKind::Service:
        return QCoreApplication::translate("gd::names", "service name");
    case NameKind::Environment:
        return QCoreApplication::translate("gd::names", "environment name");
    case NameKind::Generic:
        break;
    }
    return QCoreApplication::translate("gd::names", "name");
}

} // namespace

bool isDnsLabel(QStringView name)
{
    if (name.isEmpty() || name.size() > maxLabelLength)
        return false;
    if (!isAlnum(name.front()) || !isAlnum(name.back()))
        return false;
    for (QChar c : name) {
        if (!isLabelChar(c))
            return false;
    }
    return true;
}

Result<void> checkDnsLabel(QStringView name, NameKind kind)
{
    const QString what = kindWord(kind);
    const auto fail = [&](const QString &rule) {
        return makeError(Error::Code::InvalidInput, rule,
                         QCoreApplication::translate("gd::names",
                                                     "Names must be DNS-1123 labels: lower-case letters, "
                                                     "digits and '-', 1 to 63 characters."));
    };
    if (name.isEmpty())
        return fail(QCoreApplication::translate("gd::names", "The %1 is empty.").arg(what));
    if (name.size() > maxLabelLength)
        return fail(QCoreApplication::translate("gd::names", "The %1 \"%2\" is longer than 63 characters.")
                        .arg(what, name.toString()));
    for (QChar c : name) {
        if (!isLabelChar(c))
            return fail(QCoreApplication::translate(
                            "gd::names", "The %1 \"%2\" may only contain lower-case letters, digits and '-'.")
                            .arg(what, name.toString()));
    }
    if (!isAlnum(name.front()) || !isAlnum(name.back()))
        return fail(QCoreApplication::translate("gd::names",
                                                "The %1 \"%2\" must start and end with a letter or a digit.")
                        .arg(what, name.toString()));
    return {};
}

} // namespace gd
