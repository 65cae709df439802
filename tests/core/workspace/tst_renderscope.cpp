// SPDX-License-Identifier: GPL-3.0-or-later
// Renders read only the repository: each reference of an overlay is judged in repository paths before kustomize runs.
#include "support/scratchrepo.h"
#include "workspace/overlaycheck.h"
#include "workspace/renderscope.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

const QString folder = u"appsmanifests/svc/uat"_s;
const QString top = u"appsmanifests/svc/uat/manifests/kustomization.yaml"_s;

const QByteArray configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n";

QByteArray kustomization(const QByteArray &extra)
{
    return "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - cm.yaml\n" + extra;
}

using Files = QMap<QString, std::optional<QByteArray>>;

QByteArray aliasBomb()
{
    QByteArray text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\nbomb:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        text += "  a" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [";
        for (int j = 0; j < 9; ++j)
            text += (j > 0 ? ", *a" : "*a") + QByteArray::number(i - 1);
        text += "]\n";
    }
    return text;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestRenderScope : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void referencesAreJudgedInRepositoryPaths_data();
    void referencesAreJudgedInRepositoryPaths();
    void baseOutsideTheFolderIsRenderedToo();
    void remoteResourcesWhenTheWorkspaceAllowsThem();
    void symbolicLinksOnDiskAreRefused_data();
    void symbolicLinksOnDiskAreRefused();
    void remoteReferences_data();
    void remoteReferences();
};

void TestRenderScope::referencesAreJudgedInRepositoryPaths_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("file");       // the refused file, relative to the environment folder; empty: accepted
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("sentence");

    const QString manifests = folder + u"/manifests/"_s;
    QTest::newRow("plain overlay") << Files{{top, kustomization("")}, {manifests + u"cm.yaml"_s, configMap}}
                                   << QString() << 0 << QString();
    QTest::newRow("dot-dot out of the repository")
        << Files{{top, kustomization("  - ../../../../../etc/secret.yaml\n")}, {manifests + u"cm.yaml"_s, configMap}}
        << u"manifests/kustomization.yaml"_s << 5 << u"leads outside the repository"_s;
    QTest::newRow("dot-dot to the file system root")
        << Files{{top, kustomization("  - ../../../../..\n")}, {manifests + u"cm.yaml"_s, configMap}}
        << u"manifests/kustomization.yaml"_s << 5 << u"leads outside the repository"_s;
    QTest::newRow("absolute path")
        << Files{{top, kustomization("  - /home/someone/private\n")}, {manifests + u"cm.yaml"_s, configMap}}
        << u"manifests/kustomization.yaml"_s << 5 << u"is an absolute path"_s;
    QTest::newRow("home path") << Files{{top, kustomization("  - ~/private.yaml\n")}, {manifests + u"cm.yaml"_s, configMap}}
                               << u"manifests/kustomization.yaml"_s << 5 << u"is an absolute path"_s;
    QTest::newRow("remote URL")
        << Files{{top, kustomization("  - https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.0.0\n")},
                 {manifests + u"cm.yaml"_s, configMap}}
        << u"manifests/kustomization.yaml"_s << 5 << u"is a remote resource"_s;
    QTest::newRow("github shorthand")
        << Files{{top, kustomization("  - github.com/argoproj/argo-cd/manifests/cluster-install?ref=v2.9.0\n")},
                 {manifests + u"cm.yaml"_s, configMap}}
        << u"manifests/kustomization.yaml"_s << 5 << u"is a remote resource"_s;
    QTest::newRow("remote base in a base outside the folder")
        << Files{{top, "resources:\n  - ../../../../shared/base\n"},
                 {u"shared/base/kustomization.yaml"_s, "resources:\n  - cm.yaml\n  - git::https://example.com/x.git//y\n"},
                 {u"shared/base/cm.yaml"_s, configMap}}
        << u"../../../shared/base/kustomization.yaml"_s << 3 << u"is a remote resource"_s;
    QTest::newRow("generator file out of the repository")
        << Files{{top, kustomization("configMapGenerator:\n  - name: leak\n    files:\n      - id=../../../../../root/.ssh/id_rsa\n")},
                 {manifests + u"cm.yaml"_s, configMap}}
        << u"manifests/kustomization.yaml"_s << 8 << u"leads outside the repository"_s;
    QTest::newRow("secret env file absolute")
        << Files{{top, kustomization("secretGenerator:\n  - name: leak\n    envs:\n      - /etc/environment\n")},
                 {manifests + u"cm.yaml"_s, configMap}}
        << u"manifests/kustomization.yaml"_s << 8 << u"is an absolute path"_s;
    QTest::newRow("patch path out of the repository")
        << Files{{top, kustomization("patches:\n  - path: ../../../../../../tmp/patch.yaml\n")},
                 {manifests + u"cm.yaml"_s, configMap}}
        << u"manifests/kustomization.yaml"_s << 6 << u"leads outside the repository"_s;
    QTest::newRow("a kustomization that includes itself")
        << Files{{top, kustomization("  - .\n")}, {manifests + u"cm.yaml"_s, configMap}}
        << u"manifests/kustomization.yaml"_s << 5 << u"includes itself"_s;
    QTest::newRow("bases that include each other")
        << Files{{top, "resources:\n  - base\n"},
                 {manifests + u"base/kustomization.yaml"_s, "resources:\n  - ../other\n"},
                 {manifests + u"other/kustomization.yaml"_s, "resources:\n  - ../base\n"}}
        << u"manifests/other/kustomization.yaml"_s << 2 << u"includes itself"_s;
    QTest::newRow("huge file") << Files{{top, kustomization("")}, {manifests + u"cm.yaml"_s, QByteArray(9 << 20, '#')}}
                               << u"manifests/cm.yaml"_s << 0 << u"a render reads files of at most 8.0 MB"_s;
    QTest::newRow("alias bomb") << Files{{top, kustomization("")}, {manifests + u"cm.yaml"_s, aliasBomb()}}
                                << u"manifests/cm.yaml"_s << 0 << u"alias bomb"_s;
}

