// SPDX-License-Identifier: GPL-3.0-or-later
// Drives gitops-desk-cli as a user would, on a fresh demo workspace.
#include "git/repository.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void projectsAsJson();
    void servicesAsJsonAndTable();
    void renderBuildsTheOverlay();
    void validatePassesOnDemo();
    void validatePathOnDisk();
    void demoRefusesNonEmptyFolder();
    void editDiffAndCommitThroughTheWorkingCopy();
    void commitRefusesInvalidWorkingCopy();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void failuresExitWithOneAndSaySo_data();
    void failuresExitWithOneAndSaySo();

private:
    Run cli(const QStringList &arguments) const;
    QJsonArray json(const QStringList &arguments) const;

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_project;
    QString m_service;
};

Run TestCli::cli(const QStringList &arguments) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GITOPS_DESK_CACHE_DIR"_s, m_dir.filePath(u"cache"_s));
    env.insert(u"GITOPS_DESK_DATA_DIR"_s, m_dir.filePath(u"data"_s));
    env.remove(u"GITOPS_DESK_WORKSPACE"_s);
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir.path());
    process.start(qEnvironmentVariable("GD_CLI"), arguments);
    if (!process.waitForFinished(120000))
        qFatal("gitops-desk-cli did not finish");
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
               QString::fromUtf8(process.readAllStandardError())};
}

QJsonArray TestCli::json(const QStringList &arguments) const
{
    const Run run = cli(arguments);
    if (run.exitCode != 0)
        qWarning() << run.err;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        qWarning() << "not a JSON array:" << run.out.left(300);
    return doc.array();
}

