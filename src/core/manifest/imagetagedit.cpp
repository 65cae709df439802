// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/imagetagedit.h"

#include "manifest/kustomizedoc.h"
#include "manifest/yamltext.h"

#include <yaml-cpp/yaml.h>

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::manifest {
namespace {

// The translatable sentences of this file, in the "gd::manifest" context (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(gd::manifest)
};

// One `key: value` of a mapping, located in the text.
struct Field {
    std::string key;
    YAML::Node value;
    int keyPos = 0;
    int colonPos = -1;      // the ':' after the key (block style on the same line, or flow)
    int valuePos = -1;      // first byte of the value token (the quote of a quoted scalar); -1 when null
    int valueEnd = -1;      // end of the value token, or after the ':' / explicit null token when null
    int nullTokenPos = -1;  // start of an explicit `~`/`null` token when the value is null
    char quote = 0;         // '"', '\'' or 0 for a plain or absent value
};

// One mapping in the `images:` list.
struct Entry {
    bool flow = false;
    int keyColumn = 0;     // byte column of the keys (block style)
    int openBrace = -1;    // the '{' of a flow mapping
    int contentEnd = 0;    // end of the last scalar token of the entry
    int alignColumn = -1;  // the column all values start at when they are column-aligned, else -1
    std::vector<Field> fields;
    QString name;

    const Field *field(const char *key) const
    {
        for (const Field &f : fields) {
            if (f.key == key)
                return &f;
        }
        return nullptr;
    }
};

struct Splice {
    int pos;
    int length;
    QByteArray text;
    int order;
};

// The changes to make, in the order newName, newTag, digest (the order `kustomize edit` writes them).
struct Wanted {
    const char *key;
    QString value;
};

Error invalid(const QString &message, const QString &detail = {})
{
    return makeError(Error::Code::InvalidInput, message, detail);
}

int column(const QByteArray &text, int pos)
{
    return pos - yamltext::lineStart(text, pos);
}

QByteArray spaces(int n)
{
    return QByteArray(std::max(n, 0), ' ');
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

int skipBlanks(const QByteArray &text, int pos)
{
    while (pos < text.size() && isBlank(text[pos]))
        ++pos;
    return pos;
}

// The line ending to use for a line inserted at the end of the line holding `pos`.
QByteArray eolAt(const QByteArray &text, int pos)
{
    const int end = yamltext::lineEnd(text, pos);
    if (end < text.size())
        return text[end] == '\r' ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
    return yamltext::lineEnding(text);
}

bool lineIsBlank(const QByteArray &text, int start)
{
    int p = start;
    while (p < text.size() && (isBlank(text[p]) || text[p] == '\r'))
        ++p;
    return p >= text.size() || text[p] == '\n';
}

class Editor {
public:
    Editor(const QByteArray &text, const ImageEdit &edit) : m_text(text), m_edit(edit)
    {
        if (edit.newName)
            m_wanted.push_back({"newName", *edit.newName});
        if (edit.newTag)
            m_wanted.push_back({"newTag", *edit.newTag});
        if (edit.digest)
            m_wanted.push_back({"digest", *edit.digest});
    }

    Result<QByteArray> run();

private:
    Result<Field> locateField(const YAML::Node &key, const YAML::Node &value, bool flow) const;
    Result<Entry> locateEntry(const YAML::Node &node) const;
    QByteArray format(const QString &value, char keepQuote) const;
    QByteArray entryLine(const Entry &shape, const char *key, const QString &value) const;
    void editEntry(const Entry &entry);
    Result<void> appendEntry(const YAML::Node &images, const std::vector<Entry> &entries);
    Result<void> addImagesTo(const Field &imagesField, const YAML::Node &root);
    void addImagesKey(const YAML::Node &root);
    QByteArray newBlockEntry(int dashColumn, int keyColumn, int alignColumn, const QByteArray &eol) const;
    QByteArray newFlowEntry(bool paddedBraces) const;
    int blockSequenceOffset(const YAML::Node &root) const;
    void splice(int pos, int length, QByteArray text)
    {
        m_splices.push_back({pos, length, std::move(text), m_order++});
    }
    QByteArray applied() const;

    const QByteArray &m_text;
    const ImageEdit &m_edit;
    std::vector<Wanted> m_wanted;
    std::vector<Splice> m_splices;
    int m_order = 0;
    char m_preferredQuote = '"';
};

Result<Field> Editor::locateField(const YAML::Node &key, const YAML::Node &value, bool flow) const
{
    Field f;
    f.key = key.IsScalar() ? key.Scalar() : std::string();
    f.value = value;
    f.keyPos = yamltext::offsetOf(m_text, key.Mark());
    const int keyEnd = yamltext::scalarEnd(m_text, f.keyPos, flow);
    if (keyEnd > 0) {
        const int p = skipBlanks(m_text, keyEnd);
        if (p < m_text.size() && m_text[p] == ':')
            f.colonPos = p;
    }
    if (value.IsNull()) {
        if (f.colonPos < 0)
            return invalid(Text::tr("The images entry could not be located in the text; nothing was changed."));
        f.valueEnd = f.colonPos + 1;
        const int p = skipBlanks(m_text, f.valueEnd);
        if (p < m_text.size() && (m_text[p] == '~' || m_text.mid(p, 4).toLower() == "null")) {
            f.nullTokenPos = p;
            f.valueEnd = yamltext::scalarEnd(m_text, p, flow);
        }
        return f;
    }
    if (!value.IsScalar()) {
        f.valueEnd = -1;
        return f;
    }
    f.valuePos = yamltext::offsetOf(m_text, value.Mark());
    f.valueEnd = yamltext::scalarEnd(m_text, f.valuePos, flow);
    if (f.valueEnd < 0)
        return invalid(Text::tr("A quoted value in the images list is never closed; fix the file first."));
    const QByteArray token = m_text.mid(f.valuePos, f.valueEnd - f.valuePos);
    const std::string scalar = value.Scalar();
    if (token.startsWith('"') || token.startsWith('\'')) {
        f.quote = token[0];
        const QByteArray inner = token.mid(1, token.size() - 2);
        const bool simple = !inner.contains('\\') && !inner.contains('\'') && !inner.contains('\n');
        if (simple && yamltext::toStd(inner) != scalar)
            return invalid(Text::tr("A value in the images list could not be located exactly; nothing was changed."),
                           QString::fromUtf8(token));
    } else if (yamltext::toStd(token) != scalar) {
        // Block scalars (| or >), values continued on the next line: not a single token to splice.
        return invalid(Text::tr("The value of \"%1\" in the images list spans several lines; write it on one line and "
                                "try again.")
                           .arg(QString::fromStdString(f.key)),
                       QString::fromUtf8(token));
    }
    return f;
}

Result<Entry> Editor::locateEntry(const YAML::Node &node) const
{
    Entry e;
    e.flow = node.Style() == YAML::EmitterStyle::Flow;
    const int start = yamltext::offsetOf(m_text, node.Mark());
    e.keyColumn = column(m_text, start);
    e.contentEnd = start;
    if (e.flow) {
        int p = start;
        while (p > 0 && m_text[p] != '{')
            --p;
        e.openBrace = p;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        Result<Field> f = locateField(it->first, it->second, e.flow);
        if (!f)
            return f.error();
        e.contentEnd = std::max({e.contentEnd, f->valueEnd, f->colonPos + 1});
        if (f->key == "name")
            e.name = QString::fromStdString(it->second.IsScalar() ? it->second.Scalar() : std::string());
        e.fields.push_back(std::move(f.value()));
    }
    if (!e.flow) {
        // Column-aligned values: every value on its key's line starts at one column, further right than needed.
        int common = -1;
        int count = 0;
        bool padded = false;
        bool aligned = true;
        for (const Field &f : e.fields) {
            if (f.valuePos < 0 || f.colonPos < 0
                || yamltext::lineStart(m_text, f.valuePos) != yamltext::lineStart(m_text, f.keyPos))
                continue;
            const int col = column(m_text, f.valuePos);
            if (common >= 0 && col != common)
                aligned = false;
            common = col;
            padded = padded || f.valuePos > f.colonPos + 2;
            ++count;
        }
        if (aligned && padded && count >= 2)
            e.alignColumn = common;
    }
    return e;
}

QByteArray Editor::format(const QString &value, char keepQuote) const
{
    char quote = keepQuote;
    if (!quote && yamltext::needsQuoting(value))
        quote = m_preferredQuote;
    const QByteArray utf8 = value.toUtf8();
    if (!quote)
        return utf8;
    // Validated values hold no quote, backslash or control character, so wrapping is enough.
    return quote + utf8 + quote;
}

QByteArray Editor::entryLine(const Entry &shape, const char *key, const QString &value) const
{
    const QByteArray k = QByteArray(key) + ':';
    int pad = 1;
    if (shape.alignColumn >= 0)
        pad = std::max(1, shape.alignColumn - shape.keyColumn - int(k.size()));
    return spaces(shape.keyColumn) + k + spaces(pad) + format(value, 0);
}

void Editor::editEntry(const Entry &entry)
{
    QByteArray added;   // block style: whole lines; flow style: ", key: value" pieces
    for (const Wanted &w : m_wanted) {
        const Field *f = entry.field(w.key);
        if (f && f->valuePos >= 0) {
            splice(f->valuePos, f->valueEnd - f->valuePos, format(w.value, f->quote));
        } else if (f && f->nullTokenPos >= 0) {
            splice(f->nullTokenPos, f->valueEnd - f->nullTokenPos, format(w.value, 0));
        } else if (f) {
            splice(f->colonPos + 1, 0, ' ' + format(w.value, 0));
        } else if (entry.flow) {
            added += ", " + QByteArray(w.key) + ": " + format(w.value, 0);
        } else {
            added += eolAt(m_text, entry.contentEnd) + entryLine(entry, w.key, w.value);
        }
    }
    if (added.isEmpty())
        return;
    splice(entry.flow ? entry.contentEnd : yamltext::lineEnd(m_text, entry.contentEnd), 0, added);
}

QByteArray Editor::newBlockEntry(int dashColumn, int keyColumn, int alignColumn, const QByteArray &eol) const
{
    Entry shape;
    shape.keyColumn = keyColumn;
    shape.alignColumn = alignColumn;
    QByteArray out = spaces(dashColumn) + '-' + entryLine(shape, "name", m_edit.name).mid(dashColumn + 1);
    for (const Wanted &w : m_wanted)
        out += eol + entryLine(shape, w.key, w.value);
    return out;
}

QByteArray Editor::newFlowEntry(bool paddedBraces) const
{
    QByteArray out = paddedBraces ? "{ " : "{";
    out += "name: " + format(m_edit.name, 0);
    for (const Wanted &w : m_wanted)
        out += ", " + QByteArray(w.key) + ": " + format(w.value, 0);
    out += paddedBraces ? " }" : "}";
    return out;
}

// How far the `-` of the document's other block lists sits right of their key (0 or 2 in practice).
int Editor::blockSequenceOffset(const YAML::Node &root) const
{
    for (auto it = root.begin(); it != root.end(); ++it) {
        const YAML::Node value = it->second;
        if (value.IsSequence() && value.Style() != YAML::EmitterStyle::Flow && value.size() > 0) {
            const int dash = yamltext::offsetOf(m_text, value.Mark());
            if (dash < m_text.size() && m_text[dash] == '-')
                return std::max(0, column(m_text, dash) - int(it->first.Mark().column));
        }
    }
    return 0;
}

Result<void> Editor::appendEntry(const YAML::Node &images, const std::vector<Entry> &entries)
{
    const int seqPos = yamltext::offsetOf(m_text, images.Mark());
    if (images.Style() == YAML::EmitterStyle::Flow) {
        if (entries.empty()) {
            if (seqPos >= m_text.size() || m_text[seqPos] != '[')
                return invalid(Text::tr("The images list could not be located in the text; nothing was changed."));
            splice(seqPos + 1, 0, newFlowEntry(false));
            return {};
        }
        const Entry &last = entries.back();
        int p = last.contentEnd;
        while (p < m_text.size() && m_text[p] != '}')
            ++p;
        if (p >= m_text.size())
            return invalid(Text::tr("The images list could not be located in the text; nothing was changed."));
        const bool padded = last.openBrace >= 0 && last.openBrace + 1 < m_text.size()
            && m_text[last.openBrace + 1] == ' ';
        splice(p + 1, 0, ", " + newFlowEntry(padded));
        return {};
    }
    const Entry &last = entries.back();
    const int dashColumn = column(m_text, seqPos);
    const QByteArray eol = eolAt(m_text, last.contentEnd);
    if (last.flow) {
        int p = last.contentEnd;
        while (p < m_text.size() && m_text[p] != '}')
            ++p;
        const bool padded = last.openBrace + 1 < m_text.size() && m_text[last.openBrace + 1] == ' ';
        splice(yamltext::lineEnd(m_text, std::min<int>(p, int(m_text.size()))), 0,
               eol + spaces(dashColumn) + "- " + newFlowEntry(padded));
        return {};
    }
    // Keep a blank line between entries when the list already separates its entries that way.
    QByteArray separator;
    if (entries.size() >= 2) {
        const YAML::Node lastNode = images[images.size() - 1];
        const int lastStart = yamltext::lineStart(m_text, yamltext::offsetOf(m_text, lastNode.Mark()));
        if (lastStart > 0 && lineIsBlank(m_text, yamltext::lineStart(m_text, lastStart - 1)))
            separator = eol;
    }
    const int keyColumn = last.keyColumn > dashColumn ? last.keyColumn : dashColumn + 2;
    splice(yamltext::lineEnd(m_text, last.contentEnd), 0,
           eol + separator + newBlockEntry(dashColumn, keyColumn, last.alignColumn, eol));
    return {};
}

// `images:` with no value (or an explicit null): the new entry becomes a block list under it.
Result<void> Editor::addImagesTo(const Field &imagesField, const YAML::Node &root)
{
    if (imagesField.colonPos < 0)
        return invalid(Text::tr("The images field could not be located in the text; nothing was changed."));
    if (imagesField.nullTokenPos >= 0) {
        const int from = imagesField.colonPos + 1;
        splice(from, imagesField.valueEnd - from, {});
    }
    const int keyColumn = column(m_text, imagesField.keyPos);
    const int dashColumn = keyColumn + blockSequenceOffset(root);
    const QByteArray eol = eolAt(m_text, imagesField.colonPos);
    splice(yamltext::lineEnd(m_text, imagesField.colonPos), 0,
           eol + newBlockEntry(dashColumn, dashColumn + 2, -1, eol));
    return {};
}

// No `images:` at all: a block is appended at the end of the kustomization's document.
void Editor::addImagesKey(const YAML::Node &root)
{
    const int rootPos = yamltext::offsetOf(m_text, root.Mark());
    const int keyColumn = column(m_text, rootPos);
    const int dashColumn = keyColumn + blockSequenceOffset(root);
    const QByteArray eol = yamltext::lineEnding(m_text);
    const QByteArray block = spaces(keyColumn) + "images:" + eol + newBlockEntry(dashColumn, dashColumn + 2, -1, eol);

    int end = yamltext::documentEnd(m_text, rootPos);
    // Step back over blank lines at the end of the document, so they stay after the new block.
    while (end > 0 && m_text[end - 1] == '\n') {
        const int prevStart = yamltext::lineStart(m_text, end - 1);
        if (prevStart <= rootPos || !lineIsBlank(m_text, prevStart))
            break;
        end = prevStart;
    }
    if (end > 0 && m_text[end - 1] != '\n')
        splice(end, 0, eol + block);   // the last line has no line end: keep it that way
    else
        splice(end, 0, block + eol);
}

// The header of the block scalar (`key: |`, `- >2+`) whose content runs to the end of `text`, when the text has no
// final line end: {position, length} of its indicator ("|", ">2+", …); {-1, 0} when the last line is not in one.
std::pair<int, int> finalBlockScalarIndicator(const QByteArray &text)
{
    if (text.isEmpty() || text.endsWith('\n'))
        return {-1, 0};
    static const QRegularExpression header(uR"((?:^|[:-][ \t]+)([|>](?:[1-9][+-]?|[+-][1-9]?)?)[ \t]*(?:#.*)?\r?$)"_s);
    int start = yamltext::lineStart(text, int(text.size()));
    int contentIndent = yamltext::indentation(text, start);
    while (start > 0) {
        start = yamltext::lineStart(text, start - 1);
        if (lineIsBlank(text, start))
            continue;
        const int indent = yamltext::indentation(text, start);
        if (indent >= contentIndent)
            continue;
        const QString line = QString::fromLatin1(text.mid(start, yamltext::lineEnd(text, start) - start));
        const QRegularExpressionMatch match = header.match(line);
        if (match.hasMatch())
            return {start + int(match.capturedStart(1)), int(match.capturedLength(1))};
        if (indent == 0)
            return {-1, 0};   // a top-level key: the last line is no block scalar's
        contentIndent = indent;   // a less indented line of the same block scalar, or of a nested value
    }
    return {-1, 0};
}

QByteArray Editor::applied() const
{
    std::vector<Splice> ordered = m_splices;
    // A block scalar that runs to the end of a file without a final line end has no final line break in its value;
    // a line end written after it would add one. Its chomping becomes strip ('-'), which reads as before.
    const bool appendsLineEnd = std::any_of(ordered.begin(), ordered.end(), [this](const Splice &s) {
        return s.pos == int(m_text.size()) && (s.text.startsWith('\n') || s.text.startsWith('\r'));
    });
    if (appendsLineEnd) {
        const auto [pos, length] = finalBlockScalarIndicator(m_text);
        if (pos >= 0) {
            QByteArray indicator = m_text.mid(pos, length);
            indicator.replace('+', QByteArray()).replace('-', QByteArray());
            ordered.push_back({pos, length, indicator + '-', m_order});
        }
    }
    std::sort(ordered.begin(), ordered.end(), [](const Splice &a, const Splice &b) {
        return a.pos != b.pos ? a.pos > b.pos : a.order > b.order;
    });
    QByteArray out = m_text;
    for (const Splice &s : ordered)
        out.replace(s.pos, s.length, s.text);
    return out;
}

Result<QByteArray> Editor::run()
{
    std::vector<YAML::Node> documents;
    try {
        documents = yamltext::loadAll(m_text);
    } catch (const YAML::Exception &e) {
        return detail::yamlError(m_text, e);
    }
    const int index = detail::kustomizationDocument(documents);
    if (index < 0)
        return makeError(Error::Code::Yaml, Text::tr("The file holds no kustomization: it is empty or not a mapping of "
                                                     "fields to values."));
    const YAML::Node &root = documents[size_t(index)];
    if (root.Style() == YAML::EmitterStyle::Flow)
        return invalid(Text::tr("The kustomization is written in flow style ({...}); only block-style files can be "
                                "edited. Rewrite it as \"key: value\" lines."));

    try {
        std::vector<YAML::Node> imagesKeys;
        for (auto it = root.begin(); it != root.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == "images")
                imagesKeys.push_back(it->first);
        }
        if (imagesKeys.size() > 1)
            return invalid(Text::tr("The kustomization has more than one \"images\" field; remove the extra one "
                                    "first."));
        if (imagesKeys.empty()) {
            addImagesKey(root);
            return applied();
        }
        YAML::Node images;
        for (auto it = root.begin(); it != root.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == "images")
                images = it->second;
        }
        if (images.IsNull()) {
            Result<Field> f = locateField(imagesKeys.front(), images, false);
            if (!f)
                return f.error();
            Result<void> added = addImagesTo(*f, root);
            if (!added)
                return added.error();
            return applied();
        }
        if (!images.IsSequence())
            return invalid(Text::tr("The \"images\" field is not a list; fix the kustomization first."));

        std::vector<Entry> entries;
        for (const YAML::Node &item : images) {
            if (!item.IsMap())
                return invalid(Text::tr("An entry of the \"images\" list is not a mapping; fix the kustomization "
                                        "first."));
            Result<Entry> e = locateEntry(item);
            if (!e)
                return e.error();
            entries.push_back(std::move(e.value()));
        }
        // Keep the file's quoting habit for values that must be quoted: the first quote used in the list.
        m_preferredQuote = [&entries] {
            for (const Entry &e : entries) {
                for (const Field &f : e.fields) {
                    if (f.quote)
                        return f.quote;
                }
            }
            return '"';
        }();
        bool matched = false;
        for (const Entry &e : entries) {
            if (e.name == m_edit.name) {
                editEntry(e);
                matched = true;
            }
        }
        if (!matched) {
            Result<void> added = appendEntry(images, entries);
            if (!added)
                return added.error();
        }
    } catch (const YAML::Exception &e) {
        return detail::yamlError(m_text, e);
    }
    return applied();
}

