// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/repository.h"
#include "support/serviceenvfiles.h"
#include "workspace/overlaycheck.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

class TestOverlayCheck : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void validOverlayHasNoFindings();
    void rendersTheOverlayAtACommit();
    void findings_data();
    void findings();
    void schemaErrorsDoNotStopTheBuild();
    void missingServiceIsNotFound();

private:
    git::ObjectId commitOnTop(const git::FileChanges &changes);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<git::Repository> m_repo;
    git::ObjectId m_base;
};

static const QString gaFile = u"appsmanifests/orders/uat/manifests/ga/kustomization.yaml"_s;
static const QByteArray application = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n"
                                      "  name: shop-orders-uat\nspec:\n  source:\n"
                                      "    path: appsmanifests/orders/uat/manifests\n";

void TestOverlayCheck::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_base = {};
    m_repo.reset();
    auto repo = git::Repository::initBare(m_dir->filePath(u"shop.git"_s));
    QVERIFY(repo.ok());
    m_repo.emplace(std::move(*repo));
    git::FileChanges files;
    test::ServiceEnvFiles{u"orders"_s, u"uat"_s, u"registry.example.com/shop/orders"_s, u"1.4.2"_s, u"1.5.0"_s}
        .addTo(files);
    files.write(u"appsmanifests/orders/uat/application.yaml"_s, application);
    m_base = commitOnTop(files);
}

git::ObjectId TestOverlayCheck::commitOnTop(const git::FileChanges &changes)
{
    auto id = m_repo->createCommit(m_base, changes, {u"test"_s, {u"Test"_s, u"t@example.com"_s, {}}, {}});
    if (!id.ok())
        qFatal("commit failed: %s", qPrintable(id.error().fullText()));
    return *id;
}

void TestOverlayCheck::validOverlayHasNoFindings()
{
    auto report = ws::validateServiceEnv(*m_repo, m_base, u"orders"_s, u"uat"_s, manifest::KustomizeRunner());
    QVERIFY(report.ok());
    for (const ws::Finding &f : report->findings)
        qWarning() << f.file << f.diagnostic.line << f.diagnostic.message;
    QCOMPARE(report->findings.size(), size_t(0));
    QVERIFY(report->rendered.contains("image: registry.example.com/shop/orders:1.4.2"));
}

void TestOverlayCheck::rendersTheOverlayAtACommit()
{
    auto rendered = ws::renderServiceEnv(*m_repo, m_base, u"orders"_s, u"uat"_s, manifest::KustomizeRunner());
    QVERIFY2(rendered.ok(), qPrintable(rendered.ok() ? QString() : rendered.error().fullText()));
    QVERIFY(rendered->contains("name: orders-canary"));
    QVERIFY(rendered->contains("image: registry.example.com/shop/orders:1.5.0"));
    QVERIFY(rendered->contains("image: registry.example.com/shop/orders:1.4.2"));
}

