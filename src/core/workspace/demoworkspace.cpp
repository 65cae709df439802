// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/demoworkspace.h"

#include "git/repository.h"
#include "manifest/imagetagedit.h"
#include "template/servicescaffold.h"
#include "template/templateset.h"
#include "workspace/release.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::DemoWorkspace" context (lupdate reads the macro).
struct DemoWorkspaceText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::DemoWorkspace)
};

const QString repoPrefix = u"argocd-gitops-"_s;
const QString templatesRepoName = u"argocd-gitops-templates.git"_s;
const QString branchRef = u"refs/heads/main"_s;
constexpr int maxProjects = 50;
constexpr int maxServices = 50;
constexpr int historyDays = 21;

const QStringList projectNames = {u"shop"_s,      u"payments"_s, u"logistics"_s, u"inventory"_s, u"identity"_s,
                                  u"marketing"_s, u"analytics"_s, u"support"_s,  u"billing"_s,   u"search"_s};

QStringList servicesOf(const QString &project)
{
    if (project == u"shop"_s)
        return {u"orders"_s, u"cart"_s, u"checkout"_s, u"catalog"_s, u"pricing"_s, u"reviews"_s, u"wishlist"_s,
                u"recommendations"_s};
    if (project == u"payments"_s)
        return {u"gateway"_s, u"ledger"_s, u"refunds"_s, u"fraud-check"_s, u"invoices"_s, u"wallet"_s,
                u"payouts"_s, u"settlement"_s};
    if (project == u"logistics"_s)
        return {u"shipping"_s, u"tracking"_s, u"warehouse"_s, u"routing"_s, u"carriers"_s, u"returns"_s,
                u"labels"_s, u"dispatch"_s};
    if (project == u"inventory"_s)
        return {u"stock"_s, u"reservations"_s, u"suppliers"_s, u"replenishment"_s, u"locations"_s, u"audits"_s};
    if (project == u"identity"_s)
        return {u"accounts"_s, u"login"_s, u"sessions"_s, u"permissions"_s, u"profiles"_s, u"mfa"_s};
    if (project == u"marketing"_s)
        return {u"campaigns"_s, u"coupons"_s, u"newsletter"_s, u"segments"_s, u"banners"_s, u"referrals"_s};
    if (project == u"analytics"_s)
        return {u"events"_s, u"reports"_s, u"dashboards"_s, u"exports"_s, u"funnels"_s, u"ingest"_s};
    if (project == u"support"_s)
        return {u"tickets"_s, u"chat"_s, u"knowledge-base"_s, u"feedback"_s, u"escalations"_s, u"sla"_s};
    if (project == u"billing"_s)
        return {u"subscriptions"_s, u"usage"_s, u"tax"_s, u"dunning"_s, u"statements"_s, u"plans"_s};
    return {u"indexer"_s, u"query"_s, u"suggest"_s, u"ranking"_s, u"synonyms"_s, u"crawler"_s};
}

struct Author {
    QString name;
    QString email;
};

const std::vector<Author> &authors()
{
    static const std::vector<Author> list = {
        {u"Li Wei"_s, u"li.wei@example.com"_s},
        {u"Zhang Min"_s, u"zhang.min@example.com"_s},
        {u"Anna Schmidt"_s, u"anna.schmidt@example.com"_s},
        {u"Wang Fang"_s, u"wang.fang@example.com"_s},
        {u"Carlos Ruiz"_s, u"carlos.ruiz@example.com"_s},
    };
    return list;
}

/// One service in one environment of the demo, and how its releases go.
struct DemoTarget {
    QString service;
    QString environment;
    QString image;
    bool canaryStage = false;
};

/// One commit of the history: a service's scaffold, or a release.
struct ReleaseEvent {
    QDateTime when;
    QString service;
    QString environment;
    QString stage;   ///< "canary" or "ga"
    QString image;
    QString tag;
    bool promotion = false;   ///< a GA release of the tag the canary already runs
    git::FileChanges scaffold;   ///< non-empty for the scaffold commit of `service`
    QString scaffoldMessage;
};

