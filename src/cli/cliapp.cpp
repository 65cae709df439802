// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cliapp.h"

#include "cli/cliargo.h"
#include "git/repocache.h"
#include "manifest/kustomizerunner.h"
#include "net/blockingcall.h"
#include "net/credentialstore.h"
#include "util/names.h"
#include "util/terminaltext.h"
#include "workspace/appdirs.h"
#include "workspace/catalog.h"
#include "workspace/demoworkspace.h"
#include "workspace/overlaycheck.h"
#include "workspace/projectrepo.h"
#include "workspace/renderscope.h"
#include "workspace/repoprovider.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace gd::cli {
namespace {

// The translatable sentences of this file, in the "gd::cli::CliApp" context (lupdate reads the macro).
struct CliText {
    Q_DECLARE_TR_FUNCTIONS(gd::cli::CliApp)
};

} // namespace

QJsonValue jsonOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString formatTable(const QList<QStringList> &sourceRows)
{
    // A cell is one line: a line break or tab from Git (an author name) would tear the table.
    QList<QStringList> rows;
    for (const QStringList &row : sourceRows) {
        QStringList cells;
        for (const QString &cell : row)
            cells.append(visibleText(cell, TextLines::Single));
        rows.append(cells);
    }
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        text += line.trimmed() + u'\n';
    }
    return text;
}

namespace {

const char *helpText = R"(Usage: gitops-desk-cli [--workspace FILE] COMMAND [ARGS] [--json]

Commands:
  projects [--json]                 list the DevOps projects of the workspace
  services [PROJECT] [--json]       list services per environment: stage, GA tag, canary tag
  render PROJECT SERVICE ENV        print the environment's overlay built at the branch tip
  validate PROJECT SERVICE ENV      check YAML, kustomizations and the kustomize build at the branch tip
  validate PATH                     the same for a service environment folder on disk
  workdir PROJECT                   print the folder of the project's working copy (cloned when missing):
                                    edit manifests there, then diff and commit
  diff PROJECT SERVICE ENV          the working copy's changes to the environment: file diffs, then the
                                    rendered manifests that change (kustomize build) against the branch tip
  commit PROJECT SERVICE ENV -m MESSAGE
                                    validate the working copy's changes and commit + push them (exit 1
                                    and nothing committed when invalid or the remote changed the same file)
  status [PROJECT] [--json]         Argo CD sync status and health per service and environment
  sync PROJECT SERVICE ENV [--wait] refresh and sync the environment's Application; --wait follows it
                                    until it is healthy (exit 0) or failed/Degraded (exit 1)
  release PROJECT SERVICE ENV --tag TAG [--stage canary|ga] [--expect TAG] [--no-sync] [--wait]
                                    set the image tag of a stage (default: canary when the environment
                                    has a canary stage, else ga), commit and push it, then sync; refused
                                    (exit 3) when the stage's tag is no longer --expect (default: the tag
                                    at the branch tip when the command started)
  promote PROJECT SERVICE ENV [--no-sync] [--wait]
                                    give GA the image the canary runs, push, sync
  abort PROJECT SERVICE ENV [--no-sync] [--wait]
                                    revert the unfinished canary release, push, sync
  rollback PROJECT SERVICE ENV (--commit SHA | --last) [--no-sync] [--wait]
                                    revert a release commit (--last: the newest release), push, sync
  release, promote, abort and rollback build the overlay as it would land first: exit 1 when the change
  breaks it; exit 3 when it did not build before either and the change does not touch what is wrong,
  unless --allow-broken is given
  history PROJECT SERVICE ENV [--json]
                                    the release timeline, newest first: when, who, what, from → to tag
  scaffold PROJECT SERVICE --lang L --env E [--env E2 ...] --image REPO [--stage canary|ga]
           [--port N] [--replicas N | --hpa] [--set KEY=VALUE ...] [--yes] [--no-sync] [--wait]
                                    a new service from the templates: creates the project's repo when
                                    missing, renders and validates every environment and shows the files;
                                    with --yes commits + pushes them and upserts both Argo CD Applications
                                    of each environment (--wait follows the workload until healthy).
                                    --set keys: tag, canaryTag, namespace, cluster, selfHeal, branch,
                                    argocdProject, argocdNamespace, devopsNamespace, sourceRepo
  demo init DIR [--projects N] [--services M] [--force]
                                    create a demo workspace of local bare repos in DIR

