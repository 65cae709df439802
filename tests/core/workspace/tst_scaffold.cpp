// SPDX-License-Identifier: GPL-3.0-or-later
// Scaffolding a service from the builtin templates: the preview (files, kustomize validation, rendered resources),
// the stored answers, re-runs that show only what changes, and the edit's refusal when Git moved after the preview.
#include "git/pushloop.h"
#include "manifest/kustomizerunner.h"
#include "support/scratchrepo.h"
#include "template/templateset.h"
#include "workspace/scaffold.h"

#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::Literals::StringLiterals;
using gd::Error;
using gd::git::ObjectId;
using gd::test::ScratchRepo;
using gd::ws::OverlayReview;
using gd::ws::ScaffoldAnswers;

namespace {

ScaffoldAnswers ordersAnswers(const QString &language = u"go"_s)
{
    ScaffoldAnswers answers;
    answers.spec.project = u"shop"_s;
    answers.spec.service = u"orders"_s;
    answers.spec.language = language;
    answers.spec.imageRepository = u"registry.example.com/shop/orders"_s;
    answers.spec.gaTag = u"1.4.2"_s;
    answers.spec.repoUrl = u"https://git.example.com/ops/argocd-gitops-shop.git"_s;
    answers.environments = {u"uat"_s};
    return answers;
}

gd::git::Signature author()
{
    return {u"Platform Engineer"_s, u"pe@example.com"_s, {}};
}

QString str(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.as<std::string>()) : QString();
}

/// The resource of `kind` named `name` in a rendered multi-document stream; a node that is no map when absent.
YAML::Node findResource(const QByteArray &rendered, const QString &kind, const QString &name)
{
    for (const YAML::Node &doc : YAML::LoadAll(rendered.toStdString())) {
        if (doc.IsMap() && str(doc["kind"]) == kind && str(doc["metadata"]["name"]) == name)
            return doc;
    }
    return {};
}

/// Commits the review's files with the push loop (what the CLI does), returning the new tip.
ObjectId land(ScratchRepo &scratch, const OverlayReview &review, const ScaffoldAnswers &answers)
{
    gd::git::PushPlan plan;
    plan.remoteUrl = scratch.path();
    plan.message = gd::ws::scaffoldMessage(answers, review, author());
    plan.edit = gd::ws::scaffoldEdit(review);
    auto outcome = gd::git::runPushLoop(scratch.repo(), plan);
    if (!outcome.ok()) {
        qWarning() << outcome.error().fullText();
        return {};
    }
    return outcome->commit;
}

} // namespace

class TestScaffold : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyLanguageStageAndScalingPreviewsCleanly_data();
    void everyLanguageStageAndScalingPreviewsCleanly();
    void severalEnvironmentsAreRenderedAndValidatedEach();
    void answersRoundTrip();
    void landedScaffoldHasTheAnswersAndASecondPreviewHasNoFiles();
    void changedAnswersShowOnlyTheChangedFilesWithTheCurrentBase();
    void editRefusesWhenAPreviewedFileChangedOnTheTip();
    void badAnswersAreRefusedNamingTheField_data();
    void badAnswersAreRefusedNamingTheField();

private:
    const gd::tmpl::TemplateSet m_templates = gd::tmpl::TemplateSet::builtin();
    const gd::manifest::KustomizeRunner m_runner;
};

void TestScaffold::everyLanguageStageAndScalingPreviewsCleanly_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("canary");
    QTest::addColumn<bool>("hpa");
    for (const QString &language : m_templates.languages()) {
        for (const bool canary : {false, true}) {
            for (const bool hpa : {false, true}) {
                const QByteArray name = (language + (canary ? u" canary+ga"_s : u" ga"_s)
                                         + (hpa ? u" hpa"_s : u" replicas"_s))
                                            .toUtf8();
                QTest::newRow(name.constData()) << language << canary << hpa;
            }
        }
    }
}

