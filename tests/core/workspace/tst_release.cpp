// SPDX-License-Identifier: GPL-3.0-or-later
// The release engine on real bare repositories: release, promote, abort and rollback as semantic edits pushed with the
// push loop, their trailers, their refusals (precondition, conflict), the preview, and races with other writers.
#include "git/history.h"
#include "git/pushloop.h"
#include "git/remote.h"
#include "manifest/kustomizerunner.h"
#include "support/gitdaemon.h"
#include "support/scratchrepo.h"
#include "support/serviceenvfiles.h"
#include "workspace/release.h"
#include "workspace/releaserun.h"
#include "workspace/repoprovider.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using gd::Error;
using gd::Result;
using gd::git::ObjectId;
using gd::test::ScratchRepo;
using gd::test::ServiceEnvFiles;
using gd::ws::ReleaseKind;
using gd::ws::ReleaseStage;
using gd::ws::ReleaseTrailers;

namespace {

const QString ordersGa = u"appsmanifests/orders/uat/manifests/ga/kustomization.yaml"_s;
const QString ordersCanary = u"appsmanifests/orders/uat/manifests/canary/kustomization.yaml"_s;
const QString cartGa = u"appsmanifests/cart/uat/manifests/ga/kustomization.yaml"_s;
const QString ordersImage = u"registry.example.com/shop/orders"_s;
const QString cartImage = u"registry.example.com/shop/cart"_s;

gd::git::Signature releaseManager()
{
    return {u"Release Manager"_s, u"rm@example.com"_s, {}};
}

/// The tag a kustomization text sets (the value of its newTag line, quotes removed).
QString newTagOf(const QByteArray &text)
{
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.startsWith("newTag:"))
            return QString::fromUtf8(trimmed.mid(7).trimmed()).remove(u'"');
    }
    return {};
}

QString errorText(const gd::Error &error)
{
    return error.fullText();
}

} // namespace

class TestRelease : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void trailersRoundTrip_data();
    void trailersRoundTrip();
    void releaseChangesExactlyTheTagLine();
    void staleTagIsRefusedNamingWhoFromToAndWhen();
    void invalidRequestsAreRefused_data();
    void invalidRequestsAreRefused();
    void canaryReleaseNeedsACanaryOverlayInUse();
    void promoteGivesGaTheCanaryImage();
    void abortPutsTheCanaryBackOnThePreviousTag();
    void rollbackRestoresThePreviousTagAndRevertOfRevertReapplies();
    void rollbackThatConflictsNamesThePreviousTag();
    void rollbackOfTheCommitThatBroughtTheServiceInIsRefused();
    void lastReleaseFindsTheNewestOfAStage();
    void lastStandingReleaseSkipsWhatWasRolledBack();
    void describeCommitReadsAHandEditWithoutTrailers();
    void previewShowsOneFileTheRenderedChangeAndValidation();
    void raceWithAnotherServiceBothLand();
    void raceOnTheSameServiceStopsWithThePrecondition();
    void releaseOverGitDaemon();
    void runReleaseOperationWorksOnTheWorkspaceRepo();

private:
    ObjectId fetch();
    Result<gd::git::PushOutcome> push(const gd::ws::PreparedRelease &prepared, const QString &url = {});
    gd::ws::PreparedRelease prepared(const Result<gd::ws::PreparedRelease> &result);
    ObjectId release(const QString &service, ReleaseStage stage, const QString &tag);
    QString tagAtTip(const QString &path) { return newTagOf(m_remote->read(path)); }

    std::unique_ptr<ScratchRepo> m_remote;
    std::unique_ptr<QTemporaryDir> m_dir;
    gd::git::Repository m_cache;
    ObjectId m_scaffold;
    // orders in uat has a canary stage, cart in uat has only GA.
    const ServiceEnvFiles m_orders{u"orders"_s, u"uat"_s, ordersImage, u"1.4.0"_s, u"1.4.0"_s};
    const ServiceEnvFiles m_cart{u"cart"_s, u"uat"_s, cartImage, u"2.0.0"_s, {}};
};

void TestRelease::init()
{
    m_remote = std::make_unique<ScratchRepo>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_remote->isValid());
    gd::git::FileChanges files;
    m_orders.addTo(files);
    m_cart.addTo(files);
    m_scaffold = m_remote->commit(files.files, u"Add orders and cart"_s, u"Li Wei <li.wei@example.com>"_s,
                                  QDateTime::currentDateTimeUtc().addDays(-2));
    QVERIFY(!m_scaffold.isNull());
    auto cache = gd::git::Repository::initBare(m_dir->filePath(u"cache.git"_s));
    QVERIFY(cache.ok());
    m_cache = std::move(*cache);
}

ObjectId TestRelease::fetch()
{
    auto tip = gd::git::fetchBranch(m_cache, m_remote->path(), u"main"_s, {});
    if (!tip.ok())
        qFatal("fetch failed: %s", qPrintable(tip.error().fullText()));
    return *tip;
}

Result<gd::git::PushOutcome> TestRelease::push(const gd::ws::PreparedRelease &prepared, const QString &url)
{
    gd::git::PushPlan plan;
    plan.remoteUrl = url.isEmpty() ? m_remote->path() : url;
    plan.message = prepared.message;
    plan.edit = prepared.edit;
    return gd::git::runPushLoop(m_cache, plan);
}

