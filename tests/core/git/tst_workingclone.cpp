// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/workingclone.h"
#include "support/gitdaemon.h"
#include "support/scratchrepo.h"
#include "workspace/appdirs.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::Literals::StringLiterals;
using gd::Error;
using gd::git::ObjectId;
using gd::git::WorkingChange;
using gd::git::WorkingClone;
using gd::test::ScratchRepo;

namespace {

using Files = QMap<QString, std::optional<QByteArray>>;

const QString kUatTag = u"appsmanifests/orders/uat/manifests/ga/kustomization.yaml"_s;
const QString kProdTag = u"appsmanifests/orders/prod/manifests/ga/kustomization.yaml"_s;
const QString kBase = u"appsmanifests/orders/base/deployment.yaml"_s;
const QString kReadme = u"README.md"_s;

QByteArray kustomization(const QByteArray &tag)
{
    return "apiVersion: kustomize.config.k8s.io/v1beta1\n"
           "kind: Kustomization\n"
           "resources:\n"
           "  - ../../../base\n"
           "images:\n"
           "  - name: registry.example.com/orders\n"
           "    newTag: \""
           + tag + "\"\n";
}

Files initialFiles()
{
    return {{kReadme, "# deployments\n"_ba},
            {kUatTag, kustomization("1.0.0")},
            {kProdTag, kustomization("0.9.0")},
            {kBase, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\n"_ba}};
}

/// Every file below `dir` except .git, with its bytes.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = QDir(dir).relativeFilePath(it.next());
        if (path.startsWith(u".git/"_s))
            continue;
        QFile file(it.filePath());
        if (file.open(QIODevice::ReadOnly))
            out.insert(path, file.readAll());
    }
    return out;
}

/// `git status --porcelain -uall` of the folder, one "XY path" a line, sorted.
QStringList gitStatus(const QString &dir)
{
    const std::optional<QByteArray> out = gd::test::runGit({u"status"_s, u"--porcelain"_s, u"-uall"_s}, dir);
    if (!out)
        return {u"<git status failed>"_s};
    QStringList lines = QString::fromUtf8(*out).split(u'\n', Qt::SkipEmptyParts);
    lines.sort();
    return lines;
}

/// What `git status --porcelain -uall` should print for these changes (none staged).
QStringList expectedStatus(const std::vector<WorkingChange> &changes)
{
    QStringList lines;
    for (const WorkingChange &change : changes) {
        const QString code = !change.base ? u"??"_s : !change.work ? u" D"_s : u" M"_s;
        lines.append(code + u' ' + change.path);
    }
    lines.sort();
    return lines;
}

QString gitHead(const QString &dir)
{
    const std::optional<QByteArray> out = gd::test::runGit({u"rev-parse"_s, u"HEAD"_s}, dir);
    return out ? QString::fromLatin1(out->trimmed()) : QString();
}

QStringList changedPaths(const std::vector<WorkingChange> &changes)
{
    QStringList paths;
    for (const WorkingChange &change : changes)
        paths.append(change.path);
    return paths;
}

QString errorText(const Error &error)
{
    return error.fullText();
}

} // namespace

#define VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : errorText((result).error())))

class TestWorkingClone : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cloneChecksOutTheBranch();
    void changesReportEditsLikeGitStatus();
    void changesBelowFolder_data();
    void changesBelowFolder();
    void updateKeepsLocalEditsAndBringsRemoteFiles();
    void updateReplacesFileByFolderAndBack();
    void updateRefusesConflicts_data();
    void updateRefusesConflicts();
    void updateAcceptsLocalContentEqualToRemote();
    void discardRestoresHeadContent();
    void reopenKeepsDraftsAndHead();
    void folderOfAnotherCloneIsRefused();
    void folderWithOtherFilesIsRefused();
    void emptyRemoteGivesNullHeadUntilFirstCommit();
    void failedOrCancelledCloneLeavesFolderEmpty();
    void cloneAndUpdateOverGitDaemon();
    void invalidPathsAreRefused_data();
    void invalidPathsAreRefused();
    void writeThroughSymbolicLinkIsRefused();
    void appDirsFollowDataDirAndRefuseUnsafeNames();
};

