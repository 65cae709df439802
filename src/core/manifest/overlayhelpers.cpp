// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/overlayhelpers.h"

#include "manifest/kustomizedoc.h"
#include "manifest/yamltext.h"

#include <yaml-cpp/yaml.h>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cstring>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace gd::manifest {
namespace {

// The translatable sentences of this file.
struct OverlayHelpersText {
    Q_DECLARE_TR_FUNCTIONS(gd::manifest::OverlayHelpers)
};

Error invalid(const QString &message, const QString &detail = {})
{
    return makeError(Error::Code::InvalidInput, message, detail);
}

Error notKept(const QString &detail)
{
    return makeError(Error::Code::Generic,
                     OverlayHelpersText::tr("The change could not be written without disturbing the rest of the "
                                            "file; nothing was changed. Edit the file by hand."),
                     detail);
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

QByteArray spaces(int n)
{
    return QByteArray(std::max(n, 0), ' ');
}

bool isFlow(const YAML::Node &node)
{
    return (node.IsMap() || node.IsSequence()) && node.Style() == YAML::EmitterStyle::Flow;
}

QString nameOf(const YAML::Node &document)
{
    YAML::Node metadata;
    if (document.IsMap()) {
        for (auto it = document.begin(); it != document.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == "metadata")
                metadata.reset(it->second);
        }
    }
    return QString::fromStdString(detail::scalarOf(metadata, "name"));
}

QString kindOf(const YAML::Node &document)
{
    return QString::fromStdString(detail::scalarOf(document, "kind"));
}

// Kinds whose pods come from spec.template.
bool isWorkload(const YAML::Node &document, bool daemonSets)
{
    const std::string kind = detail::scalarOf(document, "kind");
    return kind == "Deployment" || kind == "StatefulSet" || (daemonSets && kind == "DaemonSet");
}

// A YAML scalar for `value` as written by these helpers: plain when YAML reads it back as the same string,
// else double-quoted. In a flow collection the flow indicators also need quotes.
QByteArray scalarText(const QString &value, bool flow)
{
    bool quote = yamltext::needsQuoting(value);
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || (flow && QStringView(u",[]{}").contains(c)))
            quote = true;
    }
    return quote ? yamltext::doubleQuoted(value) : value.toUtf8();
}

std::optional<bool> boolOf(const YAML::Node &node)
{
    bool value = false;
    if (node.IsScalar() && YAML::convert<bool>::decode(node, value))
        return value;
    return std::nullopt;
}

// --- locating keys -----------------------------------------------------------------------------------------------

// A key of a mapping and its value. (yaml-cpp nodes are handles: copy them, never assign one to another, which
// would rewrite the tree.)
struct Pair {
    YAML::Node key;
    YAML::Node value;
};

std::optional<Pair> findKey(const YAML::Node &map, const char *key)
{
    if (!map.IsMap())
        return std::nullopt;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return Pair{it->first, it->second};
    }
    return std::nullopt;
}

// How far a key path exists below a node.
struct PathEnd {
    YAML::Node map;                   // the deepest existing node of the path: a mapping, a null value, or other
    std::optional<YAML::Node> owner;  // the key whose value `map` is (none for the node the walk started at)
    bool ownerInFlow = false;         // the owner key sits in a flow mapping
    std::vector<QByteArray> missing;  // the keys still to create below `map`
    std::optional<Pair> leaf;         // the path's last key, when it exists
    QString blocking;                 // the key whose value is neither a mapping nor null, when one is
};

PathEnd walk(const YAML::Node &start, const std::vector<QByteArray> &path)
{
    PathEnd end;
    end.map.reset(start);
    for (size_t i = 0; i < path.size(); ++i) {
        if (!end.map.IsMap() && !end.map.IsNull()) {
            end.blocking = i > 0 ? QString::fromUtf8(path[i - 1]) : u"-"_s;
            return end;
        }
        const std::optional<Pair> found = end.map.IsMap() ? findKey(end.map, path[i].constData()) : std::nullopt;
        if (!found) {
            end.missing.assign(path.begin() + std::ptrdiff_t(i), path.end());
            return end;
        }
        if (i + 1 == path.size()) {
            end.leaf.emplace(*found);
            return end;
        }
        end.ownerInFlow = isFlow(end.map);
        end.owner.emplace(found->key);
        end.map.reset(found->value);
    }
    return end;
}

// How a document indents: how far a nested mapping's keys and a block list's dashes sit right of their key.
struct Indent {
    int step = 2;
    int sequence = 2;
};

class Editor {
public:
    explicit Editor(const QByteArray &text) : m_text(text) {}

    int offset(const YAML::Node &node) const { return yamltext::offsetOf(m_text, node.Mark()); }
    int column(int pos) const { return yamltext::columnOf(m_text, pos); }
    int colonAfter(const YAML::Node &key, bool flow) const;
    int nodeEnd(const YAML::Node &node) const;
    Indent indentOf(const YAML::Node &root) const;

