// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: the New Service flow on a local workspace. Rendering one environment from the builtin templates (pure),
// the whole preview of a new service's two environments in the project's repo (fetched, rendered, every overlay
// validated and built by the real kustomize), and the commit + push of the reviewed files (the first run creates the
// repo). Prints medians and p95 over the runs (no target in
// DESIGN.md §5; the figures show where the time goes: kustomize dominates).

#include "git/repocache.h"
#include "manifest/kustomizerunner.h"
#include "template/servicescaffold.h"
#include "template/templateset.h"
#include "workspace/repoprovider.h"
#include "workspace/scaffoldrun.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

void report(const char *what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];
    const double p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    std::printf("%-58s median %8.2f ms   p95 %8.2f ms   (%zu runs)\n", what, median, p95, ms.size());
}

gd::ws::ScaffoldAnswers answersFor(int run)
{
    gd::ws::ScaffoldAnswers answers;
    answers.spec.project = u"bench"_s;
    answers.spec.service = u"svc-%1"_s.arg(run);
    answers.spec.language = u"java"_s;
    answers.spec.canaryStage = true;
    answers.spec.imageRepository = u"registry.example.com/bench/svc"_s;
    answers.environments = {u"uat"_s, u"prod"_s};
    return answers;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 10;
    const gd::tmpl::TemplateSet templates = gd::tmpl::TemplateSet::builtin();

    std::vector<double> render;
    for (int run = 0; run < runs * 10; ++run) {
        gd::ws::ScaffoldAnswers answers = answersFor(run);
        answers.spec.repoUrl = u"https://git.example.com/bench.git"_s;
        QElapsedTimer timer;
        timer.start();
        auto files = gd::tmpl::scaffoldService(templates, answers.specFor(u"uat"_s));
        render.push_back(timer.nsecsElapsed() / 1e6);
        if (!files) {
            std::fprintf(stderr, "%s\n", qPrintable(files.error().fullText()));
            return 1;
        }
    }

    QTemporaryDir dir;
    gd::ws::WorkspaceConfig config;
    config.name = u"Bench"_s;
    config.localPath = dir.filePath(u"repos"_s);
    config.environments = {{u"uat"_s}, {u"prod"_s}};
    gd::ws::LocalRepoProvider provider(config);
    gd::git::RepoCache cache(dir.filePath(u"cache"_s));
    const gd::manifest::KustomizeRunner runner;
    const gd::git::Signature author{u"Bench"_s, u"bench@example.com"_s, {}};

    std::vector<double> preview;
    std::vector<double> commit;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto prepared = gd::ws::prepareScaffold(config, cache, provider, answersFor(run), templates, runner);
        preview.push_back(timer.nsecsElapsed() / 1e6);
        if (!prepared) {
            std::fprintf(stderr, "%s\n", qPrintable(prepared.error().fullText()));
            return 1;
        }
        timer.restart();
        auto landed = gd::ws::commitScaffold(config, cache, provider, *prepared, QString(), author);
        commit.push_back(timer.nsecsElapsed() / 1e6);
        if (!landed) {
            std::fprintf(stderr, "%s\n", qPrintable(landed.error().fullText()));
            return 1;
        }
    }
    report("render one environment (java, canary + GA)", render);
    report("preview two new environments (fetch, render, kustomize checks)", preview);
    report("commit + push the reviewed files, read both Applications", commit);
    return 0;
}
