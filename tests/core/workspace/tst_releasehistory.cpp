// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/releasehistory.h"

#include "support/scratchrepo.h"
#include "support/serviceenvfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using gd::git::ObjectId;
using gd::test::ScratchRepo;
using gd::ws::ReleaseEntry;

namespace {

const QString kImage = u"registry.example.com/shop/orders"_s;
const QString kGa = u"appsmanifests/orders/uat/manifests/ga/kustomization.yaml"_s;
const QString kCanary = u"appsmanifests/orders/uat/manifests/canary/kustomization.yaml"_s;
const QString kDeployment = u"appsmanifests/orders/uat/manifests/base/deployment.yaml"_s;

QDateTime at(int minute)
{
    return QDateTime(QDate(2024, 6, 3), QTime(9, 0), QTimeZone(8 * 3600)).addSecs(minute * 60);
}

/// The trailer block GitOps Desk writes (DESIGN.md §2.6).
QString trailers(const QString &service, const QString &stage, const QString &tag, const QString &previousTag,
                 const QString &kind = {}, const ObjectId &reverts = {})
{
    QString text = u"Release-Service: "_s + service + u"\nRelease-Environment: uat\nRelease-Stage: "_s + stage + u'\n';
    if (!kind.isEmpty())
        text += u"Release-Kind: "_s + kind + u'\n';
    text += u"Release-Image: "_s + kImage + u':' + tag + u"\nRelease-Previous-Image: "_s + kImage + u':' + previousTag
            + u'\n';
    if (!reverts.isNull())
        text += u"Release-Reverts: "_s + reverts.toHex() + u'\n';
    return text;
}

/// An overlay kustomization as the scaffold writes it (tests/support/serviceenvfiles.cpp), with `tag`.
QByteArray overlay(const QString &tag, bool canary = false)
{
    gd::test::ServiceEnvFiles files{u"orders"_s, u"uat"_s, kImage, tag, canary ? tag : QString()};
    if (!canary)
        return files.gaKustomization();
    gd::git::FileChanges changes;
    files.addTo(changes);
    return *changes.files.value(kCanary);
}

/// The GA overlay after a hand edit: a comment banner and an end-of-line comment that a rewrite drops.
QByteArray handEditedGa(const QString &tag)
{
    return "# GA overlay of orders in uat: released by GitOps Desk, hotfixes by hand.\n"
           "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base\n"
           "images:\n  - name: orders\n    newName: "
           + kImage.toUtf8() + "\n    newTag: \"" + tag.toUtf8() + "\"   # hotfix INC-4711\n";
}

/// The same file after `kustomize edit set image orders=…:<tag>` (kustomize v5): apiVersion and kind first, the
/// other keys in kustomize's order, comments gone, list items at column 0, the tag unquoted (compare the real
/// output in tests/data/kustomize/single/MostlyDevOps.wordsmith-k8s__environments__production__kustomization.yaml).
QByteArray kustomizeRewrittenGa(const QString &tag)
{
    return "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n- name: orders\n  newName: "
           + kImage.toUtf8() + "\n  newTag: " + tag.toUtf8() + "\nresources:\n- ../base\n";
}

QString describe(const ReleaseEntry &e)
{
    return u"%1 %2 %3 %4->%5 %6 %7 %8 %9|%10|%11"_s.arg(e.commit.shortHex(), e.stage, e.kind, e.fromTag, e.toTag,
                                                        e.image, e.byGitOpsDesk ? u"desk"_s : u"other"_s,
                                                        e.reverts.isNull() ? u"-"_s : e.reverts.shortHex(), e.summary)
        .arg(e.author.name + u" <"_s + e.author.email + u'>', e.when.toString(Qt::ISODate));
}

QStringList describe(const std::vector<ReleaseEntry> &entries)
{
    QStringList out;
    for (const ReleaseEntry &e : entries)
        out.append(describe(e));
    return out;
}

QString errorText(const gd::Error &error)
{
    return error.fullText();
}

} // namespace

class TestReleaseHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsEveryChangeOfTheEnvironment();
    void entries_data();
    void entries();
    void authorAndTime();
    void limitKeepsTheNewest();
    void olderTipSeesOnlyItsPast();
    void invalidAndEmpty();
    void cacheAnswersWithoutGit();
    void cachePicksUpNewCommitsOnly();
    void cacheRecomputesForAnotherLine();
    void cacheIgnoresADamagedFile();
    void rollbackWindow_data();
    void rollbackWindow();

private:
    ScratchRepo m_repo;
    QMap<QString, ObjectId> m_c;
};

void TestReleaseHistory::initTestCase()
{
    QVERIFY(m_repo.isValid());
    const QString desk = u"Release Manager <rm@example.com>"_s;
    const QString ops = u"Ops Person <ops@example.com>"_s;
    const QString pipeline = u"Image Pipeline <ci@example.com>"_s;

    gd::git::FileChanges scaffold;
    gd::test::ServiceEnvFiles{u"orders"_s, u"uat"_s, kImage, u"1.0.0"_s, u"1.0.0"_s}.addTo(scaffold);
    gd::test::ServiceEnvFiles{u"payments"_s, u"uat"_s, u"registry.example.com/shop/payments"_s, u"2.0.0"_s, {}}
        .addTo(scaffold);
    m_c[u"scaffold"_s] = m_repo.commitOn({}, scaffold, {u"Scaffold orders and payments"_s,
                                                        ScratchRepo::signature(desk, at(0)), {}});
    m_c[u"ga110"_s] = m_repo.commit({{kGa, overlay(u"1.1.0"_s)}},
                                    u"Release orders 1.1.0 to uat\n\n"_s
                                        + trailers(u"orders"_s, u"ga"_s, u"1.1.0"_s, u"1.0.0"_s),
                                    desk, at(10));
    m_c[u"payments"_s] = m_repo.commit(
        {{u"appsmanifests/payments/uat/manifests/ga/kustomization.yaml"_s,
          gd::test::ServiceEnvFiles{u"payments"_s, u"uat"_s, u"registry.example.com/shop/payments"_s, u"2.1.0"_s, {}}
              .gaKustomization()}},
        u"Release payments 2.1.0 to uat"_s, desk, at(15));
    m_c[u"canary120"_s] = m_repo.commit({{kCanary, overlay(u"1.2.0"_s, true)}},
                                        u"Release orders 1.2.0 to uat (canary)\n\n"_s
                                            + trailers(u"orders"_s, u"canary"_s, u"1.2.0"_s, u"1.0.0"_s),
                                        desk, at(20));
    m_c[u"promote120"_s] = m_repo.commit({{kGa, overlay(u"1.2.0"_s)}},
                                         u"Promote orders 1.2.0 to GA in uat\n\n"_s
                                             + trailers(u"orders"_s, u"ga"_s, u"1.2.0"_s, u"1.1.0"_s, u"promote"_s),
                                         desk, at(30));
    m_c[u"canary130"_s] = m_repo.commit({{kCanary, overlay(u"1.3.0"_s, true)}},
                                        u"Release orders 1.3.0 to uat (canary)\n\n"_s
                                            + trailers(u"orders"_s, u"canary"_s, u"1.3.0"_s, u"1.2.0"_s),
                                        desk, at(40));
    m_c[u"abort"_s] = m_repo.commit(
        {{kCanary, overlay(u"1.2.0"_s, true)}},
        u"Revert \"Release orders 1.3.0 to uat (canary)\"\n\nThis reverts commit "_s + m_c[u"canary130"_s].toHex()
            + u".\n\n"_s
            + trailers(u"orders"_s, u"canary"_s, u"1.2.0"_s, u"1.3.0"_s, u"abort"_s, m_c[u"canary130"_s]),
        desk, at(45));
    m_c[u"ga140"_s] = m_repo.commit({{kGa, overlay(u"1.4.0"_s)}},
                                    u"Release orders 1.4.0 to uat\n\n"_s
                                        + trailers(u"orders"_s, u"ga"_s, u"1.4.0"_s, u"1.2.0"_s),
                                    desk, at(50));
    m_c[u"rollback"_s] = m_repo.commit(
        {{kGa, overlay(u"1.2.0"_s)}},
        u"Revert \"Release orders 1.4.0 to uat\"\n\nThis reverts commit "_s + m_c[u"ga140"_s].toHex() + u".\n\n"_s
            + trailers(u"orders"_s, u"ga"_s, u"1.2.0"_s, u"1.4.0"_s, u"rollback"_s, m_c[u"ga140"_s]),
        desk, at(55));
    m_c[u"hand"_s] = m_repo.commit({{kGa, handEditedGa(u"1.2.1"_s)}}, u"Hotfix orders in uat by hand"_s, ops, at(60));
    m_c[u"rewrite"_s] = m_repo.commit({{kGa, kustomizeRewrittenGa(u"1.5.0"_s)}}, u"ci: set image orders 1.5.0"_s,
                                      pipeline, at(70));
    QByteArray deployment = m_repo.read(kDeployment);
    QVERIFY(deployment.contains("replicas: 2"));
    deployment.replace("replicas: 2", "replicas: 3");
    m_c[u"patch"_s] = m_repo.commit({{kDeployment, deployment}}, u"Scale orders in uat to 3"_s, ops, at(80));
    m_c[u"handRevert"_s] = m_repo.commit({{kGa, handEditedGa(u"1.2.1"_s)}},
                                         u"Revert \"ci: set image orders 1.5.0\"\n\nThis reverts commit "_s
                                             + m_c[u"rewrite"_s].toHex() + u".\n"_s,
                                         ops, at(90));
    m_c[u"otherEnvOnly"_s] = m_repo.commit(
        {{u"appsmanifests/payments/uat/manifests/base/deployment.yaml"_s, "kind: Deployment\n"_ba}},
        u"Touch payments only"_s, ops, at(95));
    // Trailers for another service environment say nothing about this one: read from the files.
    m_c[u"foreignTrailers"_s] = m_repo.commit(
        {{kCanary, overlay(u"1.6.0"_s, true)},
         {u"appsmanifests/payments/uat/manifests/ga/kustomization.yaml"_s,
          gd::test::ServiceEnvFiles{u"payments"_s, u"uat"_s, u"registry.example.com/shop/payments"_s, u"2.2.0"_s, {}}
              .gaKustomization()}},
        u"Release payments 2.2.0 to uat\n\n"_s + trailers(u"payments"_s, u"ga"_s, u"2.2.0"_s, u"2.1.0"_s), desk,
        at(100));
    for (auto it = m_c.cbegin(); it != m_c.cend(); ++it)
        QVERIFY2(!it.value().isNull(), qPrintable(it.key()));
}

