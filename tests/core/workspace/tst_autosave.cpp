// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/autosave.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::ws::AutosaveEntry;
using gd::ws::AutosaveStore;

class TestAutosave : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keptEditsComeBackAfterARestart();
    void savingAgainReplacesTheEarlierCopy();
    void removedEditsAreGone();
    void entriesOfOtherWorkspacesAreNotOffered();
    void unreadableLeftoversAreSkipped();
    void unwritableFolderIsAnError();
};

namespace {

const QString workspaceFile = u"/home/rm/team/workspace.yaml"_s;
const QString kustomization = u"appsmanifests/orders/uat/manifests/ga/kustomization.yaml"_s;

AutosaveEntry entry(const QString &path, const QByteArray &content, const QDateTime &when = {})
{
    return AutosaveEntry{workspaceFile, u"shop"_s, path, content, when};
}

} // namespace

void TestAutosave::keptEditsComeBackAfterARestart()
{
    QTemporaryDir dir;
    const QByteArray text = "images:\n  - name: orders\n    newTag: \"1.4.2\"  # 中文注释\n";
    {
        AutosaveStore store(dir.path());
        QVERIFY(store.save(entry(kustomization, text)).ok());
    }
    // A new process: only the folder is shared.
    const AutosaveStore reopened(dir.path());
    const auto entries = reopened.entries(workspaceFile);
    QCOMPARE(entries.size(), std::size_t(1));
    QCOMPARE(entries.front().project, u"shop"_s);
    QCOMPARE(entries.front().path, kustomization);
    QCOMPARE(entries.front().content, text);
    QVERIFY(entries.front().savedAt.isValid());
    QVERIFY(qAbs(entries.front().savedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void TestAutosave::savingAgainReplacesTheEarlierCopy()
{
    QTemporaryDir dir;
    AutosaveStore store(dir.path());
    QVERIFY(store.save(entry(kustomization, "first")).ok());
    QVERIFY(store.save(entry(kustomization, "second")).ok());
    const QDateTime older = QDateTime::currentDateTimeUtc().addSecs(-600);
    QVERIFY(store.save(entry(u"appsmanifests/orders/uat/application.yaml"_s, "app", older)).ok());

    const auto entries = store.entries(workspaceFile);
    QCOMPARE(entries.size(), std::size_t(2));
    QCOMPARE(entries[0].path, u"appsmanifests/orders/uat/application.yaml"_s);   // oldest first
    QCOMPARE(entries[1].content, QByteArray("second"));
}

void TestAutosave::removedEditsAreGone()
{
    QTemporaryDir dir;
    AutosaveStore store(dir.path());
    QVERIFY(store.save(entry(kustomization, "draft")).ok());
    store.remove(workspaceFile, u"shop"_s, kustomization);
    QVERIFY(store.entries(workspaceFile).empty());
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void TestAutosave::entriesOfOtherWorkspacesAreNotOffered()
{
    QTemporaryDir dir;
    AutosaveStore store(dir.path());
    QVERIFY(store.save(AutosaveEntry{u"/elsewhere/workspace.yaml"_s, u"shop"_s, kustomization, "x", {}}).ok());
    QVERIFY(store.entries(workspaceFile).empty());
    QCOMPARE(store.entries(u"/elsewhere/workspace.yaml"_s).size(), std::size_t(1));
}

void TestAutosave::unreadableLeftoversAreSkipped()
{
    QTemporaryDir dir;
    AutosaveStore store(dir.path());
    QVERIFY(store.save(entry(kustomization, "kept")).ok());
    QFile broken(QDir(dir.path()).absoluteFilePath(u"0000.autosave.json"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ not json");
    broken.close();
    const auto entries = store.entries(workspaceFile);
    QCOMPARE(entries.size(), std::size_t(1));
    QCOMPARE(entries.front().content, QByteArray("kept"));
}

void TestAutosave::unwritableFolderIsAnError()
{
    QTemporaryDir dir;
    const QString file = QDir(dir.path()).absoluteFilePath(u"plain-file"_s);
    QFile blocker(file);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    AutosaveStore store(file + u"/autosave"_s);   // a folder below a file cannot exist
    const auto saved = store.save(entry(kustomization, "x"));
    QVERIFY(!saved.ok());
    QVERIFY(saved.error().message.contains(u"autosave"_s));
}

QTEST_GUILESS_MAIN(TestAutosave)
#include "tst_autosave.moc"
