// SPDX-License-Identifier: GPL-3.0-or-later
// WorkingClone::openOrClone on working copies that a killed `workdir` (or editor) left behind: nothing checked out,
// files present but untracked, no index, a wrong or missing origin, a broken .git; each is repaired or made again,
// with the user's own files kept aside. And a new clone is built beside its folder, so a killed one leaves nothing.
#include "git/workingclone.h"
#include "support/scratchrepo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::Error;
using gd::git::ObjectId;
using gd::git::WorkingClone;
using gd::test::ScratchRepo;
using gd::test::runGit;

namespace {

const QString kReadme = u"README.md"_s;
const QString kTag = u"appsmanifests/orders/uat/manifests/ga/kustomization.yaml"_s;

QMap<QString, std::optional<QByteArray>> initialFiles()
{
    return {{kReadme, "# deployments\n"_ba}, {kTag, "images:\n  - name: orders\n    newTag: \"1.0.0\"\n"_ba}};
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<absent>");
}

QStringList gitStatus(const QString &dir)
{
    const std::optional<QByteArray> out = runGit({u"status"_s, u"--porcelain"_s, u"-uall"_s}, dir);
    if (!out)
        return {u"<git status failed>"_s};
    QStringList lines = QString::fromUtf8(*out).split(u'\n', Qt::SkipEmptyParts);
    lines.sort();
    return lines;
}

QString gitOutput(const QStringList &arguments, const QString &dir)
{
    const std::optional<QByteArray> out = runGit(arguments, dir);
    return out ? QString::fromUtf8(out->trimmed()) : QString();
}

/// What the old, non-atomic creation left when killed after `git init` (HEAD on main, origin set, nothing fetched).
bool initOnly(const QString &dir, const QString &origin)
{
    if (!QDir().mkpath(dir) || !runGit({u"init"_s, u"-q"_s, u"-b"_s, u"main"_s, dir}, QDir::tempPath()))
        return false;
    return origin.isEmpty() || runGit({u"remote"_s, u"add"_s, u"origin"_s, origin}, dir).has_value();
}

} // namespace

#define VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : (result).error().fullText()))

class TestWorkingCloneRepair : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void unfinishedCopyIsFinished_data();
    void unfinishedCopyIsFinished();
    void missingIndexIsRebuiltKeepingChanges();
    void unfinishedCopyWithOtherFilesIsMadeAgainKeepingThemAside();
    void brokenGitFolderIsMadeAgainKeepingFilesAside();
    void abandonedPartialClonesBesideItAreRemoved();

private:
    ScratchRepo m_remote;
    ObjectId m_tip;
};

void TestWorkingCloneRepair::initTestCase()
{
    m_tip = m_remote.commit(initialFiles(), u"Scaffold orders"_s);
    QVERIFY(!m_tip.isNull());
}

void TestWorkingCloneRepair::unfinishedCopyIsFinished_data()
{
    QTest::addColumn<QString>("origin");        // "=" the right URL, "" none, else that URL
    QTest::addColumn<bool>("fetched");         // the branch was fetched before the kill
    QTest::addColumn<bool>("filesWritten");    // the files were written but HEAD not moved (present but untracked)
    QTest::newRow("no commits yet on main") << u"="_s << false << false;
    QTest::newRow("fetched, nothing checked out") << u"="_s << true << false;
    QTest::newRow("files present but untracked") << u"="_s << true << true;
    QTest::newRow("no origin") << QString() << false << false;
    QTest::newRow("wrong origin") << u"/somewhere/else.git"_s << false << true;
}

