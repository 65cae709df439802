// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/kustomizerunner.h"
#include "manifest/overlayhelpers.h"
#include "manifest/yamlcheck.h"
#include "support/yamltojson.h"
#include "template/templaterenderer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::Error;
using gd::manifest::ReplicasState;

Q_DECLARE_METATYPE(gd::manifest::ReplicasState)
Q_DECLARE_METATYPE(gd::Error::Code)

namespace {

const QByteArray marker = " # managed by the HorizontalPodAutoscaler";

QString dataDir(const QString &sub)
{
    return qEnvironmentVariable("GD_TEST_DATA") + u'/' + sub;
}

QString sourceDir(const QString &sub)
{
    return qEnvironmentVariable("GD_SOURCE_DIR") + u'/' + sub;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray toCrlf(const QByteArray &text)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))
            out += '\r';
        out += text[i];
    }
    return out;
}

// The line ends of `after` are those of `before`'s kind: all CRLF, or no CR at all.
bool sameLineEnds(const QByteArray &before, const QByteArray &after)
{
    if (before.contains("\r\n"))
        return after.count("\r\n") == after.count('\n');
    return !after.contains('\r');
}

QList<QByteArray> lines(const QByteArray &text)
{
    return text.split('\n');
}

QByteArray withoutCr(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

// The lines of `after` that are not in `before`, when every line of `before` is still there in order (line ends
// aside, for a last line that got one); nullopt when a line of `before` went missing or changed.
std::optional<QList<QByteArray>> insertedLines(const QByteArray &before, const QByteArray &after)
{
    const QList<QByteArray> a = lines(before);
    const QList<QByteArray> b = lines(after);
    QList<QByteArray> inserted;
    qsizetype i = 0;
    for (qsizetype j = 0; j < b.size(); ++j) {
        if (i < a.size() && withoutCr(a[i]) == withoutCr(b[j]))
            ++i;
        else
            inserted << b[j];
    }
    if (i != a.size())
        return std::nullopt;
    return inserted;
}

// The documents of a YAML stream as the API server would read them (empty documents left out).
QList<QJsonObject> documents(const QByteArray &text)
{
    QList<QJsonObject> out;
    QByteArray current;
    const auto flush = [&] {
        const QJsonObject o = gd::test::yamlToJsonObject(current);
        if (!o.isEmpty())
            out << o;
        current.clear();
    };
    for (const QByteArray &line : lines(text)) {
        if (line.trimmed() == "---") {
            flush();
            continue;
        }
        current += line + '\n';
    }
    flush();
    return out;
}

QJsonValue at(const QJsonValue &root, const QStringList &path)
{
    QJsonValue v = root;
    for (const QString &key : path) {
        bool isIndex = false;
        const int index = key.toInt(&isIndex);
        v = isIndex ? v.toArray().at(index) : v.toObject().value(key);
    }
    return v;
}

bool isWorkloadKind(const QJsonObject &doc)
{
    const QString kind = doc.value(u"kind"_s).toString();
    return kind == u"Deployment" || kind == u"StatefulSet" || kind == u"DaemonSet";
}

bool parsesCleanly(const QByteArray &text)
{
    const gd::manifest::Diagnostics d = gd::manifest::checkYaml(text);
    return !gd::manifest::hasErrors(d);
}

QString errorText(const gd::Result<QByteArray> &r)
{
    return r.ok() ? QString() : r.error().fullText();
}

gd::tmpl::Variables templateVariables()
{
    return {
        {u"PROJECT"_s, u"shop"_s},
        {u"SERVICE"_s, u"orders"_s},
        {u"ENV"_s, u"uat"_s},
        {u"LANGUAGE"_s, u"go"_s},
        {u"IMAGE"_s, u"registry.example.com/shop/orders"_s},
        {u"IMAGE_TAG"_s, u"1.4.2"_s},
        {u"CANARY_TAG"_s, u"1.5.0-rc.1"_s},
        {u"PORT"_s, u"8080"_s},
        {u"REPLICAS"_s, u"3"_s},
        {u"CANARY_REPLICAS"_s, u"1"_s},
        {u"HPA_FILE"_s, u"hpa.yaml"_s},
        {u"HPA_MIN_REPLICAS"_s, u"2"_s},
        {u"HPA_MAX_REPLICAS"_s, u"10"_s},
        {u"HPA_CPU_PERCENT"_s, u"70"_s},
        {u"CANARY_RESOURCE"_s, u"canary"_s},
        {u"STAGE_CHOICES"_s, u"'canary', 'ga'"_s},
        {u"NAMESPACE"_s, u"shop-uat"_s},
        {u"CLUSTER"_s, u"https://kubernetes.default.svc"_s},
        {u"SELF_HEAL"_s, u"true"_s},
        {u"REPO_URL"_s, u"https://gitlab.example.com/ops/argocd-gitops-shop.git"_s},
        {u"BRANCH"_s, u"main"_s},
        {u"ARGOCD_PROJECT"_s, u"default"_s},
        {u"ARGOCD_NAMESPACE"_s, u"argocd"_s},
        {u"DEVOPS_NAMESPACE"_s, u"shop"_s},
    };
}

// A template of the repository's template set rendered with simple values.
QByteArray renderTemplateFile(const QString &relative, const gd::tmpl::Variables &variables = templateVariables())
{
    const QString path = sourceDir(u"templates/"_s + relative);
    const auto rendered = gd::tmpl::renderTemplate(readFile(path), QFileInfo(path).fileName(), variables);
    return rendered.ok() ? rendered.value() : QByteArray();
}

const QStringList languages{u"go"_s, u"java"_s, u"nodejs"_s};

struct NamedText {
    QString name;
    QByteArray text;
};

// Every Deployment/StatefulSet/DaemonSet file among the fixtures, and the workload templates rendered.
QList<NamedText> workloadFiles()
{
    QList<NamedText> out;
    const QString root = dataDir(u"kustomize"_s);
    static const QRegularExpression workloadKind(uR"(^kind:\s*(Deployment|StatefulSet|DaemonSet)\s*$)"_s,
                                                 QRegularExpression::MultilineOption);
    QDirIterator it(root, {u"*.yaml"_s}, QDir::Files, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    for (const QString &p : paths) {
        const QByteArray text = readFile(p);
        if (workloadKind.match(QString::fromUtf8(text).remove(u'\r')).hasMatch())
            out.push_back({p.mid(root.size() + 1), text});
    }
    for (const QString &language : languages) {
        for (const QString &file : {u"base/deployment.yaml"_s, u"canary/deployment_overlay.yaml"_s,
                                    u"ga/deployment_overlay.yaml"_s}) {
            const QString relative = u"app-manifests-templates/"_s + language + u'/' + file;
            out.push_back({u"templates/"_s + relative, renderTemplateFile(relative)});
        }
    }
    return out;
}

// Each file as it is, with CRLF line ends, and with a byte order mark.
void addVariantRows(const QList<NamedText> &files)
{
    for (const NamedText &f : files) {
        QTest::newRow(qPrintable(f.name)) << f.text;
        QTest::newRow(qPrintable(f.name + u" (CRLF)"_s)) << toCrlf(f.text);
        QTest::newRow(qPrintable(f.name + u" (BOM)"_s)) << QByteArray("\xEF\xBB\xBF" + f.text);
    }
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!writeFile(to + u'/' + path.mid(from.size() + 1), readFile(path)))
            return false;
    }
    return true;
}

} // namespace

