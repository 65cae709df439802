// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: release history of one service/env in a 20,000-commit deployment repo (100 services × 2 envs, one
// tag bump per commit), against `git log --format=%H main -- <path>` on the same repository.
// Targets (DESIGN.md §5): ≤ 0.5 × git log; cached reopen ≤ 20 ms. Figures for the packed repository as a clone
// leaves it, then with a commit-graph file (written by git::updateCommitGraph; git log reads it too), and for the
// release timeline through ws::ReleaseHistoryCache (first, reopened, reopened from its file, one commit later).

#include "git/history.h"
#include "support/scratchrepo.h"
#include "workspace/releasehistory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kServices = 100;

QString envPath(int service, int env)
{
    return u"appsmanifests/svc-%1/%2"_s.arg(service).arg(env == 0 ? u"uat"_s : u"prod"_s);
}

QByteArray kustomization(int tag)
{
    return "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base\n"
           "images:\n  - name: registry.example.com/app\n    newTag: \"1.0." + QByteArray::number(tag) + "\"\n";
}

/// The message GitOps Desk writes for a GA release (workspace/release.h, DESIGN.md §2.6).
QString releaseMessage(int service, int env, int tag, int previousTag)
{
    const QString name = u"svc-%1"_s.arg(service);
    const QString environment = env == 0 ? u"uat"_s : u"prod"_s;
    return u"Release %1 1.0.%2 to %3\n\nRelease-Service: %1\nRelease-Environment: %3\nRelease-Stage: ga\n"
           "Release-Image: registry.example.com/app:1.0.%2\nRelease-Previous-Image: registry.example.com/app:1.0.%4\n"_s
        .arg(name)
        .arg(tag)
        .arg(environment)
        .arg(previousTag);
}

/// The tag the history built below leaves in `service`/`env`: the last commit number that bumped it (0: never).
int lastTag(int service, int env, int commits)
{
    for (int i = commits - 1; i > 0; --i) {
        if (i % kServices == service && (i / kServices) % 2 == env)
            return i;
    }
    return 0;
}

double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

constexpr int kRounds = 7;

struct Figures {
    double git = 0;          ///< median git log of the pathHistory paths
    double path = 0;         ///< median pathHistory
    double pathMin = 0;
    double gitRelease = 0;   ///< median git log of the releaseHistory paths
    double release = 0;      ///< median releaseHistory
    double releaseMin = 0;
    double gitCpu = 0;       ///< the same medians in CPU time
    double pathCpu = 0;
    double gitReleaseCpu = 0;
    double releaseCpu = 0;
    bool agrees = true;
    qsizetype count = 0;
};

/// CPU time of this thread, in ms: steadier than wall time on a machine shared with other work.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

/// CPU time (user + system) of the child processes reaped so far, in ms.
double childrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

/// Runs `git log` and returns its commits, its wall time and its CPU time.
QList<gd::git::ObjectId> gitLog(const QString &repoPath, const QString &path, double *ms, double *cpuMs)
{
    const double cpuBefore = childrenCpuMs();
    QElapsedTimer timer;
    timer.start();
    QProcess git;
    git.setWorkingDirectory(repoPath);
    git.start(u"git"_s, {u"log"_s, u"--format=%H"_s, u"main"_s, u"--"_s, path});
    git.waitForFinished(120000);
    *ms = msSince(timer);
    *cpuMs = childrenCpuMs() - cpuBefore;
    QList<gd::git::ObjectId> ids;
    for (const QByteArray &line : git.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            ids.append(gd::git::ObjectId::fromHex(QString::fromLatin1(line)));
    }
    return ids;
}