gd::ws::PreparedRelease TestRelease::prepared(const Result<gd::ws::PreparedRelease> &result)
{
    if (!result.ok())
        qFatal("prepare failed: %s", qPrintable(result.error().fullText()));
    return *result;
}

/// Releases `tag` to `stage` of `service` in uat through the engine and the push loop; the new commit.
ObjectId TestRelease::release(const QString &service, ReleaseStage stage, const QString &tag)
{
    const ObjectId tip = fetch();
    const QString path = gd::ws::stageKustomizationPath(service, u"uat"_s, stage);
    const gd::ws::ReleaseRequest request{service, u"uat"_s, stage, tag, newTagOf(m_remote->read(path))};
    auto outcome = push(prepared(gd::ws::prepareRelease(m_cache, tip, request, releaseManager())));
    if (!outcome.ok())
        qFatal("release failed: %s", qPrintable(outcome.error().fullText()));
    return outcome->commit;
}

void TestRelease::trailersRoundTrip_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("stage");
    QTest::addColumn<bool>("reverts");
    QTest::addColumn<QString>("summary");
    QTest::newRow("release ga") << int(ReleaseKind::Release) << int(ReleaseStage::Ga) << false
                                << u"Release orders 1.5.0 to uat"_s;
    QTest::newRow("release canary") << int(ReleaseKind::Release) << int(ReleaseStage::Canary) << false
                                    << u"Release orders 1.5.0 to uat (canary)"_s;
    QTest::newRow("promote") << int(ReleaseKind::Promote) << int(ReleaseStage::Ga) << false
                             << u"Promote orders 1.5.0 to GA in uat"_s;
    QTest::newRow("abort") << int(ReleaseKind::Abort) << int(ReleaseStage::Canary) << true
                           << u"Revert \"Release orders 1.4.0 to uat (canary)\""_s;
    QTest::newRow("rollback") << int(ReleaseKind::Rollback) << int(ReleaseStage::Ga) << true
                              << u"Revert \"Release orders 1.4.0 to uat\""_s;
}

void TestRelease::trailersRoundTrip()
{
    QFETCH(int, kind);
    QFETCH(int, stage);
    QFETCH(bool, reverts);
    QFETCH(QString, summary);
    ReleaseTrailers trailers;
    trailers.service = u"orders"_s;
    trailers.environment = u"uat"_s;
    trailers.stage = ReleaseStage(stage);
    trailers.kind = ReleaseKind(kind);
    trailers.image = ordersImage + u":1.5.0"_s;
    trailers.previousImage = ordersImage + u":1.4.0"_s;
    if (reverts)
        trailers.reverts = ObjectId::fromHex(u"0123456789abcdef0123456789abcdef01234567"_s);

    const gd::git::CommitMessage message =
        reverts ? gd::ws::revertMessage(trailers, summary.mid(8).chopped(1), releaseManager())
                : gd::ws::releaseMessage(trailers, releaseManager());
    QCOMPARE(message.text.section(u'\n', 0, 0), summary);
    QCOMPARE(message.author.name, u"Release Manager"_s);
    if (reverts)
        QVERIFY(message.text.contains(u"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n\n"_s));

    const std::optional<ReleaseTrailers> read = ReleaseTrailers::fromMessage(message.text);
    QVERIFY(read.has_value());
    QCOMPARE(read->service, trailers.service);
    QCOMPARE(read->environment, trailers.environment);
    QCOMPARE(int(read->stage), stage);
    QCOMPARE(int(read->kind), kind);
    QCOMPARE(read->image, trailers.image);
    QCOMPARE(read->previousImage, trailers.previousImage);
    QCOMPARE(read->reverts, trailers.reverts);
    QCOMPARE(read->tag(), u"1.5.0"_s);
    QCOMPARE(read->previousTag(), u"1.4.0"_s);

    // git reads the same block: a plain release carries no Release-Kind.
    const QMap<QString, QString> raw = gd::git::messageTrailers(message.text);
    QCOMPARE(raw.value(u"Release-Stage"_s), ReleaseStage(stage) == ReleaseStage::Canary ? u"canary"_s : u"ga"_s);
    QCOMPARE(raw.contains(u"Release-Kind"_s), ReleaseKind(kind) != ReleaseKind::Release);
    QCOMPARE(raw.contains(u"Release-Reverts"_s), reverts);

    QVERIFY(!ReleaseTrailers::fromMessage(u"Bump orders\n\nSigned-off-by: A <a@example.com>\n"_s).has_value());
}

