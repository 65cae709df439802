// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/kustomization.h"
#include "manifest/manifestcheck.h"
#include "template/servicescaffold.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSet>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using gd::manifest::Diagnostic;
using gd::manifest::Diagnostics;
using gd::manifest::Kustomization;
using gd::manifest::ManifestRole;

Q_DECLARE_METATYPE(gd::manifest::ManifestRole)

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString describe(const Diagnostics &found)
{
    QStringList lines;
    for (const Diagnostic &d : found)
        lines << u"%1:%2 %3 %4"_s.arg(d.line).arg(d.column).arg(d.isError() ? u"error"_s : u"warning"_s, d.message);
    return lines.join(u'\n');
}

int errorCount(const Diagnostics &found)
{
    return int(std::count_if(found.begin(), found.end(), [](const Diagnostic &d) { return d.isError(); }));
}

// Paths the broken/good variants treat as present next to the checked file.
bool existsInFixture(const QString &relative)
{
    static const QSet<QString> present = {u"deployment.yaml"_s, u"service.yaml"_s, u"../base"_s,
                                          u"patch.yaml"_s,      u"app.properties"_s, u"config.env"_s,
                                          u"../components/ha"_s};
    return present.contains(relative);
}

// A valid Deployment; the broken variants change one thing and keep the line numbers.
QByteArray deployment()
{
    return "apiVersion: apps/v1\n"                                      // 1
           "kind: Deployment\n"                                         // 2
           "metadata:\n"                                                // 3
           "  name: orders\n"                                           // 4
           "spec:\n"                                                    // 5
           "  replicas: 2\n"                                            // 6
           "  selector:\n"                                              // 7
           "    matchLabels:\n"                                         // 8
           "      app: orders\n"                                        // 9
           "  template:\n"                                              // 10
           "    metadata:\n"                                            // 11
           "      labels:\n"                                            // 12
           "        app: orders\n"                                      // 13
           "    spec:\n"                                                // 14
           "      containers:\n"                                        // 15
           "        - name: app\n"                                      // 16
           "          image: registry.example.com/shop/orders:1.4.2\n"  // 17
           "          ports:\n"                                         // 18
           "            - name: http\n"                                 // 19
           "              containerPort: 8080\n"                        // 20
           "          readinessProbe:\n"                                // 21
           "            httpGet:\n"                                     // 22
           "              path: /healthz\n"                             // 23
           "              port: http\n";                                // 24
}

QByteArray service()
{
    return "apiVersion: v1\n"          // 1
           "kind: Service\n"           // 2
           "metadata:\n"               // 3
           "  name: orders\n"          // 4
           "spec:\n"                   // 5
           "  selector:\n"             // 6
           "    app: orders\n"         // 7
           "  ports:\n"                // 8
           "    - name: http\n"        // 9
           "      port: 80\n"          // 10
           "      targetPort: http\n"; // 11
}

QByteArray kustomization()
{
    return "apiVersion: kustomize.config.k8s.io/v1beta1\n"  // 1
           "kind: Kustomization\n"                          // 2
           "resources:\n"                                   // 3
           "  - ../base\n"                                  // 4
           "  - deployment.yaml\n"                          // 5
           "patches:\n"                                     // 6
           "  - path: patch.yaml\n"                         // 7
           "configMapGenerator:\n"                          // 8
           "  - name: settings\n"                           // 9
           "    files:\n"                                   // 10
           "      - app.properties\n"                       // 11
           "    envs:\n"                                    // 12
           "      - config.env\n";                          // 13
}

QByteArray application()
{
    return "apiVersion: argoproj.io/v1alpha1\n"                 // 1
           "kind: Application\n"                                // 2
           "metadata:\n"                                        // 3
           "  name: shop-orders-uat\n"                          // 4
           "spec:\n"                                            // 5
           "  project: default\n"                               // 6
           "  source:\n"                                        // 7
           "    repoURL: https://git.example.com/shop.git\n"    // 8
           "    path: appsmanifests/orders/uat/manifests\n"     // 9
           "  destination:\n"                                   // 10
           "    server: https://kubernetes.default.svc\n";      // 11
}

QByteArray replaced(QByteArray text, const char *before, const char *after)
{
    const QByteArray from(before);
    if (!text.contains(from))
        qFatal("test fixture does not contain %s", before);
    return text.replace(from, QByteArray(after));
}

