// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile overlays committed by someone else, driven through gitops-desk-cli: paths out of the repository, symbolic
// links, remote resources, huge files, deep nesting, alias bombs and loops. `validate`, `render` and `release` each give
// the expected exit code and sentence in bounded time, nothing is pushed, and no secret reaches any output. Then the
// two sides of a release onto an overlay that does not build (issue 11, case 4).
#include "git/repository.h"
#include "support/scratchrepo.h"
#include "workspace/release.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    qint64 ms = 0;
    QString all() const { return out + err; }
};

const QString base = u"appsmanifests/orders/uat/manifests/base"_s;

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Adds `entry` to the resources of the base kustomization in the working copy `wc`.
bool addResource(const QString &wc, const QByteArray &entry)
{
    const QString path = wc + u'/' + base + u"/kustomization.yaml"_s;
    return writeFile(path, readFile(path) + "  - " + entry + '\n');
}

QByteArray nested(int depth, char open, char close, const QByteArray &inner)
{
    return QByteArray(depth, open) + inner + QByteArray(depth, close);
}

} // namespace

class TestHostileOverlays : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hostileOverlay_data();
    void hostileOverlay();
    void releaseThatBreaksTheOverlayIsRefused();
    void releaseOntoAnOverlayBrokenBeforeNeedsAllowBroken();

private:
    /// A fresh copy of the demo workspace and its repository in `dir`, plus a working clone at `dir`/wc.
    bool prepareSite(const QString &dir);
    /// Commits and pushes what the working clone at `dir`/wc holds, as someone else.
    bool pushAsSomeoneElse(const QString &dir, const QString &message);
    QString tip(const QString &dir) const;
    Run cli(const QString &dir, const QStringList &arguments) const;

    QTemporaryDir m_dir;
    QString m_demo;
    QString m_secretDir;                              ///< outside every repository: must never be read
    const QByteArray m_secret = "TOPSECRET-4b1d7c"; ///< what the secret files hold
};

void TestHostileOverlays::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    m_demo = m_dir.filePath(u"demo"_s);
    QProcess demo;
    demo.start(qEnvironmentVariable("GD_CLI"),
               {u"demo"_s, u"init"_s, m_demo, u"--projects"_s, u"1"_s, u"--services"_s, u"1"_s});
    QVERIFY(demo.waitForFinished(120000));
    QCOMPARE(demo.exitCode(), 0);
    m_secretDir = m_dir.filePath(u"private"_s);
    const QByteArray secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: stolen\nstringData:\n  password: "
                              + m_secret + "\n";
    QVERIFY(writeFile(m_secretDir + u"/secret.yaml"_s, secret));
    QVERIFY(writeFile(m_secretDir + u"/kustomization.yaml"_s, "resources:\n  - secret.yaml\n"));
}

bool TestHostileOverlays::prepareSite(const QString &dir)
{
    const QString bare = dir + u"/repos/argocd-gitops-shop.git"_s;
    if (!QDir().mkpath(dir + u"/repos"_s)
        || !test::runGit({u"clone"_s, u"-q"_s, u"--bare"_s, m_demo + u"/repos/argocd-gitops-shop.git"_s, bare}, dir)
        || !QFile::copy(m_demo + u"/workspace.yaml"_s, dir + u"/workspace.yaml"_s))
        return false;
    return test::runGit({u"clone"_s, u"-q"_s, bare, dir + u"/wc"_s}, dir).has_value();
}

bool TestHostileOverlays::pushAsSomeoneElse(const QString &dir, const QString &message)
{
    const QString wc = dir + u"/wc"_s;
    return test::runGit({u"add"_s, u"-A"_s}, wc)
           && test::runGit({u"-c"_s, u"user.name=Someone Else"_s, u"-c"_s, u"user.email=else@example.com"_s,
                            u"commit"_s, u"-q"_s, u"-m"_s, message},
                           wc)
           && test::runGit({u"push"_s, u"-q"_s, u"origin"_s, u"HEAD:main"_s}, wc);
}