class TestOverlayHelpers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void replicasGolden_data();
    void replicasGolden();
    void replicasRefused_data();
    void replicasRefused();
    void replicasState_data();
    void replicasState();
    void replicasRealFiles_data();
    void replicasRealFiles();
    void replicasKustomizeBuild_data();
    void replicasKustomizeBuild();

    void selfHealGolden_data();
    void selfHealGolden();
    void selfHealRealFiles_data();
    void selfHealRealFiles();
    void selfHealRefused_data();
    void selfHealRefused();
    void selfHealRead_data();
    void selfHealRead();

    void envGolden_data();
    void envGolden();
    void envRealFiles_data();
    void envRealFiles();
    void envRefused_data();
    void envRefused();

    void labelGolden_data();
    void labelGolden();
    void labelRealFiles_data();
    void labelRealFiles();
    void labelRefused_data();
    void labelRefused();
    void labelValidators_data();
    void labelValidators();

private:
    bool m_haveKustomize = false;
};

void TestOverlayHelpers::initTestCase()
{
    m_haveKustomize = gd::manifest::KustomizeRunner().command().ok();
}

// --- replicas -----------------------------------------------------------------------------------------------------

void TestOverlayHelpers::replicasGolden_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray deployment = "apiVersion: apps/v1\n"
                                  "kind: Deployment\n"
                                  "metadata:\n"
                                  "  name: web\n"
                                  "spec:\n"
                                  "  replicas: 3\n"
                                  "  selector:\n"
                                  "    matchLabels:\n"
                                  "      app: web\n";
    const QByteArray deploymentMarked = "apiVersion: apps/v1\n"
                                        "kind: Deployment\n"
                                        "metadata:\n"
                                        "  name: web\n"
                                        "spec:\n"
                                        "  # replicas: 3 # managed by the HorizontalPodAutoscaler\n"
                                        "  selector:\n"
                                        "    matchLabels:\n"
                                        "      app: web\n";
    QTest::newRow("deployment") << deployment << deploymentMarked;
    QTest::newRow("deployment CRLF") << toCrlf(deployment) << toCrlf(deploymentMarked);
    QTest::newRow("deployment BOM") << QByteArray("\xEF\xBB\xBF" + deployment)
                                    << QByteArray("\xEF\xBB\xBF" + deploymentMarked);

    QTest::newRow("trailing comment and 4-space indent")
        << QByteArray("kind: StatefulSet\n"
                      "apiVersion: apps/v1\n"
                      "spec:\n"
                      "    serviceName: db\n"
                      "    replicas: 2   # two for HA\n")
        << QByteArray("kind: StatefulSet\n"
                      "apiVersion: apps/v1\n"
                      "spec:\n"
                      "    serviceName: db\n"
                      "    # replicas: 2   # two for HA # managed by the HorizontalPodAutoscaler\n");

    QTest::newRow("quoted value, no final newline")
        << QByteArray("kind: Deployment\nspec:\n  replicas: \"4\"\n  paused: false")
        << QByteArray("kind: Deployment\nspec:\n  # replicas: \"4\" # managed by the HorizontalPodAutoscaler\n"
                      "  paused: false");

    QTest::newRow("every workload document, not the Service")
        << QByteArray("kind: Service\nspec:\n  replicas: 9\n---\n"
                      "kind: Deployment\nspec:\n  replicas: 1\n  paused: true\n---\n"
                      "kind: StatefulSet\nspec:\n  replicas: 5\n  serviceName: db\n")
        << QByteArray("kind: Service\nspec:\n  replicas: 9\n---\n"
                      "kind: Deployment\nspec:\n  # replicas: 1 # managed by the HorizontalPodAutoscaler\n"
                      "  paused: true\n---\n"
                      "kind: StatefulSet\nspec:\n  # replicas: 5 # managed by the HorizontalPodAutoscaler\n"
                      "  serviceName: db\n");

    // A patch that only sets replicas: a bare `spec:` would be null and delete the base's spec.
    QTest::newRow("patch with only replicas")
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ldap\nspec:\n  replicas: 2\n")
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ldap\nspec: {}\n"
                      "  # replicas: 2 # managed by the HorizontalPodAutoscaler\n");
    QTest::newRow("patch with only replicas, comment after spec")
        << QByteArray("kind: Deployment\nspec: # scale\n  replicas: 2\n---\nkind: Service\n")
        << QByteArray("kind: Deployment\nspec: {} # scale\n"
                      "  # replicas: 2 # managed by the HorizontalPodAutoscaler\n---\nkind: Service\n");
}

void TestOverlayHelpers::replicasGolden()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    const auto marked = gd::manifest::setAutoscalerManagesReplicas(input, true);
    QVERIFY2(marked.ok(), qPrintable(errorText(marked)));
    QCOMPARE(marked.value(), expected);
    QVERIFY(parsesCleanly(marked.value()));
    QCOMPARE(gd::manifest::replicasState(marked.value()), ReplicasState::Autoscaler);

    // Asking again changes nothing; turning it off gives back the original bytes.
    const auto again = gd::manifest::setAutoscalerManagesReplicas(expected, true);
    QVERIFY(again.ok());
    QCOMPARE(again.value(), expected);
    const auto restored = gd::manifest::setAutoscalerManagesReplicas(expected, false);
    QVERIFY2(restored.ok(), qPrintable(errorText(restored)));
    QCOMPARE(restored.value(), input);
    const auto restoredAgain = gd::manifest::setAutoscalerManagesReplicas(input, false);
    QVERIFY(restoredAgain.ok());
    QCOMPARE(restoredAgain.value(), input);
}

void TestOverlayHelpers::replicasRefused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("autoscaler");
    QTest::addColumn<Error::Code>("code");

    const QByteArray noReplicas = "kind: Deployment\nspec:\n  selector: {}\n";
    QTest::newRow("nothing to do (on)") << noReplicas << true << Error::Code::InvalidInput;
    QTest::newRow("nothing to do (off)") << noReplicas << false << Error::Code::InvalidInput;
    QTest::newRow("only a Service") << QByteArray("kind: Service\nspec:\n  replicas: 2\n") << true
                                    << Error::Code::InvalidInput;
    QTest::newRow("flow spec") << QByteArray("kind: Deployment\nspec: {replicas: 2, paused: true}\n") << true
                               << Error::Code::InvalidInput;
    QTest::newRow("value on the next line") << QByteArray("kind: Deployment\nspec:\n  replicas:\n    2\n  x: 1\n")
                                            << true << Error::Code::InvalidInput;
    QTest::newRow("marker in the wrong column")
        << QByteArray("kind: Deployment\nspec:\n  paused: true\n      # replicas: 2 # managed by the "
                      "HorizontalPodAutoscaler\n")
        << false << Error::Code::InvalidInput;
    QTest::newRow("does not parse") << QByteArray("kind: Deployment\nspec:\n  replicas: [1\n") << true
                                    << Error::Code::Yaml;
}

