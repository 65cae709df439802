// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/servicescaffold.h"
#include "template/templateset.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using gd::tmpl::ServiceSpec;
using gd::tmpl::TemplateSet;

namespace {

QString str(const YAML::Node &node)
{
    return node.IsScalar() ? QString::fromStdString(node.as<std::string>()) : QString();
}

ServiceSpec baseSpec()
{
    ServiceSpec spec;
    spec.project = u"shop"_s;
    spec.service = u"orders"_s;
    spec.environment = u"uat"_s;
    spec.imageRepository = u"registry.example.com:5000/shop/orders"_s;
    spec.gaTag = u"1.10"_s;   // a tag YAML would read as a number: it must still reach kustomize as a string
    spec.repoUrl = u"https://gitlab.example.com/ops/argocd-gitops-shop.git"_s;
    spec.cluster = u"https://10.0.0.1:6443"_s;
    return spec;
}

bool writeFiles(const gd::git::FileChanges &changes, const QString &root)
{
    for (auto it = changes.files.cbegin(); it != changes.files.cend(); ++it) {
        const QString path = root + u'/' + it.key();
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return false;
        QFile file(path);
        if (!it.value() || !file.open(QIODevice::WriteOnly) || file.write(*it.value()) != it.value()->size())
            return false;
    }
    return true;
}

QString kubectl()
{
    if (QFileInfo::exists(u"/usr/bin/kubectl"_s))
        return u"/usr/bin/kubectl"_s;
    return QStandardPaths::findExecutable(u"kubectl"_s);
}

std::vector<YAML::Node> documentsOf(const QByteArray &yaml)
{
    return YAML::LoadAll(yaml.toStdString());
}

YAML::Node findResource(const std::vector<YAML::Node> &docs, const QString &kind, const QString &name)
{
    for (const YAML::Node &doc : docs) {
        if (str(doc["kind"]) == kind && str(doc["metadata"]["name"]) == name)
            return doc;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

} // namespace

class TestServiceScaffold : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void builtinSetIsComplete();
    void fromDirectoryMatchesBuiltin();
    void incompleteSetIsRefused();
    void readmeDocumentsEveryVariable();
    void scaffoldBuildsWithKustomize_data();
    void scaffoldBuildsWithKustomize();
    void invalidSpecIsRefused_data();
    void invalidSpecIsRefused();

private:
    QString m_kubectl;
};

void TestServiceScaffold::initTestCase()
{
    m_kubectl = kubectl();
    QVERIFY2(!m_kubectl.isEmpty(), "kubectl (with kustomize) is needed for this test");
}

void TestServiceScaffold::builtinSetIsComplete()
{
    const TemplateSet set = TemplateSet::builtin();
    QCOMPARE(set.languages(), (QStringList{u"go"_s, u"java"_s, u"nodejs"_s}));
    for (const QString &language : set.languages()) {
        for (const char *file : {"kustomization.yaml", "base/deployment.yaml", "base/service.yaml",
                                 "base/kustomization.yaml", "canary/deployment_overlay.yaml",
                                 "canary/service_overlay.yaml", "canary/kustomization.yaml",
                                 "ga/deployment_overlay.yaml", "ga/kustomization.yaml"}) {
            const QString path = u"app-manifests-templates/"_s + language + u'/' + QLatin1String(file);
            QVERIFY2(set.files().contains(path), qPrintable(path));
        }
    }
    QVERIFY(set.files().contains(u"application-templates/application.yaml"_s));
    QVERIFY(set.files().contains(u"application-templates/application-pipeline.yaml"_s));
    QVERIFY(set.files().contains(u"pipeline-templates/ks-pipeline-jenkinsfile.yaml"_s));
}

void TestServiceScaffold::fromDirectoryMatchesBuiltin()
{
    const QString dir = qEnvironmentVariable("GD_SOURCE_DIR") + u"/templates"_s;
    const gd::Result<TemplateSet> set = TemplateSet::fromDirectory(dir);
    QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().fullText()));
    QCOMPARE(set->files(), TemplateSet::builtin().files());

    const gd::Result<TemplateSet> copy = TemplateSet::fromFiles(set->files());
    QVERIFY(copy.ok());
    QCOMPARE(copy->languages(), set->languages());
}