// Every file of a rendered FileChanges folder tree, probed as kustomize would see it from `folder`.
struct RenderedTree {
    QMap<QString, QByteArray> files;

    bool exists(const QString &folder, const QString &relative) const
    {
        const QString path = QDir::cleanPath(folder + u'/' + relative);
        if (files.contains(path))
            return true;
        const auto it = files.lowerBound(path + u'/');
        return it != files.end() && it.key().startsWith(path + u'/');
    }

    std::optional<Kustomization> kustomizationIn(const QString &folder) const
    {
        const auto it = files.find(folder + u"/kustomization.yaml"_s);
        if (it == files.end())
            return std::nullopt;
        auto parsed = Kustomization::parse(it.value());
        return parsed.ok() ? std::optional<Kustomization>(*parsed) : std::nullopt;
    }
};

} // namespace

class TestManifestCheck : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findings_data();
    void findings();
    void validVariantsHaveNoErrors_data();
    void validVariantsHaveNoErrors();
    void realFilesHaveNoErrors_data();
    void realFilesHaveNoErrors();
    void renderedTemplatesHaveNoErrors_data();
    void renderedTemplatesHaveNoErrors();
    void rolesOfFiles_data();
    void rolesOfFiles();
    void includesYamlAndKustomizationFindings();
    void checksDocumentsBeforeASyntaxError();
    void withoutProbeSkipsPathChecks();
    void sortedByLineAndColumn();
};