void TestOverlayHelpers::replicasRefused()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, autoscaler);
    QFETCH(Error::Code, code);
    const auto result = gd::manifest::setAutoscalerManagesReplicas(input, autoscaler);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
}

void TestOverlayHelpers::replicasState_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<ReplicasState>("state");
    QTest::newRow("written") << QByteArray("kind: Deployment\nspec:\n  replicas: 2\n") << ReplicasState::Written;
    QTest::newRow("marked") << QByteArray("kind: Deployment\nspec:\n  # replicas: 2" + marker + "\n  paused: true\n")
                            << ReplicasState::Autoscaler;
    QTest::newRow("marked under spec: {}")
        << QByteArray("kind: Deployment\nspec: {}\n  # replicas: 2" + marker + "\n") << ReplicasState::Autoscaler;
    QTest::newRow("plain comment is not the marker")
        << QByteArray("kind: Deployment\nspec:\n  # replicas: 2\n  paused: true\n") << ReplicasState::Absent;
    QTest::newRow("marker outside a workload")
        << QByteArray("kind: Service\nspec:\n  # replicas: 2" + marker + "\n  type: ClusterIP\n")
        << ReplicasState::Absent;
    QTest::newRow("one written, one marked")
        << QByteArray("kind: Deployment\nspec:\n  # replicas: 2" + marker + "\n  paused: true\n---\n"
                      "kind: StatefulSet\nspec:\n  replicas: 1\n")
        << ReplicasState::Written;
    QTest::newRow("neither") << QByteArray("kind: Deployment\nspec:\n  paused: true\n") << ReplicasState::Absent;
    QTest::newRow("does not parse") << QByteArray("kind: Deployment\nspec: [\n") << ReplicasState::Absent;
}

void TestOverlayHelpers::replicasState()
{
    QFETCH(QByteArray, input);
    QFETCH(ReplicasState, state);
    QCOMPARE(gd::manifest::replicasState(input), state);
}

void TestOverlayHelpers::replicasRealFiles_data()
{
    QTest::addColumn<QByteArray>("input");
    const QList<NamedText> files = workloadFiles();
    QVERIFY(files.size() >= 30);
    addVariantRows(files);
}

void TestOverlayHelpers::replicasRealFiles()
{
    QFETCH(QByteArray, input);
    QVERIFY(!input.isEmpty());
    static const QRegularExpression replicasLine(uR"(^\s+replicas:)"_s, QRegularExpression::MultilineOption);
    const bool hasReplicas = replicasLine.match(QString::fromUtf8(input)).hasMatch();

    const auto marked = gd::manifest::setAutoscalerManagesReplicas(input, true);
    if (!hasReplicas) {
        QVERIFY(!marked.ok());
        QCOMPARE(marked.error().code, Error::Code::InvalidInput);
        QCOMPARE(gd::manifest::replicasState(input), ReplicasState::Absent);
        return;
    }
    QCOMPARE(gd::manifest::replicasState(input), ReplicasState::Written);
    QVERIFY2(marked.ok(), qPrintable(errorText(marked)));
    QVERIFY(parsesCleanly(marked.value()));
    QVERIFY(sameLineEnds(input, marked.value()));
    QCOMPARE(gd::manifest::replicasState(marked.value()), ReplicasState::Autoscaler);

    // Exactly the replicas line changed (into the marked comment), plus `spec:` -> `spec: {}` in a patch that
    // held nothing else.
    const QList<QByteArray> before = lines(input);
    const QList<QByteArray> after = lines(marked.value());
    QCOMPARE(after.size(), before.size());
    int markedLines = 0;
    int specLines = 0;
    for (qsizetype i = 0; i < before.size(); ++i) {
        if (before[i] == after[i])
            continue;
        const QByteArray old = withoutCr(before[i]);
        const QByteArray cr = before[i].endsWith('\r') ? "\r" : "";
        const QByteArray indent = old.left(old.size() - old.trimmed().size());
        if (old.trimmed() == "spec:" && after[i] == "spec: {}" + cr) {
            ++specLines;
            continue;
        }
        QVERIFY2(old.trimmed().startsWith("replicas:"), before[i].constData());
        QCOMPARE(after[i], indent + "# " + old.mid(indent.size()) + marker + cr);
        ++markedLines;
    }
    QCOMPARE(markedLines, 1);
    QVERIFY(specLines <= 1);

    // The documents read the same, less replicas; and a full Deployment keeps its spec.
    const QList<QJsonObject> docsBefore = documents(input);
    const QList<QJsonObject> docsAfter = documents(marked.value());
    QCOMPARE(docsAfter.size(), docsBefore.size());
    for (qsizetype i = 0; i < docsBefore.size(); ++i) {
        QJsonObject expected = docsBefore[i];
        if (isWorkloadKind(expected)) {
            QJsonObject spec = expected.value(u"spec"_s).toObject();
            spec.remove(u"replicas"_s);
            expected.insert(u"spec"_s, spec);
        }
        QCOMPARE(docsAfter[i], expected);
    }

    const auto restored = gd::manifest::setAutoscalerManagesReplicas(marked.value(), false);
    QVERIFY2(restored.ok(), qPrintable(errorText(restored)));
    QCOMPARE(restored.value(), input);
}

void TestOverlayHelpers::replicasKustomizeBuild_data()
{
    QTest::addColumn<QString>("tree");      // relative to tests/data/kustomize, or "templates/<language>"
    QTest::addColumn<QString>("overlay");   // the folder to build, relative to the tree
    QTest::newRow("ldap staging (patch with only replicas)") << u"kustomize-ldap"_s << u"overlays/staging"_s;
    QTest::newRow("ldap production") << u"kustomize-ldap"_s << u"overlays/production"_s;
    QTest::newRow("konflux-kite development") << u"konflux-kite"_s << u"development"_s;
    QTest::newRow("argo-cd hello-world")
        << u"argo-cd-components-monorepo"_s
        << u"envs/inseng-pdx-egert-sandbox/namespaces/inst-system/apps/hello-world"_s;
    QTest::newRow("aws-ebs-csi-driver stable") << u"aws-ebs-csi-driver"_s << u"overlays/stable"_s;
    QTest::newRow("metrics-server release-ha (component patch)") << u"metrics-server"_s << u"overlays/release-ha"_s;
    QTest::newRow("online-boutique") << u"online-boutique-freundcloud"_s << u"."_s;
    for (const QString &language : languages)
        QTest::newRow(qPrintable(u"template "_s + language)) << u"templates/"_s + language << u"manifests"_s;
}