void TestReleaseHistory::listsEveryChangeOfTheEnvironment()
{
    auto history = gd::ws::releaseHistory(m_repo.repo(), m_repo.tip(), u"orders"_s, u"uat"_s);
    QVERIFY2(history.ok(), qPrintable(history.ok() ? QString() : errorText(history.error())));
    QList<ObjectId> ids;
    for (const ReleaseEntry &e : *history)
        ids.append(e.commit);
    const QStringList order{u"foreignTrailers"_s, u"handRevert"_s, u"patch"_s,      u"rewrite"_s,   u"hand"_s,
                            u"rollback"_s,        u"ga140"_s,      u"abort"_s,      u"canary130"_s, u"promote120"_s,
                            u"canary120"_s,       u"ga110"_s,      u"scaffold"_s};
    QList<ObjectId> expected;
    for (const QString &name : order)
        expected.append(m_c[name]);
    QCOMPARE(ids, expected);   // neither "payments" nor "otherEnvOnly" is listed
}

void TestReleaseHistory::entries_data()
{
    QTest::addColumn<QString>("commit");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("fromTag");
    QTest::addColumn<QString>("toTag");
    QTest::addColumn<bool>("byGitOpsDesk");
    QTest::addColumn<QString>("reverts");

    QTest::newRow("scaffold: the first GA tag") << u"scaffold"_s << u"ga"_s << u"edit"_s << QString() << u"1.0.0"_s
                                                << false << QString();
    QTest::newRow("GA release with trailers") << u"ga110"_s << u"ga"_s << u"release"_s << u"1.0.0"_s << u"1.1.0"_s
                                              << true << QString();
    QTest::newRow("canary release") << u"canary120"_s << u"canary"_s << u"release"_s << u"1.0.0"_s << u"1.2.0"_s
                                    << true << QString();
    QTest::newRow("promote") << u"promote120"_s << u"ga"_s << u"promote"_s << u"1.1.0"_s << u"1.2.0"_s << true
                             << QString();
    QTest::newRow("abort reverts the canary release")
        << u"abort"_s << u"canary"_s << u"abort"_s << u"1.3.0"_s << u"1.2.0"_s << true << u"canary130"_s;
    QTest::newRow("rollback reverts the GA release")
        << u"rollback"_s << u"ga"_s << u"rollback"_s << u"1.4.0"_s << u"1.2.0"_s << true << u"ga140"_s;
    QTest::newRow("hand edit without trailers") << u"hand"_s << u"ga"_s << u"edit"_s << u"1.2.0"_s << u"1.2.1"_s
                                                << false << QString();
    QTest::newRow("kustomize edit set image rewrite")
        << u"rewrite"_s << u"ga"_s << u"edit"_s << u"1.2.1"_s << u"1.5.0"_s << false << QString();
    QTest::newRow("deployment patch only") << u"patch"_s << QString() << u"edit"_s << QString() << QString() << false
                                           << QString();
    QTest::newRow("git revert by hand") << u"handRevert"_s << u"ga"_s << u"rollback"_s << u"1.5.0"_s << u"1.2.1"_s
                                        << false << u"rewrite"_s;
    QTest::newRow("another service's trailers") << u"foreignTrailers"_s << u"canary"_s << u"edit"_s << u"1.2.0"_s
                                                << u"1.6.0"_s << false << QString();
}

