// SPDX-License-Identifier: GPL-3.0-or-later
// 40 `gitops-desk-cli release` processes at once over smart HTTP (`git http-backend` behind a fake GitLab on
// 127.0.0.1), each with a cache and data folder of its own, as 40 machines would: 34 release different services,
// and two rounds of 3 release the same service (one round with --expect, one without). Every different-service
// release lands exactly once; of each round one wins and the others are refused with exit 3 and the "Nothing was
// pushed" sentence, or land only on top of the tag they saw; the history stays linear, fsck clean, and every landed
// release is its own commit with its trailers.
#include "git/repository.h"
#include "support/gitlaborigin.h"
#include "support/serviceenvfiles.h"
#include "workspace/release.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

const QString kGroup = u"ops"_s;
const QString kPrefix = u"argocd-gitops-"_s;
const QString kToken = u"glpat-fault-suite-token"_s;
constexpr int kDifferent = 34;      // services released once each
constexpr int kCompetitors = 3;     // processes per contested round
const QString kFreeRound = u"svc-34"_s;     // competitors without --expect
const QString kExpectRound = u"svc-35"_s;   // competitors with --expect 1.0.0

QString serviceName(int i)
{
    return u"svc-%1"_s.arg(i, 2, 10, QLatin1Char('0'));
}

struct Writer {
    QString service;
    QString tag;
    bool expect = false;
    std::unique_ptr<QProcess> process;
    qint64 finishedMs = -1;
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestConcurrentWriters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fortyReleasesOverSmartHttp();

private:
    QString tagAt(const git::Repository &repo, const git::ObjectId &commit, const QString &service) const;

    QTemporaryDir m_dir;
    std::unique_ptr<test::GitLabSite> m_site;
    QString m_workspace;
    QString m_bare;
};

QString TestConcurrentWriters::tagAt(const git::Repository &repo, const git::ObjectId &commit,
                                     const QString &service) const
{
    auto text = repo.readFile(commit, ws::stageKustomizationPath(service, u"uat"_s, ws::ReleaseStage::Ga));
    if (!text.ok())
        return {};
    static const QRegularExpression newTag(u"^\\s+newTag:\\s*\"?([^\"\\s]+)\"?\\s*$"_s,
                                           QRegularExpression::MultilineOption);
    return newTag.match(QString::fromUtf8(*text)).captured(1);
}

void TestConcurrentWriters::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(m_dir.filePath(u"home/.config"_s)));
    m_site = std::make_unique<test::GitLabSite>();
    QString error;
    QVERIFY2(m_site->start(m_dir.filePath(u"served"_s), kToken, &error), qPrintable(error));
    m_site->api().addGroup(kGroup);
    m_site->api().addProject(kGroup, kPrefix + u"shop"_s);
    m_bare = m_site->barePath(kGroup + u'/' + kPrefix + u"shop"_s);
    m_workspace = m_dir.filePath(u"workspace.yaml"_s);
    QVERIFY2(m_site->writeWorkspace(m_workspace, kGroup, kPrefix, &error), qPrintable(error));

    // 36 services in uat, each on 1.0.0 with no canary.
    auto repo = git::Repository::open(m_bare);
    QVERIFY2(repo.ok(), qPrintable(repo.ok() ? QString() : repo.error().fullText()));
    git::FileChanges files;
    for (int i = 0; i < kDifferent + 2; ++i) {
        test::ServiceEnvFiles{serviceName(i), u"uat"_s, u"registry.example.com/shop/"_s + serviceName(i), u"1.0.0"_s,
                              {}}
            .addTo(files);
    }
    const git::Signature who{u"Li Wei"_s, u"li.wei@example.com"_s, QDateTime::currentDateTimeUtc()};
    auto commit = repo->createCommit(git::ObjectId(), files, git::CommitMessage{u"36 services"_s, who, who});
    QVERIFY2(commit.ok(), qPrintable(commit.ok() ? QString() : commit.error().fullText()));
    QVERIFY(repo->setReference(u"refs/heads/main"_s, *commit).ok());
}