void TestOverlayHelpers::replicasKustomizeBuild()
{
    QFETCH(QString, tree);
    QFETCH(QString, overlay);
    if (!m_haveKustomize)
        QFAIL("Neither kustomize nor kubectl is installed; install kubectl (kustomize v5).");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    if (tree.startsWith(u"templates/"_s)) {
        const QString language = tree.mid(10);
        const QString root = sourceDir(u"templates/app-manifests-templates/"_s + language);
        QDirIterator it(root, {u"*.yaml"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString relative = it.next().mid(root.size() + 1);
            const QByteArray rendered = renderTemplateFile(u"app-manifests-templates/"_s + language + u'/' + relative);
            QVERIFY2(!rendered.isEmpty(), qPrintable(relative));
            QVERIFY(writeFile(tmp.filePath(u"manifests/"_s + relative), rendered));
        }
    } else {
        QVERIFY(copyTree(dataDir(u"kustomize/"_s + tree), tmp.path()));
    }
    const gd::manifest::KustomizeRunner runner;
    const QString dir = QDir::cleanPath(tmp.filePath(overlay));
    const auto workloads = [](const QByteArray &rendered) {
        QList<QJsonObject> out;
        for (const QJsonObject &d : documents(rendered)) {
            const QString kind = d.value(u"kind"_s).toString();
            if (kind == u"Deployment" || kind == u"StatefulSet")
                out << d;
        }
        return out;
    };

    const auto before = runner.build(dir);
    QVERIFY2(before.ok(), qPrintable(errorText(before)));
    const QList<QJsonObject> workloadsBefore = workloads(before.value());
    QVERIFY(!workloadsBefore.isEmpty());
    QVERIFY(std::any_of(workloadsBefore.begin(), workloadsBefore.end(),
                        [](const QJsonObject &d) { return at(d, {u"spec"_s}).toObject().contains(u"replicas"_s); }));

    // Let the autoscaler manage replicas in every file of the tree that writes them.
    int edited = 0;
    QDirIterator it(tmp.path(), {u"*.yaml"_s, u"*.yml"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray text = readFile(path);
        if (gd::manifest::replicasState(text) != ReplicasState::Written)
            continue;
        const auto marked = gd::manifest::setAutoscalerManagesReplicas(text, true);
        QVERIFY2(marked.ok(), qPrintable(path + u": "_s + errorText(marked)));
        QVERIFY(writeFile(path, marked.value()));
        ++edited;
    }
    QVERIFY(edited >= 1);

    const auto after = runner.build(dir);
    QVERIFY2(after.ok(), qPrintable(errorText(after)));
    const QList<QJsonObject> workloadsAfter = workloads(after.value());
    QCOMPARE(workloadsAfter.size(), workloadsBefore.size());
    for (qsizetype i = 0; i < workloadsAfter.size(); ++i) {
        const QJsonObject spec = at(workloadsAfter[i], {u"spec"_s}).toObject();
        QVERIFY2(!spec.contains(u"replicas"_s), after->constData());
        // Everything else of the workload is as before (a patch's emptied spec must not wipe the base's).
        QJsonObject expectedSpec = at(workloadsBefore[i], {u"spec"_s}).toObject();
        expectedSpec.remove(u"replicas"_s);
        QCOMPARE(spec, expectedSpec);
        QVERIFY(!at(spec, {u"template"_s, u"spec"_s, u"containers"_s}).toArray().isEmpty());
    }
}

// --- self-heal ----------------------------------------------------------------------------------------------------

namespace {

QByteArray application(const QByteArray &syncPolicy, const QByteArray &tail = "status: {}\n")
{
    return "apiVersion: argoproj.io/v1alpha1\n"
           "kind: Application\n"
           "metadata:\n"
           "  name: shop-orders-uat\n"
           "spec:\n"
           "  project: default\n"
           "  destination:\n"
           "    server: https://kubernetes.default.svc\n"
           "    namespace: shop-uat\n"
        + syncPolicy + tail;
}

} // namespace

void TestOverlayHelpers::selfHealGolden_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("on");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("replace true with false")
        << application("  syncPolicy:\n    automated:\n      prune: true\n      selfHeal: true\n") << false
        << application("  syncPolicy:\n    automated:\n      prune: true\n      selfHeal: false\n");
    QTest::newRow("replace false with true, comment kept")
        << application("  syncPolicy:\n    automated:\n      selfHeal: false # for now\n      prune: true\n") << true
        << application("  syncPolicy:\n    automated:\n      selfHeal: true # for now\n      prune: true\n");
    QTest::newRow("insert under automated")
        << application("  syncPolicy:\n    automated:\n      prune: true\n    syncOptions:\n      - A=true\n") << true
        << application("  syncPolicy:\n    automated:\n      prune: true\n      selfHeal: true\n"
                       "    syncOptions:\n      - A=true\n");
    QTest::newRow("insert after a trailing comment of automated")
        << application("  syncPolicy:\n    automated:\n      prune: true\n      # note\n  # about what follows\n")
        << true
        << application("  syncPolicy:\n    automated:\n      prune: true\n      # note\n      selfHeal: true\n"
                       "  # about what follows\n");
    QTest::newRow("create automated")
        << application("  syncPolicy:\n    syncOptions:\n    - CreateNamespace=true\n") << true
        << application("  syncPolicy:\n    syncOptions:\n    - CreateNamespace=true\n"
                       "    automated:\n      selfHeal: true\n");
    QTest::newRow("create syncPolicy") << application({}) << true
                                       << application("  syncPolicy:\n    automated:\n      selfHeal: true\n");
    QTest::newRow("create syncPolicy at the end of the file") << application({}, {}) << true
                                                               << application("  syncPolicy:\n    automated:\n"
                                                                              "      selfHeal: true\n",
                                                                              {});
    QTest::newRow("create syncPolicy, 4-space file")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n    project: default\n") << true
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n    project: default\n"
                      "    syncPolicy:\n        automated:\n            selfHeal: true\n");
    QTest::newRow("empty flow automated")
        << application("  syncPolicy:\n    automated: {}\n") << true
        << application("  syncPolicy:\n    automated: {selfHeal: true}\n");
    QTest::newRow("flow automated")
        << application("  syncPolicy:\n    automated: { prune: true }\n") << true
        << application("  syncPolicy:\n    automated: { prune: true, selfHeal: true }\n");
    QTest::newRow("automated without value")
        << application("  syncPolicy:\n    automated:\n    retry:\n      limit: 2\n") << true
        << application("  syncPolicy:\n    automated:\n      selfHeal: true\n    retry:\n      limit: 2\n");
    QTest::newRow("CRLF insertion")
        << toCrlf(application("  syncPolicy:\n    automated:\n      prune: true\n")) << true
        << toCrlf(application("  syncPolicy:\n    automated:\n      prune: true\n      selfHeal: true\n"));
    QTest::newRow("off when absent: unchanged") << application("  syncPolicy:\n    automated:\n      prune: true\n")
                                                << false
                                                << application("  syncPolicy:\n    automated:\n      prune: true\n");
    QTest::newRow("off without syncPolicy: unchanged") << application({}) << false << application({});
    QTest::newRow("already on: unchanged")
        << application("  syncPolicy:\n    automated:\n      selfHeal: yes\n") << true
        << application("  syncPolicy:\n    automated:\n      selfHeal: yes\n");
}

