// SPDX-License-Identifier: GPL-3.0-or-later
// The manifest editing engine against real repositories: a working clone of a bare deployment repo, the review of
// its changes (three versions, validation, rendered diff by resource) and the commit through the push loop.
#include "git/identity.h"
#include "git/workingclone.h"
#include "manifest/kustomizerunner.h"
#include "support/scratchrepo.h"
#include "support/serviceenvfiles.h"
#include "workspace/overlayedit.h"
#include "workspace/workspaceconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::test::ScratchRepo;
using gd::test::ServiceEnvFiles;

class TestOverlayEdit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void reviewShowsFileAndRenderedChanges();
    void unchangedWorkingCopyHasNothingToCommit();
    void invalidContentIsRefused();
    void remoteChangeToTheSameFileIsAThreeWayRefusal();
    void remoteChangeElsewhereIsKeptAndTheEditLands();
    void remoteChangeAfterTheReviewStopsTheCommit();
    void draftChecksSeeTheTypedTextNotTheSavedOne();

private:
    gd::git::WorkingClone cloneOf(ScratchRepo &remote);
    gd::ws::OverlayReview review(gd::git::WorkingClone &clone);
    gd::git::PushPlan planFor(ScratchRepo &remote, gd::git::WorkingClone &clone, const QString &message);
    void write(gd::git::WorkingClone &clone, const QString &path, const QByteArray &content);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ScratchRepo> m_remote;   ///< the deployment repo, with orders in uat
    const ServiceEnvFiles m_orders{u"orders"_s, u"uat"_s, u"registry.example.com/shop/orders"_s, u"1.4.0"_s, {}};
    const QString m_ga = u"appsmanifests/orders/uat/manifests/ga/kustomization.yaml"_s;
};

void TestOverlayEdit::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_remote = std::make_unique<ScratchRepo>();
    gd::git::FileChanges files;
    m_orders.addTo(files);
    QVERIFY(!m_remote->commit(files.files, u"Add orders"_s).isNull());
}

gd::git::WorkingClone TestOverlayEdit::cloneOf(ScratchRepo &remote)
{
    auto clone = gd::git::WorkingClone::openOrClone(m_dir->filePath(u"work"_s), remote.path(), remote.branch(),
                                                    gd::git::RemoteAuth{});
    if (!clone.ok())
        qFatal("clone failed: %s", qPrintable(clone.error().fullText()));
    return std::move(*clone);
}

gd::ws::OverlayReview TestOverlayEdit::review(gd::git::WorkingClone &clone)
{
    auto prepared = gd::ws::prepareOverlayReview(clone, u"shop"_s, u"orders"_s, u"uat"_s,
                                                 gd::manifest::KustomizeRunner(), gd::git::RemoteAuth{});
    if (!prepared.ok())
        qFatal("review failed: %s", qPrintable(prepared.error().fullText()));
    return std::move(*prepared);
}

gd::git::PushPlan TestOverlayEdit::planFor(ScratchRepo &remote, gd::git::WorkingClone &clone, const QString &message)
{
    gd::git::PushPlan plan;
    plan.remoteUrl = remote.path();
    plan.branch = remote.branch();
    plan.message = gd::git::CommitMessage{message, gd::git::Signature{u"Release Manager"_s, u"rm@example.com"_s, {}}, {}};
    Q_UNUSED(clone);
    return plan;
}

void TestOverlayEdit::write(gd::git::WorkingClone &clone, const QString &path, const QByteArray &content)
{
    QVERIFY(clone.writeWorkingFile(path, content).ok());
}