The workspace is --workspace FILE, else $GITOPS_DESK_WORKSPACE, else ./workspace.yaml.
Exit codes: 0 success, 1 failure, 2 usage error, 3 refused: the tag changed in Git since it was read,
or a revert conflicts with later changes (nothing was pushed), 4 pushed but Argo CD did not sync it
(`gitops-desk-cli sync PROJECT SERVICE ENV` finishes it).
)";

} // namespace

CliApp::CliApp() : m_out(&m_outDevice), m_err(&m_errDevice) {}

int CliApp::run(const QStringList &arguments)
{
    auto invocation = parse(arguments);
    if (!invocation.ok())
        return usage(invocation.error().message);
    if (invocation->help || invocation->words.isEmpty()) {
        printHelp();
        return invocation->help ? Success : Usage;
    }
    const QString command = invocation->words.first();
    if (command == u"projects")
        return projects(*invocation);
    if (command == u"services")
        return services(*invocation);
    if (command == u"render")
        return render(*invocation);
    if (command == u"validate")
        return validate(*invocation);
    if (command == u"demo")
        return demo(*invocation);
    if (command == u"status")
        return status(*invocation);
    if (command == u"sync")
        return sync(*invocation);
    if (command == u"workdir")
        return workdir(*invocation);
    if (command == u"diff")
        return diff(*invocation);
    if (command == u"commit")
        return commit(*invocation);
    if (command == u"release")
        return release(*invocation);
    if (command == u"promote")
        return promote(*invocation);
    if (command == u"abort")
        return abortCanary(*invocation);
    if (command == u"rollback")
        return rollback(*invocation);
    if (command == u"history")
        return history(*invocation);
    if (command == u"scaffold")
        return scaffold(*invocation);
    return usage(CliText::tr("Unknown command \"%1\".").arg(command));
}

Result<Invocation> CliApp::parse(const QStringList &arguments) const
{
    Invocation invocation;
    const auto number = [](const QString &text, const QString &option) -> Result<int> {
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok || value < 1 || value > 1000)
            return makeError(Error::Code::InvalidInput, CliText::tr("%1 takes a whole number from 1 to 1000.").arg(option));
        return value;
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString arg = arguments[i];
        QString inlineValue;
        if (arg.startsWith(u"--"_s) && arg.contains(u'=')) {
            inlineValue = arg.section(u'=', 1);
            arg = arg.section(u'=', 0, 0);
        }
        const auto value = [&]() -> Result<QString> {
            if (!inlineValue.isEmpty())
                return inlineValue;
            if (i + 1 >= arguments.size())
                return makeError(Error::Code::InvalidInput, CliText::tr("%1 needs a value.").arg(arg));
            return arguments[++i];
        };
        if (arg == u"--workspace" || arg == u"-w") {
            auto v = value();
            if (!v.ok())
                return v.error();
            invocation.workspacePath = *v;
        } else if (arg == u"--message" || arg == u"-m") {
            auto v = value();
            if (!v.ok())
                return v.error();
            invocation.message = *v;
        } else if (arg == u"--tag" || arg == u"--stage" || arg == u"--commit") {
            auto v = value();
            if (!v.ok())
                return v.error();
            (arg == u"--tag" ? invocation.tag : arg == u"--stage" ? invocation.stage : invocation.commit) = *v;
        } else if (arg == u"--expect") {
            auto v = value();
            if (!v.ok())
                return v.error();
            invocation.expect = *v;
        } else if (arg == u"--lang" || arg == u"--image" || arg == u"--port" || arg == u"--replicas") {
            auto v = value();
            if (!v.ok())
                return v.error();
            (arg == u"--lang"    ? invocation.language
             : arg == u"--image" ? invocation.image
             : arg == u"--port"  ? invocation.port
                                 : invocation.replicas) = *v;
        } else if (arg == u"--env" || arg == u"--set") {
            auto v = value();
            if (!v.ok())
                return v.error();
            (arg == u"--env" ? invocation.envs : invocation.sets).append(*v);
        } else if (arg == u"--hpa") {
            invocation.hpa = true;
        } else if (arg == u"--yes") {
            invocation.yes = true;
        } else if (arg == u"--no-sync") {
            invocation.noSync = true;
        } else if (arg == u"--allow-broken") {
            invocation.allowBroken = true;
        } else if (arg == u"--last") {
            invocation.last = true;
        } else if (arg == u"--projects" || arg == u"--services") {
            auto v = value();
            if (!v.ok())
                return v.error();
            auto n = number(*v, arg);
            if (!n.ok())
                return n.error();
            (arg == u"--projects" ? invocation.projects : invocation.services) = *n;
        } else if (arg == u"--json") {
            invocation.json = true;
        } else if (arg == u"--wait") {
            invocation.wait = true;
        } else if (arg == u"--force") {
            invocation.force = true;
        } else if (arg == u"--help" || arg == u"-h") {
            invocation.help = true;
        } else if (arg.startsWith(u'-') && arg.size() > 1) {
            return makeError(Error::Code::InvalidInput, CliText::tr("Unknown option \"%1\".").arg(arg));
        } else {
            invocation.words.append(arg);
        }
    }
    return invocation;
}

