// SPDX-License-Identifier: GPL-3.0-or-later
// Overlay files that yaml-cpp 0.7 cannot read to the end on its own: a line that starts with ',' made its LoadAll hand
// out empty documents until memory ran out. The command line must answer with a problem for that environment.
#include "support/clirun.h"

#include "git/filechanges.h"
#include "git/repository.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

class TestStrayYaml : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void servicesNamesAnUnreadableKustomization_data();
    void servicesNamesAnUnreadableKustomization();

private:
    QTemporaryDir m_dir;
};

void TestStrayYaml::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    QDir().mkpath(m_dir.filePath(u"home/.config"_s));
}

void TestStrayYaml::servicesNamesAnUnreadableKustomization_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("just a comma") << QByteArray(",");
    QTest::newRow("second document") << QByteArray("images:\n  - name: x\n    newTag: \"1\"\n---\n, y\n");
    QTest::newRow("indented comma, CRLF") << QByteArray("  ,\r\nresources: []\r\n");
}

void TestStrayYaml::servicesNamesAnUnreadableKustomization()
{
    QFETCH(QByteArray, text);
    const QString name = u"demo-%1"_s.arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-').remove(u',');
    QProcess init;
    init.start(qEnvironmentVariable("GD_CLI"), {u"demo"_s, u"init"_s, m_dir.filePath(name), u"--projects"_s, u"1"_s,
                                                u"--services"_s, u"1"_s});
    QVERIFY(init.waitForFinished(120000));
    QCOMPARE(init.exitCode(), 0);
    const QString workspace = m_dir.filePath(name + u"/workspace.yaml"_s);

    // Someone else pushes the broken file as the GA overlay of the one service in uat.
    auto repo = git::Repository::open(m_dir.filePath(name + u"/repos/argocd-gitops-shop.git"_s));
    QVERIFY2(repo.ok(), qPrintable(repo.ok() ? QString() : repo.error().fullText()));
    auto tip = repo->resolve(u"refs/heads/main"_s);
    QVERIFY(tip.ok());
    auto services = repo->listDirectory(*tip, u"appsmanifests"_s);
    QVERIFY(services.ok());
    QVERIFY(!services->empty());
    const QString service = services->front().name;
    const QString path = u"appsmanifests/%1/uat/manifests/ga/kustomization.yaml"_s.arg(service);
    QVERIFY(repo->readFile(*tip, path).ok());
    git::FileChanges changes;
    changes.write(path, text);
    const git::Signature author{u"Someone"_s, u"someone@example.com"_s, QDateTime::currentDateTime()};
    QVERIFY(repo->createCommit(*tip, changes, {u"Break the overlay"_s, author, author}, u"refs/heads/main"_s).ok());

    // Under a memory limit, so that reading documents forever fails fast instead of eating the machine.
    QProcess cli;
    cli.setProcessEnvironment(test::cliEnvironment(m_dir.path(), m_dir.filePath(name + u"-cache"_s)));
    cli.start(u"/bin/sh"_s, {u"-c"_s, u"ulimit -v 3000000 && exec \"$0\" \"$@\""_s, qEnvironmentVariable("GD_CLI"),
                             u"--workspace"_s, workspace, u"services"_s, u"--json"_s});
    QVERIFY(cli.waitForFinished(120000));
    const QByteArray err = cli.readAllStandardError();
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QVERIFY2(!err.contains("bad_alloc"), err.constData());
    QVERIFY2(cli.exitCode() == 0 || cli.exitCode() == 1, err.constData());
    const QJsonArray rows = QJsonDocument::fromJson(cli.readAllStandardOutput()).array();
    bool found = false;
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        if (row[u"service"_s].toString() != service || row[u"environment"_s].toString() != u"uat"_s)
            continue;
        found = true;
        const QString problem = row[u"problem"_s].toString();
        QVERIFY2(problem.contains(u"kustomization.yaml"_s), qPrintable(problem));
        QVERIFY2(problem.contains(u"line "_s), qPrintable(problem));
    }
    QVERIFY2(found, err.constData());
}

QTEST_GUILESS_MAIN(TestStrayYaml)
#include "tst_strayyaml.moc"