void TestReleaseHistory::entries()
{
    QFETCH(QString, commit);
    QFETCH(QString, stage);
    QFETCH(QString, kind);
    QFETCH(QString, fromTag);
    QFETCH(QString, toTag);
    QFETCH(bool, byGitOpsDesk);
    QFETCH(QString, reverts);
    auto history = gd::ws::releaseHistory(m_repo.repo(), m_repo.tip(), u"orders"_s, u"uat"_s);
    QVERIFY(history.ok());
    const ReleaseEntry *found = nullptr;
    for (const ReleaseEntry &e : *history) {
        if (e.commit == m_c[commit])
            found = &e;
    }
    QVERIFY2(found, qPrintable(commit));
    QCOMPARE(found->stage, stage);
    QCOMPARE(found->kind, kind);
    QCOMPARE(found->fromTag, fromTag);
    QCOMPARE(found->toTag, toTag);
    QCOMPARE(found->byGitOpsDesk, byGitOpsDesk);
    QCOMPARE(found->reverts, reverts.isEmpty() ? ObjectId() : m_c[reverts]);
    QCOMPARE(found->image, kImage);
}

void TestReleaseHistory::authorAndTime()
{
    auto history = gd::ws::releaseHistory(m_repo.repo(), m_repo.tip(), u"orders"_s, u"uat"_s);
    QVERIFY(history.ok());
    const ReleaseEntry &rewrite = (*history)[3];
    QCOMPARE(rewrite.commit, m_c[u"rewrite"_s]);
    QCOMPARE(rewrite.summary, u"ci: set image orders 1.5.0"_s);
    QCOMPARE(rewrite.author.name, u"Image Pipeline"_s);
    QCOMPARE(rewrite.author.email, u"ci@example.com"_s);
    QCOMPARE(rewrite.when, at(70));
    QCOMPARE(rewrite.when.offsetFromUtc(), 8 * 3600);
}

