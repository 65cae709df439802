// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/history.h"
#include "support/scratchrepo.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using gd::git::FileChanges;
using gd::git::ObjectId;
using gd::test::ScratchRepo;

namespace {

QList<ObjectId> idsOf(const std::vector<gd::git::CommitInfo> &commits)
{
    QList<ObjectId> ids;
    for (const auto &c : commits)
        ids.append(c.id);
    return ids;
}

QList<ObjectId> idsOf(const std::vector<ObjectId> &commits)
{
    return QList<ObjectId>(commits.begin(), commits.end());
}

QString hexList(const QList<ObjectId> &ids)
{
    QStringList out;
    for (const ObjectId &id : ids)
        out.append(id.shortHex());
    return out.join(u' ');
}

} // namespace

class TestHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pathHistory_data();
    void pathHistory();
    void agreesWithGitLogFirstParent_data();
    void agreesWithGitLogFirstParent();
    void limitKeepsTheNewest();
    void pathsHistoryAgreesWithPathHistory();
    void cachedAndIncrementalCallsStayCorrect();
    void olderTipSeesOnlyItsPast();
    void emptyAndInvalidInput();
    void trailers_data();
    void trailers();
    void sinceAKnownCommit();
    void commitGraphGivesTheSameHistory();
    void walkReadsCommitsFromTheGraph();
    void damagedCommitGraphIsIgnored_data();
    void damagedCommitGraphIsIgnored();

private:
    ScratchRepo m_repo;
    QMap<QString, ObjectId> m_c;   ///< named commits of the scenario
};

void TestHistory::initTestCase()
{
    QVERIFY(m_repo.isValid());
    auto at = [](int minute) { return QDateTime(QDate(2024, 5, 1), QTime(10, minute), QTimeZone::utc()); };
    const QString author = u"Dev <dev@example.com>"_s;
    m_c[u"c1"_s] = m_repo.commit({{u"README.md"_s, "v1"_ba}, {u"svc/a/uat/x.yaml"_s, "1"_ba},
                                  {u"svc/b/uat/x.yaml"_s, "1"_ba}, {u"svc/a/prod/x.yaml"_s, "1"_ba}},
                                 u"c1 scaffold"_s, author, at(1));
    m_c[u"c2"_s] = m_repo.commit({{u"svc/a/uat/x.yaml"_s, "2"_ba}}, u"c2 a/uat"_s, author, at(2));
    m_c[u"c3"_s] = m_repo.commit({{u"svc/b/uat/x.yaml"_s, "2"_ba}}, u"c3 b/uat"_s, author, at(3));
    m_c[u"c4"_s] = m_repo.commit({{u"README.md"_s, "v2"_ba}}, u"c4 readme"_s, author, at(4));
    m_c[u"c5"_s] = m_repo.commit({{u"svc/a/uat/x.yaml"_s, "3"_ba}, {u"svc/b/uat/x.yaml"_s, "3"_ba}}, u"c5 both"_s,
                                 author, at(5));
    // A side branch from c5 that is merged later: its own commits are not on the first-parent line.
    FileChanges s1;
    s1.write(u"svc/a/uat/y.yaml"_s, "side"_ba);
    gd::git::CommitMessage sideMessage{u"s1 side a/uat"_s, ScratchRepo::signature(author, at(6)), {}};
    m_c[u"s1"_s] = m_repo.commitOn(m_c[u"c5"_s], s1, sideMessage, false);
    FileChanges s2;
    s2.write(u"svc/b/uat/x.yaml"_s, "4"_ba);
    sideMessage.text = u"s2 side b/uat"_s;
    m_c[u"s2"_s] = m_repo.commitOn(m_c[u"s1"_s], s2, sideMessage, false);
    m_c[u"c6"_s] = m_repo.commit({{u"README.md"_s, "v3"_ba}}, u"c6 readme"_s, author, at(7));
    FileChanges merged;
    merged.write(u"svc/a/uat/y.yaml"_s, "side"_ba);
    merged.write(u"svc/b/uat/x.yaml"_s, "4"_ba);
    m_c[u"m7"_s] = m_repo.merge(m_c[u"c6"_s], m_c[u"s2"_s], merged, u"m7 merge side"_s);
    // a/uat disappears and comes back.
    m_c[u"c8"_s] = m_repo.commit({{u"svc/a/uat/x.yaml"_s, std::nullopt}, {u"svc/a/uat/y.yaml"_s, std::nullopt}},
                                 u"c8 remove a/uat"_s, author, at(9));
    m_c[u"c9"_s] = m_repo.commit({{u"svc/a/uat/x.yaml"_s, "5"_ba}}, u"c9 re-add a/uat"_s, author, at(10));
    for (auto it = m_c.cbegin(); it != m_c.cend(); ++it)
        QVERIFY2(!it.value().isNull(), qPrintable(it.key()));
    QCOMPARE(m_repo.tip(), m_c[u"c9"_s]);
}

