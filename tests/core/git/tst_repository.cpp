// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/repository.h"
#include "support/scratchrepo.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using gd::git::FileChanges;
using gd::git::ObjectId;
using gd::test::ScratchRepo;

namespace {

const QString kKustomization = u"appsmanifests/orders/uat/manifests/ga/kustomization.yaml"_s;

QByteArray gaKustomization(const QByteArray &tag)
{
    return "apiVersion: kustomize.config.k8s.io/v1beta1\n"
           "kind: Kustomization\n"
           "resources:\n"
           "  - ../base\n"
           "images:\n"
           "  - name: registry.example.com/orders   # the workload\n"
           "    newTag: \""
           + tag + "\"\n";
}

gd::git::CommitMessage message(const QString &text)
{
    return {text, ScratchRepo::signature(u"Rel Manager <rm@example.com>"_s), {}};
}

} // namespace

class TestRepository : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void commitAddsChangesAndRemovesNestedFiles();
    void noOpChangeIsRefused();
    void invalidPathsAreRefused_data();
    void invalidPathsAreRefused();
    void updateRefOnlyWhenItStillPointsAtParent();
    void listAndExtractDirectory();
    void readDirectoryGivesEveryFileFolderFilesFirst();
    void resolveAndNotFound();
    void commitInfoKeepsSignaturesAndTimeZone();
    void revertOfTagBumpApplies();
    void revertConflictNamesThePath();
};

void TestRepository::commitAddsChangesAndRemovesNestedFiles()
{
    ScratchRepo scratch;
    QVERIFY(scratch.isValid());
    const ObjectId first = scratch.commit({{u"README.md"_s, "# orders\n"_ba},
                                           {kKustomization, gaKustomization("1.0.0")},
                                           {u"appsmanifests/orders/uat/manifests/base/deployment.yaml"_s, "kind: Deployment\n"_ba}},
                                          u"Scaffold orders/uat"_s);
    QVERIFY(!first.isNull());
    QCOMPARE(scratch.read(kKustomization), gaKustomization("1.0.0"));

    FileChanges changes;
    changes.write(kKustomization, gaKustomization("1.1.0"));
    changes.write(u"appsmanifests/orders/prod/manifests/ga/kustomization.yaml"_s, gaKustomization("0.9.0"));
    changes.remove(u"appsmanifests/orders/uat/manifests/base/deployment.yaml"_s);
    auto second = scratch.repo().createCommit(first, changes, message(u"Release orders 1.1.0"_s),
                                              u"refs/heads/main"_s);
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().fullText()));
    QCOMPARE(scratch.tip(), *second);

    QCOMPARE(scratch.read(kKustomization), gaKustomization("1.1.0"));
    QCOMPARE(scratch.read(u"appsmanifests/orders/prod/manifests/ga/kustomization.yaml"_s), gaKustomization("0.9.0"));
    QCOMPARE(scratch.read(u"README.md"_s), "# orders\n"_ba);
    // The removed file is gone, and so is its folder that became empty.
    auto removed = scratch.repo().readFile(*second, u"appsmanifests/orders/uat/manifests/base/deployment.yaml"_s);
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().code, gd::Error::Code::NotFound);
    auto base = scratch.repo().listDirectory(*second, u"appsmanifests/orders/uat/manifests/base"_s);
    QVERIFY(!base.ok());
    // The parent still has the old content: nothing was rewritten.
    QCOMPARE(scratch.read(kKustomization, first), gaKustomization("1.0.0"));
    auto info = scratch.repo().commitInfo(*second);
    QVERIFY(info.ok());
    QCOMPARE(info->parents, QList<ObjectId>{first});

    // Removing a file that does not exist together with a real change: only the real change lands.
    FileChanges third;
    third.remove(u"no/such/file.yaml"_s);
    third.write(u"README.md"_s, "# orders service\n"_ba);
    auto thirdCommit = scratch.repo().createCommit(*second, third, message(u"Docs"_s));
    QVERIFY(thirdCommit.ok());
    QCOMPARE(scratch.read(u"README.md"_s, *thirdCommit), "# orders service\n"_ba);
}