void TestReleaseHistory::limitKeepsTheNewest()
{
    auto three = gd::ws::releaseHistory(m_repo.repo(), m_repo.tip(), u"orders"_s, u"uat"_s, 3);
    QVERIFY(three.ok());
    auto all = gd::ws::releaseHistory(m_repo.repo(), m_repo.tip(), u"orders"_s, u"uat"_s);
    QCOMPARE(describe(*three), describe(*all).mid(0, 3));
    QVERIFY(gd::ws::releaseHistory(m_repo.repo(), m_repo.tip(), u"orders"_s, u"uat"_s, 0)->empty());
}

void TestReleaseHistory::olderTipSeesOnlyItsPast()
{
    auto older = gd::ws::releaseHistory(m_repo.repo(), m_c[u"promote120"_s], u"orders"_s, u"uat"_s);
    QVERIFY(older.ok());
    QCOMPARE(older->size(), size_t(4));
    QCOMPARE(older->front().commit, m_c[u"promote120"_s]);
    auto payments = gd::ws::releaseHistory(m_repo.repo(), m_repo.tip(), u"payments"_s, u"uat"_s);
    QCOMPARE(payments->size(), size_t(4));
    QCOMPARE(payments->front().fromTag, u"2.1.0"_s);
    QCOMPARE(payments->front().toTag, u"2.2.0"_s);
    QVERIFY(payments->front().byGitOpsDesk);
}

void TestReleaseHistory::invalidAndEmpty()
{
    auto bad = gd::ws::releaseHistory(m_repo.repo(), m_repo.tip(), u"../orders"_s, u"uat"_s);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, gd::Error::Code::InvalidInput);
    QVERIFY(gd::ws::releaseHistory(m_repo.repo(), m_repo.tip(), u"shipping"_s, u"uat"_s)->empty());
    QVERIFY(gd::ws::releaseHistory(m_repo.repo(), ObjectId(), u"orders"_s, u"uat"_s)->empty());
    gd::ws::ReleaseHistoryCache cache;
    QCOMPARE(cache.history(m_repo.repo(), m_repo.tip(), u"orders"_s, u"UAT"_s).error().code,
             gd::Error::Code::InvalidInput);
}

void TestReleaseHistory::cacheAnswersWithoutGit()
{
    ScratchRepo repo;
    gd::git::FileChanges scaffold;
    gd::test::ServiceEnvFiles{u"orders"_s, u"uat"_s, kImage, u"1.0.0"_s, {}}.addTo(scaffold);
    repo.commitOn({}, scaffold, {u"Scaffold"_s, ScratchRepo::signature(u"A <a@example.com>"_s, at(0)), {}});
    repo.commit({{kGa, overlay(u"1.1.0"_s)}},
                u"Release orders 1.1.0 to uat\n\n"_s + trailers(u"orders"_s, u"ga"_s, u"1.1.0"_s, u"1.0.0"_s));
    const ObjectId tip = repo.tip();
    auto expected = gd::ws::releaseHistory(repo.repo(), tip, u"orders"_s, u"uat"_s);
    QVERIFY(expected.ok());
    QCOMPARE(expected->size(), size_t(2));

    QTemporaryDir store;
    gd::ws::ReleaseHistoryCache cache(store.path());
    auto first = cache.history(repo.repo(), tip, u"orders"_s, u"uat"_s);
    QVERIFY(first.ok());
    QCOMPARE(describe(*first), describe(*expected));
    QCOMPARE(QDir(store.path()).entryList(QDir::Files).size(), 1);

    // With the objects gone, only what the cache holds can answer.
    QVERIFY(QDir(repo.path() + u"/objects"_s).removeRecursively());
    QVERIFY(QDir().mkpath(repo.path() + u"/objects/pack"_s));
    auto emptied = gd::git::Repository::open(repo.path());
    QVERIFY(emptied.ok());
    auto again = cache.history(*emptied, tip, u"orders"_s, u"uat"_s);
    QVERIFY(again.ok());
    QCOMPARE(describe(*again), describe(*expected));
    QCOMPARE(describe(*cache.history(*emptied, tip, u"orders"_s, u"uat"_s, 1)), describe(*expected).mid(0, 1));

    // A new process (a new cache on the same folder) reads the stored file.
    gd::ws::ReleaseHistoryCache restarted(store.path());
    auto stored = restarted.history(*emptied, tip, u"orders"_s, u"uat"_s);
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : errorText(stored.error())));
    QCOMPARE(describe(*stored), describe(*expected));

    // A memory-only cache that forgot has to ask Git, which cannot answer any more.
    cache.clearMemory();
    gd::ws::ReleaseHistoryCache memoryOnly;
    QVERIFY(!memoryOnly.history(*emptied, tip, u"orders"_s, u"uat"_s).ok());
}