void TestManifestCheck::findings_data()
{
    QTest::addColumn<ManifestRole>("role");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("word");

    const auto K = ManifestRole::Kustomization;
    const auto R = ManifestRole::Resource;
    const auto P = ManifestRole::Patch;
    const auto U = ManifestRole::Unknown;
    const auto A = ManifestRole::ArgoApplication;

    // Kustomization: unknown fields, with a suggestion for a near miss.
    QTest::newRow("kustomization: resource for resources")
        << K << replaced(kustomization(), "resources:", "resource:") << 3 << 1 << u"did you mean \"resources\""_s;
    QTest::newRow("kustomization: image for images")
        << K << kustomization() + "image:\n  - name: orders\n    newTag: \"1.4.3\"\n" << 14 << 1
        << u"did you mean \"images\""_s;
    QTest::newRow("kustomization: NameSuffix in the wrong case")
        << K << kustomization() + "NameSuffix: -canary\n" << 14 << 1 << u"did you mean \"nameSuffix\""_s;
    QTest::newRow("kustomization: unknown field far from any")
        << K << kustomization() + "owner: team-shop\n" << 14 << 1 << u"not a kustomization field"_s;
    // Kustomization: referenced paths that do not exist.
    QTest::newRow("kustomization: missing resource")
        << K << replaced(kustomization(), "  - deployment.yaml\n", "  - deploy.yaml\n") << 5 << 5 << u"deploy.yaml"_s;
    QTest::newRow("kustomization: missing resource folder")
        << K << replaced(kustomization(), "../base", "../../base") << 4 << 5 << u"../../base"_s;
    QTest::newRow("kustomization: missing deprecated base")
        << K << replaced(kustomization(), "resources:\n  - ../base\n", "bases:\n  - ../bsae\n") << 4 << 5
        << u"../bsae"_s;
    QTest::newRow("kustomization: missing component")
        << K << kustomization() + "components:\n  - ../components/ha\n  - ../components/canary\n" << 16 << 5
        << u"../components/canary"_s;
    QTest::newRow("kustomization: missing patch path")
        << K << replaced(kustomization(), "path: patch.yaml", "path: patches.yaml") << 7 << 11 << u"patches.yaml"_s;
    QTest::newRow("kustomization: missing patchesStrategicMerge file")
        << K << kustomization() + "patchesStrategicMerge:\n  - replicas.yaml\n" << 15 << 5 << u"replicas.yaml"_s;
    QTest::newRow("kustomization: missing patchesJson6902 path")
        << K
        << kustomization()
               + "patchesJson6902:\n  - target:\n      kind: Deployment\n      name: orders\n    path: ops.yaml\n"
        << 18 << 11 << u"ops.yaml"_s;
    QTest::newRow("kustomization: missing generator file")
        << K << replaced(kustomization(), "- app.properties", "- app.props") << 11 << 9 << u"app.props"_s;
    QTest::newRow("kustomization: missing generator file with a key")
        << K << replaced(kustomization(), "- app.properties", "- settings=app.props") << 11 << 9
        << u"app.props"_s;
    QTest::newRow("kustomization: missing generator env file")
        << K << replaced(kustomization(), "- config.env", "- prod.env") << 13 << 9 << u"prod.env"_s;
    QTest::newRow("kustomization: missing secretGenerator env")
        << K << kustomization() + "secretGenerator:\n  - name: db\n    env: secret.env\n" << 16 << 10
        << u"secret.env"_s;
    // Kustomization::parse's own errors come through.
    QTest::newRow("kustomization: unquoted numeric tag")
        << K << kustomization() + "images:\n  - name: orders\n    newTag: 1.10\n" << 16 << 13 << u"quoted"_s;
    QTest::newRow("kustomization: not a mapping") << K << QByteArray("- ../base\n- deployment.yaml\n") << 1 << 1
                                                  << u"no kustomization"_s;

    // Resource: Kubernetes basics.
    QTest::newRow("resource: no kind") << R << replaced(deployment(), "kind: Deployment\n", "") << 1 << 1
                                       << u"\"kind\""_s;
    QTest::newRow("resource: no apiVersion") << R << replaced(deployment(), "apiVersion: apps/v1\n", "") << 1 << 1
                                             << u"\"apiVersion\""_s;
    QTest::newRow("resource: empty kind") << R << replaced(deployment(), "kind: Deployment", "kind: \"\"") << 2 << 7
                                          << u"\"kind\""_s;
    QTest::newRow("resource: no name") << R << replaced(service(), "  name: orders\n", "  labels: {app: orders}\n")
                                       << 3 << 1 << u"metadata.name"_s;
    QTest::newRow("resource: upper-case name") << R << replaced(deployment(), "name: orders\n", "name: Orders\n")
                                               << 4 << 9 << u"lower-case"_s;
    QTest::newRow("resource: underscore in name")
        << R << replaced(service(), "name: orders\n", "name: orders_api\n") << 4 << 9 << u"orders_api"_s;
    QTest::newRow("resource: name ends with a dash")
        << R << replaced(service(), "name: orders\n", "name: \"orders-\"\n") << 4 << 9 << u"start and end"_s;
    QTest::newRow("resource: name with an empty part")
        << R << replaced(service(), "name: orders\n", "name: orders..v2\n") << 4 << 9 << u"around each '.'"_s;
    QTest::newRow("resource: name too long")
        << R << replaced(service(), "name: orders\n", QByteArray("name: " + QByteArray(254, 'a') + '\n').constData())
        << 4 << 9
        << u"253"_s;
    QTest::newRow("resource: RBAC name with a slash")
        << R
        << QByteArray("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: shop/reader\n"
                      "rules: []\n")
        << 4 << 9 << u"'/'"_s;
    // Resource: pod templates.
    QTest::newRow("resource: container without name")
        << R << replaced(deployment(), "        - name: app\n          image:", "        - image:") << 16 << 11
        << u"no name"_s;
    QTest::newRow("resource: container without image")
        << R << replaced(deployment(), "          image: registry.example.com/shop/orders:1.4.2\n", "") << 16 << 11
        << u"\"app\" has no image"_s;
    QTest::newRow("resource: empty image")
        << R << replaced(deployment(), "image: registry.example.com/shop/orders:1.4.2", "image:") << 17 << 11
        << u"no image"_s;
    QTest::newRow("resource: init container without image")
        << R
        << replaced(deployment(), "      containers:\n",
                    "      initContainers:\n        - name: migrate\n      containers:\n")
        << 16 << 11 << u"\"migrate\" has no image"_s;
    QTest::newRow("resource: quoted containerPort")
        << R << replaced(deployment(), "containerPort: 8080", "containerPort: \"8080\"") << 20 << 30 << u"quotes"_s;
    QTest::newRow("resource: containerPort out of range")
        << R << replaced(deployment(), "containerPort: 8080", "containerPort: 80800") << 20 << 30 << u"65535"_s;
    QTest::newRow("resource: containerPort zero")
        << R << replaced(deployment(), "containerPort: 8080", "containerPort: 0") << 20 << 30 << u"65535"_s;
    QTest::newRow("resource: containerPort given as a name")
        << R << replaced(deployment(), "containerPort: 8080", "containerPort: http") << 20 << 30
        << u"not a number"_s;
    QTest::newRow("resource: port without containerPort")
        << R << replaced(deployment(), "              containerPort: 8080\n", "              protocol: TCP\n")
        << 19 << 15 << u"containerPort"_s;
    QTest::newRow("resource: probe port neither number nor name")
        << R << replaced(deployment(), "port: http\n", "port: HTTP_PORT\n") << 24 << 21 << u"HTTP_PORT"_s;
    QTest::newRow("resource: selector label missing in the template")
        << R
        << replaced(deployment(), "      app: orders\n  template:", "      app: orders\n      tier: api\n  template:")
        << 10 << 7 << u"\"tier: api\""_s;
    QTest::newRow("resource: selector label with another value")
        << R << replaced(deployment(), "        app: orders\n", "        app: order\n") << 9 << 7 << u"\"order\""_s;
    QTest::newRow("resource: negative replicas") << R << replaced(deployment(), "replicas: 2", "replicas: -1") << 6
                                                 << 13 << u"0 or more"_s;
    QTest::newRow("resource: quoted replicas") << R << replaced(deployment(), "replicas: 2", "replicas: \"2\"") << 6
                                               << 13 << u"quotes"_s;
    QTest::newRow("resource: replicas as words") << R << replaced(deployment(), "replicas: 2", "replicas: two") << 6
                                                 << 13 << u"\"two\""_s;
    QTest::newRow("resource: StatefulSet container without image")
        << R
        << replaced(replaced(deployment(), "kind: Deployment", "kind: StatefulSet"),
                    "          image: registry.example.com/shop/orders:1.4.2\n", "")
        << 16 << 11 << u"no image"_s;
    QTest::newRow("resource: CronJob container without image")
        << R
        << QByteArray("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n"
                      "  schedule: \"0 3 * * *\"\n"
                      "  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n"
                      "          containers:\n            - name: report\n")
        << 13 << 15 << u"\"report\" has no image"_s;
    QTest::newRow("resource: Job selector label missing")
        << R
        << QByteArray("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  selector:\n"
                      "    matchLabels:\n      job: migrate\n  template:\n    metadata:\n      labels:\n"
                      "        app: orders\n    spec:\n      containers:\n        - name: migrate\n"
                      "          image: orders:1\n")
        << 8 << 7 << u"\"job: migrate\""_s;
    // Resource: Services.
    QTest::newRow("service: port missing") << R << replaced(service(), "      port: 80\n", "      protocol: TCP\n")
                                           << 9 << 7 << u"\"port\""_s;
    QTest::newRow("service: port as text") << R << replaced(service(), "port: 80\n", "port: eighty\n") << 10 << 13
                                           << u"\"eighty\""_s;
    QTest::newRow("service: port out of range") << R << replaced(service(), "port: 80\n", "port: 65536\n") << 10
                                                << 13 << u"65535"_s;
    QTest::newRow("service: quoted numeric targetPort")
        << R << replaced(service(), "targetPort: http", "targetPort: \"8080\"") << 11 << 19 << u"quotes"_s;
    QTest::newRow("service: targetPort name with capitals")
        << R << replaced(service(), "targetPort: http", "targetPort: Web_Port") << 11 << 19 << u"Web_Port"_s;
    QTest::newRow("service: targetPort name too long")
        << R << replaced(service(), "targetPort: http", "targetPort: orders-http-port-1") << 11 << 19
        << u"15"_s;
    QTest::newRow("resource: error in the second document")
        << R << service() + "---\n" + replaced(deployment(), "replicas: 2", "replicas: -3") << 18 << 13
        << u"replicas"_s;

    // Patch: only what is present is checked.
    QTest::newRow("patch: containerPort out of range")
        << P
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n"
                      "    spec:\n      containers:\n        - name: app\n          ports:\n"
                      "            - containerPort: 99999\n")
        << 11 << 30 << u"65535"_s;
    QTest::newRow("patch: selector value differs from the template label")
        << P
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  selector:\n"
                      "    matchLabels:\n      track: stable\n  template:\n    metadata:\n      labels:\n"
                      "        track: canary\n")
        << 8 << 7 << u"\"canary\""_s;
    QTest::newRow("patch: invalid name")
        << P << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: Orders\n") << 4 << 9 << u"lower-case"_s;
    QTest::newRow("patch: empty image")
        << P
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n"
                      "    spec:\n      containers:\n        - name: app\n          image: \"\"\n")
        << 10 << 11 << u"no image"_s;
    QTest::newRow("patch: empty kind") << P << QByteArray("apiVersion: v1\nkind:\nmetadata:\n  name: orders\n") << 2
                                       << 1 << u"\"kind\""_s;

    // Unknown: a file that looks like a Kubernetes object is checked like a patch.
    QTest::newRow("unknown: object with an invalid name")
        << U << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: App.Settings\ndata: {}\n") << 4 << 9
        << u"lower-case"_s;

    // Argo CD Application files.
    QTest::newRow("application: another kind")
        << A << replaced(application(), "kind: Application", "kind: ApplicationSet") << 2 << 7
        << u"\"ApplicationSet\""_s;
    QTest::newRow("application: no kind") << A << replaced(application(), "kind: Application\n", "") << 1 << 1
                                          << u"kind: Application"_s;
    QTest::newRow("application: no source path")
        << A << replaced(application(), "    path: appsmanifests/orders/uat/manifests\n", "") << 7 << 3
        << u"spec.source.path"_s;
    QTest::newRow("application: no source at all")
        << A
        << replaced(application(),
                    "  source:\n    repoURL: https://git.example.com/shop.git\n"
                    "    path: appsmanifests/orders/uat/manifests\n",
                    "")
        << 5 << 1 << u"spec.source.path"_s;
    QTest::newRow("application: empty file") << A << QByteArray("# nothing yet\n") << 1 << 1 << u"no Argo CD"_s;
}