void TestOverlayHelpers::selfHealGolden()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, on);
    QFETCH(QByteArray, expected);
    const auto result = gd::manifest::setSelfHeal(input, on);
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    QCOMPARE(result.value(), expected);
    QVERIFY(parsesCleanly(result.value()));
    if (on || gd::manifest::selfHeal(input).has_value())
        QCOMPARE(gd::manifest::selfHeal(result.value()), std::optional<bool>(on));
}

void TestOverlayHelpers::selfHealRealFiles_data()
{
    QTest::addColumn<QByteArray>("input");
    QList<NamedText> files;
    gd::tmpl::Variables withoutSelfHeal = templateVariables();
    withoutSelfHeal.insert(u"SELF_HEAL"_s, std::nullopt);   // the line is left out
    for (const QString &name : {u"application.yaml"_s, u"application-pipeline.yaml"_s}) {
        files.push_back({u"templates/"_s + name, renderTemplateFile(u"application-templates/"_s + name)});
        files.push_back({u"templates/"_s + name + u" without selfHeal"_s,
                         renderTemplateFile(u"application-templates/"_s + name, withoutSelfHeal)});
    }
    for (const QString &name : {u"argo-cd_controller_testdata_diff-cache.yaml"_s,
                                u"argo-cd_controller_testdata_live-child-application.yaml"_s})
        files.push_back({u"argocd/"_s + name, readFile(dataDir(u"argocd/"_s + name))});
    addVariantRows(files);
}

void TestOverlayHelpers::selfHealRealFiles()
{
    QFETCH(QByteArray, input);
    QVERIFY(!input.isEmpty());
    const QJsonObject before = documents(input).value(0);
    const bool wasOn = at(before, {u"spec"_s, u"syncPolicy"_s, u"automated"_s, u"selfHeal"_s}).toBool(false);

    if (wasOn) {
        QCOMPARE(gd::manifest::selfHeal(input), std::optional<bool>(true));
        const auto off = gd::manifest::setSelfHeal(input, false);
        QVERIFY2(off.ok(), qPrintable(errorText(off)));
        QCOMPARE(gd::manifest::selfHeal(off.value()), std::optional<bool>(false));
        const auto on = gd::manifest::setSelfHeal(off.value(), true);
        QVERIFY2(on.ok(), qPrintable(errorText(on)));
        QCOMPARE(on.value(), input);
        return;
    }

    const auto on = gd::manifest::setSelfHeal(input, true);
    QVERIFY2(on.ok(), qPrintable(errorText(on)));
    QVERIFY(parsesCleanly(on.value()));
    QVERIFY(sameLineEnds(input, on.value()));
    const QJsonObject after = documents(on.value()).value(0);
    QCOMPARE(at(after, {u"spec"_s, u"syncPolicy"_s, u"automated"_s, u"selfHeal"_s}), QJsonValue(true));
    QCOMPARE(gd::manifest::selfHeal(on.value()), std::optional<bool>(true));
    // Only lines were inserted, and nothing else changed.
    const auto inserted = insertedLines(input, on.value());
    QVERIFY(inserted.has_value());
    QVERIFY(!inserted->isEmpty() && inserted->size() <= 3);
    QVERIFY(withoutCr(inserted->back()).trimmed() == "selfHeal: true");
    QJsonObject expected = before;
    QJsonObject spec = expected.value(u"spec"_s).toObject();
    QJsonObject syncPolicy = spec.value(u"syncPolicy"_s).toObject();
    QJsonObject automated = syncPolicy.value(u"automated"_s).toObject();
    automated.insert(u"selfHeal"_s, true);
    syncPolicy.insert(u"automated"_s, automated);
    spec.insert(u"syncPolicy"_s, syncPolicy);
    expected.insert(u"spec"_s, spec);
    QCOMPARE(after, expected);

    // From there, off and on again round-trips byte for byte.
    const auto off = gd::manifest::setSelfHeal(on.value(), false);
    QVERIFY(off.ok());
    QCOMPARE(gd::manifest::selfHeal(off.value()), std::optional<bool>(false));
    const auto onAgain = gd::manifest::setSelfHeal(off.value(), true);
    QVERIFY(onAgain.ok());
    QCOMPARE(onAgain.value(), on.value());
}

void TestOverlayHelpers::selfHealRefused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Error::Code>("code");
    QTest::newRow("a Deployment") << QByteArray("apiVersion: apps/v1\nkind: Deployment\nspec: {}\n")
                                  << Error::Code::InvalidInput;
    QTest::newRow("an Application of another API") << QByteArray("apiVersion: example.com/v1\nkind: Application\n"
                                                                 "spec: {}\n")
                                                   << Error::Code::InvalidInput;
    QTest::newRow("Application without spec (real file)")
        << readFile(dataDir(u"argocd/argo-cd_gitops-engine_health_testdata_application-healthy.yaml"_s))
        << Error::Code::InvalidInput;
    QTest::newRow("syncPolicy is a list") << application("  syncPolicy:\n    - automated\n")
                                          << Error::Code::InvalidInput;
    QTest::newRow("does not parse") << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec: {\n")
                                    << Error::Code::Yaml;
}

void TestOverlayHelpers::selfHealRefused()
{
    QFETCH(QByteArray, input);
    QFETCH(Error::Code, code);
    const auto result = gd::manifest::setSelfHeal(input, true);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
}

void TestOverlayHelpers::selfHealRead_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("expected");   // -1: nullopt, 0: false, 1: true
    QTest::newRow("on") << application("  syncPolicy:\n    automated:\n      selfHeal: true\n") << 1;
    QTest::newRow("off") << application("  syncPolicy:\n    automated:\n      selfHeal: false\n") << 0;
    QTest::newRow("absent under automated") << application("  syncPolicy:\n    automated: {}\n") << 0;
    QTest::newRow("automated disabled")
        << application("  syncPolicy:\n    automated:\n      enabled: false\n      selfHeal: true\n") << -1;
    QTest::newRow("no automated") << application("  syncPolicy:\n    retry: {}\n") << -1;
    QTest::newRow("null automated") << application("  syncPolicy:\n    automated:\n") << -1;
    QTest::newRow("no syncPolicy") << application({}) << -1;
    QTest::newRow("not an Application") << QByteArray("kind: Deployment\n") << -1;
    QTest::newRow("does not parse") << QByteArray("kind: [\n") << -1;
}

void TestOverlayHelpers::selfHealRead()
{
    QFETCH(QByteArray, input);
    QFETCH(int, expected);
    const std::optional<bool> value = gd::manifest::selfHeal(input);
    QCOMPARE(value.has_value() ? int(*value) : -1, expected);
}

