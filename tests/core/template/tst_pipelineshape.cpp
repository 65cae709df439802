// SPDX-License-Identifier: GPL-3.0-or-later
// The KubeSphere Pipeline CR the templates render has the shape of the ks-devops samples (tests/data/kubesphere):
// the same apiVersion, kind and spec.type, only fields the samples or the CRD have below spec.pipeline, each of the
// samples' YAML type (discarder counts as strings, disable_concurrent a bool, the Jenkinsfile a block of text), and
// the samples' conventions (spec.pipeline.name is the resource's name; the namespace is the DevOps project's).
#include "template/servicescaffold.h"
#include "template/templateset.h"

#include <QFile>
#include <QSet>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::Literals::StringLiterals;

namespace {

QString str(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.as<std::string>()) : QString();
}

/// The Pipeline document of a multi-document sample.
YAML::Node samplePipeline(const QString &file)
{
    QFile in(qEnvironmentVariable("GD_TEST_DATA") + u"/kubesphere/"_s + file);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    for (const YAML::Node &doc : YAML::LoadAll(in.readAll().toStdString())) {
        if (doc.IsMap() && str(doc["kind"]) == u"Pipeline"_s)
            return doc;
    }
    return {};
}

/// How YAML reads a scalar: "string" when quoted or not a bool/number, else "bool" or "number".
QString scalarType(const YAML::Node &node)
{
    if (!node.IsScalar())
        return node.IsMap() ? u"map"_s : node.IsSequence() ? u"sequence"_s : u"null"_s;
    if (node.Tag() == "!")
        return u"string"_s;   // quoted: always a string
    const QString text = str(node);
    if (text == u"true"_s || text == u"false"_s)
        return u"bool"_s;
    bool number = false;
    text.toLongLong(&number);
    return number ? u"number"_s : u"string"_s;
}

} // namespace

class TestPipelineShape : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void renderedPipelineHasTheSamplesShape_data();
    void renderedPipelineHasTheSamplesShape();
};

void TestPipelineShape::renderedPipelineHasTheSamplesShape_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("canary");
    const QStringList languages = gd::tmpl::TemplateSet::builtin().languages();
    QVERIFY(languages.size() >= 3);
    for (const QString &language : languages) {
        for (const bool canary : {false, true}) {
            QTest::addRow("%s %s", qPrintable(language), canary ? "canary + GA" : "GA only") << language << canary;
        }
    }
}

void TestPipelineShape::renderedPipelineHasTheSamplesShape()
{
    QFETCH(QString, language);
    QFETCH(bool, canary);
    const YAML::Node sample = samplePipeline(u"devops_v1alpha4_pipelinerun.yaml"_s);
    QVERIFY(sample.IsMap());
    QVERIFY(samplePipeline(u"devops_v1alpha4_pipelinerun_with_parameters.yaml"_s).IsMap());

    gd::tmpl::ServiceSpec spec;
    spec.project = u"shop"_s;
    spec.service = u"orders"_s;
    spec.environment = u"uat"_s;
    spec.language = language;
    spec.canaryStage = canary;
    spec.imageRepository = u"registry.example.com/shop/orders"_s;
    spec.repoUrl = u"https://gitlab.example.com/ops/argocd-gitops-shop.git"_s;
    spec.devopsNamespace = u"shop-devops"_s;
    auto files = gd::tmpl::scaffoldService(gd::tmpl::TemplateSet::builtin(), spec);
    QVERIFY2(files.ok(), qPrintable(files.ok() ? QString() : files.error().fullText()));
    const auto pipelineFile =
        files->files.value(u"appsmanifests/orders/uat/manifests/pipeline/ks-pipeline-jenkinsfile.yaml"_s);
    QVERIFY(pipelineFile.has_value());
    const YAML::Node rendered = YAML::Load(pipelineFile->toStdString());

    QCOMPARE(str(rendered["apiVersion"]), str(sample["apiVersion"]));
    QCOMPARE(str(rendered["kind"]), str(sample["kind"]));
    QCOMPARE(str(rendered["spec"]["type"]), str(sample["spec"]["type"]));
    QCOMPARE(str(rendered["metadata"]["namespace"]), u"shop-devops"_s);
    QVERIFY(rendered["metadata"]["annotations"]["kubesphere.io/creator"].IsScalar());   // as the samples carry it

    // Below spec.pipeline: the samples' fields, plus those the CRD defines that the samples leave out
    // (ks-devops pkg/api/devops/v1alpha3/pipeline_types.go, NoScmPipeline).
    QSet<QString> allowed{u"description"_s, u"parameters"_s, u"timer_trigger"_s, u"remote_trigger"_s};
    for (const auto &entry : sample["spec"]["pipeline"])
        allowed.insert(QString::fromStdString(entry.first.as<std::string>()));
    const YAML::Node pipeline = rendered["spec"]["pipeline"];
    QVERIFY(pipeline.IsMap());
    for (const auto &entry : pipeline) {
        const QString key = QString::fromStdString(entry.first.as<std::string>());
        QVERIFY2(allowed.contains(key), qPrintable(u"spec.pipeline."_s + key + u" is not a Pipeline field"_s));
        const YAML::Node theirs = sample["spec"]["pipeline"][key.toStdString()];
        if (theirs)
            QCOMPARE(scalarType(entry.second), scalarType(theirs));
    }
    // Every field the samples set is set here too, with the samples' types one level down (the discarder).
    for (const auto &entry : sample["spec"]["pipeline"]) {
        const std::string key = entry.first.as<std::string>();
        QVERIFY2(pipeline[key], key.c_str());
        if (entry.second.IsMap()) {
            for (const auto &inner : entry.second) {
                const YAML::Node ours = pipeline[key][inner.first.as<std::string>()];
                QVERIFY2(ours, inner.first.as<std::string>().c_str());
                QCOMPARE(scalarType(ours), scalarType(inner.second));
            }
        }
    }
    QCOMPARE(str(pipeline["name"]), str(rendered["metadata"]["name"]));
    QVERIFY(str(pipeline["jenkinsfile"]).startsWith(u"pipeline {"_s));
}

QTEST_GUILESS_MAIN(TestPipelineShape)
#include "tst_pipelineshape.moc"