    void splice(int pos, int length, QByteArray bytes)
    {
        m_splices.push_back({pos, length, std::move(bytes), int(m_splices.size())});
    }
    bool changed() const { return !m_splices.empty(); }
    QByteArray applied() const;

    Result<void> setScalar(const Pair &pair, bool flow, const QByteArray &value);
    Result<void> addToMap(const PathEnd &at, const QByteArray &scalar,
                          const std::vector<std::pair<QByteArray, QString>> &entry, const Indent &indent);
    Result<void> appendToList(const Pair &list, bool ownerInFlow,
                              const std::vector<std::pair<QByteArray, QString>> &entry, const Indent &indent);

private:
    struct Splice {
        int pos;
        int length;
        QByteArray bytes;
        int order;
    };

    void findIndent(const YAML::Node &node, Indent &indent, bool &haveStep, bool &haveSequence, int depth) const;
    bool isNullToken(int pos, bool flow) const;

    const QByteArray &m_text;
    std::vector<Splice> m_splices;
};

int Editor::colonAfter(const YAML::Node &key, bool flow) const
{
    const int end = yamltext::scalarEnd(m_text, offset(key), flow);
    if (end < 0)
        return -1;
    int p = end;
    while (p < m_text.size() && isBlank(m_text[p]))
        ++p;
    return p < m_text.size() && m_text[p] == ':' ? p : -1;
}

// The end of a node's text inside a flow collection; -1 when it cannot be told (a null value).
int Editor::nodeEnd(const YAML::Node &node) const
{
    if (isFlow(node))
        return yamltext::flowCollectionEnd(m_text, offset(node));
    if (node.IsScalar())
        return yamltext::scalarEnd(m_text, offset(node), true);
    return -1;
}

bool Editor::isNullToken(int pos, bool flow) const
{
    if (pos >= m_text.size())
        return false;
    const int end = yamltext::scalarEnd(m_text, pos, flow);
    const QByteArray token = m_text.mid(pos, end - pos);
    return token == "~" || token == "null" || token == "Null" || token == "NULL";
}

void Editor::findIndent(const YAML::Node &node, Indent &indent, bool &haveStep, bool &haveSequence, int depth) const
{
    if (depth > 64 || (haveStep && haveSequence))
        return;
    if (node.IsSequence()) {
        for (const YAML::Node &item : node)
            findIndent(item, indent, haveStep, haveSequence, depth + 1);
        return;
    }
    if (!node.IsMap() || isFlow(node))
        return;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node value = it->second;   // a handle: the iterator's pair is a temporary
        if (it->first.IsScalar() && !isFlow(value) && value.size() > 0) {
            const int keyColumn = column(offset(it->first));
            if (!haveStep && value.IsMap() && column(offset(value)) > keyColumn) {
                indent.step = column(offset(value)) - keyColumn;
                haveStep = true;
            }
            const int dash = offset(value);
            if (!haveSequence && value.IsSequence() && dash < m_text.size() && m_text[dash] == '-'
                && column(dash) >= keyColumn) {
                indent.sequence = column(dash) - keyColumn;
                haveSequence = true;
            }
        }
        findIndent(value, indent, haveStep, haveSequence, depth + 1);
    }
}

Indent Editor::indentOf(const YAML::Node &root) const
{
    Indent indent;
    bool haveStep = false;
    bool haveSequence = false;
    findIndent(root, indent, haveStep, haveSequence, 0);
    if (!haveSequence)
        indent.sequence = indent.step;
    return indent;
}

QByteArray Editor::applied() const
{
    std::vector<Splice> ordered = m_splices;
    std::sort(ordered.begin(), ordered.end(), [](const Splice &a, const Splice &b) {
        return a.pos != b.pos ? a.pos > b.pos : a.order > b.order;
    });
    QByteArray out = m_text;
    for (const Splice &s : ordered)
        out.replace(s.pos, s.length, s.bytes);
    return out;
}

Result<void> Editor::setScalar(const Pair &pair, bool flow, const QByteArray &value)
{
    if (pair.value.IsScalar()) {
        const int pos = offset(pair.value);
        const int end = yamltext::scalarEnd(m_text, pos, flow);
        if (end < 0 || pos >= m_text.size() || m_text[pos] == '|' || m_text[pos] == '>'
            || yamltext::lineStart(m_text, end) != yamltext::lineStart(m_text, pos))
            return invalid(OverlayHelpersText::tr("The value of \"%1\" spans several lines; write it on one line and "
                                                  "try again.")
                               .arg(QString::fromStdString(pair.key.Scalar())));
        splice(pos, end - pos, value);
        return {};
    }
    if (!pair.value.IsNull())
        return invalid(OverlayHelpersText::tr("The field \"%1\" holds a list or mapping instead of a single value; "
                                              "fix the file first.")
                           .arg(QString::fromStdString(pair.key.Scalar())));
    const int colon = colonAfter(pair.key, flow);
    if (colon < 0)
        return invalid(OverlayHelpersText::tr("The field \"%1\" could not be located in the text; nothing was changed.")
                           .arg(QString::fromStdString(pair.key.Scalar())));
    int p = colon + 1;
    while (p < m_text.size() && isBlank(m_text[p]))
        ++p;
    if (isNullToken(p, flow))
        splice(p, yamltext::scalarEnd(m_text, p, flow) - p, value);
    else
        splice(colon + 1, 0, ' ' + value);
    return {};
}

