// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/journal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using gd::ws::Journal;
using gd::ws::JournalEntry;

class TestJournal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void entriesComeBackInOrder();
    void readKeepsTheNewest();
    void concurrentWritersNeverInterleave();
    void brokenLinesAreSkipped();
};

namespace {

JournalEntry entry(const QString &step, const QString &message = {})
{
    return JournalEntry{{}, u"Demo"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"release"_s, step, u"9f1c2e"_s, message};
}

} // namespace

void TestJournal::entriesComeBackInOrder()
{
    QTemporaryDir dir;
    Journal journal(dir.filePath(u"sub/journal.jsonl"_s));
    QVERIFY(journal.append(entry(u"requested"_s, u"Release orders 1.5.0 to uat"_s)).ok());
    QVERIFY(journal.append(entry(u"pushed"_s)).ok());
    QVERIFY(journal.append(entry(u"healthy"_s, u"发布成功"_s)).ok());
    const auto entries = Journal(journal.filePath()).read();
    QCOMPARE(entries.size(), std::size_t(3));
    QCOMPARE(entries[0].step, u"requested"_s);
    QCOMPARE(entries[0].message, u"Release orders 1.5.0 to uat"_s);
    QCOMPARE(entries[2].message, u"发布成功"_s);
    QCOMPARE(entries[1].service, u"orders"_s);
    QVERIFY(entries[0].when.isValid());
    QVERIFY(entries[0].when <= entries[2].when);
}

void TestJournal::readKeepsTheNewest()
{
    QTemporaryDir dir;
    Journal journal(dir.filePath(u"journal.jsonl"_s));
    for (int i = 0; i < 10; ++i)
        QVERIFY(journal.append(entry(QString::number(i))).ok());
    const auto last = journal.read(3);
    QCOMPARE(last.size(), std::size_t(3));
    QCOMPARE(last[0].step, u"7"_s);
    QCOMPARE(last[2].step, u"9"_s);
}

void TestJournal::concurrentWritersNeverInterleave()
{
    QTemporaryDir dir;
    Journal journal(dir.filePath(u"journal.jsonl"_s));
    std::vector<std::thread> writers;
    for (int w = 0; w < 8; ++w) {
        writers.emplace_back([&journal, w] {
            for (int i = 0; i < 50; ++i)
                (void)journal.append(entry(u"w%1-%2"_s.arg(w).arg(i), QString(200, QLatin1Char('x'))));
        });
    }
    for (std::thread &writer : writers)
        writer.join();
    QCOMPARE(journal.read().size(), std::size_t(400));
}

void TestJournal::brokenLinesAreSkipped()
{
    QTemporaryDir dir;
    Journal journal(dir.filePath(u"journal.jsonl"_s));
    QVERIFY(journal.append(entry(u"one"_s)).ok());
    QFile file(journal.filePath());
    QVERIFY(file.open(QIODevice::Append));
    file.write("{\"when\": \"truncated by a cra\n");
    file.close();
    QVERIFY(journal.append(entry(u"two"_s)).ok());
    const auto entries = journal.read();
    QCOMPARE(entries.size(), std::size_t(2));
    QCOMPARE(entries[1].step, u"two"_s);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
