// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzztarget.h"

#include "manifest/yamltext.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>

namespace gd::fuzz {

void violated(const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "property violated: %s\n%s\n", what, detail.constData());
    std::fflush(stderr);
    std::abort();
}

QByteArray printable(const QByteArray &text, int limit)
{
    QByteArray out;
    for (int i = 0; i < text.size() && i < limit; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n')
            out += "\\n";
        else if (byte == '\\')
            out += "\\\\";
        else if (byte < 0x20 || byte >= 0x7f)
            out += "\\x" + QByteArray::number(byte, 16).rightJustified(2, '0');
        else
            out += char(byte);
    }
    if (text.size() > limit)
        out += "…";
    return out;
}

std::optional<std::vector<YAML::Node>> loadDocuments(const QByteArray &text)
{
    try {
        return manifest::yamltext::loadAll(text);
    } catch (const YAML::Exception &) {
        return std::nullopt;
    }
}

quint32 inputHash(const QByteArray &data)
{
    quint32 hash = 2166136261u;
    for (const char c : data)
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return hash;
}

} // namespace gd::fuzz
