// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/visibleoutput.h"

#include "util/terminaltext.h"

namespace gd::cli {

VisibleOutput::VisibleOutput(std::FILE *file) : m_file(file)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 VisibleOutput::readData(char *, qint64)
{
    return -1;
}

qint64 VisibleOutput::writeData(const char *data, qint64 size)
{
    const QString text = m_decoder.decode(QByteArrayView(data, size));
    const QByteArray shown = visibleText(text).toUtf8();
    if (std::fwrite(shown.constData(), 1, size_t(shown.size()), m_file) != size_t(shown.size()))
        return -1;
    std::fflush(m_file);
    return size;
}

} // namespace gd::cli
