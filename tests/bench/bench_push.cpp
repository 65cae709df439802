// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: set one image tag + in-memory commit + push to a bare repository on disk, through the push loop.
// Target (DESIGN.md §5): ≤ 150 ms per release.

#include "git/pushloop.h"
#include "support/scratchrepo.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

QString gaFile(int service, const QString &env)
{
    return u"appsmanifests/svc-%1/%2/manifests/ga/kustomization.yaml"_s.arg(service).arg(env);
}

QByteArray kustomization(const QByteArray &tag)
{
    return "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base\n"
           "images:\n  - name: registry.example.com/app   # the workload\n    newTag: \"" + tag + "\"\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 50;

    // A deployment repo of realistic width: 100 services × 2 environments, a few files each.
    gd::test::ScratchRepo remote;
    QMap<QString, std::optional<QByteArray>> files;
    for (int s = 0; s < 100; ++s) {
        for (const QString &env : {u"uat"_s, u"prod"_s}) {
            files.insert(gaFile(s, env), kustomization("1.0.0"));
            files.insert(u"appsmanifests/svc-%1/%2/application.yaml"_s.arg(s).arg(env), "kind: Application\n"_ba);
            files.insert(u"appsmanifests/svc-%1/%2/manifests/base/deployment.yaml"_s.arg(s).arg(env),
                         "kind: Deployment\n"_ba);
        }
    }
    remote.commit(files, u"Scaffold"_s);

    QTemporaryDir cacheDir;
    auto cache = gd::git::Repository::initBare(cacheDir.filePath(u"cache.git"_s));
    if (!cache) {
        std::fprintf(stderr, "%s\n", qPrintable(cache.error().fullText()));
        return 1;
    }
    // Warm-up: the first fetch copies the whole repository into the cache.
    if (!gd::git::fetchBranch(*cache, remote.path(), u"main"_s, {})) {
        std::fprintf(stderr, "initial fetch failed\n");
        return 1;
    }

    static const QRegularExpression newTag(u"(newTag:\\s*)\"[^\"]*\""_s);
    std::vector<double> millis;
    for (int run = 0; run < runs; ++run) {
        const QString path = gaFile(run % 100, run % 2 ? u"prod"_s : u"uat"_s);
        const QString tag = u"2.0.%1"_s.arg(run);
        gd::git::PushPlan plan;
        plan.remoteUrl = remote.path();
        plan.message = {u"Release svc-%1 %2"_s.arg(run % 100).arg(tag),
                        gd::test::ScratchRepo::signature(u"Bench <bench@example.com>"_s), {}};
        plan.edit = [&](const gd::git::Snapshot &tip) -> gd::Result<gd::git::FileChanges> {
            auto content = tip.readFile(path);
            if (!content)
                return content.error();
            QString text = QString::fromUtf8(*content);
            text.replace(newTag, u"\\1\""_s + tag + u"\""_s);
            gd::git::FileChanges changes;
            changes.write(path, text.toUtf8());
            return changes;
        };
        QElapsedTimer timer;
        timer.start();
        auto outcome = gd::git::runPushLoop(*cache, plan);
        millis.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (!outcome) {
            std::fprintf(stderr, "run %d failed: %s\n", run, qPrintable(outcome.error().fullText()));
            return 1;
        }
    }
    std::sort(millis.begin(), millis.end());
    const double median = millis[millis.size() / 2];
    std::printf("push: median %.1f ms over %d runs (min %.1f, max %.1f) — fetch + set tag + in-memory commit + "
                "push to a local bare repo; target <= 150 ms: %s\n",
                median, runs, millis.front(), millis.back(), median <= 150.0 ? "met" : "MISSED");
    const bool lastLanded = remote.read(gaFile((runs - 1) % 100, (runs - 1) % 2 ? u"prod"_s : u"uat"_s))
                                .contains(QByteArray("2.0." + QByteArray::number(runs - 1)));
    std::printf("push: %d commits on the remote, last release present: %s\n",
                static_cast<int>(remote.firstParentChain().size()), lastLanded ? "yes" : "NO");
    return lastLanded ? 0 : 1;
}
