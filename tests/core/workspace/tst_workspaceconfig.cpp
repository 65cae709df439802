// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspaceconfig.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::ws::WorkspaceConfig;

class TestWorkspaceConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsEveryKey();
    void defaultsForMinimalFile();
    void errorsNameKeyAndLine_data();
    void errorsNameKeyAndLine();
    void missingFileIsClearError();
    void roundTripsThroughYaml();
    void roundTripsOddValues_data();
    void roundTripsOddValues();
    void roundTripsUnpinnedTemplatesAndDigitOnlyCommit();
};

static const QByteArray fullFile = R"(name: Shop team
provider:
  type: local
  path: repos
repoPrefix: argocd-gitops-
branch: main
templates:
  url: repos/argocd-gitops-templates.git
  branch: stable
  commit: 3F786850E387550FDAB836ED7E6DC881DE23001B
argocd:
  server: https://argocd.example.com
  insecure: true
  caBundle: /etc/ssl/argocd-ca.pem
environments:
  - name: uat
    cluster: https://uat.example.com
    namespace: "{project}-uat"
    canary: true
    approval: false
  - name: prod
    canary: false
    approval: true
registry:
  type: harbor
  url: https://harbor.example.com
release:
  rollbackWindowMinutes: 45
)";

void TestWorkspaceConfig::readsEveryKey()
{
    auto config = WorkspaceConfig::parse(fullFile, u"/srv/team/workspace.yaml"_s);
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().fullText()));
    QCOMPARE(config->name, u"Shop team"_s);
    QCOMPARE(config->provider, WorkspaceConfig::ProviderType::Local);
    QCOMPARE(config->localPath, u"/srv/team/repos"_s);
    QCOMPARE(config->repoNameFor(u"shop"_s), u"argocd-gitops-shop"_s);
    QCOMPARE(config->templatesUrl, u"/srv/team/repos/argocd-gitops-templates.git"_s);
    QCOMPARE(config->templatesBranch, u"stable"_s);
    QCOMPARE(config->templatesCommit, u"3f786850e387550fdab836ed7e6dc881de23001b"_s);
    QCOMPARE(config->argocdServer, u"https://argocd.example.com"_s);
    QVERIFY(config->argocdInsecure);
    QCOMPARE(config->argocdCaBundle, u"/etc/ssl/argocd-ca.pem"_s);
    QCOMPARE(config->environments.size(), size_t(2));
    QCOMPARE(config->environments[0].cluster, u"https://uat.example.com"_s);
    QCOMPARE(config->environments[0].namespacePattern, u"{project}-uat"_s);
    QVERIFY(config->environments[0].canaryAllowed);
    QVERIFY(!config->environments[1].canaryAllowed);
    QVERIFY(config->environments[1].approvalRequired);
    QCOMPARE(config->environments[1].cluster, u"https://kubernetes.default.svc"_s);
    QCOMPARE(config->registryType, u"harbor"_s);
    QCOMPARE(config->rollbackWindowMinutes, 45);
    QVERIFY(config->environment(u"prod"_s) != nullptr);
    QVERIFY(config->environment(u"dev"_s) == nullptr);
}

void TestWorkspaceConfig::defaultsForMinimalFile()
{
    auto config = WorkspaceConfig::parse("provider: {type: local, path: /repos}\nenvironments: [{name: uat}]\n",
                                         u"/home/li/demo/workspace.yaml"_s);
    QVERIFY(config.ok());
    QCOMPARE(config->name, u"demo"_s);
    QCOMPARE(config->localPath, u"/repos"_s);
    QCOMPARE(config->repoPrefix, u"argocd-gitops-"_s);
    QCOMPARE(config->branch, u"main"_s);
    QVERIFY(config->templatesUrl.isEmpty());
    QVERIFY(config->templatesCommit.isEmpty());
    QCOMPARE(config->rollbackWindowMinutes, 30);
    QCOMPARE(config->environments[0].namespacePattern, u"{project}-{env}"_s);
}

