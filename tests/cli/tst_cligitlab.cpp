// SPDX-License-Identifier: GPL-3.0-or-later
// Drives `gitops-desk-cli` against a `gitlab` workspace end to end: a fake GitLab REST API and a smart-HTTP git server
// behind one address, the token from GITLAB_TOKEN. `projects` lists the group's deployment repos; `scaffold` creates
// a missing project through the API and pushes the new service over http; without a token or with a wrong one the
// CLI says so in a sentence, creates nothing and never prints the token.
#include "git/commitinfo.h"
#include "git/filechanges.h"
#include "git/repository.h"
#include "support/fakegitlab.h"
#include "support/githttpserver.h"
#include "support/gitlaborigin.h"
#include "support/serviceenvfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

const QString kGroup = u"platform/devops"_s;
const QString kPrefix = u"argocd-gitops-"_s;
/// Made up; what the fake GitLab and the git server accept.
const QString kToken = u"glpat-Qm7vX2tR9kLp4WzN8sHd"_s;

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    /// Everything it printed.
    QString all() const { return out + err; }
};

/// The main branch's tip of the bare repo at `path`; null when the repo or the branch is missing.
git::ObjectId tipOf(const QString &path)
{
    auto repo = git::Repository::open(path);
    if (!repo.ok())
        return {};
    return repo->resolve(u"refs/heads/main"_s).valueOr(git::ObjectId());
}

} // namespace

class TestCliGitLab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void projectsListsTheGroupsDeploymentRepos();
    void scaffoldCreatesTheProjectAndPushesOverHttp();
    void withoutATokenNothingIsCreated_data();
    void withoutATokenNothingIsCreated();
    void aWrongTokenFailsWithoutShowingIt_data();
    void aWrongTokenFailsWithoutShowingIt();

private:
    /// Runs the CLI on the workspace with `token` as GITLAB_TOKEN (unset when empty), no D-Bus session (no keychain)
    /// and private app folders. The fake GitLab answers in this thread's event loop, so this waits in one.
    Run cli(const QStringList &arguments, const QString &token) const;
    /// The bare repo on the git server's disk behind `project`'s GitLab project.
    QString barePath(const QString &project) const;
    /// What GitLab reports (and the engine clones) for `project`: {origin}/{group}/{prefix}{project}.git.
    QString httpUrl(const QString &project) const;
    /// A GitLab project for `project` holding one service in uat, committed straight into its bare repo.
    void addProjectWithService(const QString &project, const QString &service);
    int postCount() const;

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::GitLabSite> m_site;
    qint64 m_groupId = 0;
    QString m_workspace;
};

Run TestCliGitLab::cli(const QStringList &arguments, const QString &token) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GITOPS_DESK_CACHE_DIR"_s, m_dir->filePath(u"cache"_s));
    env.insert(u"GITOPS_DESK_DATA_DIR"_s, m_dir->filePath(u"data"_s));
    env.insert(u"HOME"_s, m_home.filePath(u"home"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"home/.config"_s));
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.insert(u"GIT_TERMINAL_PROMPT"_s, u"0"_s);
    env.remove(u"ARGOCD_SERVER"_s);
    env.remove(u"ARGOCD_AUTH_TOKEN"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    env.remove(u"GITLAB_TOKEN"_s);
    if (!token.isEmpty())
        env.insert(u"GITLAB_TOKEN"_s, token);
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(qEnvironmentVariable("GD_CLI"), QStringList{u"--workspace"_s, m_workspace} + arguments);
    if (!finished.wait(180000)) {
        process.kill();
        process.waitForFinished(5000);
        return Run{-1, QString(), u"gitops-desk-cli did not finish"_s};
    }
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString TestCliGitLab::barePath(const QString &project) const
{
    return m_site->barePath(kGroup + u'/' + kPrefix + project);
}

QString TestCliGitLab::httpUrl(const QString &project) const
{
    return m_site->url().toString() + u'/' + kGroup + u'/' + kPrefix + project + u".git"_s;
}

void TestCliGitLab::addProjectWithService(const QString &project, const QString &service)
{
    m_site->api().addProject(kGroup, kPrefix + project);
    auto repo = git::Repository::open(barePath(project));
    QVERIFY2(repo.ok(), qPrintable(repo.ok() ? QString() : repo.error().fullText()));
    git::FileChanges files;
    test::ServiceEnvFiles{service, u"uat"_s, u"registry.example.com/"_s + project + u'/' + service, u"1.4.2"_s, {}}
        .addTo(files);
    const git::Signature who{u"Li Wei"_s, u"li.wei@example.com"_s, QDateTime::currentDateTimeUtc()};
    auto commit = repo->createCommit(git::ObjectId(), files, git::CommitMessage{u"Add "_s + service, who, who});
    QVERIFY2(commit.ok(), qPrintable(commit.ok() ? QString() : commit.error().fullText()));
    QVERIFY(repo->setReference(u"refs/heads/main"_s, *commit).ok());
}

int TestCliGitLab::postCount() const
{
    int posts = 0;
    for (const test::FakeGitLab::Seen &seen : m_site->api().requests())
        posts += seen.method == "POST" ? 1 : 0;
    return posts;
}

void TestCliGitLab::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    QVERIFY(m_home.isValid());
    QVERIFY(QDir().mkpath(m_home.filePath(u"home/.config"_s)));
    QFile gitconfig(m_home.filePath(u"home/.gitconfig"_s));
    QVERIFY(gitconfig.open(QIODevice::WriteOnly));
    gitconfig.write("[user]\n\tname = Li Wei\n\temail = li.wei@example.com\n");
}

