// SPDX-License-Identifier: GPL-3.0-or-later
// The New Service flow on a real local workspace (bare repos in a folder, the real kustomize): prepareScaffold creates
// the missing repo and reviews, commitScaffold pushes exactly that and hands back both Applications; a second run keeps
// the tags the service runs, lands nothing when nothing changed, and a file changed on the branch after the review
// stops the commit.
#include "git/repocache.h"
#include "git/repository.h"
#include "manifest/kustomizerunner.h"
#include "template/templateset.h"
#include "workspace/release.h"
#include "workspace/releaserun.h"
#include "workspace/repoprovider.h"
#include "workspace/scaffoldrun.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::Error;
using gd::git::ObjectId;
using gd::ws::ScaffoldAnswers;

namespace {

gd::git::Signature author()
{
    return {u"Li Wei"_s, u"li.wei@example.com"_s, {}};
}

ScaffoldAnswers paymentsAnswers()
{
    ScaffoldAnswers answers;
    answers.spec.project = u"billing"_s;
    answers.spec.service = u"payments"_s;
    answers.spec.language = u"java"_s;
    answers.spec.imageRepository = u"registry.example.com/billing/payments"_s;
    answers.spec.gaTag = u"1.0.0"_s;
    answers.spec.canaryStage = true;
    answers.environments = {u"uat"_s, u"prod"_s};
    return answers;
}

} // namespace

class TestScaffoldRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void newProjectGetsItsRepoTheCommitAndBothApplications();
    void answeredDestinationIsEveryEnvironments();
    void badAnswersCreateNothing();
    void theWorkspacesRulesAreKept();
    void rerunKeepsTheRunningTagsAndLandsOnlyWhatChanged();
    void nothingChangedLandsNothingButStillGivesTheApplications();
    void aFileChangedAfterTheReviewStopsTheCommit();

private:
    gd::Result<gd::ws::PreparedScaffold> prepare(const ScaffoldAnswers &answers);
    QString barePath() const { return m_dir.filePath(u"repos/argocd-gitops-billing.git"_s); }
    ObjectId tip() const;

    QTemporaryDir m_dir;
    gd::ws::WorkspaceConfig m_config;
    std::unique_ptr<gd::ws::LocalRepoProvider> m_provider;
    std::unique_ptr<gd::git::RepoCache> m_cache;
    gd::tmpl::TemplateSet m_templates = gd::tmpl::TemplateSet::builtin();
};

void TestScaffoldRun::init()
{
    QDir(m_dir.path()).removeRecursively();
    QVERIFY(QDir().mkpath(m_dir.filePath(u"repos"_s)));
    m_config = {};
    m_config.name = u"Test"_s;
    m_config.localPath = m_dir.filePath(u"repos"_s);
    gd::ws::EnvironmentConfig prod{u"prod"_s};
    prod.cluster = u"https://prod.k8s.example.com"_s;
    prod.namespacePattern = u"{project}-{service}-prod"_s;
    m_config.environments = {{u"uat"_s}, prod};
    m_provider = std::make_unique<gd::ws::LocalRepoProvider>(m_config);
    m_cache = std::make_unique<gd::git::RepoCache>(m_dir.filePath(u"cache"_s));
}

gd::Result<gd::ws::PreparedScaffold> TestScaffoldRun::prepare(const ScaffoldAnswers &answers)
{
    return gd::ws::prepareScaffold(m_config, *m_cache, *m_provider, answers, m_templates,
                                   gd::manifest::KustomizeRunner());
}

ObjectId TestScaffoldRun::tip() const
{
    auto repo = gd::git::Repository::open(barePath());
    return repo.ok() ? repo->resolve(u"refs/heads/main"_s).valueOr(ObjectId()) : ObjectId();
}

