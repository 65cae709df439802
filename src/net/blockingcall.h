// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QEventLoop>

#include <functional>
#include <optional>

namespace gd::net {

/// Waits on the calling thread for an asynchronous call's answer, for code without a running event loop (the CLI,
/// a worker thread): `start(context, done)` begins the call, bound to `context`, and must call `done` exactly once,
/// later or from within `start`. A local event loop turns until then; the call's own timeouts bound the wait. The
/// context goes when this returns, before anything the caller owns, so a call still bound to it is dropped.
template<typename T>
Result<T> waitForAnswer(const std::function<void(QObject *context, std::function<void(Result<T>)> done)> &start,
                        QEventLoop::ProcessEventsFlags flags = QEventLoop::AllEvents)
{
    QEventLoop loop;
    std::optional<Result<T>> answer;
    start(&loop, [&answer, &loop](Result<T> result) {
        answer.emplace(std::move(result));
        loop.quit();
    });
    if (!answer)
        loop.exec(flags);
    return std::move(*answer);
}

} // namespace gd::net