void TestCliGitLab::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_site = std::make_unique<test::GitLabSite>();
    QString error;
    QVERIFY2(m_site->start(m_dir->filePath(u"served"_s), kToken, &error), qPrintable(error));
    m_groupId = m_site->api().addGroup(kGroup);

    m_workspace = m_dir->filePath(u"workspace.yaml"_s);
    QVERIFY2(m_site->writeWorkspace(m_workspace, kGroup, kPrefix, &error), qPrintable(error));
}

void TestCliGitLab::cleanup()
{
    m_site.reset();
    m_dir.reset();
}

void TestCliGitLab::projectsListsTheGroupsDeploymentRepos()
{
    addProjectWithService(u"billing"_s, u"payments"_s);
    m_site->api().addProject(kGroup, kPrefix + u"shop"_s);              // empty: no service yet
    m_site->api().addProject(kGroup, kPrefix + u"templates"_s);         // the templates repo: not a project
    m_site->api().addProject(kGroup, u"terraform-shop"_s);              // another prefix: not ours
    m_site->api().addProject(kGroup + u"/archive"_s, kPrefix + u"legacy"_s);   // a subgroup: not ours

    const Run json = cli({u"projects"_s, u"--json"_s}, kToken);
    QVERIFY2(json.exitCode == 0, qPrintable(json.out + json.err));
    const QJsonArray list = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QStringList names;
    for (const QJsonValue &project : list)
        names.append(project[u"name"_s].toString());
    QCOMPARE(names, (QStringList{u"billing"_s, u"shop"_s}));
    QCOMPARE(list[0][u"repoUrl"_s].toString(), httpUrl(u"billing"_s));
    QCOMPARE(list[0][u"services"_s].toInt(), 1);   // read from the repo cloned over http
    QCOMPARE(list[0][u"tip"_s].toString(), tipOf(barePath(u"billing"_s)).toHex());
    QCOMPARE(list[0][u"problem"_s], QJsonValue(QJsonValue::Null));
    QCOMPARE(list[1][u"services"_s].toInt(), 0);
    QCOMPARE(list[1][u"problem"_s], QJsonValue(QJsonValue::Null));

    // The table says the same; the token went as a header to GitLab, never into the output.
    const Run table = cli({u"projects"_s}, kToken);
    QVERIFY2(table.exitCode == 0, qPrintable(table.out + table.err));
    const QStringList lines = table.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[1].startsWith(u"billing "_s));
    QVERIFY(lines[1].endsWith(httpUrl(u"billing"_s)));
    QVERIFY(lines[2].startsWith(u"shop "_s));
    QVERIFY(!table.out.contains(u"templates"_s));
    QVERIFY(!table.out.contains(u"terraform"_s));
    QVERIFY(!table.out.contains(u"legacy"_s));
    QVERIFY(!table.all().contains(kToken) && !json.all().contains(kToken));
    QVERIFY(m_site->api().requests().first().headers.value("private-token") == kToken.toLatin1());
    QCOMPARE(postCount(), 0);
    QVERIFY(m_site->git().requestLog().filter(u"git-upload-pack"_s).size() >= 2);
}

