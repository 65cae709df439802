// SPDX-License-Identifier: GPL-3.0-or-later
// Prints how long the manifest layer's hot paths take: the text-preserving image edit, the YAML check, and the
// unified diff of two rendered-manifest-sized texts. Figures, not a timed test.
#include "manifest/imagetagedit.h"
#include "manifest/kustomization.h"
#include "manifest/textdiff.h"
#include "manifest/yamlcheck.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

template<typename F>
double microsPerRun(int runs, F &&f)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < runs; ++i)
        f(i);
    return double(timer.nsecsElapsed()) / 1000.0 / runs;
}

QByteArray renderedLike(int deployments, int bumpEvery)
{
    QByteArray out;
    for (int i = 0; i < deployments; ++i) {
        out += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-" + QByteArray::number(i)
            + "\n  namespace: uat\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n      - name: app\n"
              "        image: registry.example.com/team/svc-"
            + QByteArray::number(i) + ':' + (bumpEvery > 0 && i % bumpEvery == 0 ? "v2" : "v1")
            + "\n        ports:\n        - containerPort: 8080\n";
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString path = qEnvironmentVariable("GD_SOURCE_DIR", QCoreApplication::applicationDirPath() + u"/../.."_s)
        + u"/tests/data/kustomize/konflux-kite/development/kustomization.yaml"_s;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return 1;
    }
    const QByteArray text = f.readAll();
    const auto k = gd::manifest::Kustomization::parse(text);
    if (!k || k->images().empty())
        return 1;
    gd::manifest::ImageEdit edit;
    edit.name = k->images().front().name;

    const double editUs = microsPerRun(2000, [&](int i) {
        edit.newTag = u"v"_s + QString::number(i);
        (void)gd::manifest::applyImageEdit(text, edit);
    });
    const double checkUs = microsPerRun(2000, [&](int) { (void)gd::manifest::checkYaml(text); });
    const double parseUs = microsPerRun(2000, [&](int) { (void)gd::manifest::Kustomization::parse(text); });

    const QByteArray before = renderedLike(500, 0);
    const QByteArray few = renderedLike(500, 100);
    const QByteArray many = renderedLike(500, 2);
    const double diffFewUs = microsPerRun(20, [&](int) {
        (void)gd::manifest::unifiedDiff(before, few, u"a"_s, u"b"_s);
    });
    const double diffManyUs = microsPerRun(20, [&](int) {
        (void)gd::manifest::unifiedDiff(before, many, u"a"_s, u"b"_s);
    });

    std::printf("applyImageEdit (%lld-byte kustomization, edit + re-parse check): %.1f us\n",
                static_cast<long long>(text.size()), editUs);
    std::printf("checkYaml (same file): %.1f us\n", checkUs);
    std::printf("Kustomization::parse (same file): %.1f us\n", parseUs);
    std::printf("unifiedDiff, %lld lines, 5 changed lines: %.2f ms\n",
                static_cast<long long>(before.count('\n')), diffFewUs / 1000.0);
    std::printf("unifiedDiff, %lld lines, 250 changed lines: %.2f ms\n",
                static_cast<long long>(before.count('\n')), diffManyUs / 1000.0);
    return 0;
}