void TestServiceScaffold::incompleteSetIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(u"app-manifests-templates/go/base"_s));
    QFile file(dir.path() + u"/app-manifests-templates/go/base/deployment.yaml"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("kind: Deployment\n");
    file.close();

    const gd::Result<TemplateSet> set = TemplateSet::fromDirectory(dir.path());
    QVERIFY(!set.ok());
    QCOMPARE(set.error().code, gd::Error::Code::NotFound);
    QVERIFY2(set.error().message.contains(u"it has no application-templates/, pipeline-templates/."_s),
             qPrintable(set.error().message));

    const gd::Result<TemplateSet> missingDir = TemplateSet::fromDirectory(dir.path() + u"/nope"_s);
    QVERIFY(!missingDir.ok());
    QVERIFY(missingDir.error().message.contains(u"does not exist"_s));

    QMap<QString, QByteArray> files = TemplateSet::builtin().files();
    for (auto it = files.begin(); it != files.end();) {
        it = it.key().startsWith(u"pipeline-templates/"_s) ? files.erase(it) : std::next(it);
    }
    const gd::Result<TemplateSet> noPipelines = TemplateSet::fromFiles(files);
    QVERIFY(!noPipelines.ok());
    QVERIFY2(noPipelines.error().message.contains(u"it has no pipeline-templates/."_s),
             qPrintable(noPipelines.error().message));
}

void TestServiceScaffold::readmeDocumentsEveryVariable()
{
    // Every variable a template can use is explained to the teams that write their own templates.
    const QByteArray readme = TemplateSet::builtin().files().value(u"README.md"_s);
    QVERIFY(!readme.isEmpty());
    ServiceSpec spec = baseSpec();
    const gd::tmpl::Variables vars = gd::tmpl::variablesFor(spec);
    for (auto it = vars.cbegin(); it != vars.cend(); ++it)
        QVERIFY2(readme.contains(QByteArray("`" + it.key().toUtf8() + "`")), qPrintable(it.key()));

    // ...and every placeholder in the builtin templates is one of them.
    static const QRegularExpression placeholder(uR"((?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[a-z]+)?\})"_s);
    const QMap<QString, QByteArray> files = TemplateSet::builtin().files();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (it.key() == u"README.md"_s)
            continue;
        auto matches = placeholder.globalMatch(QString::fromUtf8(it.value()));
        while (matches.hasNext()) {
            const QString name = matches.next().captured(1);
            QVERIFY2(vars.contains(name), qPrintable(it.key() + u": "_s + name));
        }
    }
}

void TestServiceScaffold::scaffoldBuildsWithKustomize_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("canary");
    QTest::addColumn<bool>("hpa");
    for (const QString &language : {u"go"_s, u"java"_s, u"nodejs"_s}) {
        for (bool canary : {false, true}) {
            for (bool hpa : {false, true}) {
                const QString row = language + (canary ? u" canary"_s : u" ga-only"_s)
                                    + (hpa ? u" hpa"_s : u" replicas"_s);
                QTest::newRow(qPrintable(row)) << language << canary << hpa;
            }
        }
    }
}

