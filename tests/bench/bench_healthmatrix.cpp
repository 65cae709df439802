// SPDX-License-Identifier: GPL-3.0-or-later
// bench_healthmatrix: the live health matrix with 2,000 Applications (10 projects × 100 services × 2 environments).
// Prints: parsing the List response (JSON shaped like fixtures/argocd), applying it to the model, one watch event
// until the viewport finished painting that cell (offscreen), and the RSS with the whole matrix shown.
// Targets (issue 3): apply ≤ 150 ms, one event ≤ 5 ms, RSS ≤ 150 MB.
#include "net/argoapplication.h"
#include "ui/models/healthmatrixmodel.h"
#include "ui/views/healthmatrixpage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPaintEvent>
#include <QTableView>

#include <algorithm>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

constexpr int Projects = 10;
constexpr int Services = 100;
const char *const Environments[] = {"uat", "prod"};

QString repoOf(int project)
{
    return u"https://gitlab.example.com/ops/argocd-gitops-p%1.git"_s.arg(project);
}

/// One Application as the List endpoint returns it (metadata, spec, status with history, resources, summary).
QJsonObject applicationJson(int project, int service, const QString &env, const QString &health, int revision)
{
    const QString name = u"p%1-svc-%2-%3"_s.arg(project).arg(service).arg(env);
    const QString sha = u"%1"_s.arg(revision, 40, 16, QChar(u'0'));
    QJsonArray history;
    for (int i = 0; i < 10; ++i)
        history.append(QJsonObject{{u"id"_s, i + 1},
                                   {u"revision"_s, u"%1"_s.arg(revision - i, 40, 16, QChar(u'0'))},
                                   {u"deployedAt"_s, u"2026-08-20T10:%1:00Z"_s.arg(i, 2, 10, QChar(u'0'))},
                                   {u"deployStartedAt"_s, u"2026-08-20T10:%1:00Z"_s.arg(i, 2, 10, QChar(u'0'))},
                                   {u"source"_s, QJsonObject{{u"repoURL"_s, repoOf(project)}}}});
    QJsonArray resources;
    for (const char *kind : {"Service", "Deployment"})
        resources.append(QJsonObject{{u"kind"_s, QString::fromLatin1(kind)},
                                     {u"name"_s, u"svc-%1"_s.arg(service)},
                                     {u"namespace"_s, u"p%1-%2"_s.arg(project).arg(env)},
                                     {u"version"_s, u"v1"_s},
                                     {u"status"_s, u"Synced"_s},
                                     {u"health"_s, QJsonObject{{u"status"_s, health}}}});
    return QJsonObject{
        {u"metadata"_s, QJsonObject{{u"name"_s, name},
                                    {u"namespace"_s, u"argocd"_s},
                                    {u"resourceVersion"_s, QString::number(1000 + revision)},
                                    {u"labels"_s, QJsonObject{{u"gitops-desk/project"_s, u"p%1"_s.arg(project)}}}}},
        {u"spec"_s,
         QJsonObject{{u"project"_s, u"default"_s},
                     {u"source"_s, QJsonObject{{u"repoURL"_s, repoOf(project)},
                                               {u"path"_s, u"appsmanifests/svc-%1/%2/manifests"_s.arg(service).arg(env)},
                                               {u"targetRevision"_s, u"main"_s}}},
                     {u"destination"_s, QJsonObject{{u"server"_s, u"https://kubernetes.default.svc"_s},
                                                    {u"namespace"_s, u"p%1-%2"_s.arg(project).arg(env)}}},
                     {u"syncPolicy"_s, QJsonObject{{u"automated"_s, QJsonObject{{u"prune"_s, true},
                                                                               {u"selfHeal"_s, true}}}}}}},
        {u"status"_s,
         QJsonObject{{u"sync"_s, QJsonObject{{u"status"_s, u"Synced"_s}, {u"revision"_s, sha}}},
                     {u"health"_s, QJsonObject{{u"status"_s, health}}},
                     {u"reconciledAt"_s, u"2026-08-20T10:11:00Z"_s},
                     {u"operationState"_s,
                      QJsonObject{{u"phase"_s, u"Succeeded"_s},
                                  {u"message"_s, u"successfully synced (all tasks run)"_s},
                                  {u"startedAt"_s, u"2026-08-20T10:10:00Z"_s},
                                  {u"finishedAt"_s, u"2026-08-20T10:10:05Z"_s},
                                  {u"syncResult"_s, QJsonObject{{u"revision"_s, sha}}}}},
                     {u"history"_s, history},
                     {u"resources"_s, resources},
                     {u"summary"_s, QJsonObject{{u"images"_s, QJsonArray{u"registry.example.com/p%1/svc-%2:1.%3.0"_s
                                                                             .arg(project).arg(service).arg(revision % 50)}}}}}},
    };
}

