// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace gd::argo {

/// One Server-Sent Event: the `event:` name (empty for the default "message") and its `data:` lines joined by '\n'.
struct SseEvent {
    QByteArray event;
    QByteArray data;
};

/// Incremental Server-Sent Events parser (WHATWG rules): events end at a blank line, `data:` lines are joined,
/// lines starting with ':' are comments (keepalives), LF, CRLF and CR all end a line, and input may be split or
/// merged anywhere. Argo CD's trailing space after the JSON and its extra blank line are tolerated. Cheap; any thread.
class SseParser {
public:
    /// Consumes the next bytes of the stream and returns the events they complete (possibly none).
    std::vector<SseEvent> feed(QByteArrayView bytes);
    /// Number of comment lines seen so far (keepalives).
    int keepalives() const { return m_keepalives; }

private:
    void line(QByteArrayView text, std::vector<SseEvent> &out);

    QByteArray m_pending;      ///< an unfinished line
    bool m_skipLf = false;     ///< the last byte was CR: a following LF belongs to the same line end
    bool m_hasData = false;
    SseEvent m_current;
    int m_keepalives = 0;
};

} // namespace gd::argo