void TestRepository::noOpChangeIsRefused()
{
    ScratchRepo scratch;
    const ObjectId first = scratch.commit({{kKustomization, gaKustomization("1.0.0")}}, u"Init"_s);
    QVERIFY(!first.isNull());

    FileChanges same;
    same.write(kKustomization, gaKustomization("1.0.0"));
    auto sameCommit = scratch.repo().createCommit(first, same, message(u"Nothing"_s), u"refs/heads/main"_s);
    QVERIFY(!sameCommit.ok());
    QCOMPARE(sameCommit.error().code, gd::Error::Code::InvalidInput);
    QCOMPARE(scratch.tip(), first);

    FileChanges removeMissing;
    removeMissing.remove(u"not/there.yaml"_s);
    auto missing = scratch.repo().createCommit(first, removeMissing, message(u"Nothing either"_s));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, gd::Error::Code::InvalidInput);

    auto empty = scratch.repo().createCommit(first, FileChanges{}, message(u"Empty"_s));
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code, gd::Error::Code::InvalidInput);
}

void TestRepository::invalidPathsAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("absolute") << u"/etc/passwd"_s;
    QTest::newRow("dot dot") << u"appsmanifests/../../x"_s;
    QTest::newRow("empty component") << u"a//b"_s;
    QTest::newRow("git folder") << u".git/config"_s;
    QTest::newRow("trailing slash") << u"a/b/"_s;
    QTest::newRow("empty") << QString();
}

void TestRepository::invalidPathsAreRefused()
{
    QFETCH(QString, path);
    ScratchRepo scratch;
    const ObjectId first = scratch.commit({{u"README.md"_s, "x\n"_ba}}, u"Init"_s);
    FileChanges changes;
    changes.write(path, "evil\n"_ba);
    auto made = scratch.repo().createCommit(first, changes, message(u"Bad path"_s));
    QVERIFY(!made.ok());
    QCOMPARE(made.error().code, gd::Error::Code::InvalidInput);
    QVERIFY(made.error().message.contains(path.isEmpty() ? u"\"\""_s : path));
}

void TestRepository::updateRefOnlyWhenItStillPointsAtParent()
{
    ScratchRepo scratch;
    const ObjectId first = scratch.commit({{u"a.txt"_s, "1\n"_ba}}, u"One"_s);
    const ObjectId second = scratch.commit({{u"a.txt"_s, "2\n"_ba}}, u"Two"_s);
    QVERIFY(!second.isNull());

    // Built on `first` while the branch already moved to `second`: the commit exists, the branch stays.
    FileChanges changes;
    changes.write(u"b.txt"_s, "b\n"_ba);
    auto stale = scratch.repo().createCommit(first, changes, message(u"Stale"_s), u"refs/heads/main"_s);
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, gd::Error::Code::Rejected);
    QCOMPARE(scratch.tip(), second);

    // A root commit may only create the reference, never replace it.
    auto root = scratch.repo().createCommit({}, changes, message(u"Root"_s), u"refs/heads/main"_s);
    QVERIFY(!root.ok());
    QCOMPARE(root.error().code, gd::Error::Code::Rejected);
    auto fresh = scratch.repo().createCommit({}, changes, message(u"Root"_s), u"refs/heads/other"_s);
    QVERIFY(fresh.ok());
    QCOMPARE(*scratch.repo().resolve(u"refs/heads/other"_s), *fresh);
    QVERIFY(scratch.repo().commitInfo(*fresh)->parents.isEmpty());
}

void TestRepository::listAndExtractDirectory()
{
    ScratchRepo scratch;
    const ObjectId tip = scratch.commit({{u"svc/uat/manifests/kustomization.yaml"_s, "resources: [ga]\n"_ba},
                                         {u"svc/uat/manifests/ga/kustomization.yaml"_s, gaKustomization("2")},
                                         {u"svc/uat/manifests/ga-extra.yaml"_s, "x: 1\n"_ba},
                                         {u"svc/uat/application.yaml"_s, "kind: Application\n"_ba},
                                         {u"svc/prod/application.yaml"_s, "kind: Application\n"_ba}},
                                        u"Init"_s);
    auto listing = scratch.repo().listDirectory(tip, u"svc/uat/manifests"_s);
    QVERIFY(listing.ok());
    QCOMPARE(listing->size(), size_t(3));
    // Plain name order ("ga" before "ga-extra.yaml"), folders flagged.
    QCOMPARE(listing->at(0).name, u"ga"_s);
    QVERIFY(listing->at(0).isDirectory);
    QCOMPARE(listing->at(1).name, u"ga-extra.yaml"_s);
    QVERIFY(!listing->at(1).isDirectory);
    QCOMPARE(listing->at(2).name, u"kustomization.yaml"_s);
    QCOMPARE(listing->at(0).id, *scratch.repo().entryId(tip, u"svc/uat/manifests/ga"_s));

    auto root = scratch.repo().listDirectory(tip, QString());
    QVERIFY(root.ok());
    QCOMPARE(root->size(), size_t(1));
    QCOMPARE(root->front().name, u"svc"_s);

    auto missing = scratch.repo().listDirectory(tip, u"svc/staging"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, gd::Error::Code::NotFound);
    auto fileNotDir = scratch.repo().listDirectory(tip, u"svc/uat/application.yaml"_s);
    QVERIFY(!fileNotDir.ok());

    QTemporaryDir target;
    const QString out = target.filePath(u"uat"_s);
    auto extracted = scratch.repo().extractDirectory(tip, u"svc/uat"_s, out);
    QVERIFY2(extracted.ok(), qPrintable(extracted.ok() ? QString() : extracted.error().fullText()));
    QFile ga(out + u"/manifests/ga/kustomization.yaml"_s);
    QVERIFY(ga.open(QIODevice::ReadOnly));
    QCOMPARE(ga.readAll(), gaKustomization("2"));
    QVERIFY(QFile::exists(out + u"/application.yaml"_s));
    QVERIFY(QFile::exists(out + u"/manifests/kustomization.yaml"_s));
    QVERIFY(!QFile::exists(target.filePath(u"prod"_s)));
    QVERIFY(!QDir(out).exists(u"prod"_s));
}

