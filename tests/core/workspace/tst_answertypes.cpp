// SPDX-License-Identifier: GPL-3.0-or-later
// Every scaffold answer has a type checked before anything is rendered (issue 11): names, branch names (judged like
// `git check-ref-format --branch`, and compared with the real git), URLs, images, tags, ports, bools. And the
// workspace file refuses branch names that are not refs, duplicate keys and text that is not UTF-8, naming the line.
#include "template/servicescaffold.h"
#include "template/templateset.h"
#include "util/names.h"
#include "workspace/scaffold.h"
#include "workspace/workspaceconfig.h"

#include <QDir>
#include <QProcess>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::tmpl::Answer;

Q_DECLARE_METATYPE(gd::tmpl::Answer)

class TestAnswerTypes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void answerTypes_data();
    void answerTypes();
    void branchNamesAgreeWithGit_data();
    void branchNamesAgreeWithGit();
    void validateAnswersChecksEveryAnswer();
    void workspaceTexts_data();
    void workspaceTexts();
};

void TestAnswerTypes::answerTypes_data()
{
    QTest::addColumn<Answer>("answer");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("refusal");   // empty: accepted

    const auto ok = [](const char *name, Answer answer, const QString &value) {
        QTest::newRow(name) << answer << value << QString();
    };
    const auto bad = [](const char *name, Answer answer, const QString &value, const QString &refusal) {
        QTest::newRow(name) << answer << value << refusal;
    };
    ok("project", Answer::Project, u"shop"_s);
    bad("project upper case", Answer::Project, u"Shop"_s, u"project name"_s);
    bad("service newline", Answer::Service, u"orders\nx"_s, u"The service name \"orders\\x0ax\""_s);
    bad("environment empty", Answer::Environment, QString(), u"environment name is empty"_s);
    ok("image", Answer::Image, u"registry.example.com:5000/shop/orders"_s);
    bad("image trailing newline", Answer::Image, u"registry.example.com/shop/orders\n"_s, u"image repository"_s);
    bad("image quote", Answer::Image, u"registry.example.com/a'b"_s, u"image repository"_s);
    ok("tag", Answer::Tag, u"1.4.2-rc.1"_s);
    bad("tag trailing newline", Answer::Tag, u"1.0\n"_s, u"The GA tag \"1.0\\x0a\" is not a valid image tag."_s);
    bad("tag quote", Answer::Tag, u"1.0'"_s, u"not a valid image tag"_s);
    ok("canary tag empty", Answer::CanaryTag, QString());
    bad("canary tag space", Answer::CanaryTag, u"a b"_s, u"canary tag"_s);
    ok("port", Answer::Port, u"8080"_s);
    bad("port text", Answer::Port, u"80;id"_s, u"The port 80;id is not valid"_s);
    bad("port zero", Answer::Port, u"0"_s, u"port"_s);
    bad("port big", Answer::Port, u"65536"_s, u"port"_s);
    ok("replicas", Answer::Replicas, u"3"_s);
    bad("replicas zero", Answer::Replicas, u"0"_s, u"replica count"_s);
    ok("cluster https", Answer::Cluster, u"https://kubernetes.default.svc"_s);
    ok("cluster with port and path", Answer::Cluster, u"https://10.0.0.1:6443/k8s/clusters/c-1"_s);
    ok("cluster ipv6", Answer::Cluster, u"https://[fd00::1]:6443"_s);
    bad("cluster newline", Answer::Cluster, u"https://k8s\n  evil: 1"_s, u"not a cluster URL"_s);
    bad("cluster colon space", Answer::Cluster, u"https://a: b"_s, u"not a cluster URL"_s);
    bad("cluster alias", Answer::Cluster, u"*x"_s, u"not a cluster URL"_s);
    bad("cluster quote", Answer::Cluster, u"https://x/'"_s, u"not a cluster URL"_s);
    ok("namespace empty", Answer::Namespace, QString());
    bad("namespace newline", Answer::Namespace, u"a\nb"_s, u"namespace \"a\\x0ab\" is not valid"_s);
    bad("argocd namespace anchor", Answer::ArgocdNamespace, u"&x"_s, u"Argo CD namespace"_s);
    bad("argocd namespace colon", Answer::ArgocdNamespace, u"a: b"_s, u"Argo CD namespace"_s);
    bad("devops namespace dot", Answer::DevopsNamespace, u"a.b"_s, u"DevOps namespace"_s);
    ok("argocd project", Answer::ArgocdProject, u"team-a.apps"_s);
    bad("argocd project alias", Answer::ArgocdProject, u"*x"_s, u"not a valid AppProject name"_s);
    bad("argocd project newline", Answer::ArgocdProject, u"default\nx: 1"_s, u"AppProject"_s);
    bad("argocd project empty", Answer::ArgocdProject, QString(), u"Argo CD project is empty"_s);
    ok("self heal", Answer::SelfHeal, u"false"_s);
    bad("self heal yes", Answer::SelfHeal, u"yes"_s, u"selfHeal is true or false"_s);
    ok("repo url https", Answer::RepoUrl, u"https://gitlab.example.com/ops/argocd-gitops-shop.git"_s);
    ok("repo url local path", Answer::RepoUrl, u"/srv/repos/argocd-gitops-shop.git"_s);
    ok("repo url scp", Answer::RepoUrl, u"git@gitlab.example.com:ops/argocd-gitops-shop.git"_s);
    bad("repo url quote", Answer::RepoUrl, u"/srv/a'b.git"_s, u"deployment repository"_s);
    bad("repo url dollar", Answer::RepoUrl, u"https://x/$(id).git"_s, u"deployment repository"_s);
    ok("source repo empty", Answer::SourceRepo, QString());
    bad("source repo trailing newline", Answer::SourceRepo, u"https://x/a.git\n"_s, u"not a git URL"_s);
    bad("source repo backtick", Answer::SourceRepo, u"https://x/`id`"_s, u"not a git URL"_s);
    ok("branch", Answer::Branch, u"release/1.4"_s);
    ok("branch with quote (a valid ref)", Answer::Branch, u"main');x=('"_s);
    bad("branch injection", Answer::Branch, u"main'; sh 'id'; x='"_s,
        u"The branch \"main'; sh 'id'; x='\" is not a valid branch name: it contains a space."_s);
    bad("branch HEAD", Answer::Branch, u"HEAD"_s, u"names no branch"_s);
    bad("branch escape", Answer::Branch, u"main\x1b]0;x\x07"_s, u"\\x1b"_s);
}

