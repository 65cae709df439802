// SPDX-License-Identifier: GPL-3.0-or-later
// Prints how long the editor's live diagnostics take after a keystroke in a ~2,000-line multi-document
// Deployment/Service file (checkManifest, which runs checkYaml and the schema checks), against the 30 ms target,
// and how long one kustomize build of a real overlay takes. Figures, not a timed test; measure a Release build.
#include "manifest/kustomizerunner.h"
#include "manifest/manifestcheck.h"
#include "manifest/yamlcheck.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace gd::manifest;

namespace {

constexpr int targetLines = 2000;
constexpr int runs = 50;
constexpr double targetMs = 30.0;

QByteArray readData(const QString &relative)
{
    QFile f(qEnvironmentVariable("GD_SOURCE_DIR", QCoreApplication::applicationDirPath() + u"/../.."_s)
            + u"/tests/data/kustomize/"_s + relative);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString dataDir(const QString &relative)
{
    return qEnvironmentVariable("GD_SOURCE_DIR", QCoreApplication::applicationDirPath() + u"/../.."_s)
           + u"/tests/data/kustomize/"_s + relative;
}

// The real konflux-kite Deployment and Service, repeated under distinct names until the file has ~2,000 lines.
QByteArray manifestOfAboutTwoThousandLines(const QByteArray &deployment, const QByteArray &service)
{
    QByteArray out;
    for (int i = 0; out.count('\n') < targetLines; ++i) {
        QByteArray pair = deployment + "---\n" + service;
        const QByteArray name = "konflux-kite-" + QByteArray::number(i);
        pair.replace("konflux-kite", name);
        if (!out.isEmpty())
            out += "---\n";
        out += pair;
    }
    return out;
}

struct Figures {
    double median = 0;
    double p95 = 0;
};

Figures figures(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, size_t(q * double(ms.size() - 1) + 0.5))]; };
    return {at(0.5), at(0.95)};
}

template<typename F>
Figures timeKeystrokes(QByteArray text, qsizetype position, F &&check)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        text[position] = char('1' + i % 9);   // the keystroke: one character of `replicas:` changes
        QElapsedTimer timer;
        timer.start();
        check(text);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return figures(std::move(ms));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray deployment = readData(u"konflux-kite/base/deployment.yaml"_s);
    const QByteArray service = readData(u"konflux-kite/base/service.yaml"_s);
    if (deployment.isEmpty() || service.isEmpty()) {
        std::fprintf(stderr, "cannot read tests/data/kustomize/konflux-kite/base (set GD_SOURCE_DIR)\n");
        return 1;
    }
    const QByteArray text = manifestOfAboutTwoThousandLines(deployment, service);
    const qsizetype middle = text.indexOf("replicas: ", text.size() / 2) + qsizetype(qstrlen("replicas: "));
    const PathProbe noPaths;

    const Diagnostics baseline = checkManifest(text, ManifestRole::Resource, noPaths);
    if (hasErrors(baseline)) {
        std::fprintf(stderr, "the generated manifest should be valid: %s\n", qPrintable(baseline.front().message));
        return 1;
    }
    const Figures yaml = timeKeystrokes(text, middle, [](const QByteArray &t) { (void)checkYaml(t); });
    const Figures total = timeKeystrokes(text, middle, [&](const QByteArray &t) {
        (void)checkManifest(t, ManifestRole::Resource, noPaths);
    });

    std::printf("Live diagnostics after a keystroke, %lld lines / %lld bytes of Deployments and Services, %d runs:\n",
                static_cast<long long>(text.count('\n')), static_cast<long long>(text.size()), runs);
    std::printf("  checkYaml alone:                           median %6.2f ms, p95 %6.2f ms\n", yaml.median,
                yaml.p95);
    std::printf("  checkManifest (checkYaml + schema checks): median %6.2f ms, p95 %6.2f ms  (target <= %.0f ms: %s)\n",
                total.median, total.p95, targetMs, total.p95 <= targetMs ? "met" : "MISSED");

    const QString overlay = dataDir(u"konflux-kite/development"_s);
    const KustomizeRunner runner;
    const auto command = runner.command();
    if (!command.ok()) {
        std::printf("kustomize build: not measured (%s)\n", qPrintable(command.error().message));
        return 0;
    }
    QElapsedTimer timer;
    timer.start();
    const auto built = runner.build(overlay);
    const double buildMs = double(timer.nsecsElapsed()) / 1e6;
    if (!built.ok()) {
        std::fprintf(stderr, "kustomize build failed: %s\n", qPrintable(built.error().fullText()));
        return 1;
    }
    std::printf("`%s` of tests/data/kustomize/konflux-kite/development (%lld bytes out): %.0f ms (one run)\n",
                qPrintable(command->join(u' ')),
                static_cast<long long>(built->size()), buildMs);
    return 0;
}