void TestRepository::readDirectoryGivesEveryFileFolderFilesFirst()
{
    ScratchRepo scratch;
    const ObjectId tip = scratch.commit({{u"svc/uat/manifests/kustomization.yaml"_s, "resources: [ga]\n"_ba},
                                         {u"svc/uat/manifests/ga/kustomization.yaml"_s, gaKustomization("2")},
                                         {u"svc/uat/manifests/base/deployment.yaml"_s, "kind: Deployment\n"_ba},
                                         {u"svc/uat/application.yaml"_s, "kind: Application\n"_ba},
                                         {u"svc/prod/application.yaml"_s, "kind: Application\n"_ba}},
                                        u"Init"_s);
    auto files = scratch.repo().readDirectory(tip, u"svc/uat"_s);
    QVERIFY(files.ok());
    QStringList paths;
    for (const auto &[path, content] : *files)
        paths.append(path);
    // A folder's own files first, then each subfolder depth first, each by name.
    QCOMPARE(paths, (QStringList{u"application.yaml"_s, u"manifests/kustomization.yaml"_s,
                                 u"manifests/base/deployment.yaml"_s, u"manifests/ga/kustomization.yaml"_s}));
    QCOMPARE(files->back().second, gaKustomization("2"));
    QCOMPARE(scratch.repo().readDirectory(tip, QString())->size(), std::size_t(5));
    QCOMPARE(scratch.repo().readDirectory(tip, u"svc/staging"_s).error().code, gd::Error::Code::NotFound);
    const std::atomic_bool cancelled{true};
    QCOMPARE(scratch.repo().readDirectory(tip, u"svc"_s, &cancelled).error().code, gd::Error::Code::Cancelled);
}

void TestRepository::resolveAndNotFound()
{
    ScratchRepo scratch;
    auto empty = scratch.repo().resolve(u"refs/heads/main"_s);
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code, gd::Error::Code::NotFound);

    const ObjectId tip = scratch.commit({{u"a"_s, "a"_ba}}, u"A"_s);
    QCOMPARE(*scratch.repo().resolve(u"refs/heads/main"_s), tip);
    QCOMPARE(*scratch.repo().resolve(tip.toHex()), tip);
    QCOMPARE(*scratch.repo().resolve(u"main"_s), tip);
    auto noFile = scratch.repo().readFile(tip, u"b"_s);
    QCOMPARE(noFile.error().code, gd::Error::Code::NotFound);

    auto reopened = gd::git::Repository::open(scratch.path());
    QVERIFY(reopened.ok());
    QCOMPARE(QDir(reopened->path()).canonicalPath(), QDir(scratch.path()).canonicalPath());
    QTemporaryDir nothing;
    auto notRepo = gd::git::Repository::open(nothing.path());
    QVERIFY(!notRepo.ok());
    QCOMPARE(notRepo.error().code, gd::Error::Code::NotFound);
}

