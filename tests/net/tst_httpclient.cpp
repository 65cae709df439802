// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/httpclient.h"

#include <QNetworkReply>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QPointer>
#include <QTest>

#include <deque>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace gd;
using namespace gd::net;

namespace {

/// A scripted HTTP/1.1 server on 127.0.0.1: answers each request with the next queued reply (or never, for
/// `hang`), records what it received. With a certificate it speaks TLS.
class ScriptedServer : public QTcpServer {
public:
    struct Reply {
        int status = 200;
        QByteArray body;
        bool hang = false;
    };
    struct Seen {
        QByteArray method;
        QByteArray target;
        QHash<QByteArray, QByteArray> headers;
        QByteArray body;
    };

    std::deque<Reply> replies;
    QList<Seen> seen;
    QSslCertificate certificate;
    QSslKey key;

    QUrl url(const QString &scheme = u"http"_s) const
    {
        return QUrl(u"%1://127.0.0.1:%2"_s.arg(scheme).arg(serverPort()));
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        QTcpSocket *socket = nullptr;
        if (!certificate.isNull()) {
            auto *tls = new QSslSocket(this);
            tls->setSocketDescriptor(handle);
            tls->setLocalCertificate(certificate);
            tls->setPrivateKey(key);
            tls->setPeerVerifyMode(QSslSocket::VerifyNone);
            tls->startServerEncryption();
            socket = tls;
        } else {
            socket = new QTcpSocket(this);
            socket->setSocketDescriptor(handle);
        }
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            Seen request;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length").toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            request.body = buffer->mid(end + 4, length);
            buffer->remove(0, end + 4 + length);
            seen.append(request);
            const Reply reply = replies.empty() ? Reply{} : replies.front();
            if (!replies.empty())
                replies.pop_front();
            if (reply.hang)
                return;
            socket->write("HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\nContent-Type: application/json\r\n"
                          "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n" + reply.body);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

struct Outcome {
    std::optional<Result<HttpResponse>> result;
    int calls = 0;
};

HttpRequest quickRequest()
{
    HttpRequest request;
    request.path = u"/api/v1/applications"_s;
    request.timeout = std::chrono::milliseconds(5000);
    return request;
}

} // namespace

class TestHttpClient : public QObject {
    Q_OBJECT
private:
    /// Sends and waits until done() ran; returns how often it ran (must be once).
    Outcome run(HttpClient &client, const ServerSettings &server, const HttpRequest &request,
                HttpCall **callOut = nullptr)
    {
        Outcome outcome;
        QObject context;
        HttpCall *call = client.send(server, request, &context, [&outcome](Result<HttpResponse> result) {
            ++outcome.calls;
            outcome.result.emplace(std::move(result));
        });
        if (callOut)
            *callOut = call;
        [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), 20000); }();
        QTest::qWait(0);
        return outcome;
    }