void TestAnswerTypes::answerTypes()
{
    QFETCH(Answer, answer);
    QFETCH(QString, value);
    QFETCH(QString, refusal);
    const gd::Result<void> checked = gd::tmpl::checkAnswer(answer, value);
    if (refusal.isEmpty()) {
        QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().message));
        return;
    }
    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().code, gd::Error::Code::InvalidInput);
    QVERIFY2(checked.error().message.contains(refusal), qPrintable(checked.error().message));
    QVERIFY2(!checked.error().message.contains(QChar(0x1b)) && !checked.error().message.contains(u'\n'),
             qPrintable(checked.error().message));
}

void TestAnswerTypes::branchNamesAgreeWithGit_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : {"main", "release/1.4", "feature/a-b_c", "v1.0", "a'b", "x;y", "a@b", "HEAD", "-x",
                             "a..b", "a.lock", "a/b.lock/c", "a/.b", ".a", "a/", "/a", "a//b", "a.", "a b", "a~1",
                             "a^", "a:b", "a?", "a*", "a[1", "a\\b", "a@{1}", "a\tb", "a\x7f", "ümlaut"}) {
        QTest::newRow(name) << QString::fromUtf8(name);
    }
}

void TestAnswerTypes::branchNamesAgreeWithGit()
{
    QFETCH(QString, name);
    QProcess git;
    git.setWorkingDirectory(QDir::tempPath());   // outside a repository: no @{-N} or @ shorthand to expand
    git.start(u"git"_s, {u"check-ref-format"_s, u"--branch"_s, name});
    QVERIFY(git.waitForFinished(30000));
    const bool gitAccepts = git.exitStatus() == QProcess::NormalExit && git.exitCode() == 0;
    const gd::Result<void> ours = gd::checkBranchName(name);
    QVERIFY2(ours.ok() == gitAccepts, qPrintable(u"git %1 \"%2\", we %3"_s.arg(
                                          gitAccepts ? u"accepts"_s : u"refuses"_s, name,
                                          ours.ok() ? u"accept"_s : ours.error().message)));
}