void TestHistory::pathHistory_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("a/uat") << u"svc/a/uat"_s << QStringList{u"c9"_s, u"c8"_s, u"m7"_s, u"c5"_s, u"c2"_s, u"c1"_s};
    QTest::newRow("b/uat") << u"svc/b/uat"_s << QStringList{u"m7"_s, u"c5"_s, u"c3"_s, u"c1"_s};
    QTest::newRow("a/prod, untouched") << u"svc/a/prod"_s << QStringList{u"c1"_s};
    QTest::newRow("one file") << u"svc/b/uat/x.yaml"_s << QStringList{u"m7"_s, u"c5"_s, u"c3"_s, u"c1"_s};
    QTest::newRow("root file") << u"README.md"_s << QStringList{u"c6"_s, u"c4"_s, u"c1"_s};
    QTest::newRow("folder of folders") << u"svc/a"_s
                                       << QStringList{u"c9"_s, u"c8"_s, u"m7"_s, u"c5"_s, u"c2"_s, u"c1"_s};
    QTest::newRow("trailing slash") << u"svc/b/uat/"_s << QStringList{u"m7"_s, u"c5"_s, u"c3"_s, u"c1"_s};
    QTest::newRow("never existed") << u"svc/c/uat"_s << QStringList{};
    QTest::newRow("whole repository") << QString()
                                      << QStringList{u"c9"_s, u"c8"_s, u"m7"_s, u"c6"_s, u"c5"_s, u"c4"_s, u"c3"_s,
                                                     u"c2"_s, u"c1"_s};
}

void TestHistory::pathHistory()
{
    QFETCH(QString, path);
    QFETCH(QStringList, expected);
    QList<ObjectId> want;
    for (const QString &name : expected)
        want.append(m_c[name]);
    auto history = gd::git::pathHistory(m_repo.repo(), m_repo.tip(), path);
    QVERIFY2(history.ok(), qPrintable(history.ok() ? QString() : history.error().fullText()));
    QCOMPARE(hexList(idsOf(*history)), hexList(want));
    if (!history->empty()) {
        const QString newest = expected.first();
        QVERIFY2(history->front().summary.startsWith(newest + u' '), qPrintable(history->front().summary));
    }
}

void TestHistory::agreesWithGitLogFirstParent_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &p : {u"svc/a/uat"_s, u"svc/b/uat"_s, u"svc/a/prod"_s, u"README.md"_s, u"svc"_s})
        QTest::newRow(qPrintable(p)) << p;
}

void TestHistory::agreesWithGitLogFirstParent()
{
    QFETCH(QString, path);
    auto log = gd::test::runGit({u"log"_s, u"--first-parent"_s, u"--format=%H"_s, u"main"_s, u"--"_s, path},
                                m_repo.path());
    QVERIFY(log.has_value());
    QList<ObjectId> fromGit;
    for (const QByteArray &line : log->split('\n')) {
        if (!line.isEmpty())
            fromGit.append(ObjectId::fromHex(QString::fromLatin1(line)));
    }
    auto history = gd::git::pathHistory(m_repo.repo(), m_repo.tip(), path);
    QVERIFY(history.ok());
    QCOMPARE(hexList(idsOf(*history)), hexList(fromGit));
}

void TestHistory::limitKeepsTheNewest()
{
    auto two = gd::git::pathHistory(m_repo.repo(), m_repo.tip(), u"svc/a/uat"_s, 2);
    QVERIFY(two.ok());
    QCOMPARE(idsOf(*two), (QList<ObjectId>{m_c[u"c9"_s], m_c[u"c8"_s]}));
    auto many = gd::git::pathHistory(m_repo.repo(), m_repo.tip(), u"svc/b/uat"_s, 100);
    QCOMPARE(many->size(), size_t(4));
    auto none = gd::git::pathHistory(m_repo.repo(), m_repo.tip(), u"svc/b/uat"_s, 0);
    QVERIFY(none->empty());
}