void TestServiceScaffold::scaffoldBuildsWithKustomize()
{
    QFETCH(QString, language);
    QFETCH(bool, canary);
    QFETCH(bool, hpa);

    ServiceSpec spec = baseSpec();
    spec.language = language;
    spec.canaryStage = canary;
    spec.canaryTag = canary ? u"11"_s : QString();
    spec.replicas = hpa ? std::nullopt : std::optional<int>(3);
    spec.port = 9090;
    spec.selfHeal = !canary;

    const gd::Result<gd::git::FileChanges> changes = gd::tmpl::scaffoldService(TemplateSet::builtin(), spec);
    QVERIFY2(changes.ok(), qPrintable(changes.ok() ? QString() : changes.error().fullText()));

    const QString root = u"appsmanifests/orders/uat/"_s;
    QStringList expected = {
        u"application.yaml"_s,
        u"application-pipeline.yaml"_s,
        u"manifests/kustomization.yaml"_s,
        u"manifests/base/deployment.yaml"_s,
        u"manifests/base/service.yaml"_s,
        u"manifests/base/kustomization.yaml"_s,
        u"manifests/canary/deployment_overlay.yaml"_s,
        u"manifests/canary/service_overlay.yaml"_s,
        u"manifests/canary/kustomization.yaml"_s,
        u"manifests/ga/deployment_overlay.yaml"_s,
        u"manifests/ga/kustomization.yaml"_s,
        u"manifests/pipeline/ks-pipeline-jenkinsfile.yaml"_s,
    };
    if (hpa)
        expected.append(u"manifests/ga/hpa.yaml"_s);
    for (QString &path : expected)
        path.prepend(root);
    expected.sort();
    QCOMPARE(changes->files.keys(), expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFiles(*changes, dir.path()));

    // The real kustomize builds the overlay Argo CD will build.
    QProcess process;
    process.start(m_kubectl, {u"kustomize"_s, dir.path() + u'/' + root + u"manifests"_s});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    const QByteArray built = process.readAllStandardOutput();
    const std::vector<YAML::Node> docs = documentsOf(built);

    const YAML::Node stable = findResource(docs, u"Deployment"_s, u"orders"_s);
    QVERIFY(stable.IsDefined());
    QCOMPARE(str(stable["metadata"]["namespace"]), u"shop-uat"_s);
    QCOMPARE(str(stable["spec"]["template"]["metadata"]["labels"]["track"]), u"stable"_s);
    const YAML::Node container = stable["spec"]["template"]["spec"]["containers"][0];
    QCOMPARE(str(container["image"]), u"registry.example.com:5000/shop/orders:1.10"_s);
    QCOMPARE(container["ports"][0]["containerPort"].as<int>(), 9090);
    QCOMPARE(stable["spec"]["replicas"].IsDefined(), !hpa);
    if (!hpa)
        QCOMPARE(stable["spec"]["replicas"].as<int>(), 3);
    QVERIFY(findResource(docs, u"Service"_s, u"orders"_s).IsDefined());

    const YAML::Node autoscaler = findResource(docs, u"HorizontalPodAutoscaler"_s, u"orders"_s);
    QCOMPARE(autoscaler.IsDefined(), hpa);
    if (hpa)
        QCOMPARE(str(autoscaler["spec"]["scaleTargetRef"]["name"]), u"orders"_s);

    const YAML::Node canaryDeployment = findResource(docs, u"Deployment"_s, u"orders-canary"_s);
    QCOMPARE(canaryDeployment.IsDefined(), canary);
    if (canary) {
        QCOMPARE(str(canaryDeployment["spec"]["template"]["spec"]["containers"][0]["image"]),
                 u"registry.example.com:5000/shop/orders:11"_s);
        QCOMPARE(str(canaryDeployment["metadata"]["labels"]["track"]), u"canary"_s);
        QCOMPARE(str(canaryDeployment["spec"]["selector"]["matchLabels"]["track"]), u"canary"_s);
        QVERIFY(canaryDeployment["spec"]["replicas"].as<int>() < (hpa ? 2 : 3));
        QVERIFY(findResource(docs, u"Service"_s, u"orders-canary"_s).IsDefined());
    }
    // Language specifics reach the workload.
    const QByteArray deploymentText = built;
    if (language == u"java"_s)
        QVERIFY(deploymentText.contains("/actuator/health"));
    else if (language == u"nodejs"_s)
        QVERIFY(deploymentText.contains("NODE_ENV"));
    else
        QVERIFY(deploymentText.contains("/healthz"));

    // The KubeSphere pipeline CR.
    const QByteArray pipelineText = *changes->files.value(root + u"manifests/pipeline/ks-pipeline-jenkinsfile.yaml"_s);
    const YAML::Node pipeline = YAML::Load(pipelineText.toStdString());
    QCOMPARE(str(pipeline["apiVersion"]), u"devops.kubesphere.io/v1alpha3"_s);
    QCOMPARE(str(pipeline["kind"]), u"Pipeline"_s);
    QCOMPARE(str(pipeline["metadata"]["namespace"]), u"shop"_s);
    QCOMPARE(str(pipeline["spec"]["type"]), u"pipeline"_s);
    const QString jenkinsfile = str(pipeline["spec"]["pipeline"]["jenkinsfile"]);
    QVERIFY(jenkinsfile.startsWith(u"pipeline {"_s));
    QVERIFY(jenkinsfile.contains(u"IMAGE = 'registry.example.com:5000/shop/orders'"_s));
    QVERIFY(jenkinsfile.contains(u"MANIFESTS = 'appsmanifests/orders/uat/manifests'"_s));
    QVERIFY(jenkinsfile.contains(u"Release-Previous-Image"_s));
    QCOMPARE(jenkinsfile.contains(u"'canary', 'ga'"_s), canary);
    QVERIFY(!jenkinsfile.contains(u"$${"_s));

    // Both Argo CD Applications.
    const YAML::Node app = YAML::Load(changes->files.value(root + u"application.yaml"_s)->toStdString());
    QCOMPARE(str(app["apiVersion"]), u"argoproj.io/v1alpha1"_s);
    QCOMPARE(str(app["kind"]), u"Application"_s);
    QCOMPARE(str(app["metadata"]["name"]), u"shop-orders-uat"_s);
    QCOMPARE(str(app["metadata"]["labels"]["gitops-desk.io/service"]), u"orders"_s);
    QCOMPARE(str(app["spec"]["project"]), u"default"_s);
    QCOMPARE(str(app["spec"]["source"]["repoURL"]), spec.repoUrl);
    QCOMPARE(str(app["spec"]["source"]["targetRevision"]), u"main"_s);
    QCOMPARE(str(app["spec"]["source"]["path"]), u"appsmanifests/orders/uat/manifests"_s);
    QCOMPARE(str(app["spec"]["destination"]["server"]), u"https://10.0.0.1:6443"_s);
    QCOMPARE(str(app["spec"]["destination"]["namespace"]), u"shop-uat"_s);
    QCOMPARE(app["spec"]["syncPolicy"]["automated"]["selfHeal"].as<bool>(), spec.selfHeal);
    QCOMPARE(app["spec"]["syncPolicy"]["automated"]["prune"].as<bool>(), true);
    QCOMPARE(str(app["spec"]["syncPolicy"]["syncOptions"][0]), u"CreateNamespace=true"_s);

    const YAML::Node pipelineApp =
        YAML::Load(changes->files.value(root + u"application-pipeline.yaml"_s)->toStdString());
    QCOMPARE(str(pipelineApp["metadata"]["name"]), u"shop-orders-uat-pipeline"_s);
    QCOMPARE(str(pipelineApp["spec"]["source"]["repoURL"]), spec.repoUrl);
    QCOMPARE(str(pipelineApp["spec"]["source"]["path"]), u"appsmanifests/orders/uat/manifests/pipeline"_s);
    QCOMPARE(str(pipelineApp["spec"]["destination"]["server"]), u"https://kubernetes.default.svc"_s);
    QCOMPARE(str(pipelineApp["spec"]["destination"]["namespace"]), u"shop"_s);
}

