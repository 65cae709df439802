// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/argowatch.h"

#include "net/ssestream.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QScopedPointer>
#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::argo {
namespace {

QString trText(const char *text)
{
    return QCoreApplication::translate("gd::argo::ArgoWatch", text);
}

constexpr int kMaxBackoffMs = 30000;

} // namespace

struct ArgoWatch::Private {
    ArgoWatch *q;
    net::HttpClient &http;
    ArgoClient &client;
    std::unique_ptr<QNetworkReply, QScopedPointerDeleteLater> stream;
    std::unique_ptr<QObject> listContext;   ///< owns the callbacks of the list in flight; reset to drop them
    SseParser parser;
    QTimer reconnectTimer;
    int failures = 0;

    Private(ArgoWatch *owner, net::HttpClient &h, ArgoClient &c) : q(owner), http(h), client(c) {}

    void setState(State state, const QString &message)
    {
        if (q->m_state == state && state != State::Reconnecting)
            return;
        q->m_state = state;
        Q_EMIT q->stateChanged(state, message);
    }

    void closeStream()
    {
        if (stream) {
            QObject::disconnect(stream.get(), nullptr, q, nullptr);
            stream->abort();
            stream.reset();
        }
        parser = SseParser();
    }

    void relist()
    {
        listContext = std::make_unique<QObject>();
        client.list(listContext.get(), [this](Result<ApplicationList> list) {
            if (!list) {
                fail(list.error());
                return;
            }
            Q_EMIT q->listed(list.value());
            openStream(list->resourceVersion);
        });
    }

    void openStream(const QString &resourceVersion)
    {
        closeStream();
        net::HttpRequest request;
        request.path = u"/api/v1/stream/applications"_s;
        if (!resourceVersion.isEmpty())
            request.query.addQueryItem(u"resourceVersion"_s, resourceVersion);
        request.bearerToken = client.server().token;
        stream.reset(http.openStream(client.server().http, request));
        QNetworkReply *reply = stream.get();
        QObject::connect(reply, &QNetworkReply::metaDataChanged, q, [this, reply] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                failures = 0;
                setState(State::Live, trText("Live updates from Argo CD."));
            }
        });
        QObject::connect(reply, &QNetworkReply::readyRead, q, [this, reply] { read(reply); });
        QObject::connect(reply, &QNetworkReply::finished, q, [this, reply] { finished(reply); });
    }

    /// Parses what arrived; returns false when an error event ended the stream.
    bool read(QNetworkReply *reply)
    {
        for (const SseEvent &sse : parser.feed(reply->readAll())) {
            auto event = parseWatchEvent(sse.data);
            if (!event) {
                fail(event.error());
                return false;
            }
            Q_EMIT q->changed(event.value());
            if (stream.get() != reply)
                return false;   // a receiver stopped or restarted the watch
        }
        return true;
    }

    void finished(QNetworkReply *reply)
    {
        // An error body (`data: {"error":…}` or a grpc-gateway JSON error) may still be unread.
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 && !read(reply))
            return;
        if (status != 200 && status != 0) {
            const QByteArray body = reply->readAll();
            // The body is an SSE error frame when the stream had started, else a plain grpc-gateway JSON error.
            const std::vector<SseEvent> frames = SseParser().feed(QByteArray(body + "\n\n"));
            if (!frames.empty()) {
                auto event = parseWatchEvent(frames.front().data);
                if (!event) {
                    fail(event.error());
                    return;
                }
            }
            net::HttpRequest request;
            request.path = u"/api/v1/stream/applications"_s;
            fail(net::HttpClient::errorForStatus(client.server().http, request, status, body));
            return;
        }
        fail(makeError(Error::Code::Network, trText("The live connection to Argo CD dropped."),
                       net::HttpClient::redact(reply->errorString())));
    }

    void fail(const Error &error)
    {
        closeStream();
        if (error.code == Error::Code::Auth) {
            reconnectTimer.stop();
            setState(State::Unauthorized, error.message);
            return;
        }
        ++failures;
        const int base = std::min(kMaxBackoffMs, 1000 << std::min(failures - 1, 5));
        const int delay = base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1);
        reconnectTimer.start(delay);
        setState(State::Reconnecting,
                 trText("%1 Reconnecting in %2 s.").arg(error.message).arg((delay + 999) / 1000));
    }
};

ArgoWatch::ArgoWatch(net::HttpClient &http, ArgoClient &client, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, http, client))
{
    d->reconnectTimer.setSingleShot(true);
    connect(&d->reconnectTimer, &QTimer::timeout, this, [this] { d->relist(); });
}

ArgoWatch::~ArgoWatch()
{
    d->reconnectTimer.stop();
    d->closeStream();
}

void ArgoWatch::start()
{
    if (m_state == State::Connecting || m_state == State::Live || m_state == State::Reconnecting)
        return;
    d->failures = 0;
    d->setState(State::Connecting, tr("Connecting to Argo CD…"));
    d->relist();
}

void ArgoWatch::stop()
{
    d->reconnectTimer.stop();
    d->listContext.reset();
    d->closeStream();
    d->setState(State::Stopped, tr("Live updates are off."));
}

} // namespace gd::argo
