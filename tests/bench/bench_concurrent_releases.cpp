// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: 20 threads release 20 different services into one repository at the same moment, each through the
// push loop with its own local copy. Target (DESIGN.md §5): 20 of 20 land, none lost, linear history.
// Runs against a bare repository on disk and, when `git daemon` is available, over git://.

#include "git/pushloop.h"
#include "support/gitdaemon.h"
#include "support/scratchrepo.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

QString gaFile(int service)
{
    return u"appsmanifests/svc-%1/uat/manifests/ga/kustomization.yaml"_s.arg(service);
}

QByteArray kustomization(const QByteArray &tag)
{
    return "images:\n  - name: registry.example.com/app\n    newTag: \"" + tag + "\"\n";
}

bool runScenario(const QString &label, const QString &url, gd::git::Repository &remote, int writers)
{
    std::vector<std::thread> threads;
    std::vector<QString> errors(static_cast<size_t>(writers));
    std::vector<int> attempts(static_cast<size_t>(writers), 0);
    std::vector<QTemporaryDir> cacheDirs(static_cast<size_t>(writers));
    std::atomic_int ready{0};
    std::atomic_bool go{false};
    QElapsedTimer timer;
    for (int i = 0; i < writers; ++i) {
        threads.emplace_back([&, i] {
            const size_t at = static_cast<size_t>(i);
            auto cache = gd::git::Repository::initBare(cacheDirs[at].filePath(u"cache.git"_s));
            ++ready;
            while (!go.load())
                std::this_thread::yield();
            if (!cache) {
                errors[at] = cache.error().fullText();
                return;
            }
            const QByteArray tag = "2.0." + QByteArray::number(i);
            gd::git::PushPlan plan;
            plan.remoteUrl = url;
            plan.message = {u"Release svc-%1 %2"_s.arg(i).arg(QString::fromLatin1(tag)),
                            gd::test::ScratchRepo::signature(u"Writer %1 <w%1@example.com>"_s.arg(i)), {}};
            plan.maxAttempts = 60;
            plan.baseBackoff = std::chrono::milliseconds(20);
            plan.edit = [i, tag](const gd::git::Snapshot &tip) -> gd::Result<gd::git::FileChanges> {
                auto current = tip.readFile(gaFile(i));
                if (!current || *current != kustomization("1.0.0"))
                    return gd::makeError(gd::Error::Code::Precondition, u"svc-%1 changed meanwhile"_s.arg(i));
                gd::git::FileChanges changes;
                changes.write(gaFile(i), kustomization(tag));
                return changes;
            };
            auto outcome = gd::git::runPushLoop(*cache, plan);
            if (!outcome)
                errors[at] = outcome.error().fullText();
            else
                attempts[at] = outcome->attempts;
        });
    }
    while (ready.load() < writers)
        std::this_thread::yield();
    timer.start();
    go = true;
    for (std::thread &t : threads)
        t.join();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    int landed = 0;
    int totalAttempts = 0;
    int maxAttempts = 0;
    for (int i = 0; i < writers; ++i) {
        if (errors[static_cast<size_t>(i)].isEmpty()) {
            ++landed;
            totalAttempts += attempts[static_cast<size_t>(i)];
            maxAttempts = std::max(maxAttempts, attempts[static_cast<size_t>(i)]);
        } else {
            std::printf("  writer %d failed: %s\n", i, qPrintable(errors[static_cast<size_t>(i)]));
        }
    }
    // Check what is really in Git: every release present, every commit with one parent.
    const gd::git::ObjectId tip = *remote.resolve(u"refs/heads/main"_s);
    int present = 0;
    for (int i = 0; i < writers; ++i) {
        auto content = remote.readFile(tip, gaFile(i));
        if (content && *content == kustomization("2.0." + QByteArray::number(i)))
            ++present;
    }
    bool linear = true;
    int length = 0;
    for (gd::git::ObjectId at = tip; !at.isNull();) {
        auto info = remote.commitInfo(at);
        if (!info || info->parents.size() > 1) {
            linear = false;
            break;
        }
        ++length;
        at = info->parents.isEmpty() ? gd::git::ObjectId() : info->parents.first();
    }
    const bool ok = landed == writers && present == writers && linear && length == writers + 1;
    std::printf("concurrent releases (%s): %d of %d landed, %d present in Git, history %s with %d commits, "
                "total %.2f s, attempts %d in total (max %d for one writer): %s\n",
                qPrintable(label), landed, writers, present, linear ? "linear" : "NOT linear", length, seconds,
                totalAttempts, maxAttempts, ok ? "target met" : "TARGET MISSED");
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int writers = argc > 1 ? QByteArray(argv[1]).toInt() : 20;

    auto seedFiles = [writers] {
        QMap<QString, std::optional<QByteArray>> files;
        for (int i = 0; i < writers; ++i)
            files.insert(gaFile(i), kustomization("1.0.0"));
        return files;
    };

    bool ok = true;
    {
        gd::test::ScratchRepo remote;
        remote.commit(seedFiles(), u"Scaffold"_s);
        ok = runScenario(u"bare repository on disk"_s, remote.path(), remote.repo(), writers) && ok;
    }
    {
        QTemporaryDir base;
        auto remote = gd::git::Repository::initBare(base.filePath(u"deploy.git"_s));
        gd::test::GitDaemon daemon(base.path());
        if (!remote || !daemon.isRunning()) {
            std::printf("concurrent releases (git daemon): skipped, %s\n", qPrintable(daemon.errorString()));
        } else {
            gd::git::FileChanges seed;
            seed.files = seedFiles();
            auto first = remote->createCommit({}, seed, {u"Scaffold"_s,
                                                         gd::test::ScratchRepo::signature(u"Seed <s@example.com>"_s),
                                                         {}},
                                              u"refs/heads/main"_s);
            ok = first.ok() && runScenario(u"git daemon, git://"_s, daemon.urlFor(u"deploy.git"_s), *remote, writers)
                 && ok;
        }
    }
    return ok ? 0 : 1;
}