void TestServiceScaffold::invalidSpecIsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad service name") << u"service"_s << u"Orders_API"_s
                                      << u"The service name \"Orders_API\" may only contain lower-case letters, "
                                         "digits and '-'."_s;
    QTest::newRow("empty project") << u"project"_s << QString() << u"The project name is empty."_s;
    QTest::newRow("bad environment") << u"environment"_s << u"-uat"_s
                                     << u"The environment name \"-uat\" must start and end with a letter or a "
                                        "digit."_s;
    QTest::newRow("bad tag") << u"gaTag"_s << u"1.0/beta"_s << u"The GA tag \"1.0/beta\" is not a valid image tag."_s;
    QTest::newRow("tag starting with dot") << u"canaryTag"_s << u".1"_s
                                           << u"The canary tag \".1\" is not a valid image tag."_s;
    QTest::newRow("port 0") << u"port"_s << u"0"_s << u"The port 0 is not valid; choose a port from 1 to 65535."_s;
    QTest::newRow("port too big") << u"port"_s << u"70000"_s
                                  << u"The port 70000 is not valid; choose a port from 1 to 65535."_s;
    QTest::newRow("replicas 0") << u"replicas"_s << u"0"_s
                                << u"The replica count 0 is not valid; choose at least 1, or let an autoscaler (HPA) "
                                   "scale the service."_s;
    QTest::newRow("unknown language") << u"language"_s << u"rust"_s
                                      << u"The template set has no \"rust\" template; choose one of: go, java, "
                                         "nodejs."_s;
    QTest::newRow("image with tag") << u"imageRepository"_s << u"registry.example.com/shop/orders:1.0"_s
                                    << u"The image repository \"registry.example.com/shop/orders:1.0\" holds a tag; "
                                       "enter the repository only, the tag is set separately."_s;
    QTest::newRow("empty image") << u"imageRepository"_s << QString()
                                 << u"The image repository is empty; enter where the images are pushed, for example "
                                    "registry.example.com/shop/orders."_s;
    QTest::newRow("upper-case image") << u"imageRepository"_s << u"registry.example.com/Shop/orders"_s
                                      << u"The image repository \"registry.example.com/Shop/orders\" is not valid: "
                                         "\"Shop\" may only hold lower-case letters, digits and single '.', '_' or "
                                         "'-' between them."_s;
    QTest::newRow("no repo url") << u"repoUrl"_s << QString()
                                 << u"The deployment repository URL is empty; Argo CD needs it to find the "
                                    "manifests."_s;
}