Result<ws::WorkspaceConfig> CliApp::loadWorkspace(const Invocation &invocation) const
{
    QString path = invocation.workspacePath;
    if (path.isEmpty())
        path = qEnvironmentVariable("GITOPS_DESK_WORKSPACE");
    if (path.isEmpty())
        path = QDir::current().absoluteFilePath(u"workspace.yaml"_s);
    return ws::WorkspaceConfig::load(path);
}

Result<flows::SharedRepoProvider> CliApp::repoProvider(const ws::WorkspaceConfig &config) const
{
    // Without a keychain GITLAB_TOKEN is the only source.
    std::unique_ptr<net::CredentialStore> store;
    if (keychainReachable())
        store = std::make_unique<net::CredentialStore>();
    return net::waitForAnswer<flows::SharedRepoProvider>([&config, &store](QObject *context, auto done) {
        flows::openRepoProvider(config, store.get(), context, std::move(done));
    });
}

Result<CliApp::LoadedCatalog> CliApp::loadCatalog(const Invocation &invocation, const QString &onlyProject) const
{
    auto config = loadWorkspace(invocation);
    if (!config.ok())
        return config.error();
    auto provider = repoProvider(*config);
    if (!provider.ok())
        return provider.error();
    git::RepoCache cache(ws::repoCacheDir());
    auto catalog = ws::Catalog::load(*config, **provider, cache, ws::Catalog::Options{});
    if (!catalog.ok())
        return catalog.error();
    if (!onlyProject.isEmpty() && catalog->project(onlyProject) == nullptr)
        return makeError(Error::Code::NotFound,
                         CliText::tr("There is no project \"%1\" in this workspace.").arg(onlyProject));
    return LoadedCatalog{std::move(*config), std::move(*catalog)};
}

int CliApp::reportProjectProblems(const ws::CatalogSnapshot &catalog, const QString &onlyProject)
{
    int listed = 0;
    int unreadable = 0;
    for (const ws::ProjectInfo &project : catalog.projects) {
        if (!onlyProject.isEmpty() && project.name != onlyProject)
            continue;
        ++listed;
        if (project.unreadable())
            ++unreadable;
        if (!project.problem.isEmpty())
            m_err << CliText::tr("%1: %2").arg(project.name, project.problem) << '\n';
    }
    if (listed > 0 && unreadable == listed) {
        m_err << CliText::tr("Nothing could be read: no project of the workspace has a deployment repository that "
                             "could be fetched or a cached copy of it.")
              << '\n';
        return Failure;
    }
    return Success;
}

namespace {

/// What a row of `project` says in its "cachedAt" field: when the cached copy shown was last fetched; null when the
/// data is fresh or the age is unknown.
QJsonValue cachedAtJson(const ws::ProjectInfo &project)
{
    if (!project.fromCache || !project.cachedAt.isValid())
        return QJsonValue();
    return project.cachedAt.toUTC().toString(Qt::ISODate);
}

/// The problem a row of one service environment states: its own, else its project's (a cached copy).
QString rowProblem(const ws::ProjectInfo &project, const ws::EnvironmentState &env)
{
    return env.problem.isEmpty() ? project.problem : env.problem;
}

} // namespace