void TestRelease::releaseChangesExactlyTheTagLine()
{
    const QByteArray before = m_remote->read(ordersGa);
    const ObjectId commit = release(u"orders"_s, ReleaseStage::Ga, u"1.5.0"_s);
    QCOMPARE(m_remote->tip(), commit);
    const QByteArray after = m_remote->read(ordersGa);

    const QList<QByteArray> oldLines = before.split('\n');
    const QList<QByteArray> newLines = after.split('\n');
    QCOMPARE(newLines.size(), oldLines.size());
    QList<int> differing;
    for (int i = 0; i < oldLines.size(); ++i) {
        if (oldLines[i] != newLines[i])
            differing.append(i);
    }
    QCOMPARE(differing.size(), 1);
    QCOMPARE(oldLines[differing.first()], QByteArray("    newTag: \"1.4.0\""));
    QCOMPARE(newLines[differing.first()], QByteArray("    newTag: \"1.5.0\""));
    // Nothing else of the repository changed: the canary and cart are as they were.
    QCOMPARE(m_remote->read(ordersCanary), m_remote->read(ordersCanary, m_scaffold));
    QCOMPARE(m_remote->read(cartGa), m_remote->read(cartGa, m_scaffold));

    auto info = m_remote->repo().commitInfo(commit);
    QVERIFY(info.ok());
    QCOMPARE(info->summary, u"Release orders 1.5.0 to uat"_s);
    QCOMPARE(info->author.name, u"Release Manager"_s);
    const std::optional<ReleaseTrailers> trailers = ReleaseTrailers::fromMessage(info->message);
    QVERIFY(trailers.has_value());
    QCOMPARE(trailers->service, u"orders"_s);
    QCOMPARE(trailers->environment, u"uat"_s);
    QCOMPARE(trailers->stage, ReleaseStage::Ga);
    QCOMPARE(trailers->kind, ReleaseKind::Release);
    QCOMPARE(trailers->image, ordersImage + u":1.5.0"_s);
    QCOMPARE(trailers->previousImage, ordersImage + u":1.4.0"_s);

    // What git holds says the same as the trailers.
    auto described = gd::ws::describeCommit(m_remote->repo(), commit);
    QVERIFY(described.ok());
    QCOMPARE(described->image, trailers->image);
    QCOMPARE(described->previousImage, trailers->previousImage);
}

void TestRelease::staleTagIsRefusedNamingWhoFromToAndWhen()
{
    const ObjectId seen = fetch();
    // Someone else releases 1.4.1 after the user looked at 1.4.0.
    const QDateTime when = QDateTime(QDate(2024, 5, 2), QTime(14, 3), QTimeZone::utc());
    QByteArray other = m_remote->read(ordersGa);
    other.replace("1.4.0", "1.4.1");
    QVERIFY(!m_remote->commit({{ordersGa, other}}, u"Hotfix"_s, u"Anna Schmidt <anna@example.com>"_s, when).isNull());
    const ObjectId moved = m_remote->tip();

    // The user's view was the old tip: prepared there, it goes through; pushed, the loop meets the new tip.
    const gd::ws::ReleaseRequest request{u"orders"_s, u"uat"_s, ReleaseStage::Ga, u"1.5.0"_s, u"1.4.0"_s};
    const gd::ws::PreparedRelease onOld = prepared(gd::ws::prepareRelease(m_cache, seen, request, releaseManager()));
    auto outcome = push(onOld);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, Error::Code::Precondition);
    const QString sentence = outcome.error().message;
    QVERIFY2(sentence.contains(u"Anna Schmidt"_s), qPrintable(sentence));
    QVERIFY2(sentence.contains(u"from 1.4.0 to 1.4.1"_s), qPrintable(sentence));
    QVERIFY2(sentence.contains(when.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s)), qPrintable(sentence));
    QVERIFY2(sentence.contains(u"GA"_s), qPrintable(sentence));
    QCOMPARE(m_remote->tip(), moved);   // nothing was pushed
    QCOMPARE(tagAtTip(ordersGa), u"1.4.1"_s);

    // Prepared on the new tip with the old expectation, the refusal comes before any push.
    auto early = gd::ws::prepareRelease(m_cache, fetch(), request, releaseManager());
    QVERIFY(!early.ok());
    QCOMPARE(early.error().code, Error::Code::Precondition);
    QVERIFY(early.error().message.contains(u"Anna Schmidt"_s));
}

void TestRelease::invalidRequestsAreRefused_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<int>("stage");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("bad tag") << u"orders"_s << int(ReleaseStage::Ga) << u"1.5.0!"_s << u"1.4.0"_s << u"1.5.0!"_s;
    QTest::newRow("tag starting with a dot") << u"orders"_s << int(ReleaseStage::Ga) << u".1"_s << u"1.4.0"_s << u".1"_s;
    QTest::newRow("unknown service") << u"payments"_s << int(ReleaseStage::Ga) << u"1.0.0"_s << u""_s << u"payments"_s;
    QTest::newRow("invalid service name") << u"Orders"_s << int(ReleaseStage::Ga) << u"1.0.0"_s << u""_s << u"Orders"_s;
    QTest::newRow("same tag") << u"orders"_s << int(ReleaseStage::Ga) << u"1.4.0"_s << u"1.4.0"_s << u"already runs"_s;
    QTest::newRow("canary without canary stage") << u"cart"_s << int(ReleaseStage::Canary) << u"2.1.0"_s << u""_s
                                                 << u"canary"_s;
}

void TestRelease::invalidRequestsAreRefused()
{
    QFETCH(QString, service);
    QFETCH(int, stage);
    QFETCH(QString, tag);
    QFETCH(QString, expected);
    QFETCH(QString, mentions);
    const ObjectId tip = fetch();
    const gd::ws::ReleaseRequest request{service, u"uat"_s, ReleaseStage(stage), tag, expected};
    auto edited = gd::ws::releaseEdit(request)(gd::git::Snapshot(m_cache, tip));
    QVERIFY(!edited.ok());
    QCOMPARE(edited.error().code, Error::Code::InvalidInput);
    QVERIFY2(edited.error().message.contains(mentions), qPrintable(edited.error().message));
    auto preparedRelease = gd::ws::prepareRelease(m_cache, tip, request, releaseManager());
    QVERIFY(!preparedRelease.ok());
    QCOMPARE(preparedRelease.error().code, Error::Code::InvalidInput);
}

