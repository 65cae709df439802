// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/argoapplication.h"
#include "net/argoclient.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace gd::argo {

/// Keeps a live view of every Application: List → watch `/api/v1/stream/applications` from the list's
/// resourceVersion → on a dropped stream or an error event, reconnect with jittered backoff and re-list.
/// GUI thread (or the CLI's event loop).
class ArgoWatch : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Connecting, Live, Reconnecting, Unauthorized };
    Q_ENUM(State)

    ArgoWatch(net::HttpClient &http, ArgoClient &client, QObject *parent = nullptr);
    ~ArgoWatch() override;

    void start();
    void stop();
    State state() const { return m_state; }

Q_SIGNALS:
    /// A fresh full list (at start and after every re-list): replace everything shown.
    void listed(const gd::argo::ApplicationList &list);
    /// One ADDED / MODIFIED / DELETED event.
    void changed(const gd::argo::WatchEvent &event);
    /// The connection changed; `message` says why when it is not Live (for the status bar).
    void stateChanged(gd::argo::ArgoWatch::State state, const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
    State m_state = State::Stopped;
};

} // namespace gd::argo