// --- environment variables ----------------------------------------------------------------------------------------

namespace {

QByteArray deploymentWithContainers(const QByteArray &containers)
{
    return "apiVersion: apps/v1\n"
           "kind: Deployment\n"
           "metadata:\n"
           "  name: web\n"
           "spec:\n"
           "  template:\n"
           "    spec:\n"
        + containers;
}

} // namespace

void TestOverlayHelpers::envGolden_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("env:\\n- name: (list at the key's column)")
        << deploymentWithContainers("      containers:\n"
                                    "      - name: web\n"
                                    "        env:\n"
                                    "        - name: A\n"
                                    "          value: \"1\"\n"
                                    "        ports:\n"
                                    "        - containerPort: 80\n")
        << QString() << u"LOG_LEVEL"_s << u"debug"_s
        << deploymentWithContainers("      containers:\n"
                                    "      - name: web\n"
                                    "        env:\n"
                                    "        - name: A\n"
                                    "          value: \"1\"\n"
                                    "        - name: LOG_LEVEL\n"
                                    "          value: debug\n"
                                    "        ports:\n"
                                    "        - containerPort: 80\n");
    QTest::newRow("env:\\n  - name: (list indented)")
        << deploymentWithContainers("      containers:\n"
                                    "        - name: web\n"
                                    "          env:\n"
                                    "            - name: A\n"
                                    "              value: x\n"
                                    "            # the next one is secret\n"
                                    "            - name: B\n"
                                    "              valueFrom:\n"
                                    "                secretKeyRef: {name: s, key: b}\n"
                                    "          image: nginx\n")
        << QString() << u"LOG_LEVEL"_s << u"debug"_s
        << deploymentWithContainers("      containers:\n"
                                    "        - name: web\n"
                                    "          env:\n"
                                    "            - name: A\n"
                                    "              value: x\n"
                                    "            # the next one is secret\n"
                                    "            - name: B\n"
                                    "              valueFrom:\n"
                                    "                secretKeyRef: {name: s, key: b}\n"
                                    "            - name: LOG_LEVEL\n"
                                    "              value: debug\n"
                                    "          image: nginx\n");
    QTest::newRow("env created, list at the key's column")
        << deploymentWithContainers("      containers:\n"
                                    "      - name: web\n"
                                    "        image: nginx\n"
                                    "      - name: sidecar\n"
                                    "        image: envoy\n")
        << QString() << u"LOG_LEVEL"_s << u"debug"_s
        << deploymentWithContainers("      containers:\n"
                                    "      - name: web\n"
                                    "        image: nginx\n"
                                    "        env:\n"
                                    "        - name: LOG_LEVEL\n"
                                    "          value: debug\n"
                                    "      - name: sidecar\n"
                                    "        image: envoy\n");
    QTest::newRow("env created in the named container, lists indented")
        << deploymentWithContainers("      containers:\n"
                                    "        - name: web\n"
                                    "          image: nginx\n"
                                    "        - name: sidecar\n"
                                    "          image: envoy\n"
                                    "          args:\n"
                                    "            - --verbose\n"
                                    "      # volumes come next\n"
                                    "      volumes: []\n")
        << u"sidecar"_s << u"LOG_LEVEL"_s << u"debug"_s
        << deploymentWithContainers("      containers:\n"
                                    "        - name: web\n"
                                    "          image: nginx\n"
                                    "        - name: sidecar\n"
                                    "          image: envoy\n"
                                    "          args:\n"
                                    "            - --verbose\n"
                                    "          env:\n"
                                    "            - name: LOG_LEVEL\n"
                                    "              value: debug\n"
                                    "      # volumes come next\n"
                                    "      volumes: []\n");
    QTest::newRow("flow list")
        << deploymentWithContainers("      containers:\n      - name: web\n        env: []\n") << QString()
        << u"FLAG"_s << u"on"_s
        << deploymentWithContainers("      containers:\n      - name: web\n"
                                    "        env: [{name: FLAG, value: \"on\"}]\n");
    QTest::newRow("flow list with an entry")
        << deploymentWithContainers("      containers:\n      - name: web\n        env: [{name: A, value: b}]\n")
        << QString() << u"LIST"_s << u"a,b"_s
        << deploymentWithContainers("      containers:\n      - name: web\n"
                                    "        env: [{name: A, value: b}, {name: LIST, value: \"a,b\"}]\n");
    QTest::newRow("env without value")
        << deploymentWithContainers("      containers:\n      - name: web\n        env:\n        image: nginx\n")
        << QString() << u"PORT"_s << u"8080"_s
        << deploymentWithContainers("      containers:\n      - name: web\n        env:\n        - name: PORT\n"
                                    "          value: \"8080\"\n        image: nginx\n");
    QTest::newRow("value YAML reads as bool is quoted")
        << deploymentWithContainers("      containers:\n      - name: web\n        env:\n        - name: A\n"
                                    "          value: b\n")
        << QString() << u"ENABLED"_s << u"true"_s
        << deploymentWithContainers("      containers:\n      - name: web\n        env:\n        - name: A\n"
                                    "          value: b\n        - name: ENABLED\n          value: \"true\"\n");
    QTest::newRow("value with ': ' and a quote")
        << deploymentWithContainers("      containers:\n      - name: web\n") << QString() << u"GREETING"_s
        << u"say: \"hi\""_s
        << deploymentWithContainers("      containers:\n      - name: web\n        env:\n        - name: GREETING\n"
                                    "          value: \"say: \\\"hi\\\"\"\n");
    QTest::newRow("empty value")
        << deploymentWithContainers("      containers:\n      - name: web\n") << QString() << u"EMPTY"_s << QString()
        << deploymentWithContainers("      containers:\n      - name: web\n        env:\n        - name: EMPTY\n"
                                    "          value: \"\"\n");
    QTest::newRow("name YAML reads as bool is quoted")
        << deploymentWithContainers("      containers:\n      - name: web\n") << QString() << u"Y"_s << u"1x"_s
        << deploymentWithContainers("      containers:\n      - name: web\n        env:\n        - name: \"Y\"\n"
                                    "          value: 1x\n");
    QTest::newRow("CRLF, no final newline")
        << toCrlf(deploymentWithContainers("      containers:\n      - name: web\n        image: nginx"))
        << QString() << u"A"_s << u"b"_s
        << toCrlf(deploymentWithContainers("      containers:\n      - name: web\n        image: nginx\n"
                                           "        env:\n        - name: A\n          value: b"));
    QTest::newRow("flow container")
        << deploymentWithContainers("      containers: [{name: web, image: nginx}]\n") << QString() << u"A"_s
        << u"b"_s
        << deploymentWithContainers("      containers: [{name: web, image: nginx, env: [{name: A, value: b}]}]\n");
}