void TestCli::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    const QString demo = m_dir.filePath(u"demo"_s);
    const Run run = cli({u"demo"_s, u"init"_s, demo, u"--projects"_s, u"2"_s, u"--services"_s, u"3"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    m_workspace = demo + u"/workspace.yaml"_s;
    QVERIFY(QFile::exists(m_workspace));
    QVERIFY(run.out.contains("workspace.yaml"));
}

void TestCli::projectsAsJson()
{
    const QJsonArray projects = json({u"--workspace"_s, m_workspace, u"projects"_s, u"--json"_s});
    QCOMPARE(projects.size(), 2);
    for (const QJsonValue &value : projects) {
        const QJsonObject project = value.toObject();
        QVERIFY(!project[u"name"_s].toString().isEmpty());
        QCOMPARE(project[u"services"_s].toInt(), 3);
        QCOMPARE(project[u"tip"_s].toString().size(), 40);
        QVERIFY(project[u"problem"_s].isNull());
    }
    m_project = projects[0].toObject()[u"name"_s].toString();
}

void TestCli::servicesAsJsonAndTable()
{
    const QJsonArray all = json({u"--workspace"_s, m_workspace, u"services"_s, u"--json"_s});
    const QJsonArray one = json({u"services"_s, m_project, u"--json"_s, u"--workspace"_s, m_workspace});
    QVERIFY(one.size() >= 3 * 2);   // 3 services across uat and prod
    QCOMPARE(all.size(), 2 * one.size());
    int canaries = 0;
    for (const QJsonValue &value : one) {
        const QJsonObject row = value.toObject();
        QCOMPARE(row[u"project"_s].toString(), m_project);
        QVERIFY(row[u"environment"_s].toString() == u"uat" || row[u"environment"_s].toString() == u"prod");
        QVERIFY2(!row[u"gaTag"_s].toString().isEmpty(), qPrintable(row[u"service"_s].toString()));
        QVERIFY(row[u"problem"_s].isNull());
        const bool canary = row[u"stage"_s].toString() == u"canary";
        QVERIFY(canary || row[u"stage"_s].toString() == u"ga");
        QCOMPARE(!row[u"canaryTag"_s].isNull(), canary);
        canaries += canary ? 1 : 0;
    }
    QVERIFY2(canaries > 0, "the demo has some services with a canary stage");
    m_service = one[0].toObject()[u"service"_s].toString();

    const Run table = cli({u"--workspace"_s, m_workspace, u"services"_s, m_project});
    QCOMPARE(table.exitCode, 0);
    const QList<QByteArray> lines = table.out.trimmed().split('\n');
    QCOMPARE(lines.size(), one.size() + 1);
    QVERIFY(lines[0].startsWith("PROJECT"));
    QVERIFY(lines[1].contains(one[0].toObject()[u"gaTag"_s].toString().toUtf8()));
}

void TestCli::renderBuildsTheOverlay()
{
    const QJsonArray one = json({u"--workspace"_s, m_workspace, u"services"_s, m_project, u"--json"_s});
    const QJsonObject row = one[0].toObject();
    const Run run = cli({u"--workspace"_s, m_workspace, u"render"_s, m_project, row[u"service"_s].toString(),
                         row[u"environment"_s].toString()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains("kind: Deployment"));
    const QByteArray image = (row[u"image"_s].toString() + u':' + row[u"gaTag"_s].toString()).toUtf8();
    QVERIFY2(run.out.contains(image), image.constData());
}

void TestCli::validatePassesOnDemo()
{
    const Run run = cli({u"--workspace"_s, m_workspace, u"validate"_s, m_project, m_service, u"uat"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(QString::fromUtf8(run.out) + run.err));
    QVERIFY(run.out.contains(": 0 error(s)"));
}

void TestCli::validatePathOnDisk()
{
    // The folder as a user has it in a checkout: valid first, then with a broken overlay.
    auto repo = gd::git::Repository::open(m_dir.filePath(u"demo/repos/argocd-gitops-%1.git"_s.arg(m_project)));
    QVERIFY(repo.ok());
    auto tip = repo->resolve(u"refs/heads/main"_s);
    QVERIFY(tip.ok());
    const QString folder = m_dir.filePath(u"checkout/"_s + m_service + u"/uat"_s);
    QVERIFY(repo->extractDirectory(*tip, u"appsmanifests/"_s + m_service + u"/uat"_s, folder).ok());

    Run run = cli({u"validate"_s, folder});
    QVERIFY2(run.exitCode == 0, qPrintable(QString::fromUtf8(run.out) + run.err));
    QVERIFY(run.out.contains(": 0 error(s)"));
    run = cli({u"validate"_s, folder + u"/manifests"_s});   // its manifests folder works too
    QCOMPARE(run.exitCode, 0);

    QFile ga(folder + u"/manifests/ga/kustomization.yaml"_s);
    QVERIFY(ga.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ga.write("resources:\n  - ../base\nimages:\n  - name: x\n    newTag: [\n");
    ga.close();
    run = cli({u"validate"_s, folder});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("/manifests/ga/kustomization.yaml:") && run.out.contains(": error: "),
             run.out.constData());

    run = cli({u"validate"_s, m_dir.filePath(u"checkout"_s)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"is not a service environment folder"_s), qPrintable(run.err));
}

void TestCli::editDiffAndCommitThroughTheWorkingCopy()
{
    const Run workdir = cli({u"--workspace"_s, m_workspace, u"workdir"_s, m_project});
    QVERIFY2(workdir.exitCode == 0, qPrintable(workdir.err));
    const QString clone = QString::fromUtf8(workdir.out).trimmed();
    QVERIFY(QFileInfo(clone + u"/.git"_s).isDir());

    const Run clean = cli({u"--workspace"_s, m_workspace, u"diff"_s, m_project, m_service, u"uat"_s});
    QCOMPARE(clean.exitCode, 0);
    QVERIFY(clean.out.contains("No changes"));

    // Edit the GA tag by hand in the working copy, as a user with an editor would.
    const QString ga = clone + u"/appsmanifests/%1/uat/manifests/ga/kustomization.yaml"_s.arg(m_service);
    QFile file(ga);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    const QRegularExpressionMatch tag = QRegularExpression(u"newTag: \"?([^\"\\s]+)"_s).match(QString::fromUtf8(text));
    QVERIFY(tag.hasMatch());
    text.replace(tag.captured(1).toUtf8(), "7.7.7");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
    file.close();

    const Run diff = cli({u"--workspace"_s, m_workspace, u"diff"_s, m_project, m_service, u"uat"_s});
    QVERIFY2(diff.exitCode == 0, qPrintable(diff.err));
    QVERIFY(diff.out.contains("+    newTag: 7.7.7") || diff.out.contains("+    newTag: \"7.7.7\""));
    QVERIFY(diff.out.contains("## Changed Deployment/"));   // the rendered diff, grouped by resource
    QVERIFY(diff.out.contains(":7.7.7"));

    const Run commit = cli({u"--workspace"_s, m_workspace, u"commit"_s, m_project, m_service, u"uat"_s, u"-m"_s,
                            u"Release 7.7.7 to uat"_s});
    QVERIFY2(commit.exitCode == 0, qPrintable(commit.err));
    auto repo = gd::git::Repository::open(m_dir.filePath(u"demo/repos/argocd-gitops-%1.git"_s.arg(m_project)));
    QVERIFY(repo.ok());
    const auto tip = repo->resolve(u"refs/heads/main"_s);
    QVERIFY(tip.ok());
    QCOMPARE(repo->commitInfo(*tip)->summary, u"Release 7.7.7 to uat"_s);
    QVERIFY(repo->readFile(*tip, u"appsmanifests/%1/uat/manifests/ga/kustomization.yaml"_s.arg(m_service))
                ->contains("7.7.7"));
    const Run after = cli({u"--workspace"_s, m_workspace, u"diff"_s, m_project, m_service, u"uat"_s});
    QVERIFY(after.out.contains("No changes"));
}

void TestCli::commitRefusesInvalidWorkingCopy()
{
    const QString clone = QString::fromUtf8(cli({u"--workspace"_s, m_workspace, u"workdir"_s, m_project}).out).trimmed();
    const QString ga = clone + u"/appsmanifests/%1/prod/manifests/ga/kustomization.yaml"_s.arg(m_service);
    QFile file(ga);
    QVERIFY(file.open(QIODevice::Append));
    file.write("resources: [unclosed\n");
    file.close();
    auto repo = gd::git::Repository::open(m_dir.filePath(u"demo/repos/argocd-gitops-%1.git"_s.arg(m_project)));
    const auto before = repo->resolve(u"refs/heads/main"_s);

    const Run commit = cli({u"--workspace"_s, m_workspace, u"commit"_s, m_project, m_service, u"prod"_s, u"-m"_s,
                            u"broken"_s});
    QCOMPARE(commit.exitCode, 1);
    QVERIFY2(commit.err.contains(u"error"_s), qPrintable(commit.err));
    QVERIFY(commit.err.contains(u"kustomization.yaml:"_s));
    QCOMPARE(*repo->resolve(u"refs/heads/main"_s), *before);
    const Run noMessage = cli({u"--workspace"_s, m_workspace, u"commit"_s, m_project, m_service, u"prod"_s});
    QCOMPARE(noMessage.exitCode, 2);
}

void TestCli::demoRefusesNonEmptyFolder()
{
    const Run run = cli({u"demo"_s, u"init"_s, m_dir.filePath(u"demo"_s)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"not empty"_s), qPrintable(run.err));
}

void TestCli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList() << u"Usage:"_s;
    QTest::newRow("unknown command") << QStringList{u"deploy"_s} << u"Unknown command \"deploy\"."_s;
    QTest::newRow("unknown option") << QStringList{u"projects"_s, u"--yaml"_s} << u"Unknown option \"--yaml\"."_s;
    QTest::newRow("render missing args") << QStringList{u"render"_s, u"shop"_s} << u"render needs PROJECT SERVICE ENV."_s;
    QTest::newRow("bad service name") << QStringList{u"render"_s, u"shop"_s, u"Orders"_s, u"uat"_s}
                                      << u"The service name \"Orders\" may only contain"_s;
    QTest::newRow("demo count") << QStringList{u"demo"_s, u"init"_s, u"x"_s, u"--projects"_s, u"zero"_s}
                                << u"--projects takes a whole number"_s;
}

void TestCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message) || QString::fromUtf8(run.out).contains(message), qPrintable(run.err));
}

void TestCli::failuresExitWithOneAndSaySo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing workspace") << QStringList{u"--workspace"_s, u"/nonexistent/w.yaml"_s, u"projects"_s}
                                       << u"The workspace file /nonexistent/w.yaml could not be opened."_s;
    QTest::newRow("unknown project") << QStringList{u"services"_s, u"nosuchproject"_s}
                                     << u"There is no project \"nosuchproject\" in this workspace."_s;
    QTest::newRow("unknown service") << QStringList{u"render"_s, u"PROJECT"_s, u"nosuchservice"_s, u"uat"_s}
                                     << u"appsmanifests/nosuchservice/uat"_s;
}

void TestCli::failuresExitWithOneAndSaySo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    arguments.replaceInStrings(u"PROJECT"_s, m_project);
    if (!arguments.contains(u"--workspace"_s))
        arguments << u"--workspace"_s << m_workspace;
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
