// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>
#include <QStringDecoder>

#include <cstdio>

namespace gd::cli {

/// A write-only device over stdout or stderr that shows every hidden control of what passes through it as a visible
/// escape (gd::visibleText, keeping tabs and line feeds): whatever Git or a server put in a name, a message or an
/// answer, the terminal shows it and does not obey it. JSON stays valid (its escapes are JSON's). Main thread.
class VisibleOutput : public QIODevice {
public:
    explicit VisibleOutput(std::FILE *file);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    std::FILE *m_file;
    QStringDecoder m_decoder{QStringDecoder::Utf8};   ///< keeps a character split between two writes whole
};

} // namespace gd::cli
