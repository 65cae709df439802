// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/yamltext.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstring>
#include <sstream>

using namespace Qt::Literals::StringLiterals;

namespace gd::manifest::yamltext {
namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isLineBreak(char c)
{
    return c == '\n' || c == '\r';
}

bool isMarkerLine(const QByteArray &text, int start)
{
    if (start + 3 > text.size())
        return false;
    const bool dashes = text[start] == '-' && text[start + 1] == '-' && text[start + 2] == '-';
    const bool dots = text[start] == '.' && text[start + 1] == '.' && text[start + 2] == '.';
    if (!dashes && !dots)
        return false;
    return start + 3 == text.size() || isBlank(text[start + 3]) || isLineBreak(text[start + 3]);
}

// A `-` followed by a blank or the line end: the start of a block sequence entry.
bool startsEntry(const QByteArray &text, int pos)
{
    if (pos >= text.size() || text[pos] != '-')
        return false;
    return pos + 1 == text.size() || isBlank(text[pos + 1]) || isLineBreak(text[pos + 1]);
}

// The first byte of the line beginning at `start` that is not a byte order mark.
int contentStart(const QByteArray &text, int start)
{
    return start == 0 ? std::min(bomLength(text), int(text.size())) : start;
}

} // namespace

int bomLength(const QByteArray &text)
{
    return text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
}

void lineAndColumn(const QByteArray &text, const YAML::Mark &mark, int *line, int *column)
{
    if (mark.is_null() || mark.pos < 0) {
        *line = 1;
        *column = 1;
        return;
    }
    const int pos = std::min<int>(offsetOf(text, mark), int(text.size()));
    int start = lineStart(text, pos);
    if (start == 0)
        start = std::min(bomLength(text), pos);
    *line = mark.line + 1;
    *column = int(QString::fromUtf8(text.constData() + start, pos - start).size()) + 1;
}

QByteArray lineEnding(const QByteArray &text)
{
    const qsizetype nl = text.indexOf('\n');
    if (nl > 0 && text[nl - 1] == '\r')
        return QByteArrayLiteral("\r\n");
    return QByteArrayLiteral("\n");
}

int lineStart(const QByteArray &text, int pos)
{
    int p = std::min<int>(pos, int(text.size()));
    while (p > 0 && text[p - 1] != '\n')
        --p;
    return p;
}

int lineEnd(const QByteArray &text, int pos)
{
    int p = std::max(pos, 0);
    while (p < text.size() && text[p] != '\n')
        ++p;
    if (p > 0 && p <= text.size() && p - 1 >= pos && text[p - 1] == '\r')
        --p;
    return p;
}

int scalarEnd(const QByteArray &text, int pos, bool flowContext)
{
    const int size = int(text.size());
    if (pos >= size)
        return pos;
    const char first = text[pos];
    if (first == '"') {
        for (int p = pos + 1; p < size; ++p) {
            if (text[p] == '\\')
                ++p;
            else if (text[p] == '"')
                return p + 1;
        }
        return -1;
    }
    if (first == '\'') {
        for (int p = pos + 1; p < size; ++p) {
            if (text[p] != '\'')
                continue;
            if (p + 1 < size && text[p + 1] == '\'') {
                ++p;
                continue;
            }
            return p + 1;
        }
        return -1;
    }
    int p = pos;
    while (p < size && !isLineBreak(text[p])) {
        const char c = text[p];
        if (c == '#' && p > pos && isBlank(text[p - 1]))
            break;
        if (flowContext && (c == ',' || c == ']' || c == '}'))
            break;
        if (c == ':') {
            // ": " (or ':' at the line end) ends a plain scalar: it is a key.
            const char next = p + 1 < size ? text[p + 1] : '\n';
            if (isBlank(next) || isLineBreak(next)
                || (flowContext && (next == ',' || next == ']' || next == '}' || next == '[' || next == '{')))
                break;
        }
        ++p;
    }
    while (p > pos && isBlank(text[p - 1]))
        --p;
    return p;
}

bool needsQuoting(const QString &value)
{
    if (value.isEmpty() || value.front().isSpace() || value.back().isSpace())
        return true;
    static const QString indicators = u"-?:,[]{}#&*!|>'\"%@`="_s;
    if (indicators.contains(value.front()))
        return true;
    if (value.contains(u": "_s) || value.contains(u" #"_s) || value.endsWith(u':') || value.contains(u'\t')
        || value.contains(u'\n'))
        return true;
    // What YAML 1.1 (go-yaml v2, which kustomize's typed decode follows) and YAML 1.2 resolve to a non-string.
    static const QRegularExpression nonString(
        uR"(^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$)"
        uR"(|^(?:~|null|Null|NULL)$)"
        uR"(|^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$)"
        uR"(|^[-+]?0x[0-9a-fA-F_]+$|^[-+]?0o[0-7_]+$|^[-+]?0b[01_]+$)"
        uR"(|^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$)"
        uR"(|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$)"
        uR"(|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$)"_s);
    return nonString.match(value).hasMatch();
}