// `{name: X, value: Y}`
QByteArray flowEntry(const std::vector<std::pair<QByteArray, QString>> &entry)
{
    QByteArray out = "{";
    for (size_t i = 0; i < entry.size(); ++i)
        out += (i ? ", " : "") + entry[i].first + ": " + scalarText(entry[i].second, true);
    return out + '}';
}

// The lines of one new block list entry, each after a line end.
QByteArray blockEntry(int dashColumn, int keyColumn, const std::vector<std::pair<QByteArray, QString>> &entry,
                      const QByteArray &eol)
{
    QByteArray out;
    for (size_t i = 0; i < entry.size(); ++i) {
        const QByteArray lead = i == 0 ? spaces(dashColumn) + '-' + spaces(keyColumn - dashColumn - 1)
                                       : spaces(keyColumn);
        out += eol + lead + entry[i].first + ": " + scalarText(entry[i].second, false);
    }
    return out;
}

// Adds the keys `at.missing` below `at.map`, the last one holding the YAML `scalar`, or (when `entry` is not empty)
// a list with that one mapping. Block mappings get new lines after their last line, in their keys' column; flow
// mappings get `, key: value` after their last value; a key without a value gets the new mapping below it.
Result<void> Editor::addToMap(const PathEnd &at, const QByteArray &scalar,
                              const std::vector<std::pair<QByteArray, QString>> &entry, const Indent &indent)
{
    const std::vector<QByteArray> &path = at.missing;
    const auto flowText = [&] {
        QByteArray inner = entry.empty() ? scalar : '[' + flowEntry(entry) + ']';
        for (size_t i = path.size(); i-- > 0;) {
            inner = path[i] + ": " + inner;
            if (i > 0)
                inner = '{' + inner + '}';
        }
        return inner;
    };
    const auto blockText = [&](int keyColumn, const QByteArray &eol) {
        QByteArray out;
        int col = keyColumn;
        for (size_t i = 0; i < path.size(); ++i) {
            if (i + 1 < path.size()) {
                out += eol + spaces(col) + path[i] + ':';
                col += indent.step;
            } else if (entry.empty()) {
                out += eol + spaces(col) + path[i] + ": " + scalar;
            } else {
                out += eol + spaces(col) + path[i] + ':'
                    + blockEntry(col + indent.sequence, col + indent.sequence + 2, entry, eol);
            }
        }
        return out;
    };

    const YAML::Node &map = at.map;
    if (map.IsMap() && isFlow(map)) {
        const int open = offset(map);
        if (open >= m_text.size() || m_text[open] != '{')
            return invalid(OverlayHelpersText::tr("A mapping could not be located in the text; nothing was changed."));
        if (map.size() == 0) {
            splice(open + 1, 0, flowText());
            return {};
        }
        YAML::Node lastKey;
        YAML::Node lastValue;
        for (auto it = map.begin(); it != map.end(); ++it) {
            lastKey.reset(it->first);
            lastValue.reset(it->second);
        }
        const int end = lastValue.IsNull() ? -1 : nodeEnd(lastValue);
        if (end < 0)
            return invalid(OverlayHelpersText::tr("A mapping could not be located in the text; nothing was changed."));
        splice(end, 0, ", " + flowText());
        return {};
    }
    if (map.IsMap() && map.size() > 0) {
        const int pos = offset(map);
        const int keyColumn = column(pos);
        const int anchor = yamltext::blockEnd(m_text, pos, keyColumn, false);
        splice(anchor, 0, blockText(keyColumn, yamltext::lineEndingAt(m_text, anchor)));
        return {};
    }
    if (map.IsNull() && at.owner) {
        const int colon = colonAfter(*at.owner, at.ownerInFlow);
        if (colon < 0)
            return invalid(OverlayHelpersText::tr("The field \"%1\" could not be located in the text; nothing was "
                                                  "changed.")
                               .arg(QString::fromStdString(at.owner->Scalar())));
        int p = colon + 1;
        while (p < m_text.size() && isBlank(m_text[p]))
            ++p;
        if (isNullToken(p, at.ownerInFlow)) {
            splice(p, yamltext::scalarEnd(m_text, p, at.ownerInFlow) - p, '{' + flowText() + '}');
        } else if (at.ownerInFlow) {
            splice(colon + 1, 0, " {" + flowText() + '}');
        } else {
            const int anchor = yamltext::lineEnd(m_text, colon);
            splice(anchor, 0, blockText(column(offset(*at.owner)) + indent.step,
                                        yamltext::lineEndingAt(m_text, anchor)));
        }
        return {};
    }
    return invalid(OverlayHelpersText::tr("The field \"%1\" is not a mapping; fix the file first.")
                       .arg(at.owner ? QString::fromStdString(at.owner->Scalar()) : at.blocking));
}