void TestRelease::canaryReleaseNeedsACanaryOverlayInUse()
{
    // The canary folder exists but the top kustomization no longer lists it: its tag is not deployed.
    QVERIFY(!m_remote->commit({{u"appsmanifests/orders/uat/manifests/kustomization.yaml"_s,
                                QByteArray("resources:\n  - ga\n")}},
                              u"Stop the canary stage of orders"_s)
                 .isNull());
    const ObjectId tip = fetch();
    const gd::ws::ReleaseRequest canary{u"orders"_s, u"uat"_s, ReleaseStage::Canary, u"1.5.0"_s, u"1.4.0"_s};
    auto refused = gd::ws::prepareRelease(m_cache, tip, canary, releaseManager());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    QVERIFY2(refused.error().message.contains(u"no canary stage"_s), qPrintable(refused.error().message));
    // With the overlay listed, the same release goes to the canary file only.
    QVERIFY(!m_remote->commit({{u"appsmanifests/orders/uat/manifests/kustomization.yaml"_s,
                                QByteArray("resources:\n  - canary\n  - ga\n")}},
                              u"Canary stage for orders"_s)
                 .isNull());
    release(u"orders"_s, ReleaseStage::Canary, u"1.5.0"_s);
    QCOMPARE(tagAtTip(ordersCanary), u"1.5.0"_s);
    QCOMPARE(tagAtTip(ordersGa), u"1.4.0"_s);
    auto info = m_remote->repo().commitInfo(m_remote->tip());
    QCOMPARE(info->summary, u"Release orders 1.5.0 to uat (canary)"_s);
    QCOMPARE(ReleaseTrailers::fromMessage(info->message)->stage, ReleaseStage::Canary);
}

void TestRelease::promoteGivesGaTheCanaryImage()
{
    release(u"orders"_s, ReleaseStage::Canary, u"1.5.0"_s);
    QCOMPARE(tagAtTip(ordersCanary), u"1.5.0"_s);

    // What the approval gate showed must still hold: a stale GA tag stops the promotion.
    auto stale = gd::ws::preparePromote(m_cache, fetch(), u"orders"_s, u"uat"_s, u"1.5.0"_s, u"1.3.9"_s,
                                        releaseManager());
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, Error::Code::Precondition);

    const gd::ws::PreparedRelease promotion = prepared(
        gd::ws::preparePromote(m_cache, fetch(), u"orders"_s, u"uat"_s, u"1.5.0"_s, u"1.4.0"_s, releaseManager()));
    QCOMPARE(promotion.trailers.kind, ReleaseKind::Promote);
    auto outcome = push(promotion);
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : errorText(outcome.error())));
    QCOMPARE(tagAtTip(ordersGa), u"1.5.0"_s);
    QCOMPARE(tagAtTip(ordersCanary), u"1.5.0"_s);
    auto info = m_remote->repo().commitInfo(outcome->commit);
    QCOMPARE(info->summary, u"Promote orders 1.5.0 to GA in uat"_s);
    const auto trailers = ReleaseTrailers::fromMessage(info->message);
    QCOMPARE(trailers->kind, ReleaseKind::Promote);
    QCOMPARE(trailers->stage, ReleaseStage::Ga);
    QCOMPARE(trailers->image, ordersImage + u":1.5.0"_s);
    QCOMPARE(trailers->previousImage, ordersImage + u":1.4.0"_s);

    // Promoted: nothing left to promote.
    auto again = gd::ws::preparePromote(m_cache, fetch(), u"orders"_s, u"uat"_s, u"1.5.0"_s, u"1.5.0"_s,
                                        releaseManager());
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, Error::Code::InvalidInput);
}

void TestRelease::abortPutsTheCanaryBackOnThePreviousTag()
{
    const ObjectId canaryRelease = release(u"orders"_s, ReleaseStage::Canary, u"1.5.0"_s);
    // Another service released meanwhile: the abort reverts only the canary release.
    release(u"cart"_s, ReleaseStage::Ga, u"2.1.0"_s);

    const gd::ws::PreparedRelease abort = prepared(
        gd::ws::prepareAbort(m_cache, fetch(), u"orders"_s, u"uat"_s, u"1.5.0"_s, {}, releaseManager()));
    QCOMPARE(abort.trailers.reverts, canaryRelease);
    auto outcome = push(abort);
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : errorText(outcome.error())));
    QCOMPARE(tagAtTip(ordersCanary), u"1.4.0"_s);
    QCOMPARE(tagAtTip(ordersCanary), tagAtTip(ordersGa));
    QCOMPARE(tagAtTip(cartGa), u"2.1.0"_s);

    auto info = m_remote->repo().commitInfo(outcome->commit);
    QCOMPARE(info->summary, u"Revert \"Release orders 1.5.0 to uat (canary)\""_s);
    QVERIFY(info->message.contains(u"This reverts commit "_s + canaryRelease.toHex() + u'.'));
    const auto trailers = ReleaseTrailers::fromMessage(info->message);
    QVERIFY(trailers.has_value());
    QCOMPARE(trailers->kind, ReleaseKind::Abort);
    QCOMPARE(trailers->stage, ReleaseStage::Canary);
    QCOMPARE(trailers->reverts, canaryRelease);
    QCOMPARE(trailers->image, ordersImage + u":1.4.0"_s);
    QCOMPARE(trailers->previousImage, ordersImage + u":1.5.0"_s);

    // The canary runs GA's tag again: nothing to abort.
    auto again = gd::ws::prepareAbort(m_cache, fetch(), u"orders"_s, u"uat"_s, u"1.4.0"_s, {}, releaseManager());
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, Error::Code::InvalidInput);
}

