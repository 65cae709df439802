// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/kustomization.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::manifest::Diagnostic;
using gd::manifest::Kustomization;

namespace {

QString dataPath(const QString &relative)
{
    return qEnvironmentVariable("GD_TEST_DATA") + u"/kustomize/"_s + relative;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Kustomization parseFile(const QString &relative)
{
    const QByteArray text = readFile(dataPath(relative));
    auto result = Kustomization::parse(text);
    if (!result.ok())
        qWarning("%s: %s", qPrintable(relative), qPrintable(result.error().fullText()));
    return result.ok() ? result.value() : Kustomization();
}

QStringList messages(const gd::manifest::Diagnostics &ds, Diagnostic::Severity severity)
{
    QStringList out;
    for (const Diagnostic &d : ds) {
        if (d.severity == severity)
            out << u"%1: %2"_s.arg(d.line).arg(d.message);
    }
    return out;
}

} // namespace

class TestKustomization : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesEveryRealFile_data();
    void parsesEveryRealFile();
    void readsImages();
    void readsImagesOfRealFiles_data();
    void readsImagesOfRealFiles();
    void deprecatedFieldsWarn_data();
    void deprecatedFieldsWarn();
    void componentKind();
    void nullAndEmptyLists();
    void documentMarkers();
    void patchPaths();
    void whatKustomizeRejectsIsAnError_data();
    void whatKustomizeRejectsIsAnError();
    void brokenYamlIsAnError();
};

void TestKustomization::parsesEveryRealFile_data()
{
    QTest::addColumn<QString>("path");
    const QString root = dataPath(QString());
    QDirIterator it(root, {u"kustomization.yaml"_s, u"*__kustomization.yaml"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    int count = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QTest::newRow(qPrintable(path.mid(root.size()).left(90))) << path;
        ++count;
    }
    QVERIFY(count >= 60);
}

void TestKustomization::parsesEveryRealFile()
{
    QFETCH(QString, path);
    const auto k = Kustomization::parse(readFile(path));
    QVERIFY2(k.ok(), k.ok() ? "" : qPrintable(k.error().fullText()));
    QVERIFY(k->kind() == u"Kustomization" || k->kind() == u"Component");
    for (const gd::manifest::KustomizeImage &image : k->images()) {
        QVERIFY(!image.name.isEmpty());
        QVERIFY(image.line > 0);
    }
    for (const QString &r : k->resources())
        QVERIFY(!r.isEmpty());
}

void TestKustomization::readsImages()
{
    const Kustomization gcr = parseFile(u"aws-ebs-csi-driver/overlays/stable/gcr/kustomization.yaml"_s);
    QCOMPARE(gcr.images().size(), size_t(7));
    QCOMPARE(gcr.images()[0].name, u"public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver"_s);
    QCOMPARE(gcr.images()[0].newName, u"registry.k8s.io/provider-aws/aws-ebs-csi-driver"_s);
    QCOMPARE(gcr.images()[0].newTag, QString());
    QCOMPARE(gcr.images()[0].line, 6);
    QCOMPARE(gcr.images()[1].newTag, u"v6.3.0"_s);
    QCOMPARE(gcr.images()[1].line, 8);
    QCOMPARE(gcr.resources(), QStringList{u"../ecr-public"_s});
    const gd::manifest::KustomizeImage *snapshotter = gcr.image(u"public.ecr.aws/csi-components/csi-snapshotter"_s);
    QVERIFY(snapshotter);
    QCOMPARE(snapshotter->newTag, u"v8.6.0"_s);
    QVERIFY(!gcr.image(u"nginx"_s));
}

void TestKustomization::readsImagesOfRealFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("newName");
    QTest::addColumn<QString>("newTag");
    QTest::addColumn<QString>("digest");
    QTest::addColumn<int>("count");
    QTest::newRow("quoted number tag")
        << u"single/2143-Labs.2143-k8s__overlays__prod__kustomization.yaml"_s << u"imagehost:latest"_s
        << u"ghcr.io/john2143/john2143.com"_s << u"209"_s << QString() << 4;
    QTest::newRow("registry port")
        << u"single/AuraBit.athena-gitops__overlays__prod__kustomization.yaml"_s
        << u"athena-registry:5000/athena-media"_s << QString() << u"ede5af6"_s << QString() << 1;
    QTest::newRow("truncated digest")
        << u"single/kubernetes-sigs.kustomize__examples__transformerconfigs__images__kustomization.yaml"_s
        << u"docker"_s << u"my-docker2"_s << QString() << u"sha256:25a0d4"_s << 4;
    QTest::newRow("tag and digest")
        << u"single/redhat-appstudio.infra-deployments__components__crossplane-control-plane__development__"
           "kustomization.yaml"_s
        << u"quay.io/konflux-ci/task-runner"_s << QString() << u"v1"_s
        << u"sha256:b9ef0479b57a494368a12a02886c650314c9ac7391c6228f21065865aab71c9e"_s << 1;
    QTest::newRow("empty flow list") << u"single/kubeflow.pipelines__test__manifests__dev__kustomization.yaml"_s
                                     << QString() << QString() << QString() << QString() << 0;
    QTest::newRow("blank lines between entries") << u"konflux-kite/development/kustomization.yaml"_s << QString()
                                                 << QString() << QString() << QString() << -1;
}

