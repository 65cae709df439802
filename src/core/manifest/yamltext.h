// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private helpers of the manifest layer: byte-level facts about YAML text that yaml-cpp does not give
// (where a scalar ends, which line ending a file uses, where a document ends, whether a value must be quoted).

#include <yaml-cpp/mark.h>
#include <yaml-cpp/node/node.h>

namespace YAML {
class EventHandler;
}

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace gd::manifest::yamltext {

/// 3 when `text` starts with a UTF-8 byte order mark (yaml-cpp's Mark::pos does not count it), else 0.
int bomLength(const QByteArray &text);

/// The byte offset in `text` of a yaml-cpp mark (adds the byte order mark yaml-cpp skipped).
inline int offsetOf(const QByteArray &text, const YAML::Mark &mark)
{
    return mark.pos + bomLength(text);
}

/// The 1-based line and editor column (UTF-16 code units, as QTextCursor counts) of a yaml-cpp mark;
/// line 1, column 1 for a null mark.
void lineAndColumn(const QByteArray &text, const YAML::Mark &mark, int *line, int *column);

/// "\r\n" when the file's first line ends with CRLF, else "\n".
QByteArray lineEnding(const QByteArray &text);

/// Offset of the first byte of the line holding `pos`.
int lineStart(const QByteArray &text, int pos);

/// Offset of the line end of the line holding `pos`: the '\r' of a CRLF, the '\n', or text.size().
int lineEnd(const QByteArray &text, int pos);

/// The end (exclusive) of the scalar token starting at `pos`: a quoted scalar ends after its closing quote
/// ('' and \" escapes handled), a plain one before a ` #` comment, a `: `, the line end, or (in flow context) `,]}`,
/// trailing blanks excluded. -1 when a quoted scalar is never closed.
int scalarEnd(const QByteArray &text, int pos, bool flowContext);

/// True when a plain scalar with this text would not be read back as the same string by YAML 1.1/1.2 loaders
/// (numbers, bools, null, timestamps, empty, or leading/trailing characters with a YAML meaning).
bool needsQuoting(const QString &value);

/// Offset where the YAML document containing `pos` ends: the start of the next line that is a `---` or `...`
/// marker, or text.size().
int documentEnd(const QByteArray &text, int pos);

/// Where to show a yaml-cpp exception: its mark, moved back to the backslash for an unknown escape sequence
/// (yaml-cpp points past the escaped character).
YAML::Mark problemMark(const QByteArray &text, const std::string &message, const YAML::Mark &mark);

/// yaml-cpp's terse exception text ("illegal map value") as a sentence a release manager understands.
QString problemSentence(const std::string &yamlCppMessage);

/// The byte column of `pos`: its distance from the start of its line.
int columnOf(const QByteArray &text, int pos);

/// The line ending to use for a line inserted after the line holding `pos`: that line's own ("\r\n" or "\n"), or
/// the file's (lineEnding) when it is the last line and has none.
QByteArray lineEndingAt(const QByteArray &text, int pos);

/// The number of spaces that start the line beginning at `lineStart`; -1 when the line is blank (only spaces, tabs
/// and a line end).
int indentation(const QByteArray &text, int lineStart);

/// True when the line beginning at `lineStart` holds nothing but a comment (after optional blanks).
bool isCommentLine(const QByteArray &text, int lineStart);

/// Where a block node ends in the text, to insert after it: the line end of its last line. The node starts at `pos`
/// (its first mapping key, or the `-` of its first sequence entry) at byte column `column`. The lines after it belong
/// to it while they are blank, comments, or indented more than `column`; for a mapping (`sequence` false) also lines
/// indented exactly `column`, for a sequence only those at `column` that start a new entry (`- `). A document marker
/// ends it. Trailing blank lines, and trailing comments indented less than the node's content, are not part of it.
int blockEnd(const QByteArray &text, int pos, int column, bool sequence);

/// The offset just after the `]` or `}` that closes the flow collection opening at `open`, skipping quoted scalars
/// and comments; -1 when it is never closed or `open` is not a `[` or `{`.
int flowCollectionEnd(const QByteArray &text, int open);

/// `value` as a double-quoted YAML scalar, with backslash, double quote and control characters escaped.
QByteArray doubleQuoted(const QString &value);

/// Passes every document of `text` to `handler`, like a YAML::Parser's HandleNextDocument loop: throws
/// YAML::Exception when the text is not YAML, and also (ParserException "unknown token" at the first line that starts
/// with ',') on text where yaml-cpp 0.7 would hand out empty documents forever. Any thread.
void handleAll(const QByteArray &text, YAML::EventHandler &handler);

/// Every document of `text`, like YAML::LoadAll, which it calls: throws YAML::Exception when the text is not YAML,
/// and also (ParserException "unknown token" at the first line that starts with ',') on text where yaml-cpp 0.7's
/// LoadAll would read empty documents forever until memory runs out. Parses twice; any thread.
std::vector<YAML::Node> loadAll(const QByteArray &text);

/// A std::string copy of `text` for yaml-cpp.
inline std::string toStd(const QByteArray &text)
{
    return std::string(text.constData(), static_cast<size_t>(text.size()));
}

} // namespace gd::manifest::yamltext
