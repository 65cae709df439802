// SPDX-License-Identifier: GPL-3.0-or-later
// Drives `gitops-desk-cli scaffold` end to end: a new local project's repo is created, the preview pushes nothing,
// --yes pushes the service and creates both Argo CD Applications in the simulator, bad answers exit 2 naming them.
#include "git/repository.h"
#include "support/argocdsim.h"
#include "workspace/scaffold.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliScaffold : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void previewWithoutYesPushesNothing();
    void newProjectIsCreatedAndBothApplicationsBecomeSynced();
    void valuesWithColonHashAndQuotesStayStrings();
    void badParametersExit2NamingTheField_data();
    void badParametersExit2NamingTheField();

private:
    Run cli(const QStringList &arguments) const;
    QString repoPath(const QString &project) const;
    QString tip(const QString &project) const;

    QTemporaryDir m_dir;
    QString m_workspace;
    std::unique_ptr<test::ArgoSim> m_sim;
};

Run TestCliScaffold::cli(const QStringList &arguments) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GITOPS_DESK_CACHE_DIR"_s, m_dir.filePath(u"cache"_s));
    env.insert(u"GITOPS_DESK_DATA_DIR"_s, m_dir.filePath(u"data"_s));
    env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/.config"_s));
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.remove(u"ARGOCD_SERVER"_s);
    env.remove(u"ARGOCD_CONFIG_DIR"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    if (m_sim)
        env.insert(u"ARGOCD_AUTH_TOKEN"_s, m_sim->token());
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("GD_CLI"), QStringList{u"--workspace"_s, m_workspace} + arguments);
    if (!process.waitForFinished(180000))
        qFatal("gitops-desk-cli did not finish");
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString TestCliScaffold::repoPath(const QString &project) const
{
    return m_dir.filePath(u"demo/repos/argocd-gitops-"_s + project + u".git"_s);
}

QString TestCliScaffold::tip(const QString &project) const
{
    auto repo = git::Repository::open(repoPath(project));
    if (!repo.ok())
        return {};
    const git::ObjectId id = repo->resolve(u"refs/heads/main"_s).valueOr(git::ObjectId());
    return id.isNull() ? QString() : id.toHex();
}

void TestCliScaffold::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    QDir().mkpath(m_dir.filePath(u"home/.config"_s));
    QProcess demo;
    demo.start(qEnvironmentVariable("GD_CLI"), {u"demo"_s, u"init"_s, m_dir.filePath(u"demo"_s), u"--projects"_s,
                                                u"1"_s, u"--services"_s, u"1"_s});
    QVERIFY(demo.waitForFinished(120000));
    QCOMPARE(demo.exitCode(), 0);
    m_workspace = m_dir.filePath(u"demo/workspace.yaml"_s);
    // prod keeps each service in its own namespace: a scaffold deploys where the workspace says.
    QFile file(m_workspace);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray workspace = file.readAll();
    file.close();
    QVERIFY(workspace.contains(R"(namespace: "{project}-prod")"));
    workspace.replace(R"(namespace: "{project}-prod")", R"(namespace: "{project}-{service}-prod")");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(workspace), workspace.size());
    file.close();

    test::ArgoSim::Options options;
    options.workspaceFile = m_workspace;
    options.healthDelayMs = 300;
    options.reconcileMs = 200;
    m_sim = std::make_unique<test::ArgoSim>(options);
    QString error;
    QVERIFY2(m_sim->start(&error), qPrintable(error));
    QVERIFY2(m_sim->pointWorkspace(m_workspace, &error), qPrintable(error));
}

