// SPDX-License-Identifier: GPL-3.0-or-later
// What the command line tells scripts and terminals, without Argo CD: data read from the cached copy says so (with
// its age) in `problem`, on stderr and by its exit code; and names and messages from Git reach the terminal with
// their control characters shown, not obeyed.
#include "support/clirun.h"
#include "support/tagcommit.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

/// The byte sequences a terminal obeys: ESC, the other C0 controls but tab and line feed, DEL, C1 controls (UTF-8
/// C2 80–C2 9F) and the bidirectional overrides and isolates. Empty when `bytes` holds none, else the first found.
QString hiddenControlIn(const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = uchar(bytes[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return u"byte 0x%1 at %2"_s.arg(c, 2, 16, QChar(u'0')).arg(i);
        if (c == 0xc2 && i + 1 < bytes.size() && uchar(bytes[i + 1]) >= 0x80 && uchar(bytes[i + 1]) <= 0x9f)
            return u"C1 control at %1"_s.arg(i);
    }
    for (const QChar c : QString::fromUtf8(bytes)) {
        const ushort u = c.unicode();
        if ((u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f)
            return u"bidirectional control U+%1"_s.arg(u, 4, 16, QChar(u'0'));
    }
    return {};
}

const QString hostileName = u"Mallory \x1b]0;owned\x07\x1b[2J\x1b[31m\u202Eevil\u009b1m"_s;
const QString hostileSummary = u"Release orders 6.6.6\x1b[2K\r to uat \x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"_s;

} // namespace

class TestCliTerminal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void staleCacheIsNamedWithItsAge_data();
    void staleCacheIsNamedWithItsAge();
    void projectNeverReadExitsOne();
    void historyShowsControlsFromGitAsEscapes();
    void refusalShowsControlsFromGitAsEscapes();

private:
    QString demo(const QString &name);
    test::CliRun cli(const QString &workspace, const QStringList &arguments, const QString &cache = {}) const
    {
        return test::runCli(m_dir.path(), QStringList{u"--workspace"_s, workspace} + arguments, cache);
    }
    /// Mallory's release of 6.6.6 to GA of orders in uat, straight into the bare repository `bareRepo`.
    static bool commitHostileRelease(const QString &bareRepo)
    {
        const git::Signature mallory{hostileName, u"mallory@example.com"_s, QDateTime::currentDateTime()};
        return !test::commitGaTag(bareRepo, u"orders"_s, u"uat"_s, u"6.6.6"_s, mallory,
                                  hostileSummary + u"\n\nBody \x1b[2J line\n"_s)
                    .isNull();
    }

    QTemporaryDir m_dir;
};

QString TestCliTerminal::demo(const QString &name)
{
    QProcess process;
    process.start(qEnvironmentVariable("GD_CLI"), {u"demo"_s, u"init"_s, m_dir.filePath(name), u"--projects"_s,
                                                   u"1"_s, u"--services"_s, u"2"_s});
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return {};
    return m_dir.filePath(name + u"/workspace.yaml"_s);
}

void TestCliTerminal::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    QDir().mkpath(m_dir.filePath(u"home/.config"_s));
}

void TestCliTerminal::staleCacheIsNamedWithItsAge_data()
{
    QTest::addColumn<QString>("breakage");
    QTest::newRow("repository moved away") << u"moved"_s;
    QTest::newRow("repository broken in place") << u"broken"_s;
}

void TestCliTerminal::staleCacheIsNamedWithItsAge()
{
    QFETCH(QString, breakage);
    const QString name = u"stale-"_s + breakage.left(5);
    const QString workspace = demo(name);
    QVERIFY(!workspace.isEmpty());
    const QString cache = m_dir.filePath(name + u"-cache"_s);
    const test::CliRun first = cli(workspace, {u"services"_s, u"--json"_s}, cache);
    QCOMPARE(first.exitCode, 0);
    const QJsonArray fresh = QJsonDocument::fromJson(first.out).array();
    QVERIFY(!fresh.isEmpty());
    QVERIFY(fresh.first().toObject()[u"problem"_s].isNull());

    // The remote goes bad after the first read.
    const QString repo = m_dir.filePath(name + u"/repos/argocd-gitops-shop.git"_s);
    if (breakage == u"moved") {
        QVERIFY(QDir().rename(repo, repo + u".away"_s));
        QVERIFY(QDir().mkpath(repo));   // the provider still lists the project: its folder is there, empty
    } else {
        QVERIFY(QDir(repo + u"/objects"_s).removeRecursively());
        QFile head(repo + u"/HEAD"_s);
        QVERIFY(head.open(QIODevice::WriteOnly | QIODevice::Truncate));
        head.write("garbage\n");
    }

    const test::CliRun stale = cli(workspace, {u"services"_s, u"--json"_s}, cache);
    QVERIFY2(stale.exitCode == 0, stale.err.constData());
    const QJsonArray rows = QJsonDocument::fromJson(stale.out).array();
    QCOMPARE(rows.size(), fresh.size());
    const QString today = QDate::currentDate().toString(u"yyyy-MM-dd"_s);
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        const QString problem = row[u"problem"_s].toString();
        QVERIFY2(problem.contains(u"cached copy of "_s + today), qPrintable(problem));
        QVERIFY2(problem.contains(u"minute old"_s), qPrintable(problem));
        QVERIFY2(!row[u"cachedAt"_s].toString().isEmpty(), qPrintable(problem));
        QVERIFY(!row[u"gaTag"_s].toString().isEmpty());   // the data is still there
    }
    QVERIFY2(stale.err.contains("shop: The deployment repository could not be fetched; this is the cached copy of"),
             stale.err.constData());

    const test::CliRun table = cli(workspace, {u"services"_s}, cache);
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.err.contains("cached copy of"));

    const test::CliRun projects = cli(workspace, {u"projects"_s, u"--json"_s}, cache);
    QCOMPARE(projects.exitCode, 0);
    const QJsonObject project = QJsonDocument::fromJson(projects.out).array().first().toObject();
    QVERIFY2(project[u"problem"_s].toString().contains(u"cached copy of"_s), projects.out.constData());
    QVERIFY(!project[u"cachedAt"_s].toString().isEmpty());
    QVERIFY(projects.err.contains("cached copy of"));
}

