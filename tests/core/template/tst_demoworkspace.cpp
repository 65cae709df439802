// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/demoworkspace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Runs git with `arguments` against the bare repository `repo`; returns stdout, or a null array on failure.
QByteArray git(const QString &repo, const QStringList &arguments)
{
    QProcess process;
    process.start(u"git"_s, QStringList{u"--git-dir"_s, repo} + arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning() << "git" << arguments << process.readAllStandardError();
        return {};
    }
    QByteArray out = process.readAllStandardOutput();
    return out.isNull() ? QByteArray("") : out;
}

QStringList lines(const QByteArray &text)
{
    return QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
}

const QDateTime fixedNow = QDateTime(QDate(2025, 3, 14), QTime(9, 30), QTimeZone::utc());

} // namespace

class TestDemoWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsReposAndWorkspaceFile();
    void deploymentReposHaveServicesAndHistory();
    void historyIsDeterministic();
    void nonEmptyFolderIsRefusedWithoutForce();
    void forceReplacesTheDemo();
    void badCountsAreRefused();

private:
    QTemporaryDir m_dir;
    QString m_workspace;
};

void TestDemoWorkspace::createsReposAndWorkspaceFile()
{
    QVERIFY(m_dir.isValid());
    gd::ws::DemoOptions options;
    options.directory = m_dir.path() + u"/demo"_s;
    options.projects = 3;
    options.services = 4;
    options.argocdServer = u"http://127.0.0.1:28080"_s;
    options.now = fixedNow;
    const gd::Result<QString> made = gd::ws::createDemoWorkspace(options);
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().fullText()));
    m_workspace = *made;
    QCOMPARE(m_workspace, options.directory + u"/workspace.yaml"_s);

    const QStringList repos = QDir(options.directory + u"/repos"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(repos, (QStringList{u"argocd-gitops-logistics.git"_s, u"argocd-gitops-payments.git"_s,
                                 u"argocd-gitops-shop.git"_s, u"argocd-gitops-templates.git"_s}));

    QFile file(m_workspace);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray yaml = file.readAll();
    const QString templatesRepo = options.directory + u"/repos/argocd-gitops-templates.git"_s;
    QVERIFY(yaml.contains("provider: {type: local, path: repos}"));
    QVERIFY(yaml.contains("repoPrefix: argocd-gitops-"));
    QVERIFY(yaml.contains("branch: main"));
    QVERIFY(yaml.contains(QByteArray("templates: {url: \"" + templatesRepo.toUtf8() + "\", branch: main}")));
    QVERIFY(yaml.contains("argocd: {server: \"http://127.0.0.1:28080\"}"));
    QVERIFY(yaml.contains("{name: uat, cluster: https://kubernetes.default.svc, namespace: \"{project}-uat\", "
                          "canary: true, approval: false}"));
    QVERIFY(yaml.contains("{name: prod, cluster: https://kubernetes.default.svc, namespace: \"{project}-prod\", "
                          "canary: true, approval: true}"));
    QVERIFY(yaml.contains("release: {rollbackWindowMinutes: 30}"));

    // The templates repo holds the builtin set on main.
    const QStringList templateFiles = lines(git(templatesRepo, {u"ls-tree"_s, u"-r"_s, u"--name-only"_s, u"main"_s}));
    QVERIFY(templateFiles.contains(u"app-manifests-templates/java/ga/kustomization.yaml"_s));
    QVERIFY(templateFiles.contains(u"pipeline-templates/ks-pipeline-jenkinsfile.yaml"_s));
    QVERIFY(templateFiles.contains(u"README.md"_s));
}