void TestCliScaffold::previewWithoutYesPushesNothing()
{
    QVERIFY(!QFileInfo::exists(repoPath(u"stock"_s)));
    const Run run = cli({u"scaffold"_s, u"stock"_s, u"items"_s, u"--lang"_s, u"nodejs"_s, u"--env"_s, u"uat"_s,
                         u"--env"_s, u"prod"_s, u"--stage"_s, u"canary"_s, u"--image"_s,
                         u"registry.example.com/stock/items"_s, u"--hpa"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"new  appsmanifests/items/uat/manifests/ga/hpa.yaml"_s), qPrintable(run.out));
    QVERIFY(run.out.contains(u"new  appsmanifests/items/prod/application-pipeline.yaml"_s));
    QVERIFY(run.out.contains(u"new  appsmanifests/items/.gitops-desk/scaffold.yaml"_s));
    QVERIFY2(run.out.contains(u"+ Deployment/stock-items-prod/items-canary"_s), qPrintable(run.out));
    QVERIFY(run.out.contains(u"+ Deployment/stock-uat/items-canary"_s));
    QVERIFY(run.out.contains(u"appsmanifests/items: 0 error(s)"_s));
    QVERIFY(run.out.contains(u"run again with --yes"_s));
    // Nothing is created without --yes; the preview says what --yes would create.
    QVERIFY2(run.out.contains(u"The repository "_s + repoPath(u"stock"_s) + u" does not exist yet"_s), qPrintable(run.out));
    QVERIFY(!QFileInfo::exists(repoPath(u"stock"_s)));
    QVERIFY(m_sim->application(u"stock-items-uat"_s).isEmpty());
}