void TestRenderScope::referencesAreJudgedInRepositoryPaths()
{
    QFETCH(Files, files);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, sentence);
    test::ScratchRepo scratch;
    QVERIFY(scratch.isValid());
    const git::ObjectId commit = scratch.commit(files, u"overlay"_s);
    QVERIFY(!commit.isNull());
    QTemporaryDir target;
    QElapsedTimer timer;
    timer.start();
    auto staged = ws::stageFolder(ws::RenderFiles::fromCommit(scratch.repo(), commit), folder, target.path(), {});
    QVERIFY2(staged.ok(), staged.ok() ? "" : qPrintable(staged.error().fullText()));
    QVERIFY2(timer.elapsed() < 5000, "the check took too long");
    if (file.isEmpty()) {
        QVERIFY2(!staged->refused(), qPrintable(staged->firstError(folder)));
        QVERIFY(QFile::exists(target.filePath(folder + u"/manifests/cm.yaml"_s)));
        return;
    }
    QVERIFY(staged->refused());
    const ws::Finding &first = staged->findings.front();
    QCOMPARE(first.file, file);
    QCOMPARE(first.diagnostic.line, line);
    QVERIFY2(first.diagnostic.message.contains(sentence), qPrintable(first.diagnostic.message));
    // Nothing was copied for kustomize to read.
    QVERIFY(!QFile::exists(target.filePath(folder + u"/manifests/kustomization.yaml"_s)));
}

// Argo CD renders bases outside the environment folder; so do we (only the folder used to be extracted).
void TestRenderScope::baseOutsideTheFolderIsRenderedToo()
{
    test::ScratchRepo scratch;
    const git::ObjectId commit = scratch.commit(
        {{top, "resources:\n  - ../../../../shared/base\nnamePrefix: uat-\n"},
         {u"shared/base/kustomization.yaml"_s, "resources:\n  - cm.yaml\n"},
         {u"shared/base/cm.yaml"_s, configMap},
         {folder + u"/application.yaml"_s,
          "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: svc-uat\n  namespace: argocd\n"
          "spec:\n  project: default\n  source:\n    repoURL: https://git.example.com/x.git\n    path: "
          "appsmanifests/svc/uat/manifests\n    targetRevision: main\n  destination:\n    server: "
          "https://kubernetes.default.svc\n    namespace: x\n"}},
        u"shared base"_s);
    auto rendered = ws::renderServiceEnv(scratch.repo(), commit, u"svc"_s, u"uat"_s, manifest::KustomizeRunner());
    QVERIFY2(rendered.ok(), rendered.ok() ? "" : qPrintable(rendered.error().fullText()));
    QVERIFY2(rendered->contains("name: uat-settings"), rendered->constData());
}