void TestOverlayEdit::reviewShowsFileAndRenderedChanges()
{
    ScratchRepo &remote = *m_remote;
    auto clone = cloneOf(remote);

    QByteArray ga = clone.readWorkingFile(m_ga).value();
    ga.replace("1.4.0", "1.5.0");
    write(clone, m_ga, ga);

    const gd::ws::OverlayReview r = review(clone);
    QCOMPARE(r.files.size(), std::size_t(1));
    QCOMPARE(r.files.front().path, m_ga);
    QVERIFY(r.files.front().diff().contains(u"+    newTag: \"1.5.0\""_s) || r.files.front().diff().contains(u"+"_s + u"1.5.0"_s));
    QVERIFY(r.blockingReason().isEmpty());
    QVERIFY2(r.renderProblem.isEmpty(), qPrintable(r.renderProblem));
    QCOMPARE(r.renderedChanges.size(), std::size_t(1));
    const gd::manifest::ResourceChange &change = r.renderedChanges.front();
    QCOMPARE(change.key.kind, u"Deployment"_s);
    QCOMPARE(change.key.name, u"orders"_s);
    QVERIFY(change.summary.join(u' ').contains(u"1.5.0"_s));

    auto landed = gd::ws::commitOverlayReview(r, remote.repo(), clone, planFor(remote, clone, u"Bump orders"_s));
    QVERIFY2(landed.ok(), qPrintable(landed.ok() ? QString() : landed.error().fullText()));
    QCOMPARE(remote.tip(), landed->commit);
    QVERIFY(remote.read(m_ga).contains("1.5.0"));
    QCOMPARE(remote.repo().commitInfo(remote.tip())->summary, u"Bump orders"_s);
    // The working copy follows the commit: nothing left to review.
    QCOMPARE(clone.head(), landed->commit);
    QVERIFY(clone.changes(u"appsmanifests"_s)->empty());
}

void TestOverlayEdit::unchangedWorkingCopyHasNothingToCommit()
{
    ScratchRepo &remote = *m_remote;
    auto clone = cloneOf(remote);
    const gd::ws::OverlayReview r = review(clone);
    QVERIFY(r.files.empty());
    QVERIFY(!r.blockingReason().isEmpty());
    const gd::git::ObjectId before = remote.tip();
    QVERIFY(!gd::ws::commitOverlayReview(r, remote.repo(), clone, planFor(remote, clone, u"nothing"_s)).ok());
    QCOMPARE(remote.tip(), before);
}

void TestOverlayEdit::invalidContentIsRefused()
{
    ScratchRepo &remote = *m_remote;
    auto clone = cloneOf(remote);
    QByteArray ga = clone.readWorkingFile(m_ga).value();
    ga.append("images: [unclosed\n");
    write(clone, m_ga, ga);

    const gd::ws::OverlayReview r = review(clone);
    QVERIFY(r.validation.hasErrors());
    QVERIFY(r.blockingReason().contains(u"error"_s));
    const gd::git::ObjectId before = remote.tip();
    auto refused = gd::ws::commitOverlayReview(r, remote.repo(), clone, planFor(remote, clone, u"broken"_s));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, gd::Error::Code::InvalidInput);
    QCOMPARE(remote.tip(), before);
}

void TestOverlayEdit::remoteChangeToTheSameFileIsAThreeWayRefusal()
{
    ScratchRepo &remote = *m_remote;
    auto clone = cloneOf(remote);
    const QByteArray base = clone.readWorkingFile(m_ga).value();
    QByteArray mine = base;
    mine.replace("1.4.0", "1.5.0");
    write(clone, m_ga, mine);
    QByteArray theirs = base;
    theirs.replace("1.4.0", "1.4.1");
    const gd::git::ObjectId theirCommit = remote.commit({{m_ga, theirs}}, u"Hotfix from the pipeline"_s);

    const gd::ws::OverlayReview r = review(clone);
    QCOMPARE(r.conflicts().size(), std::size_t(1));
    const gd::ws::ReviewedFile &file = *r.conflicts().front();
    QCOMPARE(file.base.value(), base);
    QCOMPARE(file.theirs.value(), theirs);
    QCOMPARE(file.mine.value(), mine);
    QVERIFY(r.blockingReason().contains(m_ga));
    auto refused = gd::ws::commitOverlayReview(r, remote.repo(), clone, planFor(remote, clone, u"overwrite"_s));
    QVERIFY(!refused.ok());
    QCOMPARE(remote.tip(), theirCommit);
    QVERIFY(remote.read(m_ga).contains("1.4.1"));
    // The user's text is untouched in the working copy.
    QCOMPARE(clone.readWorkingFile(m_ga).value(), mine);
}