void TestManifestCheck::findings()
{
    QFETCH(ManifestRole, role);
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, word);

    const Diagnostics found = gd::manifest::checkManifest(text, role, existsInFixture);
    QVERIFY2(errorCount(found) == 1, qPrintable(describe(found)));
    const auto error = std::find_if(found.begin(), found.end(), [](const Diagnostic &d) { return d.isError(); });
    QVERIFY2(error->line == line && error->column == column, qPrintable(describe(found)));
    QVERIFY2(error->message.contains(word), qPrintable(error->message));
    QVERIFY(error->message.endsWith(u'.') || error->message.endsWith(u'?'));
}

void TestManifestCheck::validVariantsHaveNoErrors_data()
{
    QTest::addColumn<ManifestRole>("role");
    QTest::addColumn<QByteArray>("text");

    const auto K = ManifestRole::Kustomization;
    const auto R = ManifestRole::Resource;
    const auto P = ManifestRole::Patch;
    const auto U = ManifestRole::Unknown;

    QTest::newRow("kustomization") << K << kustomization();
    QTest::newRow("kustomization: every v5 field")
        << K
        << QByteArray("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nmetadata:\n  name: x\n"
                      "namespace: shop\nnamePrefix: a-\nnameSuffix: -b\nlabels: []\ncommonAnnotations: {}\n"
                      "images: []\nreplacements: []\nreplicas: []\ngeneratorOptions: {}\ngenerators: []\n"
                      "transformers: []\nvalidators: []\ncrds: []\nconfigurations: []\nopenapi: {}\nhelmCharts: []\n"
                      "helmGlobals: {}\nhelmChartInflationGenerator: []\nbuildMetadata: []\nsortOptions: {}\n"
                      "resources: []\ncomponents: []\npatches: []\nconfigMapGenerator: []\nsecretGenerator: []\n");
    QTest::newRow("kustomization: remote resources")
        << K
        << QByteArray("resources:\n  - https://github.com/argoproj/argo-cd//manifests/cluster-install?ref=v2.9.3\n"
                      "  - github.com/kubernetes-sigs/kustomize/examples/multibases?ref=v1.0.6\n"
                      "  - git@github.com:example/deploy.git//base\n");
    QTest::newRow("kustomization: inline patches") << K
                                                   << QByteArray("patches:\n  - patch: |-\n      - op: remove\n"
                                                                 "        path: /spec/replicas\n    target:\n"
                                                                 "      kind: Deployment\n"
                                                                 "patchesStrategicMerge:\n  - |-\n    kind: X\n");
    QTest::newRow("kustomization: template placeholders")
        << K << QByteArray("resources:\n  - ../base\n  - ${HPA_FILE}\n");
    QTest::newRow("resource: Deployment") << R << deployment();
    QTest::newRow("resource: Service") << R << service();
    QTest::newRow("resource: Deployment and Service") << R << deployment() + "---\n" + service();
    QTest::newRow("resource: numeric targetPort and probe port")
        << R << replaced(replaced(service(), "targetPort: http", "targetPort: 8080"), "port: 80\n", "port: 443\n");
    QTest::newRow("resource: generateName instead of name")
        << R
        << QByteArray("apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\nspec:\n  template:\n"
                      "    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n"
                      "          image: orders:1\n");
    QTest::newRow("resource: RBAC name with a colon")
        << R
        << QByteArray("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n"
                      "  name: system:aggregated-metrics-reader\nrules: []\n");
    QTest::newRow("resource: a List") << R << QByteArray("apiVersion: v1\nkind: List\nitems: []\n");
    QTest::newRow("resource: zero replicas") << R << replaced(deployment(), "replicas: 2", "replicas: 0");
    QTest::newRow("resource: placeholders") << R
                                            << replaced(replaced(deployment(), "name: orders\n", "name: ${SERVICE}\n"),
                                                        "containerPort: 8080", "containerPort: ${PORT:int}");
    QTest::newRow("resource: dotted name") << R << replaced(service(), "name: orders\n", "name: v1.orders.shop\n");
    QTest::newRow("resource: empty documents") << R << QByteArray("---\n# nothing\n---\n") + service();
    QTest::newRow("patch: partial Deployment")
        << P
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\n  labels:\n    track: stable\n"
                      "spec:\n  selector:\n    matchLabels:\n      track: stable\n  template:\n    metadata:\n"
                      "      labels:\n        track: stable\n    spec:\n      containers:\n        - name: app\n"
                      "          resources:\n            limits:\n              memory: 256Mi\n");
    QTest::newRow("patch: selector label only in the base")
        << P
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  selector:\n"
                      "    matchLabels:\n      track: stable\n  template:\n    metadata:\n      labels:\n"
                      "        team: shop\n");
    QTest::newRow("patch: delete directive") << P
                                             << QByteArray("$patch: delete\napiVersion: v1\nkind: Service\n"
                                                           "metadata:\n  name: orders\n");
    QTest::newRow("patch: JSON 6902 operations") << P
                                                 << QByteArray("- op: replace\n  path: /spec/replicas\n  value: 3\n");
    QTest::newRow("unknown: not a Kubernetes object") << U << QByteArray("Name: Settings\nport: \"eighty\"\n");
    QTest::newRow("application") << ManifestRole::ArgoApplication << application();
    QTest::newRow("application: multiple sources")
        << ManifestRole::ArgoApplication
        << replaced(application(), "  source:\n    repoURL: https://git.example.com/shop.git\n",
                    "  sources:\n  - repoURL: https://git.example.com/shop.git\n");
}