void TestHistory::pathsHistoryAgreesWithPathHistory()
{
    const QStringList paths{u"svc/a/uat"_s, u"svc/b/uat"_s, u"svc/a/prod"_s, u"README.md"_s, u"svc/c/uat"_s,
                            u"svc/a"_s, u"svc/a/uat/x.yaml"_s};
    auto all = gd::git::pathsHistory(m_repo.repo(), m_repo.tip(), paths);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), paths.size());
    for (const QString &path : paths) {
        auto single = gd::git::pathHistory(m_repo.repo(), m_repo.tip(), path);
        QVERIFY(single.ok());
        QCOMPARE(hexList(idsOf(all->value(path))), hexList(idsOf(*single)));
    }
    QCOMPARE(idsOf(all->value(u"svc/a/uat/x.yaml"_s)),
             (QList<ObjectId>{m_c[u"c9"_s], m_c[u"c8"_s], m_c[u"c5"_s], m_c[u"c2"_s], m_c[u"c1"_s]}));
}

void TestHistory::cachedAndIncrementalCallsStayCorrect()
{
    ScratchRepo repo;
    repo.commit({{u"s/uat/t"_s, "1"_ba}, {u"s/prod/t"_s, "1"_ba}}, u"init"_s);
    const ObjectId two = repo.commit({{u"s/uat/t"_s, "2"_ba}}, u"two"_s);
    auto first = gd::git::pathHistory(repo.repo(), repo.tip(), u"s/uat"_s);
    QCOMPARE(first->size(), size_t(2));
    auto again = gd::git::pathHistory(repo.repo(), repo.tip(), u"s/uat"_s);
    QCOMPARE(idsOf(*again), idsOf(*first));

    // New commits on top: one that touches the path, one that does not.
    const ObjectId three = repo.commit({{u"s/uat/t"_s, "3"_ba}}, u"three"_s);
    repo.commit({{u"s/prod/t"_s, "2"_ba}}, u"prod only"_s);
    auto later = gd::git::pathHistory(repo.repo(), repo.tip(), u"s/uat"_s);
    QCOMPARE(idsOf(*later), (QList<ObjectId>{three, two, idsOf(*first).last()}));
    QCOMPARE(idsOf(*gd::git::pathHistory(repo.repo(), repo.tip(), u"s/uat"_s)), idsOf(*later));
}

void TestHistory::olderTipSeesOnlyItsPast()
{
    auto history = gd::git::pathHistory(m_repo.repo(), m_repo.tip(), u"svc/a/uat"_s);
    QVERIFY(history.ok());
    auto older = gd::git::pathHistory(m_repo.repo(), m_c[u"c5"_s], u"svc/a/uat"_s);
    QCOMPARE(idsOf(*older), (QList<ObjectId>{m_c[u"c5"_s], m_c[u"c2"_s], m_c[u"c1"_s]}));
    // The side branch's own history follows its own first parents.
    auto side = gd::git::pathHistory(m_repo.repo(), m_c[u"s2"_s], u"svc/a/uat"_s);
    QCOMPARE(idsOf(*side), (QList<ObjectId>{m_c[u"s1"_s], m_c[u"c5"_s], m_c[u"c2"_s], m_c[u"c1"_s]}));
}

void TestHistory::emptyAndInvalidInput()
{
    auto none = gd::git::pathHistory(m_repo.repo(), ObjectId(), u"svc"_s);
    QVERIFY(none.ok());
    QVERIFY(none->empty());
    auto bad = gd::git::pathHistory(m_repo.repo(), m_repo.tip(), u"../etc"_s);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, gd::Error::Code::InvalidInput);
    auto missing = gd::git::pathHistory(m_repo.repo(), ObjectId::fromHex(QString(40, u'a')), u"svc"_s);
    QVERIFY(!missing.ok());
}

void TestHistory::trailers_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("keysAndValues");
    QTest::newRow("release") << u"Release orders 1.1.0 to uat\n\nRequested by the release manager.\n\n"
                                "Release-Service: orders\nRelease-Environment: uat\nRelease-Stage: ga\n"
                                "Release-Image: registry.example.com/orders:1.1.0\n"
                                "Release-Previous-Image: registry.example.com/orders:1.0.0\n"_s
                             << QStringList{u"Release-Environment"_s, u"uat"_s,
                                            u"Release-Image"_s, u"registry.example.com/orders:1.1.0"_s,
                                            u"Release-Previous-Image"_s, u"registry.example.com/orders:1.0.0"_s,
                                            u"Release-Service"_s, u"orders"_s,
                                            u"Release-Stage"_s, u"ga"_s};
    QTest::newRow("rollback") << u"Revert \"Release orders 1.1.0 to uat\"\n\nThis reverts commit "
                                 "0123456789abcdef0123456789abcdef01234567.\n\n"
                                 "Release-Service: orders\nRelease-Environment: uat\n"_s
                              << QStringList{u"Release-Environment"_s, u"uat"_s, u"Release-Service"_s, u"orders"_s};
    QTest::newRow("no trailers") << u"Fix typo\n\nJust text: not a trailer block because of this line.\nMore.\n"_s
                                 << QStringList{};
    QTest::newRow("subject only") << u"Release-Service: orders"_s << QStringList{};
}