void TestServiceScaffold::invalidSpecIsRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    ServiceSpec spec = baseSpec();
    if (field == u"service"_s)
        spec.service = value;
    else if (field == u"project"_s)
        spec.project = value;
    else if (field == u"environment"_s)
        spec.environment = value;
    else if (field == u"gaTag"_s)
        spec.gaTag = value;
    else if (field == u"canaryTag"_s)
        spec.canaryTag = value;
    else if (field == u"port"_s)
        spec.port = value.toInt();
    else if (field == u"replicas"_s)
        spec.replicas = value.toInt();
    else if (field == u"language"_s)
        spec.language = value;
    else if (field == u"imageRepository"_s)
        spec.imageRepository = value;
    else if (field == u"repoUrl"_s)
        spec.repoUrl = value;

    QVERIFY(gd::tmpl::validateSpec(baseSpec(), TemplateSet::builtin()).ok());
    const gd::Result<void> checked = gd::tmpl::validateSpec(spec, TemplateSet::builtin());
    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().code, gd::Error::Code::InvalidInput);
    QCOMPARE(checked.error().message, message);
    // Scaffolding refuses the same spec with the same sentence, writing nothing.
    const gd::Result<gd::git::FileChanges> changes = gd::tmpl::scaffoldService(TemplateSet::builtin(), spec);
    QVERIFY(!changes.ok());
    QCOMPARE(changes.error().message, message);
}

QTEST_GUILESS_MAIN(TestServiceScaffold)
#include "tst_servicescaffold.moc"