void TestManifestCheck::validVariantsHaveNoErrors()
{
    QFETCH(ManifestRole, role);
    QFETCH(QByteArray, text);
    const Diagnostics found = gd::manifest::checkManifest(text, role, existsInFixture);
    QVERIFY2(!gd::manifest::hasErrors(found), qPrintable(describe(found)));
}

void TestManifestCheck::realFilesHaveNoErrors_data()
{
    QTest::addColumn<QString>("path");
    const QString root = qEnvironmentVariable("GD_TEST_DATA") + u"/kustomize"_s;
    QDirIterator it(root, {u"*.yaml"_s, u"*.yml"_s}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int count = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QTest::newRow(qPrintable(QDir(root).relativeFilePath(path))) << path;
        ++count;
    }
    QVERIFY2(count >= 50, "tests/data/kustomize should hold the real overlay trees");
}

void TestManifestCheck::realFilesHaveNoErrors()
{
    QFETCH(QString, path);
    const QDir folder = QFileInfo(path).dir();
    std::optional<Kustomization> sibling;
    if (folder.exists(u"kustomization.yaml"_s)) {
        auto parsed = Kustomization::parse(readFile(folder.filePath(u"kustomization.yaml"_s)));
        QVERIFY(parsed.ok());
        sibling = *parsed;
    }
    const ManifestRole role = gd::manifest::roleOf(QFileInfo(path).fileName(), sibling ? &*sibling : nullptr);
    const Diagnostics found = gd::manifest::checkManifest(
        readFile(path), role, [&](const QString &relative) { return QFileInfo::exists(folder.filePath(relative)); });
    QVERIFY2(!gd::manifest::hasErrors(found), qPrintable(describe(found)));
}