void TestOverlayHelpers::envGolden()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, container);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    const auto result = gd::manifest::addEnvironmentVariable(input, container, name, value);
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    QCOMPARE(result.value(), expected);
    QVERIFY(parsesCleanly(result.value()));

    // The API server reads the new variable with its value as a string.
    const QJsonArray containers = at(documents(result.value()).value(0), {u"spec"_s, u"template"_s, u"spec"_s,
                                                                          u"containers"_s})
                                      .toArray();
    bool found = false;
    for (const QJsonValue &c : containers) {
        if (!container.isEmpty() && c[u"name"_s].toString() != container)
            continue;
        for (const QJsonValue &e : c[u"env"_s].toArray()) {
            if (e[u"name"_s] == QJsonValue(name)) {
                QCOMPARE(e[u"value"_s], QJsonValue(value));
                found = true;
            }
        }
        break;
    }
    QVERIFY(found);

    // Adding it again is refused, leaving the caller's text as it is.
    const auto again = gd::manifest::addEnvironmentVariable(result.value(), container, name, u"other"_s);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, Error::Code::InvalidInput);
}

void TestOverlayHelpers::envRealFiles_data()
{
    QTest::addColumn<QByteArray>("input");
    addVariantRows(workloadFiles());
}

void TestOverlayHelpers::envRealFiles()
{
    QFETCH(QByteArray, input);
    QVERIFY(!input.isEmpty());
    const QList<QJsonObject> before = documents(input);
    qsizetype index = -1;
    for (qsizetype i = 0; i < before.size() && index < 0; ++i) {
        if (isWorkloadKind(before[i]))
            index = i;
    }
    QVERIFY(index >= 0);
    const QStringList path{u"spec"_s, u"template"_s, u"spec"_s, u"containers"_s};
    const QJsonArray containers = at(before[index], path).toArray();

    const auto result = gd::manifest::addEnvironmentVariable(input, {}, u"GD_FEATURE_FLAG"_s, u"true"_s);
    if (containers.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::InvalidInput);
        return;
    }
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    QVERIFY(parsesCleanly(result.value()));
    QVERIFY(sameLineEnds(input, result.value()));
    const auto inserted = insertedLines(input, result.value());
    QVERIFY2(inserted.has_value(), "an original line changed or went missing");
    const bool hadEnv = containers.at(0).toObject().contains(u"env"_s);
    QCOMPARE(inserted->size(), hadEnv ? 2 : 3);

    // The parsed result is the original plus the new entry at the end of the first container's env.
    QList<QJsonObject> expected = before;
    QJsonObject first = containers.at(0).toObject();
    QJsonArray env = first.value(u"env"_s).toArray();
    env.append(QJsonObject{{u"name"_s, u"GD_FEATURE_FLAG"_s}, {u"value"_s, u"true"_s}});
    first.insert(u"env"_s, env);
    QJsonArray newContainers = containers;
    newContainers[0] = first;
    QJsonObject podSpec = at(before[index], {u"spec"_s, u"template"_s, u"spec"_s}).toObject();
    podSpec.insert(u"containers"_s, newContainers);
    QJsonObject tmpl = at(before[index], {u"spec"_s, u"template"_s}).toObject();
    tmpl.insert(u"spec"_s, podSpec);
    QJsonObject spec = before[index].value(u"spec"_s).toObject();
    spec.insert(u"template"_s, tmpl);
    expected[index].insert(u"spec"_s, spec);
    QCOMPARE(documents(result.value()), expected);
}

void TestOverlayHelpers::envRefused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("name");
    QTest::addColumn<Error::Code>("code");
    const QByteArray text = deploymentWithContainers("      containers:\n      - name: web\n        env:\n"
                                                     "        - name: A\n          value: b\n");
    for (const QString &bad : {u""_s, u"1ABC"_s, u"A-B"_s, u"A B"_s, u"A.B"_s, u"ÄB"_s, u"A=B"_s})
        QTest::newRow(qPrintable(u"invalid name '"_s + bad + u'\'')) << text << QString() << bad
                                                                     << Error::Code::InvalidInput;
    QTest::newRow("already set") << text << QString() << u"A"_s << Error::Code::InvalidInput;
    QTest::newRow("no such container") << text << u"db"_s << u"C"_s << Error::Code::InvalidInput;
    QTest::newRow("no containers (patch)") << QByteArray("kind: Deployment\nspec:\n  replicas: 2\n") << QString()
                                           << u"C"_s << Error::Code::InvalidInput;
    QTest::newRow("no workload") << QByteArray("kind: Service\nspec: {}\n") << QString() << u"C"_s
                                 << Error::Code::InvalidInput;
    QTest::newRow("env is a mapping")
        << deploymentWithContainers("      containers:\n      - name: web\n        env:\n          A: b\n")
        << QString() << u"C"_s << Error::Code::InvalidInput;
    QTest::newRow("does not parse") << QByteArray("kind: Deployment\nspec: [\n") << QString() << u"C"_s
                                    << Error::Code::Yaml;
    // Inserting after the kept (|+) block scalar would cut its trailing blank line: the check refuses it.
    QTest::newRow("would change a kept block scalar")
        << deploymentWithContainers("      containers:\n      - name: web\n        args:\n        - |+\n"
                                    "          hello\n\n      - name: other\n")
        << QString() << u"C"_s << Error::Code::Generic;
}

void TestOverlayHelpers::envRefused()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, container);
    QFETCH(QString, name);
    QFETCH(Error::Code, code);
    const QByteArray copy = input;
    const auto result = gd::manifest::addEnvironmentVariable(input, container, name, u"v"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
    QCOMPARE(input, copy);
}

// --- labels -------------------------------------------------------------------------------------------------------

void TestOverlayHelpers::labelGolden_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray deployment = "apiVersion: apps/v1\n"
                                  "kind: Deployment\n"
                                  "metadata:\n"
                                  "  name: web\n"
                                  "  labels:\n"
                                  "    app: web\n"
                                  "spec:\n"
                                  "  selector:\n"
                                  "    matchLabels:\n"
                                  "      app: web\n"
                                  "  template:\n"
                                  "    metadata:\n"
                                  "      labels:\n"
                                  "        app: web   # the selector's\n"
                                  "    spec:\n"
                                  "      containers: []\n";
    QTest::newRow("deployment and its pods")
        << deployment << u"team"_s << u"payments"_s
        << QByteArray("apiVersion: apps/v1\n"
                      "kind: Deployment\n"
                      "metadata:\n"
                      "  name: web\n"
                      "  labels:\n"
                      "    app: web\n"
                      "    team: payments\n"
                      "spec:\n"
                      "  selector:\n"
                      "    matchLabels:\n"
                      "      app: web\n"
                      "  template:\n"
                      "    metadata:\n"
                      "      labels:\n"
                      "        app: web   # the selector's\n"
                      "        team: payments\n"
                      "    spec:\n"
                      "      containers: []\n");
    QTest::newRow("labels created, prefixed key, value read as bool")
        << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n"
                      "  ports: []\n")
        << u"gitops-desk.io/managed"_s << u"true"_s
        << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n  labels:\n"
                      "    gitops-desk.io/managed: \"true\"\nspec:\n  ports: []\n");
    QTest::newRow("metadata created, 4-space file")
        << QByteArray("apiVersion: v1\nkind: ConfigMap\ndata:\n    a: b\n") << u"team"_s << u"payments"_s
        << QByteArray("apiVersion: v1\nkind: ConfigMap\ndata:\n    a: b\nmetadata:\n    labels:\n"
                      "        team: payments\n");
    QTest::newRow("flow labels")
        << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: web}\n")
        << u"tier"_s << u"1"_s
        << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: web, tier: \"1\"}\n");
    QTest::newRow("empty value")
        << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    app: web\n") << u"canary"_s
        << QString()
        << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    app: web\n    canary: \"\"\n");
    QTest::newRow("first object after a kustomization, CRLF")
        << toCrlf("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n---\n"
                  "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n")
        << u"team"_s << u"payments"_s
        << toCrlf("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n---\n"
                  "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    team: payments\n");
    QTest::newRow("already there with the same value: unchanged") << deployment << u"app"_s << u"web"_s
                                                                  << deployment;
}

