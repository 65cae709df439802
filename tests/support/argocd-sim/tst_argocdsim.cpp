// SPDX-License-Identifier: GPL-3.0-or-later
// Smoke test of argocd-sim over HTTP: shapes, auth, SSE framing, reconcile + auto-sync + health, faults.
#include "support/argocdsim.h"

#include "git/repository.h"
#include "workspace/demoworkspace.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Answer {
    int status = -1;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/// Reads a raw HTTP stream response from a socket: the head, then the body bytes as they come.
class RawStream {
public:
    RawStream(const QUrl &base, const QString &pathAndQuery, const QByteArray &token)
    {
        m_socket.connectToHost(base.host(), quint16(base.port()));
        m_socket.waitForConnected(5000);
        QByteArray request = "GET " + pathAndQuery.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Accept: text/event-stream\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token + "\r\n";
        m_socket.write(request + "\r\n");
    }
    /// Waits until `predicate(bytes so far)` holds or 15 s pass.
    template<typename P>
    bool waitFor(P predicate)
    {
        QElapsedTimer t;
        t.start();
        while (!predicate(m_data) && t.elapsed() < 15000) {
            if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
                break;
            m_socket.waitForReadyRead(100);
            m_data += m_socket.readAll();
        }
        return predicate(m_data);
    }
    QByteArray data() const { return m_data; }
    QByteArray body() const
    {
        const qsizetype end = m_data.indexOf("\r\n\r\n");
        return end < 0 ? QByteArray() : m_data.mid(end + 4);
    }
    /// The JSON of every `data:` frame of the body so far.
    QList<QJsonObject> frames() const
    {
        QList<QJsonObject> out;
        for (const QByteArray &chunk : body().split('\n')) {
            if (chunk.startsWith("data: "))
                out.append(QJsonDocument::fromJson(chunk.mid(6).trimmed()).object());
        }
        return out;
    }
    bool closed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }

private:
    QTcpSocket m_socket;
    QByteArray m_data;
};

} // namespace

class TestArgoCdSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void versionAndAuth();
    void listShape();
    void streamFraming();
    void releaseReconcilesAndAutoSyncs();
    void syncRefusals();
    void resourceTree();
    void faults();
    void degradedPattern();

private:
    Answer request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                   const QByteArray &token = "sim-token", gd::test::ArgoSim *sim = nullptr);
    QString bumpTag(const QString &service, const QString &env, const QString &tag);

    QTemporaryDir m_dir;
    QString m_workspace;
    std::unique_ptr<gd::test::ArgoSim> m_sim;
    QNetworkAccessManager m_nam;
};

void TestArgoCdSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    gd::ws::DemoOptions demo;
    demo.directory = m_dir.path();
    demo.now = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
    auto created = gd::ws::createDemoWorkspace(demo);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().fullText()));
    m_workspace = created.value();
    gd::test::ArgoSim::Options options;
    options.workspaceFile = m_workspace;
    options.keepaliveMs = 400;
    m_sim = std::make_unique<gd::test::ArgoSim>(options);
    QString error;
    QVERIFY2(m_sim->start(&error), qPrintable(error));
}