void TestManifestCheck::renderedTemplatesHaveNoErrors_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("canary");
    QTest::addColumn<bool>("autoscaled");
    for (const QString &language : {u"go"_s, u"java"_s, u"nodejs"_s}) {
        for (const bool canary : {false, true}) {
            for (const bool autoscaled : {false, true}) {
                QTest::addRow("%s%s%s", qPrintable(language), canary ? ", canary" : "", autoscaled ? ", HPA" : "")
                    << language << canary << autoscaled;
            }
        }
    }
}

void TestManifestCheck::renderedTemplatesHaveNoErrors()
{
    QFETCH(QString, language);
    QFETCH(bool, canary);
    QFETCH(bool, autoscaled);

    auto templates = gd::tmpl::TemplateSet::fromDirectory(qEnvironmentVariable("GD_SOURCE_DIR") + u"/templates"_s);
    QVERIFY(templates.ok());
    QVERIFY(templates->languages().contains(language));
    gd::tmpl::ServiceSpec spec;
    spec.project = u"shop"_s;
    spec.service = u"orders"_s;
    spec.environment = u"uat"_s;
    spec.language = language;
    spec.canaryStage = canary;
    spec.imageRepository = u"registry.example.com/shop/orders"_s;
    spec.gaTag = u"1.4.2"_s;
    spec.canaryTag = u"1.5.0-rc.1"_s;
    spec.replicas = autoscaled ? std::nullopt : std::optional<int>(2);
    spec.repoUrl = u"https://git.example.com/shop/argocd-gitops-shop.git"_s;
    auto changes = gd::tmpl::scaffoldService(*templates, spec);
    QVERIFY2(changes.ok(), qPrintable(changes.ok() ? QString() : changes.error().fullText()));

    RenderedTree tree;
    const QString root = u"appsmanifests/orders/uat"_s;
    for (auto it = changes->files.cbegin(); it != changes->files.cend(); ++it) {
        if (it.value())
            tree.files.insert(it.key(), *it.value());
    }
    int checked = 0;
    int schemaChecked = 0;
    for (auto it = tree.files.cbegin(); it != tree.files.cend(); ++it) {
        const QFileInfo info(it.key());
        if (!it.key().endsWith(u".yaml"_s))
            continue;
        const QString folder = info.path();
        ManifestRole role;
        if (folder == root && info.fileName().startsWith(u"application"_s)) {
            role = ManifestRole::ArgoApplication;
        } else {
            const std::optional<Kustomization> sibling = tree.kustomizationIn(folder);
            role = gd::manifest::roleOf(info.fileName(), sibling ? &*sibling : nullptr);
        }
        const Diagnostics found = gd::manifest::checkManifest(
            it.value(), role, [&](const QString &relative) { return tree.exists(folder, relative); });
        QVERIFY2(!gd::manifest::hasErrors(found), qPrintable(it.key() + u'\n' + describe(found)));
        ++checked;
        schemaChecked += role != ManifestRole::Unknown ? 1 : 0;
    }
    QVERIFY(checked >= 10);
    QVERIFY(schemaChecked >= checked - 1);   // only the pipeline is outside every kustomization
}