void TestRenderScope::remoteResourcesWhenTheWorkspaceAllowsThem()
{
    test::ScratchRepo scratch;
    const git::ObjectId commit = scratch.commit(
        {{top, kustomization("  - https://example.com/org/repo//base?ref=v1\n")},
         {folder + u"/manifests/cm.yaml"_s, configMap}},
        u"remote"_s);
    QTemporaryDir target;
    ws::RenderPolicy allow;
    allow.allowRemoteResources = true;
    auto staged = ws::stageFolder(ws::RenderFiles::fromCommit(scratch.repo(), commit), folder, target.path(), allow);
    QVERIFY(staged.ok());
    QVERIFY2(!staged->refused(), qPrintable(staged->firstError(folder)));
    auto refused = ws::stageFolder(ws::RenderFiles::fromCommit(scratch.repo(), commit), folder, target.path(), {});
    QVERIFY(refused.ok());
    QVERIFY(refused->refused());
}

void TestRenderScope::symbolicLinksOnDiskAreRefused_data()
{
    QTest::addColumn<QString>("linkPath");   // in the working copy
    QTest::addColumn<bool>("toFolder");
    QTest::addColumn<QString>("file");
    QTest::newRow("file link") << u"manifests/secret.yaml"_s << false << u"manifests/secret.yaml"_s;
    QTest::newRow("folder link") << u"manifests/stolen"_s << true << u"manifests/stolen"_s;
}

// A working copy (the editor's) holds links as links: neither one to a file nor one to a folder is followed.
void TestRenderScope::symbolicLinksOnDiskAreRefused()
{
    QFETCH(QString, linkPath);
    QFETCH(bool, toFolder);
    QFETCH(QString, file);
    QTemporaryDir outside;
    QTemporaryDir work;
    const QByteArray secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: stolen\nstringData:\n  pw: TOPSECRET\n";
    QVERIFY(writeFile(outside.filePath(u"dir/secret.yaml"_s), secret));
    QVERIFY(writeFile(outside.filePath(u"dir/kustomization.yaml"_s), "resources:\n  - secret.yaml\n"));
    QVERIFY(QDir().mkpath(work.filePath(u".git"_s)));
    const QString env = work.filePath(folder);
    QVERIFY(writeFile(env + u"/manifests/cm.yaml"_s, configMap));
    QVERIFY(writeFile(env + u"/manifests/kustomization.yaml"_s,
                      kustomization("  - " + QFileInfo(linkPath).fileName().toUtf8() + "\n")));
    QVERIFY(QFile::link(toFolder ? outside.filePath(u"dir"_s) : outside.filePath(u"dir/secret.yaml"_s),
                        env + u'/' + linkPath));

    const ws::ValidationReport report = ws::validateDirectory(env, manifest::KustomizeRunner());
    QVERIFY(report.hasErrors());
    QVERIFY(report.rendered.isEmpty());
    bool named = false;
    for (const ws::Finding &finding : report.findings) {
        QVERIFY(!finding.diagnostic.message.contains(u"TOPSECRET"_s));
        named = named || (finding.file == file && finding.diagnostic.message.contains(u"symbolic link"_s));
    }
    QVERIFY2(named, qPrintable(report.findings.front().file + u": "_s + report.findings.front().diagnostic.message));
}

void TestRenderScope::remoteReferences_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<bool>("remote");
    QTest::newRow("https") << u"https://github.com/org/repo//path?ref=v1"_s << true;
    QTest::newRow("ssh") << u"ssh://git@example.com/org/repo.git"_s << true;
    QTest::newRow("git scp form") << u"git@github.com:org/repo.git/path"_s << true;
    QTest::newRow("go-getter") << u"git::https://example.com/org/repo"_s << true;
    QTest::newRow("host and path") << u"gitlab.example.com/group/repo/base"_s << true;
    QTest::newRow("host with port") << u"git.example.com:8443/org/repo"_s << true;
    QTest::newRow("file") << u"deployment.yaml"_s << false;
    QTest::newRow("folder") << u"../base"_s << false;
    QTest::newRow("versioned folder") << u"v1.2/base"_s << true;   // only when no such folder exists in the repo
}

void TestRenderScope::remoteReferences()
{
    QFETCH(QString, reference);
    QFETCH(bool, remote);
    QCOMPARE(ws::isRemoteReference(reference), remote);
}

QTEST_GUILESS_MAIN(TestRenderScope)
#include "tst_renderscope.moc"