void TestRelease::rollbackRestoresThePreviousTagAndRevertOfRevertReapplies()
{
    const ObjectId first = release(u"cart"_s, ReleaseStage::Ga, u"2.1.0"_s);
    release(u"orders"_s, ReleaseStage::Ga, u"1.5.0"_s);
    auto newest = gd::ws::lastRelease(m_cache, fetch(), u"cart"_s, u"uat"_s);
    QVERIFY(newest.ok());
    QCOMPARE(newest->id, first);

    const gd::ws::PreparedRelease rollback = prepared(gd::ws::prepareRollback(m_cache, fetch(), first, releaseManager()));
    QCOMPARE(rollback.trailers.kind, ReleaseKind::Rollback);
    QCOMPARE(rollback.trailers.image, cartImage + u":2.0.0"_s);
    QCOMPARE(rollback.trailers.previousImage, cartImage + u":2.1.0"_s);
    auto reverted = push(rollback);
    QVERIFY2(reverted.ok(), qPrintable(reverted.ok() ? QString() : errorText(reverted.error())));
    QCOMPARE(tagAtTip(cartGa), u"2.0.0"_s);
    QCOMPARE(tagAtTip(ordersGa), u"1.5.0"_s);
    auto info = m_remote->repo().commitInfo(reverted->commit);
    QCOMPARE(info->summary, u"Revert \"Release cart 2.1.0 to uat\""_s);
    QCOMPARE(ReleaseTrailers::fromMessage(info->message)->kind, ReleaseKind::Rollback);
    QCOMPARE(ReleaseTrailers::fromMessage(info->message)->reverts, first);
    // A rollback is not a release: the newest release is still the one rolled back.
    QCOMPARE(gd::ws::lastRelease(m_cache, fetch(), u"cart"_s, u"uat"_s)->id, first);
    // ... but it no longer stands, so `rollback --last` has nothing further to undo here.
    auto standing = gd::ws::lastStandingRelease(m_cache, fetch(), u"cart"_s, u"uat"_s);
    QVERIFY(!standing.ok());
    QCOMPARE(standing.error().code, Error::Code::NotFound);
    QVERIFY2(standing.error().message.contains(u"already rolled back"_s), qPrintable(standing.error().message));

    // Rolling the same release back again changes nothing.
    auto twice = gd::ws::prepareRollback(m_cache, fetch(), first, releaseManager());
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code, Error::Code::InvalidInput);

    // Reverting the revert re-applies the release.
    const gd::ws::PreparedRelease reapply =
        prepared(gd::ws::prepareRollback(m_cache, fetch(), reverted->commit, releaseManager()));
    QCOMPARE(reapply.trailers.image, cartImage + u":2.1.0"_s);
    auto reapplied = push(reapply);
    QVERIFY(reapplied.ok());
    QCOMPARE(tagAtTip(cartGa), u"2.1.0"_s);
    QCOMPARE(m_remote->repo().commitInfo(reapplied->commit)->summary,
             u"Revert \"Revert \"Release cart 2.1.0 to uat\"\""_s);
    // Its rollback was itself reverted: the release stands again.
    QCOMPARE(gd::ws::lastStandingRelease(m_cache, fetch(), u"cart"_s, u"uat"_s)->id, first);
}

void TestRelease::lastStandingReleaseSkipsWhatWasRolledBack()
{
    const ObjectId older = release(u"cart"_s, ReleaseStage::Ga, u"2.1.0"_s);
    const ObjectId newer = release(u"cart"_s, ReleaseStage::Ga, u"2.2.0"_s);
    QCOMPARE(gd::ws::lastStandingRelease(m_cache, fetch(), u"cart"_s, u"uat"_s)->id, newer);
    auto rolledBack = push(prepared(gd::ws::prepareRollback(m_cache, fetch(), newer, releaseManager())));
    QVERIFY(rolledBack.ok());
    QCOMPARE(tagAtTip(cartGa), u"2.1.0"_s);
    // The next `rollback --last` goes one release further back.
    QCOMPARE(gd::ws::lastStandingRelease(m_cache, fetch(), u"cart"_s, u"uat"_s)->id, older);
    QCOMPARE(gd::ws::lastRelease(m_cache, fetch(), u"cart"_s, u"uat"_s)->id, newer);
    auto further = push(prepared(gd::ws::prepareRollback(m_cache, fetch(), older, releaseManager())));
    QVERIFY(further.ok());
    QCOMPARE(tagAtTip(cartGa), u"2.0.0"_s);
}

void TestRelease::rollbackThatConflictsNamesThePreviousTag()
{
    const ObjectId first = release(u"cart"_s, ReleaseStage::Ga, u"2.1.0"_s);
    release(u"cart"_s, ReleaseStage::Ga, u"2.2.0"_s);
    const ObjectId tip = fetch();

    auto refused = gd::ws::prepareRollback(m_cache, tip, first, releaseManager());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    const QString sentence = refused.error().message;
    QVERIFY2(sentence.contains(u"release 2.0.0"_s), qPrintable(sentence));
    QVERIFY2(sentence.contains(first.shortHex()), qPrintable(sentence));
    QVERIFY2(refused.error().detail.contains(cartGa), qPrintable(refused.error().detail));

    // Through the push loop the refusal stops it the same way, and nothing is pushed.
    gd::ws::PreparedRelease forced{{}, gd::git::CommitMessage{u"Revert"_s, releaseManager(), {}},
                                   gd::ws::rollbackEdit(first)};
    auto outcome = push(forced);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, Error::Code::Conflict);
    QCOMPARE(m_remote->tip(), tip);
    QCOMPARE(tagAtTip(cartGa), u"2.2.0"_s);
}