void TestCliTerminal::projectNeverReadExitsOne()
{
    const QString workspace = demo(u"never"_s);
    QVERIFY(!workspace.isEmpty());
    const QString repo = m_dir.filePath(u"never/repos/argocd-gitops-shop.git"_s);
    QVERIFY(QDir(repo).removeRecursively());
    QVERIFY(QDir().mkpath(repo));
    const QString cache = m_dir.filePath(u"never-cache"_s);

    for (const QStringList &command : {QStringList{u"services"_s, u"shop"_s, u"--json"_s},
                                       QStringList{u"services"_s}, QStringList{u"projects"_s, u"--json"_s}}) {
        const test::CliRun run = cli(workspace, command, cache);
        QVERIFY2(run.exitCode == 1, qPrintable(command.join(u' ') + u": "_s + QString::fromUtf8(run.out + run.err)));
        QVERIFY2(run.err.contains("shop: "), run.err.constData());
        QVERIFY2(run.err.contains("Nothing could be read"), run.err.constData());
    }
}

void TestCliTerminal::historyShowsControlsFromGitAsEscapes()
{
    const QString workspace = demo(u"hostile"_s);
    QVERIFY(!workspace.isEmpty());
    QVERIFY(commitHostileRelease(m_dir.filePath(u"hostile/repos/argocd-gitops-shop.git"_s)));

    const test::CliRun table = cli(workspace, {u"history"_s, u"shop"_s, u"orders"_s, u"uat"_s});
    QVERIFY2(table.exitCode == 0, table.err.constData());
    QVERIFY2(hiddenControlIn(table.out).isEmpty(), qPrintable(hiddenControlIn(table.out)));
    QVERIFY2(hiddenControlIn(table.err).isEmpty(), qPrintable(hiddenControlIn(table.err)));
    QVERIFY2(table.out.contains("Mallory \\x1b]0;owned\\x07\\x1b[2J"), table.out.constData());
    QVERIFY2(table.out.contains("\\u202eevil\\u009b1m"), table.out.constData());

    const test::CliRun json = cli(workspace, {u"history"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--json"_s});
    QCOMPARE(json.exitCode, 0);
    QVERIFY2(hiddenControlIn(json.out).isEmpty(), qPrintable(hiddenControlIn(json.out)));
    QJsonParseError error;
    const QJsonArray entries = QJsonDocument::fromJson(json.out, &error).array();
    QCOMPARE(error.error, QJsonParseError::NoError);
    // JSON keeps the exact values, escaped.
    QCOMPARE(entries.first().toObject()[u"author"_s].toString(), hostileName);
    QCOMPARE(entries.first().toObject()[u"summary"_s].toString(), hostileSummary);
}

void TestCliTerminal::refusalShowsControlsFromGitAsEscapes()
{
    const QString workspace = demo(u"refusal"_s);
    QVERIFY(!workspace.isEmpty());
    const QJsonArray before = QJsonDocument::fromJson(cli(workspace, {u"services"_s, u"shop"_s, u"--json"_s}).out).array();
    QString seen;
    for (const QJsonValue &value : before) {
        if (value[u"service"_s].toString() == u"orders" && value[u"environment"_s].toString() == u"uat")
            seen = value[u"gaTag"_s].toString();
    }
    QVERIFY(!seen.isEmpty());
    QVERIFY(commitHostileRelease(m_dir.filePath(u"refusal/repos/argocd-gitops-shop.git"_s)));

    const test::CliRun run = cli(workspace, {u"release"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--tag"_s, u"7.0.0"_s,
                                    u"--stage"_s, u"ga"_s, u"--expect"_s, seen, u"--no-sync"_s});
    QVERIFY2(run.exitCode == 3, run.err.constData());
    QVERIFY2(run.err.contains("Mallory \\x1b]0;owned"), run.err.constData());
    QVERIFY2(hiddenControlIn(run.out).isEmpty(), qPrintable(hiddenControlIn(run.out)));
    QVERIFY2(hiddenControlIn(run.err).isEmpty(), qPrintable(hiddenControlIn(run.err)));
}

QTEST_GUILESS_MAIN(TestCliTerminal)
#include "tst_cliterminal.moc"