void TestConcurrentWriters::fortyReleasesOverSmartHttp()
{
    auto repo = git::Repository::open(m_bare);
    QVERIFY(repo.ok());
    const git::ObjectId before = *repo->resolve(u"refs/heads/main"_s);

    std::vector<Writer> writers;
    for (int i = 0; i < kDifferent; ++i)
        writers.push_back(Writer{serviceName(i), u"2.0.%1"_s.arg(i), false, nullptr, -1, -1, {}, {}});
    for (int i = 1; i <= kCompetitors; ++i) {
        writers.push_back(Writer{kFreeRound, u"9.0.%1"_s.arg(i), false, nullptr, -1, -1, {}, {}});
        writers.push_back(Writer{kExpectRound, u"9.1.%1"_s.arg(i), true, nullptr, -1, -1, {}, {}});
    }
    QCOMPARE(int(writers.size()), 40);

    QElapsedTimer timer;
    timer.start();
    for (size_t i = 0; i < writers.size(); ++i) {
        Writer &w = writers[i];
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GITOPS_DESK_CACHE_DIR"_s, m_dir.filePath(u"cache-%1"_s.arg(i)));
        env.insert(u"GITOPS_DESK_DATA_DIR"_s, m_dir.filePath(u"data-%1"_s.arg(i)));
        env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/.config"_s));
        env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
        env.insert(u"GIT_TERMINAL_PROMPT"_s, u"0"_s);
        env.insert(u"GITLAB_TOKEN"_s, kToken);
        env.remove(u"ARGOCD_SERVER"_s);
        env.remove(u"ARGOCD_AUTH_TOKEN"_s);
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        QStringList arguments{u"--workspace"_s, m_workspace, u"release"_s, u"shop"_s, w.service, u"uat"_s,
                              u"--tag"_s, w.tag, u"--no-sync"_s};
        if (w.expect)
            arguments << u"--expect"_s << u"1.0.0"_s;
        w.process = std::make_unique<QProcess>();
        w.process->setProcessEnvironment(env);
        QProcess *process = w.process.get();
        connect(process, &QProcess::finished, this, [&w, &timer, process](int code, QProcess::ExitStatus status) {
            w.finishedMs = timer.elapsed();
            w.exitCode = status == QProcess::NormalExit ? code : -1;
            w.out = QString::fromUtf8(process->readAllStandardOutput());
            w.err = QString::fromUtf8(process->readAllStandardError());
        });
        w.process->start(qEnvironmentVariable("GD_CLI"), arguments);
    }
    // The fake GitLab answers in this thread's event loop: wait by running it, with a deadline.
    const auto allFinished = [&writers] {
        for (const Writer &w : writers) {
            if (w.finishedMs < 0)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(), 170000);
    const qint64 wall = timer.elapsed();

    // Different services: each landed, once.
    qint64 slowest = 0;
    int retries = 0;
    for (const Writer &w : writers) {
        slowest = qMax(slowest, w.finishedMs);
        retries += int(w.out.count(u"applying the change again"_s));
        if (w.service == kFreeRound || w.service == kExpectRound)
            continue;
        QVERIFY2(w.exitCode == 0, qPrintable(w.service + u": "_s + w.out + w.err));
    }
    // Contested rounds: refusals say so; with --expect exactly one wins.
    QHash<QString, int> winners;
    for (const Writer &w : writers) {
        if (w.service != kFreeRound && w.service != kExpectRound)
            continue;
        if (w.exitCode == 0) {
            ++winners[w.service];
            continue;
        }
        QVERIFY2(w.exitCode == 3, qPrintable(w.service + u' ' + w.tag + u": "_s + w.out + w.err));
        // "… changed the GA tag of svc-34 in uat from 1.0.0 to 9.0.2 … after you saw 1.0.0. Nothing was pushed …"
        QVERIFY2(w.err.contains(u"Nothing was pushed"_s)
                     && (w.err.contains(u"after you saw "_s) || w.err.contains(u" as you saw"_s)),
                 qPrintable(w.err));
    }
    QCOMPARE(winners.value(kExpectRound), 1);
    QVERIFY(winners.value(kFreeRound) >= 1);

    // The history: linear, one commit per landed release, each with its trailers and on top of the tag it saw.
    const git::ObjectId after = *repo->resolve(u"refs/heads/main"_s);
    QHash<QString, QStringList> landed;   // service -> tags, newest first
    int commits = 0;
    for (git::ObjectId at = after; at != before;) {
        auto info = repo->commitInfo(at);
        QVERIFY(info.ok());
        QCOMPARE(info->parents.size(), 1);
        const auto trailers = ws::ReleaseTrailers::fromMessage(info->message);
        QVERIFY2(trailers.has_value(), qPrintable(info->message));
        QCOMPARE(trailers->kind, ws::ReleaseKind::Release);
        QCOMPARE(tagAt(*repo, at, trailers->service), trailers->tag());
        // Never over a tag it did not see: the previous tag it names is the one its parent has.
        QCOMPARE(trailers->previousTag(), tagAt(*repo, info->parents.first(), trailers->service));
        landed[trailers->service].append(trailers->tag());
        ++commits;
        QVERIFY(commits <= 40);
        at = info->parents.first();
    }
    for (const Writer &w : writers) {
        const int times = int(landed.value(w.service).count(w.tag));
        QCOMPARE(times, w.exitCode == 0 ? 1 : 0);
        if (w.exitCode == 0)
            QVERIFY2(w.out.contains(u"Pushed commit "_s), qPrintable(w.out));
    }
    QCOMPARE(commits, kDifferent + winners.value(kFreeRound) + winners.value(kExpectRound));

    QProcess fsck;
    fsck.setWorkingDirectory(m_bare);
    fsck.start(u"git"_s, {u"fsck"_s, u"--strict"_s, u"--full"_s, u"--no-dangling"_s, u"--no-progress"_s});
    QVERIFY(fsck.waitForFinished(60000));
    const QString fsckOutput = QString::fromUtf8(fsck.readAllStandardOutput() + fsck.readAllStandardError());
    QVERIFY2(fsck.exitCode() == 0 && fsckOutput.trimmed().isEmpty(), qPrintable(fsckOutput));

    qInfo("40 concurrent releases over smart HTTP: %lld ms wall, slowest %lld ms, %d retries, %d commits landed "
          "(%d different services, %d of %d without --expect, %d of %d with --expect)",
          wall, slowest, retries, commits, kDifferent, winners.value(kFreeRound), kCompetitors,
          winners.value(kExpectRound), kCompetitors);
}

QTEST_GUILESS_MAIN(TestConcurrentWriters)
#include "tst_concurrentwriters.moc"