QString yamlDoubleQuoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return u'"' + escaped + u'"';
}

git::Signature signatureAt(const Author &author, const QDateTime &when)
{
    return git::Signature{author.name, author.email, when};
}

/// The message of a release in the demo's history, in the format of every release commit (workspace/release.h).
QString releaseText(const ReleaseEvent &event, const QString &previousTag)
{
    ReleaseTrailers trailers;
    trailers.service = event.service;
    trailers.environment = event.environment;
    trailers.stage = event.stage == u"canary"_s ? ReleaseStage::Canary : ReleaseStage::Ga;
    trailers.kind = event.promotion ? ReleaseKind::Promote : ReleaseKind::Release;
    trailers.image = event.image + u':' + event.tag;
    trailers.previousImage = event.image + u':' + previousTag;
    return releaseMessage(trailers, git::Signature{}).text;
}

QByteArray readmeFor(const QString &project)
{
    return u"# argocd-gitops-%1\n\n"
           "Deployment manifests of the %1 DevOps project, one folder per service and environment:\n"
           "`appsmanifests/{service}/{env}/` holds the Argo CD Applications and the Kustomize overlays\n"
           "(`manifests/ga`, `manifests/canary`) that GitOps Desk releases into.\n\n"
           "Releases are commits that change one `newTag:` line and carry `Release-*` trailers.\n"_s.arg(project)
        .toUtf8();
}

QByteArray workspaceYaml(const QString &templatesRepo, const QString &argocdServer)
{
    QString text;
    text += u"# GitOps Desk demo workspace, made by `gitops-desk-cli demo init`.\n"_s;
    text += u"name: Demo\n"_s;
    text += u"provider: {type: local, path: repos}\n"_s;
    text += u"repoPrefix: "_s + repoPrefix + u'\n';
    text += u"branch: main\n"_s;
    text += u"templates: {url: "_s + yamlDoubleQuoted(templatesRepo) + u", branch: main}\n"_s;
    text += u"argocd: {server: "_s + yamlDoubleQuoted(argocdServer) + u"}\n"_s;
    text += u"environments:\n"_s;
    text += u"  - {name: uat, cluster: https://kubernetes.default.svc, namespace: \"{project}-uat\", canary: true, "
            "approval: false}\n"_s;
    text += u"  - {name: prod, cluster: https://kubernetes.default.svc, namespace: \"{project}-prod\", canary: true, "
            "approval: true}\n"_s;
    text += u"release: {rollbackWindowMinutes: 30}\n"_s;
    return text.toUtf8();
}

/// The semver sequence of a service: a start version and a few patch or minor bumps.
QStringList versionsFor(int projectIndex, int serviceIndex, int count, QRandomGenerator &random)
{
    int major = 1 + (serviceIndex + projectIndex) % 3 / 2;
    int minor = 1 + (serviceIndex * 3 + projectIndex) % 6;
    int patch = int(random.bounded(3));
    QStringList versions;
    for (int i = 0; i < count; ++i) {
        versions.append(u"%1.%2.%3"_s.arg(major).arg(minor).arg(patch));
        if (random.bounded(3) == 0) {
            ++minor;
            patch = 0;
        } else {
            ++patch;
        }
    }
    return versions;
}