void TestScaffoldRun::newProjectGetsItsRepoTheCommitAndBothApplications()
{
    QVERIFY(!QFileInfo::exists(barePath()));
    auto prepared = prepare(paymentsAnswers());
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().fullText()));
    // The preview creates nothing: the review names the repository the commit will create.
    QVERIFY(!QFileInfo::exists(barePath()));
    QCOMPARE(prepared->review.newRepository, barePath());
    QVERIFY(prepared->review.remoteTip.isNull());
    QCOMPARE(prepared->answers.spec.repoUrl, barePath());
    QCOMPARE(prepared->answers.spec.branch, u"main"_s);
    QVERIFY2(prepared->review.validation.errorCount() == 0, prepared->review.validation.rendered.constData());
    QVERIFY(prepared->review.files.size() > 20);   // two environments of files and the answers

    auto landed = gd::ws::commitScaffold(m_config, *m_cache, *m_provider, *prepared, QString(), author());
    QVERIFY2(landed.ok(), qPrintable(landed.ok() ? QString() : landed.error().fullText()));
    QCOMPARE(landed->outcome.attempts, 1);
    QCOMPARE(landed->outcome.commit, tip());
    auto repo = gd::git::Repository::open(barePath());
    QVERIFY(repo.ok());
    auto info = repo->commitInfo(tip());
    QVERIFY(info.ok());
    QCOMPARE(info->summary, u"Add service payments to uat, prod (template java)"_s);
    QCOMPARE(info->author.name, u"Li Wei"_s);

    // Workload and pipeline Application per environment, as the commit has them.
    QCOMPARE(landed->applications.size(), std::size_t(4));
    QStringList names;
    for (const gd::ws::ScaffoldApplication &app : landed->applications) {
        names.append(app.name);
        QCOMPARE(app.body.value(u"metadata"_s).toObject().value(u"name"_s).toString(), app.name);
        const QJsonObject source = app.body.value(u"spec"_s).toObject().value(u"source"_s).toObject();
        QCOMPARE(source.value(u"repoURL"_s).toString(), barePath());
        QCOMPARE(source.value(u"path"_s).toString().endsWith(u"/pipeline"_s), app.pipeline);
    }
    QCOMPARE(names, (QStringList{u"billing-payments-uat"_s, u"billing-payments-uat-pipeline"_s,
                                 u"billing-payments-prod"_s, u"billing-payments-prod-pipeline"_s}));

    // Each workload deploys where the workspace says its environment lives; the pipelines stay on Argo CD's cluster.
    const auto destination = [&](int index) {
        return landed->applications.at(std::size_t(index)).body.value(u"spec"_s).toObject().value(u"destination"_s)
            .toObject();
    };
    QCOMPARE(destination(0).value(u"server"_s).toString(), u"https://kubernetes.default.svc"_s);
    QCOMPARE(destination(0).value(u"namespace"_s).toString(), u"billing-uat"_s);
    QCOMPARE(destination(2).value(u"server"_s).toString(), u"https://prod.k8s.example.com"_s);
    QCOMPARE(destination(2).value(u"namespace"_s).toString(), u"billing-payments-prod"_s);
    QCOMPARE(destination(3).value(u"server"_s).toString(), u"https://kubernetes.default.svc"_s);
    const QByteArray prodBuild = prepared->review.validation.rendered.mid(
        prepared->review.validation.rendered.indexOf("# prod"));
    QVERIFY2(prodBuild.contains("namespace: billing-payments-prod"), prodBuild.constData());
    QVERIFY2(!prodBuild.contains("namespace: billing-prod"), prodBuild.constData());
}

void TestScaffoldRun::answeredDestinationIsEveryEnvironments()
{
    ScaffoldAnswers answers = paymentsAnswers();
    answers.spec.cluster = u"https://shared.k8s.example.com"_s;
    answers.spec.namespaceName = u"payments"_s;
    auto prepared = prepare(answers);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().fullText()));
    for (const QString &env : {u"uat"_s, u"prod"_s}) {
        QCOMPARE(prepared->answers.specFor(env).cluster, u"https://shared.k8s.example.com"_s);
        QCOMPARE(prepared->answers.specFor(env).namespaceName, u"payments"_s);
    }
    // The stored answers keep what was answered, not the workspace's defaults.
    auto stored = gd::ws::answersFromYaml(gd::ws::answersToYaml(paymentsAnswers()));
    QVERIFY(stored.ok());
    QVERIFY(stored->spec.cluster.isEmpty());
    QVERIFY(stored->spec.namespaceName.isEmpty());
}

void TestScaffoldRun::theWorkspacesRulesAreKept()
{
    // An environment the workspace does not know, or a canary where the environment allows none: refused, nothing made.
    ScaffoldAnswers unknown = paymentsAnswers();
    unknown.environments = {u"uat"_s, u"qa"_s};
    auto refused = prepare(unknown);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, gd::Error::Code::InvalidInput);
    QVERIFY2(refused.error().message.contains(u"no environment qa"_s) && refused.error().message.contains(u"uat, prod"_s),
             qPrintable(refused.error().message));

    m_config.environments[1].canaryAllowed = false;
    auto canary = prepare(paymentsAnswers());
    QVERIFY(!canary.ok());
    QCOMPARE(canary.error().code, gd::Error::Code::InvalidInput);
    QVERIFY2(canary.error().message.contains(u"prod does not allow a canary"_s), qPrintable(canary.error().message));
    QVERIFY(!QFileInfo::exists(barePath()));
}

void TestScaffoldRun::badAnswersCreateNothing()
{
    ScaffoldAnswers answers = paymentsAnswers();
    answers.spec.port = 70000;
    auto prepared = prepare(answers);
    QVERIFY(!prepared.ok());
    QCOMPARE(prepared.error().code, Error::Code::InvalidInput);
    QVERIFY2(prepared.error().message.contains(u"port"_s), qPrintable(prepared.error().message));
    QVERIFY(!QFileInfo::exists(barePath()));
}