void TestManifestCheck::rolesOfFiles_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<ManifestRole>("role");

    QTest::newRow("kustomization.yaml") << u"kustomization.yaml"_s << ManifestRole::Kustomization;
    QTest::newRow("kustomization.yml") << u"kustomization.yml"_s << ManifestRole::Kustomization;
    QTest::newRow("Kustomization") << u"Kustomization"_s << ManifestRole::Kustomization;
    QTest::newRow("in a subfolder") << u"ga/kustomization.yaml"_s << ManifestRole::Kustomization;
    QTest::newRow("resource") << u"deployment.yaml"_s << ManifestRole::Resource;
    QTest::newRow("resource written with ./") << u"service.yaml"_s << ManifestRole::Resource;
    QTest::newRow("patch") << u"deployment_overlay.yaml"_s << ManifestRole::Patch;
    QTest::newRow("strategic merge patch") << u"replicas.yaml"_s << ManifestRole::Patch;
    QTest::newRow("json 6902 patch") << u"ops.yaml"_s << ManifestRole::Patch;
    QTest::newRow("listed nowhere") << u"notes.yaml"_s << ManifestRole::Unknown;
}

void TestManifestCheck::rolesOfFiles()
{
    QFETCH(QString, fileName);
    QFETCH(ManifestRole, role);
    auto k = Kustomization::parse("resources:\n  - deployment.yaml\n  - ./service.yaml\n  - base\npatches:\n"
                                  "  - path: deployment_overlay.yaml\npatchesStrategicMerge:\n  - replicas.yaml\n"
                                  "patchesJson6902:\n  - path: ops.yaml\n    target: {kind: Deployment}\n");
    QVERIFY(k.ok());
    QCOMPARE(gd::manifest::roleOf(fileName, &*k), role);
    if (role != ManifestRole::Kustomization)
        QCOMPARE(gd::manifest::roleOf(fileName, nullptr), ManifestRole::Unknown);
}