Result<void> prepareDirectory(const DemoOptions &options, const QString &root, const QStringList &repoNames)
{
    const QFileInfo info(root);
    if (info.exists() && !info.isDir()) {
        return makeError(Error::Code::InvalidInput,
                         DemoWorkspaceText::tr("%1 is a file, not a folder; choose an empty folder for the demo workspace.")
                             .arg(QDir::toNativeSeparators(root)));
    }
    const QDir dir(root);
    const bool empty =
        !info.exists()
        || dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot).isEmpty();
    if (!empty && !options.force) {
        return makeError(Error::Code::InvalidInput,
                         DemoWorkspaceText::tr("The folder %1 is not empty; choose an empty folder or pass --force.")
                             .arg(QDir::toNativeSeparators(root)));
    }
    if (!QDir().mkpath(root + u"/repos"_s)) {
        return makeError(Error::Code::Io,
                         DemoWorkspaceText::tr("The folder %1 cannot be created; check the path and your permissions.")
                             .arg(QDir::toNativeSeparators(root + u"/repos"_s)));
    }
    // With --force only the demo's own repositories are replaced; anything else in the folder stays.
    for (const QString &name : repoNames) {
        QDir repo(root + u"/repos/"_s + name);
        if (repo.exists() && !repo.removeRecursively()) {
            return makeError(Error::Code::Io,
                             DemoWorkspaceText::tr("The old demo repository %1 cannot be removed; close programs that use it and try "
                                "again.")
                                 .arg(QDir::toNativeSeparators(repo.path())));
        }
    }
    return {};
}

Result<void> createTemplatesRepo(const QString &path, const QDateTime &when)
{
    Result<git::Repository> repo = git::Repository::initBare(path);
    if (!repo)
        return repo.error();
    git::FileChanges changes;
    const QMap<QString, QByteArray> files = tmpl::TemplateSet::builtin().files();
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        changes.write(it.key(), it.value());
    git::CommitMessage message;
    message.text = DemoWorkspaceText::tr("Import the GitOps Desk default template set\n\n"
                      "Languages: go, java, nodejs. See README.md for the variables.\n");
    message.author = signatureAt(authors().at(2), when);
    const Result<git::ObjectId> commit = repo->createCommit(git::ObjectId(), changes, message, branchRef);
    if (!commit)
        return commit.error();
    return {};
}