int CliApp::projects(const Invocation &invocation)
{
    if (invocation.words.size() != 1)
        return usage(CliText::tr("projects takes no arguments."));
    auto loaded = loadCatalog(invocation, {});
    if (!loaded.ok())
        return fail(loaded.error());
    const ws::CatalogSnapshot *catalog = &loaded->catalog;

    if (invocation.json) {
        QJsonArray list;
        for (const ws::ProjectInfo &project : catalog->projects) {
            list.append(QJsonObject{{u"name"_s, project.name},
                                    {u"repoUrl"_s, project.repoUrl},
                                    {u"services"_s, int(project.services.size())},
                                    {u"tip"_s, project.tip.isNull() ? QJsonValue() : QJsonValue(project.tip.toHex())},
                                    {u"problem"_s, jsonOrNull(project.problem)},
                                    {u"cachedAt"_s, cachedAtJson(project)}});
        }
        m_out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    } else {
        QList<QStringList> rows{{CliText::tr("PROJECT"), CliText::tr("SERVICES"), CliText::tr("REPOSITORY")}};
        for (const ws::ProjectInfo &project : catalog->projects)
            rows.append({project.name, QString::number(project.services.size()), project.repoUrl});
        m_out << formatTable(rows);
    }
    m_out.flush();
    return reportProjectProblems(*catalog, {});
}

int CliApp::services(const Invocation &invocation)
{
    if (invocation.words.size() > 2)
        return usage(CliText::tr("services takes at most one project."));
    const QString only = invocation.words.value(1);
    auto loaded = loadCatalog(invocation, only);
    if (!loaded.ok())
        return fail(loaded.error());
    const ws::CatalogSnapshot &catalog = loaded->catalog;

    QJsonArray list;
    QList<QStringList> rows{{CliText::tr("PROJECT"), CliText::tr("SERVICE"), CliText::tr("ENV"), CliText::tr("STAGE"), CliText::tr("GA TAG"), CliText::tr("CANARY TAG")}};
    for (const ws::ProjectInfo &project : catalog.projects) {
        if (!only.isEmpty() && project.name != only)
            continue;
        for (const ws::ServiceInfo &service : project.services) {
            for (const ws::EnvironmentState &env : service.environments) {
                const QString stage = env.canaryStage ? u"canary"_s : u"ga"_s;
                list.append(QJsonObject{{u"project"_s, project.name},
                                        {u"service"_s, service.name},
                                        {u"environment"_s, env.environment},
                                        {u"stage"_s, stage},
                                        {u"image"_s, jsonOrNull(env.image)},
                                        {u"gaTag"_s, jsonOrNull(env.gaTag)},
                                        {u"canaryTag"_s, jsonOrNull(env.canaryTag)},
                                        {u"problem"_s, jsonOrNull(rowProblem(project, env))},
                                        {u"cachedAt"_s, cachedAtJson(project)}});
                rows.append({project.name, service.name, env.environment, stage, env.gaTag,
                             env.canaryTag.isEmpty() ? u"-"_s : env.canaryTag});
            }
        }
    }
    if (invocation.json)
        m_out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    else
        m_out << formatTable(rows);
    m_out.flush();
    return reportProjectProblems(catalog, only);
}

Result<ServiceEnvArgs> serviceEnvArgs(const QStringList &words)
{
    if (words.size() != 4)
        return makeError(Error::Code::InvalidInput, CliText::tr("%1 needs PROJECT SERVICE ENV.").arg(words.value(0)));
    ServiceEnvArgs args{words[1], words[2], words[3]};
    if (auto r = checkDnsLabel(args.project, NameKind::Project); !r.ok())
        return r.error();
    if (auto r = checkDnsLabel(args.service, NameKind::Service); !r.ok())
        return r.error();
    if (auto r = checkDnsLabel(args.env, NameKind::Environment); !r.ok())
        return r.error();
    return args;
}

Result<ws::OpenedProject> openForReading(const ws::WorkspaceConfig &config, const ws::RepoProvider &provider,
                                         git::RepoCache &cache, const QString &project,
                                         const ws::LockWaitNotice &waiting)
{
    auto projects = provider.listProjects();
    if (!projects.ok())
        return projects.error();
    if (!projects->contains(project))
        return makeError(Error::Code::NotFound, CliText::tr("There is no project \"%1\" in this workspace.").arg(project));
    auto opened = ws::openProject(config, cache, provider, project, true, nullptr, waiting);
    if (!opened.ok())
        return opened.error();
    if (opened->tip.isNull())
        return makeError(Error::Code::NotFound,
                         CliText::tr("The deployment repo of project \"%1\" has no branch %2 yet.").arg(project, config.branch));
    return opened;
}