void TestRelease::rollbackOfTheCommitThatBroughtTheServiceInIsRefused()
{
    // Reverting the commit that created the service would delete it: that is no rollback, and nothing is pushed.
    const ObjectId tip = fetch();
    QCOMPARE(tip, m_scaffold);
    auto refused = gd::ws::prepareRollback(m_cache, tip, m_scaffold, releaseManager());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Precondition);
    const QString sentence = refused.error().message;
    QVERIFY2(sentence.contains(m_scaffold.shortHex()) && sentence.contains(u"no version to roll back to"_s),
             qPrintable(sentence));
    QCOMPARE(m_remote->tip(), tip);

    // Once released, the release itself rolls back to the scaffolded tag.
    const ObjectId released = release(u"cart"_s, ReleaseStage::Ga, u"2.1.0"_s);
    auto rollback = gd::ws::prepareRollback(m_cache, fetch(), released, releaseManager());
    QVERIFY2(rollback.ok(), qPrintable(rollback.ok() ? QString() : rollback.error().fullText()));
    QCOMPARE(rollback->trailers.tag(), u"2.0.0"_s);
}

void TestRelease::lastReleaseFindsTheNewestOfAStage()
{
    // The scaffold commit carries no trailers: no release yet.
    auto none = gd::ws::lastRelease(m_cache, fetch(), u"orders"_s, u"uat"_s);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, Error::Code::NotFound);

    const ObjectId canary = release(u"orders"_s, ReleaseStage::Canary, u"1.5.0"_s);
    const ObjectId ga = release(u"orders"_s, ReleaseStage::Ga, u"1.4.1"_s);
    release(u"cart"_s, ReleaseStage::Ga, u"2.1.0"_s);
    const ObjectId tip = fetch();
    QCOMPARE(gd::ws::lastRelease(m_cache, tip, u"orders"_s, u"uat"_s)->id, ga);
    QCOMPARE(gd::ws::lastRelease(m_cache, tip, u"orders"_s, u"uat"_s, ReleaseStage::Ga)->id, ga);
    QCOMPARE(gd::ws::lastRelease(m_cache, tip, u"orders"_s, u"uat"_s, ReleaseStage::Canary)->id, canary);
    QCOMPARE(gd::ws::lastRelease(m_cache, tip, u"orders"_s, u"prod"_s).error().code, Error::Code::NotFound);
}

void TestRelease::describeCommitReadsAHandEditWithoutTrailers()
{
    // `kustomize edit set image` rewrites the whole file: keys sorted, comments dropped, list re-indented.
    const QByteArray rewritten = "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                 "images:\n- name: cart\n  newName: registry.example.com/shop/cart\n  newTag: 2.0.1\n"
                                 "kind: Kustomization\nresources:\n- ../base\n";
    const ObjectId edit = m_remote->commit({{cartGa, rewritten}}, u"pipeline: set image"_s,
                                           u"Jenkins <ci@example.com>"_s);
    auto described = gd::ws::describeCommit(m_remote->repo(), edit);
    QVERIFY2(described.ok(), qPrintable(described.ok() ? QString() : errorText(described.error())));
    QCOMPARE(described->service, u"cart"_s);
    QCOMPARE(described->environment, u"uat"_s);
    QCOMPARE(described->stage, ReleaseStage::Ga);
    QCOMPARE(described->kind, ReleaseKind::Release);
    QCOMPARE(described->image, cartImage + u":2.0.1"_s);
    QCOMPARE(described->previousImage, cartImage + u":2.0.0"_s);

    // A commit outside every service environment is no release.
    const ObjectId readme = m_remote->commit({{u"README.md"_s, QByteArray("# shop\n")}}, u"Readme"_s);
    QCOMPARE(gd::ws::describeCommit(m_remote->repo(), readme).error().code, Error::Code::InvalidInput);
}