/// Interleaved rounds on a machine shared with other work: each round runs git log and then our first call on a
/// freshly opened repository for the same, not yet cached path: pathHistory of svc-N/uat and releaseHistory of
/// svc-N/prod, N = firstService, firstService + 1, ...
Figures measure(const QString &repoPath, const gd::git::ObjectId &tip, int firstService)
{
    Figures out;
    std::vector<double> gitTimes, pathTimes, gitReleaseTimes, releaseTimes;
    std::vector<double> gitCpu, pathCpu, gitReleaseCpu, releaseCpu;
    for (int round = 0; round < kRounds; ++round) {
        const QString uat = envPath(firstService + round, 0);
        double gitMs = 0;
        double gitCpuMs = 0;
        const QList<gd::git::ObjectId> expected = gitLog(repoPath, uat, &gitMs, &gitCpuMs);
        gitTimes.push_back(gitMs);
        gitCpu.push_back(gitCpuMs);
        if (round == 0)
            out.count = expected.size();
        auto fresh = gd::git::Repository::open(repoPath);
        QElapsedTimer timer;
        timer.start();
        double cpuStart = threadCpuMs();
        auto history = gd::git::pathHistory(*fresh, tip, uat);
        pathTimes.push_back(msSince(timer));
        pathCpu.push_back(threadCpuMs() - cpuStart);
        QList<gd::git::ObjectId> ours;
        if (history) {
            for (const auto &c : *history)
                ours.append(c.id);
        }
        out.agrees = out.agrees && history && ours == expected;

        const int service = firstService + round;
        const QList<gd::git::ObjectId> expectedProd = gitLog(repoPath, envPath(service, 1), &gitMs, &gitCpuMs);
        gitReleaseTimes.push_back(gitMs);
        gitReleaseCpu.push_back(gitCpuMs);
        auto freshProd = gd::git::Repository::open(repoPath);
        timer.restart();
        cpuStart = threadCpuMs();
        auto timeline = gd::ws::releaseHistory(*freshProd, tip, u"svc-%1"_s.arg(service), u"prod"_s);
        releaseTimes.push_back(msSince(timer));
        releaseCpu.push_back(threadCpuMs() - cpuStart);
        QList<gd::git::ObjectId> timelineIds;
        if (timeline) {
            for (const auto &entry : *timeline)
                timelineIds.append(entry.commit);
        }
        out.agrees = out.agrees && timeline && timelineIds == expectedProd;
    }
    out.git = median(gitTimes);
    out.path = median(pathTimes);
    out.pathMin = *std::min_element(pathTimes.begin(), pathTimes.end());
    out.gitRelease = median(gitReleaseTimes);
    out.release = median(releaseTimes);
    out.releaseMin = *std::min_element(releaseTimes.begin(), releaseTimes.end());
    out.gitCpu = median(gitCpu);
    out.pathCpu = median(pathCpu);
    out.gitReleaseCpu = median(gitReleaseCpu);
    out.releaseCpu = median(releaseCpu);
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int commits = argc > 1 ? QByteArray(argv[1]).toInt() : 20000;

    // Optional second argument: an existing repository of the same shape (kept between runs while profiling).
    // It is built there when missing.
    const QString keepAt = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    gd::test::ScratchRepo scratch;
    const QString repoPath = keepAt.isEmpty() ? scratch.path() : keepAt;
    if (keepAt.isEmpty() || !QFileInfo::exists(keepAt)) {
        auto target = keepAt.isEmpty() ? gd::Result<gd::git::Repository>(gd::git::Repository())
                                       : gd::git::Repository::initBare(keepAt);
        if (!keepAt.isEmpty() && !target) {
            std::fprintf(stderr, "cannot create %s\n", qPrintable(keepAt));
            return 1;
        }
        gd::git::Repository &repo = keepAt.isEmpty() ? scratch.repo() : *target;
        QElapsedTimer build;
        build.start();
        {
            gd::git::FileChanges scaffold;
            for (int s = 0; s < kServices; ++s) {
                for (int e = 0; e < 2; ++e) {
                    const QString base = envPath(s, e);
                    scaffold.write(base + u"/application.yaml"_s, "kind: Application\n"_ba);
                    scaffold.write(base + u"/manifests/kustomization.yaml"_s, "resources:\n  - ga\n"_ba);
                    scaffold.write(base + u"/manifests/base/deployment.yaml"_s, "kind: Deployment\n"_ba);
                    scaffold.write(base + u"/manifests/ga/kustomization.yaml"_s, kustomization(0));
                }
            }
            scaffold.write(u"README.md"_s, "# argocd-gitops-bench\n"_ba);
            gd::git::CommitMessage message{u"Scaffold"_s, gd::test::ScratchRepo::signature(u"Bench <b@example.com>"_s),
                                           {}};
            auto tip = repo.createCommit({}, scaffold, message);
            for (int i = 1; tip && i < commits; ++i) {
                const int service = i % kServices;
                const int env = (i / kServices) % 2;
                gd::git::FileChanges bump;
                bump.write(envPath(service, env) + u"/manifests/ga/kustomization.yaml"_s, kustomization(i));
                message.text = releaseMessage(service, env, i, i > 2 * kServices ? i - 2 * kServices : 0);
                tip = repo.createCommit(*tip, bump, message);
            }
            if (!tip || !repo.setReference(u"refs/heads/main"_s, *tip)) {
                std::fprintf(stderr, "building the repository failed\n");
                return 1;
            }
        }
        std::printf("history: built %d commits in %.1f s\n", commits, msSince(build) / 1000.0);
        // Pack it, as a clone would be: both git log and libgit2 then read from a pack.
        QElapsedTimer repack;
        repack.start();
        if (!gd::test::runGit({u"repack"_s, u"-a"_s, u"-d"_s, u"-q"_s}, repoPath, 30 * 60 * 1000)
            || !gd::test::runGit({u"prune-packed"_s}, repoPath)) {
            std::fprintf(stderr, "git repack failed\n");
            return 1;
        }
        std::printf("history: git repack -a -d took %.1f s\n", msSince(repack) / 1000.0);
    }

    auto opened = gd::git::Repository::open(repoPath);
    if (!opened) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(repoPath));
        return 1;
    }
    const gd::git::ObjectId tip = *opened->resolve(u"refs/heads/main"_s);

    // The repository as a fresh clone leaves it: packed, no commit-graph file (a kept repository may have one from
    // an earlier run). The same rounds run again once the file is written.
    QFile::remove(repoPath + u"/objects/info/commit-graph"_s);

    const Figures plain = measure(repoPath, tip, 7);
    if (!plain.agrees) {
        std::fprintf(stderr, "history: the walk disagrees with git log\n");
        return 1;
    }
    QElapsedTimer graphTimer;
    graphTimer.start();
    auto wrote = gd::git::updateCommitGraph(*opened);
    const double graphMs = msSince(graphTimer);
    if (!wrote || !*wrote) {
        std::fprintf(stderr, "history: updateCommitGraph failed\n");
        return 1;
    }
    const Figures withGraph = measure(repoPath, tip, 30);
    const QString path = envPath(7, 0);
    QList<gd::git::ObjectId> expected;
    {
        auto reference = gd::git::pathHistory(*opened, tip, path);
        for (const auto &c : *reference)
            expected.append(c.id);
    }

    auto reopened = gd::git::Repository::open(repoPath);
    QElapsedTimer cachedTimer;
    cachedTimer.start();
    auto cached = gd::git::pathHistory(*reopened, tip, path);
    const double cachedMs = msSince(cachedTimer);

    // One more release on top: only the new commit is walked.
    gd::git::FileChanges bump;
    bump.write(path + u"/manifests/ga/kustomization.yaml"_s, kustomization(commits + 1));
    auto newTip = reopened->createCommit(tip, bump, {u"Release svc-7 again"_s,
                                                     gd::test::ScratchRepo::signature(u"Bench <b@example.com>"_s),
                                                     {}});
    QElapsedTimer incrementalTimer;
    incrementalTimer.start();
    auto incremental = gd::git::pathHistory(*reopened, *newTip, path);
    const double incrementalMs = msSince(incrementalTimer);

    // The release timeline through the cache the GUI and the CLI use: computed, reopened from memory, reopened by
    // a new process from the stored file, and brought up to date after a new release commit.
    QTemporaryDir store;
    gd::ws::ReleaseHistoryCache timelines(store.path());
    const QString timelineService = u"svc-60"_s;
    const QString timelinePath = envPath(60, 0);
    auto timelineRepo = gd::git::Repository::open(repoPath);
    QElapsedTimer timelineTimer;
    timelineTimer.start();
    auto timeline = timelines.history(*timelineRepo, tip, timelineService, u"uat"_s);
    const double timelineMs = msSince(timelineTimer);
    timelineTimer.restart();
    auto timelineAgain = timelines.history(*timelineRepo, tip, timelineService, u"uat"_s);
    const double timelineAgainMs = msSince(timelineTimer);
    gd::ws::ReleaseHistoryCache restarted(store.path());
    auto restartedRepo = gd::git::Repository::open(repoPath);
    timelineTimer.restart();
    auto timelineStored = restarted.history(*restartedRepo, tip, timelineService, u"uat"_s);
    const double timelineStoredMs = msSince(timelineTimer);
    gd::git::FileChanges timelineBump;
    timelineBump.write(timelinePath + u"/manifests/ga/kustomization.yaml"_s, kustomization(commits + 2));
    auto timelineTip = timelineRepo->createCommit(
        tip, timelineBump,
        {releaseMessage(60, 0, commits + 2, lastTag(60, 0, commits)),
         gd::test::ScratchRepo::signature(u"Bench <b@example.com>"_s), {}});
    timelineTimer.restart();
    auto timelineNewer = timelines.history(*timelineRepo, *timelineTip, timelineService, u"uat"_s);
    const double timelineNewerMs = msSince(timelineTimer);
    const bool timelineAgrees = timeline && timelineAgain && timelineStored && timelineNewer
                                && timelineAgain->size() == timeline->size()
                                && timelineStored->size() == timeline->size()
                                && timelineNewer->size() == timeline->size() + 1
                                && timelineNewer->front().toTag == u"1.0.%1"_s.arg(commits + 2);

    QStringList allPaths;
    for (int s = 0; s < kServices; ++s) {
        allPaths.append(envPath(s, 0));
        allPaths.append(envPath(s, 1));
    }
    auto freshAll = gd::git::Repository::open(repoPath);
    QElapsedTimer allTimer;
    allTimer.start();
    auto all = gd::git::pathsHistory(*freshAll, tip, allPaths);
    const double allMs = msSince(allTimer);
    bool allAgree = false;
    if (all) {
        const std::vector<gd::git::ObjectId> one = all->value(path);
        allAgree = QList<gd::git::ObjectId>(one.begin(), one.end()) == expected;
    }

    for (const auto &[label, f] : {std::pair{"packed, no commit-graph", plain}, std::pair{"with commit-graph", withGraph}}) {
        std::printf("history [%s]: git log --format=%%H main -- <path>: median %.1f ms over %d paths "
                    "(%lld commits for the first)\n",
                    label, f.git, kRounds, static_cast<long long>(f.count));
        std::printf("history [%s]: pathHistory first call on a fresh handle: median %.1f ms (min %.1f), same commits "
                    "as git log: %s, ratio %.2f (target <= 0.50: %s)\n",
                    label, f.path, f.pathMin, f.agrees ? "yes" : "NO", f.path / f.git,
                    f.path <= 0.5 * f.git ? "met" : "MISSED");
        std::printf("history [%s]: releaseHistory (timeline with trailers and images diff) of svc-N/prod: median "
                    "%.1f ms (min %.1f) vs git log of the same paths %.1f ms: ratio %.2f (target <= 0.50: %s)\n",
                    label, f.release, f.releaseMin, f.gitRelease, f.release / f.gitRelease,
                    f.release <= 0.5 * f.gitRelease ? "met" : "MISSED");
        std::printf("history [%s]: in CPU time (medians): git log %.1f ms, pathHistory %.1f ms (ratio %.2f); "
                    "git log %.1f ms, releaseHistory %.1f ms (ratio %.2f)\n",
                    label, f.gitCpu, f.pathCpu, f.pathCpu / f.gitCpu, f.gitReleaseCpu, f.releaseCpu,
                    f.releaseCpu / f.gitReleaseCpu);
    }
    std::printf("history: updateCommitGraph for %d commits: %.1f ms\n", commits, graphMs);
    std::printf("history: pathHistory cached second call: %.2f ms (target <= 20 ms: %s), %zu commits\n", cachedMs,
                cachedMs <= 20.0 ? "met" : "MISSED", cached ? cached->size() : size_t(0));
    std::printf("history: pathHistory after one more commit (incremental): %.2f ms, %zu commits\n", incrementalMs,
                incremental ? incremental->size() : size_t(0));
    std::printf("history: ReleaseHistoryCache svc-60/uat: first %.1f ms (%zu entries), reopen %.3f ms (target <= 20 "
                "ms: %s), reopen from the stored file in a new cache %.2f ms, after a new release commit %.2f ms "
                "(%zu entries), consistent: %s\n",
                timelineMs, timeline ? timeline->size() : size_t(0), timelineAgainMs,
                timelineAgainMs <= 20.0 ? "met" : "MISSED", timelineStoredMs, timelineNewerMs,
                timelineNewer ? timelineNewer->size() : size_t(0), timelineAgrees ? "yes" : "NO");
    std::printf("history: pathsHistory of all %lld service/env paths in one pass (with commit-graph): %.1f ms, "
                "agrees: %s\n",
                static_cast<long long>(allPaths.size()), allMs, allAgree ? "yes" : "NO");
    const bool agrees = plain.agrees && withGraph.agrees && timelineAgrees;
    return agrees && allAgree ? 0 : 1;
}