// Appends a mapping to the list `list.value` (block, flow, or a key without a value yet), in the list's own layout.
Result<void> Editor::appendToList(const Pair &list, bool ownerInFlow,
                                  const std::vector<std::pair<QByteArray, QString>> &entry, const Indent &indent)
{
    const YAML::Node &seq = list.value;
    const QString key = QString::fromStdString(list.key.Scalar());
    const Error unlocated = invalid(
        OverlayHelpersText::tr("The list \"%1\" could not be located in the text; nothing was changed.").arg(key));
    if (seq.IsSequence() && isFlow(seq)) {
        const int open = offset(seq);
        if (open >= m_text.size() || m_text[open] != '[')
            return unlocated;
        if (seq.size() == 0) {
            splice(open + 1, 0, flowEntry(entry));
            return {};
        }
        const int end = nodeEnd(seq[seq.size() - 1]);
        if (end < 0)
            return unlocated;
        splice(end, 0, ", " + flowEntry(entry));
        return {};
    }
    if (seq.IsSequence() && seq.size() > 0) {
        const int dash = offset(seq);
        if (dash >= m_text.size() || m_text[dash] != '-')
            return unlocated;
        const int dashColumn = column(dash);
        const YAML::Node first = seq[0];
        const int anchor = yamltext::blockEnd(m_text, dash, dashColumn, true);
        const QByteArray eol = yamltext::lineEndingAt(m_text, anchor);
        if (isFlow(first)) {
            splice(anchor, 0, eol + spaces(dashColumn) + "- " + flowEntry(entry));
        } else {
            int keyColumn = dashColumn + 2;
            if (first.IsMap() && column(offset(first)) > dashColumn
                && yamltext::lineStart(m_text, offset(first)) == yamltext::lineStart(m_text, dash))
                keyColumn = column(offset(first));
            splice(anchor, 0, blockEntry(dashColumn, keyColumn, entry, eol));
        }
        return {};
    }
    if (seq.IsNull()) {
        const int colon = colonAfter(list.key, ownerInFlow);
        if (colon < 0)
            return unlocated;
        int p = colon + 1;
        while (p < m_text.size() && isBlank(m_text[p]))
            ++p;
        if (isNullToken(p, ownerInFlow)) {
            splice(p, yamltext::scalarEnd(m_text, p, ownerInFlow) - p, '[' + flowEntry(entry) + ']');
        } else if (ownerInFlow) {
            splice(colon + 1, 0, " [" + flowEntry(entry) + ']');
        } else {
            const int anchor = yamltext::lineEnd(m_text, colon);
            const int dashColumn = column(offset(list.key)) + indent.sequence;
            splice(anchor, 0, blockEntry(dashColumn, dashColumn + 2, entry, yamltext::lineEndingAt(m_text, anchor)));
        }
        return {};
    }
    return invalid(OverlayHelpersText::tr("The field \"%1\" is not a list; fix the file first.").arg(key));
}

// --- checking the result ----------------------------------------------------------------------------------------

// Equal content: scalars by text (quoting aside), mappings by their pairs in any order, lists in order.
bool sameTree(const YAML::Node &a, const YAML::Node &b)
{
    if (a.Type() != b.Type())
        return false;
    switch (a.Type()) {
    case YAML::NodeType::Scalar:
        return a.Scalar() == b.Scalar();
    case YAML::NodeType::Sequence: {
        if (a.size() != b.size())
            return false;
        auto ib = b.begin();
        for (auto ia = a.begin(); ia != a.end(); ++ia, ++ib) {
            if (!sameTree(*ia, *ib))
                return false;
        }
        return true;
    }
    case YAML::NodeType::Map: {
        if (a.size() != b.size())
            return false;
        for (auto ia = a.begin(); ia != a.end(); ++ia) {
            bool found = false;
            for (auto ib = b.begin(); ib != b.end() && !found; ++ib)
                found = sameTree(ia->first, ib->first) && sameTree(ia->second, ib->second);
            if (!found)
                return false;
        }
        return true;
    }
    default:
        return true;
    }
}

Result<std::vector<YAML::Node>> loadDocuments(const QByteArray &text)
{
    try {
        return yamltext::loadAll(text);
    } catch (const YAML::Exception &e) {
        return detail::yamlError(text, e);
    }
}

std::vector<YAML::Node> cloneDocuments(const std::vector<YAML::Node> &documents)
{
    std::vector<YAML::Node> out;
    out.reserve(documents.size());
    for (const YAML::Node &d : documents)
        out.push_back(YAML::Clone(d));
    return out;
}

// Applies the edit and checks that the result reads as `expected` (the original with the intended change made
// through yaml-cpp); yaml-cpp's own view of the tree is the judge of "nothing else changed".
Result<QByteArray> finish(const QByteArray &text, const Editor &editor, const std::vector<YAML::Node> &expected)
{
    if (!editor.changed())
        return text;
    const QByteArray result = editor.applied();
    try {
        const std::vector<YAML::Node> after = yamltext::loadAll(result);
        if (after.size() != expected.size())
            return notKept(QString::fromUtf8(result));
        for (size_t i = 0; i < after.size(); ++i) {
            if (!sameTree(expected[i], after[i]))
                return notKept(QString::fromUtf8(result));
        }
    } catch (const YAML::Exception &e) {
        return notKept(QString::fromStdString(e.what()));
    }
    return result;
}

