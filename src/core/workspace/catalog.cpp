// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/catalog.h"

#include "git/repository.h"
#include "manifest/kustomization.h"
#include "util/names.h"
#include "workspace/projectrepo.h"
#include "workspace/repoprovider.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::Catalog" context (lupdate reads the macro).
struct CatalogText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::Catalog)
};

const QString manifestsRoot = u"appsmanifests"_s;

/// Parsed kustomizations by blob id: sibling services often share byte-identical files, and a reload
/// of an unchanged repo parses nothing twice within one pass.
class KustomizationCache {
public:
    explicit KustomizationCache(const git::Repository &repo, const git::ObjectId &tip) : m_repo(repo), m_tip(tip) {}

    /// The kustomization at `path`, nullptr when the file is absent; an Error when it does not parse.
    Result<const manifest::Kustomization *> at(const QString &path)
    {
        auto id = m_repo.entryId(m_tip, path);
        if (!id.ok()) {
            if (id.error().code == Error::Code::NotFound)
                return static_cast<const manifest::Kustomization *>(nullptr);
            return id.error();
        }
        auto cached = m_parsed.constFind(*id);
        if (cached == m_parsed.constEnd()) {
            auto text = m_repo.readFile(m_tip, path);
            if (!text.ok())
                return text.error();
            auto parsed = manifest::Kustomization::parse(*text);
            if (!parsed.ok())
                return makeError(parsed.error().code, CatalogText::tr("%1 does not parse.").arg(path), parsed.error().message);
            cached = m_parsed.insert(*id, std::move(*parsed));
        }
        return &cached.value();
    }

private:
    const git::Repository &m_repo;
    git::ObjectId m_tip;
    QHash<git::ObjectId, manifest::Kustomization> m_parsed;
};

EnvironmentState readEnvironmentState(KustomizationCache &cache, const QString &service, const QString &env)
{
    EnvironmentState state;
    state.environment = env;
    state.path = manifestsRoot + u'/' + service + u'/' + env;
    const QString manifests = state.path + u"/manifests"_s;

    auto top = cache.at(manifests + u"/kustomization.yaml"_s);
    if (!top.ok()) {
        state.problem = top.error().fullText();
        return state;
    }
    if (*top == nullptr) {
        state.problem = CatalogText::tr("%1 has no manifests/kustomization.yaml.").arg(state.path);
        return state;
    }
    state.canaryStage = listsOverlay(**top, u"canary");

    auto ga = cache.at(manifests + u"/ga/kustomization.yaml"_s);
    if (!ga.ok()) {
        state.problem = ga.error().fullText();
        return state;
    }
    if (*ga == nullptr) {
        state.problem = CatalogText::tr("%1 has no GA overlay (manifests/ga/kustomization.yaml).").arg(state.path);
        return state;
    }
    if (const manifest::KustomizeImage *image = releasedImage(**ga)) {
        state.gaTag = releasedTag(*image);
        state.image = releasedRepository(*image);
    }

    // An overlay the top kustomization does not list holds a stale tag: it is not deployed.
    if (!state.canaryStage)
        return state;
    auto canary = cache.at(manifests + u"/canary/kustomization.yaml"_s);
    if (canary.ok() && *canary != nullptr) {
        if (const manifest::KustomizeImage *image = releasedImage(**canary))
            state.canaryTag = releasedTag(*image);
    } else if (!canary.ok()) {
        state.problem = canary.error().fullText();
    }
    return state;
}

int environmentRank(const WorkspaceConfig &config, const QString &env)
{
    for (std::size_t i = 0; i < config.environments.size(); ++i) {
        if (config.environments[i].name == env)
            return int(i);
    }
    return int(config.environments.size());
}

} // namespace

QDateTime lastFetched(const QString &cachePath, const QString &branch)
{
    const QDir repo(cachePath);
    for (const QString &file : QStringList{u"FETCH_HEAD"_s, u"refs/remotes/origin/"_s + branch}) {
        const QFileInfo info(repo.filePath(file));
        if (info.isFile())
            return info.lastModified();
    }
    return {};
}

QString cachedCopyText(const QDateTime &fetchedAt, const QDateTime &now)
{
    if (!fetchedAt.isValid())
        return CatalogText::tr("the cached copy (of unknown age)");
    const qint64 minutes = std::max<qint64>(0, fetchedAt.secsTo(now) / 60);
    QString age;
    if (minutes < 1)
        age = CatalogText::tr("less than a minute old");
    else if (minutes < 120)
        age = CatalogText::tr("%n minute(s) old", nullptr, int(minutes));
    else if (minutes < 48 * 60)
        age = CatalogText::tr("%n hour(s) old", nullptr, int(minutes / 60));
    else
        age = CatalogText::tr("%n day(s) old", nullptr, int(minutes / (24 * 60)));
    return CatalogText::tr("the cached copy of %1 (%2)")
        .arg(fetchedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s), age);
}

const manifest::KustomizeImage *releasedImage(const manifest::Kustomization &overlay)
{
    for (const manifest::KustomizeImage &image : overlay.images()) {
        if (!image.newTag.isEmpty() || !image.digest.isEmpty())
            return &image;
    }
    return overlay.images().empty() ? nullptr : &overlay.images().front();
}

QString releasedTag(const manifest::KustomizeImage &image)
{
    return image.newTag.isEmpty() ? image.digest : image.newTag;
}

QString releasedRepository(const manifest::KustomizeImage &image)
{
    return image.newName.isEmpty() ? image.name : image.newName;
}