/// Builds one deployment repository: a README commit, one scaffold commit per service, then the releases.
Result<void> createProjectRepo(const QString &path, const QString &project, int projectIndex, int serviceCount,
                               const QDateTime &now)
{
    Result<git::Repository> repo = git::Repository::initBare(path);
    if (!repo)
        return repo.error();
    const QString repoUrl = QUrl::fromLocalFile(path).toString();
    QRandomGenerator random(quint32(0x6d6f6f64u + projectIndex * 7919));
    const QDateTime start = now.addDays(-historyDays);

    git::ObjectId tip;
    const auto commit = [&](const git::FileChanges &changes, const QString &text, const Author &author,
                            const QDateTime &when) -> Result<void> {
        git::CommitMessage message;
        message.text = text;
        message.author = signatureAt(author, when);
        Result<git::ObjectId> id = repo->createCommit(tip, changes, message, branchRef);
        if (!id)
            return id.error();
        tip = *id;
        return {};
    };

    git::FileChanges readme;
    readme.write(u"README.md"_s, readmeFor(project));
    if (const Result<void> r = commit(readme, DemoWorkspaceText::tr("Create the %1 deployment repository\n").arg(project),
                                      authors().at(std::size_t(projectIndex) % authors().size()), start);
        !r)
        return r;

    QStringList names = servicesOf(project);
    for (int i = names.size(); i < serviceCount; ++i)
        names.append(u"service-%1"_s.arg(i + 1));
    names = names.mid(0, serviceCount);

    const tmpl::TemplateSet &templates = tmpl::TemplateSet::builtin();
    const QStringList languages = templates.languages();
    QHash<QString, QString> currentTags;   // overlay kustomization path → the tag it sets now
    QHash<QString, QByteArray> files;      // overlay kustomization path → its text now
    std::vector<ReleaseEvent> events;
    // Services were added over the first days; each then released every few days.
    const qint64 releaseSpan = qint64(historyDays - 2) * 86400;

    for (int s = 0; s < names.size(); ++s) {
        const QString &service = names.at(s);
        const QString language = languages.at((s + projectIndex) % languages.size());
        const int releases = 3 + (s + projectIndex) % 3;
        const QStringList versions = versionsFor(projectIndex, s, releases + 1, random);
        const QString image = u"harbor.example.com/"_s + project + u'/' + service;
        const QDateTime scaffoldTime = start.addSecs(3600 * 2 + qint64(s) * 5400 + random.bounded(1800));

        ReleaseEvent scaffold;
        scaffold.when = scaffoldTime;
        scaffold.service = service;
        QStringList envs;
        for (const QString &env : {u"uat"_s, u"prod"_s}) {
            tmpl::ServiceSpec spec;
            spec.project = project;
            spec.service = service;
            spec.environment = env;
            spec.language = language;
            spec.imageRepository = image;
            spec.gaTag = versions.first();
            spec.port = language == u"nodejs"_s ? 3000 : 8080;
            // Some services autoscale in prod; uat keeps a fixed, smaller size.
            spec.replicas = env == u"prod"_s && s % 3 == 2 ? std::nullopt
                                                           : std::optional<int>(env == u"prod"_s ? 3 : 1);
            spec.canaryStage = env == u"prod"_s ? s % 2 == 0 : s % 3 == 1;
            spec.repoUrl = repoUrl;
            spec.selfHeal = env == u"prod"_s;
            spec.sourceRepoUrl = u"https://gitlab.example.com/"_s + project + u'/' + service + u".git"_s;
            const Result<git::FileChanges> rendered = tmpl::scaffoldService(templates, spec);
            if (!rendered)
                return rendered.error();
            for (auto it = rendered->files.cbegin(); it != rendered->files.cend(); ++it) {
                scaffold.scaffold.files.insert(it.key(), it.value());
                if (it.value() && (it.key().endsWith(u"/ga/kustomization.yaml"_s)
                                   || it.key().endsWith(u"/canary/kustomization.yaml"_s))) {
                    files.insert(it.key(), *it.value());
                    currentTags.insert(it.key(), versions.first());
                }
            }
            envs.append(env + (spec.canaryStage ? DemoWorkspaceText::tr(" with a canary stage") : QString()));

            // uat gets every new version; prod follows one version behind, a day or two later.
            const int count = env == u"uat"_s ? releases : releases - 1;
            for (int k = 1; k <= count; ++k) {
                QDateTime when = scaffoldTime.addSecs(releaseSpan * k / (releases + 1) + random.bounded(4 * 3600));
                if (env == u"prod"_s)
                    when = when.addSecs(86400 + random.bounded(86400));
                ReleaseEvent release;
                release.when = when;
                release.service = service;
                release.environment = env;
                release.image = image;
                release.tag = versions.at(k);
                release.stage = spec.canaryStage ? u"canary"_s : u"ga"_s;
                events.push_back(release);
                // With a canary stage every canary but the newest was promoted to GA a few hours later,
                // so the newest canary runs ahead of GA.
                if (spec.canaryStage && k < count) {
                    release.when = when.addSecs(3 * 3600 + random.bounded(3600));
                    release.stage = u"ga"_s;
                    release.promotion = true;
                    events.push_back(release);
                }
            }
        }
        scaffold.scaffoldMessage = DemoWorkspaceText::tr("Add %1 (%2) to uat and prod\n\nScaffolded from the builtin %2 templates: %3.\n")
                                       .arg(service, language, envs.join(u", "_s));
        events.push_back(scaffold);
    }

    std::stable_sort(events.begin(), events.end(),
                     [](const ReleaseEvent &a, const ReleaseEvent &b) { return a.when < b.when; });
    QDateTime last = start;
    int index = 0;
    for (ReleaseEvent &event : events) {
        // Strictly increasing and in the past, whatever the jitter did.
        if (event.when <= last)
            event.when = last.addSecs(60 + random.bounded(600));
        if (event.when >= now)
            event.when = last.addSecs(1);
        last = event.when;
        const Author &author = authors().at(std::size_t(index * 7 + projectIndex + (event.stage == u"ga"_s))
                                            % authors().size());
        ++index;

        if (!event.scaffold.isEmpty()) {
            if (const Result<void> r = commit(event.scaffold, event.scaffoldMessage, author, event.when); !r)
                return r;
            continue;
        }

        const QString file = u"appsmanifests/%1/%2/manifests/%3/kustomization.yaml"_s.arg(
            event.service, event.environment, event.stage);
        manifest::ImageEdit edit;
        edit.name = event.service;
        edit.newTag = event.tag;
        const Result<QByteArray> after = manifest::applyImageEdit(files.value(file), edit);
        if (!after)
            return after.error();
        git::FileChanges change;
        change.write(file, *after);
        if (const Result<void> r = commit(change, releaseText(event, currentTags.value(file)), author, event.when);
            !r)
            return r;
        files.insert(file, *after);
        currentTags.insert(file, event.tag);
    }
    return {};
}

} // namespace

