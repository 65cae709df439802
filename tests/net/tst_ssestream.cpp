// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/ssestream.h"

#include <QTest>

using namespace gd::argo;

namespace {

QByteArrayList feedAll(SseParser &parser, const QByteArrayList &chunks)
{
    QByteArrayList out;
    for (const QByteArray &chunk : chunks) {
        for (const SseEvent &event : parser.feed(chunk))
            out.append(event.data);
    }
    return out;
}

} // namespace

class TestSseStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void frames_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QByteArrayList>("expected");
        QTest::addColumn<int>("keepalives");
        const QByteArray a = R"({"result":{"type":"ADDED","application":{"metadata":{"name":"a"}}}})";
        const QByteArray b = R"({"result":{"type":"MODIFIED","application":{"metadata":{"name":"b"}}}})";
        QTest::newRow("argocd-framing") << QByteArray("data: " + a + " \n\n\n" + "data: " + b + " \n\n\n")
                                        << QByteArrayList{a, b} << 0;
        QTest::newRow("keepalives") << QByteArray(":\n:\ndata: " + a + " \n\n\n:\n") << QByteArrayList{a} << 3;
        QTest::newRow("crlf") << QByteArray("data: " + a + " \r\n\r\n" + ":\r\ndata: " + b + "\r\n\r\n")
                              << QByteArrayList{a, b} << 1;
        QTest::newRow("cr-only") << QByteArray("data: " + a + "\r\r") << QByteArrayList{a} << 0;
        QTest::newRow("multi-line-data") << QByteArray("data: {\"x\":\ndata: 1}\n\n")
                                         << QByteArrayList{QByteArray("{\"x\":\n1}")} << 0;
        QTest::newRow("no-space-after-colon") << QByteArray("data:" + a + "\n\n") << QByteArrayList{a} << 0;
        QTest::newRow("event-and-id-fields") << QByteArray("event: x\nid: 3\nretry: 10\ndata: " + a + "\n\n")
                                             << QByteArrayList{a} << 0;
        QTest::newRow("error-event")
            << QByteArray(R"(data: {"error":{"grpc_code":16,"http_code":401,"message":"no session information","http_status":"Unauthorized"}} )"
                          "\n\n\n")
            << QByteArrayList{QByteArray(
                   R"({"error":{"grpc_code":16,"http_code":401,"message":"no session information","http_status":"Unauthorized"}})")}
            << 0;
        QTest::newRow("unfinished-event-held") << QByteArray("data: " + a + " \n") << QByteArrayList{} << 0;
        QTest::newRow("blank-lines-only") << QByteArray("\n\n\r\n") << QByteArrayList{} << 0;
    }

    void frames()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QByteArrayList, expected);
        QFETCH(int, keepalives);
        {
            SseParser whole;
            QCOMPARE(feedAll(whole, {stream}), expected);
            QCOMPARE(whole.keepalives(), keepalives);
        }
        // Split at every offset into two reads.
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            SseParser parser;
            const QByteArrayList got = feedAll(parser, {stream.left(cut), stream.mid(cut)});
            QVERIFY2(got == expected, qPrintable(QStringLiteral("cut at %1").arg(cut)));
            QCOMPARE(parser.keepalives(), keepalives);
        }
        // One byte per read.
        SseParser bytewise;
        QByteArrayList chunks;
        for (char c : stream)
            chunks.append(QByteArray(1, c));
        QCOMPARE(feedAll(bytewise, chunks), expected);
        // The parser carries on after a complete stream: the same bytes again give the same events.
        if (stream.endsWith('\n') || stream.endsWith('\r')) {
            const QByteArrayList again = feedAll(bytewise, {stream});
            QCOMPARE(again, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestSseStream)
#include "tst_ssestream.moc"