long rssKiB()
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

/// Notes when the viewport has handled a paint event covering `target`.
class PaintWatcher : public QObject {
public:
    QRect target;
    bool painted = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && static_cast<QPaintEvent *>(event)->rect().intersects(target))
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    ws::WorkspaceConfig config;
    ws::CatalogSnapshot catalog;
    for (const char *env : Environments) {
        ws::EnvironmentConfig e;
        e.name = QString::fromLatin1(env);
        config.environments.push_back(e);
    }
    QJsonArray items;
    int revision = 1;
    for (int p = 0; p < Projects; ++p) {
        ws::ProjectInfo project;
        project.name = u"p%1"_s.arg(p);
        project.repoUrl = repoOf(p);
        for (int s = 0; s < Services; ++s) {
            ws::ServiceInfo service;
            service.name = u"svc-%1"_s.arg(s);
            for (const char *env : Environments) {
                ws::EnvironmentState state;
                state.environment = QString::fromLatin1(env);
                state.gaTag = u"1.%1.0"_s.arg(s % 50);
                state.path = u"appsmanifests/svc-%1/%2"_s.arg(s).arg(state.environment);
                service.environments.push_back(state);
                items.append(applicationJson(p, s, state.environment, (s % 37 == 0) ? u"Degraded"_s : u"Healthy"_s,
                                             ++revision));
            }
            project.services.push_back(service);
        }
        catalog.projects.push_back(project);
    }
    const QByteArray json = QJsonDocument(QJsonObject{{u"metadata"_s, QJsonObject{{u"resourceVersion"_s, u"5000"_s}}},
                                                      {u"items"_s, items}})
                                .toJson(QJsonDocument::Compact);

    QElapsedTimer timer;
    timer.start();
    auto list = argo::parseApplicationList(json);
    const double parseMs = double(timer.nsecsElapsed()) / 1e6;
    if (!list) {
        std::fprintf(stderr, "parse failed: %s\n", qPrintable(list.error().message));
        return 1;
    }

    ui::HealthMatrixPage page;
    page.resize(1280, 800);
    page.setCatalog(catalog, config);
    timer.restart();
    page.model()->applyList(*list);
    const double applyMs = double(timer.nsecsElapsed()) / 1e6;
    // A second list (a re-list after a reconnection) replaces everything again.
    timer.restart();
    page.model()->applyList(*list);
    const double reapplyMs = double(timer.nsecsElapsed()) / 1e6;

    page.show();
    QElapsedTimer shown;
    shown.start();
    while (!page.view()->viewport()->isVisible() || shown.elapsed() < 200)
        QCoreApplication::processEvents();

    // One watch event for a visible cell: model → dataChanged → the viewport repaints that cell.
    PaintWatcher watcher;
    page.view()->viewport()->installEventFilter(&watcher);
    double eventMs[20];
    for (int i = 0; i < 20; ++i) {
        argo::WatchEvent event;
        event.type = argo::WatchEvent::Type::Modified;
        event.application = list->items[size_t(2 * (i % 5) + 1)];
        event.application.healthStatus = (i % 2) ? u"Healthy"_s : u"Progressing"_s;
        event.application.operationPhase = u"Succeeded"_s;
        const QModelIndex cell = page.filter()->mapFromSource(
            page.model()->indexOf(u"p0"_s, u"svc-%1"_s.arg(i % 5), u"prod"_s));
        watcher.target = page.view()->visualRect(cell);
        watcher.painted = false;
        timer.restart();
        page.model()->applyEvent(event);
        while (!watcher.painted)
            QCoreApplication::processEvents();
        eventMs[i] = double(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(std::begin(eventMs), std::end(eventMs));

    std::printf("bench_healthmatrix: %zu applications, %d rows x %d environments\n", list->items.size(),
                page.model()->rowCount(), page.model()->columnCount());
    std::printf("  parse List JSON (%.1f MB):        %8.1f ms\n", double(json.size()) / 1e6, parseMs);
    std::printf("  apply list to model:            %8.1f ms   (target 150 ms)\n", applyMs);
    std::printf("  apply list again (re-list):     %8.1f ms\n", reapplyMs);
    std::printf("  one event -> cell repainted:    %8.2f ms median, %.2f ms max of 20   (target 5 ms)\n",
                eventMs[10], eventMs[19]);
    std::printf("  RSS with the matrix shown:      %8.1f MB   (target 150 MB)\n", double(rssKiB()) / 1024.0);
    return 0;
}