Answer TestArgoCdSim::request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                              const QByteArray &token, gd::test::ArgoSim *sim)
{
    QNetworkRequest req(QUrl((sim ? sim : m_sim.get())->url().toString() + pathAndQuery));
    req.setTransferTimeout(20000);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    std::unique_ptr<QNetworkReply> reply(m_nam.sendCustomRequest(req, method, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(25000);
    Answer a;
    a.body = reply->readAll();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    a.status = status.isValid() ? status.toInt() : -1;
    return a;
}

QString TestArgoCdSim::bumpTag(const QString &service, const QString &env, const QString &tag)
{
    auto repo = gd::git::Repository::open(m_dir.path() + u"/repos/argocd-gitops-payments.git"_s);
    if (!repo)
        return {};
    auto tip = repo->resolve(u"refs/heads/main"_s);
    const QString file = u"appsmanifests/%1/%2/manifests/ga/kustomization.yaml"_s.arg(service, env);
    auto text = repo->readFile(tip.value(), file);
    if (!text)
        return {};
    QString content = QString::fromUtf8(text.value());
    content.replace(QRegularExpression(u"newTag: *\\S+"_s), u"newTag: \"%1\""_s.arg(tag));
    gd::git::FileChanges changes;
    changes.write(file, content.toUtf8());
    gd::git::CommitMessage message{u"Release %1 %2 %3"_s.arg(service, env, tag),
                                   {u"Test"_s, u"test@example.com"_s, {}}, {}};
    auto commit = repo->createCommit(tip.value(), changes, message, u"refs/heads/main"_s);
    return commit ? commit->toHex() : QString();
}

void TestArgoCdSim::versionAndAuth()
{
    const Answer anonymous = request("GET", u"/api/version"_s, {}, {});
    QCOMPARE(anonymous.status, 200);
    QCOMPARE(anonymous.json(), (QJsonObject{{u"Version"_s, u"v2.13.0+sim"_s}}));
    QVERIFY(request("GET", u"/api/version"_s).json().contains(u"KustomizeVersion"_s));

    const Answer none = request("GET", u"/api/v1/applications"_s, {}, {});
    QCOMPARE(none.status, 401);
    QCOMPARE(none.json(), (QJsonObject{{u"error"_s, u"no session information"_s}, {u"code"_s, 16},
                                       {u"message"_s, u"no session information"_s}}));
    const Answer bad = request("GET", u"/api/v1/applications"_s, {}, "garbage");
    QCOMPARE(bad.status, 401);
    QVERIFY(bad.json().value("message"_L1).toString().startsWith("invalid session: "_L1));

    const Answer wrong = request("POST", u"/api/v1/session"_s, R"({"username":"admin","password":"nope"})", {});
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.json().value("message"_L1).toString(), u"Invalid username or password"_s);
    const Answer login = request("POST", u"/api/v1/session"_s, R"({"username":"admin","password":"password"})", {});
    QCOMPARE(login.status, 200);
    QCOMPARE(login.json().value("token"_L1).toString(), m_sim->token());

    // The cookie is accepted like the header.
    QNetworkRequest req(QUrl(m_sim->url().toString() + u"/api/v1/applications"_s));
    req.setRawHeader("Cookie", "argocd.token=" + m_sim->token().toUtf8());
    std::unique_ptr<QNetworkReply> reply(m_nam.get(req));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

void TestArgoCdSim::listShape()
{
    const Answer list = request("GET", u"/api/v1/applications"_s);
    QCOMPARE(list.status, 200);
    const QJsonObject root = list.json();
    QVERIFY(root.value("metadata"_L1).toObject().value("resourceVersion"_L1).isString());
    const QJsonArray items = root.value("items"_L1).toArray();
    // Demo: 2 projects x 3 services x 2 envs, two Applications each.
    QCOMPARE(items.size(), 24);
    QStringList names;
    for (const QJsonValue &v : items)
        names.append(v.toObject().value("metadata"_L1).toObject().value("name"_L1).toString());
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
    QVERIFY(names.contains(u"payments-gateway-uat"_s));
    QVERIFY(names.contains(u"payments-gateway-uat-pipeline"_s));
    for (const QJsonValue &v : items) {
        const QJsonObject app = v.toObject();
        const QString name = app.value("metadata"_L1).toObject().value("name"_L1).toString();
        const QJsonObject status = app.value("status"_L1).toObject();
        QCOMPARE(app.value("metadata"_L1).toObject().value("namespace"_L1).toString(), u"argocd"_s);
        QVERIFY2(app.value("metadata"_L1).toObject().value("labels"_L1).toObject()
                     .contains(u"gitops-desk.io/service"_s), qPrintable(name));
        QCOMPARE(status.value("sync"_L1).toObject().value("status"_L1).toString(), u"Synced"_s);
        QCOMPARE(status.value("sync"_L1).toObject().value("revision"_L1).toString().size(), 40);
        QCOMPARE(status.value("health"_L1).toObject().value("status"_L1).toString(), u"Healthy"_s);
        QCOMPARE(status.value("history"_L1).toArray().size(), 1);
        QVERIFY(status.value("history"_L1).toArray().at(0).toObject().value("id"_L1).isDouble());
        QCOMPARE(status.value("operationState"_L1).toObject().value("phase"_L1).toString(), u"Succeeded"_s);
        QVERIFY(!app.contains(u"operation"_s));
        if (!name.endsWith("-pipeline"_L1)) {
            QCOMPARE(status.value("sourceType"_L1).toString(), u"Kustomize"_s);
            QVERIFY(!status.value("summary"_L1).toObject().value("images"_L1).toArray().isEmpty());
        }
        // List carries no per-resource health (real servers since 3.0 fill it from the tree only).
        for (const QJsonValue &r : status.value("resources"_L1).toArray())
            QVERIFY(!r.toObject().contains(u"health"_s));
    }

    // fields: whitelisted paths only; history is dropped like on a real server.
    const Answer slim = request(
        "GET", u"/api/v1/applications?fields=items.metadata.name,items.status.sync.status,items.status.history"_s);
    const QJsonObject first = slim.json().value("items"_L1).toArray().at(0).toObject();
    QCOMPARE(first, (QJsonObject{{u"metadata"_s, QJsonObject{{u"name"_s, names.first()}}},
                                 {u"status"_s, QJsonObject{{u"sync"_s, QJsonObject{{u"status"_s, u"Synced"_s}}}}}}));
    const Answer selected = request("GET", u"/api/v1/applications?selector=gitops-desk.io/environment%3Duat,"
                                           "gitops-desk.io/kind"_s);
    QCOMPARE(selected.json().value("items"_L1).toArray().size(), 6);

    // Missing app: 403 like a real server, 404 with ?project=.
    QCOMPARE(request("GET", u"/api/v1/applications/nope"_s).status, 403);
    QCOMPARE(request("GET", u"/api/v1/applications/nope?project=default"_s).status, 404);
}

void TestArgoCdSim::streamFraming()
{
    RawStream stream(m_sim->url(), u"/api/v1/stream/applications"_s, m_sim->token().toUtf8());
    QVERIFY(stream.waitFor([](const QByteArray &d) { return d.count("\"type\":\"ADDED\"") >= 24; }));
    QVERIFY(stream.data().startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(stream.data().contains("Content-Type: text/event-stream\r\n"));
    const QByteArray body = stream.body();
    QVERIFY(body.startsWith(R"(data: {"result":{"application":{)"));
    // Every frame: "data: <json> \n\n" plus one extra "\n".
    const QList<QByteArray> frames = body.split('\n');
    int dataLines = 0;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        if (!frames.at(i).startsWith("data: "))
            continue;
        ++dataLines;
        QVERIFY(frames.at(i).endsWith(" "));
        QVERIFY(i + 3 < frames.size() || i + 3 == frames.size());
        QCOMPARE(frames.at(i + 1), QByteArray());
        QCOMPARE(frames.at(i + 2), QByteArray());
    }
    QCOMPARE(dataLines, 24);
    QCOMPARE(stream.frames().first().value("result"_L1).toObject().value("application"_L1).toObject()
                 .value("metadata"_L1).toObject().value("name"_L1).toString(), u"payments-gateway-prod"_s);
    // Keepalive comment (400 ms in this test).
    QVERIFY(stream.waitFor([](const QByteArray &d) { return d.contains("\n:\n"); }));

    // With a resourceVersion no initial ADDED events are sent.
    const QString rv = request("GET", u"/api/v1/applications"_s).json().value("metadata"_L1).toObject()
                           .value("resourceVersion"_L1).toString();
    RawStream since(m_sim->url(), u"/api/v1/stream/applications?resourceVersion="_s + rv, m_sim->token().toUtf8());
    QVERIFY(since.waitFor([](const QByteArray &d) { return d.contains("\n:\n") || d.endsWith("\r\n\r\n:\n"); }));
    QVERIFY(!since.body().contains("data: "));

    // Unauthenticated stream: the error frame with http status 401.
    RawStream denied(m_sim->url(), u"/api/v1/stream/applications"_s, {});
    QVERIFY(denied.waitFor([](const QByteArray &d) { return d.contains(" \n\n"); }));
    QVERIFY(denied.data().startsWith("HTTP/1.1 401 "));
    QCOMPARE(denied.body(), QByteArray(R"(data: {"error":{"grpc_code":16,"http_code":401,"http_status":"Unauthorized",)"
                                       R"("message":"no session information"}} )" "\n\n\n"));
}

void TestArgoCdSim::releaseReconcilesAndAutoSyncs()
{
    RawStream stream(m_sim->url(), u"/api/v1/stream/applications?name=payments-gateway-uat"_s,
                     m_sim->token().toUtf8());
    QVERIFY(stream.waitFor([](const QByteArray &d) { return d.contains("ADDED"); }));

    const QString sha = bumpTag(u"gateway"_s, u"uat"_s, u"7.7.7"_s);
    QCOMPARE(sha.size(), 40);
    const Answer refreshed = request("GET", u"/api/v1/applications/payments-gateway-uat?refresh=normal"_s);
    QCOMPARE(refreshed.status, 200);
    const QJsonObject app = refreshed.json();
    const QJsonObject sync = app.value("status"_L1).toObject().value("sync"_L1).toObject();
    QCOMPARE(sync.value("status"_L1).toString(), u"OutOfSync"_s);
    QCOMPARE(sync.value("revision"_L1).toString(), sha);
    // Auto-sync started at once.
    QCOMPARE(app.value("operation"_L1).toObject().value("sync"_L1).toObject().value("revision"_L1).toString(), sha);
    QCOMPARE(app.value("status"_L1).toObject().value("operationState"_L1).toObject().value("phase"_L1).toString(),
             u"Running"_s);

    auto healthOf = [](const QJsonObject &frame) {
        return frame.value("result"_L1).toObject().value("application"_L1).toObject().value("status"_L1).toObject()
            .value("health"_L1).toObject().value("status"_L1).toString();
    };
    QVERIFY(stream.waitFor([&](const QByteArray &) {
        const auto frames = stream.frames();
        const bool progressed = std::any_of(frames.begin(), frames.end(), [&](const QJsonObject &f) {
            return healthOf(f) == "Progressing"_L1;
        });
        return progressed && healthOf(frames.last()) == "Healthy"_L1;
    }));
    // The sequence seen on the stream: OutOfSync, then Synced + Progressing, then Synced + Healthy.
    QStringList states;
    for (const QJsonObject &f : stream.frames()) {
        const QJsonObject st = f.value("result"_L1).toObject().value("application"_L1).toObject()
                                   .value("status"_L1).toObject();
        const QString s = st.value("sync"_L1).toObject().value("status"_L1).toString() + u'/' + healthOf(f);
        if (states.isEmpty() || states.last() != s)
            states.append(s);
    }
    QCOMPARE(states, (QStringList{u"Synced/Healthy"_s, u"OutOfSync/Healthy"_s, u"Synced/Progressing"_s,
                                  u"Synced/Healthy"_s}));
    const QJsonObject done = request("GET", u"/api/v1/applications/payments-gateway-uat"_s).json();
    const QJsonObject status = done.value("status"_L1).toObject();
    QCOMPARE(status.value("sync"_L1).toObject().value("revision"_L1).toString(), sha);
    const QJsonObject op = status.value("operationState"_L1).toObject();
    QCOMPARE(op.value("phase"_L1).toString(), u"Succeeded"_s);
    QCOMPARE(op.value("message"_L1).toString(), u"successfully synced (all tasks run)"_s);
    QCOMPARE(op.value("syncResult"_L1).toObject().value("revision"_L1).toString(), sha);
    const QJsonArray history = status.value("history"_L1).toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.last().toObject().value("revision"_L1).toString(), sha);
    QCOMPARE(history.last().toObject().value("id"_L1).toInt(), 1);
    QVERIFY(status.value("summary"_L1).toObject().value("images"_L1).toArray()
                .contains(u"harbor.example.com/payments/gateway:7.7.7"_s));
}

void TestArgoCdSim::syncRefusals()
{
    const Answer wrongRev = request("POST", u"/api/v1/applications/payments-ledger-uat/sync"_s,
                                    R"({"revision":"0123456789012345678901234567890123456789"})");
    QCOMPARE(wrongRev.status, 400);
    QCOMPARE(wrongRev.json().value("code"_L1).toInt(), 9);
    QCOMPARE(wrongRev.json().value("message"_L1).toString(),
             u"Cannot sync to 0123456789012345678901234567890123456789: auto-sync currently set to main"_s);
    const Answer first = request("POST", u"/api/v1/applications/payments-ledger-uat/sync"_s, R"({"prune":true})");
    QCOMPARE(first.status, 200);
    QVERIFY(first.json().contains(u"operation"_s));
    const Answer second = request("POST", u"/api/v1/applications/payments-ledger-uat/sync"_s, R"({})");
    QCOMPARE(second.status, 400);
    QCOMPARE(second.json().value("message"_L1).toString(), u"another operation is already in progress"_s);
    QCOMPARE(request("POST", u"/api/v1/applications/payments-ledger-uat/sync"_s, "x", "sim-token").status, 400);
}

void TestArgoCdSim::resourceTree()
{
    const Answer tree = request("GET", u"/api/v1/applications/shop-orders-prod/resource-tree"_s);
    QCOMPARE(tree.status, 200);
    const QJsonArray nodes = tree.json().value("nodes"_L1).toArray();
    QJsonObject deployment;
    int replicaSets = 0;
    int pods = 0;
    for (const QJsonValue &v : nodes) {
        const QJsonObject n = v.toObject();
        const QString kind = n.value("kind"_L1).toString();
        if (kind == "Deployment"_L1) {
            deployment = n;
            QVERIFY(!n.contains(u"parentRefs"_s));
        } else if (kind == "ReplicaSet"_L1) {
            ++replicaSets;
            QCOMPARE(n.value("parentRefs"_L1).toArray().at(0).toObject().value("kind"_L1).toString(), u"Deployment"_s);
        } else if (kind == "Pod"_L1) {
            ++pods;
            QCOMPARE(n.value("parentRefs"_L1).toArray().at(0).toObject().value("kind"_L1).toString(), u"ReplicaSet"_s);
            QCOMPARE(n.value("health"_L1).toObject().value("status"_L1).toString(), u"Healthy"_s);
        }
    }
    QVERIFY(!deployment.isEmpty());
    QCOMPARE(deployment.value("group"_L1).toString(), u"apps"_s);
    QVERIFY(!deployment.value("images"_L1).toArray().isEmpty());
    QVERIFY(replicaSets >= 1);
    QVERIFY(pods >= replicaSets);
}

void TestArgoCdSim::faults()
{
    QVERIFY(m_sim->setFault(u"5xx"_s, 1, 0, u"/api/v1/applications"_s));
    const Answer unavailable = request("GET", u"/api/v1/applications"_s);
    QCOMPARE(unavailable.status, 503);
    QCOMPARE(unavailable.json().value("code"_L1).toInt(), 14);
    QCOMPARE(request("GET", u"/api/v1/applications"_s).status, 200);

    QVERIFY(m_sim->setFault(u"401"_s));
    QCOMPARE(request("GET", u"/api/v1/applications"_s).status, 401);

    QVERIFY(m_sim->setFault(u"op-in-progress"_s));
    const Answer busy = request("POST", u"/api/v1/applications/shop-cart-uat/sync"_s, R"({})");
    QCOMPARE(busy.status, 400);
    QCOMPARE(busy.json().value("message"_L1).toString(), u"another operation is already in progress"_s);

    QVERIFY(m_sim->setFault(u"slow"_s, 1, 700));
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(request("GET", u"/api/v1/applications/shop-cart-uat"_s).status, 200);
    QVERIFY(timer.elapsed() >= 650);

    RawStream stream(m_sim->url(), u"/api/v1/stream/applications"_s, m_sim->token().toUtf8());
    QVERIFY(stream.waitFor([](const QByteArray &d) { return d.count("ADDED") >= 24; }));
    QVERIFY(m_sim->setFault(u"drop-stream"_s));
    QVERIFY(stream.waitFor([&](const QByteArray &) { return stream.closed(); }));
    RawStream next(m_sim->url(), u"/api/v1/stream/applications"_s, m_sim->token().toUtf8());
    QVERIFY(next.waitFor([&](const QByteArray &) { return next.closed(); }));
    QVERIFY(next.data().isEmpty());

    QVERIFY(m_sim->setFault(u"5xx"_s, 5));
    QVERIFY(m_sim->setFault(u"clear"_s));
    QCOMPARE(request("GET", u"/api/v1/applications"_s).status, 200);
}

void TestArgoCdSim::degradedPattern()
{
    gd::test::ArgoSim::Options options;
    options.workspaceFile = m_workspace;
    options.degradedPattern = u":6\\.6\\.6$"_s;
    gd::test::ArgoSim sim(options);
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QString sha = bumpTag(u"refunds"_s, u"uat"_s, u"6.6.6"_s);
    QCOMPARE(sha.size(), 40);
    QCOMPARE(request("GET", u"/api/v1/applications/payments-refunds-uat?refresh=hard"_s, {}, "sim-token", &sim).status,
             200);
    QJsonObject health;
    QTRY_VERIFY_WITH_TIMEOUT((health = request("GET", u"/api/v1/applications/payments-refunds-uat"_s, {}, "sim-token",
                                               &sim).json().value("status"_L1).toObject().value("health"_L1).toObject())
                                     .value("status"_L1).toString() == "Degraded"_L1,
                             15000);
    QCOMPARE(health.value("message"_L1).toString(), u"Deployment \"refunds\" exceeded its progress deadline"_s);
}

QTEST_GUILESS_MAIN(TestArgoCdSim)
#include "tst_argocdsim.moc"
