// SPDX-License-Identifier: GPL-3.0-or-later
// The render check a release edit gets before every push (renderCheckedEdit): it judges each tip it is applied to,
// tells a change that breaks the overlay from one that goes onto an overlay broken before, and renders each
// environment once per tip.
#include "support/scratchrepo.h"
#include "workspace/release.h"
#include "workspace/renderscope.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

const QString manifests = u"appsmanifests/svc/uat/manifests/"_s;
const QByteArray configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n";

/// An edit that writes `content` to `path` (below the environment's manifests) on whatever tip it gets.
git::SemanticEdit writeEdit(const QString &path, const QByteArray &content)
{
    return [path, content](const git::Snapshot &) -> Result<git::FileChanges> {
        git::FileChanges changes;
        changes.write(manifests + path, content);
        return changes;
    };
}

/// An edit that removes `path` (below the environment's manifests) on whatever tip it gets.
git::SemanticEdit removeEdit(const QString &path)
{
    return [path](const git::Snapshot &) -> Result<git::FileChanges> {
        git::FileChanges changes;
        changes.remove(manifests + path);
        return changes;
    };
}

} // namespace

class TestRenderGate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void eachTipIsJudgedOnItsOwn();
    void brokenBeforeAndUntouchedNeedsAllowBroken();
    void eachEnvironmentIsRenderedOncePerTip();
    void workspaceKeyAllowsRemoteResources();

private:
    QTemporaryDir m_tools;
    QString m_counter;   ///< one line per kustomize run of the counting program
    QString m_counting;  ///< a `kustomize` that counts its runs, then builds with kubectl
};

void TestRenderGate::initTestCase()
{
    const QString kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
    QVERIFY(!kubectl.isEmpty());
    m_counter = m_tools.filePath(u"runs"_s);
    m_counting = m_tools.filePath(u"kustomize"_s);
    QFile script(m_counting);
    QVERIFY(script.open(QIODevice::WriteOnly));
    // Called as `kustomize build --load-restrictor X DIR`: drop "build" and hand the rest to kubectl.
    script.write("#!/bin/sh\necho run >> '" + m_counter.toUtf8() + "'\nshift\nexec '" + kubectl.toUtf8()
                 + "' kustomize \"$@\"\n");
    script.close();
    QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
}

// The same edit builds on one tip and breaks the overlay on a later one (someone else made the overlay use the file
// the edit removes): the push loop's retry on that tip is refused.
void TestRenderGate::eachTipIsJudgedOnItsOwn()
{
    test::ScratchRepo scratch;
    const git::ObjectId first = scratch.commit({{manifests + u"kustomization.yaml"_s, "resources:\n  - cm.yaml\n"},
                                                {manifests + u"cm.yaml"_s, configMap},
                                                {manifests + u"extra.yaml"_s, configMap}},
                                               u"overlay"_s);
    const git::SemanticEdit gated =
        ws::renderCheckedEdit(removeEdit(u"extra.yaml"_s), {manifest::KustomizeRunner(), false});
    auto onFirst = gated(git::Snapshot(scratch.repo(), first));
    QVERIFY2(onFirst.ok(), onFirst.ok() ? "" : qPrintable(onFirst.error().fullText()));

    const git::ObjectId second =
        scratch.commit({{manifests + u"kustomization.yaml"_s, "resources:\n  - cm.yaml\n  - extra.yaml\n"}},
                       u"use extra"_s);
    auto onSecond = gated(git::Snapshot(scratch.repo(), second));
    QVERIFY(!onSecond.ok());
    QCOMPARE(onSecond.error().code, Error::Code::Kustomize);
    QVERIFY2(onSecond.error().message.contains(u"would leave the overlay of svc in uat not building"_s),
             qPrintable(onSecond.error().fullText()));
    QVERIFY2(onSecond.error().detail.startsWith(manifests + u"kustomization.yaml:"_s), qPrintable(onSecond.error().detail));
    QVERIFY2(onSecond.error().detail.contains(u"extra.yaml"_s), qPrintable(onSecond.error().detail));
}