int CliApp::onServiceEnv(const Invocation &invocation, const ServiceEnvCommand &command)
{
    auto args = serviceEnvArgs(invocation.words);
    if (!args.ok())
        return usage(args.error().message);
    auto config = loadWorkspace(invocation);
    if (!config.ok())
        return fail(config.error());
    m_kustomize = ws::kustomizeRunnerFor(*config);
    auto provider = repoProvider(*config);
    if (!provider.ok())
        return fail(provider.error());
    git::RepoCache cache(ws::repoCacheDir());
    auto opened = openForReading(*config, **provider, cache, args->project,
                                 [this](const QString &sentence) { m_err << sentence << Qt::endl; });
    if (!opened.ok())
        return fail(opened.error());
    return command(args->service, args->env, *opened);
}

int CliApp::render(const Invocation &invocation)
{
    return onServiceEnv(invocation, [this](const QString &service, const QString &env, ws::OpenedProject &project) {
        auto rendered = ws::renderServiceEnv(project.repo, project.tip, service, env, m_kustomize);
        if (!rendered.ok())
            return fail(rendered.error());
        m_out.flush();
        std::fwrite(rendered->constData(), 1, size_t(rendered->size()), stdout);
        std::fflush(stdout);
        return int(Success);
    });
}

int CliApp::printReport(const QString &folder, const ws::ValidationReport &report)
{
    for (const ws::Finding &finding : report.findings) {
        const QString severity = finding.diagnostic.isError() ? CliText::tr("error") : CliText::tr("warning");
        m_out << folder << u'/' << finding.file << u':' << finding.diagnostic.line << u':'
              << finding.diagnostic.column << u": "_s << severity << u": "_s << finding.diagnostic.message << '\n';
    }
    m_out << CliText::tr("%1: %2 error(s), %3 warning(s).")
                 .arg(folder)
                 .arg(report.errorCount())
                 .arg(report.warningCount())
          << '\n';
    return int(report.hasErrors() ? Failure : Success);
}

int CliApp::validate(const Invocation &invocation)
{
    if (invocation.words.size() == 2)
        return validatePath(invocation.words[1]);
    return onServiceEnv(invocation, [this](const QString &service, const QString &env, ws::OpenedProject &project) {
        auto report = ws::validateServiceEnv(project.repo, project.tip, service, env, m_kustomize);
        if (!report.ok())
            return fail(report.error());
        return printReport(ws::ServiceEnvPaths::folder(service, env), *report);
    });
}

int CliApp::validatePath(const QString &path)
{
    // A service environment folder (with manifests/), or its manifests folder.
    QDir folder(QFileInfo(path).absoluteFilePath());
    if (!folder.exists(u"manifests/kustomization.yaml"_s) && folder.dirName() == u"manifests"
        && folder.exists(u"kustomization.yaml"_s))
        folder.cdUp();
    if (!folder.exists(u"manifests/kustomization.yaml"_s)) {
        return fail(makeError(Error::Code::NotFound,
                              CliText::tr("%1 is not a service environment folder (appsmanifests/SERVICE/ENV, with "
                                          "manifests/kustomization.yaml) nor its manifests folder.")
                                  .arg(QDir::toNativeSeparators(path))));
    }
    return printReport(QDir::toNativeSeparators(folder.path()),
                       ws::validateDirectory(folder.path(), manifest::KustomizeRunner()));
}

int CliApp::demo(const Invocation &invocation)
{
    if (invocation.words.size() != 3 || invocation.words[1] != u"init")
        return usage(CliText::tr("Use: demo init DIR [--projects N] [--services M] [--force]."));
    ws::DemoOptions options;
    options.directory = QFileInfo(invocation.words[2]).absoluteFilePath();
    options.projects = invocation.projects;
    options.services = invocation.services;
    options.force = invocation.force;
    auto created = ws::createDemoWorkspace(options);
    if (!created.ok())
        return fail(created.error());
    m_out << CliText::tr("Demo workspace created: %1").arg(QDir::toNativeSeparators(*created)) << '\n';
    return Success;
}

int CliApp::fail(const Error &error)
{
    m_err << error.message << '\n';
    if (!error.detail.isEmpty())
        m_err << error.detail << '\n';
    return Failure;
}

int CliApp::usage(const QString &problem)
{
    m_err << problem << '\n' << CliText::tr("Run gitops-desk-cli --help for the commands.") << '\n';
    return Usage;
}

void CliApp::printHelp()
{
    m_out << QString::fromUtf8(helpText);
}

} // namespace gd::cli
