// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: release history of one service/env in a 20,000-commit deployment repo (100 services × 2 envs, one
// tag bump per commit), against `git log --format=%H main -- <path>` on the same repository.
// Targets (DESIGN.md §5): ≤ 0.5 × git log; cached reopen ≤ 20 ms.

#include "git/history.h"
#include "support/scratchrepo.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <algorithm>
#include <cstdio>
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

double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
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
                message.text = u"Release svc-%1 1.0.%2\n\nRelease-Service: svc-%1\n"_s.arg(service).arg(i);
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

    // Interleaved rounds on a machine shared with other work: each round runs git log and then our first call on a
    // freshly opened repository for the same, not yet cached path (svc-7/uat, svc-8/uat, ...).
    constexpr int kRounds = 7;
    std::vector<double> gitTimes;
    std::vector<double> firstTimes;
    bool agrees = true;
    qsizetype expectedCount = 0;
    for (int round = 0; round < kRounds; ++round) {
        const QString roundPath = envPath(7 + round, 0);
        QElapsedTimer gitTimer;
        gitTimer.start();
        QProcess git;
        git.setWorkingDirectory(repoPath);
        git.start(u"git"_s, {u"log"_s, u"--format=%H"_s, u"main"_s, u"--"_s, roundPath});
        git.waitForFinished(120000);
        gitTimes.push_back(msSince(gitTimer));
        QList<gd::git::ObjectId> expected;
        for (const QByteArray &line : git.readAllStandardOutput().split('\n')) {
            if (!line.isEmpty())
                expected.append(gd::git::ObjectId::fromHex(QString::fromLatin1(line)));
        }
        if (round == 0)
            expectedCount = expected.size();

        auto fresh = gd::git::Repository::open(repoPath);
        QElapsedTimer timer;
        timer.start();
        auto history = gd::git::pathHistory(*fresh, tip, roundPath);
        firstTimes.push_back(msSince(timer));
        if (!history) {
            std::fprintf(stderr, "pathHistory failed: %s\n", qPrintable(history.error().fullText()));
            return 1;
        }
        QList<gd::git::ObjectId> ours;
        for (const auto &c : *history)
            ours.append(c.id);
        agrees = agrees && ours == expected;
    }
    const double gitMs = median(gitTimes);
    const double firstMedian = median(firstTimes);
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

    std::printf("history: git log --format=%%H main -- appsmanifests/svc-N/uat: median %.1f ms over %d paths "
                "(%lld commits for svc-7)\n",
                gitMs, kRounds, static_cast<long long>(expectedCount));
    std::printf("history: pathHistory first call on a fresh handle: median %.1f ms over the same %d paths "
                "(min %.1f), same commits as git log: %s\n",
                firstMedian, kRounds, *std::min_element(firstTimes.begin(), firstTimes.end()), agrees ? "yes" : "NO");
    std::printf("history: ratio pathHistory / git log = %.2f (target <= 0.50: %s)\n", firstMedian / gitMs,
                firstMedian <= 0.5 * gitMs ? "met" : "MISSED");
    std::printf("history: cached second call: %.2f ms (target <= 20 ms: %s), %zu commits\n", cachedMs,
                cachedMs <= 20.0 ? "met" : "MISSED", cached ? cached->size() : size_t(0));
    std::printf("history: after one more commit (incremental): %.2f ms, %zu commits\n", incrementalMs,
                incremental ? incremental->size() : size_t(0));
    std::printf("history: pathsHistory of all %lld service/env paths in one pass: %.1f ms, agrees: %s\n",
                static_cast<long long>(allPaths.size()), allMs, allAgree ? "yes" : "NO");
    return agrees && allAgree ? 0 : 1;
}