YAML::Mark problemMark(const QByteArray &text, const std::string &message, const YAML::Mark &mark)
{
    if (mark.is_null() || message.rfind(YAML::ErrorMsg::INVALID_ESCAPE, 0) != 0)
        return mark;
    const int pos = offsetOf(text, mark);
    for (int back = 1; back <= 2 && pos - back >= 0 && back <= mark.column; ++back) {
        if (pos - back < text.size() && text[pos - back] == '\\') {
            YAML::Mark moved = mark;
            moved.pos -= back;
            moved.column -= back;
            return moved;
        }
    }
    return mark;
}

QString problemSentence(const std::string &message)
{
    struct Known {
        const char *prefix;
        const char *sentence;
    };
    // QT_TRANSLATE_NOOP keeps the sentences visible to lupdate; they are translated below.
    static const Known known[] = {
        {YAML::ErrorMsg::TAB_IN_INDENTATION,
         QT_TRANSLATE_NOOP("gd::manifest", "A tab character is used for indentation; YAML allows only spaces there.")},
        {YAML::ErrorMsg::MAP_VALUE,
         QT_TRANSLATE_NOOP("gd::manifest",
                           "A key/value pair is not allowed here; check the indentation, or quote a value that "
                           "contains \": \".")},
        {YAML::ErrorMsg::MAP_KEY,
         QT_TRANSLATE_NOOP("gd::manifest", "A mapping key is not allowed here; check the indentation.")},
        {YAML::ErrorMsg::BLOCK_ENTRY,
         QT_TRANSLATE_NOOP("gd::manifest",
                           "A list item (\"- \") is not allowed here; check the indentation of the list.")},
        {YAML::ErrorMsg::END_OF_MAP,
         QT_TRANSLATE_NOOP("gd::manifest", "A mapping is not closed properly; check the indentation.")},
        {YAML::ErrorMsg::END_OF_MAP_FLOW,
         QT_TRANSLATE_NOOP("gd::manifest", "A \"{\" is never closed with \"}\".")},
        {YAML::ErrorMsg::END_OF_SEQ,
         QT_TRANSLATE_NOOP("gd::manifest", "A list is not closed properly; check the indentation.")},
        {YAML::ErrorMsg::END_OF_SEQ_FLOW,
         QT_TRANSLATE_NOOP("gd::manifest", "A \"[\" is never closed with \"]\".")},
        {YAML::ErrorMsg::FLOW_END,
         QT_TRANSLATE_NOOP("gd::manifest", "A closing \"]\" or \"}\" has no matching opening bracket.")},
        {YAML::ErrorMsg::UNKNOWN_TOKEN,
         QT_TRANSLATE_NOOP("gd::manifest", "This character cannot start a YAML value; quote the value.")},
        {YAML::ErrorMsg::DOC_IN_SCALAR,
         QT_TRANSLATE_NOOP("gd::manifest", "A document marker (--- or ...) appears inside a value.")},
        {YAML::ErrorMsg::EOF_IN_SCALAR,
         QT_TRANSLATE_NOOP("gd::manifest", "The file ends inside a quoted value; add the closing quote.")},
        {YAML::ErrorMsg::CHAR_IN_SCALAR,
         QT_TRANSLATE_NOOP("gd::manifest", "A value contains a character that is not allowed there; quote it.")},
        {YAML::ErrorMsg::INVALID_ESCAPE,
         QT_TRANSLATE_NOOP("gd::manifest",
                           "A double-quoted value contains an unknown escape sequence; write \\\\ for a "
                           "backslash or use single quotes.")},
        {YAML::ErrorMsg::INVALID_HEX,
         QT_TRANSLATE_NOOP("gd::manifest", "A \\x, \\u or \\U escape is followed by a non-hex character.")},
        {YAML::ErrorMsg::INVALID_UNICODE,
         QT_TRANSLATE_NOOP("gd::manifest", "A \\u or \\U escape names an invalid Unicode character.")},
        {YAML::ErrorMsg::UNKNOWN_ANCHOR,
         QT_TRANSLATE_NOOP("gd::manifest", "An alias (*name) refers to an anchor (&name) that is not defined.")},
        {YAML::ErrorMsg::ALIAS_NOT_FOUND,
         QT_TRANSLATE_NOOP("gd::manifest", "A \"*\" is not followed by an alias name; quote the value.")},
        {YAML::ErrorMsg::ANCHOR_NOT_FOUND,
         QT_TRANSLATE_NOOP("gd::manifest", "A \"&\" is not followed by an anchor name; quote the value.")},
        {YAML::ErrorMsg::CHAR_IN_ALIAS,
         QT_TRANSLATE_NOOP("gd::manifest", "An alias name contains a character that is not allowed.")},
        {YAML::ErrorMsg::CHAR_IN_ANCHOR,
         QT_TRANSLATE_NOOP("gd::manifest", "An anchor name contains a character that is not allowed.")},
        {YAML::ErrorMsg::MULTIPLE_TAGS,
         QT_TRANSLATE_NOOP("gd::manifest", "A value has more than one tag (!tag).")},
        {YAML::ErrorMsg::MULTIPLE_ANCHORS,
         QT_TRANSLATE_NOOP("gd::manifest", "A value has more than one anchor (&name).")},
        {YAML::ErrorMsg::ALIAS_CONTENT,
         QT_TRANSLATE_NOOP("gd::manifest", "An alias (*name) cannot have content or a tag of its own.")},
        {YAML::ErrorMsg::CHAR_IN_BLOCK,
         QT_TRANSLATE_NOOP("gd::manifest", "The header of a block value (| or >) contains an unexpected character.")},
        {YAML::ErrorMsg::ZERO_INDENT_IN_BLOCK,
         QT_TRANSLATE_NOOP("gd::manifest", "A block value (| or >) cannot have an indentation indicator of 0.")},
        {YAML::ErrorMsg::CHAR_IN_TAG_HANDLE,
         QT_TRANSLATE_NOOP("gd::manifest", "A tag (!tag) contains a character that is not allowed.")},
        {YAML::ErrorMsg::TAG_WITH_NO_SUFFIX,
         QT_TRANSLATE_NOOP("gd::manifest", "A tag handle has no suffix.")},
        {YAML::ErrorMsg::END_OF_VERBATIM_TAG,
         QT_TRANSLATE_NOOP("gd::manifest", "A verbatim tag (!<...>) is never closed.")},
        {YAML::ErrorMsg::YAML_DIRECTIVE_ARGS,
         QT_TRANSLATE_NOOP("gd::manifest", "The %YAML directive needs exactly one argument.")},
        {YAML::ErrorMsg::YAML_VERSION, QT_TRANSLATE_NOOP("gd::manifest", "The %YAML directive names a bad version.")},
        {YAML::ErrorMsg::YAML_MAJOR_VERSION,
         QT_TRANSLATE_NOOP("gd::manifest", "The %YAML directive names an unsupported major version.")},
        {YAML::ErrorMsg::REPEATED_YAML_DIRECTIVE,
         QT_TRANSLATE_NOOP("gd::manifest", "The %YAML directive is repeated.")},
        {YAML::ErrorMsg::TAG_DIRECTIVE_ARGS,
         QT_TRANSLATE_NOOP("gd::manifest", "The %TAG directive needs exactly two arguments.")},
        {YAML::ErrorMsg::REPEATED_TAG_DIRECTIVE,
         QT_TRANSLATE_NOOP("gd::manifest", "The %TAG directive is repeated.")},
    };
    for (const Known &k : known) {
        if (message.compare(0, std::strlen(k.prefix), k.prefix) == 0)
            return QCoreApplication::translate("gd::manifest", k.sentence);
    }
    if (message.find("deep recursion") != std::string::npos)
        return QCoreApplication::translate("gd::manifest", "The YAML is nested too deeply to be read.");
    return QCoreApplication::translate("gd::manifest", "The YAML is not valid: %1.")
        .arg(QString::fromStdString(message));
}

