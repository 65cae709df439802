// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/templaterenderer.h"

#include "manifest/yamltext.h"
#include "util/names.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace gd::tmpl {
namespace {

// The translatable sentences of this file, in the "gd::tmpl::TemplateRenderer" context (lupdate reads the macro).
struct TemplateRendererText {
    Q_DECLARE_TR_FUNCTIONS(gd::tmpl::TemplateRenderer)
};

/// How a placeholder's value goes into the text: `${NAME}` is a string, quoted when YAML would misread it;
/// `${NAME:int}` and `${NAME:bool}` are checked and written plain; `${NAME:raw}` is written as it is.
enum class ValueType { String, Int, Bool, Raw };

/// One piece of a template line: literal bytes, or a placeholder.
struct Segment {
    qsizetype begin = 0;      ///< byte offset in the template line
    qsizetype end = 0;        ///< one past the last byte
    bool placeholder = false;
    QByteArray literal;       ///< the output bytes of a literal piece ("$${" already turned into "${")
    QString name;
    ValueType type = ValueType::String;
};

/// Where on a line a placeholder sits, which decides how its value is escaped.
enum class Context { Raw, Plain, DoubleQuoted, SingleQuoted, Block };

struct LineShape {
    /// The value region [valueBegin, valueEnd) of the line in template bytes, and what kind of scalar it is.
    Context context = Context::Raw;
    qsizetype valueBegin = -1;
    qsizetype valueEnd = -1;
    /// Set when the line opens a block scalar (`key: |`): the column its content must be indented beyond.
    qsizetype blockParentColumn = -1;
    /// The mapping key region [keyBegin, keyEnd) in template bytes (inside the quotes of a quoted key), -1 when the
    /// line has no key; keyContext is Plain, DoubleQuoted or SingleQuoted.
    Context keyContext = Context::Raw;
    qsizetype keyBegin = -1;
    qsizetype keyEnd = -1;
    /// Where a `#` comment starts in template bytes, -1 when none was found (or the line was not read that far).
    qsizetype commentBegin = -1;
    /// Set for a line of a YAML file (analyzeLine read it).
    bool yaml = false;
    /// For a plain value: the column that lines going on with it must be indented beyond (-1: any line, at the
    /// document's top level), and whether it goes on from the line before or on the next line. A scalar that spans
    /// lines cannot be quoted on one of them.
    qsizetype plainParentColumn = -1;
    bool plainSpansLines = false;
};

/// Where a placeholder sits inside a block scalar's text, read as Groovy (the Jenkinsfile of a KubeSphere Pipeline):
/// outside any string, in a '...' or "..." string, in a triple-quoted string (a shell script), or in a // comment.
/// Triple-quoted strings carry over to the next lines; the others end with the line.
enum class BlockQuote { None, Single, Double, TripleSingle, TripleDouble, Comment };

bool isNameStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

QString lineText(qsizetype lineNumber)
{
    return QString::number(lineNumber);
}

Error templateError(QString message, QString detail = {})
{
    return makeError(Error::Code::Template, std::move(message), std::move(detail));
}

/// Splits one template line into literal pieces and placeholders.
Result<QList<Segment>> tokenize(const QByteArray &line, const QString &fileName, qsizetype lineNumber)
{
    QList<Segment> segments;
    QByteArray literal;
    qsizetype literalBegin = 0;
    const auto flushLiteral = [&](qsizetype end) {
        if (!literal.isEmpty()) {
            Segment s;
            s.begin = literalBegin;
            s.end = end;
            s.literal = literal;
            segments.append(s);
            literal.clear();
        }
        literalBegin = end;
    };

    qsizetype i = 0;
    while (i < line.size()) {
        if (line.at(i) == '$' && line.mid(i, 3) == "$${") {
            literal += "${";
            i += 3;
            continue;
        }
        if (line.at(i) == '$' && i + 1 < line.size() && line.at(i + 1) == '{') {
            const qsizetype close = line.indexOf('}', i + 2);
            if (close < 0) {
                return templateError(
                    TemplateRendererText::tr("The template %1 has an unterminated \"${\" on line %2: close it with \"}\", or write "
                       "\"$${\" for a literal \"${\".")
                        .arg(fileName, lineText(lineNumber)),
                    QString::fromUtf8(line));
            }
            const QByteArray inner = line.mid(i + 2, close - i - 2);
            QByteArray name = inner;
            ValueType type = ValueType::String;
            const qsizetype colon = inner.indexOf(':');
            if (colon >= 0) {
                name = inner.left(colon);
                const QByteArray typeName = inner.mid(colon + 1);
                if (typeName == "int")
                    type = ValueType::Int;
                else if (typeName == "bool")
                    type = ValueType::Bool;
                else if (typeName == "raw")
                    type = ValueType::Raw;
                else
                    name.clear();   // reported below as an invalid placeholder
            }
            const bool validName = !name.isEmpty() && isNameStart(name.at(0))
                                   && std::all_of(name.begin(), name.end(), isNameChar);
            if (!validName) {
                return templateError(
                    TemplateRendererText::tr("The template %1 has an invalid placeholder \"${%2}\" on line %3: a variable name is made "
                       "of letters, digits and '_', optionally followed by :int, :bool or :raw. Write \"$${\" for a "
                       "literal \"${\".")
                        .arg(fileName, QString::fromUtf8(inner), lineText(lineNumber)),
                    QString::fromUtf8(line));
            }
            flushLiteral(i);
            Segment s;
            s.begin = i;
            s.end = close + 1;
            s.placeholder = true;
            s.name = QString::fromLatin1(name);
            s.type = type;
            segments.append(s);
            i = close + 1;
            literalBegin = i;
            continue;
        }
        literal += line.at(i);
        ++i;
    }
    flushLiteral(line.size());
    return segments;
}

/// Skips a placeholder starting at `i` (template bytes); returns the index after it, or `i` when there is none.
qsizetype skipPlaceholder(const QByteArray &line, qsizetype i)
{
    if (line.mid(i, 3) == "$${")
        return i + 3;
    if (line.mid(i, 2) == "${") {
        const qsizetype close = line.indexOf('}', i + 2);
        return close < 0 ? line.size() : close + 1;
    }
    return i;
}

/// The Groovy quote state of a block scalar line at each of its placeholders (by template byte offset), starting in
/// `state` (a triple-quoted string left open on an earlier line) and leaving in it the state the next line starts in.
QHash<qsizetype, BlockQuote> scanBlockLine(const QByteArray &line, BlockQuote &state)
{
    QHash<qsizetype, BlockQuote> at;
    qsizetype i = 0;
    while (i < line.size()) {
        if (line.mid(i, 3) == "$${") {
            i += 3;
            continue;
        }
        if (line.mid(i, 2) == "${") {
            at.insert(i, state);
            i = skipPlaceholder(line, i);
            continue;
        }
        const char c = line.at(i);
        const QByteArray three = line.mid(i, 3);
        switch (state) {
        case BlockQuote::None:
            if (line.mid(i, 2) == "//") {
                state = BlockQuote::Comment;
            } else if (three == "'''" || three == "\"\"\"") {
                state = c == '\'' ? BlockQuote::TripleSingle : BlockQuote::TripleDouble;
                i += 2;
            } else if (c == '\'' || c == '"') {
                state = c == '\'' ? BlockQuote::Single : BlockQuote::Double;
            }
            break;
        case BlockQuote::Single:
        case BlockQuote::Double:
            if (c == '\\')
                ++i;
            else if (c == (state == BlockQuote::Single ? '\'' : '"'))
                state = BlockQuote::None;
            break;
        case BlockQuote::TripleSingle:
        case BlockQuote::TripleDouble:
            if (c == '\\') {
                ++i;
            } else if (three == (state == BlockQuote::TripleSingle ? "'''" : "\"\"\"")) {
                state = BlockQuote::None;
                i += 2;
            }
            break;
        case BlockQuote::Comment:
            break;
        }
        ++i;
    }
    if (state == BlockQuote::Single || state == BlockQuote::Double || state == BlockQuote::Comment)
        state = BlockQuote::None;
    return at;
}

/// Finds the end of a quoted scalar that starts at `open` (the quote). Returns the index of the closing quote,
/// or the line's size when the scalar goes on past the line.
qsizetype closingQuote(const QByteArray &line, qsizetype open);

/// Like closingQuote, for a scalar quoted with `quote` whose text goes on at `from` (a line that continues a quoted
/// scalar opened on an earlier line starts at 0).
qsizetype closingQuoteFrom(const QByteArray &line, char quote, qsizetype from)
{
    qsizetype i = from;
    while (i < line.size()) {
        const qsizetype skipped = skipPlaceholder(line, i);
        if (skipped != i) {
            i = skipped;
            continue;
        }
        const char c = line.at(i);
        if (quote == '"' && c == '\\') {
            i += 2;
            continue;
        }
        if (c == quote) {
            if (quote == '\'' && i + 1 < line.size() && line.at(i + 1) == '\'') {
                i += 2;
                continue;
            }
            return i;
        }
        ++i;
    }
    return line.size();
}

qsizetype closingQuote(const QByteArray &line, qsizetype open)
{
    return closingQuoteFrom(line, line.at(open), open + 1);
}

/// The shape of a line that continues a quoted scalar left open on an earlier line: its text up to the closing
/// quote, or all of it.
LineShape continuedQuoteLine(const QByteArray &line, char quote)
{
    LineShape shape;
    shape.yaml = true;
    shape.context = quote == '"' ? Context::DoubleQuoted : Context::SingleQuoted;
    shape.valueBegin = 0;
    shape.valueEnd = closingQuoteFrom(line, quote, 0);
    return shape;
}

/// Works out where the value of a (template) YAML line is, treating placeholders as opaque words.
LineShape analyzeLine(const QByteArray &line)
{
    LineShape shape;
    shape.yaml = true;
    qsizetype pos = 0;
    while (pos < line.size() && line.at(pos) == ' ')
        ++pos;
    if (pos < line.size() && line.at(pos) == '#')
        shape.commentBegin = pos;
    if (pos >= line.size() || line.at(pos) == '#' || line.startsWith("---") || line.startsWith("..."))
        return shape;

    qsizetype itemColumn = -1;
    while (pos < line.size() && line.at(pos) == '-' && (pos + 1 == line.size() || line.at(pos + 1) == ' ')) {
        itemColumn = pos;
        ++pos;
        while (pos < line.size() && line.at(pos) == ' ')
            ++pos;
    }
    const qsizetype keyColumn = pos;

    // Look for "key:" (a colon followed by a space or the line end) outside placeholders and quotes.
    qsizetype valueStart = pos;
    qsizetype i = pos;
    qsizetype quotedKeyEnd = -1;
    if (i < line.size() && (line.at(i) == '"' || line.at(i) == '\'')) {
        quotedKeyEnd = closingQuote(line, i);
        i = quotedKeyEnd < line.size() ? quotedKeyEnd + 1 : quotedKeyEnd;
    }
    bool hasKey = false;
    while (i < line.size()) {
        const qsizetype skipped = skipPlaceholder(line, i);
        if (skipped != i) {
            i = skipped;
            continue;
        }
        const char c = line.at(i);
        if (c == '#' && i > 0 && line.at(i - 1) == ' ') {
            shape.commentBegin = i;
            break;
        }
        if (c == ':' && (i + 1 == line.size() || line.at(i + 1) == ' ')) {
            hasKey = true;
            valueStart = i + 1;
            break;
        }
        ++i;
    }
    if (hasKey) {
        if (quotedKeyEnd >= 0) {
            shape.keyContext = line.at(keyColumn) == '"' ? Context::DoubleQuoted : Context::SingleQuoted;
            shape.keyBegin = keyColumn + 1;
            shape.keyEnd = quotedKeyEnd;
        } else {
            shape.keyContext = Context::Plain;
            shape.keyBegin = keyColumn;
            shape.keyEnd = valueStart - 1;
            while (shape.keyEnd > shape.keyBegin && line.at(shape.keyEnd - 1) == ' ')
                --shape.keyEnd;
        }
        while (valueStart < line.size() && line.at(valueStart) == ' ')
            ++valueStart;
    }
    if (valueStart >= line.size())
        return shape;

    const char first = line.at(valueStart);
    if (first == '|' || first == '>') {
        shape.blockParentColumn = hasKey ? keyColumn : std::max<qsizetype>(itemColumn, 0);
        return shape;
    }
    if (first == '[' || first == '{' || first == '&' || first == '*' || first == '!')
        return shape;
    if (first == '"' || first == '\'') {
        shape.context = first == '"' ? Context::DoubleQuoted : Context::SingleQuoted;
        shape.valueBegin = valueStart + 1;
        shape.valueEnd = closingQuote(line, valueStart);
        qsizetype after = shape.valueEnd + 1;
        while (after < line.size() && line.at(after) == ' ')
            ++after;
        if (after < line.size() && line.at(after) == '#')
            shape.commentBegin = after;
        return shape;
    }

    // A plain scalar: up to a comment or the line end, trailing spaces excluded.
    qsizetype end = valueStart;
    i = valueStart;
    while (i < line.size()) {
        const qsizetype skipped = skipPlaceholder(line, i);
        if (skipped != i) {
            i = skipped;
            end = i;
            continue;
        }
        if (line.at(i) == '#' && line.at(i - 1) == ' ') {
            shape.commentBegin = i;
            break;
        }
        if (line.at(i) != ' ')
            end = i + 1;
        ++i;
    }
    shape.context = Context::Plain;
    shape.valueBegin = valueStart;
    shape.valueEnd = end;
    shape.plainParentColumn = hasKey ? keyColumn : itemColumn;
    return shape;
}

/// The shape of a line that goes on with a plain scalar of an earlier line: all of it up to a comment.
LineShape continuedPlainLine(const QByteArray &line, qsizetype parentColumn)
{
    LineShape shape;
    shape.yaml = true;
    shape.context = Context::Plain;
    shape.plainParentColumn = parentColumn;
    shape.plainSpansLines = true;
    qsizetype i = 0;
    while (i < line.size() && line.at(i) == ' ')
        ++i;
    shape.valueBegin = i;
    shape.valueEnd = i;
    while (i < line.size()) {
        const qsizetype skipped = skipPlaceholder(line, i);
        if (skipped != i) {
            i = skipped;
            shape.valueEnd = i;
            continue;
        }
        if (line.at(i) == '#' && i > 0 && line.at(i - 1) == ' ') {
            shape.commentBegin = i;
            break;
        }
        if (line.at(i) != ' ')
            shape.valueEnd = i + 1;
        ++i;
    }
    return shape;
}

/// True when `line` goes on with a plain scalar whose lines must be indented beyond `parentColumn`: it is not blank,
/// no comment, no document marker, and indented enough.
bool continuesPlain(const QByteArray &line, qsizetype parentColumn)
{
    qsizetype indent = 0;
    while (indent < line.size() && line.at(indent) == ' ')
        ++indent;
    const QByteArray rest = line.mid(indent).trimmed();
    if (rest.isEmpty() || rest.startsWith('#') || line.startsWith("---") || line.startsWith("..."))
        return false;
    return indent > parentColumn;
}

bool isPlainBoolOrNull(const QString &value)
{
    static const QStringList words = {
        u"y"_s,    u"Y"_s,    u"yes"_s,  u"Yes"_s,  u"YES"_s,   u"n"_s,     u"N"_s,     u"no"_s,    u"No"_s,
        u"NO"_s,   u"true"_s, u"True"_s, u"TRUE"_s, u"false"_s, u"False"_s, u"FALSE"_s, u"on"_s,    u"On"_s,
        u"ON"_s,   u"off"_s,  u"Off"_s,  u"OFF"_s,  u"null"_s,  u"Null"_s,  u"NULL"_s,  u"~"_s,     u"="_s,
        u"<<"_s,
    };
    return words.contains(value);
}

bool looksNumericOrDate(const QString &value)
{
    // YAML 1.1 and 1.2 number forms (ints with '_', hex, octal, binary, floats, exponents, sexagesimal,
    // infinities, NaN) and YAML 1.1 timestamps: kustomize and Argo CD must not read any of them as non-strings.
    static const QRegularExpression number(
        uR"(^[-+]?(?:[0-9][0-9_]*|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$)"_s);
    static const QRegularExpression floating(
        uR"(^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$)"_s);
    static const QRegularExpression special(uR"(^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$)"_s);
    static const QRegularExpression date(uR"(^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt ]))"_s);
    if (number.match(value).hasMatch() || special.match(value).hasMatch() || date.match(value).hasMatch())
        return true;
    const bool hasDigit = std::any_of(value.begin(), value.end(), [](QChar c) { return c.isDigit(); });
    return hasDigit && floating.match(value).hasMatch();
}

/// True when `value`, written as a plain YAML scalar, would not be read back as that same string.
bool needsQuoting(const QString &value)
{
    if (value.isEmpty())
        return true;
    if (value.front().isSpace() || value.back().isSpace())
        return true;
    for (QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    static const QString indicators = u"-?:,[]{}#&*!|>'\"%@`\\"_s;
    if (indicators.contains(value.front()))
        return true;
    if (value.contains(u": "_s) || value.endsWith(u':') || value.contains(u" #"_s))
        return true;
    return isPlainBoolOrNull(value) || looksNumericOrDate(value);
}

QString escapeForDoubleQuotes(const QString &value)
{
    QString out;
    out.reserve(value.size() + 8);
    for (QChar c : value) {
        switch (c.unicode()) {
        case '\\':
            out += u"\\\\"_s;
            break;
        case '"':
            out += u"\\\""_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\t':
            out += u"\\t"_s;
            break;
        case '\r':
            out += u"\\r"_s;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
            else
                out += c;
        }
    }
    return out;
}

/// True when `value` holds a line break as YAML 1.1 or Groovy reads one (\n, \r, NEL, LINE or PARAGRAPH SEPARATOR).
bool hasLineBreak(const QString &value)
{
    return std::any_of(value.begin(), value.end(), [](QChar c) {
        return c == u'\n' || c == u'\r' || c.unicode() == 0x85 || c.unicode() == 0x2028 || c.unicode() == 0x2029;
    });
}

/// True when `value`, written as it is where no quoting protects it (in a flow collection, after a tag or an
/// anchor), could change the YAML structure around it: flow indicators, a comment sign, ": ", control characters, or
/// an indicator or a blank at its start or end.
bool changesUnquotedStructure(const QString &value)
{
    if (value.isEmpty())
        return false;
    if (value.front().isSpace() || value.back().isSpace())
        return true;
    static const QString indicators = u"-?:,[]{}#&*!|>'\"%@`"_s;
    if (indicators.contains(value.front()))
        return true;
    for (QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || QStringView(u",[]{}").contains(c))
            return true;
    }
    return value.contains(u": "_s) || value.endsWith(u':') || value.contains(u" #"_s);
}

/// True when `value` can stand inside a shell script of the Jenkinsfile (a triple-quoted Groovy string) whatever the
/// shell quoting around it: only letters, digits and . _ / : @ + = , % - (no quote, '$', '\\', space or backtick).
bool isScriptWord(const QString &value)
{
    static const QRegularExpression word(uR"(^[A-Za-z0-9._/:@+=,%-]*\z)"_s);
    return word.match(value).hasMatch();
}

/// `value` escaped for a Groovy string: '\\' and the quote always, '$' too inside "..." (where it interpolates).
QString escapeForGroovy(const QString &value, BlockQuote quote)
{
    QString out;
    out.reserve(value.size() + 8);
    for (QChar c : value) {
        if (c == u'\\' || (c == u'\'' && quote == BlockQuote::Single)
            || ((c == u'"' || c == u'$') && quote == BlockQuote::Double))
            out += u'\\';
        out += c;
    }
    return out;
}

Error lineBreakError(const QString &name, const QString &fileName, qsizetype lineNumber)
{
    return templateError(TemplateRendererText::tr("The value of ${%1} has a line break and cannot go into %2 at line %3, "
                                                  "where it would add lines of its own; give a one-line value.")
                             .arg(name, fileName, lineText(lineNumber)));
}

/// The text of a string value inside a block scalar, escaped for where it stands in the block's Groovy text, or an
/// error when no escaping keeps it from changing the block's structure (line breaks; shell scripts).
Result<QString> blockValue(const QString &name, const QString &value, BlockQuote quote, const QString &fileName,
                           qsizetype lineNumber)
{
    if (hasLineBreak(value))
        return lineBreakError(name, fileName, lineNumber);
    switch (quote) {
    case BlockQuote::Single:
    case BlockQuote::Double:
        return escapeForGroovy(value, quote);
    case BlockQuote::TripleSingle:
    case BlockQuote::TripleDouble:
        if (!isScriptWord(value)) {
            return templateError(
                TemplateRendererText::tr("The value of ${%1} (\"%2\") cannot go into the script of %3 at line %4: there it "
                                         "may only hold letters, digits and . _ / : @ + = , % -.")
                    .arg(name, printableValue(value), fileName, lineText(lineNumber)));
        }
        return value;
    case BlockQuote::None:
    case BlockQuote::Comment:
        break;
    }
    return value;
}

/// Checks a typed placeholder's value and returns the text to write.
Result<QString> typedValue(const Segment &segment, const QString &value, const QString &fileName,
                           qsizetype lineNumber)
{
    switch (segment.type) {
    case ValueType::Int: {
        static const QRegularExpression integer(uR"(^-?[0-9]+$)"_s);
        if (!integer.match(value).hasMatch()) {
            return templateError(TemplateRendererText::tr("The template %1 needs a whole number for ${%2} on line %3, not \"%4\".")
                                     .arg(fileName, segment.name, lineText(lineNumber), value));
        }
        return value;
    }
    case ValueType::Bool: {
        const QString lower = value.toLower();
        if (lower != u"true"_s && lower != u"false"_s) {
            return templateError(TemplateRendererText::tr("The template %1 needs true or false for ${%2} on line %3, not \"%4\".")
                                     .arg(fileName, segment.name, lineText(lineNumber), value));
        }
        return lower;
    }
    case ValueType::String:
    case ValueType::Raw:
        break;
    }
    return value;
}

bool isYamlFile(const QString &fileName)
{
    return fileName.endsWith(u".yaml"_s, Qt::CaseInsensitive) || fileName.endsWith(u".yml"_s, Qt::CaseInsensitive);
}

/// Renders one line (without its line end). Returns std::nullopt when a variable on it is unset (the line goes).
Result<std::optional<QByteArray>> renderLine(const QByteArray &line, const QList<Segment> &segments,
                                             const LineShape &shape, bool inBlock,
                                             const QHash<qsizetype, BlockQuote> &blockQuotes,
                                             const QString &fileName, qsizetype lineNumber,
                                             const Variables &variables)
{
    // Look every variable up first: an unknown one is an error, an unset one removes the line.
    for (const Segment &s : segments) {
        if (!s.placeholder)
            continue;
        const auto it = variables.constFind(s.name);
        if (it == variables.constEnd()) {
            QStringList known = variables.keys();
            known.sort();
            return templateError(TemplateRendererText::tr("The template %1 uses the unknown variable ${%2} on line %3.")
                                     .arg(fileName, s.name, lineText(lineNumber)),
                                 TemplateRendererText::tr("Known variables: %1").arg(known.join(u", "_s)));
        }
        if (!it->has_value())
            return std::optional<QByteArray>();
    }

    // The key and the value of the line, each a scalar whose quoting decides how a value placed in it is escaped.
    struct Region {
        Context context;
        qsizetype begin;
        qsizetype end;
    };
    QList<Region> regions;
    if (!inBlock && shape.keyBegin >= 0)
        regions.append({shape.keyContext, shape.keyBegin, shape.keyEnd});
    if (!inBlock && shape.valueBegin >= 0)
        regions.append({shape.context, shape.valueBegin, shape.valueEnd});
    const auto regionAt = [&](qsizetype begin, qsizetype end) -> const Region * {
        for (const Region &r : regions) {
            if (begin >= r.begin && end <= r.end)
                return &r;
        }
        return nullptr;
    };

    QByteArray out;
    QString plainValue;          // the plain scalar being assembled, when the line has one
    bool plainHasString = false; // it holds a string placeholder: quote it if YAML would misread it
    const Region *plainRegion = nullptr;
    QString plainName;           // the last string placeholder in it, and its value
    QString plainNameValue;
    std::optional<Error> plainError;
    const auto flushPlain = [&]() {
        if (!plainRegion)
            return;
        const bool quote = plainHasString && needsQuoting(plainValue);
        if (quote && shape.plainSpansLines && plainRegion->begin == shape.valueBegin && !plainError) {
            plainError = templateError(
                TemplateRendererText::tr("The value of ${%1} (\"%2\") would need quotes in %3 at line %4, but the "
                                         "plain text it stands in goes on over several lines there; put the "
                                         "placeholder in a quoted string in the template, or give a plain value.")
                    .arg(plainName, printableValue(plainNameValue), fileName, lineText(lineNumber)));
        }
        const QString text = quote ? u"\""_s + escapeForDoubleQuotes(plainValue) + u"\""_s : plainValue;
        out += text.toUtf8();
        plainValue.clear();
        plainHasString = false;
        plainRegion = nullptr;
    };
    const auto addPlain = [&](const Region *region, const QString &text) {
        if (plainRegion != region)
            flushPlain();
        plainRegion = region;
        plainValue += text;
    };

    for (const Segment &s : segments) {
        if (!s.placeholder) {
            // A literal piece can straddle a plain scalar's edges; cut it there so each scalar is assembled whole.
            // Literal bytes map one to one except "$${", which is never split by a scalar's edge.
            qsizetype pos = s.begin;
            while (pos < s.end) {
                const Region *region = nullptr;
                qsizetype next = s.end;
                for (const Region &r : regions) {
                    if (r.context != Context::Plain)
                        continue;
                    if (pos >= r.begin && pos < r.end) {
                        region = &r;
                        next = std::min(s.end, r.end);
                        break;
                    }
                    if (r.begin > pos)
                        next = std::min(next, r.begin);
                }
                const QByteArray piece = line.mid(pos, next - pos).replace("$${", "${");
                if (region) {
                    addPlain(region, QString::fromUtf8(piece));
                } else {
                    flushPlain();
                    out += piece;
                }
                pos = next;
            }
            continue;
        }

        const Region *region = regionAt(s.begin, s.end);
        const Context context = inBlock ? Context::Block : region ? region->context : Context::Raw;
        const QString value = **variables.constFind(s.name);
        if (s.type != ValueType::String) {
            const Result<QString> typed = typedValue(s, value, fileName, lineNumber);
            if (!typed)
                return typed.error();
            if (inBlock && hasLineBreak(*typed))
                return lineBreakError(s.name, fileName, lineNumber);
            if (context == Context::Plain) {
                addPlain(region, *typed);
            } else {
                flushPlain();
                out += typed->toUtf8();
            }
            continue;
        }

        if (context == Context::Plain) {
            addPlain(region, value);
            plainHasString = true;
            plainName = s.name;
            plainNameValue = value;
        } else if (context == Context::DoubleQuoted) {
            flushPlain();
            out += escapeForDoubleQuotes(value).toUtf8();
        } else if (context == Context::SingleQuoted) {
            flushPlain();
            if (hasLineBreak(value)) {
                return templateError(
                    TemplateRendererText::tr("The value of ${%1} has a line break and cannot go inside single quotes (template %2, line "
                       "%3); use double quotes in the template.")
                        .arg(s.name, fileName, lineText(lineNumber)));
            }
            QString escaped = value;
            escaped.replace(u"'"_s, u"''"_s);
            out += escaped.toUtf8();
        } else if (inBlock) {
            flushPlain();
            const Result<QString> text =
                blockValue(s.name, value, blockQuotes.value(s.begin, BlockQuote::None), fileName, lineNumber);
            if (!text)
                return text.error();
            out += text->toUtf8();
        } else {
            flushPlain();
            // A comment, a flow collection or a file that is not YAML: nothing escapes the value, so it must not
            // add lines (a line break would end a comment or start a new instruction).
            if (hasLineBreak(value))
                return lineBreakError(s.name, fileName, lineNumber);
            const bool inComment = shape.commentBegin >= 0 && s.begin >= shape.commentBegin;
            if (shape.yaml && !inComment && changesUnquotedStructure(value)) {
                return templateError(
                    TemplateRendererText::tr("The value of ${%1} (\"%2\") cannot go into %3 at line %4: there it stands "
                                             "unquoted (in a flow collection, after a tag or an anchor) and would "
                                             "change the YAML structure. Give a value without , [ ] { } # or \": \", or "
                                             "put the placeholder in a quoted string of its own in the template.")
                        .arg(s.name, printableValue(value), fileName, lineText(lineNumber)));
            }
            out += value.toUtf8();
        }
    }
    flushPlain();
    if (plainError)
        return *plainError;
    return std::optional<QByteArray>(out);
}

qsizetype leadingSpaces(const QByteArray &line)
{
    qsizetype n = 0;
    while (n < line.size() && line.at(n) == ' ')
        ++n;
    return n;
}

bool isBlank(const QByteArray &line)
{
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

} // namespace

Result<QByteArray> renderTemplate(const QByteArray &text, const QString &fileName, const Variables &variables)
{
    QByteArray out;
    out.reserve(text.size() + text.size() / 4);
    std::vector<qsizetype> sourceLineOf;   // output line index → template line number (1-based)
    qsizetype blockParentColumn = -1;      // >= 0 while inside a block scalar's content
    BlockQuote blockQuote = BlockQuote::None;   // the Groovy string a block's earlier line left open
    char openQuote = 0;                         // the quote of a quoted scalar an earlier line left open
    qsizetype openPlainColumn = -2;             // >= -1 after a plain value that later lines may go on with
    const bool yaml = isYamlFile(fileName);

    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const bool last = index + 1 == lines.size();
        if (last && lines.at(index).isEmpty())
            break;   // the text ended with a line end
        QByteArray line = lines.at(index);
        const bool crlf = line.endsWith('\r');
        if (crlf)
            line.chop(1);
        const qsizetype lineNumber = index + 1;

        const qsizetype indent = leadingSpaces(line);
        bool inBlock = false;
        if (blockParentColumn >= 0) {
            if (isBlank(line) || indent > blockParentColumn)
                inBlock = true;
            else
                blockParentColumn = -1;
        }

        const Result<QList<Segment>> segments = tokenize(line, fileName, lineNumber);
        if (!segments)
            return segments.error();
        // Quoting rules are YAML rules: other files (a Dockerfile, a script) get their values as they are.
        // A line that goes (an unset variable) leaves the scalar state of the lines before it as it was.
        const char quoteBefore = openQuote;
        const qsizetype plainColumnBefore = openPlainColumn;
        LineShape shape;
        if (!inBlock && yaml && openQuote) {
            shape = continuedQuoteLine(line, openQuote);
            if (shape.valueEnd < line.size())
                openQuote = 0;
        } else if (!inBlock && yaml && openPlainColumn >= -1 && continuesPlain(line, openPlainColumn)) {
            shape = continuedPlainLine(line, openPlainColumn);
        } else if (!inBlock && yaml) {
            shape = analyzeLine(line);
            // A quoted value that the line does not close goes on on the next lines.
            if ((shape.context == Context::DoubleQuoted || shape.context == Context::SingleQuoted)
                && shape.valueEnd >= line.size())
                openQuote = shape.context == Context::DoubleQuoted ? '"' : '\'';
        }
        openPlainColumn = -2;
        if (shape.context == Context::Plain && shape.commentBegin < 0) {
            // A plain value goes on when the next line that is not blank is indented beyond its parent.
            openPlainColumn = shape.plainParentColumn;
            for (qsizetype next = index + 1; next < lines.size(); ++next) {
                QByteArray nextLine = lines.at(next);
                if (nextLine.endsWith('\r'))
                    nextLine.chop(1);
                if (isBlank(nextLine))
                    continue;
                if (continuesPlain(nextLine, openPlainColumn))
                    shape.plainSpansLines = true;
                break;
            }
        }
        if (!inBlock && shape.blockParentColumn >= 0) {
            blockParentColumn = shape.blockParentColumn;
            blockQuote = BlockQuote::None;
        }
        const QHash<qsizetype, BlockQuote> blockQuotes =
            inBlock ? scanBlockLine(line, blockQuote) : QHash<qsizetype, BlockQuote>();

        const Result<std::optional<QByteArray>> rendered =
            renderLine(line, *segments, shape, inBlock, blockQuotes, fileName, lineNumber, variables);
        if (!rendered)
            return rendered.error();
        if (!rendered->has_value()) {
            openQuote = quoteBefore;
            openPlainColumn = plainColumnBefore;
            continue;
        }

        const QByteArray &renderedLine = **rendered;
        out += renderedLine;
        if (crlf)
            out += '\r';
        if (!last)
            out += '\n';
        const qsizetype producedLines = renderedLine.count('\n') + 1;
        for (qsizetype n = 0; n < producedLines; ++n)
            sourceLineOf.push_back(lineNumber);
    }

    if (yaml) {
        try {
            const std::vector<YAML::Node> documents = manifest::yamltext::loadAll(out);
            Q_UNUSED(documents);
        } catch (const YAML::Exception &e) {
            qsizetype templateLine = 0;
            if (e.mark.line >= 0 && static_cast<std::size_t>(e.mark.line) < sourceLineOf.size())
                templateLine = sourceLineOf.at(static_cast<std::size_t>(e.mark.line));
            else if (!sourceLineOf.empty())
                templateLine = sourceLineOf.back();
            return makeError(Error::Code::Template,
                             TemplateRendererText::tr("The template %1 does not give valid YAML at line %2; check that line and the "
                                "values put into it.")
                                 .arg(fileName, lineText(templateLine)),
                             QString::fromStdString(e.msg));
        }
    }
    return out;
}

} // namespace gd::tmpl