void TestDemoWorkspace::deploymentReposHaveServicesAndHistory()
{
    QVERIFY(!m_workspace.isEmpty());
    const QString repos = QFileInfo(m_workspace).absolutePath() + u"/repos/"_s;
    for (const QString &project : {u"shop"_s, u"payments"_s, u"logistics"_s}) {
        const QString repo = repos + u"argocd-gitops-"_s + project + u".git"_s;
        QCOMPARE(git(repo, {u"symbolic-ref"_s, u"HEAD"_s}).trimmed(), "refs/heads/main"_ba);

        // Four services, each in uat and prod.
        const QStringList services = lines(git(repo, {u"ls-tree"_s, u"--name-only"_s, u"main:appsmanifests"_s}));
        QCOMPARE(services.size(), 4);
        bool anyCanaryAhead = false;
        for (const QString &service : services) {
            const QStringList envs =
                lines(git(repo, {u"ls-tree"_s, u"--name-only"_s, u"main:appsmanifests/"_s + service}));
            QCOMPARE(envs, (QStringList{u"prod"_s, u"uat"_s}));
            for (const QString &env : envs) {
                const QString base = u"main:appsmanifests/"_s + service + u'/' + env + u'/';
                QVERIFY(!git(repo, {u"cat-file"_s, u"-p"_s, base + u"application.yaml"_s}).isEmpty());
                const QString pipeline = base + u"manifests/pipeline/ks-pipeline-jenkinsfile.yaml"_s;
                QVERIFY(git(repo, {u"cat-file"_s, u"-p"_s, pipeline}).contains("kind: Pipeline"));
                const QByteArray top = git(repo, {u"cat-file"_s, u"-p"_s, base + u"manifests/kustomization.yaml"_s});
                if (top.contains("- canary")) {
                    const QRegularExpression tag(uR"(newTag: "?([^"\n]+))"_s);
                    const QString canaryTag = tag.match(QString::fromUtf8(git(
                        repo, {u"cat-file"_s, u"-p"_s, base + u"manifests/canary/kustomization.yaml"_s}))).captured(1);
                    const QString gaTag = tag.match(QString::fromUtf8(git(
                        repo, {u"cat-file"_s, u"-p"_s, base + u"manifests/ga/kustomization.yaml"_s}))).captured(1);
                    QVERIFY(!canaryTag.isEmpty() && !gaTag.isEmpty());
                    if (canaryTag != gaTag)
                        anyCanaryAhead = true;
                }
            }
        }
        QVERIFY2(anyCanaryAhead, qPrintable(project + u": no unfinished canary"_s));

        // History: release commits with trailers, by several authors, in time order.
        const QByteArray log = git(repo, {u"log"_s, u"--format=%H%x1f%an%x1f%ae%x1f%at%x1f%B%x1e"_s, u"main"_s});
        const QStringList commits = QString::fromUtf8(log).split(QChar(0x1e), Qt::SkipEmptyParts);
        QVERIFY(commits.size() >= 10);
        QSet<QString> releaseAuthors;
        qint64 newer = std::numeric_limits<qint64>::max();
        int releases = 0;
        int canaryReleases = 0;
        for (const QString &commit : commits) {
            if (commit.trimmed().isEmpty())
                continue;
            const QStringList fields = commit.trimmed().split(QChar(0x1f));
            QCOMPARE(fields.size(), 5);
            const qint64 time = fields.at(3).toLongLong();
            QVERIFY2(time < newer, "commit times must increase along history");
            newer = time;
            QVERIFY(time < fixedNow.toSecsSinceEpoch());
            QVERIFY(time > fixedNow.addDays(-30).toSecsSinceEpoch());
            const QString message = fields.at(4);
            if (!message.contains(u"Release-Service: "_s))
                continue;
            ++releases;
            releaseAuthors.insert(fields.at(1));
            QVERIFY(fields.at(2).endsWith(u"@example.com"_s));
            for (const QString &trailer : {u"Release-Environment: "_s, u"Release-Stage: "_s, u"Release-Image: "_s,
                                           u"Release-Previous-Image: "_s})
                QVERIFY2(message.contains(trailer), qPrintable(message));
            if (message.contains(u"Release-Stage: canary"_s))
                ++canaryReleases;
            const QRegularExpression imageLine(u"Release-Image: (harbor\\.example\\.com/"_s + project
                                               + u"/[a-z-]+:\\d+\\.\\d+\\.\\d+)\n"_s);
            QVERIFY2(imageLine.match(message).hasMatch(), qPrintable(message));

            // git itself reads the trailers.
            const QByteArray parsed = git(repo, {u"show"_s, u"-s"_s,
                                                 u"--format=%(trailers:key=Release-Service,valueonly)"_s,
                                                 fields.at(0).trimmed()});
            QVERIFY(!parsed.trimmed().isEmpty());
            // Each release changes exactly one file: one overlay's kustomization.yaml.
            const QStringList changed = lines(git(repo, {u"diff-tree"_s, u"--no-commit-id"_s, u"--name-only"_s,
                                                          u"-r"_s, fields.at(0).trimmed()}));
            QCOMPARE(changed.size(), 1);
            static const QRegularExpression overlay(
                uR"(^appsmanifests/[a-z-]+/(uat|prod)/manifests/(ga|canary)/kustomization\.yaml$)"_s);
            QVERIFY2(overlay.match(changed.first()).hasMatch(), qPrintable(changed.first()));
        }
        QVERIFY(releases >= 8);
        QVERIFY(canaryReleases >= 1);
        QVERIFY2(releaseAuthors.size() >= 2, qPrintable(QStringList(releaseAuthors.values()).join(u", "_s)));
    }
}

void TestDemoWorkspace::historyIsDeterministic()
{
    QTemporaryDir other;
    QVERIFY(other.isValid());
    gd::ws::DemoOptions options;
    options.directory = other.path();
    options.projects = 3;
    options.services = 4;
    options.now = fixedNow;
    const gd::Result<QString> made = gd::ws::createDemoWorkspace(options);
    QVERIFY(made.ok());
    const QString first = QFileInfo(m_workspace).absolutePath() + u"/repos/argocd-gitops-payments.git"_s;
    const QString second = other.path() + u"/repos/argocd-gitops-payments.git"_s;
    // The same options give the same history (ids differ only because repoURL holds the folder's path).
    const QStringList format = {u"log"_s, u"--format=%an %ae %at %s%n%b"_s, u"main"_s};
    const QByteArray firstLog = git(first, format);
    QVERIFY(!firstLog.isEmpty());
    QCOMPARE(git(second, format), firstLog);
    QCOMPARE(git(second, {u"rev-parse"_s, u"main:appsmanifests/gateway/prod/manifests/ga"_s}),
             git(first, {u"rev-parse"_s, u"main:appsmanifests/gateway/prod/manifests/ga"_s}));
}

void TestDemoWorkspace::nonEmptyFolderIsRefusedWithoutForce()
{
    QVERIFY(!m_workspace.isEmpty());
    const QString dir = QFileInfo(m_workspace).absolutePath();
    gd::ws::DemoOptions options;
    options.directory = dir;
    const gd::Result<QString> again = gd::ws::createDemoWorkspace(options);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, gd::Error::Code::InvalidInput);
    QCOMPARE(again.error().message, u"The folder %1 is not empty; choose an empty folder or pass --force."_s.arg(
                                        QDir::toNativeSeparators(dir)));

    // A single unrelated file is enough to refuse.
    QTemporaryDir other;
    QFile note(other.path() + u"/notes.txt"_s);
    QVERIFY(note.open(QIODevice::WriteOnly));
    note.write("keep me\n");
    note.close();
    options.directory = other.path();
    QVERIFY(!gd::ws::createDemoWorkspace(options).ok());
    QVERIFY(!QDir(other.path() + u"/repos"_s).exists());
}

void TestDemoWorkspace::forceReplacesTheDemo()
{
    QTemporaryDir dir;
    QFile note(dir.path() + u"/notes.txt"_s);
    QVERIFY(note.open(QIODevice::WriteOnly));
    note.write("keep me\n");
    note.close();

    gd::ws::DemoOptions options;
    options.directory = dir.path();
    options.projects = 1;
    options.services = 2;
    options.force = true;
    options.now = fixedNow;
    QVERIFY(gd::ws::createDemoWorkspace(options).ok());
    const QString shop = dir.path() + u"/repos/argocd-gitops-shop.git"_s;
    const QByteArray firstTip = git(shop, {u"rev-parse"_s, u"main"_s});
    QVERIFY(!firstTip.isEmpty());

    // Again over the same folder, later: the demo repos are rebuilt, other files stay.
    options.services = 3;
    options.now = fixedNow.addDays(1);
    const gd::Result<QString> again = gd::ws::createDemoWorkspace(options);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().fullText()));
    QVERIFY(QFile::exists(dir.path() + u"/notes.txt"_s));
    QVERIFY(git(shop, {u"rev-parse"_s, u"main"_s}) != firstTip);
    QCOMPARE(lines(git(shop, {u"ls-tree"_s, u"--name-only"_s, u"main:appsmanifests"_s})).size(), 3);
    // No leftovers of the first run: the history starts once.
    QCOMPARE(lines(git(shop, {u"rev-list"_s, u"--max-parents=0"_s, u"main"_s})).size(), 1);
    QCOMPARE(lines(git(shop, {u"rev-list"_s, u"--all"_s})).size(),
             lines(git(shop, {u"rev-list"_s, u"main"_s})).size());
}

void TestDemoWorkspace::badCountsAreRefused()
{
    QTemporaryDir dir;
    gd::ws::DemoOptions options;
    options.directory = dir.path();
    options.projects = 0;
    const gd::Result<QString> none = gd::ws::createDemoWorkspace(options);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().message, u"The demo can have 1 to 50 projects, not 0."_s);
    QVERIFY(QDir(dir.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "tst_demoworkspace.moc"