bool listsOverlay(const manifest::Kustomization &top, QStringView overlay)
{
    for (QString resource : top.resources()) {
        while (resource.startsWith(u"./"_s))
            resource.remove(0, 2);
        while (resource.endsWith(u'/'))
            resource.chop(1);
        if (resource == overlay)
            return true;
    }
    return false;
}

const ProjectInfo *CatalogSnapshot::project(const QString &name) const
{
    for (const ProjectInfo &p : projects) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

const ServiceInfo *CatalogSnapshot::service(const QString &projectName, const QString &serviceName) const
{
    const ProjectInfo *p = project(projectName);
    if (p == nullptr)
        return nullptr;
    for (const ServiceInfo &s : p->services) {
        if (s.name == serviceName)
            return &s;
    }
    return nullptr;
}

const EnvironmentState *CatalogSnapshot::environment(const QString &projectName, const QString &serviceName,
                                                     const QString &env) const
{
    const ServiceInfo *s = service(projectName, serviceName);
    if (s == nullptr)
        return nullptr;
    for (const EnvironmentState &e : s->environments) {
        if (e.environment == env)
            return &e;
    }
    return nullptr;
}

int CatalogSnapshot::serviceEnvironmentCount() const
{
    int count = 0;
    for (const ProjectInfo &p : projects) {
        for (const ServiceInfo &s : p.services)
            count += int(s.environments.size());
    }
    return count;
}

ProjectInfo Catalog::readProject(const QString &name, const git::Repository &repo, const git::ObjectId &tip,
                                 const WorkspaceConfig &config)
{
    ProjectInfo project;
    project.name = name;
    project.tip = tip;
    if (tip.isNull())
        return project;   // an empty repository: no services yet

    auto services = repo.listDirectory(tip, manifestsRoot);
    if (!services.ok()) {
        if (services.error().code != Error::Code::NotFound)
            project.problem = services.error().fullText();
        return project;
    }
    KustomizationCache cache(repo, tip);
    for (const git::TreeEntry &serviceEntry : *services) {
        if (!serviceEntry.isDirectory || !isDnsLabel(serviceEntry.name))
            continue;
        ServiceInfo service;
        service.name = serviceEntry.name;
        auto envs = repo.listDirectory(tip, manifestsRoot + u'/' + service.name);
        if (!envs.ok())
            continue;
        for (const git::TreeEntry &envEntry : *envs) {
            if (envEntry.isDirectory && isDnsLabel(envEntry.name))
                service.environments.push_back(readEnvironmentState(cache, service.name, envEntry.name));
        }
        std::stable_sort(service.environments.begin(), service.environments.end(),
                         [&](const EnvironmentState &a, const EnvironmentState &b) {
                             const int ra = environmentRank(config, a.environment);
                             const int rb = environmentRank(config, b.environment);
                             return ra != rb ? ra < rb : a.environment < b.environment;
                         });
        project.services.push_back(std::move(service));
    }
    return project;
}

EnvironmentState Catalog::readEnvironment(const git::Repository &repo, const git::ObjectId &tip,
                                          const QString &service, const QString &env)
{
    if (!isDnsLabel(service) || !isDnsLabel(env)) {
        EnvironmentState invalid;
        invalid.environment = env;
        invalid.problem = CatalogText::tr("\"%1\" in \"%2\" is not a valid service environment name.").arg(service, env);
        return invalid;
    }
    KustomizationCache cache(repo, tip);
    return readEnvironmentState(cache, service, env);
}

Result<CatalogSnapshot> Catalog::load(const WorkspaceConfig &config, git::RepoCache &cache, const Options &options)
{
    if (config.provider != WorkspaceConfig::ProviderType::Local) {
        return makeError(Error::Code::InvalidInput,
                         CatalogText::tr("A GitLab workspace needs its signed-in provider to be read."));
    }
    const LocalRepoProvider provider(config);
    return load(config, provider, cache, options);
}

Result<CatalogSnapshot> Catalog::load(const WorkspaceConfig &config, const RepoProvider &provider,
                                      git::RepoCache &cache, const Options &options)
{
    auto names = provider.listProjects();
    if (!names.ok())
        return names.error();

    CatalogSnapshot snapshot;
    for (const QString &name : *names) {
        if (options.cancelled != nullptr && options.cancelled->load())
            return makeError(Error::Code::Cancelled, CatalogText::tr("Loading the workspace was cancelled."));
        auto opened = openProject(config, cache, provider, name, options.fetch, options.cancelled);
        if (!opened.ok()) {
            if (opened.error().code == Error::Code::Cancelled)
                return opened.error();
            ProjectInfo failed;
            failed.name = name;
            failed.repoUrl = provider.repoUrl(name);
            failed.problem = opened.error().fullText();
            snapshot.projects.push_back(std::move(failed));
            continue;
        }
        ProjectInfo project = readProject(name, opened->repo, opened->tip, config);
        project.repoUrl = opened->url;
        if (!opened->fetchProblem.isEmpty() && !project.tip.isNull()) {
            project.fromCache = true;
            project.cachedAt = lastFetched(cache.cachePathFor(opened->url), config.branch);
            const QString stale = CatalogText::tr("The deployment repository could not be fetched; this is %1. %2")
                                      .arg(cachedCopyText(project.cachedAt), opened->fetchProblem);
            project.problem = project.problem.isEmpty() ? stale : stale + u"\n"_s + project.problem;
        } else if (!opened->fetchProblem.isEmpty()) {
            project.problem = CatalogText::tr("The deployment repository could not be fetched, and there is no "
                                              "cached copy to show. %1")
                                  .arg(opened->fetchProblem);
        }
        snapshot.projects.push_back(std::move(project));
    }
    return snapshot;
}

} // namespace gd::ws