// --- replicas ---------------------------------------------------------------------------------------------------

// One Deployment/StatefulSet document's replicas as found in the text.
struct ReplicasSite {
    size_t document = 0;
    Pair spec;
    std::optional<Pair> replicas;   // spec.replicas when written
    std::vector<int> marked;        // first bytes (the '#') of the marked lines under spec
};

// `# replicas: …<marker>` with the key plain or quoted.
bool isMarkedLine(const QByteArray &content)
{
    const int markerLength = int(std::strlen(autoscalerReplicasMarker));
    if (!content.startsWith("# ") || !content.endsWith(autoscalerReplicasMarker) || content.size() < 2 + markerLength)
        return false;
    const QByteArray line = content.mid(2, content.size() - 2 - markerLength);
    for (const char *key : {"replicas", "\"replicas\"", "'replicas'"}) {
        if (!line.startsWith(key))
            continue;
        int p = int(std::strlen(key));
        while (p < line.size() && isBlank(line[p]))
            ++p;
        return p < line.size() && line[p] == ':';
    }
    return false;
}

std::vector<ReplicasSite> scanReplicas(const QByteArray &text, const std::vector<YAML::Node> &documents)
{
    std::vector<ReplicasSite> sites;
    const Editor at(text);
    for (size_t i = 0; i < documents.size(); ++i) {
        const YAML::Node &document = documents[i];
        if (!document.IsMap() || !isWorkload(document, false))
            continue;
        const std::optional<Pair> spec = findKey(document, "spec");
        if (!spec)
            continue;
        ReplicasSite site{i, *spec, findKey(spec->value, "replicas"), {}};

        // Marked lines are comments, invisible to yaml-cpp: look for them in the lines under `spec:`, in the column
        // of its keys (any deeper column when it has none left).
        const int keyPos = at.offset(spec->key);
        const int specColumn = at.column(keyPos);
        int wanted = -1;
        if (spec->value.IsMap() && spec->value.size() > 0 && !isFlow(spec->value))
            wanted = at.column(at.offset(spec->value));
        const int end = yamltext::documentEnd(text, keyPos);
        int p = yamltext::lineEnd(text, keyPos);
        while (p < end) {
            const qsizetype newline = text.indexOf('\n', p);
            if (newline < 0 || newline + 1 >= end)
                break;
            const int start = int(newline) + 1;
            p = yamltext::lineEnd(text, start);
            const int indent = yamltext::indentation(text, start);
            if (indent < 0)
                continue;
            if (!yamltext::isCommentLine(text, start)) {
                if (indent <= specColumn)
                    break;
                continue;
            }
            const int first = (start == 0 ? yamltext::bomLength(text) : start) + indent;
            if ((wanted >= 0 ? indent == wanted : indent > specColumn) && isMarkedLine(text.mid(first, p - first)))
                site.marked.push_back(first);
        }
        sites.push_back(std::move(site));
    }
    return sites;
}

} // namespace