void TestRelease::previewShowsOneFileTheRenderedChangeAndValidation()
{
    const gd::manifest::KustomizeRunner runner;
    QVERIFY2(runner.command().ok(), "kustomize or kubectl is needed on PATH");
    const ObjectId tip = fetch();
    const gd::ws::ReleaseRequest request{u"orders"_s, u"uat"_s, ReleaseStage::Ga, u"1.5.0"_s, u"1.4.0"_s};
    auto review = gd::ws::previewEdit(m_cache, tip, u"shop"_s, u"orders"_s, u"uat"_s, gd::ws::releaseEdit(request),
                                      runner);
    QVERIFY2(review.ok(), qPrintable(review.ok() ? QString() : errorText(review.error())));
    QCOMPARE(review->base, tip);
    QCOMPARE(review->remoteTip, tip);
    QCOMPARE(review->files.size(), std::size_t(1));
    const gd::ws::ReviewedFile &file = review->files.front();
    QCOMPARE(file.path, ordersGa);
    QCOMPARE(file.base, std::optional<QByteArray>(m_remote->read(ordersGa)));
    QCOMPARE(file.theirs, file.base);
    QVERIFY(file.mine.has_value());
    QCOMPARE(newTagOf(*file.mine), u"1.5.0"_s);
    QVERIFY2(file.diff().contains(u"-    newTag: \"1.4.0\"\n+    newTag: \"1.5.0\""_s), qPrintable(file.diff()));
    QVERIFY(!file.conflicts());

    QVERIFY2(!review->validation.hasErrors(), qPrintable(QString::number(review->validation.errorCount())));
    QVERIFY2(review->renderProblem.isEmpty(), qPrintable(review->renderProblem));
    QCOMPARE(review->renderedChanges.size(), std::size_t(1));
    const gd::manifest::ResourceChange &change = review->renderedChanges.front();
    QCOMPARE(change.key.kind, u"Deployment"_s);
    QCOMPARE(change.key.name, u"orders"_s);
    QVERIFY2(change.diff.contains(ordersImage + u":1.5.0"_s), qPrintable(change.diff));
    QVERIFY(review->blockingReason().isEmpty());
    // Previewing changes nothing in the repositories.
    QCOMPARE(m_remote->tip(), tip);

    // A preview of a stale request is the same refusal the release would meet.
    const gd::ws::ReleaseRequest stale{u"orders"_s, u"uat"_s, ReleaseStage::Ga, u"1.5.0"_s, u"1.3.0"_s};
    auto refused = gd::ws::previewEdit(m_cache, tip, u"shop"_s, u"orders"_s, u"uat"_s, gd::ws::releaseEdit(stale),
                                       runner);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Precondition);
}

void TestRelease::raceWithAnotherServiceBothLand()
{
    const ObjectId seen = fetch();
    const gd::ws::PreparedRelease orders = prepared(gd::ws::prepareRelease(
        m_cache, seen, {u"orders"_s, u"uat"_s, ReleaseStage::Ga, u"1.5.0"_s, u"1.4.0"_s}, releaseManager()));

    // A second writer (with its own copy) releases cart between our fetch and our push.
    QTemporaryDir otherDir;
    auto otherCache = gd::git::Repository::initBare(otherDir.filePath(u"other.git"_s));
    QVERIFY(otherCache.ok());
    int calls = 0;
    ObjectId otherCommit;
    gd::ws::PreparedRelease racing = orders;
    racing.edit = [&](const gd::git::Snapshot &tip) -> Result<gd::git::FileChanges> {
        if (++calls == 1) {
            gd::git::PushPlan plan;
            plan.remoteUrl = m_remote->path();
            auto otherTip = gd::git::fetchBranch(*otherCache, m_remote->path(), u"main"_s, {});
            auto cart = gd::ws::prepareRelease(*otherCache, *otherTip,
                                               {u"cart"_s, u"uat"_s, ReleaseStage::Ga, u"2.1.0"_s, u"2.0.0"_s},
                                               {u"Pipeline"_s, u"ci@example.com"_s, {}});
            if (!cart.ok())
                return cart.error();
            plan.message = cart->message;
            plan.edit = cart->edit;
            auto landed = gd::git::runPushLoop(*otherCache, plan);
            if (!landed.ok())
                return landed.error();
            otherCommit = landed->commit;
        }
        return orders.edit(tip);
    };
    auto outcome = push(racing);
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : errorText(outcome.error())));
    QCOMPARE(outcome->attempts, 2);
    QCOMPARE(calls, 2);
    QCOMPARE(outcome->parent, otherCommit);
    QCOMPARE(tagAtTip(ordersGa), u"1.5.0"_s);
    QCOMPARE(tagAtTip(cartGa), u"2.1.0"_s);
    const QList<ObjectId> chain = m_remote->firstParentChain();
    QCOMPARE(chain.size(), 3);
    QCOMPARE(chain.at(0), outcome->commit);
    QCOMPARE(chain.at(1), otherCommit);
    QCOMPARE(chain.at(2), m_scaffold);
    for (const ObjectId &id : chain)
        QVERIFY(m_remote->repo().commitInfo(id)->parents.size() <= 1);
}

void TestRelease::raceOnTheSameServiceStopsWithThePrecondition()
{
    const ObjectId seen = fetch();
    const gd::ws::PreparedRelease mine = prepared(gd::ws::prepareRelease(
        m_cache, seen, {u"orders"_s, u"uat"_s, ReleaseStage::Ga, u"1.5.0"_s, u"1.4.0"_s}, releaseManager()));
    int calls = 0;
    gd::ws::PreparedRelease racing = mine;
    racing.edit = [&](const gd::git::Snapshot &tip) -> Result<gd::git::FileChanges> {
        if (++calls == 1) {
            QByteArray theirs = m_remote->read(ordersGa);
            theirs.replace("1.4.0", "1.6.0");
            m_remote->commit({{ordersGa, theirs}}, u"Release orders 1.6.0"_s, u"Zhang Min <zhang@example.com>"_s);
        }
        return mine.edit(tip);
    };
    auto outcome = push(racing);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, Error::Code::Precondition);
    QCOMPARE(calls, 2);   // refused on the second tip, after the first push was rejected
    const QString sentence = outcome.error().message;
    QVERIFY2(sentence.contains(u"Zhang Min"_s) && sentence.contains(u"from 1.4.0 to 1.6.0"_s), qPrintable(sentence));
    QCOMPARE(tagAtTip(ordersGa), u"1.6.0"_s);
    QCOMPARE(m_remote->repo().commitInfo(m_remote->tip())->summary, u"Release orders 1.6.0"_s);
}

