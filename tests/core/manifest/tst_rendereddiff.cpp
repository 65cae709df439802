// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/imagetagedit.h"
#include "manifest/rendereddiff.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::manifest::ResourceChange;

namespace {

const QString kKubectl = u"/usr/bin/kubectl"_s;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// Copies the folder tree `from` into `to` (which exists).
bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(source);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(source, target))
            return false;
    }
    return true;
}

// `kubectl kustomize` of `dir`; empty on failure (the test then fails on its own check).
QByteArray render(const QString &dir)
{
    QProcess p;
    p.start(kKubectl, {u"kustomize"_s, dir});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {};
    return p.readAllStandardOutput();
}

const QByteArray kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
  namespace: shop-uat
spec:
  replicas: 2
  template:
    spec:
      initContainers:
      - name: migrate
        image: registry/x-migrate:1.4.1
      containers:
      - name: orders
        image: registry/x:1.4.1
)";

const QByteArray kService = R"(apiVersion: v1
kind: Service
metadata:
  name: orders
  namespace: shop-uat
spec:
  ports:
  - port: 80
)";

const QByteArray kConfigMap = R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: orders-config
  namespace: shop-uat
data:
  LOG_LEVEL: info
)";

QByteArray stream(const QList<QByteArray> &documents)
{
    return documents.join("---\n");
}

} // namespace

class TestRenderedDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void imageEditInRealOverlay_data();
    void imageEditInRealOverlay();
    void identicalStreamsHaveNoChange();
    void reorderingIsNoChange();
    void addedResource();
    void removedResource();
    void replicasChange();
    void replicasUnset();
    void containerAddedAndRemoved();
    void namespaceSeparatesSameName();
    void sortedByKindOrder();
    void brokenYamlIsError_data();
    void brokenYamlIsError();
    void label();
};

void TestRenderedDiff::imageEditInRealOverlay_data()
{
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("overlay");
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("newTag");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("summary");

    QTest::newRow("konflux-kite container") << u"konflux-kite"_s << u"development"_s
                                            << u"quay.io/konflux-ci/kite-prod"_s << u"v2.0.1"_s
                                            << u"Deployment/konflux-kite/konflux-kite"_s
                                            << u"image kite-api: quay.io/konflux-ci/kite-prod:"
                                               u"a8f90611b6e50cd7fa53287cf409e5f7940d2de9 → "
                                               u"quay.io/konflux-ci/kite-prod:v2.0.1"_s;
    QTest::newRow("konflux-kite init container") << u"konflux-kite"_s << u"development"_s
                                                 << u"quay.io/konflux-ci/kite-init"_s << u"v2.0.1"_s
                                                 << u"Deployment/konflux-kite/konflux-kite"_s
                                                 << u"image kite-init-container: quay.io/konflux-ci/kite-init:"
                                                    u"a8f90611b6e50cd7fa53287cf409e5f7940d2de9 → "
                                                    u"quay.io/konflux-ci/kite-init:v2.0.1"_s;
    QTest::newRow("online-boutique frontend")
        << u"online-boutique-freundcloud"_s << u"overlays/dev"_s
        << u"us-central1-docker.pkg.dev/google-samples/microservices-demo/frontend"_s << u"v1.5.5"_s
        << u"Deployment/microservices-dev/frontend"_s
        << u"image server: 533267307120.dkr.ecr.eu-west-2.amazonaws.com/frontend:v1.5.4 → "
           u"533267307120.dkr.ecr.eu-west-2.amazonaws.com/frontend:v1.5.5"_s;
}