void TestWorkspaceConfig::errorsNameKeyAndLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bad provider type")
        << QByteArray("name: x\nprovider:\n  type: svn\nenvironments: [{name: uat}]\n")
        << u"workspace.yaml line 3: provider.type must be \"local\" or \"gitlab\", not \"svn\"."_s;
    QTest::newRow("unknown key")
        << QByteArray("provider: {type: local, path: r}\nenviroments: []\n")
        << u"workspace.yaml line 2: unknown key \"enviroments\""_s;
    QTest::newRow("no environments")
        << QByteArray("provider: {type: local, path: r}\n")
        << u"environments is missing"_s;
    QTest::newRow("bad environment name")
        << QByteArray("provider: {type: local, path: r}\nenvironments:\n  - name: Prod_EU\n")
        << u"workspace.yaml line 3: The environment name \"Prod_EU\" may only contain"_s;
    QTest::newRow("duplicate environment")
        << QByteArray("provider: {type: local, path: r}\nenvironments:\n  - name: uat\n  - name: uat\n")
        << u"workspace.yaml line 4: the environment \"uat\" is listed twice."_s;
    QTest::newRow("canary not a bool")
        << QByteArray("provider: {type: local, path: r}\nenvironments:\n  - name: uat\n    canary: maybe\n")
        << u"workspace.yaml line 4: environments[0].canary must be true or false."_s;
    QTest::newRow("rollback window zero")
        << QByteArray("provider: {type: local, path: r}\nenvironments: [{name: uat}]\nrelease:\n  rollbackWindowMinutes: 0\n")
        << u"workspace.yaml line 4: release.rollbackWindowMinutes must be a whole number greater than 0."_s;
    QTest::newRow("argocd server scheme")
        << QByteArray("provider: {type: local, path: r}\nenvironments: [{name: uat}]\nargocd:\n  server: argocd:443\n")
        << u"workspace.yaml line 4: argocd.server must start with http:// or https://."_s;
    QTest::newRow("gitlab without group")
        << QByteArray("provider:\n  type: gitlab\n  url: https://gitlab.example.com\nenvironments: [{name: uat}]\n")
        << u"a gitlab provider needs both url and group."_s;
    QTest::newRow("not yaml")
        << QByteArray("provider: {type: local\nenvironments: [\n")
        << u"this is not valid YAML."_s;
    QTest::newRow("templates commit abbreviated")
        << QByteArray("provider: {type: local, path: r}\nenvironments: [{name: uat}]\ntemplates:\n  url: t.git\n"
                      "  commit: 3f78685\n")
        << u"workspace.yaml line 5: templates.commit must be the full 40-digit hexadecimal id of a commit"_s;
    QTest::newRow("templates commit not hex")
        << QByteArray("provider: {type: local, path: r}\nenvironments: [{name: uat}]\n"
                      "templates: {url: t.git, commit: 3g786850e387550fdab836ed7e6dc881de23001b}\n")
        << u"workspace.yaml line 3: templates.commit must be the full 40-digit hexadecimal id of a commit (as \"git "
           "rev-parse HEAD\" prints it), not \"3g786850e387550fdab836ed7e6dc881de23001b\"."_s;
    QTest::newRow("templates commit too long")
        << QByteArray("provider: {type: local, path: r}\nenvironments: [{name: uat}]\ntemplates:\n  url: t.git\n"
                      "  branch: main\n  commit: 3f786850e387550fdab836ed7e6dc881de23001b0\n")
        << u"workspace.yaml line 6: templates.commit must be the full 40-digit"_s;
    QTest::newRow("templates commit all zeros")
        << QByteArray("provider: {type: local, path: r}\nenvironments: [{name: uat}]\ntemplates:\n  url: t.git\n"
                      "  commit: \"0000000000000000000000000000000000000000\"\n")
        << u"workspace.yaml line 5: templates.commit must be the full 40-digit"_s;
    QTest::newRow("templates commit a list")
        << QByteArray("provider: {type: local, path: r}\nenvironments: [{name: uat}]\ntemplates:\n  url: t.git\n"
                      "  commit: [a, b]\n")
        << u"workspace.yaml line 5: templates.commit must be a text value."_s;
    QTest::newRow("not a mapping") << QByteArray("- a\n- b\n") << u"the file must be a mapping"_s;
}

void TestWorkspaceConfig::errorsNameKeyAndLine()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    auto config = WorkspaceConfig::parse(text, u"/tmp/workspace.yaml"_s);
    QVERIFY(!config.ok());
    QVERIFY2(config.error().message.contains(expected), qPrintable(config.error().message));
}

void TestWorkspaceConfig::missingFileIsClearError()
{
    auto config = WorkspaceConfig::load(u"/nonexistent/workspace.yaml"_s);
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code, gd::Error::Code::NotFound);
    QVERIFY(config.error().message.contains(u"could not be opened"_s));
}

