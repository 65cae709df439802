// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/names.h"

#include "util/terminaltext.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

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
                        .arg(what, printableValue(name)));
    for (QChar c : name) {
        if (!isLabelChar(c))
            return fail(QCoreApplication::translate(
                            "gd::names", "The %1 \"%2\" may only contain lower-case letters, digits and '-'.")
                            .arg(what, printableValue(name)));
    }
    if (!isAlnum(name.front()) || !isAlnum(name.back()))
        return fail(QCoreApplication::translate("gd::names",
                                                "The %1 \"%2\" must start and end with a letter or a digit.")
                        .arg(what, printableValue(name)));
    return {};
}

bool isDnsSubdomain(QStringView name)
{
    constexpr int maxSubdomainLength = 253;
    if (name.isEmpty() || name.size() > maxSubdomainLength)
        return false;
    for (QStringView label : name.split(u'.')) {
        if (!isDnsLabel(label))
            return false;
    }
    return true;
}

Result<void> checkBranchName(QStringView name)
{
    const auto fail = [&](const QString &why) {
        return makeError(Error::Code::InvalidInput,
                         QCoreApplication::translate("gd::names", "\"%1\" is not a valid branch name: %2.")
                             .arg(printableValue(name), why),
                         QCoreApplication::translate("gd::names",
                                                     "Branch names follow the rules of git check-ref-format "
                                                     "--branch, for example main or release/1.4."));
    };
    if (name.isEmpty())
        return fail(QCoreApplication::translate("gd::names", "it is empty"));
    if (name == u"HEAD" || name == u"@")
        return fail(QCoreApplication::translate("gd::names", "\"%1\" names no branch").arg(name.toString()));
    if (name.startsWith(u'-'))
        return fail(QCoreApplication::translate("gd::names", "it starts with '-'"));
    for (QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return fail(QCoreApplication::translate("gd::names", "it contains a line break or another control "
                                                                 "character"));
        if (c == u' ')
            return fail(QCoreApplication::translate("gd::names", "it contains a space"));
        if (QStringView(u"~^:?*[\\").contains(c))
            return fail(QCoreApplication::translate("gd::names", "it contains '%1'").arg(c));
    }
    for (const char16_t *bad : {u"..", u"@{", u"//"}) {
        if (name.contains(QStringView(bad)))
            return fail(QCoreApplication::translate("gd::names", "it contains \"%1\"").arg(QStringView(bad)));
    }
    if (name.startsWith(u'/') || name.endsWith(u'/'))
        return fail(QCoreApplication::translate("gd::names", "it starts or ends with '/'"));
    if (name.endsWith(u'.'))
        return fail(QCoreApplication::translate("gd::names", "it ends with '.'"));
    for (QStringView part : name.split(u'/')) {
        if (part.startsWith(u'.'))
            return fail(QCoreApplication::translate("gd::names", "a part of it starts with '.'"));
        if (part.endsWith(u".lock"))
            return fail(QCoreApplication::translate("gd::names", "a part of it ends with \".lock\""));
    }
    return {};
}

Result<void> checkImageTag(QStringView tag)
{
    constexpr qsizetype maxTagLength = 128;
    const auto tagChar = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_'
               || c == u'.' || c == u'-';
    };
    const bool valid = !tag.isEmpty() && tag.size() <= maxTagLength && tag.front() != u'.' && tag.front() != u'-'
                       && std::all_of(tag.begin(), tag.end(), tagChar);
    if (valid)
        return {};
    return makeError(Error::Code::InvalidInput,
                     QCoreApplication::translate("gd::names",
                                                 "\"%1\" is not a valid image tag: use 1 to 128 letters, digits, "
                                                 "'_', '.' or '-', not starting with '.' or '-'.")
                         .arg(printableValue(tag)));
}

QString printableValue(QStringView value)
{
    constexpr qsizetype shownLength = 80;
    QString out = visibleText(value.left(shownLength), TextLines::Single);
    if (value.size() > shownLength)
        out += u"…"_s;
    return out;
}

} // namespace gd