void TestRenderGate::brokenBeforeAndUntouchedNeedsAllowBroken()
{
    test::ScratchRepo scratch;
    const git::ObjectId tip = scratch.commit(
        {{manifests + u"kustomization.yaml"_s, "resources:\n  - cm.yaml\n  - missing.yaml\n"},
         {manifests + u"cm.yaml"_s, configMap}},
        u"broken by someone"_s);
    const git::SemanticEdit edit = writeEdit(u"other.yaml"_s, configMap);
    auto refused = ws::renderCheckedEdit(edit, {manifest::KustomizeRunner(), false})(git::Snapshot(scratch.repo(), tip));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Precondition);
    QVERIFY2(refused.error().message.contains(u"did not build before this change either"_s),
             qPrintable(refused.error().fullText()));
    QVERIFY2(refused.error().detail.contains(u"missing.yaml"_s), qPrintable(refused.error().detail));
    auto allowed = ws::renderCheckedEdit(edit, {manifest::KustomizeRunner(), true})(git::Snapshot(scratch.repo(), tip));
    QVERIFY2(allowed.ok(), allowed.ok() ? "" : qPrintable(allowed.error().fullText()));

    // A change to the file that is wrong is judged as breaking it, even when it was broken before.
    const git::SemanticEdit touching =
        writeEdit(u"kustomization.yaml"_s, "resources:\n  - cm.yaml\n  - missing.yaml\n  - gone.yaml\n");
    auto touched =
        ws::renderCheckedEdit(touching, {manifest::KustomizeRunner(), true})(git::Snapshot(scratch.repo(), tip));
    QVERIFY(!touched.ok());
    QCOMPARE(touched.error().code, Error::Code::Kustomize);
}

void TestRenderGate::eachEnvironmentIsRenderedOncePerTip()
{
    test::ScratchRepo scratch;
    const git::ObjectId tip = scratch.commit({{manifests + u"kustomization.yaml"_s, "resources:\n  - cm.yaml\n"},
                                              {manifests + u"cm.yaml"_s, configMap}},
                                             u"overlay"_s);
    QFile::remove(m_counter);
    const git::SemanticEdit gated = ws::renderCheckedEdit(
        writeEdit(u"cm.yaml"_s, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: c\n"),
        {manifest::KustomizeRunner({m_counting}), false});
    for (int attempt = 0; attempt < 3; ++attempt) {   // the prepare step, then retries on the same tip
        auto changes = gated(git::Snapshot(scratch.repo(), tip));
        QVERIFY2(changes.ok(), changes.ok() ? "" : qPrintable(changes.error().fullText()));
    }
    QFile runs(m_counter);
    QVERIFY(runs.open(QIODevice::ReadOnly));
    QCOMPARE(runs.readAll().count('\n'), 1);
}

void TestRenderGate::workspaceKeyAllowsRemoteResources()
{
    const QByteArray text = "name: t\nprovider: {type: local, path: repos}\nenvironments:\n  - {name: uat}\n";
    auto plain = ws::WorkspaceConfig::parse(text, u"/tmp/workspace.yaml"_s);
    QVERIFY2(plain.ok(), plain.ok() ? "" : qPrintable(plain.error().fullText()));
    QVERIFY(!ws::kustomizeRunnerFor(*plain).options().allowRemoteResources);
    auto allowing = ws::WorkspaceConfig::parse(text + "kustomize: {allowRemoteResources: true}\n",
                                               u"/tmp/workspace.yaml"_s);
    QVERIFY2(allowing.ok(), allowing.ok() ? "" : qPrintable(allowing.error().fullText()));
    QVERIFY(ws::kustomizeRunnerFor(*allowing).options().allowRemoteResources);
    auto reread = ws::WorkspaceConfig::parse(allowing->toYaml(), u"/tmp/workspace.yaml"_s);
    QVERIFY(reread.ok());
    QVERIFY(reread->allowRemoteResources);
    auto unknown = ws::WorkspaceConfig::parse(text + "kustomize: {allowRemote: true}\n", u"/tmp/workspace.yaml"_s);
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error().message.contains(u"allowRemote"_s), qPrintable(unknown.error().message));
}

QTEST_GUILESS_MAIN(TestRenderGate)
#include "tst_rendergate.moc"