int documentEnd(const QByteArray &text, int pos)
{
    int p = lineEnd(text, pos);
    while (p < text.size()) {
        while (p < text.size() && text[p] != '\n')
            ++p;
        if (p >= text.size())
            break;
        ++p;   // start of the next line
        if (isMarkerLine(text, p))
            return p;
    }
    return int(text.size());
}

int columnOf(const QByteArray &text, int pos)
{
    const int start = lineStart(text, pos);
    return std::max(pos - contentStart(text, start), 0);
}

QByteArray lineEndingAt(const QByteArray &text, int pos)
{
    const int end = lineEnd(text, pos);
    if (end < text.size())
        return text[end] == '\r' ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
    return lineEnding(text);
}

int indentation(const QByteArray &text, int start)
{
    const int first = contentStart(text, start);
    int p = first;
    while (p < text.size() && text[p] == ' ')
        ++p;
    int q = p;
    while (q < text.size() && isBlank(text[q]))
        ++q;
    if (q >= text.size() || isLineBreak(text[q]))
        return -1;
    return p - first;
}

bool isCommentLine(const QByteArray &text, int start)
{
    int p = contentStart(text, start);
    while (p < text.size() && isBlank(text[p]))
        ++p;
    return p < text.size() && text[p] == '#';
}

int blockEnd(const QByteArray &text, int pos, int column, bool sequence)
{
    const int size = int(text.size());
    int last = lineEnd(text, pos);   // the node's first line is its own
    int p = last;
    while (p < size) {
        const qsizetype newline = text.indexOf('\n', p);
        if (newline < 0 || newline + 1 >= size)
            break;
        const int start = int(newline) + 1;
        if (isMarkerLine(text, start))
            break;
        p = lineEnd(text, start);
        const int indent = indentation(text, start);
        if (indent < 0)
            continue;
        if (isCommentLine(text, start)) {
            // A comment at the content's indentation most likely describes the node's last entry; one further
            // left most likely introduces what follows. Neither ends the node.
            if (indent > column || (!sequence && indent == column))
                last = p;
            continue;
        }
        const bool inside = indent > column
            || (indent == column && (!sequence || startsEntry(text, contentStart(text, start) + indent)));
        if (!inside)
            break;
        last = p;
    }
    return last;
}