void TestHistory::trailers()
{
    QFETCH(QString, message);
    QFETCH(QStringList, keysAndValues);
    const QMap<QString, QString> parsed = gd::git::messageTrailers(message);
    QMap<QString, QString> expected;
    for (qsizetype i = 0; i + 1 < keysAndValues.size(); i += 2)
        expected.insert(keysAndValues[i], keysAndValues[i + 1]);
    QCOMPARE(parsed, expected);
}

void TestHistory::sinceAKnownCommit()
{
    // Down to a first-parent ancestor: only what is newer, and the ancestor was met.
    auto newer = gd::git::pathHistorySince(m_repo.repo(), m_repo.tip(), u"svc/a/uat"_s, m_c[u"c5"_s]);
    QVERIFY(newer.ok());
    QCOMPARE(idsOf(newer->commits), (QList<ObjectId>{m_c[u"c9"_s], m_c[u"c8"_s], m_c[u"m7"_s]}));
    QVERIFY(newer->reachedSince);
    // The tip itself: nothing new.
    auto same = gd::git::pathHistorySince(m_repo.repo(), m_repo.tip(), u"svc/a/uat"_s, m_repo.tip());
    QVERIFY(same->commits.empty());
    QVERIFY(same->reachedSince);
    // A side-branch commit is not on the first-parent line: the whole history, and it says so.
    auto side = gd::git::pathHistorySince(m_repo.repo(), m_repo.tip(), u"svc/a/uat"_s, m_c[u"s1"_s]);
    QVERIFY(!side->reachedSince);
    QCOMPARE(idsOf(side->commits), idsOf(*gd::git::pathHistory(m_repo.repo(), m_repo.tip(), u"svc/a/uat"_s)));
    auto all = gd::git::pathHistorySince(m_repo.repo(), m_repo.tip(), u"svc/b/uat"_s, ObjectId());
    QCOMPARE(all->commits.size(), size_t(4));
    QVERIFY(!all->reachedSince);
}

void TestHistory::commitGraphGivesTheSameHistory()
{
    // Runs last on the shared repository: from here on walks read commits from the file.
    QVERIFY(!QFile::exists(m_repo.path() + u"/objects/info/commit-graph"_s));
    auto wrote = gd::git::updateCommitGraph(m_repo.repo());
    QVERIFY2(wrote.ok(), qPrintable(wrote.ok() ? QString() : wrote.error().fullText()));
    QVERIFY(*wrote);
    QVERIFY(QFile::exists(m_repo.path() + u"/objects/info/commit-graph"_s));
    QVERIFY(gd::test::runGit({u"commit-graph"_s, u"verify"_s}, m_repo.path()).has_value());
    QCOMPARE(*gd::git::updateCommitGraph(m_repo.repo()), false);   // current: nothing to write

    // A commit newer than the file is read as an object, the rest from the file.
    const ObjectId c10 = m_repo.commit({{u"svc/b/uat/x.yaml"_s, "5"_ba}}, u"c10 b/uat after the graph"_s);
    for (const QString &path : {u"svc/a/uat"_s, u"svc/b/uat"_s, u"svc/a/prod"_s, u"README.md"_s, u"svc"_s}) {
        auto log = gd::test::runGit({u"log"_s, u"--first-parent"_s, u"--format=%H"_s, u"main"_s, u"--"_s, path},
                                    m_repo.path());
        QVERIFY(log.has_value());
        QList<ObjectId> fromGit;
        for (const QByteArray &line : log->split('\n')) {
            if (!line.isEmpty())
                fromGit.append(ObjectId::fromHex(QString::fromLatin1(line)));
        }
        auto walked = gd::git::pathHistorySince(m_repo.repo(), m_repo.tip(), path, ObjectId());
        QVERIFY(walked.ok());
        QCOMPARE(hexList(idsOf(walked->commits)), hexList(fromGit));
    }
    QCOMPARE(idsOf(gd::git::pathHistorySince(m_repo.repo(), m_c[u"s2"_s], u"svc/a/uat"_s, ObjectId())->commits),
             (QList<ObjectId>{m_c[u"s1"_s], m_c[u"c5"_s], m_c[u"c2"_s], m_c[u"c1"_s]}));
    QCOMPARE(idsOf(gd::git::pathHistorySince(m_repo.repo(), c10, u"svc/b/uat"_s, m_c[u"c5"_s])->commits),
             (QList<ObjectId>{c10, m_c[u"m7"_s]}));
    QCOMPARE(*gd::git::updateCommitGraph(m_repo.repo()), true);   // the branch moved past the file
}

