// SPDX-License-Identifier: GPL-3.0-or-later
// Opens a workspace of 2,000 service-environments (10 projects × 100 services × uat/prod), read from git objects,
// and prints the time. Target (DESIGN.md §5): ≤ 300 ms.
#include "git/repocache.h"
#include "git/repository.h"
#include "support/serviceenvfiles.h"
#include "workspace/catalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

constexpr int projectCount = 10;
constexpr int servicesPerProject = 100;
const QStringList environments{u"uat"_s, u"prod"_s};

bool buildRepos(const QString &reposDir)
{
    for (int p = 0; p < projectCount; ++p) {
        auto repo = git::Repository::initBare(reposDir + u"/argocd-gitops-project-%1.git"_s.arg(p));
        if (!repo.ok())
            return false;
        git::FileChanges files;
        for (int s = 0; s < servicesPerProject; ++s) {
            for (const QString &env : environments) {
                const QString service = u"svc-%1"_s.arg(s);
                test::ServiceEnvFiles{service, env, u"registry.example.com/p%1/"_s.arg(p) + service,
                                      u"1.%1.%2"_s.arg(s).arg(p), s % 3 == 0 ? u"2.0.%1"_s.arg(s) : QString()}
                    .addTo(files);
            }
        }
        auto commit = repo->createCommit({}, files, {u"scaffold"_s, {u"Bench"_s, u"bench@example.com"_s, {}}, {}},
                                         u"refs/heads/main"_s);
        if (!commit.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(commit.error().fullText()));
            return false;
        }
    }
    return true;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString repos = dir.filePath(u"repos"_s);
    QDir().mkpath(repos);
    if (!buildRepos(repos))
        return 1;
    auto config = ws::WorkspaceConfig::parse("provider: {type: local, path: repos}\n"
                                             "environments: [{name: uat}, {name: prod}]\n",
                                             dir.filePath(u"workspace.yaml"_s));
    if (!config.ok())
        return 1;

    git::RepoCache cache(dir.filePath(u"cache"_s));
    QElapsedTimer timer;
    timer.start();
    auto first = ws::Catalog::load(*config, cache);   // clones every repo into the cache, then reads it
    const double firstMs = timer.nsecsElapsed() / 1e6;
    if (!first.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(first.error().fullText()));
        return 1;
    }

    std::vector<double> fetched;
    std::vector<double> offline;
    ws::Catalog::Options noFetch;
    noFetch.fetch = false;
    for (int run = 0; run < 7; ++run) {
        timer.restart();
        auto again = ws::Catalog::load(*config, cache, noFetch);
        offline.push_back(timer.nsecsElapsed() / 1e6);
        timer.restart();
        auto withFetch = ws::Catalog::load(*config, cache);
        fetched.push_back(timer.nsecsElapsed() / 1e6);
        if (!again.ok() || !withFetch.ok() || again->serviceEnvironmentCount() != first->serviceEnvironmentCount())
            return 1;
    }
    std::printf("catalog: %d service-environments in %d projects\n", first->serviceEnvironmentCount(), projectCount);
    std::printf("catalog open from git objects (no fetch): median %.1f ms over %zu runs (target <= 300 ms)\n",
                median(offline), offline.size());
    std::printf("catalog open with a fetch of every repo:   median %.1f ms\n", median(fetched));
    std::printf("first open (clone of every repo + read):   %.1f ms\n", firstMs);
    return 0;
}