void TestKustomization::readsImagesOfRealFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, name);
    QFETCH(QString, newName);
    QFETCH(QString, newTag);
    QFETCH(QString, digest);
    QFETCH(int, count);
    const Kustomization k = parseFile(file);
    if (count >= 0)
        QCOMPARE(int(k.images().size()), count);
    else
        QVERIFY(!k.images().empty());
    for (const gd::manifest::KustomizeImage &image : k.images())
        QVERIFY(!image.newTag.isEmpty() || !image.newName.isEmpty() || !image.digest.isEmpty());
    if (name.isEmpty())
        return;
    const gd::manifest::KustomizeImage *image = k.image(name);
    QVERIFY(image);
    QCOMPARE(image->newName, newName);
    QCOMPARE(image->newTag, newTag);
    QCOMPARE(image->digest, digest);
}

void TestKustomization::deprecatedFieldsWarn_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("warnings");
    QTest::newRow("metrics-server base")
        << u"metrics-server/base/kustomization.yaml"_s
        << QStringList{u"3: \"commonLabels\" is deprecated; use \"labels\" instead."_s};
    QTest::newRow("metrics-server high-availability")
        << u"metrics-server/components/high-availability/kustomization.yaml"_s
        << QStringList{u"5: \"patchesStrategicMerge\" is deprecated; use \"patches\" instead."_s};
    QTest::newRow("metrics-server test")
        << u"metrics-server/components/test/kustomization.yaml"_s
        << QStringList{u"3: \"patchesJson6902\" is deprecated; use \"patches\" instead."_s};
    QTest::newRow("no deprecated field") << u"aws-ebs-csi-driver/overlays/stable/gcr/kustomization.yaml"_s
                                         << QStringList();
}

void TestKustomization::deprecatedFieldsWarn()
{
    QFETCH(QString, file);
    QFETCH(QStringList, warnings);
    const Kustomization k = parseFile(file);
    QCOMPARE(messages(k.warnings(), Diagnostic::Severity::Warning), warnings);
    QVERIFY(!gd::manifest::hasErrors(k.warnings()));

    const auto synthetic = Kustomization::parse("bases:\n- ../base\nvars:\n- name: X\nresources:\n- extra.yaml\n");
    QVERIFY(synthetic.ok());
    QCOMPARE(messages(synthetic->warnings(), Diagnostic::Severity::Warning),
             (QStringList{u"1: \"bases\" is deprecated; use \"resources\" instead."_s,
                          u"3: \"vars\" is deprecated; use \"replacements\" instead."_s}));
    QCOMPARE(synthetic->resources(), (QStringList{u"../base"_s, u"extra.yaml"_s}));
}

void TestKustomization::componentKind()
{
    const Kustomization release = parseFile(u"metrics-server/components/release/kustomization.yaml"_s);
    QCOMPARE(release.kind(), u"Component"_s);
    QCOMPARE(release.images().size(), size_t(1));
    QCOMPARE(release.images()[0].newName, u"registry.k8s.io/metrics-server/metrics-server"_s);
    QCOMPARE(release.images()[0].newTag, u"v0.9.0"_s);

    const Kustomization overlay = parseFile(u"metrics-server/overlays/release/kustomization.yaml"_s);
    QCOMPARE(overlay.kind(), u"Kustomization"_s);
    QVERIFY(overlay.components().contains(u"../../components/release"_s));

    // No apiVersion/kind at all (kustomize's own example): a Kustomization.
    const Kustomization multibases = parseFile(u"kustomize-multibases/kustomization.yaml"_s);
    QCOMPARE(multibases.kind(), u"Kustomization"_s);
    QCOMPARE(multibases.resources().size(), 3);
}