void TestScaffold::everyLanguageStageAndScalingPreviewsCleanly()
{
    QFETCH(QString, language);
    QFETCH(bool, canary);
    QFETCH(bool, hpa);
    QVERIFY(m_templates.languages().size() >= 3);

    ScratchRepo scratch;
    ScaffoldAnswers answers = ordersAnswers(language);
    answers.spec.canaryStage = canary;
    answers.spec.replicas = hpa ? std::nullopt : std::optional<int>(3);

    auto review = gd::ws::previewScaffold(scratch.repo(), ObjectId(), u"shop"_s, answers, m_templates, m_runner);
    QVERIFY2(review.ok(), qPrintable(review.ok() ? QString() : review.error().fullText()));
    QCOMPARE(review->env, u"uat"_s);
    QVERIFY2(!review->validation.hasErrors(),
             qPrintable(review->validation.findings.empty() ? QString()
                                                              : review->validation.findings.front().file + u": "_s
                                                                    + review->validation.findings.front().diagnostic.message));
    QVERIFY(review->renderProblem.isEmpty());

    QStringList paths;
    for (const gd::ws::ReviewedFile &file : review->files) {
        QVERIFY2(!file.base.has_value(), qPrintable(file.path));   // an empty repo: every file is new
        QVERIFY(file.mine.has_value());
        paths.append(file.path);
    }
    QVERIFY(paths.contains(u"appsmanifests/orders/.gitops-desk/scaffold.yaml"_s));
    QVERIFY(paths.contains(u"appsmanifests/orders/uat/application.yaml"_s));
    QVERIFY(paths.contains(u"appsmanifests/orders/uat/application-pipeline.yaml"_s));
    QVERIFY(paths.contains(u"appsmanifests/orders/uat/manifests/pipeline/ks-pipeline-jenkinsfile.yaml"_s));
    QCOMPARE(paths.contains(u"appsmanifests/orders/uat/manifests/ga/hpa.yaml"_s), hpa);

    const QByteArray &rendered = review->validation.rendered;
    const YAML::Node stable = findResource(rendered, u"Deployment"_s, u"orders"_s);
    QVERIFY(stable.IsMap());
    QCOMPARE(str(stable["metadata"]["namespace"]), u"shop-uat"_s);
    QCOMPARE(str(stable["spec"]["template"]["spec"]["containers"][0]["image"]),
             u"registry.example.com/shop/orders:1.4.2"_s);
    QCOMPARE(str(stable["spec"]["replicas"]), hpa ? QString() : u"3"_s);
    QCOMPARE(findResource(rendered, u"Deployment"_s, u"orders-canary"_s).IsMap(), canary);
    QCOMPARE(findResource(rendered, u"HorizontalPodAutoscaler"_s, u"orders"_s).IsMap(), hpa);

    bool deploymentAdded = false;
    for (const gd::manifest::ResourceChange &change : review->renderedChanges) {
        QCOMPARE(change.type, gd::manifest::ResourceChange::Type::Added);
        deploymentAdded = deploymentAdded || change.key.label() == u"Deployment/shop-uat/orders"_s;
    }
    QVERIFY(deploymentAdded);
}

void TestScaffold::severalEnvironmentsAreRenderedAndValidatedEach()
{
    ScratchRepo scratch;
    ScaffoldAnswers answers = ordersAnswers();
    answers.environments = {u"uat"_s, u"prod"_s};
    auto review = gd::ws::previewScaffold(scratch.repo(), ObjectId(), u"shop"_s, answers, m_templates, m_runner);
    QVERIFY(review.ok());
    QVERIFY(!review->validation.hasErrors());
    QVERIFY(findResource(review->validation.rendered, u"Deployment"_s, u"orders"_s).IsMap());
    QStringList labels;
    for (const gd::manifest::ResourceChange &change : review->renderedChanges)
        labels.append(change.key.label());
    QVERIFY(labels.contains(u"Deployment/shop-uat/orders"_s));
    QVERIFY(labels.contains(u"Deployment/shop-prod/orders"_s));

    const ObjectId landed = land(scratch, *review, answers);
    QVERIFY(!landed.isNull());
    auto info = scratch.repo().commitInfo(landed);
    QVERIFY(info.ok());
    QVERIFY2(info->message.startsWith(u"Add service orders to uat, prod (template go)\n\n"_s), qPrintable(info->message));
    QVERIFY(info->message.contains(u"- prod: namespace shop-prod"_s));
    QVERIFY(!scratch.read(u"appsmanifests/orders/prod/manifests/kustomization.yaml"_s).isEmpty());
}