void TestOverlayCheck::findings_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");

    QTest::newRow("broken yaml") << gaFile << QByteArray("resources:\n  - ../base\nimages: [\n") << true
                                 << u"manifests/ga/kustomization.yaml"_s << 4 << QString();
    QTest::newRow("entry matching nothing")
        << gaFile
        << QByteArray("resources:\n  - ../base\nimages:\n  - name: orders\n    newName: registry.example.com/shop/orders\n"
                      "    newTag: \"1.4.2\"\n  - name: sidecar\n    newTag: \"9\"\n")
        << false << u"manifests/ga/kustomization.yaml"_s << 7 << u"\"sidecar\" matches no container"_s;
    QTest::newRow("deprecated field")
        << gaFile
        << QByteArray("resources:\n  - ../base\ncommonLabels:\n  team: shop\nimages:\n  - name: orders\n"
                      "    newName: registry.example.com/shop/orders\n    newTag: \"1.4.2\"\n")
        << false << u"manifests/ga/kustomization.yaml"_s << 3 << u"labels"_s;
    QTest::newRow("missing referenced file")
        << gaFile
        << QByteArray("resources:\n  - ../base\n  - hpa.yaml\nimages:\n  - name: orders\n"
                      "    newName: registry.example.com/shop/orders\n    newTag: \"1.4.2\"\n")
        << true << u"manifests/ga/kustomization.yaml"_s << 3 << u"\"hpa.yaml\" does not exist"_s;
    QTest::newRow("unknown kustomization field")
        << gaFile
        << QByteArray("resources:\n  - ../base\nimage:\n  - name: orders\n"
                      "    newName: registry.example.com/shop/orders\n    newTag: \"1.4.2\"\n")
        << true << u"manifests/ga/kustomization.yaml"_s << 3 << u"did you mean \"images\""_s;
    QTest::newRow("resource with a quoted port")
        << u"appsmanifests/orders/uat/manifests/base/deployment.yaml"_s
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  selector:\n"
                      "    matchLabels:\n      app: orders\n  template:\n    metadata:\n      labels:\n"
                      "        app: orders\n    spec:\n      containers:\n        - name: app\n"
                      "          image: orders\n          ports:\n            - containerPort: \"8080\"\n")
        << true << u"manifests/base/deployment.yaml"_s << 18 << u"quotes"_s;
    QTest::newRow("application without a source path")
        << u"appsmanifests/orders/uat/application.yaml"_s
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: shop-orders-uat\n")
        << true << u"application.yaml"_s << 1 << u"spec.source.path"_s;
    QTest::newRow("kustomize cannot build")
        << gaFile << QByteArray("resources:\n  - ../missing-base\n") << true << u"manifests/kustomization.yaml"_s
        << 0 << u"missing-base"_s;
}

void TestOverlayCheck::findings()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, content);
    QFETCH(bool, isError);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, message);

    git::FileChanges change;
    change.write(path, content);
    const git::ObjectId commit = commitOnTop(change);
    auto report = ws::validateServiceEnv(*m_repo, commit, u"orders"_s, u"uat"_s, manifest::KustomizeRunner());
    QVERIFY(report.ok());
    QCOMPARE(report->hasErrors(), isError);
    const auto found = std::find_if(report->findings.begin(), report->findings.end(), [&](const ws::Finding &f) {
        return f.file == file && f.diagnostic.isError() == isError && (line == 0 || f.diagnostic.line == line)
               && f.diagnostic.message.contains(message);
    });
    if (found == report->findings.end()) {
        for (const ws::Finding &f : report->findings)
            qWarning() << f.file << f.diagnostic.line << f.diagnostic.isError() << f.diagnostic.message;
    }
    QVERIFY(found != report->findings.end());
}

void TestOverlayCheck::schemaErrorsDoNotStopTheBuild()
{
    // kustomize builds a Service whose name is not a valid Kubernetes name; the report has both.
    git::FileChanges change;
    change.write(u"appsmanifests/orders/uat/manifests/base/service.yaml"_s,
                 "apiVersion: v1\nkind: Service\nmetadata:\n  name: Orders\nspec:\n  selector:\n    app: orders\n"
                 "  ports:\n    - port: 80\n      targetPort: 8080\n");
    auto report = ws::validateServiceEnv(*m_repo, commitOnTop(change), u"orders"_s, u"uat"_s,
                                         manifest::KustomizeRunner());
    QVERIFY(report.ok());
    QCOMPARE(report->errorCount(), 1);
    QCOMPARE(report->findings.front().file, u"manifests/base/service.yaml"_s);
    QCOMPARE(report->findings.front().diagnostic.line, 4);
    QVERIFY(report->rendered.contains("name: Orders"));
}

void TestOverlayCheck::missingServiceIsNotFound()
{
    auto report = ws::validateServiceEnv(*m_repo, m_base, u"payments"_s, u"uat"_s, manifest::KustomizeRunner());
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestOverlayCheck)
#include "tst_overlaycheck.moc"