void TestHistory::walkReadsCommitsFromTheGraph()
{
    // Proof that the file is used: with a commit object gone, only the commit-graph still knows its tree and parent.
    ScratchRepo repo;
    const ObjectId first = repo.commit({{u"s/uat/t"_s, "1"_ba}}, u"first"_s);
    const ObjectId middle = repo.commit({{u"s/prod/t"_s, "1"_ba}}, u"middle"_s);
    const ObjectId last = repo.commit({{u"s/uat/t"_s, "2"_ba}}, u"last"_s);
    QVERIFY(*gd::git::updateCommitGraph(repo.repo()));
    const QString hex = middle.toHex();
    QFile object(repo.path() + u"/objects/"_s + hex.left(2) + u'/' + hex.mid(2));
    QVERIFY2(object.exists(), "ScratchRepo writes loose objects");
    QVERIFY(object.remove());

    auto reopened = gd::git::Repository::open(repo.path());
    QVERIFY(reopened.ok());
    auto walked = gd::git::pathHistorySince(*reopened, last, u"s/uat"_s, ObjectId());
    QVERIFY2(walked.ok(), qPrintable(walked.ok() ? QString() : walked.error().fullText()));
    QCOMPARE(idsOf(walked->commits), (QList<ObjectId>{last, first}));

    // Without the file the same walk needs the missing object, and says so.
    QVERIFY(QFile::remove(repo.path() + u"/objects/info/commit-graph"_s));
    auto without = gd::git::pathHistorySince(*reopened, last, u"s/uat"_s, ObjectId());
    QVERIFY(!without.ok());
    QCOMPARE(without.error().code, gd::Error::Code::Git);
}

void TestHistory::damagedCommitGraphIsIgnored_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("a flipped byte in a tree id") << u"flip"_s;
    QTest::newRow("cut short") << u"truncate"_s;
    QTest::newRow("not a commit-graph") << u"garbage"_s;
}

void TestHistory::damagedCommitGraphIsIgnored()
{
    QFETCH(QString, damage);
    ScratchRepo repo;
    QList<ObjectId> expected;
    for (int i = 0; i < 6; ++i) {
        const ObjectId id = repo.commit({{u"s/uat/t"_s, QByteArray::number(i / 2)}, {u"s/prod/t"_s,
                                         QByteArray::number(i)}}, u"commit %1"_s.arg(i));
        if (i % 2 == 0)
            expected.prepend(id);
    }
    QVERIFY(*gd::git::updateCommitGraph(repo.repo()));
    const QString file = repo.path() + u"/objects/info/commit-graph"_s;
    QFile graph(file);
    QVERIFY(graph.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(graph.open(QIODevice::ReadWrite));
    QByteArray bytes = graph.readAll();
    if (damage == u"flip"_s) {
        // The first tree id of the commit data chunk (CDAT): read as such, the walk would look for a tree that
        // does not exist and fail.
        qsizetype commitData = -1;
        for (int i = 0; i < int(uchar(bytes[6])); ++i) {
            if (bytes.mid(8 + 12 * i, 4) == "CDAT") {
                commitData = 0;
                for (int b = 4; b < 12; ++b)
                    commitData = (commitData << 8) | uchar(bytes[8 + 12 * i + b]);
            }
        }
        QVERIFY(commitData > 0 && commitData < bytes.size());
        bytes[commitData] = char(bytes[commitData] ^ 0x5a);
    } else if (damage == u"truncate"_s) {
        bytes.truncate(bytes.size() / 2);
    } else {
        bytes = QByteArray(bytes.size(), 'x');
    }
    QVERIFY(graph.resize(0));
    QVERIFY(graph.seek(0));
    QCOMPARE(graph.write(bytes), bytes.size());
    graph.close();

    auto walked = gd::git::pathHistorySince(repo.repo(), repo.tip(), u"s/uat"_s, ObjectId());
    QVERIFY(walked.ok());
    QCOMPARE(hexList(idsOf(walked->commits)), hexList(expected));
    // A damaged file does not count as current: it is written again.
    QCOMPARE(*gd::git::updateCommitGraph(repo.repo()), true);
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
