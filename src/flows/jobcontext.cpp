// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows/jobcontext.h"

#include <algorithm>

namespace gd::flows {

void JobContext::setProgress(int percent)
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->progress = std::clamp(percent, 0, 100);
    }
    report();
}

void JobContext::setIndeterminate()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->progress = -1;
    }
    report();
}

void JobContext::setStatus(const QString &text)
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->status = text;
    }
    report();
}

void JobContext::report()
{
    // Only the first report after the GUI thread took the last one posts a message; later ones just
    // update the shared values, which the GUI thread reads when that message arrives.
    if (!m_shared->notifyPending.exchange(true) && m_shared->notify)
        m_shared->notify();
}

} // namespace gd::flows