Result<QByteArray> setAutoscalerManagesReplicas(const QByteArray &text, bool autoscaler)
{
    Result<std::vector<YAML::Node>> loaded = loadDocuments(text);
    if (!loaded)
        return loaded.error();
    const std::vector<YAML::Node> &documents = *loaded;
    try {
        const std::vector<ReplicasSite> sites = scanReplicas(text, documents);
        const bool written =
            std::any_of(sites.begin(), sites.end(), [](const ReplicasSite &s) { return bool(s.replicas); });
        const bool marked =
            std::any_of(sites.begin(), sites.end(), [](const ReplicasSite &s) { return !s.marked.empty(); });
        if (!written && !marked)
            return invalid(OverlayHelpersText::tr("No Deployment or StatefulSet in this file sets \"replicas\", and "
                                                  "none leaves it to the autoscaler; there is nothing to change."));
        Editor editor(text);
        std::vector<size_t> commented;
        std::vector<size_t> restored;
        const int markerLength = int(std::strlen(autoscalerReplicasMarker));
        for (const ReplicasSite &site : sites) {
            const int specColon = editor.colonAfter(site.spec.key, false);
            if (autoscaler && site.replicas) {
                const Pair &r = *site.replicas;
                const int keyPos = editor.offset(r.key);
                const int lineStart = yamltext::lineStart(text, keyPos);
                const int lineEnd = yamltext::lineEnd(text, keyPos);
                bool ownLine = yamltext::indentation(text, lineStart) == editor.column(keyPos)
                    && !isFlow(site.spec.value) && !r.value.IsMap() && !r.value.IsSequence();
                if (ownLine && r.value.IsScalar()) {
                    const int valuePos = editor.offset(r.value);
                    const int valueEnd = yamltext::scalarEnd(text, valuePos, false);
                    int rest = valueEnd;
                    while (rest >= 0 && rest < lineEnd && isBlank(text[rest]))
                        ++rest;
                    ownLine = valuePos < lineEnd && valueEnd >= 0 && text[valuePos] != '|' && text[valuePos] != '>'
                        && (rest == lineEnd || text[rest] == '#');
                }
                if (!ownLine)
                    return invalid(OverlayHelpersText::tr("The replicas field of %1 \"%2\" is not on a line of its "
                                                          "own; write it as \"replicas: N\" under spec and try again.")
                                       .arg(kindOf(documents[site.document]), nameOf(documents[site.document])));
                editor.splice(keyPos, lineEnd - keyPos, "# " + text.mid(keyPos, lineEnd - keyPos)
                                                            + autoscalerReplicasMarker);
                // A patch whose spec held only replicas: an empty `spec:` is null, and a null in a strategic merge
                // patch deletes the base's whole spec. `{}` merges nothing.
                if (site.spec.value.size() == 1 && specColon >= 0)
                    editor.splice(specColon + 1, 0, " {}");
                commented.push_back(site.document);
            } else if (!autoscaler && !site.replicas && !site.marked.empty()) {
                const int first = site.marked.front();
                const int lineEnd = yamltext::lineEnd(text, first);
                editor.splice(first, lineEnd - first, text.mid(first + 2, lineEnd - first - 2 - markerLength));
                if (site.spec.value.IsMap() && isFlow(site.spec.value) && site.spec.value.size() == 0 && specColon >= 0
                    && text.mid(specColon + 1, 3) == " {}") {
                    const int after = specColon + 4;
                    if (after >= text.size() || isBlank(text[after]) || text[after] == '\r' || text[after] == '\n')
                        editor.splice(specColon + 1, 3, {});
                }
                restored.push_back(site.document);
            }
        }
        if (!editor.changed())
            return text;

        // The check: commented documents lost spec.replicas, restored ones gained it, nothing else moved.
        const QByteArray result = editor.applied();
        const std::vector<YAML::Node> after = yamltext::loadAll(result);
        std::vector<YAML::Node> expected = cloneDocuments(documents);
        if (after.size() != expected.size())
            return notKept(QString::fromUtf8(result));
        for (const size_t i : commented)
            expected[i]["spec"].remove("replicas");
        for (const size_t i : restored) {
            const std::optional<Pair> spec = findKey(after[i], "spec");
            const std::optional<Pair> replicas = spec ? findKey(spec->value, "replicas") : std::nullopt;
            if (!replicas || !replicas->value.IsScalar())
                return notKept(QString::fromUtf8(result));
            expected[i]["spec"]["replicas"] = replicas->value.Scalar();
        }
        for (size_t i = 0; i < after.size(); ++i) {
            if (!sameTree(expected[i], after[i]))
                return notKept(QString::fromUtf8(result));
        }
        return result;
    } catch (const YAML::Exception &e) {
        return notKept(QString::fromStdString(e.what()));
    }
}

ReplicasState replicasState(const QByteArray &text)
{
    Result<std::vector<YAML::Node>> loaded = loadDocuments(text);
    if (!loaded)
        return ReplicasState::Absent;
    try {
        bool marked = false;
        for (const ReplicasSite &site : scanReplicas(text, *loaded)) {
            if (site.replicas)
                return ReplicasState::Written;
            marked = marked || !site.marked.empty();
        }
        return marked ? ReplicasState::Autoscaler : ReplicasState::Absent;
    } catch (const YAML::Exception &) {
        return ReplicasState::Absent;
    }
}

// --- self-heal ----------------------------------------------------------------------------------------------------

namespace {

int applicationDocument(const std::vector<YAML::Node> &documents)
{
    for (size_t i = 0; i < documents.size(); ++i) {
        if (documents[i].IsMap() && detail::scalarOf(documents[i], "kind") == "Application"
            && detail::scalarOf(documents[i], "apiVersion").rfind("argoproj.io/", 0) == 0)
            return int(i);
    }
    return -1;
}

const std::vector<QByteArray> &selfHealPath()
{
    static const std::vector<QByteArray> path{"spec", "syncPolicy", "automated", "selfHeal"};
    return path;
}

} // namespace