QString TestHostileOverlays::tip(const QString &dir) const
{
    auto repo = git::Repository::open(dir + u"/repos/argocd-gitops-shop.git"_s);
    return repo.ok() ? repo->resolve(u"refs/heads/main"_s).valueOr(git::ObjectId()).toHex() : QString();
}

Run TestHostileOverlays::cli(const QString &dir, const QStringList &arguments) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GITOPS_DESK_CACHE_DIR"_s, dir + u"/cache"_s);
    env.insert(u"GITOPS_DESK_DATA_DIR"_s, dir + u"/data"_s);
    env.insert(u"HOME"_s, dir + u"/home"_s);
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.remove(u"ARGOCD_SERVER"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    // Tokens a user has in the shell: kustomize must not see them, no output may show them.
    env.insert(u"GITLAB_TOKEN"_s, u"glpat-TOPSECRET-4b1d7c"_s);
    env.insert(u"ARGOCD_AUTH_TOKEN"_s, u"argo-TOPSECRET-4b1d7c"_s);
    QProcess process;
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(qEnvironmentVariable("GD_CLI"), QStringList{u"--workspace"_s, dir + u"/workspace.yaml"_s} + arguments);
    if (!process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
        return Run{-2, {}, u"did not finish in four minutes"_s, timer.elapsed()};
    }
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()),
               timer.elapsed()};
}

void TestHostileOverlays::hostileOverlay_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("sentence");   // in what validate, render and release say
    QTest::newRow("dot-dot to a secret file") << u"outside-secret"_s << u"leads outside the repository"_s;
    QTest::newRow("dot-dot to the root") << u"outside-root"_s << u"leads outside the repository"_s;
    QTest::newRow("absolute path") << u"absolute"_s << u"is an absolute path"_s;
    QTest::newRow("generator reading a file outside") << u"generator-outside"_s << u"leads outside the repository"_s;
    QTest::newRow("symlink to a file outside") << u"symlink-file"_s << u"symbolic link"_s;
    QTest::newRow("symlink to a folder outside") << u"symlink-folder"_s << u"symbolic link"_s;
    QTest::newRow("remote URL") << u"remote-url"_s << u"is a remote resource"_s;
    QTest::newRow("remote github shorthand") << u"remote-github"_s << u"is a remote resource"_s;
    QTest::newRow("50 MB YAML file") << u"huge"_s << u"a render reads files of at most 8.0 MB"_s;
    QTest::newRow("5000 nested mappings") << u"deep-map"_s << u"levels deep"_s;
    QTest::newRow("5000 nested sequences") << u"deep-seq"_s << u"levels deep"_s;
    QTest::newRow("300 nested mappings") << u"deep-300"_s << u"more than 256 levels deep"_s;
    QTest::newRow("alias bomb") << u"alias-bomb"_s << u"alias bomb"_s;
    QTest::newRow("base that includes itself") << u"self-include"_s << u"includes itself"_s;
    QTest::newRow("bases that include each other") << u"mutual-include"_s << u"includes itself"_s;
}