struct ImageValues {
    std::string name, newName, newTag, digest;
    bool operator==(const ImageValues &) const = default;
};

// The images of the kustomization document of `text`, or nullopt when it does not parse.
std::optional<std::vector<ImageValues>> readImages(const QByteArray &text, int *documentCount)
{
    try {
        const std::vector<YAML::Node> documents = yamltext::loadAll(text);
        *documentCount = int(documents.size());
        const int index = detail::kustomizationDocument(documents);
        if (index < 0)
            return std::nullopt;
        std::vector<ImageValues> out;
        const YAML::Node images = documents[size_t(index)]["images"];
        if (!images || !images.IsSequence())
            return out;
        for (const YAML::Node &entry : images) {
            out.push_back({detail::scalarOf(entry, "name"), detail::scalarOf(entry, "newName"),
                           detail::scalarOf(entry, "newTag"), detail::scalarOf(entry, "digest")});
        }
        return out;
    } catch (const YAML::Exception &) {
        return std::nullopt;
    }
}

// Every document of `text` as YAML text, its `images:` left out; empty when it does not parse.
std::vector<std::string> allButImages(const QByteArray &text)
{
    std::vector<std::string> out;
    try {
        for (const YAML::Node &document : yamltext::loadAll(text)) {
            if (!document.IsMap()) {
                out.push_back(YAML::Dump(document));
                continue;
            }
            for (auto it = document.begin(); it != document.end(); ++it) {
                if (!(it->first.IsScalar() && it->first.Scalar() == "images"))
                    out.push_back(YAML::Dump(it->first) + ": " + YAML::Dump(it->second));
            }
            out.emplace_back("---");
        }
    } catch (const YAML::Exception &) {
        out.clear();
    }
    return out;
}