void TestOverlayHelpers::labelGolden()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    const auto result = gd::manifest::addLabel(input, key, value);
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    QCOMPARE(result.value(), expected);
    QVERIFY(parsesCleanly(result.value()));
    for (const QJsonObject &doc : documents(result.value())) {
        if (doc.value(u"apiVersion"_s).toString().startsWith(u"kustomize.config.k8s.io/"_s))
            continue;
        QCOMPARE(at(doc, {u"metadata"_s, u"labels"_s, key}), QJsonValue(value));
        break;
    }
}

void TestOverlayHelpers::labelRealFiles_data()
{
    QTest::addColumn<QByteArray>("input");
    addVariantRows(workloadFiles());
}

void TestOverlayHelpers::labelRealFiles()
{
    QFETCH(QByteArray, input);
    QVERIFY(!input.isEmpty());
    const QString key = u"gitops-desk.io/owner"_s;
    const QString value = u"release-team"_s;
    const auto result = gd::manifest::addLabel(input, key, value);
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    QVERIFY(parsesCleanly(result.value()));
    QVERIFY(sameLineEnds(input, result.value()));
    const auto inserted = insertedLines(input, result.value());
    QVERIFY2(inserted.has_value(), "an original line changed or went missing");

    const QList<QJsonObject> before = documents(input);
    QList<QJsonObject> expected = before;
    QVERIFY(!expected.isEmpty());
    QJsonObject &doc = expected[0];   // every fixture's first document is the object
    QJsonObject metadata = doc.value(u"metadata"_s).toObject();
    const bool hadLabels = metadata.contains(u"labels"_s);
    QJsonObject labels = metadata.value(u"labels"_s).toObject();
    labels.insert(key, value);
    metadata.insert(u"labels"_s, labels);
    doc.insert(u"metadata"_s, metadata);
    int expectedLines = hadLabels ? 1 : 2;
    const QJsonValue podLabels = at(before[0], {u"spec"_s, u"template"_s, u"metadata"_s, u"labels"_s});
    if (isWorkloadKind(before[0]) && podLabels.isObject()) {
        QJsonObject newPodLabels = podLabels.toObject();
        newPodLabels.insert(key, value);
        QJsonObject podMetadata = at(before[0], {u"spec"_s, u"template"_s, u"metadata"_s}).toObject();
        podMetadata.insert(u"labels"_s, newPodLabels);
        QJsonObject tmpl = at(before[0], {u"spec"_s, u"template"_s}).toObject();
        tmpl.insert(u"metadata"_s, podMetadata);
        QJsonObject spec = before[0].value(u"spec"_s).toObject();
        spec.insert(u"template"_s, tmpl);
        doc.insert(u"spec"_s, spec);
        ++expectedLines;
    }
    QCOMPARE(inserted->size(), expectedLines);
    QCOMPARE(documents(result.value()), expected);
}

void TestOverlayHelpers::labelRefused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<Error::Code>("code");
    const QByteArray service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    app: web\n";
    QTest::newRow("key with a leading dash") << service << u"-team"_s << u"a"_s << Error::Code::InvalidInput;
    QTest::newRow("two slashes") << service << u"a/b/c"_s << u"a"_s << Error::Code::InvalidInput;
    QTest::newRow("upper-case prefix") << service << u"Example.com/team"_s << u"a"_s << Error::Code::InvalidInput;
    QTest::newRow("empty name after prefix") << service << u"example.com/"_s << u"a"_s << Error::Code::InvalidInput;
    QTest::newRow("64-character name") << service << QString(64, u'a') << u"a"_s << Error::Code::InvalidInput;
    QTest::newRow("value with a space") << service << u"team"_s << u"a b"_s << Error::Code::InvalidInput;
    QTest::newRow("value ending in a dot") << service << u"team"_s << u"a."_s << Error::Code::InvalidInput;
    QTest::newRow("64-character value") << service << u"team"_s << QString(64, u'v') << Error::Code::InvalidInput;
    QTest::newRow("present with another value") << service << u"app"_s << u"api"_s << Error::Code::InvalidInput;
    QTest::newRow("no Kubernetes object") << QByteArray("apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                                        "kind: Kustomization\nresources: []\n")
                                          << u"team"_s << u"a"_s << Error::Code::InvalidInput;
    QTest::newRow("labels is a list") << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  labels: [a]\n")
                                      << u"team"_s << u"a"_s << Error::Code::InvalidInput;
    QTest::newRow("does not parse") << QByteArray("apiVersion: v1\nkind: [\n") << u"team"_s << u"a"_s
                                    << Error::Code::Yaml;
}

void TestOverlayHelpers::labelRefused()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(Error::Code, code);
    const QByteArray copy = input;
    const auto result = gd::manifest::addLabel(input, key, value);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
    QCOMPARE(input, copy);
}

void TestOverlayHelpers::labelValidators_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"app"_s << true;
    QTest::newRow("well-known") << u"app.kubernetes.io/name"_s << true;
    QTest::newRow("dots, dashes, underscores") << u"a_b.c-d"_s << true;
    QTest::newRow("63 characters") << QString(63, u'x') << true;
    QTest::newRow("253-character prefix")
        << QString(63, u'p') + u'.' + QString(63, u'p') + u'.' + QString(63, u'p') + u'.' + QString(61, u'p')
               + u"/name"_s
        << true;
    QTest::newRow("254-character prefix")
        << QString(63, u'p') + u'.' + QString(63, u'p') + u'.' + QString(63, u'p') + u'.' + QString(62, u'p')
               + u"/name"_s
        << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("prefix label ending in a dash") << u"a-.example.com/x"_s << false;
    QTest::newRow("trailing underscore") << u"app_"_s << false;
}

void TestOverlayHelpers::labelValidators()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);
    QCOMPARE(gd::manifest::isValidLabelKey(key), valid);
}

QTEST_GUILESS_MAIN(TestOverlayHelpers)
#include "tst_overlayhelpers.moc"