void TestCliScaffold::newProjectIsCreatedAndBothApplicationsBecomeSynced()
{
    QVERIFY(!QFileInfo::exists(repoPath(u"billing"_s)));
    const QStringList arguments{u"scaffold"_s, u"billing"_s, u"payments"_s, u"--lang"_s, u"go"_s, u"--env"_s,
                                u"uat"_s, u"--image"_s, u"registry.example.com/billing/payments"_s, u"--port"_s,
                                u"9000"_s, u"--replicas"_s, u"2"_s, u"--set"_s, u"tag=2.0.1"_s};
    const Run run = cli(arguments + QStringList{u"--yes"_s, u"--wait"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QString commit = tip(u"billing"_s);
    QVERIFY(!commit.isEmpty());
    QVERIFY(run.out.contains(u"Pushed commit "_s + commit));
    QVERIFY2(run.out.contains(u"Created the repository "_s + repoPath(u"billing"_s)), qPrintable(run.out));

    auto repo = git::Repository::open(repoPath(u"billing"_s));
    QVERIFY(repo.ok());
    auto info = repo->commitInfo(git::ObjectId::fromHex(commit));
    QVERIFY(info.ok());
    QCOMPARE(info->summary, u"Add service payments to uat (template go)"_s);
    auto answers = ws::loadScaffoldAnswers(*repo, git::ObjectId::fromHex(commit), u"payments"_s);
    QVERIFY(answers.ok());
    QCOMPARE(answers->spec.port, 9000);
    QCOMPARE(answers->spec.gaTag, u"2.0.1"_s);

    const QJsonObject workload = m_sim->application(u"billing-payments-uat"_s);
    QCOMPARE(workload[u"status"_s][u"sync"_s][u"status"_s].toString(), u"Synced"_s);
    QCOMPARE(workload[u"status"_s][u"health"_s][u"status"_s].toString(), u"Healthy"_s);
    QCOMPARE(workload[u"status"_s][u"sync"_s][u"revision"_s].toString(), commit);
    QCOMPARE(workload[u"spec"_s][u"source"_s][u"repoURL"_s].toString(), repoPath(u"billing"_s));
    QCOMPARE(workload[u"spec"_s][u"syncPolicy"_s][u"automated"_s][u"selfHeal"_s], QJsonValue(true));
    const QJsonObject pipeline = m_sim->application(u"billing-payments-uat-pipeline"_s);
    QCOMPARE(pipeline[u"spec"_s][u"destination"_s][u"server"_s].toString(), u"https://kubernetes.default.svc"_s);
    QCOMPARE(pipeline[u"spec"_s][u"source"_s][u"path"_s].toString(),
             u"appsmanifests/payments/uat/manifests/pipeline"_s);

    // The same answers again: nothing to do, nothing pushed.
    const Run again = cli(arguments + QStringList{u"--yes"_s});
    QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
    QVERIFY(again.out.contains(u"Nothing to do"_s));
    QCOMPARE(tip(u"billing"_s), commit);
}

void TestCliScaffold::valuesWithColonHashAndQuotesStayStrings()
{
    // An AppProject name is a DNS-1123 subdomain (issue 11 refuses "team: \"blue\" #1 'x'"); "1.10" is one that YAML
    // would read as a number unless it is quoted.
    const QString awkward = u"1.10"_s;
    const Run run = cli({u"scaffold"_s, u"quoting"_s, u"web"_s, u"--lang"_s, u"java"_s, u"--env"_s, u"uat"_s,
                         u"--image"_s, u"registry.example.com/quoting/web"_s, u"--set"_s,
                         u"argocdProject="_s + awkward, u"--set"_s, u"sourceRepo=git@git.example.com:q/web.git#main"_s,
                         u"--yes"_s, u"--no-sync"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    auto repo = git::Repository::open(repoPath(u"quoting"_s));
    QVERIFY(repo.ok());
    const git::ObjectId head = repo->resolve(u"refs/heads/main"_s).valueOr(git::ObjectId());
    for (const QString &file : {u"application.yaml"_s, u"application-pipeline.yaml"_s}) {
        auto text = repo->readFile(head, u"appsmanifests/web/uat/"_s + file);
        QVERIFY(text.ok());
        const YAML::Node doc = YAML::Load(text->toStdString());
        QCOMPARE(QString::fromStdString(doc["spec"]["project"].as<std::string>()), awkward);
        auto json = ws::applicationJson(*text);
        QVERIFY(json.ok());
        QCOMPARE(json->value(u"spec"_s)[u"project"_s], QJsonValue(awkward));
    }
    auto answers = ws::loadScaffoldAnswers(*repo, head, u"web"_s);
    QVERIFY(answers.ok());
    QCOMPARE(answers->spec.argocdProject, awkward);
    QCOMPARE(answers->spec.sourceRepoUrl, u"git@git.example.com:q/web.git#main"_s);
    QVERIFY(m_sim->application(u"quoting-web-uat"_s).isEmpty());   // --no-sync: Argo CD was not asked
}

void TestCliScaffold::badParametersExit2NamingTheField_data()
{
    QTest::addColumn<QStringList>("changed");
    QTest::addColumn<QString>("named");
    QTest::newRow("service") << QStringList{u"SERVICE=Orders_API"_s} << u"service name"_s;
    QTest::newRow("port") << QStringList{u"--port"_s, u"70000"_s} << u"port"_s;
    QTest::newRow("port text") << QStringList{u"--port"_s, u"http"_s} << u"port"_s;
    QTest::newRow("image") << QStringList{u"--image"_s, u"registry.example.com/Bad/Name"_s} << u"image repository"_s;
    QTest::newRow("image tag") << QStringList{u"--image"_s, u"registry.example.com/a/b:1.0"_s} << u"tag"_s;
    QTest::newRow("language") << QStringList{u"--lang"_s, u"cobol"_s} << u"cobol"_s;
    QTest::newRow("env") << QStringList{u"--env"_s, u"Prod"_s} << u"environment"_s;
    QTest::newRow("env not in the workspace") << QStringList{u"--env"_s, u"qa"_s} << u"no environment qa"_s;
    QTest::newRow("stage") << QStringList{u"--stage"_s, u"beta"_s} << u"stage"_s;
    QTest::newRow("replicas") << QStringList{u"--replicas"_s, u"0"_s} << u"replica"_s;
    QTest::newRow("set key") << QStringList{u"--set"_s, u"colour=blue"_s} << u"colour"_s;
}

void TestCliScaffold::badParametersExit2NamingTheField()
{
    QFETCH(QStringList, changed);
    QFETCH(QString, named);
    QString service = u"badsvc"_s;
    QStringList options{u"--lang"_s, u"go"_s, u"--image"_s, u"registry.example.com/bad/svc"_s};
    if (changed.size() == 1)
        service = changed.first().section(u'=', 1);
    else if (changed.first() == u"--lang"_s || changed.first() == u"--image"_s)
        options[options.indexOf(changed.first()) + 1] = changed.last();
    else
        options += changed;
    if (!options.contains(u"--env"_s))
        options += QStringList{u"--env"_s, u"uat"_s};
    const Run run = cli(QStringList{u"scaffold"_s, u"badproj"_s, service} + options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(named, Qt::CaseInsensitive), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(repoPath(u"badproj"_s)));   // refused before anything was created
}

QTEST_GUILESS_MAIN(TestCliScaffold)
#include "tst_cliscaffold.moc"