// Re-reads the edited text: the named entries carry the new values, every other entry and every other value of
// the file is unchanged.
bool verify(const QByteArray &before, const QByteArray &after, const ImageEdit &edit)
{
    int countBefore = 0;
    int countAfter = 0;
    const auto old = readImages(before, &countBefore);
    const auto now = readImages(after, &countAfter);
    if (!old || !now || countBefore != countAfter)
        return false;
    const std::string name = edit.name.toStdString();
    std::vector<ImageValues> othersBefore;
    std::vector<ImageValues> othersAfter;
    for (const ImageValues &v : *old) {
        if (v.name != name)
            othersBefore.push_back(v);
    }
    bool found = false;
    for (const ImageValues &v : *now) {
        if (v.name != name) {
            othersAfter.push_back(v);
            continue;
        }
        found = true;
        if ((edit.newTag && v.newTag != edit.newTag->toStdString())
            || (edit.newName && v.newName != edit.newName->toStdString())
            || (edit.digest && v.digest != edit.digest->toStdString()))
            return false;
    }
    return found && othersBefore == othersAfter && allButImages(before) == allButImages(after);
}

} // namespace

bool isValidImageTag(const QString &tag)
{
    static const QRegularExpression re(uR"(^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z)"_s);
    return re.match(tag).hasMatch();
}