void TestOverlayEdit::remoteChangeElsewhereIsKeptAndTheEditLands()
{
    ScratchRepo &remote = *m_remote;
    gd::git::FileChanges files;
    ServiceEnvFiles{u"cart"_s, u"uat"_s, u"registry.example.com/shop/cart"_s, u"2.0.0"_s, {}}.addTo(files);
    remote.commit(files.files, u"Add cart"_s);
    auto clone = cloneOf(remote);
    QByteArray mine = clone.readWorkingFile(m_ga).value();
    mine.replace("1.4.0", "1.5.0");
    write(clone, m_ga, mine);
    const QString cartGa = u"appsmanifests/cart/uat/manifests/ga/kustomization.yaml"_s;
    QByteArray cart = remote.read(cartGa);
    cart.replace("2.0.0", "2.0.1");
    remote.commit({{cartGa, cart}}, u"Release cart 2.0.1"_s);

    const gd::ws::OverlayReview r = review(clone);
    QVERIFY(r.conflicts().empty());
    QCOMPARE(r.base, remote.tip());   // the working copy moved to the tip
    QVERIFY(r.blockingReason().isEmpty());
    auto landed = gd::ws::commitOverlayReview(r, remote.repo(), clone, planFor(remote, clone, u"Bump orders"_s));
    QVERIFY(landed.ok());
    QVERIFY(remote.read(m_ga).contains("1.5.0"));
    QVERIFY(remote.read(cartGa).contains("2.0.1"));
    QCOMPARE(remote.firstParentChain().size(), 4);   // orders, cart, the cart release, the orders edit
}

void TestOverlayEdit::remoteChangeAfterTheReviewStopsTheCommit()
{
    ScratchRepo &remote = *m_remote;
    auto clone = cloneOf(remote);
    QByteArray mine = clone.readWorkingFile(m_ga).value();
    mine.replace("1.4.0", "1.5.0");
    write(clone, m_ga, mine);
    const gd::ws::OverlayReview r = review(clone);
    QVERIFY(r.blockingReason().isEmpty());

    // Someone releases the same file between the review and the click on Commit.
    QByteArray theirs = remote.read(m_ga);
    theirs.replace("1.4.0", "1.4.2");
    const gd::git::ObjectId theirCommit = remote.commit({{m_ga, theirs}}, u"Release 1.4.2"_s);
    auto stopped = gd::ws::commitOverlayReview(r, remote.repo(), clone, planFor(remote, clone, u"Bump"_s));
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.error().code, gd::Error::Code::Precondition);
    QCOMPARE(remote.tip(), theirCommit);
}

void TestOverlayEdit::draftChecksSeeTheTypedTextNotTheSavedOne()
{
    ScratchRepo &remote = *m_remote;
    auto clone = cloneOf(remote);
    const QString folder = clone.filePath(u"appsmanifests/orders/uat"_s);
    const QString file = u"manifests/ga/kustomization.yaml"_s;
    const QByteArray saved = clone.readWorkingFile(m_ga).value();

    QVERIFY(!gd::manifest::hasErrors(gd::ws::checkDraft(folder, file, saved)));
    QByteArray typed = saved;
    typed.replace("resources:", "resources:\n  - missing-file.yaml");
    const gd::manifest::Diagnostics found = gd::ws::checkDraft(folder, file, typed);
    QVERIFY(gd::manifest::hasErrors(found));
    bool namesTheFile = false;
    for (const auto &d : found)
        namesTheFile = namesTheFile || d.message.contains(u"missing-file.yaml"_s);
    QVERIFY(namesTheFile);

    // The Application at the folder's root is checked as one.
    const QByteArray application = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: shop-orders-uat\n"
                                   "spec:\n  source:\n    repoURL: https://git.example.com/shop.git\n";
    bool missingPath = false;
    for (const auto &d : gd::ws::checkDraft(folder, u"application.yaml"_s, application))
        missingPath = missingPath || (d.isError() && d.message.contains(u"path"_s));
    QVERIFY(missingPath);

    const gd::ws::ValidationReport good = gd::ws::validateDraft(folder, file, QByteArray(saved).replace("1.4.0", "1.6.0"),
                                                                gd::manifest::KustomizeRunner());
    QVERIFY(!good.hasErrors());
    QVERIFY(good.rendered.contains("registry.example.com/shop/orders:1.6.0"));
    const gd::ws::ValidationReport bad = gd::ws::validateDraft(folder, file, typed, gd::manifest::KustomizeRunner());
    QVERIFY(bad.hasErrors());
    // The working copy itself was not touched by either check.
    QVERIFY(clone.readWorkingFile(m_ga).value().contains("1.4.0"));
}

QTEST_GUILESS_MAIN(TestOverlayEdit)
#include "tst_overlayedit.moc"