void TestReleaseHistory::cachePicksUpNewCommitsOnly()
{
    ScratchRepo repo;
    gd::git::FileChanges scaffold;
    gd::test::ServiceEnvFiles{u"orders"_s, u"uat"_s, kImage, u"1.0.0"_s, {}}.addTo(scaffold);
    const ObjectId first =
        repo.commitOn({}, scaffold, {u"Scaffold"_s, ScratchRepo::signature(u"A <a@example.com>"_s, at(0)), {}});
    repo.commit({{kGa, overlay(u"1.1.0"_s)}},
                u"Release orders 1.1.0 to uat\n\n"_s + trailers(u"orders"_s, u"ga"_s, u"1.1.0"_s, u"1.0.0"_s));
    gd::ws::ReleaseHistoryCache cache;
    auto before = cache.history(repo.repo(), repo.tip(), u"orders"_s, u"uat"_s);
    QVERIFY(before.ok());
    QCOMPARE(before->size(), size_t(2));

    const ObjectId release = repo.commit(
        {{kGa, overlay(u"1.2.0"_s)}},
        u"Release orders 1.2.0 to uat\n\n"_s + trailers(u"orders"_s, u"ga"_s, u"1.2.0"_s, u"1.1.0"_s));
    repo.commit({{u"README.md"_s, "unrelated\n"_ba}}, u"Docs"_s);
    // The root commit's object is gone: a recomputation would need it, the incremental walk stops before it.
    const QString hex = first.toHex();
    QVERIFY(QFile::remove(repo.path() + u"/objects/"_s + hex.left(2) + u'/' + hex.mid(2)));
    auto reopened = gd::git::Repository::open(repo.path());   // nothing in libgit2's object cache either
    QVERIFY(reopened.ok());
    QVERIFY(!gd::ws::releaseHistory(*reopened, repo.tip(), u"orders"_s, u"uat"_s).ok());
    auto after = cache.history(*reopened, repo.tip(), u"orders"_s, u"uat"_s);
    QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : errorText(after.error())));
    QCOMPARE(after->size(), size_t(3));
    QCOMPARE(after->front().commit, release);
    QCOMPARE(after->front().fromTag, u"1.1.0"_s);
    QCOMPARE(after->front().toTag, u"1.2.0"_s);
    QCOMPARE(describe(*after).mid(1), describe(*before));
}

void TestReleaseHistory::cacheRecomputesForAnotherLine()
{
    gd::ws::ReleaseHistoryCache cache;
    auto atTip = cache.history(m_repo.repo(), m_repo.tip(), u"orders"_s, u"uat"_s);
    QVERIFY(atTip.ok());
    // An older tip does not have the cached tip among its ancestors: computed afresh, and right.
    auto older = cache.history(m_repo.repo(), m_c[u"ga140"_s], u"orders"_s, u"uat"_s);
    QVERIFY(older.ok());
    QCOMPARE(describe(*older), describe(*gd::ws::releaseHistory(m_repo.repo(), m_c[u"ga140"_s], u"orders"_s,
                                                                 u"uat"_s)));
    // A side line from an older commit.
    const ObjectId side = m_repo.commitOn(m_c[u"promote120"_s], [] {
        gd::git::FileChanges changes;
        changes.write(kGa, overlay(u"9.9.9"_s));
        return changes;
    }(), {u"Side release"_s, ScratchRepo::signature(u"B <b@example.com>"_s, at(200)), {}}, false);
    auto sideHistory = cache.history(m_repo.repo(), side, u"orders"_s, u"uat"_s);
    QVERIFY(sideHistory.ok());
    QCOMPARE(sideHistory->size(), size_t(5));
    QCOMPARE(sideHistory->front().toTag, u"9.9.9"_s);
    QCOMPARE(describe(*sideHistory),
             describe(*gd::ws::releaseHistory(m_repo.repo(), side, u"orders"_s, u"uat"_s)));
}