Result<QByteArray> setSelfHeal(const QByteArray &text, bool on)
{
    Result<std::vector<YAML::Node>> loaded = loadDocuments(text);
    if (!loaded)
        return loaded.error();
    const std::vector<YAML::Node> &documents = *loaded;
    const int index = applicationDocument(documents);
    if (index < 0)
        return invalid(OverlayHelpersText::tr("The file holds no Argo CD Application (kind: Application, apiVersion: "
                                              "argoproj.io/…); open the application.yaml of the service."));
    try {
        const YAML::Node &root = documents[size_t(index)];
        Editor editor(text);
        const PathEnd end = walk(root, selfHealPath());
        if (!end.blocking.isEmpty())
            return invalid(OverlayHelpersText::tr("The field \"%1\" of the Application is not a mapping; fix the file "
                                                  "first.")
                               .arg(end.blocking));
        if (end.missing.size() == selfHealPath().size())
            return invalid(OverlayHelpersText::tr("The Application has no spec; fix the file first."));
        const QByteArray value = on ? "true" : "false";
        if (end.leaf) {
            if (boolOf(end.leaf->value) == on)
                return text;
            Result<void> set = editor.setScalar(*end.leaf, isFlow(end.map), value);
            if (!set)
                return set.error();
        } else if (on) {
            // Absent self-heal is off; only turning it on adds keys (and so enables automated sync).
            Result<void> added = editor.addToMap(end, value, {}, editor.indentOf(root));
            if (!added)
                return added.error();
        }
        std::vector<YAML::Node> expected = cloneDocuments(documents);
        expected[size_t(index)]["spec"]["syncPolicy"]["automated"]["selfHeal"] = value.toStdString();
        return finish(text, editor, expected);
    } catch (const YAML::Exception &e) {
        return notKept(QString::fromStdString(e.what()));
    }
}

std::optional<bool> selfHeal(const QByteArray &text)
{
    Result<std::vector<YAML::Node>> loaded = loadDocuments(text);
    if (!loaded)
        return std::nullopt;
    const int index = applicationDocument(*loaded);
    if (index < 0)
        return std::nullopt;
    try {
        const PathEnd end = walk((*loaded)[size_t(index)], selfHealPath());
        // `end.map` is `automated` when the walk got that far.
        const bool reachedAutomated = end.leaf || (end.missing.size() == 1 && end.blocking.isEmpty());
        if (!reachedAutomated || !end.map.IsMap())
            return std::nullopt;
        if (const std::optional<Pair> enabled = findKey(end.map, "enabled"); enabled && boolOf(enabled->value) == false)
            return std::nullopt;
        return end.leaf ? boolOf(end.leaf->value).value_or(false) : false;
    } catch (const YAML::Exception &) {
        return std::nullopt;
    }
}

// --- environment variables ----------------------------------------------------------------------------------------

Result<QByteArray> addEnvironmentVariable(const QByteArray &text, const QString &container, const QString &name,
                                          const QString &value)
{
    static const QRegularExpression validName(uR"(^[A-Za-z_][A-Za-z0-9_]*$)"_s);
    if (!validName.match(name).hasMatch())
        return invalid(OverlayHelpersText::tr("\"%1\" is not a valid environment variable name: use letters, digits "
                                              "and '_', not starting with a digit.")
                           .arg(name));
    Result<std::vector<YAML::Node>> loaded = loadDocuments(text);
    if (!loaded)
        return loaded.error();
    const std::vector<YAML::Node> &documents = *loaded;
    try {
        size_t index = documents.size();
        for (size_t i = 0; i < documents.size() && index == documents.size(); ++i) {
            if (documents[i].IsMap() && isWorkload(documents[i], true))
                index = i;
        }
        if (index == documents.size())
            return invalid(OverlayHelpersText::tr("The file holds no Deployment, StatefulSet or DaemonSet to add the "
                                                  "variable to."));
        const YAML::Node &root = documents[index];
        const PathEnd end = walk(root, {"spec", "template", "spec", "containers"});
        if (!end.leaf || !end.leaf->value.IsSequence() || end.leaf->value.size() == 0)
            return invalid(OverlayHelpersText::tr("The %1 \"%2\" lists no containers (spec.template.spec.containers); "
                                                  "add the variable in the file that defines the container.")
                               .arg(kindOf(root), nameOf(root)));
        const YAML::Node &containers = end.leaf->value;
        size_t which = containers.size();
        QStringList names;
        for (size_t i = 0; i < containers.size(); ++i) {
            const QString n = QString::fromStdString(detail::scalarOf(containers[i], "name"));
            names << n;
            if (which == containers.size() && (container.isEmpty() || n == container))
                which = i;
        }
        if (which == containers.size())
            return invalid(OverlayHelpersText::tr("The %1 \"%2\" has no container named \"%3\"; its containers are: "
                                                  "%4.")
                               .arg(kindOf(root), nameOf(root), container, names.join(u", "_s)));
        const YAML::Node target = containers[which];
        if (!target.IsMap())
            return invalid(OverlayHelpersText::tr("A container of the %1 \"%2\" is not a mapping; fix the file first.")
                               .arg(kindOf(root), nameOf(root)));
        const std::optional<Pair> env = findKey(target, "env");
        if (env && env->value.IsSequence()) {
            for (const YAML::Node &item : env->value) {
                if (QString::fromStdString(detail::scalarOf(item, "name")) == name)
                    return invalid(OverlayHelpersText::tr("The container \"%1\" already sets the variable \"%2\"; "
                                                          "change its value there instead.")
                                       .arg(names.at(qsizetype(which)), name));
            }
        }
        const std::vector<std::pair<QByteArray, QString>> entry{{"name", name}, {"value", value}};
        Editor editor(text);
        const Indent indent = editor.indentOf(root);
        Result<void> added = env ? editor.appendToList(*env, isFlow(target), entry, indent) : [&] {
            PathEnd at;
            at.map.reset(target);
            at.missing = {"env"};
            return editor.addToMap(at, {}, entry, indent);
        }();
        if (!added)
            return added.error();

        std::vector<YAML::Node> expected = cloneDocuments(documents);
        YAML::Node variable(YAML::NodeType::Map);
        variable["name"] = name.toStdString();
        variable["value"] = value.toStdString();
        expected[index]["spec"]["template"]["spec"]["containers"][which]["env"].push_back(variable);
        return finish(text, editor, expected);
    } catch (const YAML::Exception &e) {
        return notKept(QString::fromStdString(e.what()));
    }
}