void TestScaffold::answersRoundTrip()
{
    ScaffoldAnswers answers = ordersAnswers(u"java"_s);
    answers.environments = {u"uat"_s, u"prod"_s};
    answers.spec.canaryStage = true;
    answers.spec.replicas = std::nullopt;
    answers.spec.port = 9090;
    answers.spec.selfHeal = false;
    answers.spec.canaryTag = u"1.5.0-rc.1"_s;
    answers.spec.sourceRepoUrl = u"git@git.example.com:shop/orders.git # \"main\" 'x'"_s;
    answers.spec.namespaceName = u"orders-ns"_s;

    const QByteArray yaml = gd::ws::answersToYaml(answers);
    auto back = gd::ws::answersFromYaml(yaml);
    QVERIFY2(back.ok(), yaml.constData());
    QCOMPARE(back->environments, answers.environments);
    QCOMPARE(back->spec.language, u"java"_s);
    QCOMPARE(back->spec.canaryStage, true);
    QVERIFY(!back->spec.replicas.has_value());
    QCOMPARE(back->spec.port, 9090);
    QCOMPARE(back->spec.selfHeal, false);
    QCOMPARE(back->spec.canaryTag, answers.spec.canaryTag);
    QCOMPARE(back->spec.sourceRepoUrl, answers.spec.sourceRepoUrl);
    QCOMPARE(back->spec.namespaceName, u"orders-ns"_s);
    QCOMPARE(back->spec.repoUrl, answers.spec.repoUrl);
    QCOMPARE(gd::ws::answersToYaml(*back), yaml);   // the same answers, the same bytes

    answers.spec.replicas = 4;
    auto withReplicas = gd::ws::answersFromYaml(gd::ws::answersToYaml(answers));
    QVERIFY(withReplicas.ok());
    QCOMPARE(withReplicas->spec.replicas, std::optional<int>(4));

    QCOMPARE(gd::ws::answersFromYaml("port: [1\n").error().code, Error::Code::Yaml);
    QCOMPARE(gd::ws::answersFromYaml("port: eighty\n").error().code, Error::Code::InvalidInput);
}

void TestScaffold::landedScaffoldHasTheAnswersAndASecondPreviewHasNoFiles()
{
    ScratchRepo scratch;
    const ScaffoldAnswers answers = ordersAnswers();
    QCOMPARE(gd::ws::loadScaffoldAnswers(scratch.repo(), ObjectId(), u"orders"_s).error().code,
             Error::Code::NotFound);
    auto first = gd::ws::previewScaffold(scratch.repo(), ObjectId(), u"shop"_s, answers, m_templates, m_runner);
    QVERIFY(first.ok());
    const ObjectId tip = land(scratch, *first, answers);
    QVERIFY(!tip.isNull());

    auto stored = gd::ws::loadScaffoldAnswers(scratch.repo(), tip, u"orders"_s);
    QVERIFY(stored.ok());
    QCOMPARE(stored->environments, answers.environments);
    QCOMPARE(stored->spec.imageRepository, answers.spec.imageRepository);

    auto second = gd::ws::previewScaffold(scratch.repo(), tip, u"shop"_s, *stored, m_templates, m_runner);
    QVERIFY(second.ok());
    QVERIFY(second->files.empty());
    QVERIFY(second->renderedChanges.empty());
    QVERIFY(!second->validation.hasErrors());
    auto nothing = gd::ws::scaffoldEdit(*second)(gd::git::Snapshot(scratch.repo(), tip));
    QCOMPARE(nothing.error().code, Error::Code::InvalidInput);
}