void TestHostileOverlays::hostileOverlay()
{
    QFETCH(QString, kind);
    QFETCH(QString, sentence);
    const QString dir = m_dir.filePath(u"row-"_s + kind);
    QVERIFY(prepareSite(dir));
    const QString wc = dir + u"/wc"_s;
    const QByteArray upToRoot = QByteArray("../").repeated(16);
    const QByteArray secretFile = QFileInfo(m_secretDir + u"/secret.yaml"_s).absoluteFilePath().toUtf8();
    if (kind == u"outside-secret") {
        QVERIFY(addResource(wc, upToRoot + secretFile.mid(1)));
    } else if (kind == u"outside-root") {
        QVERIFY(addResource(wc, upToRoot.chopped(1)));
    } else if (kind == u"absolute") {
        QVERIFY(addResource(wc, secretFile));
    } else if (kind == u"generator-outside") {
        const QString path = wc + u'/' + base + u"/kustomization.yaml"_s;
        QVERIFY(writeFile(path, readFile(path) + "secretGenerator:\n  - name: leak\n    files:\n      - password="
                                    + upToRoot + secretFile.mid(1) + '\n'));
    } else if (kind == u"symlink-file") {
        QVERIFY(QFile::link(m_secretDir + u"/secret.yaml"_s, wc + u'/' + base + u"/leak.yaml"_s));
        QVERIFY(addResource(wc, "leak.yaml"));
    } else if (kind == u"symlink-folder") {
        QVERIFY(QFile::link(m_secretDir, wc + u'/' + base + u"/leak"_s));
        QVERIFY(addResource(wc, "leak"));
    } else if (kind == u"remote-url") {
        QVERIFY(addResource(wc, "https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v1.0.6"));
    } else if (kind == u"remote-github") {
        QVERIFY(addResource(wc, "github.com/kubernetes-sigs/kustomize/examples/helloWorld?ref=v1.0.6"));
    } else if (kind == u"huge") {
        QByteArray huge = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n";
        const QByteArray line = "  k: " + QByteArray(100, 'x') + "\n";
        huge += line.repeated((50 << 20) / line.size());
        QVERIFY(writeFile(wc + u'/' + base + u"/huge.yaml"_s, huge));
        QVERIFY(addResource(wc, "huge.yaml"));
    } else if (kind.startsWith(u"deep-")) {
        const int depth = kind == u"deep-300" ? 300 : 5000;
        const QByteArray value = kind == u"deep-seq" ? nested(depth, '[', ']', "x")
                                                     : QByteArray("{a: ").repeated(depth) + 'x'
                                                           + QByteArray(depth, '}');
        QVERIFY(writeFile(wc + u'/' + base + u"/deep.yaml"_s,
                          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  deep: " + value + '\n'));
        QVERIFY(addResource(wc, "deep.yaml"));
    } else if (kind == u"alias-bomb") {
        QByteArray bomb = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  a0: &a0 [lol, lol, lol, "
                          "lol, lol, lol, lol, lol, lol]\n";
        for (int i = 1; i < 10; ++i) {
            bomb += "  a" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [";
            for (int j = 0; j < 9; ++j)
                bomb += (j > 0 ? ", *a" : "*a") + QByteArray::number(i - 1);
            bomb += "]\n";
        }
        QVERIFY(writeFile(wc + u'/' + base + u"/bomb.yaml"_s, bomb));
        QVERIFY(addResource(wc, "bomb.yaml"));
    } else if (kind == u"self-include") {
        QVERIFY(addResource(wc, "."));
    } else if (kind == u"mutual-include") {
        QVERIFY(addResource(wc, "../ga"));
    } else {
        QFAIL("unknown row");
    }
    QVERIFY(pushAsSomeoneElse(dir, u"Hostile overlay: "_s + kind));
    const QString before = tip(dir);

    const Run validate = cli(dir, {u"validate"_s, u"shop"_s, u"orders"_s, u"uat"_s});
    const Run render = cli(dir, {u"render"_s, u"shop"_s, u"orders"_s, u"uat"_s});
    const Run release = cli(dir, {u"release"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--tag"_s, u"9.9.9"_s,
                                  u"--no-sync"_s});
    const QString context = u"validate:\n"_s + validate.all() + u"\nrender:\n"_s + render.all() + u"\nrelease:\n"_s
                            + release.all();
    QVERIFY2(validate.exitCode == 1, qPrintable(context));
    QVERIFY2(render.exitCode == 1, qPrintable(context));
    QVERIFY2(release.exitCode == 3, qPrintable(context));
    for (const Run *run : {&validate, &render, &release}) {
        QVERIFY2(run->all().contains(sentence), qPrintable(context));
        QVERIFY2(!run->all().contains(u"TOPSECRET"_s), qPrintable(context));
        QVERIFY2(run->ms < 60000, qPrintable(u"%1 ms: "_s.arg(run->ms) + context));
    }
    QVERIFY2(release.err.contains(u"did not build before this change either"_s), qPrintable(release.all()));
    QCOMPARE(tip(dir), before);   // nothing pushed
}

// A rollback whose revert removes a file that a later change made the overlay use: the overlay would not build, so
// nothing is pushed (exit 1), naming the file and line.
void TestHostileOverlays::releaseThatBreaksTheOverlayIsRefused()
{
    const QString dir = m_dir.filePath(u"breaks"_s);
    QVERIFY(prepareSite(dir));
    const QString wc = dir + u"/wc"_s;
    QVERIFY(writeFile(wc + u'/' + base + u"/settings.yaml"_s,
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n"));
    const QString ga = wc + u"/appsmanifests/orders/uat/manifests/ga/kustomization.yaml"_s;
    QByteArray gaText = readFile(ga);
    static const QRegularExpression newTag(u"newTag: *\"?([^\"\\s]+)\"?"_s);
    const QString oldTag = newTag.match(QString::fromUtf8(gaText)).captured(1);
    QVERIFY(!oldTag.isEmpty());
    QVERIFY(writeFile(ga, QString::fromUtf8(gaText).replace(newTag, u"newTag: \"7.7.7\""_s).toUtf8()));
    QVERIFY(pushAsSomeoneElse(dir, u"Release orders 7.7.7 to uat\n\nRelease-Service: orders\nRelease-Environment: uat\n"
                                   u"Release-Stage: ga\nRelease-Image: example/orders:7.7.7\n"
                                   u"Release-Previous-Image: example/orders:"_s
                                       + oldTag + u'\n'));
    const QString release = tip(dir);
    QVERIFY(addResource(wc, "settings.yaml"));
    QVERIFY(pushAsSomeoneElse(dir, u"Use the settings"_s));
    const QString before = tip(dir);

    const Run rollback = cli(dir, {u"rollback"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--commit"_s, release,
                                   u"--no-sync"_s});
    QVERIFY2(rollback.exitCode == 1, qPrintable(rollback.all()));
    QVERIFY2(rollback.err.contains(u"The change would leave the overlay of orders in uat not building"_s),
             qPrintable(rollback.all()));
    QVERIFY2(rollback.err.contains(base + u"/kustomization.yaml:"_s), qPrintable(rollback.all()));
    QVERIFY2(rollback.err.contains(u"settings.yaml"_s), qPrintable(rollback.all()));
    QCOMPARE(tip(dir), before);
}

// Someone else broke the base; a release that does not touch it is refused (exit 3) until --allow-broken, then lands.
void TestHostileOverlays::releaseOntoAnOverlayBrokenBeforeNeedsAllowBroken()
{
    const QString dir = m_dir.filePath(u"broken-before"_s);
    QVERIFY(prepareSite(dir));
    QVERIFY(addResource(dir + u"/wc"_s, "missing.yaml"));
    QVERIFY(pushAsSomeoneElse(dir, u"Refer to a file that is not there"_s));
    const QString before = tip(dir);

    const QStringList release{u"release"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--tag"_s, u"8.8.8"_s, u"--no-sync"_s};
    const Run refused = cli(dir, release);
    QVERIFY2(refused.exitCode == 3, qPrintable(refused.all()));
    QVERIFY2(refused.err.contains(u"did not build before this change either"_s), qPrintable(refused.all()));
    QVERIFY2(refused.err.contains(u"--allow-broken"_s), qPrintable(refused.all()));
    QVERIFY2(refused.err.contains(u"missing.yaml"_s), qPrintable(refused.all()));
    QCOMPARE(tip(dir), before);

    const Run allowed = cli(dir, release + QStringList{u"--allow-broken"_s});
    QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.all()));
    QVERIFY(tip(dir) != before);
    auto repo = git::Repository::open(dir + u"/repos/argocd-gitops-shop.git"_s);
    QVERIFY(repo.ok());
    QCOMPARE(ws::releasedTagAt(*repo, git::ObjectId::fromHex(tip(dir)), u"orders"_s, u"uat"_s, ws::ReleaseStage::Ga),
             u"8.8.8"_s);
}

QTEST_GUILESS_MAIN(TestHostileOverlays)
#include "tst_hostileoverlays.moc"