int flowCollectionEnd(const QByteArray &text, int open)
{
    const int size = int(text.size());
    if (open < 0 || open >= size || (text[open] != '[' && text[open] != '{'))
        return -1;
    int depth = 0;
    for (int p = open; p < size; ++p) {
        const char c = text[p];
        const char before = p > 0 ? text[p - 1] : '\n';
        const bool tokenStart = isBlank(before) || isLineBreak(before) || before == '[' || before == '{'
            || before == ',' || before == ':';
        if ((c == '"' || c == '\'') && tokenStart) {
            const int end = scalarEnd(text, p, true);
            if (end < 0)
                return -1;
            p = end - 1;
        } else if (c == '#' && (isBlank(before) || isLineBreak(before))) {
            while (p + 1 < size && text[p + 1] != '\n')
                ++p;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0)
                return p + 1;
        }
    }
    return -1;
}

QByteArray doubleQuoted(const QString &value)
{
    QByteArray out = "\"";
    const QByteArray utf8 = value.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (byte < 0x20 || byte == 0x7f) {
            out += "\\x" + QByteArray::number(byte, 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

// yaml-cpp 0.7's LoadAll never ends on a ',' where a document should start (a file that is only ","): it reads
// documents forever. Counting the documents first with a parser that builds nothing stops that, since text of n
// bytes holds at most n + 1 documents.
void handleAll(const QByteArray &text, YAML::EventHandler &handler)
{
    std::istringstream stream(toStd(text));
    YAML::Parser parser(stream);
    // Each real document consumes at least one byte, so more documents than bytes means yaml-cpp is looping.
    for (qsizetype documents = 0; parser.HandleNextDocument(handler); ++documents) {
        if (documents > text.size()) {
            // The culprit is a ',' that starts a line (after spaces): point at the first one.
            static const QRegularExpression strayComma(u"^[ \\t]*(,)"_s, QRegularExpression::MultilineOption);
            const QRegularExpressionMatch match = strayComma.match(QString::fromLatin1(text));
            YAML::Mark mark = YAML::Mark::null_mark();
            if (match.hasMatch()) {
                mark.pos = int(match.capturedStart(1));
                mark.line = int(text.left(mark.pos).count('\n'));
                mark.column = mark.pos - int(text.lastIndexOf('\n', qMax(mark.pos - 1, 0))) - 1;
            }
            throw YAML::ParserException(mark, YAML::ErrorMsg::UNKNOWN_TOKEN);
        }
    }
}

std::vector<YAML::Node> loadAll(const QByteArray &text)
{
    struct Counter : YAML::EventHandler {
        void OnDocumentStart(const YAML::Mark &) override {}
        void OnDocumentEnd() override {}
        void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
        void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
        void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override {}
        void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                             YAML::EmitterStyle::value) override {}
        void OnSequenceEnd() override {}
        void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {}
        void OnMapEnd() override {}
    };
    Counter counter;
    handleAll(text, counter);
    return YAML::LoadAll(toStd(text));
}

} // namespace gd::manifest::yamltext