void TestAnswerTypes::validateAnswersChecksEveryAnswer()
{
    // The wizard's check (validateAnswers) refuses what the CLI's --set refuses, with the same sentence.
    gd::ws::ScaffoldAnswers answers;
    answers.spec.project = u"shop"_s;
    answers.spec.service = u"orders"_s;
    answers.spec.imageRepository = u"registry.example.com/shop/orders"_s;
    answers.spec.repoUrl = u"https://gitlab.example.com/ops/argocd-gitops-shop.git"_s;
    answers.environments = {u"uat"_s};
    const gd::tmpl::TemplateSet templates = gd::tmpl::TemplateSet::builtin();
    QVERIFY(gd::ws::validateAnswers(answers, templates).ok());

    const struct {
        QString gd::tmpl::ServiceSpec::*field;
        Answer answer;
        QString value;
    } cases[] = {
        {&gd::tmpl::ServiceSpec::argocdNamespace, Answer::ArgocdNamespace, u"argocd\nkind: Secret"_s},
        {&gd::tmpl::ServiceSpec::argocdProject, Answer::ArgocdProject, u"&x"_s},
        {&gd::tmpl::ServiceSpec::cluster, Answer::Cluster, u"https://a: b"_s},
        {&gd::tmpl::ServiceSpec::branch, Answer::Branch, u"a..b"_s},
        {&gd::tmpl::ServiceSpec::devopsNamespace, Answer::DevopsNamespace, u"*x"_s},
        {&gd::tmpl::ServiceSpec::sourceRepoUrl, Answer::SourceRepo, u"https://x/'"_s},
        {&gd::tmpl::ServiceSpec::namespaceName, Answer::Namespace, u"a: b"_s},
    };
    for (const auto &c : cases) {
        gd::ws::ScaffoldAnswers hostile = answers;
        hostile.spec.*c.field = c.value;
        const gd::Result<void> checked = gd::ws::validateAnswers(hostile, templates);
        QVERIFY2(!checked.ok(), qPrintable(c.value));
        QCOMPARE(checked.error().message, gd::tmpl::checkAnswer(c.answer, c.value).error().message);
    }
}