void TestManifestCheck::includesYamlAndKustomizationFindings()
{
    // checkYaml's duplicate key and Kustomization::parse's deprecation come with the schema finding.
    const QByteArray text = "resources:\n  - deployment.yaml\ncommonLabels:\n  app: orders\nnamespace: a\n"
                            "namespace: b\nresource: []\n";
    const Diagnostics found = gd::manifest::checkManifest(text, ManifestRole::Kustomization, existsInFixture);
    QCOMPARE(found.size(), size_t(3));
    QCOMPARE(found[0].line, 3);
    QCOMPARE(found[0].severity, Diagnostic::Severity::Warning);
    QVERIFY(found[0].message.contains(u"labels"_s));
    QCOMPARE(found[1].line, 6);
    QVERIFY(found[1].message.contains(u"Duplicate key"_s));
    QCOMPARE(found[2].line, 7);
    QVERIFY(found[2].message.contains(u"did you mean \"resources\""_s));
}

void TestManifestCheck::checksDocumentsBeforeASyntaxError()
{
    // The editor keeps showing schema findings above the place being typed in.
    const QByteArray text = replaced(service(), "port: 80\n", "port: 0\n") + "---\n" + "kind: [Deployment\n";
    const Diagnostics found = gd::manifest::checkManifest(text, ManifestRole::Resource, existsInFixture);
    QCOMPARE(errorCount(found), 2);
    QCOMPARE(found[0].line, 10);
    QVERIFY(found[0].message.contains(u"65535"_s));
    QVERIFY(found[1].line >= 13);
}

void TestManifestCheck::withoutProbeSkipsPathChecks()
{
    const QByteArray text = replaced(kustomization(), "- deployment.yaml", "- missing.yaml");
    QVERIFY(gd::manifest::checkManifest(text, ManifestRole::Kustomization, {}).empty());
    QStringList asked;
    const Diagnostics found = gd::manifest::checkManifest(text, ManifestRole::Kustomization, [&](const QString &p) {
        asked << p;
        return existsInFixture(p);
    });
    QCOMPARE(errorCount(found), 1);
    QCOMPARE(asked, (QStringList{u"../base"_s, u"missing.yaml"_s, u"patch.yaml"_s, u"app.properties"_s,
                                 u"config.env"_s}));
}

void TestManifestCheck::sortedByLineAndColumn()
{
    QByteArray text = replaced(deployment(), "name: orders\n", "name: Orders\n");
    text = replaced(text, "containerPort: 8080", "containerPort: 0");
    text = replaced(text, "replicas: 2", "replicas: -2");
    text = replaced(text, "port: http\n", "port: Http\n");
    text += "---\nkind: Service\n";   // no apiVersion, no metadata
    const Diagnostics found = gd::manifest::checkManifest(text, ManifestRole::Resource, existsInFixture);
    QCOMPARE(found.size(), size_t(6));
    QList<int> lines;
    for (const Diagnostic &d : found)
        lines << d.line;
    QCOMPARE(lines, (QList<int>{4, 6, 20, 24, 26, 26}));
}

QTEST_GUILESS_MAIN(TestManifestCheck)
#include "tst_manifestcheck.moc"