void TestScaffold::changedAnswersShowOnlyTheChangedFilesWithTheCurrentBase()
{
    ScratchRepo scratch;
    ScaffoldAnswers answers = ordersAnswers();
    auto first = gd::ws::previewScaffold(scratch.repo(), ObjectId(), u"shop"_s, answers, m_templates, m_runner);
    QVERIFY(first.ok());
    const ObjectId tip = land(scratch, *first, answers);
    QVERIFY(!tip.isNull());

    answers.spec.replicas = 5;
    auto changed = gd::ws::previewScaffold(scratch.repo(), tip, u"shop"_s, answers, m_templates, m_runner);
    QVERIFY(changed.ok());
    QStringList paths;
    for (const gd::ws::ReviewedFile &file : changed->files) {
        paths.append(file.path);
        QVERIFY(file.base.has_value());
        QCOMPARE(file.base, file.theirs);
        QCOMPARE(*file.base, scratch.read(file.path, tip));
        QVERIFY(file.mine != file.base);
    }
    paths.sort();
    QCOMPARE(paths, QStringList({u"appsmanifests/orders/.gitops-desk/scaffold.yaml"_s,
                                 u"appsmanifests/orders/uat/manifests/base/deployment.yaml"_s}));
    QCOMPARE(changed->renderedChanges.size(), size_t(1));
    QCOMPARE(changed->renderedChanges.front().type, gd::manifest::ResourceChange::Type::Changed);
    QVERIFY(changed->renderedChanges.front().summary.join(u' ').contains(u"replicas"_s));

    const ObjectId updated = land(scratch, *changed, answers);
    QVERIFY(!updated.isNull());
    QVERIFY(scratch.repo().commitInfo(updated)->message.startsWith(u"Update service orders in uat (template go)"_s));
}

void TestScaffold::editRefusesWhenAPreviewedFileChangedOnTheTip()
{
    ScratchRepo scratch;
    ScaffoldAnswers answers = ordersAnswers();
    auto first = gd::ws::previewScaffold(scratch.repo(), ObjectId(), u"shop"_s, answers, m_templates, m_runner);
    QVERIFY(first.ok());
    const ObjectId tip = land(scratch, *first, answers);
    QVERIFY(!tip.isNull());

    answers.spec.port = 9000;
    auto preview = gd::ws::previewScaffold(scratch.repo(), tip, u"shop"_s, answers, m_templates, m_runner);
    QVERIFY(preview.ok());
    QVERIFY(!preview->files.empty());
    const QString touched = preview->files.front().path;
    scratch.commit({{touched, QByteArray("# edited by someone else\n") + scratch.read(touched)}}, u"Hand edit"_s);

    gd::git::PushPlan plan;
    plan.remoteUrl = scratch.path();
    plan.message = gd::ws::scaffoldMessage(answers, *preview, author());
    plan.edit = gd::ws::scaffoldEdit(*preview);
    auto outcome = gd::git::runPushLoop(scratch.repo(), plan);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, Error::Code::Precondition);
    QVERIFY(outcome.error().message.contains(touched));
    QVERIFY(scratch.read(touched).startsWith("# edited by someone else\n"));
}

void TestScaffold::badAnswersAreRefusedNamingTheField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("named");
    QTest::newRow("service") << u"service"_s << u"Orders_API"_s << u"service"_s;
    QTest::newRow("environment") << u"env"_s << u"UAT"_s << u"environment"_s;
    QTest::newRow("port") << u"port"_s << u"70000"_s << u"port"_s;
    QTest::newRow("image") << u"image"_s << u"registry.example.com/Shop/orders:1"_s << u"image repository"_s;
    QTest::newRow("language") << u"language"_s << u"cobol"_s << u"cobol"_s;
    QTest::newRow("replicas") << u"replicas"_s << u"0"_s << u"replica"_s;
    QTest::newRow("no environment") << u"env"_s << QString() << u"environment"_s;
}

void TestScaffold::badAnswersAreRefusedNamingTheField()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, named);
    ScaffoldAnswers answers = ordersAnswers();
    if (field == u"service")
        answers.spec.service = value;
    else if (field == u"env")
        answers.environments = value.isEmpty() ? QStringList() : QStringList{value};
    else if (field == u"port")
        answers.spec.port = value.toInt();
    else if (field == u"image")
        answers.spec.imageRepository = value;
    else if (field == u"language")
        answers.spec.language = value;
    else if (field == u"replicas")
        answers.spec.replicas = value.toInt();
    ScratchRepo scratch;
    auto review = gd::ws::previewScaffold(scratch.repo(), ObjectId(), u"shop"_s, answers, m_templates, m_runner);
    QVERIFY(!review.ok());
    QCOMPARE(review.error().code, Error::Code::InvalidInput);
    QVERIFY2(review.error().message.contains(named, Qt::CaseInsensitive), qPrintable(review.error().message));
}

QTEST_GUILESS_MAIN(TestScaffold)
#include "tst_scaffold.moc"