void TestScaffoldRun::rerunKeepsTheRunningTagsAndLandsOnlyWhatChanged()
{
    auto first = prepare(paymentsAnswers());
    QVERIFY(first.ok());
    QVERIFY(gd::ws::commitScaffold(m_config, *m_cache, *m_provider, *first, QString(), author()).ok());

    // Releases move uat's GA tag and prod's canary tag after the scaffold.
    for (const auto &[env, stage, tag] :
         {std::tuple{u"uat"_s, gd::ws::ReleaseStage::Ga, u"1.1.0"_s},
          std::tuple{u"prod"_s, gd::ws::ReleaseStage::Canary, u"1.2.0-rc.1"_s}}) {
        gd::ws::ReleaseOperation release;
        release.project = u"billing"_s;
        release.request = {u"payments"_s, env, stage, tag, u"1.0.0"_s};
        auto pushed = gd::ws::runReleaseOperation(m_config, *m_cache, *m_provider, release, author());
        QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().fullText()));
    }

    // The wizard again with one answer changed: only the files it touches, the running tags kept.
    ScaffoldAnswers again = paymentsAnswers();
    again.spec.port = 9090;
    auto second = prepare(again);
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().fullText()));
    QCOMPARE(second->answers.runningTags.value(u"uat"_s).ga, u"1.1.0"_s);
    QCOMPARE(second->answers.runningTags.value(u"prod"_s).canary, u"1.2.0-rc.1"_s);
    for (const gd::ws::ReviewedFile &file : second->review.files) {
        QVERIFY2(file.base.has_value(), qPrintable(file.path));   // nothing new
        QVERIFY2(!file.path.endsWith(u"/kustomization.yaml"_s) || !file.path.contains(u"/ga/"_s),
                 qPrintable(file.path + u" would change a released tag"_s));
        QVERIFY2(!file.path.contains(u"/canary/kustomization.yaml"_s), qPrintable(file.path));
    }
    auto landed = gd::ws::commitScaffold(m_config, *m_cache, *m_provider, *second, u"Move payments to port 9090"_s,
                                         author());
    QVERIFY2(landed.ok(), qPrintable(landed.ok() ? QString() : landed.error().fullText()));
    auto repo = gd::git::Repository::open(barePath());
    QVERIFY(repo.ok());
    QCOMPARE(repo->commitInfo(tip())->summary, u"Move payments to port 9090"_s);
    QCOMPARE(gd::ws::releasedTagAt(*repo, tip(), u"payments"_s, u"uat"_s, gd::ws::ReleaseStage::Ga), u"1.1.0"_s);
    QCOMPARE(gd::ws::releasedTagAt(*repo, tip(), u"payments"_s, u"prod"_s, gd::ws::ReleaseStage::Canary),
             u"1.2.0-rc.1"_s);
    QCOMPARE(gd::ws::releasedTagAt(*repo, tip(), u"payments"_s, u"prod"_s, gd::ws::ReleaseStage::Ga), u"1.0.0"_s);
    // The reviewer's summary replaces the standard one; the per-environment lines stay and name the running tags.
    const QString message = repo->commitInfo(tip())->message;
    QVERIFY2(message.contains(u"- uat: namespace billing-uat"_s) && message.contains(u":1.1.0"_s), qPrintable(message));
}

void TestScaffoldRun::nothingChangedLandsNothingButStillGivesTheApplications()
{
    auto first = prepare(paymentsAnswers());
    QVERIFY(first.ok());
    QVERIFY(gd::ws::commitScaffold(m_config, *m_cache, *m_provider, *first, QString(), author()).ok());
    const ObjectId landedTip = tip();

    auto again = prepare(paymentsAnswers());
    QVERIFY(again.ok());
    QVERIFY(again->review.files.empty());
    auto landed = gd::ws::commitScaffold(m_config, *m_cache, *m_provider, *again, QString(), author());
    QVERIFY2(landed.ok(), qPrintable(landed.ok() ? QString() : landed.error().fullText()));
    QCOMPARE(landed->outcome.attempts, 0);
    QCOMPARE(landed->outcome.commit, landedTip);
    QCOMPARE(tip(), landedTip);
    QCOMPARE(landed->applications.size(), std::size_t(4));
}

void TestScaffoldRun::aFileChangedAfterTheReviewStopsTheCommit()
{
    auto first = prepare(paymentsAnswers());
    QVERIFY(first.ok());
    QVERIFY(gd::ws::commitScaffold(m_config, *m_cache, *m_provider, *first, QString(), author()).ok());

    ScaffoldAnswers again = paymentsAnswers();
    again.spec.replicas = 5;
    auto reviewed = prepare(again);
    QVERIFY(reviewed.ok());
    QVERIFY(!reviewed->review.files.empty());
    // Someone else changes the same deployment while the review is open.
    ScaffoldAnswers other = paymentsAnswers();
    other.spec.replicas = 4;
    auto theirs = prepare(other);
    QVERIFY(theirs.ok());
    QVERIFY(gd::ws::commitScaffold(m_config, *m_cache, *m_provider, *theirs, QString(), author()).ok());
    const ObjectId theirTip = tip();

    auto landed = gd::ws::commitScaffold(m_config, *m_cache, *m_provider, *reviewed, QString(), author());
    QVERIFY(!landed.ok());
    QCOMPARE(landed.error().code, Error::Code::Precondition);
    QVERIFY2(landed.error().message.contains(u"changed in Git since the preview"_s), qPrintable(landed.error().message));
    QCOMPARE(tip(), theirTip);
}

QTEST_GUILESS_MAIN(TestScaffoldRun)
#include "tst_scaffoldrun.moc"