    ServerSettings settings(const ScriptedServer &server)
    {
        ServerSettings s;
        s.baseUrl = server.url();
        s.displayName = u"Argo CD"_s;
        return s;
    }

private Q_SLOTS:
    void postSendsJsonAndBearer()
    {
        ScriptedServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.replies.push_back({200, "{\"ok\":true}"});
        HttpClient client;
        HttpRequest request = quickRequest();
        request.method = "POST";
        request.body = "{\"a\":1}";
        request.bearerToken = u"tok123"_s;
        request.query.addQueryItem(u"upsert"_s, u"true"_s);
        const Outcome outcome = run(client, settings(server), request);
        QVERIFY(outcome.result->ok());
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(outcome.result->value().status, 200);
        QCOMPARE(outcome.result->value().body, QByteArray("{\"ok\":true}"));
        QCOMPARE(outcome.result->value().headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(server.seen.size(), 1);
        QCOMPARE(server.seen[0].method, QByteArray("POST"));
        QCOMPARE(server.seen[0].target, QByteArray("/api/v1/applications?upsert=true"));
        QCOMPARE(server.seen[0].headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(server.seen[0].headers.value("authorization"), QByteArray("Bearer tok123"));
        QCOMPARE(server.seen[0].body, QByteArray("{\"a\":1}"));
    }

    void destroyingTheClientWithACallInFlightDropsItsCallback()
    {
        // A window closed while a request is open: the call ends with the client, its callback never runs.
        ScriptedServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.replies.push_back({200, {}, true});
        int calls = 0;
        QPointer<HttpCall> call;
        {
            HttpClient client;
            call = client.send(settings(server), quickRequest(), nullptr, [&calls](Result<HttpResponse>) { ++calls; });
            QTRY_COMPARE_WITH_TIMEOUT(server.seen.size(), 1, 20000);
            QVERIFY(call);
        }
        QVERIFY(call.isNull());
        QTest::qWait(0);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(calls, 0);
    }

    void retriesOn503ThenSucceeds()
    {
        ScriptedServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.replies = {{503, "{}"}, {503, "{}"}, {200, "{}"}};
        HttpClient client;
        HttpRequest request = quickRequest();
        request.maxAttempts = 3;
        const Outcome outcome = run(client, settings(server), request);
        QVERIFY(outcome.result->ok());
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(server.seen.size(), 3);
    }

    void gives503UpAfterMaxAttempts()
    {
        ScriptedServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.replies = {{503, "{}"}, {503, "{}"}, {200, "{}"}};
        HttpClient client;
        HttpRequest request = quickRequest();
        request.maxAttempts = 2;
        const Outcome outcome = run(client, settings(server), request);
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().code, Error::Code::Network);
        QCOMPARE(server.seen.size(), 2);
    }

    void grpcErrorBodyBecomesSentence_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("code");
        QTest::newRow("403") << 403 << QByteArray("{\"error\":\"permission denied\",\"code\":7,\"message\":\"permission denied\"}")
                             << u"Argo CD refused: permission denied (403)."_s << int(Error::Code::Auth);
        QTest::newRow("401") << 401 << QByteArray("{\"error\":\"no session information\",\"code\":16,\"message\":\"no session information\"}")
                             << u"Argo CD refused: no session information (401). Log in again."_s << int(Error::Code::Auth);
        QTest::newRow("400-in-progress")
            << 400 << QByteArray("{\"error\":\"another operation is already in progress\",\"code\":9,\"message\":\"another operation is already in progress\"}")
            << u"Argo CD refused: another operation is already in progress (400)."_s << int(Error::Code::InvalidInput);
        QTest::newRow("404-plain") << 404 << QByteArray("404 page not found") << u"Argo CD refused: 404 page not found (404)."_s
                                   << int(Error::Code::NotFound);
    }

