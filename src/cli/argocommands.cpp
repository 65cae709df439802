// SPDX-License-Identifier: GPL-3.0-or-later
// The Argo CD commands of gitops-desk-cli: status and sync.
#include "cli/cliapp.h"

#include "cli/cliargo.h"
#include "git/repocache.h"
#include "net/appmatch.h"
#include "util/names.h"
#include "workspace/appdirs.h"
#include "workspace/catalog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace gd::cli {
namespace {

// The translatable sentences of this file, in the "gd::cli::CliApp" context (lupdate reads the macro).
struct ArgoCommandsText {
    Q_DECLARE_TR_FUNCTIONS(gd::cli::CliApp)
};

} // namespace

int CliApp::status(const Invocation &invocation)
{
    if (invocation.words.size() > 2)
        return usage(ArgoCommandsText::tr("status takes at most one project."));
    const QString only = invocation.words.value(1);
    auto loaded = loadCatalog(invocation, only);
    if (!loaded.ok())
        return fail(loaded.error());
    const ws::CatalogSnapshot *catalog = &loaded->catalog;

    CliArgo argo(loaded->config);
    if (auto connected = argo.connect(); !connected.ok())
        return fail(connected.error());
    auto apps = argo.list();
    if (!apps.ok())
        return fail(apps.error());

    argo::AppMatcher matcher;
    for (const ws::ProjectInfo &project : catalog->projects)
        matcher.addRepository(project.name, project.repoUrl);
    QHash<QString, const argo::Application *> workloads;   // "project/service/env" → app
    QStringList unmatched;
    for (const argo::Application &app : apps->items) {
        const std::optional<argo::AppMatch> match = matcher.match(app);
        if (!match)
            unmatched.append(app.name);
        else if (match->kind == argo::AppMatch::Kind::Workload)
            workloads.insert(match->project + u'/' + match->service + u'/' + match->environment, &app);
    }

    QJsonArray json;
    QList<QStringList> rows{{ArgoCommandsText::tr("PROJECT"), ArgoCommandsText::tr("SERVICE"),
                             ArgoCommandsText::tr("ENV"), ArgoCommandsText::tr("APPLICATION"),
                             ArgoCommandsText::tr("SYNC"), ArgoCommandsText::tr("HEALTH"),
                             ArgoCommandsText::tr("OPERATION"), ArgoCommandsText::tr("REVISION"),
                             ArgoCommandsText::tr("GA TAG"), ArgoCommandsText::tr("CANARY TAG")}};
    for (const ws::ProjectInfo &project : catalog->projects) {
        if (!only.isEmpty() && project.name != only)
            continue;
        for (const ws::ServiceInfo &service : project.services) {
            for (const ws::EnvironmentState &env : service.environments) {
                const argo::Application *app =
                    workloads.value(project.name + u'/' + service.name + u'/' + env.environment);
                const QString name = app ? app->name : QString();
                const QString sync = app ? app->syncStatus : QString();
                const QString health = app ? app->healthStatus : QString();
                const QString phase = app ? app->operationPhase : QString();
                const QString revision = app ? app->syncRevision : QString();
                json.append(QJsonObject{{u"project"_s, project.name},
                                        {u"service"_s, service.name},
                                        {u"environment"_s, env.environment},
                                        {u"application"_s, jsonOrNull(name)},
                                        {u"sync"_s, jsonOrNull(sync)},
                                        {u"health"_s, jsonOrNull(health)},
                                        {u"operationPhase"_s, jsonOrNull(phase)},
                                        {u"syncedRevision"_s, jsonOrNull(revision)},
                                        {u"gaTag"_s, jsonOrNull(env.gaTag)},
                                        {u"canaryTag"_s, jsonOrNull(env.canaryTag)},
                                        {u"problem"_s, jsonOrNull(env.problem.isEmpty() ? project.problem
                                                                                        : env.problem)}});
                const auto dash = [](const QString &text) { return text.isEmpty() ? u"-"_s : text; };
                rows.append({project.name, service.name, env.environment, dash(name), dash(sync), dash(health),
                             dash(phase), dash(revision.left(8)), dash(env.gaTag), dash(env.canaryTag)});
            }
        }
    }
    if (invocation.json)
        m_out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    else
        m_out << formatTable(rows);
    if (!unmatched.isEmpty() && !invocation.json) {
        m_err << ArgoCommandsText::tr("Applications of other repos or paths: %1").arg(unmatched.join(u", "_s))
              << '\n';
    }
    m_out.flush();
    return reportProjectProblems(*catalog, only);
}

int CliApp::sync(const Invocation &invocation)
{
    if (invocation.words.size() != 4)
        return usage(ArgoCommandsText::tr("sync needs PROJECT SERVICE ENV."));
    const QString project = invocation.words[1];
    const QString service = invocation.words[2];
    const QString env = invocation.words[3];
    for (const auto &[name, kind] : {std::pair{project, NameKind::Project}, std::pair{service, NameKind::Service},
                                     std::pair{env, NameKind::Environment}}) {
        if (auto checked = checkDnsLabel(name, kind); !checked.ok())
            return usage(checked.error().message);
    }
    auto config = loadWorkspace(invocation);
    if (!config.ok())
        return fail(config.error());
    auto provider = repoProvider(*config);
    if (!provider.ok())
        return fail(provider.error());
    git::RepoCache cache(ws::repoCacheDir());
    ws::Catalog::Options options;
    options.fetch = false;   // only the repo URLs are needed to match Applications
    auto catalog = ws::Catalog::load(*config, **provider, cache, options);
    if (!catalog.ok())
        return fail(catalog.error());
    const ws::ProjectInfo *info = catalog->project(project);
    if (info == nullptr)
        return fail(makeError(Error::Code::NotFound,
                              ArgoCommandsText::tr("There is no project \"%1\" in this workspace.").arg(project)));

    CliArgo argo(*config);
    if (auto client = argo.connect(); !client.ok())
        return fail(client.error());
    auto appName = argo.workloadApplication(info->name, info->repoUrl, service, env);
    if (!appName.ok())
        return fail(appName.error());
    return argo.syncAndFollow(*appName, invocation.wait, m_out, m_err) == CliArgo::SyncOutcome::Done ? Success
                                                                                                   : Failure;
}

} // namespace gd::cli