void TestWorkingClone::cloneChecksOutTheBranch()
{
    ScratchRepo remote;
    const ObjectId tip = remote.commit(initialFiles(), u"Scaffold orders"_s);
    QVERIFY(!tip.isNull());
    QTemporaryDir base;
    const QString dir = base.filePath(u"working/dev/orders"_s);

    auto clone = WorkingClone::openOrClone(dir, remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    QCOMPARE(clone->directory(), QDir::cleanPath(dir));
    QCOMPARE(clone->head(), tip);
    QCOMPARE(clone->url(), remote.path());

    QMap<QString, QByteArray> expected;
    const Files initial = initialFiles();
    for (auto it = initial.cbegin(); it != initial.cend(); ++it)
        expected.insert(it.key(), *it.value());
    QCOMPARE(snapshot(dir), expected);
    QCOMPARE(clone->filePath(kUatTag), QDir::cleanPath(dir) + u'/' + kUatTag);
    QCOMPARE(*clone->readWorkingFile(kUatTag), kustomization("1.0.0"));

    auto changes = clone->changes();
    VERIFY_OK(changes);
    QVERIFY(changes->empty());

    // A real clone: git itself sees the branch, its upstream and a clean tree.
    QCOMPARE(gitStatus(dir), QStringList());
    QCOMPARE(gitHead(dir), tip.toHex());
    QCOMPARE(gd::test::runGit({u"symbolic-ref"_s, u"HEAD"_s}, dir).value_or("?").trimmed(), "refs/heads/main"_ba);
    QCOMPARE(gd::test::runGit({u"remote"_s, u"get-url"_s, u"origin"_s}, dir).value_or("?").trimmed(),
             remote.path().toUtf8());
    QCOMPARE(gd::test::runGit({u"rev-parse"_s, u"--abbrev-ref"_s, u"main@{upstream}"_s}, dir).value_or("?").trimmed(),
             "origin/main"_ba);
}

void TestWorkingClone::changesReportEditsLikeGitStatus()
{
    ScratchRepo remote;
    Files files = initialFiles();
    files.insert(u".gitignore"_s, "*.swp\n"_ba);
    QVERIFY(!remote.commit(files, u"Scaffold orders"_s).isNull());
    QTemporaryDir base;
    auto clone = WorkingClone::openOrClone(base.filePath(u"clone"_s), remote.path(), u"main"_s, {});
    VERIFY_OK(clone);

    VERIFY_OK(clone->writeWorkingFile(kUatTag, kustomization("1.1.0")));
    VERIFY_OK(clone->writeWorkingFile(u"appsmanifests/payments/uat/manifests/ga/kustomization.yaml"_s,
                                      kustomization("2.0.0")));
    VERIFY_OK(clone->removeWorkingFile(kBase));
    // Ignored by the repository's .gitignore: neither git status nor changes() report it.
    VERIFY_OK(clone->writeWorkingFile(u"appsmanifests/orders/.kustomization.yaml.swp"_s, "swap"_ba));
    // Written with the same bytes: not a change.
    VERIFY_OK(clone->writeWorkingFile(kProdTag, kustomization("0.9.0")));

    auto changes = clone->changes();
    VERIFY_OK(changes);
    QCOMPARE(changedPaths(*changes), (QStringList{kBase, u"appsmanifests/orders/uat/manifests/ga/kustomization.yaml"_s,
                                                  u"appsmanifests/payments/uat/manifests/ga/kustomization.yaml"_s}));
    const WorkingChange &deleted = changes->at(0);
    QCOMPARE(deleted.base, std::optional<QByteArray>(*initialFiles().value(kBase)));
    QVERIFY(!deleted.work);
    const WorkingChange &modified = changes->at(1);
    QCOMPARE(modified.base, std::optional<QByteArray>(kustomization("1.0.0")));
    QCOMPARE(modified.work, std::optional<QByteArray>(kustomization("1.1.0")));
    const WorkingChange &added = changes->at(2);
    QVERIFY(!added.base);
    QCOMPARE(added.work, std::optional<QByteArray>(kustomization("2.0.0")));

    QCOMPARE(gitStatus(clone->directory()), expectedStatus(*changes));
    QCOMPARE(*clone->readWorkingFile(u"appsmanifests/orders/.kustomization.yaml.swp"_s), "swap"_ba);
    auto missing = clone->readWorkingFile(kBase);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
}

void TestWorkingClone::changesBelowFolder_data()
{
    QTest::addColumn<QString>("under");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("everything") << QString() << QStringList{kReadme, kProdTag, kUatTag};
    QTest::newRow("service") << u"appsmanifests/orders"_s << QStringList{kProdTag, kUatTag};
    QTest::newRow("service with slash") << u"appsmanifests/orders/"_s << QStringList{kProdTag, kUatTag};
    QTest::newRow("environment") << u"appsmanifests/orders/uat"_s << QStringList{kUatTag};
    QTest::newRow("one file") << kReadme << QStringList{kReadme};
    QTest::newRow("unchanged folder") << u"appsmanifests/orders/base"_s << QStringList();
    QTest::newRow("absent folder") << u"appsmanifests/payments"_s << QStringList();
    QTest::newRow("prefix is not a folder") << u"appsmanifests/orders/u"_s << QStringList();
}

void TestWorkingClone::changesBelowFolder()
{
    QFETCH(QString, under);
    QFETCH(QStringList, expected);
    ScratchRepo remote;
    QVERIFY(!remote.commit(initialFiles(), u"Scaffold orders"_s).isNull());
    QTemporaryDir base;
    auto clone = WorkingClone::openOrClone(base.filePath(u"clone"_s), remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    VERIFY_OK(clone->writeWorkingFile(kUatTag, kustomization("1.1.0")));
    VERIFY_OK(clone->removeWorkingFile(kProdTag));
    VERIFY_OK(clone->writeWorkingFile(kReadme, "# deployments, edited\n"_ba));

    auto changes = clone->changes(under);
    VERIFY_OK(changes);
    QCOMPARE(changedPaths(*changes), expected);
}

void TestWorkingClone::updateKeepsLocalEditsAndBringsRemoteFiles()
{
    ScratchRepo remote;
    QVERIFY(!remote.commit(initialFiles(), u"Scaffold orders"_s).isNull());
    QTemporaryDir base;
    auto clone = WorkingClone::openOrClone(base.filePath(u"clone"_s), remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    const ObjectId before = clone->head();
    VERIFY_OK(clone->writeWorkingFile(kUatTag, kustomization("1.1.0")));
    VERIFY_OK(clone->writeWorkingFile(u"notes/draft.txt"_s, "mine\n"_ba));

    // Someone else releases prod, adds a service and removes the base folder's only file.
    const QString payments = u"appsmanifests/payments/uat/manifests/ga/kustomization.yaml"_s;
    const ObjectId moved = remote.commit({{kProdTag, kustomization("1.0.0")}, {payments, kustomization("3.0.0")},
                                          {kBase, std::nullopt}},
                                         u"Release prod, add payments"_s);
    QVERIFY(!moved.isNull());
    QCOMPARE(clone->head(), before); // nothing moves before a fetch

    auto tip = clone->fetch({});
    VERIFY_OK(tip);
    QCOMPARE(*tip, moved);
    QCOMPARE(*clone->repository().resolve(u"refs/remotes/origin/main"_s), moved);
    VERIFY_OK(clone->updateTo(*tip));

    QCOMPARE(clone->head(), moved);
    QCOMPARE(*clone->readWorkingFile(kProdTag), kustomization("1.0.0"));
    QCOMPARE(*clone->readWorkingFile(payments), kustomization("3.0.0"));
    QCOMPARE(*clone->readWorkingFile(kUatTag), kustomization("1.1.0"));
    QCOMPARE(*clone->readWorkingFile(u"notes/draft.txt"_s), "mine\n"_ba);
    QVERIFY(!QFileInfo::exists(clone->filePath(kBase)));
    QVERIFY(!QFileInfo::exists(clone->directory() + u"/appsmanifests/orders/base"_s)); // emptied folder gone

    auto changes = clone->changes();
    VERIFY_OK(changes);
    QCOMPARE(changedPaths(*changes), (QStringList{kUatTag, u"notes/draft.txt"_s}));
    QCOMPARE(changes->at(0).base, std::optional<QByteArray>(kustomization("1.0.0")));
    QCOMPARE(gitHead(clone->directory()), moved.toHex());
    QCOMPARE(gitStatus(clone->directory()), expectedStatus(*changes));

    // Updating to where it already is changes nothing.
    VERIFY_OK(clone->updateTo(moved));
    QCOMPARE(changedPaths(*clone->changes()), (QStringList{kUatTag, u"notes/draft.txt"_s}));
}

void TestWorkingClone::updateReplacesFileByFolderAndBack()
{
    ScratchRepo remote;
    QVERIFY(!remote.commit({{u"config"_s, "flat\n"_ba}, {u"overlays/a/one.yaml"_s, "1\n"_ba}}, u"Start"_s).isNull());
    QTemporaryDir base;
    auto clone = WorkingClone::openOrClone(base.filePath(u"clone"_s), remote.path(), u"main"_s, {});
    VERIFY_OK(clone);

    // Two commits on the remote, one update here: the file "config" becomes a folder, the folder "overlays/a" a file.
    QVERIFY(!remote.commit({{u"config"_s, std::nullopt}, {u"overlays/a/one.yaml"_s, std::nullopt}}, u"Remove"_s).isNull());
    QVERIFY(!remote.commit({{u"config/app.yaml"_s, "nested\n"_ba}, {u"overlays/a"_s, "now a file\n"_ba}}, u"Add"_s)
                 .isNull());
    VERIFY_OK(clone->updateTo(*clone->fetch({})));
    QCOMPARE(snapshot(clone->directory()),
             (QMap<QString, QByteArray>{{u"config/app.yaml"_s, "nested\n"_ba}, {u"overlays/a"_s, "now a file\n"_ba}}));
    QCOMPARE(gitStatus(clone->directory()), QStringList());
    QVERIFY(clone->changes()->empty());
}

void TestWorkingClone::updateRefusesConflicts_data()
{
    QTest::addColumn<Files>("local");  // draft edits (nullopt removes)
    QTest::addColumn<Files>("remote"); // the commit made by someone else
    QTest::addColumn<QStringList>("conflicting");

    QTest::newRow("both modified") << Files{{kUatTag, kustomization("1.1.0")}}
                                   << Files{{kUatTag, kustomization("1.2.0")}, {kProdTag, kustomization("1.0.0")}}
                                   << QStringList{kUatTag};
    QTest::newRow("deleted here, modified there") << Files{{kUatTag, std::nullopt}}
                                                  << Files{{kUatTag, kustomization("1.2.0")}}
                                                  << QStringList{kUatTag};
    QTest::newRow("modified here, deleted there") << Files{{kUatTag, kustomization("1.1.0")}}
                                                  << Files{{kUatTag, std::nullopt}} << QStringList{kUatTag};
    QTest::newRow("added on both sides") << Files{{u"new.yaml"_s, "mine\n"_ba}, {kReadme, "# mine\n"_ba}}
                                         << Files{{u"new.yaml"_s, "theirs\n"_ba}, {kReadme, "# theirs\n"_ba}}
                                         << QStringList{kReadme, u"new.yaml"_s};
    QTest::newRow("local file where a folder arrives") << Files{{u"extra"_s, "mine\n"_ba}}
                                                       << Files{{u"extra/file.yaml"_s, "theirs\n"_ba}}
                                                       << QStringList{u"extra/file.yaml"_s};
    QTest::newRow("local folder where a file arrives") << Files{{u"extra/mine.yaml"_s, "mine\n"_ba}}
                                                       << Files{{u"extra"_s, "theirs\n"_ba}}
                                                       << QStringList{u"extra"_s};
}

void TestWorkingClone::updateRefusesConflicts()
{
    QFETCH(Files, local);
    QFETCH(Files, remote);
    QFETCH(QStringList, conflicting);
    ScratchRepo origin;
    const ObjectId start = origin.commit(initialFiles(), u"Scaffold orders"_s);
    QVERIFY(!start.isNull());
    QTemporaryDir base;
    auto clone = WorkingClone::openOrClone(base.filePath(u"clone"_s), origin.path(), u"main"_s, {});
    VERIFY_OK(clone);
    for (auto it = local.cbegin(); it != local.cend(); ++it) {
        if (it.value())
            VERIFY_OK(clone->writeWorkingFile(it.key(), *it.value()));
        else
            VERIFY_OK(clone->removeWorkingFile(it.key()));
    }
    const QMap<QString, QByteArray> filesBefore = snapshot(clone->directory());
    const QStringList statusBefore = gitStatus(clone->directory());
    QVERIFY(!origin.commit(remote, u"Someone else's change"_s).isNull());

    auto tip = clone->fetch({});
    VERIFY_OK(tip);
    auto updated = clone->updateTo(*tip);
    QVERIFY(!updated.ok());
    QCOMPARE(updated.error().code, Error::Code::Conflict);
    QCOMPARE(updated.error().detail.split(u'\n'), conflicting);
    QVERIFY(!updated.error().message.isEmpty());

    // Nothing moved: files, HEAD, git's view.
    QCOMPARE(snapshot(clone->directory()), filesBefore);
    QCOMPARE(clone->head(), start);
    QCOMPARE(gitHead(clone->directory()), start.toHex());
    QCOMPARE(gitStatus(clone->directory()), statusBefore);
}

void TestWorkingClone::updateAcceptsLocalContentEqualToRemote()
{
    ScratchRepo remote;
    QVERIFY(!remote.commit(initialFiles(), u"Scaffold orders"_s).isNull());
    QTemporaryDir base;
    auto clone = WorkingClone::openOrClone(base.filePath(u"clone"_s), remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    // The draft already holds what then lands in Git (e.g. the user's own release went through the push loop).
    VERIFY_OK(clone->writeWorkingFile(kUatTag, kustomization("1.1.0")));
    VERIFY_OK(clone->writeWorkingFile(u"appsmanifests/payments/kustomization.yaml"_s, kustomization("5.0.0")));
    VERIFY_OK(clone->removeWorkingFile(kBase));
    QCOMPARE(clone->changes()->size(), size_t(3));
    const ObjectId landed = remote.commit({{kUatTag, kustomization("1.1.0")},
                                           {u"appsmanifests/payments/kustomization.yaml"_s, kustomization("5.0.0")},
                                           {kBase, std::nullopt}},
                                          u"Release orders 1.1.0"_s);

    VERIFY_OK(clone->updateTo(*clone->fetch({})));
    QCOMPARE(clone->head(), landed);
    auto changes = clone->changes();
    VERIFY_OK(changes);
    QVERIFY(changes->empty());
    QCOMPARE(gitStatus(clone->directory()), QStringList());
    QCOMPARE(*clone->readWorkingFile(kUatTag), kustomization("1.1.0"));
}

void TestWorkingClone::discardRestoresHeadContent()
{
    ScratchRepo remote;
    QVERIFY(!remote.commit(initialFiles(), u"Scaffold orders"_s).isNull());
    QTemporaryDir base;
    auto clone = WorkingClone::openOrClone(base.filePath(u"clone"_s), remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    const QMap<QString, QByteArray> pristine = snapshot(clone->directory());
    VERIFY_OK(clone->writeWorkingFile(kUatTag, kustomization("9.9.9")));
    VERIFY_OK(clone->removeWorkingFile(kBase));
    VERIFY_OK(clone->writeWorkingFile(u"appsmanifests/new/deep/file.yaml"_s, "draft\n"_ba));
    QCOMPARE(clone->changes()->size(), size_t(3));

    VERIFY_OK(clone->discard(kUatTag));
    VERIFY_OK(clone->discard(kBase));
    VERIFY_OK(clone->discard(u"appsmanifests/new/deep/file.yaml"_s));
    VERIFY_OK(clone->discard(u"never/existed.yaml"_s)); // nothing to restore, nothing to remove
    QVERIFY(clone->changes()->empty());
    QCOMPARE(snapshot(clone->directory()), pristine);
    QVERIFY(!QFileInfo::exists(clone->directory() + u"/appsmanifests/new"_s));
    QCOMPARE(gitStatus(clone->directory()), QStringList());
}

void TestWorkingClone::reopenKeepsDraftsAndHead()
{
    ScratchRepo remote;
    const ObjectId tip = remote.commit(initialFiles(), u"Scaffold orders"_s);
    QTemporaryDir base;
    const QString dir = base.filePath(u"clone"_s);
    {
        auto clone = WorkingClone::openOrClone(dir, remote.path(), u"main"_s, {});
        VERIFY_OK(clone);
        VERIFY_OK(clone->writeWorkingFile(kUatTag, kustomization("1.1.0")));
    }
    // The remote moves meanwhile; reopening does not fetch or update.
    QVERIFY(!remote.commit({{kProdTag, kustomization("2.0.0")}}, u"Prod"_s).isNull());
    // Spelled differently (trailing slash): still the same folder and remote.
    auto reopened = WorkingClone::openOrClone(dir + u'/', remote.path() + u'/', u"main"_s, {});
    VERIFY_OK(reopened);
    QCOMPARE(reopened->head(), tip);
    QCOMPARE(reopened->directory(), QDir::cleanPath(dir));
    QCOMPARE(changedPaths(*reopened->changes()), QStringList{kUatTag});
    QCOMPARE(*reopened->readWorkingFile(kUatTag), kustomization("1.1.0"));

    auto otherBranch = WorkingClone::openOrClone(dir, remote.path(), u"release"_s, {});
    QVERIFY(!otherBranch.ok());
    QCOMPARE(otherBranch.error().code, Error::Code::InvalidInput);
}

void TestWorkingClone::folderOfAnotherCloneIsRefused()
{
    ScratchRepo first;
    ScratchRepo second;
    QVERIFY(!first.commit(initialFiles(), u"First"_s).isNull());
    QVERIFY(!second.commit({{kReadme, "# other\n"_ba}}, u"Second"_s).isNull());
    QTemporaryDir base;
    const QString dir = base.filePath(u"clone"_s);
    VERIFY_OK(WorkingClone::openOrClone(dir, first.path(), u"main"_s, {}));
    const QMap<QString, QByteArray> before = snapshot(dir);

    auto wrong = WorkingClone::openOrClone(dir, second.path(), u"main"_s, {});
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, Error::Code::InvalidInput);
    QVERIFY(wrong.error().message.contains(dir));
    QCOMPARE(snapshot(dir), before);
}

void TestWorkingClone::folderWithOtherFilesIsRefused()
{
    ScratchRepo remote;
    QVERIFY(!remote.commit(initialFiles(), u"Scaffold"_s).isNull());
    QTemporaryDir base;
    const QString dir = base.filePath(u"clone"_s);
    QVERIFY(QDir().mkpath(dir + u"/photos"_s));
    QFile file(dir + u"/photos/cat.txt"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("meow");
    file.close();

    auto refused = WorkingClone::openOrClone(dir, remote.path(), u"main"_s, {});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    QCOMPARE(snapshot(dir), (QMap<QString, QByteArray>{{u"photos/cat.txt"_s, "meow"_ba}}));
    QVERIFY(!QFileInfo::exists(dir + u"/.git"_s));

    // A bare repository is no working copy either.
    auto bare = WorkingClone::openOrClone(remote.path(), remote.path(), u"main"_s, {});
    QVERIFY(!bare.ok());
    QCOMPARE(bare.error().code, Error::Code::InvalidInput);
}

void TestWorkingClone::emptyRemoteGivesNullHeadUntilFirstCommit()
{
    ScratchRepo remote;
    QVERIFY(remote.isValid());
    QTemporaryDir base;
    const QString dir = base.filePath(u"clone"_s);
    auto clone = WorkingClone::openOrClone(dir, remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    QVERIFY(clone->head().isNull());
    QVERIFY(clone->changes()->empty());
    auto nothing = clone->fetch({});
    QVERIFY(!nothing.ok());
    QCOMPARE(nothing.error().code, Error::Code::NotFound);

    // Drafts before the first commit are new files; reopening the unborn clone works.
    VERIFY_OK(clone->writeWorkingFile(u"draft.yaml"_s, "mine\n"_ba));
    auto reopened = WorkingClone::openOrClone(dir, remote.path(), u"main"_s, {});
    VERIFY_OK(reopened);
    auto changes = reopened->changes();
    VERIFY_OK(changes);
    QCOMPARE(changedPaths(*changes), QStringList{u"draft.yaml"_s});
    QCOMPARE(gitStatus(dir), expectedStatus(*changes));

    const ObjectId first = remote.commit(initialFiles(), u"First commit"_s);
    auto tip = reopened->fetch({});
    VERIFY_OK(tip);
    QCOMPARE(*tip, first);
    VERIFY_OK(reopened->updateTo(*tip));
    QCOMPARE(reopened->head(), first);
    QCOMPARE(*reopened->readWorkingFile(kUatTag), kustomization("1.0.0"));
    QCOMPARE(changedPaths(*reopened->changes()), QStringList{u"draft.yaml"_s});
    QCOMPARE(gitStatus(dir), QStringList{u"?? draft.yaml"_s});
    QCOMPARE(gitHead(dir), first.toHex());
}

void TestWorkingClone::failedOrCancelledCloneLeavesFolderEmpty()
{
    QTemporaryDir base;
    const QString absent = base.filePath(u"absent"_s);
    auto failed = WorkingClone::openOrClone(absent, base.filePath(u"no-such-remote.git"_s), u"main"_s, {});
    QVERIFY(!failed.ok());
    QVERIFY(!QFileInfo::exists(absent));

    ScratchRepo remote;
    QVERIFY(!remote.commit(initialFiles(), u"Scaffold"_s).isNull());
    const QString empty = base.filePath(u"empty"_s);
    QVERIFY(QDir().mkpath(empty));
    std::atomic_bool cancelled{true};
    auto cancelledClone = WorkingClone::openOrClone(empty, remote.path(), u"main"_s, {}, &cancelled);
    QVERIFY(!cancelledClone.ok());
    QCOMPARE(cancelledClone.error().code, Error::Code::Cancelled);
    QVERIFY(QFileInfo(empty).isDir());
    QVERIFY(QDir(empty).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));

    // The next attempt starts clean and succeeds.
    VERIFY_OK(WorkingClone::openOrClone(empty, remote.path(), u"main"_s, {}));

    auto badBranch = WorkingClone::openOrClone(base.filePath(u"other"_s), remote.path(), u"no..branch"_s, {});
    QVERIFY(!badBranch.ok());
    QCOMPARE(badBranch.error().code, Error::Code::InvalidInput);
}

void TestWorkingClone::cloneAndUpdateOverGitDaemon()
{
    ScratchRepo remote;
    QVERIFY(!remote.commit(initialFiles(), u"Scaffold orders"_s).isNull());
    gd::test::GitDaemon daemon(QFileInfo(remote.path()).absolutePath());
    QVERIFY2(daemon.isRunning(), qPrintable(daemon.errorString()));
    const QString url = daemon.urlFor(u"repo.git"_s);

    QTemporaryDir base;
    const QString dir = base.filePath(u"clone"_s);
    auto clone = WorkingClone::openOrClone(dir, url, u"main"_s, {});
    VERIFY_OK(clone);
    QCOMPARE(clone->head(), remote.tip());
    QCOMPARE(*clone->readWorkingFile(kProdTag), kustomization("0.9.0"));
    QCOMPARE(gitStatus(dir), QStringList());

    VERIFY_OK(clone->writeWorkingFile(kUatTag, kustomization("1.1.0")));
    const ObjectId moved = remote.commit({{kProdTag, kustomization("1.0.0")}}, u"Release prod"_s);
    auto tip = clone->fetch({});
    VERIFY_OK(tip);
    QCOMPARE(*tip, moved);
    VERIFY_OK(clone->updateTo(*tip));
    QCOMPARE(*clone->readWorkingFile(kProdTag), kustomization("1.0.0"));
    QCOMPARE(gitStatus(dir), QStringList{u" M "_s + kUatTag});

    VERIFY_OK(WorkingClone::openOrClone(dir, url, u"main"_s, {}));
}

void TestWorkingClone::invalidPathsAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("parent") << u"../outside.yaml"_s;
    QTest::newRow("parent inside") << u"appsmanifests/../../outside.yaml"_s;
    QTest::newRow("absolute") << u"/tmp/outside.yaml"_s;
    QTest::newRow("git folder") << u".git/config"_s;
    QTest::newRow("nested git folder") << u"appsmanifests/.git/hooks/pre-commit"_s;
    QTest::newRow("git folder, other case") << u".GIT/config"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("empty component") << u"appsmanifests//x.yaml"_s;
    QTest::newRow("dot") << u"./x.yaml"_s;
    QTest::newRow("backslash") << u"..\\outside.yaml"_s;
}

void TestWorkingClone::invalidPathsAreRefused()
{
    QFETCH(QString, path);
    ScratchRepo remote;
    QVERIFY(!remote.commit(initialFiles(), u"Scaffold"_s).isNull());
    QTemporaryDir base;
    auto clone = WorkingClone::openOrClone(base.filePath(u"work/clone"_s), remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    const QString gitConfig = clone->directory() + u"/.git/config"_s;
    QFile config(gitConfig);
    QVERIFY(config.open(QIODevice::ReadOnly));
    const QByteArray configBefore = config.readAll();
    config.close();

    auto written = clone->writeWorkingFile(path, "evil\n"_ba);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, Error::Code::InvalidInput);
    QCOMPARE(clone->readWorkingFile(path).error().code, Error::Code::InvalidInput);
    QCOMPARE(clone->removeWorkingFile(path).error().code, Error::Code::InvalidInput);
    QCOMPARE(clone->discard(path).error().code, Error::Code::InvalidInput);
    QVERIFY(clone->filePath(path).isEmpty());

    QVERIFY(!QFileInfo::exists(base.filePath(u"outside.yaml"_s)));
    QVERIFY(!QFileInfo::exists(base.filePath(u"work/outside.yaml"_s)));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QCOMPARE(config.readAll(), configBefore);
    QVERIFY(clone->changes()->empty());
}

void TestWorkingClone::writeThroughSymbolicLinkIsRefused()
{
    ScratchRepo remote;
    QVERIFY(!remote.commit(initialFiles(), u"Scaffold"_s).isNull());
    QTemporaryDir base;
    auto clone = WorkingClone::openOrClone(base.filePath(u"clone"_s), remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    const QString outside = base.filePath(u"outside"_s);
    QVERIFY(QDir().mkpath(outside));
    QVERIFY(QFile::link(outside, clone->directory() + u"/escape"_s));

    auto written = clone->writeWorkingFile(u"escape/evil.yaml"_s, "evil\n"_ba);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, Error::Code::InvalidInput);
    QVERIFY(QDir(outside).isEmpty());

    // The clone's own folder reached through a link (a linked data folder) is fine.
    const QString linkedDir = base.filePath(u"linked-clone"_s);
    QVERIFY(QFile::link(clone->directory(), linkedDir));
    auto linked = WorkingClone::openOrClone(linkedDir, remote.path(), u"main"_s, {});
    VERIFY_OK(linked);
    VERIFY_OK(linked->writeWorkingFile(kUatTag, kustomization("1.1.0")));
    QCOMPARE(changedPaths(*linked->changes()), QStringList{kUatTag});
    QCOMPARE(changedPaths(*clone->changes()), QStringList{kUatTag});
}

void TestWorkingClone::appDirsFollowDataDirAndRefuseUnsafeNames()
{
    QTemporaryDir data;
    const QByteArray previous = qgetenv("GITOPS_DESK_DATA_DIR");
    qputenv("GITOPS_DESK_DATA_DIR", QFile::encodeName(data.path() + u"/"_s));
    const QString root = QDir::cleanPath(data.path());
    QCOMPARE(gd::ws::dataDir(), root);
    QCOMPARE(gd::ws::workingCloneDir(u"dev"_s, u"shop"_s), root + u"/working/dev/shop"_s);
    QCOMPARE(gd::ws::autosaveDir(), root + u"/autosave"_s);
    QVERIFY(gd::ws::workingCloneDir(u"../dev"_s, u"shop"_s).isEmpty());
    QVERIFY(gd::ws::workingCloneDir(u"dev"_s, u"a/b"_s).isEmpty());
    QVERIFY(gd::ws::workingCloneDir(u"dev"_s, u".."_s).isEmpty());
    QVERIFY(gd::ws::workingCloneDir(u"dev"_s, u"."_s).isEmpty());
    QVERIFY(gd::ws::workingCloneDir(QString(), u"shop"_s).isEmpty());

    qunsetenv("GITOPS_DESK_DATA_DIR");
    QVERIFY(gd::ws::dataDir().endsWith(u"/gitops-desk"_s));
    QVERIFY(gd::ws::workingCloneDir(u"dev"_s, u"shop"_s).endsWith(u"/gitops-desk/working/dev/shop"_s));
    if (!previous.isEmpty())
        qputenv("GITOPS_DESK_DATA_DIR", previous);
}

QTEST_GUILESS_MAIN(TestWorkingClone)
#include "tst_workingclone.moc"