void TestRelease::releaseOverGitDaemon()
{
    // The local workspace provider only knows folders, so the engine is driven over git:// directly here.
    const QFileInfo repoInfo(m_remote->path());
    gd::test::GitDaemon daemon(repoInfo.absolutePath());
    QVERIFY2(daemon.isRunning(), qPrintable(daemon.errorString()));
    const QString url = daemon.urlFor(repoInfo.fileName());

    auto tip = gd::git::fetchBranch(m_cache, url, u"main"_s, {});
    QVERIFY(tip.ok());
    QCOMPARE(*tip, m_scaffold);
    const gd::ws::PreparedRelease canary = prepared(gd::ws::prepareRelease(
        m_cache, *tip, {u"orders"_s, u"uat"_s, ReleaseStage::Canary, u"1.5.0"_s, u"1.4.0"_s}, releaseManager()));
    auto released = push(canary, url);
    QVERIFY2(released.ok(), qPrintable(released.ok() ? QString() : errorText(released.error())));
    QCOMPARE(m_remote->tip(), released->commit);
    QCOMPARE(tagAtTip(ordersCanary), u"1.5.0"_s);

    // A stale push over git:// is refused by the precondition, not lost or forced.
    const gd::ws::PreparedRelease stale = prepared(gd::ws::prepareRelease(
        m_cache, *tip, {u"orders"_s, u"uat"_s, ReleaseStage::Canary, u"1.6.0"_s, u"1.4.0"_s}, releaseManager()));
    auto refused = push(stale, url);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Precondition);

    auto promoted = push(prepared(gd::ws::preparePromote(m_cache, released->commit, u"orders"_s, u"uat"_s,
                                                         u"1.5.0"_s, u"1.4.0"_s, releaseManager())),
                         url);
    QVERIFY2(promoted.ok(), qPrintable(promoted.ok() ? QString() : errorText(promoted.error())));
    QCOMPARE(tagAtTip(ordersGa), u"1.5.0"_s);
    auto rolledBack = push(prepared(gd::ws::prepareRollback(m_cache, promoted->commit, promoted->commit,
                                                            releaseManager())),
                           url);
    QVERIFY2(rolledBack.ok(), qPrintable(rolledBack.ok() ? QString() : errorText(rolledBack.error())));
    QCOMPARE(tagAtTip(ordersGa), u"1.4.0"_s);
    QCOMPARE(m_remote->tip(), rolledBack->commit);
}

void TestRelease::runReleaseOperationWorksOnTheWorkspaceRepo()
{
    // A workspace of one local project whose deployment repo holds orders and cart.
    QTemporaryDir dir;
    auto remote = gd::git::Repository::initBare(dir.filePath(u"repos/argocd-gitops-shop.git"_s));
    QVERIFY(remote.ok());
    gd::git::FileChanges files;
    m_orders.addTo(files);
    m_cart.addTo(files);
    QVERIFY(remote->createCommit({}, files, {u"Add orders and cart"_s, releaseManager(), {}}, u"refs/heads/main"_s)
                .ok());
    gd::ws::WorkspaceConfig config;
    config.name = u"Test"_s;
    config.localPath = dir.filePath(u"repos"_s);
    gd::ws::LocalRepoProvider provider(config);
    gd::git::RepoCache cache(dir.filePath(u"cache"_s));
    const auto tagAt = [&](const QString &path) {
        return newTagOf(remote->readFile(*remote->resolve(u"refs/heads/main"_s), path).valueOr(QByteArray()));
    };

    gd::ws::ReleaseOperation operation;
    operation.project = u"shop"_s;
    operation.request = {u"orders"_s, u"uat"_s, ReleaseStage::Canary, u"1.5.0"_s, u"1.4.0"_s};
    QStringList statuses;
    auto released = gd::ws::runReleaseOperation(config, cache, provider, operation, releaseManager(), nullptr,
                                                [&](int, const QString &status) { statuses.append(status); });
    QVERIFY2(released.ok(), qPrintable(released.ok() ? QString() : errorText(released.error())));
    QVERIFY(!statuses.isEmpty());
    QCOMPARE(tagAt(ordersCanary), u"1.5.0"_s);

    // The same request again: the tag it expected is gone.
    auto stale = gd::ws::runReleaseOperation(config, cache, provider, operation, releaseManager());
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, Error::Code::Precondition);

    gd::ws::ReleaseOperation abort;
    abort.kind = ReleaseKind::Abort;
    abort.project = u"shop"_s;
    abort.request.service = u"orders"_s;
    abort.request.env = u"uat"_s;
    abort.canaryTag = u"1.5.0"_s;
    auto aborted = gd::ws::runReleaseOperation(config, cache, provider, abort, releaseManager());
    QVERIFY2(aborted.ok(), qPrintable(aborted.ok() ? QString() : errorText(aborted.error())));
    QCOMPARE(aborted->parent, released->commit);
    QCOMPARE(tagAt(ordersCanary), u"1.4.0"_s);

    // A rollback of the newest release (the aborted canary) has nothing left to undo.
    gd::ws::ReleaseOperation rollback = abort;
    rollback.kind = ReleaseKind::Rollback;
    auto undone = gd::ws::runReleaseOperation(config, cache, provider, rollback, releaseManager());
    QVERIFY(!undone.ok());
    QCOMPARE(undone.error().code, Error::Code::InvalidInput);
}

QTEST_GUILESS_MAIN(TestRelease)
#include "tst_release.moc"