Result<QString> createDemoWorkspace(const DemoOptions &options)
{
    if (options.directory.trimmed().isEmpty())
        return makeError(Error::Code::InvalidInput, DemoWorkspaceText::tr("No folder was given; choose an empty folder for the demo."));
    if (options.projects < 1 || options.projects > maxProjects) {
        return makeError(Error::Code::InvalidInput,
                         DemoWorkspaceText::tr("The demo can have 1 to %1 projects, not %2.").arg(maxProjects).arg(options.projects));
    }
    if (options.services < 1 || options.services > maxServices) {
        return makeError(Error::Code::InvalidInput,
                         DemoWorkspaceText::tr("The demo can have 1 to %1 services per project, not %2.")
                             .arg(maxServices)
                             .arg(options.services));
    }

    const QString root = QDir::cleanPath(QFileInfo(options.directory).absoluteFilePath());
    QStringList projects = projectNames.mid(0, options.projects);
    for (int i = projects.size(); i < options.projects; ++i)
        projects.append(u"project-%1"_s.arg(i + 1));
    QStringList repoNames = {templatesRepoName};
    for (const QString &project : std::as_const(projects))
        repoNames.append(repoPrefix + project + u".git"_s);

    if (const Result<void> prepared = prepareDirectory(options, root, repoNames); !prepared)
        return prepared.error();

    // Whole seconds, so that the same `now` gives the same commits.
    const QDateTime now = (options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc())
                              .toTimeZone(QTimeZone::utc());
    const QDateTime nowSeconds = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), QTimeZone::utc());

    const QString templatesPath = root + u"/repos/"_s + templatesRepoName;
    if (const Result<void> r = createTemplatesRepo(templatesPath, nowSeconds.addDays(-historyDays - 7)); !r)
        return r.error();
    for (int p = 0; p < projects.size(); ++p) {
        const QString path = root + u"/repos/"_s + repoPrefix + projects.at(p) + u".git"_s;
        if (const Result<void> r = createProjectRepo(path, projects.at(p), p, options.services, nowSeconds); !r) {
            return makeError(r.error().code,
                             DemoWorkspaceText::tr("The demo repository for project %1 could not be built: %2")
                                 .arg(projects.at(p), r.error().message),
                             r.error().detail);
        }
    }

    const QString workspacePath = root + u"/workspace.yaml"_s;
    QSaveFile file(workspacePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(workspaceYaml(templatesPath, options.argocdServer)) < 0
        || !file.commit()) {
        return makeError(Error::Code::Io,
                         DemoWorkspaceText::tr("The workspace file %1 cannot be written; check your permissions.")
                             .arg(QDir::toNativeSeparators(workspacePath)),
                         file.errorString());
    }
    return workspacePath;
}

} // namespace gd::ws
