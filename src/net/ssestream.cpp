// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/ssestream.h"

namespace gd::argo {

std::vector<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    std::vector<SseEvent> out;
    for (const char c : bytes) {
        if (m_skipLf) {
            m_skipLf = false;
            if (c == '\n')
                continue;
        }
        if (c == '\r' || c == '\n') {
            m_skipLf = c == '\r';
            line(m_pending, out);
            m_pending.clear();
            continue;
        }
        m_pending.append(c);
    }
    return out;
}

void SseParser::line(QByteArrayView text, std::vector<SseEvent> &out)
{
    if (text.isEmpty()) {
        // A blank line dispatches; Argo CD's extra '\n' after a frame is a blank line with nothing to dispatch.
        if (m_hasData) {
            m_current.data = m_current.data.trimmed();
            out.push_back(std::move(m_current));
        }
        m_current = {};
        m_hasData = false;
        return;
    }
    if (text.front() == ':') {
        ++m_keepalives;
        return;
    }
    const qsizetype colon = text.indexOf(':');
    QByteArrayView field = colon < 0 ? text : text.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : text.sliced(colon + 1);
    if (!value.isEmpty() && value.front() == ' ')
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_current.data.append('\n');
        m_current.data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_current.event = value.toByteArray();
    }
    // "id" and "retry" are not used by Argo CD; unknown fields are ignored by the SSE rules.
}

} // namespace gd::argo