    void grpcErrorBodyBecomesSentence()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QFETCH(int, code);
        ScriptedServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.replies = {{status, body}, {200, "{}"}};
        HttpClient client;
        const Outcome outcome = run(client, settings(server), quickRequest());
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().message, message);
        QCOMPARE(int(outcome.result->error().code), code);
        QCOMPARE(server.seen.size(), 1);   // a 4xx is not retried
    }

    void timeoutIsNotCancel()
    {
        ScriptedServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.replies = {{200, {}, true}};
        HttpClient client;
        HttpRequest request = quickRequest();
        request.timeout = std::chrono::milliseconds(200);
        request.maxAttempts = 1;
        const Outcome outcome = run(client, settings(server), request);
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().code, Error::Code::Timeout);
        QCOMPARE(outcome.calls, 1);
    }

    void timeoutIsRetried()
    {
        ScriptedServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.replies = {{200, {}, true}, {200, "{}"}};
        HttpClient client;
        HttpRequest request = quickRequest();
        request.timeout = std::chrono::milliseconds(300);
        request.maxAttempts = 2;
        const Outcome outcome = run(client, settings(server), request);
        QVERIFY(outcome.result->ok());
        QCOMPARE(server.seen.size(), 2);
    }

    void cancelIsNotTimeout()
    {
        ScriptedServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.replies = {{200, {}, true}};
        HttpClient client;
        Outcome outcome;
        QObject context;
        HttpCall *call = client.send(settings(server), quickRequest(), &context, [&outcome](Result<HttpResponse> r) {
            ++outcome.calls;
            outcome.result.emplace(std::move(r));
        });
        QTRY_COMPARE(server.seen.size(), 1);
        call->cancel();
        QTRY_VERIFY(outcome.result.has_value());
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().code, Error::Code::Cancelled);
        QTest::qWait(50);
        QCOMPARE(outcome.calls, 1);
    }

    void deadContextGetsNoCallback()
    {
        ScriptedServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.replies = {{200, {}, true}};
        HttpClient client;
        int calls = 0;
        auto context = std::make_unique<QObject>();
        client.send(settings(server), quickRequest(), context.get(), [&calls](Result<HttpResponse>) { ++calls; });
        QTRY_COMPARE(server.seen.size(), 1);
        context.reset();
        QTest::qWait(100);
        QCOMPARE(calls, 0);
    }

    void connectionRefused()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        HttpClient client;
        ServerSettings server;
        server.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        server.displayName = u"Argo CD"_s;
        HttpRequest request = quickRequest();
        request.maxAttempts = 2;
        const Outcome outcome = run(client, server, request);
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().code, Error::Code::Network);
        QVERIFY(outcome.result->error().message.contains(u"cannot be reached"_s));
    }

    void redactsTokens()
    {
        ScriptedServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.replies = {{500, "{\"message\":\"boom\",\"token\":\"s3cr3t-token\",\"h\":\"Bearer s3cr3t-bearer\"}"}};
        HttpClient client;
        HttpRequest request = quickRequest();
        request.maxAttempts = 1;
        request.bearerToken = u"s3cr3t-bearer"_s;
        request.query.addQueryItem(u"token"_s, u"s3cr3t-query"_s);
        const Outcome outcome = run(client, settings(server), request);
        QVERIFY(!outcome.result->ok());
        const QString text = outcome.result->error().fullText();
        QVERIFY2(!text.contains(u"s3cr3t"_s), qPrintable(text));
        QVERIFY(text.contains(u"boom"_s));

        QCOMPARE(HttpClient::redact(u"Authorization: Bearer abc.def"_s), u"Authorization: Bearer ***"_s);
        QCOMPARE(HttpClient::redact(u"{\"token\":\"x\\\"y\",\"n\":1}"_s), u"{\"token\":\"***\",\"n\":1}"_s);
        QCOMPARE(HttpClient::redact(u"Cookie: argocd.token=abc; x=1"_s), u"Cookie: argocd.token=***; x=1"_s);
        QCOMPARE(HttpClient::redact(u"plain text"_s), u"plain text"_s);
    }

    void tlsVerificationAndInsecure()
    {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty() || !QSslSocket::supportsSsl())
            QFAIL("openssl or TLS support is missing; packaging/setup-debian.sh installs openssl");
        QTemporaryDir dir;
        QProcess gen;
        gen.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
                            u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s,
                            u"-keyout"_s, dir.filePath(u"key.pem"_s), u"-out"_s, dir.filePath(u"cert.pem"_s)});
        QVERIFY(gen.waitForFinished(60000));
        QCOMPARE(gen.exitCode(), 0);
        ScriptedServer server;
        server.certificate = QSslCertificate::fromPath(dir.filePath(u"cert.pem"_s)).value(0);
        QFile keyFile(dir.filePath(u"key.pem"_s));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        server.key = QSslKey(keyFile.readAll(), QSsl::Rsa);
        QVERIFY(!server.certificate.isNull() && !server.key.isNull());
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.replies = {{200, "{}"}, {200, "{}"}, {200, "{}"}};
        HttpClient client;
        ServerSettings tls;
        tls.baseUrl = server.url(u"https"_s);
        HttpRequest request = quickRequest();
        request.maxAttempts = 1;

        const Outcome verified = run(client, tls, request);
        QVERIFY(!verified.result->ok());
        QVERIFY2(verified.result->error().message.contains(u"not trusted"_s),
                 qPrintable(verified.result->error().fullText()));

        tls.insecure = true;
        const Outcome insecure = run(client, tls, request);
        QVERIFY2(insecure.result->ok(), qPrintable(insecure.result->ok() ? QString() : insecure.result->error().fullText()));

        tls.insecure = false;
        tls.caBundlePath = dir.filePath(u"cert.pem"_s);
        const Outcome trusted = run(client, tls, request);
        QVERIFY2(trusted.result->ok(), qPrintable(trusted.result->ok() ? QString() : trusted.result->error().fullText()));

        // Back to verification without the CA: a connection opened insecurely must not be reused.
        tls.caBundlePath.clear();
        server.replies = {{200, "{}"}};
        const Outcome again = run(client, tls, request);
        QVERIFY(!again.result->ok());
        QVERIFY(again.result->error().message.contains(u"not trusted"_s));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