// --- labels -----------------------------------------------------------------------------------------------------

bool isValidLabelValue(const QString &value)
{
    static const QRegularExpression re(uR"(^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$)"_s);
    return value.size() <= 63 && re.match(value).hasMatch();
}

bool isValidLabelKey(const QString &key)
{
    static const QRegularExpression subdomain(
        uR"(^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$)"_s);
    const qsizetype slash = key.indexOf(u'/');
    const QString name = slash < 0 ? key : key.mid(slash + 1);
    if (slash >= 0) {
        const QString prefix = key.left(slash);
        if (prefix.isEmpty() || prefix.size() > 253 || !subdomain.match(prefix).hasMatch())
            return false;
    }
    return !name.isEmpty() && isValidLabelValue(name);
}

Result<QByteArray> addLabel(const QByteArray &text, const QString &key, const QString &value)
{
    if (!isValidLabelKey(key))
        return invalid(OverlayHelpersText::tr("\"%1\" is not a valid label key: write an optional DNS prefix and '/', "
                                              "then a name of at most 63 letters, digits, '-', '_' or '.', starting "
                                              "and ending with a letter or digit.")
                           .arg(key));
    if (!isValidLabelValue(value))
        return invalid(OverlayHelpersText::tr("\"%1\" is not a valid label value: use at most 63 letters, digits, "
                                              "'-', '_' or '.', starting and ending with a letter or digit, or leave "
                                              "it empty.")
                           .arg(value));
    Result<std::vector<YAML::Node>> loaded = loadDocuments(text);
    if (!loaded)
        return loaded.error();
    const std::vector<YAML::Node> &documents = *loaded;
    try {
        size_t index = documents.size();
        for (size_t i = 0; i < documents.size() && index == documents.size(); ++i) {
            const std::string apiVersion = detail::scalarOf(documents[i], "apiVersion");
            if (documents[i].IsMap() && !apiVersion.empty() && !detail::scalarOf(documents[i], "kind").empty()
                && apiVersion.rfind("kustomize.config.k8s.io/", 0) != 0)
                index = i;
        }
        if (index == documents.size())
            return invalid(OverlayHelpersText::tr("The file holds no Kubernetes object (a document with apiVersion and "
                                                  "kind) to label."));
        const YAML::Node &root = documents[index];
        const QByteArray keyText = scalarText(key, false);
        const std::string keyStd = key.toStdString();

        std::vector<std::vector<QByteArray>> targets{{"metadata", "labels", keyText}};
        if (isWorkload(root, true)) {
            const PathEnd pods = walk(root, {"spec", "template", "metadata", "labels"});
            if (pods.leaf && pods.leaf->value.IsMap())
                targets.push_back({"spec", "template", "metadata", "labels", keyText});
        }
        Editor editor(text);
        const Indent indent = editor.indentOf(root);
        std::vector<YAML::Node> expected = cloneDocuments(documents);
        for (const std::vector<QByteArray> &path : targets) {
            // walk() compares key text with the scalar: look the label up by its unquoted name.
            std::vector<QByteArray> lookup = path;
            lookup.back() = key.toUtf8();
            PathEnd end = walk(root, lookup);
            if (end.leaf) {
                if (end.leaf->value.IsScalar() && end.leaf->value.Scalar() == value.toStdString())
                    continue;
                return invalid(OverlayHelpersText::tr("The label \"%1\" is already set to \"%2\"; change it there "
                                                      "instead.")
                                   .arg(key, QString::fromStdString(end.leaf->value.IsScalar()
                                                                        ? end.leaf->value.Scalar()
                                                                        : std::string())));
            }
            if (!end.blocking.isEmpty())
                return invalid(OverlayHelpersText::tr("The field \"%1\" is not a mapping; fix the file first.")
                                   .arg(end.blocking));
            end.missing.back() = keyText;
            // Valid label values hold no flow indicator, so one spelling serves block and flow mappings.
            Result<void> added = editor.addToMap(end, scalarText(value, false), {}, indent);
            if (!added)
                return added.error();
            if (path.size() == 3)
                expected[index]["metadata"]["labels"][keyStd] = value.toStdString();
            else
                expected[index]["spec"]["template"]["metadata"]["labels"][keyStd] = value.toStdString();
        }
        return finish(text, editor, expected);
    } catch (const YAML::Exception &e) {
        return notKept(QString::fromStdString(e.what()));
    }
}

} // namespace gd::manifest