void TestRenderedDiff::imageEditInRealOverlay()
{
    QFETCH(QString, dataset);
    QFETCH(QString, overlay);
    QFETCH(QString, image);
    QFETCH(QString, newTag);
    QFETCH(QString, label);
    QFETCH(QString, summary);
    if (!QFileInfo(kKubectl).isExecutable())
        QFAIL("kubectl is not installed; install kubectl (kustomize v5).");

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(copyTree(qEnvironmentVariable("GD_TEST_DATA") + u"/kustomize/"_s + dataset, tmp.path()));
    const QString overlayDir = tmp.path() + u'/' + overlay;
    const QByteArray before = render(overlayDir);
    QVERIFY(before.contains("kind: Deployment"));

    const QString kustomization = overlayDir + u"/kustomization.yaml"_s;
    const gd::Result<QByteArray> edited =
        gd::manifest::applyImageEdit(readFile(kustomization), {image, newTag, {}, {}});
    QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().fullText()));
    QVERIFY(writeFile(kustomization, *edited));
    const QByteArray after = render(overlayDir);
    QVERIFY(!after.isEmpty());

    const auto changes = gd::manifest::diffRenderedManifests(before, after);
    QVERIFY2(changes.ok(), qPrintable(changes.ok() ? QString() : changes.error().fullText()));
    QCOMPARE(changes->size(), size_t(1));
    const ResourceChange &change = changes->front();
    QCOMPARE(change.type, ResourceChange::Type::Changed);
    QCOMPARE(change.key.label(), label);
    QCOMPARE(change.key.apiVersion, u"apps/v1"_s);
    QCOMPARE(change.summary, QStringList{summary});
    QVERIFY(change.diff.contains(u"\n+        image: "_s + summary.section(u" → "_s, 1)));
    QVERIFY(change.diff.contains(u"\n-        image: "_s + summary.section(u": "_s, 1).section(u" → "_s, 0, 0)));
}

void TestRenderedDiff::identicalStreamsHaveNoChange()
{
    const QByteArray s = stream({kConfigMap, kService, kDeployment});
    const auto changes = gd::manifest::diffRenderedManifests(s, s);
    QVERIFY(changes.ok());
    QVERIFY(changes->empty());
}

void TestRenderedDiff::reorderingIsNoChange()
{
    const auto changes = gd::manifest::diffRenderedManifests(stream({kConfigMap, kService, kDeployment}),
                                                             "---\n" + stream({kDeployment, kConfigMap, kService}));
    QVERIFY(changes.ok());
    QVERIFY(changes->empty());
}

void TestRenderedDiff::addedResource()
{
    const auto changes = gd::manifest::diffRenderedManifests(stream({kDeployment}), stream({kDeployment, kService}));
    QVERIFY(changes.ok());
    QCOMPARE(changes->size(), size_t(1));
    const ResourceChange &change = changes->front();
    QCOMPARE(change.type, ResourceChange::Type::Added);
    QCOMPARE(change.key.label(), u"Service/shop-uat/orders"_s);
    QVERIFY(change.diff.contains(u"--- /dev/null"_s));
    QVERIFY(change.diff.contains(u"\n+kind: Service\n"_s));
    QVERIFY(!change.diff.contains(u"\n-"_s));
}

void TestRenderedDiff::removedResource()
{
    const auto changes = gd::manifest::diffRenderedManifests(stream({kConfigMap, kDeployment}), stream({kDeployment}));
    QVERIFY(changes.ok());
    QCOMPARE(changes->size(), size_t(1));
    const ResourceChange &change = changes->front();
    QCOMPARE(change.type, ResourceChange::Type::Removed);
    QCOMPARE(change.key.label(), u"ConfigMap/shop-uat/orders-config"_s);
    QVERIFY(change.diff.contains(u"+++ /dev/null"_s));
    QVERIFY(change.diff.contains(u"\n-  LOG_LEVEL: info\n"_s));
}

void TestRenderedDiff::replicasChange()
{
    QByteArray scaled = kDeployment;
    scaled.replace("replicas: 2", "replicas: 3");
    const auto changes =
        gd::manifest::diffRenderedManifests(stream({kService, kDeployment}), stream({kService, scaled}));
    QVERIFY(changes.ok());
    QCOMPARE(changes->size(), size_t(1));
    QCOMPARE(changes->front().type, ResourceChange::Type::Changed);
    QCOMPARE(changes->front().key.label(), u"Deployment/shop-uat/orders"_s);
    QCOMPARE(changes->front().summary, QStringList{u"replicas 2 → 3"_s});
    QVERIFY(changes->front().diff.contains(u"\n-  replicas: 2\n+  replicas: 3\n"_s));
}

void TestRenderedDiff::replicasUnset()
{
    QByteArray managed = kDeployment;
    managed.replace("  replicas: 2\n", "");
    const auto changes = gd::manifest::diffRenderedManifests(stream({kDeployment}), stream({managed}));
    QVERIFY(changes.ok());
    QCOMPARE(changes->size(), size_t(1));
    QCOMPARE(changes->front().summary, QStringList{u"replicas 2 → not set"_s});
}