void TestCliGitLab::scaffoldCreatesTheProjectAndPushesOverHttp()
{
    QVERIFY(!m_site->api().hasProject(kGroup + u"/argocd-gitops-shop"_s));
    const QStringList arguments{u"scaffold"_s, u"shop"_s, u"orders"_s, u"--lang"_s, u"go"_s, u"--env"_s, u"uat"_s,
                                u"--image"_s, u"registry.example.com/shop/orders"_s, u"--yes"_s, u"--no-sync"_s};
    const Run run = cli(arguments, kToken);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

    // GitLab was asked to create the project in the group, as a private one.
    QVERIFY(m_site->api().hasProject(kGroup + u"/argocd-gitops-shop"_s));
    QCOMPARE(postCount(), 1);
    for (const test::FakeGitLab::Seen &seen : m_site->api().requests()) {
        if (seen.method != "POST")
            continue;
        QCOMPARE(seen.target, QByteArray("/api/v4/projects"));
        const QJsonObject body = QJsonDocument::fromJson(seen.body).object();
        QCOMPARE(body[u"namespace_id"_s].toInteger(), m_groupId);
        QCOMPARE(body[u"path"_s].toString(), u"argocd-gitops-shop"_s);
        QCOMPARE(body[u"visibility"_s].toString(), u"private"_s);
    }

    // The commit came over http into the repo behind the project.
    const git::ObjectId tip = tipOf(barePath(u"shop"_s));
    QVERIFY(!tip.isNull());
    QVERIFY2(run.out.contains(u"Pushed commit "_s + tip.toHex()), qPrintable(run.out));
    QVERIFY(run.out.contains(u"(--no-sync)"_s));
    QVERIFY2(!m_site->git().requestLog().filter(u"git-receive-pack 200"_s).isEmpty(),
             qPrintable(m_site->git().requestLog().join(u'\n')));
    auto repo = git::Repository::open(barePath(u"shop"_s));
    QVERIFY(repo.ok());
    auto info = repo->commitInfo(tip);
    QVERIFY(info.ok());
    QCOMPARE(info->summary, u"Add service orders to uat (template go)"_s);
    auto answers = repo->readFile(tip, u"appsmanifests/orders/.gitops-desk/scaffold.yaml"_s);
    QVERIFY2(answers.ok(), qPrintable(answers.ok() ? QString() : answers.error().fullText()));
    QVERIFY(answers->contains("registry.example.com/shop/orders"));

    // Argo CD will fetch from the project's http URL, the one GitLab reports.
    auto application = repo->readFile(tip, u"appsmanifests/orders/uat/application.yaml"_s);
    QVERIFY(application.ok());
    const YAML::Node doc = YAML::Load(application->toStdString());
    QCOMPARE(QString::fromStdString(doc["spec"]["source"]["repoURL"].as<std::string>()), httpUrl(u"shop"_s));
    QVERIFY(!run.all().contains(kToken));

    // The same answers again: nothing to do, nothing created or pushed.
    m_site->api().clearRequests();
    const Run again = cli(arguments, kToken);
    QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
    QVERIFY2(again.out.contains(u"Nothing to do"_s), qPrintable(again.out));
    QVERIFY(!again.out.contains(u"Pushed commit"_s));
    QCOMPARE(tipOf(barePath(u"shop"_s)), tip);
    QCOMPARE(postCount(), 0);
}

void TestCliGitLab::withoutATokenNothingIsCreated_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("projects") << QStringList{u"projects"_s};
    QTest::newRow("scaffold") << QStringList{u"scaffold"_s, u"shop"_s, u"orders"_s, u"--lang"_s, u"go"_s,
                                             u"--env"_s, u"uat"_s, u"--image"_s, u"registry.example.com/shop/orders"_s,
                                             u"--yes"_s, u"--no-sync"_s};
}

void TestCliGitLab::withoutATokenNothingIsCreated()
{
    QFETCH(QStringList, arguments);
    const Run run = cli(arguments, QString());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"GITLAB_TOKEN"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(m_site->url().toString()), qPrintable(run.err));   // which GitLab to sign in to
    QVERIFY2(run.err.trimmed().endsWith(u'.'), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY(m_site->api().requests().isEmpty());   // GitLab was not even asked
    QVERIFY(!m_site->api().hasProject(kGroup + u"/argocd-gitops-shop"_s));
    QVERIFY(m_site->git().requestLog().isEmpty());
}

void TestCliGitLab::aWrongTokenFailsWithoutShowingIt_data()
{
    QTest::addColumn<bool>("apiAccepts");
    QTest::addColumn<QString>("said");
    // A revoked token: GitLab's API refuses it before anything is created.
    QTest::newRow("GitLab refuses") << false << u"refused the access token"_s;
    // A token without the write_repository scope: the API creates the project, git refuses the clone.
    QTest::newRow("git refuses") << true << u"did not accept the credentials"_s;
}

void TestCliGitLab::aWrongTokenFailsWithoutShowingIt()
{
    QFETCH(bool, apiAccepts);
    QFETCH(QString, said);
    const QString wrong = u"glpat-Zz9Revoked0000000000"_s;
    // The git server keeps wanting the right token; GitLab's API takes the wrong one when it only lacks a scope.
    if (apiAccepts)
        m_site->api().setToken(wrong.toLatin1());
    const Run run = cli({u"scaffold"_s, u"shop"_s, u"orders"_s, u"--lang"_s, u"go"_s, u"--env"_s, u"uat"_s,
                         u"--image"_s, u"registry.example.com/shop/orders"_s, u"--yes"_s, u"--no-sync"_s},
                        wrong);
    QCOMPARE(run.exitCode, 1);
    const QString sentence = run.err.section(u'\n', 0, 0);
    QVERIFY2(sentence.endsWith(u'.'), qPrintable(run.err));
    QVERIFY2(sentence.contains(said), qPrintable(run.err));
    QVERIFY2(!run.all().contains(wrong), qPrintable(run.out + run.err));
    QVERIFY(!run.all().contains(kToken));
    QVERIFY(!run.all().contains(u"Zz9Revoked"_s));
    QVERIFY(!run.out.contains(u"Pushed commit"_s));
    QCOMPARE(m_site->api().hasProject(kGroup + u"/argocd-gitops-shop"_s), apiAccepts);
    QVERIFY(tipOf(barePath(u"shop"_s)).isNull());   // nothing landed
    QCOMPARE(m_site->git().unauthorizedCount() > 0, apiAccepts);   // git was reached only when the API let it
}

QTEST_GUILESS_MAIN(TestCliGitLab)
#include "tst_cligitlab.moc"