void TestAnswerTypes::workspaceTexts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");   // empty: it loads
    const QByteArray head = "provider: {type: local, path: r}\nenvironments: [{name: uat}]\n";
    QTest::newRow("sound") << head + "branch: release/1.4\n" << QString();
    QTest::newRow("branch HEAD") << head + "branch: HEAD\n"
                                 << u"workspace.yaml line 3: branch \"HEAD\" is not a valid branch name: \"HEAD\" "
                                    "names no branch."_s;
    QTest::newRow("branch leading dash") << head + "branch: -x\n"
                                         << u"workspace.yaml line 3: branch \"-x\" is not a valid branch name: it "
                                            "starts with '-'."_s;
    QTest::newRow("branch two dots") << head + "branch: a..b\n"
                                     << u"workspace.yaml line 3: branch \"a..b\" is not a valid branch name: it "
                                        "contains \"..\"."_s;
    QTest::newRow("branch with a space") << head + "branch: a b\n" << u"workspace.yaml line 3: branch \"a b\""_s;
    QTest::newRow("templates branch") << head + "templates: {url: t.git, branch: \"a..b\"}\n"
                                      << u"workspace.yaml line 3: templates.branch \"a..b\""_s;
    // Found by fuzz_workspaceconfig (tests/data/fuzz/workspaceconfig/found-*).
    QTest::newRow("branch with a tab") << head + "branch: featu\tre/x-1\n"
                                       << u"workspace.yaml line 3: branch \"featu\\x09re/x-1\" is not a valid branch "
                                          "name: it contains a line break or another control character."_s;
    QTest::newRow("templates branch with a space")
        << head + "templates: {url: t.git, branch: m&a ain}\n"
        << u"workspace.yaml line 3: templates.branch \"m&a ain\" is not a valid branch name: it contains a space."_s;
    QTest::newRow("templates branch block") << head + "templates:\n  url: t.git\n  branch: \"x\\ty\"\n"
                                            << u"workspace.yaml line 5: templates.branch"_s;
    // yaml-cpp 0.7 hands out empty documents forever after a ',' that starts a line; the check used to hang.
    QTest::newRow("stray comma") << ",\n"_ba
                                 << u"workspace.yaml line 1: This character cannot start a YAML value"_s;
    QTest::newRow("stray comma after keys") << head + ", x\n"
                                            << u"workspace.yaml line 3, column 1: this is not valid YAML."_s;
    QTest::newRow("not UTF-8 in a comment") << head + "# caf\xe9\n"
                                            << u"workspace.yaml line 3: the text is not UTF-8"_s;
    QTest::newRow("not UTF-8 in a key") << head + "n\xffme: x\n" << u"workspace.yaml line 3: the text is not UTF-8"_s;
    QTest::newRow("duplicate key") << head + "name: a\nname: b\n"
                                   << u"workspace.yaml line 4: Duplicate key \"name\" (first at line 3)."_s;
    QTest::newRow("duplicate nested key") << "provider:\n  type: local\n  path: r\n  type: gitlab\n"
                                             "environments: [{name: uat}]\n"_ba
                                          << u"workspace.yaml line 4: Duplicate key \"type\" (first at line 2)."_s;
    QTest::newRow("not UTF-8") << head + "name: caf\xe9\n"
                               << u"workspace.yaml line 3: the text is not UTF-8; save the file as UTF-8."_s;
    QTest::newRow("truncated UTF-8") << "# \xe2\x82\n" + head << u"workspace.yaml line 1: the text is not UTF-8"_s;
    QTest::newRow("repoPrefix outside") << head + "repoPrefix: ../x-\n"
                                        << u"workspace.yaml line 3: repoPrefix \"../x-\" may only hold"_s;
    QTest::newRow("UTF-8 name") << head + "name: Café\n" << QString();
    QTest::newRow("cluster not a URL") << "provider: {type: local, path: r}\nenvironments:\n"
                                          "  - {name: uat, cluster: \"https://a\\nb: c\"}\n"_ba
                                       << u"workspace.yaml line 3: environments[0].cluster: The cluster"_s;
    QTest::newRow("namespace pattern") << "provider: {type: local, path: r}\nenvironments:\n"
                                          "  - {name: uat, namespace: \"{project}: x\"}\n"_ba
                                       << u"workspace.yaml line 3: environments[0].namespace"_s;
    QTest::newRow("service in the namespace") << "provider: {type: local, path: r}\nenvironments:\n"
                                                 "  - {name: uat, namespace: \"{project}-{service}-{env}\"}\n"_ba
                                              << QString();
}

void TestAnswerTypes::workspaceTexts()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const auto config = gd::ws::WorkspaceConfig::parse(text, u"/home/li/demo/workspace.yaml"_s);
    if (expected.isEmpty()) {
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().fullText()));
        return;
    }
    QVERIFY(!config.ok());
    QVERIFY2(config.error().message.startsWith(expected), qPrintable(config.error().message));
}

QTEST_GUILESS_MAIN(TestAnswerTypes)
#include "tst_answertypes.moc"