void TestRenderedDiff::containerAddedAndRemoved()
{
    QByteArray changed = kDeployment;
    changed.replace("      - name: migrate\n        image: registry/x-migrate:1.4.1\n",
                    "      - name: wait-db\n        image: busybox:1.36\n");
    changed += "      - name: sidecar\n        image: envoyproxy/envoy:v1.30.1\n";
    const auto changes = gd::manifest::diffRenderedManifests(stream({kDeployment}), stream({changed}));
    QVERIFY(changes.ok());
    QCOMPARE(changes->size(), size_t(1));
    QCOMPARE(changes->front().summary,
             (QStringList{u"container sidecar added (image envoyproxy/envoy:v1.30.1)"_s,
                          u"init container wait-db added (image busybox:1.36)"_s,
                          u"init container migrate removed"_s}));
}

void TestRenderedDiff::namespaceSeparatesSameName()
{
    QByteArray prod = kDeployment;
    prod.replace("namespace: shop-uat", "namespace: shop-prod");
    QByteArray prodScaled = prod;
    prodScaled.replace("replicas: 2", "replicas: 5");
    const auto changes =
        gd::manifest::diffRenderedManifests(stream({kDeployment, prod}), stream({prodScaled, kDeployment}));
    QVERIFY(changes.ok());
    QCOMPARE(changes->size(), size_t(1));
    QCOMPARE(changes->front().key.label(), u"Deployment/shop-prod/orders"_s);
    QCOMPARE(changes->front().summary, QStringList{u"replicas 2 → 5"_s});
}

void TestRenderedDiff::sortedByKindOrder()
{
    const QByteArray ns = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop-uat\n";
    const QByteArray hpa = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: orders\n"
                           "  namespace: shop-uat\n";
    const QByteArray ingress = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: orders\n"
                               "  namespace: shop-uat\n";
    QByteArray other = kDeployment;
    other.replace("name: orders\n  namespace", "name: audit\n  namespace");
    const auto changes =
        gd::manifest::diffRenderedManifests({}, stream({ingress, kDeployment, hpa, kService, other, kConfigMap, ns}));
    QVERIFY(changes.ok());
    QStringList labels;
    for (const ResourceChange &change : *changes) {
        QCOMPARE(change.type, ResourceChange::Type::Added);
        labels << change.key.label();
    }
    QCOMPARE(labels, (QStringList{u"Namespace/shop-uat"_s, u"ConfigMap/shop-uat/orders-config"_s,
                                  u"Service/shop-uat/orders"_s, u"Deployment/shop-uat/audit"_s,
                                  u"Deployment/shop-uat/orders"_s, u"HorizontalPodAutoscaler/shop-uat/orders"_s,
                                  u"Ingress/shop-uat/orders"_s}));
}

void TestRenderedDiff::brokenYamlIsError_data()
{
    QTest::addColumn<bool>("brokenAfter");
    QTest::addColumn<QString>("where");
    // The stray ": " is in line 5 of the second document (the service has 8 lines plus the `---` line), column 12.
    QTest::newRow("after") << true << u"after the change are not valid YAML at line 14, column 12:"_s;
    QTest::newRow("before") << false << u"before the change are not valid YAML at line 14, column 12:"_s;
}

void TestRenderedDiff::brokenYamlIsError()
{
    QFETCH(bool, brokenAfter);
    QFETCH(QString, where);
    const QByteArray good = stream({kService, kConfigMap});
    const QByteArray broken =
        stream({kService, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: a: b\n"});
    const auto changes = brokenAfter ? gd::manifest::diffRenderedManifests(good, broken)
                                     : gd::manifest::diffRenderedManifests(broken, good);
    QVERIFY(!changes.ok());
    QCOMPARE(changes.error().code, gd::Error::Code::Yaml);
    QVERIFY2(changes.error().message.contains(where), qPrintable(changes.error().message));
}

void TestRenderedDiff::label()
{
    QCOMPARE((gd::manifest::ResourceKey{u"apps/v1"_s, u"Deployment"_s, u"shop-uat"_s, u"orders"_s}.label()),
             u"Deployment/shop-uat/orders"_s);
    QCOMPARE((gd::manifest::ResourceKey{u"v1"_s, u"Namespace"_s, {}, u"shop-uat"_s}.label()), u"Namespace/shop-uat"_s);
}

QTEST_GUILESS_MAIN(TestRenderedDiff)
#include "tst_rendereddiff.moc"