void TestWorkingCloneRepair::unfinishedCopyIsFinished()
{
    QFETCH(QString, origin);
    QFETCH(bool, fetched);
    QFETCH(bool, filesWritten);
    QTemporaryDir base;
    const QString dir = base.filePath(u"shop"_s);
    QVERIFY(initOnly(dir, origin == u"="_s ? m_remote.path() : origin));
    if (fetched)
        QVERIFY(runGit({u"fetch"_s, u"-q"_s, u"origin"_s, u"main:refs/remotes/origin/main"_s}, dir));
    if (filesWritten) {
        const auto files = initialFiles();
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            QVERIFY(writeFile(dir + u'/' + it.key(), *it.value()));
    }
    // Before: opened as it was ("No commits yet on main", nothing tracked). Now: finished.
    auto clone = WorkingClone::openOrClone(dir, m_remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    QCOMPARE(clone->head(), m_tip);
    QCOMPARE(gitOutput({u"rev-parse"_s, u"HEAD"_s}, dir), m_tip.toHex());
    QCOMPARE(gitOutput({u"symbolic-ref"_s, u"HEAD"_s}, dir), u"refs/heads/main"_s);
    QCOMPARE(gitOutput({u"remote"_s, u"get-url"_s, u"origin"_s}, dir), m_remote.path());
    QCOMPARE(gitStatus(dir), QStringList());
    QCOMPARE(gitOutput({u"ls-files"_s}, dir).split(u'\n'), (QStringList{kReadme, kTag}));
    QCOMPARE(readFile(dir + u'/' + kTag), *initialFiles().value(kTag));
    QVERIFY(clone->changes()->empty());
    QVERIFY2(!clone->repairs().isEmpty() && clone->repairs().first().contains(dir), qPrintable(clone->repairs().join(u'\n')));

    // Sound now: the next open repairs nothing.
    auto again = WorkingClone::openOrClone(dir, m_remote.path(), u"main"_s, {});
    VERIFY_OK(again);
    QCOMPARE(again->repairs(), QStringList());
}

void TestWorkingCloneRepair::missingIndexIsRebuiltKeepingChanges()
{
    QTemporaryDir base;
    const QString dir = base.filePath(u"shop"_s);
    {
        auto clone = WorkingClone::openOrClone(dir, m_remote.path(), u"main"_s, {});
        VERIFY_OK(clone);
        VERIFY_OK(clone->writeWorkingFile(kReadme, "# mine\n"_ba));
    }
    QVERIFY(QFile::remove(dir + u"/.git/index"_s));
    QVERIFY(gitStatus(dir).size() > 1); // every file deleted in the index and untracked on disk
    auto clone = WorkingClone::openOrClone(dir, m_remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    QCOMPARE(gitStatus(dir), QStringList{u" M README.md"_s});
    QCOMPARE(readFile(dir + u'/' + kReadme), "# mine\n"_ba);
    QVERIFY2(clone->repairs().join(u' ').contains(u"index"_s), qPrintable(clone->repairs().join(u'\n')));
}

void TestWorkingCloneRepair::unfinishedCopyWithOtherFilesIsMadeAgainKeepingThemAside()
{
    QTemporaryDir base;
    const QString dir = base.filePath(u"shop"_s);
    QVERIFY(initOnly(dir, m_remote.path()));
    QVERIFY(writeFile(dir + u'/' + kReadme, "# my own notes\n"_ba));
    QVERIFY(writeFile(dir + u"/drafts/new.yaml"_s, "kind: ConfigMap\n"_ba));

    auto clone = WorkingClone::openOrClone(dir, m_remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    QCOMPARE(clone->head(), m_tip);
    QCOMPARE(gitStatus(dir), QStringList());
    QCOMPARE(readFile(dir + u'/' + kReadme), "# deployments\n"_ba);
    const QStringList kept = QDir(base.path()).entryList({u"shop.kept-*"_s}, QDir::Dirs);
    QCOMPARE(kept.size(), 1);
    const QString keptDir = base.filePath(kept.first());
    QCOMPARE(readFile(keptDir + u'/' + kReadme), "# my own notes\n"_ba);
    QCOMPARE(readFile(keptDir + u"/drafts/new.yaml"_s), "kind: ConfigMap\n"_ba);
    QVERIFY2(clone->repairs().join(u' ').contains(keptDir), qPrintable(clone->repairs().join(u'\n')));
}

void TestWorkingCloneRepair::brokenGitFolderIsMadeAgainKeepingFilesAside()
{
    QTemporaryDir base;
    const QString dir = base.filePath(u"shop"_s);
    {
        auto clone = WorkingClone::openOrClone(dir, m_remote.path(), u"main"_s, {});
        VERIFY_OK(clone);
        VERIFY_OK(clone->writeWorkingFile(kTag, "edited\n"_ba));
    }
    QVERIFY(QFile::remove(dir + u"/.git/HEAD"_s));
    auto clone = WorkingClone::openOrClone(dir, m_remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    QCOMPARE(clone->head(), m_tip);
    QCOMPARE(gitStatus(dir), QStringList());
    const QStringList kept = QDir(base.path()).entryList({u"shop.kept-*"_s}, QDir::Dirs);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(readFile(base.filePath(kept.first()) + u'/' + kTag), "edited\n"_ba);
}

void TestWorkingCloneRepair::abandonedPartialClonesBesideItAreRemoved()
{
    QTemporaryDir base;
    const QString dir = base.filePath(u"shop"_s);
    QProcess ended;
    ended.start(u"true"_s, {});
    ended.waitForFinished();
    const QString abandoned = dir + u".partial-"_s + QString::number(ended.processId()) + u"-00ff"_s;
    const QString inProgress = base.filePath(u"other.partial-"_s) + QString::number(QCoreApplication::applicationPid())
                               + u"-11ee"_s;
    QVERIFY(writeFile(abandoned + u"/.git/HEAD"_s, "ref: refs/heads/main\n"_ba));
    QVERIFY(writeFile(inProgress + u"/.git/HEAD"_s, "ref: refs/heads/main\n"_ba));

    auto clone = WorkingClone::openOrClone(dir, m_remote.path(), u"main"_s, {});
    VERIFY_OK(clone);
    QVERIFY(!QFileInfo::exists(abandoned));
    QVERIFY(QFileInfo::exists(inProgress));
    // The new clone itself left no folder of its own beside it.
    QCOMPARE(QDir(base.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot), (QStringList{u"other.partial-"_s
                                                                                         + QString::number(QCoreApplication::applicationPid())
                                                                                         + u"-11ee"_s,
                                                                                     u"shop"_s}));
}

QTEST_GUILESS_MAIN(TestWorkingCloneRepair)
#include "tst_workingclonerepair.moc"