void TestKustomization::nullAndEmptyLists()
{
    // `components:` with only commented-out entries is null; kustomize builds it.
    const Kustomization boutique = parseFile(u"online-boutique-freundcloud/kustomization.yaml"_s);
    QVERIFY(boutique.components().isEmpty());
    QCOMPARE(boutique.resources(), QStringList{u"base"_s});
    QVERIFY(boutique.warnings().empty());

    const auto empty = Kustomization::parse("images: []\nresources:\ncomponents: []\n");
    QVERIFY(empty.ok());
    QVERIFY(empty->images().empty());
    QVERIFY(empty->resources().isEmpty());
}

void TestKustomization::documentMarkers()
{
    const Kustomization k =
        parseFile(u"argo-cd-components-monorepo/envs/inseng-pdx-egert-sandbox/namespaces/inst-system/apps/"
                  "hello-world/kustomization.yaml"_s);
    QVERIFY(!k.resources().isEmpty());
    QVERIFY(k.image(u"hello-world"_s));

    const auto second = Kustomization::parse("# notes\n---\nkind: Kustomization\nimages:\n- name: a\n  newTag: v1\n"
                                             "---\nkind: ConfigMap\n");
    QVERIFY(second.ok());
    QCOMPARE(second->images().size(), size_t(1));
    QCOMPARE(second->images()[0].line, 5);
}

void TestKustomization::patchPaths()
{
    const Kustomization ldap = parseFile(u"kustomize-ldap/overlays/staging/kustomization.yaml"_s);
    QVERIFY(!ldap.patchPaths().isEmpty());
    const Kustomization ha = parseFile(u"metrics-server/components/high-availability/kustomization.yaml"_s);
    QCOMPARE(ha.patchPaths(), QStringList{u"patch.yaml"_s});
    QCOMPARE(ha.resources(), QStringList{u"pdb.yaml"_s});
}

void TestKustomization::whatKustomizeRejectsIsAnError_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("wordInMessage");
    QTest::newRow("unquoted numeric tag") << QByteArray("images:\n- name: app\n  newTag: 11\n") << 3 << u"\"11\""_s;
    QTest::newRow("unquoted float tag") << QByteArray("images:\n- name: app\n  newTag: 1.10\n") << 3
                                        << u"\"1.10\""_s;
    QTest::newRow("flux newDigest")
        << readFile(dataPath(u"single/fluxcd.image-automation-controller__internal__update__testdata__setters__"
                             "original__kustomization.yaml"_s))
        << 10 << u"digest"_s;
    QTest::newRow("patches as plain strings")
        << readFile(dataPath(u"single/ThomasVitale.kustomize-demo__overlays__prod__kustomization.yaml"_s)) << 8
        << u"path:"_s;
    QTest::newRow("entry without name") << QByteArray("images:\n- newTag: v1\n") << 2 << u"no name"_s;
    QTest::newRow("images not a list") << QByteArray("images:\n  app: v1\n") << 1 << u"list"_s;
}

void TestKustomization::whatKustomizeRejectsIsAnError()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, wordInMessage);
    const auto k = Kustomization::parse(text);
    QVERIFY(k.ok());
    QVERIFY(gd::manifest::hasErrors(k->warnings()));
    const Diagnostic &first = *std::find_if(k->warnings().begin(), k->warnings().end(),
                                            [](const Diagnostic &d) { return d.isError(); });
    QCOMPARE(first.line, line);
    QVERIFY2(first.message.contains(wordInMessage), qPrintable(first.message));
}

void TestKustomization::brokenYamlIsAnError()
{
    const auto broken = Kustomization::parse("resources:\n- a.yaml\n\t- b.yaml\n");
    QVERIFY(!broken.ok());
    QCOMPARE(broken.error().code, gd::Error::Code::Yaml);
    QVERIFY2(broken.error().message.contains(u"line 3, column 1"_s), qPrintable(broken.error().message));

    const auto scalar = Kustomization::parse("just a string\n");
    QVERIFY(!scalar.ok());
    QCOMPARE(scalar.error().code, gd::Error::Code::Yaml);

    const auto empty = Kustomization::parse(QByteArray());
    QVERIFY(!empty.ok());
}

QTEST_GUILESS_MAIN(TestKustomization)
#include "tst_kustomization.moc"