void TestWorkspaceConfig::roundTripsOddValues_data()
{
    QTest::addColumn<QByteArray>("text");
    // Found by fuzz_workspaceconfig: a carriage return before a CRLF stays in the value, and yaml-cpp wrote it plain,
    // so the file it wrote read back without it.
    QTest::newRow("path ending in CR") << "name: a\r\nprovider:\r\n  type: local\r\n  path: ../repos\r\r\n"
                                          "environments:\r\n- name: uat\r\n"_ba;
    QTest::newRow("path starting with a colon") << "provider: {type: local, path: \":./repos\"}\n"
                                                   "environments: [{name: uat}]\n"_ba;
    QTest::newRow("name with a tab") << "name: \"a\\tb\"\nprovider: {type: local, path: r}\n"
                                        "environments: [{name: uat}]\n"_ba;
}

void TestWorkspaceConfig::roundTripsOddValues()
{
    QFETCH(QByteArray, text);
    QTemporaryDir dir;
    auto first = WorkspaceConfig::parse(text, dir.filePath(u"workspace.yaml"_s));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().fullText()));
    auto second = WorkspaceConfig::parse(first->toYaml(), dir.filePath(u"workspace.yaml"_s));
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().fullText()));
    QCOMPARE(second->name, first->name);
    QCOMPARE(second->localPath, first->localPath);
}

void TestWorkspaceConfig::roundTripsThroughYaml()
{
    QTemporaryDir dir;
    auto first = WorkspaceConfig::parse(fullFile, dir.filePath(u"workspace.yaml"_s));
    QVERIFY(first.ok());
    auto second = WorkspaceConfig::parse(first->toYaml(), dir.filePath(u"workspace.yaml"_s));
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().fullText()));
    QCOMPARE(second->name, first->name);
    QCOMPARE(second->localPath, first->localPath);
    QCOMPARE(second->templatesUrl, first->templatesUrl);
    QCOMPARE(second->templatesBranch, first->templatesBranch);
    QCOMPARE(second->templatesCommit, u"3f786850e387550fdab836ed7e6dc881de23001b"_s);
    QCOMPARE(second->argocdServer, first->argocdServer);
    QCOMPARE(second->argocdInsecure, first->argocdInsecure);
    QCOMPARE(second->environments.size(), first->environments.size());
    QCOMPARE(second->environments[0].namespacePattern, first->environments[0].namespacePattern);
    QCOMPARE(second->environments[1].approvalRequired, first->environments[1].approvalRequired);
    QCOMPARE(second->registryUrl, first->registryUrl);
    QCOMPARE(second->rollbackWindowMinutes, first->rollbackWindowMinutes);
}

void TestWorkspaceConfig::roundTripsUnpinnedTemplatesAndDigitOnlyCommit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"workspace.yaml"_s);
    auto unpinned = WorkspaceConfig::parse("provider: {type: local, path: r}\nenvironments: [{name: uat}]\n"
                                           "templates: {url: https://git.example.com/ops/templates.git}\n",
                                           path);
    QVERIFY(unpinned.ok());
    QVERIFY(unpinned->templatesCommit.isEmpty());
    QVERIFY2(!unpinned->toYaml().contains("commit"), unpinned->toYaml().constData());
    auto unpinnedAgain = WorkspaceConfig::parse(unpinned->toYaml(), path);
    QVERIFY(unpinnedAgain.ok());
    QCOMPARE(unpinnedAgain->templatesUrl, u"https://git.example.com/ops/templates.git"_s);
    QVERIFY(unpinnedAgain->templatesCommit.isEmpty());

    // An id of digits and one "e" reads as a float in plain YAML: the written file must keep it a string.
    WorkspaceConfig pinned = *unpinned;
    pinned.templatesCommit = u"1234567890123456789012345678901234567e89"_s;
    const QByteArray text = pinned.toYaml();
    QVERIFY2(text.contains("commit: \"1234567890123456789012345678901234567e89\""), text.constData());
    auto pinnedAgain = WorkspaceConfig::parse(text, path);
    QVERIFY2(pinnedAgain.ok(), qPrintable(pinnedAgain.ok() ? QString() : pinnedAgain.error().fullText()));
    QCOMPARE(pinnedAgain->templatesCommit, pinned.templatesCommit);
}

QTEST_GUILESS_MAIN(TestWorkspaceConfig)
#include "tst_workspaceconfig.moc"
