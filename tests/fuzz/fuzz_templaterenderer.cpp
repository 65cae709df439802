// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the template renderer (tmpl::renderTemplate) of a .yaml template. The input is the template, or
// "VALUE\x1eTEMPLATE" to give a value of its own. Every `${NAME}` gets a hostile value (the input's own, or one from a
// table chosen by the input's hash); the same template is rendered again with a harmless value for each. When both
// succeed, both outputs parse as YAML and have the same structure (documents, mappings, lists and their sizes):
// no value, however written, may add or remove a key, an item or a document.
#include "fuzztarget.h"

#include "template/templaterenderer.h"

#include <yaml-cpp/yaml.h>

#include <QRegularExpression>

#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

/// The node's structure: "s" for a scalar or null, "{key:value,…}" and "[…]" for collections. Empty when it has
/// more than `budget` nodes (an alias bomb), so that both sides are compared only when small enough to walk.
bool shapeOf(const YAML::Node &node, std::string &out, int &budget)
{
    if (--budget < 0)
        return false;
    switch (node.Type()) {
    case YAML::NodeType::Map:
        out += '{';
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!shapeOf(it->first, out, budget))
                return false;
            out += ':';
            if (!shapeOf(it->second, out, budget))
                return false;
            out += ',';
        }
        out += '}';
        return true;
    case YAML::NodeType::Sequence:
        out += '[';
        for (const YAML::Node &item : node) {
            if (!shapeOf(item, out, budget))
                return false;
            out += ',';
        }
        out += ']';
        return true;
    default:
        out += 's';
        return true;
    }
}

/// The structure of every document of `text`; nullopt when it does not parse, "" when too big to walk.
std::optional<std::string> shape(const QByteArray &text)
{
    const auto documents = gd::fuzz::loadDocuments(text);
    if (!documents)
        return std::nullopt;
    std::string out;
    int budget = 20000;
    for (const YAML::Node &document : *documents) {
        if (!shapeOf(document, out, budget))
            return std::string();
        out += "\n---\n";
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using gd::fuzz::printable;
    using gd::fuzz::require;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype separator = input.indexOf('\x1e');
    const QByteArray templateText = separator < 0 ? input : input.mid(separator + 1);
    const quint32 hash = gd::fuzz::inputHash(input);

    static const std::array<QString, 32> hostile{
        u": "_s, u"a: b"_s, u"'"_s, u"\""_s, u"\n  evil: 1"_s, u"&a"_s, u"*a"_s, u"---"_s, u"- x"_s, u"# c"_s,
        u"{a: b}"_s, u"[1, 2]"_s, u"|"_s, u">-"_s, u"${X}"_s, u"$${"_s, u"\\"_s, u"a\tb"_s, u"é\u2028x"_s,
        u"x\r\ny: 1"_s, u"!!binary"_s, u"%YAML 1.2"_s, u"@x"_s, u"`x`"_s, u"true"_s, u""_s, u"~"_s, u"? k"_s,
        u"main'; sh 'id'; x='"_s, u"a\"\nstages: [x]\n#"_s, u" lead and trail "_s, u"x #not a comment"_s};
    QString own;
    if (separator >= 0)
        own = QString::fromUtf8(input.left(separator));

    // Every placeholder the template names; :int, :bool and :raw ones get the same checked value in both renders.
    static const QRegularExpression placeholder(u"\\$\\{([A-Za-z0-9_]+)(?::(int|bool|raw))?\\}"_s);
    gd::tmpl::Variables hostileValues;
    gd::tmpl::Variables harmlessValues;
    int index = 0;
    const QString text = QString::fromUtf8(templateText);
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        const QString kind = match.captured(2);
        if (kind == u"int" || kind == u"bool" || kind == u"raw") {
            const QString fixed = kind == u"int" ? u"3"_s : kind == u"bool" ? u"true"_s : u"x"_s;
            hostileValues.insert(name, fixed);
            harmlessValues.insert(name, fixed);
            continue;
        }
        if (hostileValues.contains(name))
            continue;
        ++index;
        if (((hash >> (index % 24)) & 15u) == 0) {   // now and then a line that is left out
            hostileValues.insert(name, std::nullopt);
            harmlessValues.insert(name, std::nullopt);
            continue;
        }
        const QString value = separator >= 0 && index % 2 == 1 ? own
                                                                : hostile[(hash / 7u + quint32(index) * 13u) % hostile.size()];
        hostileValues.insert(name, value);
        harmlessValues.insert(name, u"x%1"_s.arg(index));
    }

    QByteArray values;
    for (auto it = hostileValues.cbegin(); it != hostileValues.cend(); ++it)
        values += it.key().toUtf8() + "=" + (it.value() ? printable(it.value()->toUtf8()) : "(unset)") + " ";
    if (qEnvironmentVariableIsSet("GD_FUZZ_VERBOSE")) {   // to reproduce a crash inside the renderer by hand
        const auto unchecked = gd::tmpl::renderTemplate(templateText, u"fuzz.txt"_s, hostileValues);   // no YAML check
        std::fprintf(stderr, "values: %s\nrendered as text: %s\n", values.constData(),
                     unchecked.ok() ? printable(*unchecked).constData() : "(refused)");
    }
    const auto hostileRender = gd::tmpl::renderTemplate(templateText, u"fuzz.yaml"_s, hostileValues);
    const auto harmlessRender = gd::tmpl::renderTemplate(templateText, u"fuzz.yaml"_s, harmlessValues);
    if (!hostileRender.ok() || !harmlessRender.ok())
        return 0;
    const QByteArray report = "template: " + printable(templateText) + "\nvalues: " + values + "\noutput: "
                              + printable(*hostileRender);
    const auto hostileShape = shape(*hostileRender);
    const auto harmlessShape = shape(*harmlessRender);
    require(hostileShape.has_value(), "a rendered .yaml template does not parse as YAML", report);
    if (!harmlessShape || harmlessShape->empty() || hostileShape->empty())
        return 0;
    require(*hostileShape == *harmlessShape, "a value changed the structure of the rendered YAML",
            report + "\nharmless output: " + printable(*harmlessRender) + "\nstructure: "
                + QByteArray::fromStdString(*hostileShape).left(300) + "\ninstead of: "
                + QByteArray::fromStdString(*harmlessShape).left(300));
    return 0;
}