bool isValidImageDigest(const QString &digest)
{
    static const QRegularExpression re(uR"(^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})\z)"_s);
    return re.match(digest).hasMatch();
}

bool isValidImageName(const QString &name)
{
    static const QRegularExpression re(uR"(^[A-Za-z0-9](?:[A-Za-z0-9._/:@-]*[A-Za-z0-9])?\z)"_s);
    return name.size() <= 255 && re.match(name).hasMatch() && !name.contains(u"//"_s)
        && !name.contains(u"/:"_s) && !name.contains(u":/:"_s);
}

ImageReference parseImageReference(const QString &reference)
{
    ImageReference out;
    QString rest = reference;
    const qsizetype at = rest.indexOf(u'@');
    if (at >= 0) {
        out.digest = rest.mid(at + 1);
        rest.truncate(at);
    }
    // A ':' after the last '/' starts the tag; one before it is a registry port (host:5000/app).
    const qsizetype slash = rest.lastIndexOf(u'/');
    const qsizetype colon = rest.lastIndexOf(u':');
    if (colon > slash) {
        out.tag = rest.mid(colon + 1);
        rest.truncate(colon);
    }
    out.repository = rest;
    return out;
}

Result<QByteArray> applyImageEdit(const QByteArray &text, const ImageEdit &edit)
{
    if (!isValidImageName(edit.name))
        return invalid(Text::tr("The image name \"%1\" is not valid: use letters, digits and . _ - / : @, starting and "
                                "ending with a letter or digit.")
                           .arg(edit.name));
    if (!edit.newTag && !edit.newName && !edit.digest)
        return invalid(Text::tr("The change to image \"%1\" sets no new tag, name or digest.").arg(edit.name));
    if (edit.newTag && !isValidImageTag(*edit.newTag))
        return invalid(Text::tr("The tag \"%1\" is not a valid image tag: use 1 to 128 letters, digits, '_', '.' "
                                "or '-', not starting with '.' or '-'.")
                           .arg(*edit.newTag));
    if (edit.newName && !isValidImageName(*edit.newName))
        return invalid(Text::tr("The new image name \"%1\" is not valid: use letters, digits and . _ - / :, starting "
                                "and ending with a letter or digit.")
                           .arg(*edit.newName));
    if (edit.digest && !isValidImageDigest(*edit.digest))
        return invalid(Text::tr("The digest \"%1\" is not valid: write sha256: followed by 64 lower-case hex digits.")
                           .arg(*edit.digest));

    Editor editor(text, edit);
    Result<QByteArray> result = editor.run();
    if (!result)
        return result;
    if (!verify(text, *result, edit))
        return makeError(Error::Code::Generic,
                         Text::tr("The image change could not be written without disturbing the rest of the file; "
                                  "nothing was changed. Edit the file by hand."),
                         QString::fromUtf8(*result));
    return result;
}

} // namespace gd::manifest