void TestRepository::commitInfoKeepsSignaturesAndTimeZone()
{
    ScratchRepo scratch;
    const QDateTime authored(QDate(2024, 3, 5), QTime(9, 30, 15), QTimeZone(8 * 3600));
    const QDateTime committed(QDate(2024, 3, 5), QTime(2, 45, 0), QTimeZone(-5 * 3600));
    gd::git::CommitMessage msg;
    msg.text = u"Release orders 1.2.0\n\nRelease-Service: orders\nRelease-Environment: uat\n"_s;
    msg.author = {u"张伟"_s, u"zhang.wei@example.com"_s, authored};
    msg.committer = {u"Release Bot"_s, u"bot@example.com"_s, committed};
    FileChanges changes;
    changes.write(kKustomization, gaKustomization("1.2.0"));
    auto made = scratch.repo().createCommit({}, changes, msg, u"refs/heads/main"_s);
    QVERIFY(made.ok());

    auto info = scratch.repo().commitInfo(*made);
    QVERIFY(info.ok());
    QCOMPARE(info->id, *made);
    QVERIFY(info->parents.isEmpty());
    QCOMPARE(info->summary, u"Release orders 1.2.0"_s);
    QCOMPARE(info->message, msg.text);
    QCOMPARE(info->author.name, u"张伟"_s);
    QCOMPARE(info->author.email, u"zhang.wei@example.com"_s);
    QCOMPARE(info->author.when, authored);
    QCOMPARE(info->author.when.offsetFromUtc(), 8 * 3600);
    QCOMPARE(info->committer.name, u"Release Bot"_s);
    QCOMPARE(info->committer.when, committed);
    QCOMPARE(info->committer.when.offsetFromUtc(), -5 * 3600);

    // No committer given: the author commits.
    FileChanges more;
    more.write(u"README.md"_s, "hi\n"_ba);
    auto second = scratch.repo().createCommit(*made, more, message(u"Docs"_s));
    QVERIFY(second.ok());
    auto secondInfo = scratch.repo().commitInfo(*second);
    QCOMPARE(secondInfo->committer.name, u"Rel Manager"_s);
    QVERIFY(qAbs(secondInfo->author.when.secsTo(QDateTime::currentDateTimeUtc())) < 120);
}

void TestRepository::revertOfTagBumpApplies()
{
    ScratchRepo scratch;
    const QString prod = u"appsmanifests/orders/prod/manifests/ga/kustomization.yaml"_s;
    scratch.commit({{kKustomization, gaKustomization("1.0.0")}, {prod, gaKustomization("1.0.0")}}, u"Init"_s);
    const ObjectId bump = scratch.commit({{kKustomization, gaKustomization("1.1.0")}}, u"Release orders 1.1.0"_s);
    // An unrelated later change in another file does not get in the way.
    const ObjectId later = scratch.commit({{prod, gaKustomization("1.0.1")}}, u"Release orders prod 1.0.1"_s);

    auto changes = scratch.repo().revertChanges(bump, later);
    QVERIFY2(changes.ok(), qPrintable(changes.ok() ? QString() : changes.error().fullText()));
    QCOMPARE(changes->files.size(), 1);
    QVERIFY(changes->files.contains(kKustomization));
    QCOMPARE(*changes->files.value(kKustomization), gaKustomization("1.0.0"));

    // Applied as a commit, the uat tag is back and prod keeps its later release.
    auto reverted = scratch.repo().createCommit(later, *changes, message(u"Revert \"Release orders 1.1.0\""_s));
    QVERIFY(reverted.ok());
    QCOMPARE(*scratch.repo().readFile(*reverted, kKustomization), gaKustomization("1.0.0"));
    QCOMPARE(*scratch.repo().readFile(*reverted, prod), gaKustomization("1.0.1"));

    // A revert of a commit that added a file removes it.
    const ObjectId added = scratch.commit({{u"appsmanifests/orders/uat/extra.yaml"_s, "x: 1\n"_ba}}, u"Add"_s);
    auto removal = scratch.repo().revertChanges(added, added);
    QVERIFY(removal.ok());
    QCOMPARE(removal->files.size(), 1);
    QVERIFY(!removal->files.value(u"appsmanifests/orders/uat/extra.yaml"_s).has_value());
}

void TestRepository::revertConflictNamesThePath()
{
    ScratchRepo scratch;
    scratch.commit({{kKustomization, gaKustomization("1.0.0")}}, u"Init"_s);
    const ObjectId bump = scratch.commit({{kKustomization, gaKustomization("1.1.0")}}, u"Release 1.1.0"_s);
    const ObjectId next = scratch.commit({{kKustomization, gaKustomization("1.2.0")}}, u"Release 1.2.0"_s);

    auto changes = scratch.repo().revertChanges(bump, next);
    QVERIFY(!changes.ok());
    QCOMPARE(changes.error().code, gd::Error::Code::Conflict);
    QVERIFY2(changes.error().detail.contains(kKustomization), qPrintable(changes.error().detail));
    QVERIFY(changes.error().message.contains(bump.shortHex()));
}

QTEST_GUILESS_MAIN(TestRepository)
#include "tst_repository.moc"