void TestReleaseHistory::cacheIgnoresADamagedFile()
{
    QTemporaryDir store;
    {
        gd::ws::ReleaseHistoryCache cache(store.path());
        QVERIFY(cache.history(m_repo.repo(), m_repo.tip(), u"orders"_s, u"uat"_s).ok());
    }
    const QStringList files = QDir(store.path()).entryList(QDir::Files);
    QCOMPARE(files.size(), 1);
    QFile file(store.path() + u'/' + files.first());
    QVERIFY(file.open(QIODevice::ReadWrite));
    const QByteArray bytes = file.readAll();
    QVERIFY(file.resize(bytes.size() / 2));
    file.close();
    gd::ws::ReleaseHistoryCache restarted(store.path());
    auto history = restarted.history(m_repo.repo(), m_repo.tip(), u"orders"_s, u"uat"_s);
    QVERIFY(history.ok());
    QCOMPARE(describe(*history), describe(*gd::ws::releaseHistory(m_repo.repo(), m_repo.tip(), u"orders"_s,
                                                                   u"uat"_s)));
}

void TestReleaseHistory::rollbackWindow_data()
{
    QTest::addColumn<QString>("tip");
    QTest::addColumn<int>("minutesLater");
    QTest::addColumn<int>("window");
    QTest::addColumn<QString>("open");

    QTest::newRow("GA release, 10 of 30 minutes") << u"ga140"_s << 10 << 30 << u"ga140"_s;
    QTest::newRow("GA release, window just closed") << u"ga140"_s << 30 << 30 << QString();
    QTest::newRow("GA release, 29 of 30 minutes") << u"ga140"_s << 29 << 30 << u"ga140"_s;
    QTest::newRow("longer window") << u"ga140"_s << 45 << 60 << u"ga140"_s;
    QTest::newRow("no window") << u"ga140"_s << 1 << 0 << QString();
    QTest::newRow("promotion") << u"promote120"_s << 5 << 30 << u"promote120"_s;
    QTest::newRow("a canary after the release keeps the GA window") << u"canary130"_s << 12 << 30
                                                                     << u"promote120"_s;
    QTest::newRow("already rolled back") << u"rollback"_s << 1 << 30 << QString();
    QTest::newRow("a hand edit of GA") << u"hand"_s << 5 << 30 << u"hand"_s;
    QTest::newRow("a new service: nothing earlier to go back to") << u"scaffold"_s << 5 << 30 << QString();
}

void TestReleaseHistory::rollbackWindow()
{
    QFETCH(QString, tip);
    QFETCH(int, minutesLater);
    QFETCH(int, window);
    QFETCH(QString, open);
    auto history = gd::ws::releaseHistory(m_repo.repo(), m_c[tip], u"orders"_s, u"uat"_s);
    QVERIFY(history.ok());
    const QDateTime now = history->front().when.addSecs(minutesLater * 60).toUTC();
    const ReleaseEntry *found = gd::ws::openRollbackWindow(*history, window, now);
    QCOMPARE(found ? found->commit : ObjectId(), open.isEmpty() ? ObjectId() : m_c[open]);
    if (found) {
        QCOMPARE(gd::ws::rollbackDeadline(*found, window), found->when.addSecs(window * 60));
        QVERIFY(gd::ws::rollbackDeadline(*found, window) > now);
    }
}

QTEST_GUILESS_MAIN(TestReleaseHistory)
#include "tst_releasehistory.moc"
