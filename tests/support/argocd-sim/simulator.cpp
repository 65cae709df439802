// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator.h"

#include "git/repository.h"
#include "workspace/repoprovider.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::sim {

namespace {

constexpr int codeInvalidArgument = 3;
constexpr int codeNotFound = 5;
constexpr int codePermissionDenied = 7;
constexpr int codeFailedPrecondition = 9;
constexpr int codeUnavailable = 14;
constexpr int codeUnauthenticated = 16;
constexpr qsizetype maxEvents = 2000;

QString nowRfc3339()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

/// A YAML node as JSON: plain scalars that read as bool, integer or null become those; quoted ones stay strings.
QJsonValue yamlToJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (const auto &kv : node)
            o.insert(fromStd(kv.first.Scalar()), yamlToJson(kv.second));
        return o;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const auto &item : node)
            a.append(yamlToJson(item));
        return a;
    }
    case YAML::NodeType::Scalar: {
        const QString s = fromStd(node.Scalar());
        if (node.Tag() == "!")
            return s;
        if (s == "true"_L1 || s == "True"_L1)
            return true;
        if (s == "false"_L1 || s == "False"_L1)
            return false;
        if (s == "null"_L1 || s == "~"_L1)
            return QJsonValue::Null;
        bool isInt = false;
        const qint64 n = s.toLongLong(&isInt);
        if (isInt)
            return n;
        return s;
    }
    default:
        return QJsonValue::Null;
    }
}

QString stringAt(const YAML::Node &node, std::initializer_list<const char *> path)
{
    YAML::Node cur;
    cur.reset(node);
    for (const char *key : path) {
        if (!cur.IsMap())
            return {};
        // Node::operator= would write into the document; reset() rebinds the handle.
        const YAML::Node next = std::as_const(cur)[key];   // const lookup: never inserts
        if (!next)
            return {};
        cur.reset(next);
        if (!cur)
            return {};
    }
    return cur.IsScalar() ? fromStd(cur.Scalar()) : QString();
}

/// Every Kubernetes object of a rendered stream. False with `error` when the stream does not parse.
bool parseResources(const QByteArray &stream, const QString &defaultNamespace, std::vector<SimResource> *out,
                    QString *error)
{
    try {
        const std::vector<YAML::Node> docs = YAML::LoadAll(stream.toStdString());
        for (const YAML::Node &doc : docs) {
            if (!doc.IsMap())
                continue;
            SimResource r;
            const QString apiVersion = stringAt(doc, {"apiVersion"});
            const qsizetype slash = apiVersion.indexOf(u'/');
            r.group = slash < 0 ? QString() : apiVersion.left(slash);
            r.version = slash < 0 ? apiVersion : apiVersion.mid(slash + 1);
            r.kind = stringAt(doc, {"kind"});
            r.name = stringAt(doc, {"metadata", "name"});
            r.ns = stringAt(doc, {"metadata", "namespace"});
            if (r.ns.isEmpty())
                r.ns = defaultNamespace;
            bool ok = false;
            const int replicas = stringAt(doc, {"spec", "replicas"}).toInt(&ok);
            r.replicas = ok ? replicas : 1;
            YAML::Node podSpec;
            const YAML::Node spec = doc["spec"];
            if (spec && spec.IsMap()) {
                const YAML::Node tmpl = spec["template"];
                if (tmpl && tmpl.IsMap() && tmpl["spec"] && tmpl["spec"].IsMap())
                    podSpec.reset(tmpl["spec"]);
            }
            if (podSpec.IsDefined() && podSpec.IsMap()) {
                for (const char *list : {"initContainers", "containers"}) {
                    const YAML::Node containers = podSpec[list];
                    if (!containers || !containers.IsSequence())
                        continue;
                    for (const auto &c : containers) {
                        const QString image = stringAt(c, {"image"});
                        if (!image.isEmpty())
                            r.images.append(image);
                    }
                }
            }
            YAML::Emitter emitter;
            emitter << doc;
            r.text = QByteArray(emitter.c_str());
            out->push_back(std::move(r));
        }
    } catch (const YAML::Exception &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

bool hasHealth(const QString &kind)
{
    static const QStringList kinds = {u"Deployment"_s, u"StatefulSet"_s, u"DaemonSet"_s, u"ReplicaSet"_s, u"Pod"_s,
                                      u"Service"_s, u"Ingress"_s, u"PersistentVolumeClaim"_s,
                                      u"HorizontalPodAutoscaler"_s, u"Job"_s};
    return kinds.contains(kind);
}

QString uidFor(const QString &what)
{
    static const QUuid ns = QUuid::fromString(u"{6f1c3b8e-2c1d-4a57-9a55-6b1e0a7f3d21}"_s);
    return QUuid::createUuidV5(ns, what).toString(QUuid::WithoutBraces);
}

/// Copies the value at dotted `path` of `from` into `to` (creating the objects on the way); nothing when absent.
void copyPath(const QJsonObject &from, QJsonObject &to, QStringView path)
{
    const qsizetype dot = path.indexOf(u'.');
    const QString key = (dot < 0 ? path : path.left(dot)).toString();
    if (!from.contains(key))
        return;
    if (dot < 0) {
        to.insert(key, from.value(key));
        return;
    }
    if (!from.value(key).isObject())
        return;
    QJsonObject child = to.value(key).toObject();
    copyPath(from.value(key).toObject(), child, path.mid(dot + 1));
    if (!child.isEmpty())
        to.insert(key, child);
}

/// Label selector terms: "k=v", "k==v", "k!=v", "k in (a,b)", "k notin (a)", "k", "!k".
bool selectorMatches(const QString &selector, const QJsonObject &labels)
{
    // Split on commas outside parentheses.
    QStringList terms;
    QString cur;
    int depth = 0;
    for (const QChar ch : selector) {
        if (ch == u'(')
            ++depth;
        else if (ch == u')')
            --depth;
        if (ch == u',' && depth == 0) {
            terms.append(cur.trimmed());
            cur.clear();
        } else {
            cur.append(ch);
        }
    }
    terms.append(cur.trimmed());
    for (const QString &term : std::as_const(terms)) {
        if (term.isEmpty())
            continue;
        static const QRegularExpression setRe(u"^([\\w./-]+)\\s+(in|notin)\\s*\\((.*)\\)$"_s);
        const auto set = setRe.match(term);
        if (set.hasMatch()) {
            QStringList values = set.captured(3).split(u',');
            for (QString &v : values)
                v = v.trimmed();
            const bool has = labels.contains(set.captured(1))
                && values.contains(labels.value(set.captured(1)).toString());
            if ((set.captured(2) == "in"_L1) != has)
                return false;
            continue;
        }
        if (term.contains(u"!="_s)) {
            const QStringList kv = term.split(u"!="_s);
            if (labels.value(kv.at(0).trimmed()).toString() == kv.at(1).trimmed())
                return false;
            continue;
        }
        if (term.contains(u'=')) {
            QString t = term;
            t.replace(u"=="_s, u"="_s);
            const qsizetype eq = t.indexOf(u'=');
            const QString key = t.left(eq).trimmed();
            if (!labels.contains(key) || labels.value(key).toString() != t.mid(eq + 1).trimmed())
                return false;
            continue;
        }
        if (term.startsWith(u'!')) {
            if (labels.contains(term.mid(1).trimmed()))
                return false;
            continue;
        }
        if (!labels.contains(term))
            return false;
    }
    return true;
}

const QStringList &listFieldWhitelist()
{
    static const QStringList fields = {
        u"metadata.name"_s, u"metadata.namespace"_s, u"metadata.annotations"_s, u"metadata.labels"_s,
        u"metadata.creationTimestamp"_s, u"metadata.deletionTimestamp"_s, u"spec"_s, u"spec.destination"_s,
        u"spec.project"_s, u"spec.source"_s, u"spec.sources"_s, u"spec.sourceHydrator"_s, u"spec.syncPolicy"_s,
        u"status.sync.status"_s, u"status.sync.revision"_s, u"status.health"_s, u"status.summary"_s,
        u"status.resources"_s, u"status.sourceHydrator"_s, u"status.operationState.phase"_s,
        u"status.operationState.startedAt"_s, u"status.operationState.finishedAt"_s, u"operation.sync"_s,
        u"status.operationState.operation.sync"_s};
    return fields;
}

QStringList splitFields(const QUrlQuery &query)
{
    QStringList out;
    for (const QString &v : query.allQueryItemValues(u"fields"_s, QUrl::FullyDecoded))
        for (const QString &f : v.split(u',', Qt::SkipEmptyParts))
            out.append(f.trimmed());
    return out;
}

} // namespace

Simulator::Simulator(SimOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    if (m_options.token.isEmpty())
        m_options.token = u"sim-"_s + QString::number(QRandomGenerator::global()->generate64(), 16);
    if (!m_options.degradedPattern.isEmpty())
        m_degraded.setPattern(m_options.degradedPattern);
    connect(&m_reconcileTimer, &QTimer::timeout, this, &Simulator::reconcileAll);
    connect(&m_keepaliveTimer, &QTimer::timeout, this, &Simulator::keepalive);
}

Simulator::~Simulator() = default;

quint16 Simulator::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

bool Simulator::start(QString *error)
{
    if (!m_options.degradedPattern.isEmpty() && !m_degraded.isValid()) {
        *error = u"--degraded-pattern is not a valid regular expression: "_s + m_degraded.errorString();
        return false;
    }
    if (!loadWorkspace(error))
        return false;
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &Simulator::onConnection);
    if (!m_server->listen(QHostAddress::LocalHost, m_options.port)) {
        *error = u"Cannot listen on 127.0.0.1:"_s + QString::number(m_options.port) + u": "_s
            + m_server->errorString();
        return false;
    }
    m_reconcileTimer.start(std::max(50, m_options.reconcileMs));
    m_keepaliveTimer.start(std::max(50, m_options.keepaliveMs));
    return true;
}

// ---- workspace and reconcile ------------------------------------------------------------------------------

bool Simulator::loadWorkspace(QString *error)
{
    auto config = gd::ws::WorkspaceConfig::load(m_options.workspaceFile);
    if (!config) {
        *error = config.error().fullText();
        return false;
    }
    m_config = config.value();
    if (m_config.provider != gd::ws::WorkspaceConfig::ProviderType::Local) {
        *error = u"argocd-sim serves local workspaces only (provider.type: local)."_s;
        return false;
    }
    const gd::ws::LocalRepoProvider provider(m_config);
    auto projects = provider.listProjects();
    if (!projects) {
        *error = projects.error().fullText();
        return false;
    }
    for (const QString &project : projects.value()) {
        const QString url = provider.repoUrl(project);
        const QString local = url.startsWith("file://"_L1) ? QUrl(url).toLocalFile() : url;
        auto repo = gd::git::Repository::open(local);
        if (!repo) {
            qWarning("argocd-sim: skipping %s: %s", qPrintable(url), qPrintable(repo.error().fullText()));
            continue;
        }
        auto tip = repo->resolve(u"refs/heads/"_s + m_config.branch);
        if (!tip)
            continue;
        auto services = repo->listDirectory(tip.value(), u"appsmanifests"_s);
        if (!services)
            continue;
        for (const auto &service : services.value()) {
            if (!service.isDirectory)
                continue;
            auto envs = repo->listDirectory(tip.value(), u"appsmanifests/"_s + service.name);
            if (!envs)
                continue;
            for (const auto &env : envs.value()) {
                for (const QString &file : {u"application.yaml"_s, u"application-pipeline.yaml"_s}) {
                    auto text = repo->readFile(tip.value(),
                                               u"appsmanifests/%1/%2/%3"_s.arg(service.name, env.name, file));
                    if (!text)
                        continue;
                    try {
                        const YAML::Node node = YAML::Load(text->toStdString());
                        const QJsonObject app = yamlToJson(node).toObject();
                        if (app.value("kind"_L1).toString() == "Application"_L1)
                            addApp(app);
                    } catch (const YAML::Exception &e) {
                        qWarning("argocd-sim: %s/%s/%s does not parse: %s", qPrintable(service.name),
                                 qPrintable(env.name), qPrintable(file), e.what());
                    }
                }
            }
        }
    }
    // At start the cluster runs what Git says (as after a first sync), so tests begin from Synced/Healthy.
    m_loading = true;
    for (auto &[name, app] : m_apps) {
        reconcile(app, false);
        if (app.desired) {
            app.live = app.desired;
            app.operationState = QJsonObject{
                {u"operation"_s, QJsonObject{{u"sync"_s, QJsonObject{{u"revision"_s, app.desired->sha}}},
                                             {u"initiatedBy"_s, QJsonObject{{u"automated"_s, true}}}}},
                {u"phase"_s, u"Succeeded"_s},
                {u"message"_s, u"successfully synced (all tasks run)"_s},
                {u"syncResult"_s, QJsonObject{{u"revision"_s, app.desired->sha},
                                              {u"source"_s, app.spec.value("source"_L1)}}},
                {u"startedAt"_s, app.created},
                {u"finishedAt"_s, app.created}};
            app.history.append(QJsonObject{{u"id"_s, app.nextHistoryId++},
                                           {u"revision"_s, app.desired->sha},
                                           {u"deployedAt"_s, app.created},
                                           {u"deployStartedAt"_s, app.created},
                                           {u"source"_s, app.spec.value("source"_L1)}});
            QString deployment;
            if (degraded(*app.desired, &deployment)) {
                app.healthStatus = u"Degraded"_s;
                app.healthMessage = u"Deployment \"%1\" exceeded its progress deadline"_s.arg(deployment);
            }
        }
        m_loading = false;
        publish(app, u"ADDED"_s);
        m_loading = true;
    }
    m_loading = false;
    return true;
}

void Simulator::addApp(const QJsonObject &application)
{
    const QJsonObject meta = application.value("metadata"_L1).toObject();
    const QString name = meta.value("name"_L1).toString();
    if (name.isEmpty())
        return;
    App &app = m_apps[name];
    app.name = name;
    if (meta.contains("namespace"_L1))
        app.ns = meta.value("namespace"_L1).toString();
    app.labels = meta.value("labels"_L1).toObject();
    app.annotations = meta.value("annotations"_L1).toObject();
    app.finalizers = meta.value("finalizers"_L1).toArray();
    app.spec = application.value("spec"_L1).toObject();
    if (app.uid.isEmpty()) {
        app.uid = uidFor(name);
        app.created = nowRfc3339();
    }
}

std::shared_ptr<const Rendering> Simulator::render(const App &app, const QString &revision, bool hard, QString *error)
{
    const QJsonObject source = app.spec.value("source"_L1).toObject();
    const QString repoUrl = source.value("repoURL"_L1).toString();
    const QString path = source.value("path"_L1).toString();
    QString local = repoUrl.startsWith("file://"_L1) ? QUrl(repoUrl).toLocalFile() : repoUrl;
    if (!QFileInfo(local).isAbsolute() && !local.isEmpty() && QFileInfo::exists(local))
        local = QFileInfo(local).absoluteFilePath();
    auto repo = gd::git::Repository::open(local);
    if (!repo) {
        *error = u"rpc error: code = Unknown desc = repository not found: %1"_s.arg(repoUrl);
        return {};
    }
    const QString rev = revision.isEmpty() ? u"HEAD"_s : revision;
    gd::git::ObjectId commit;
    for (const QString &candidate : QStringList{u"refs/heads/"_s + rev, u"refs/tags/"_s + rev, rev}) {
        auto id = repo->resolve(candidate);
        if (id) {
            commit = id.value();
            break;
        }
    }
    if (commit.isNull()) {
        *error = u"rpc error: code = Unknown desc = unable to resolve '%1' to a commit SHA"_s.arg(rev);
        return {};
    }
    auto tree = repo->entryId(commit, path);
    if (!tree) {
        *error = u"rpc error: code = Unknown desc = %1: app path does not exist"_s.arg(path);
        return {};
    }
    const QString key = local + u'|' + tree->toHex();
    auto rendering = std::make_shared<Rendering>();
    const auto cached = m_renderCache.constFind(key);
    if (!hard && cached != m_renderCache.constEnd()) {
        *rendering = **cached;
    } else {
        auto entries = repo->listDirectory(commit, path);
        if (!entries) {
            *error = entries.error().fullText();
            return {};
        }
        const bool isKustomize = std::any_of(entries->begin(), entries->end(), [](const auto &e) {
            return !e.isDirectory
                && (e.name == "kustomization.yaml"_L1 || e.name == "kustomization.yml"_L1 || e.name == "Kustomization"_L1);
        });
        rendering->isKustomize = isKustomize;
        if (isKustomize) {
            QTemporaryDir dir;
            auto extracted = repo->extractDirectory(commit, path, dir.path() + u"/src"_s);
            if (!extracted) {
                *error = extracted.error().fullText();
                return {};
            }
            auto built = m_runner.build(dir.path() + u"/src"_s);
            if (!built) {
                *error = u"rpc error: code = Unknown desc = `kustomize build` failed: "_s + built.error().fullText();
                return {};
            }
            rendering->manifests = built.value();
        } else {
            // A plain directory application: every YAML/JSON file of the folder, in name order.
            for (const auto &e : entries.value()) {
                if (e.isDirectory || !(e.name.endsWith(".yaml"_L1) || e.name.endsWith(".yml"_L1)))
                    continue;
                auto text = repo->readFile(commit, path + u'/' + e.name);
                if (text)
                    rendering->manifests += "---\n" + text.value() + '\n';
            }
        }
        const QString ns = app.spec.value("destination"_L1).toObject().value("namespace"_L1).toString();
        QString parseError;
        if (!parseResources(rendering->manifests, ns, &rendering->resources, &parseError)) {
            *error = u"rpc error: code = Unknown desc = failed to unmarshal manifest: "_s + parseError;
            return {};
        }
        rendering->treeId = tree->toHex();
        m_renderCache.insert(key, rendering);
    }
    rendering->sha = commit.toHex();
    return rendering;
}

bool Simulator::degraded(const Rendering &rendering, QString *deployment) const
{
    if (m_options.degradedPattern.isEmpty())
        return false;
    for (const SimResource &r : rendering.resources) {
        for (const QString &image : r.images) {
            if (m_degraded.match(image).hasMatch()) {
                *deployment = r.name;
                return true;
            }
        }
    }
    return false;
}

void Simulator::reconcileAll()
{
    for (auto &[name, app] : m_apps)
        reconcile(app, false);
}

void Simulator::reconcile(App &app, bool hard)
{
    const QString target = app.spec.value("source"_L1).toObject().value("targetRevision"_L1).toString();
    QString error;
    auto desired = render(app, target, hard, &error);
    app.comparisonError = error;
    if (desired)
        app.desired = desired;
    else
        app.desired.reset();
    // reconciledAt moves only when the comparison result moves, so idle reconciles send no events.
    const QString compared = app.desired ? app.desired->sha : error;
    if (app.reconciledAt.isEmpty() || compared != app.lastCompared)
        app.reconciledAt = nowRfc3339();
    app.lastCompared = compared;
    publish(app);
    const QJsonObject automated = app.spec.value("syncPolicy"_L1).toObject().value("automated"_L1).toObject();
    const bool autoSync = app.spec.value("syncPolicy"_L1).toObject().contains("automated"_L1)
        && automated.value("enabled"_L1).toBool(true);
    const bool outOfSync = app.desired && (!app.live || app.live->manifests != app.desired->manifests);
    // Like the controller, auto-sync does not retry a revision it already synced (or tried).
    const bool alreadyTried = app.operationState.value("syncResult"_L1).toObject().value("revision"_L1).toString()
        == (app.desired ? app.desired->sha : QString());
    if (autoSync && outOfSync && app.operation.isEmpty() && !alreadyTried && !m_loading)
        startSync(app, app.desired->sha, false, true);
}

void Simulator::startSync(App &app, const QString &revision, bool dryRun, bool automated)
{
    QJsonObject sync{{u"revision"_s, revision}};
    if (dryRun)
        sync.insert(u"dryRun"_s, true);
    if (app.spec.value("syncPolicy"_L1).toObject().value("automated"_L1).toObject().value("prune"_L1).toBool())
        sync.insert(u"prune"_s, true);
    const QJsonObject initiatedBy = automated ? QJsonObject{{u"automated"_s, true}}
                                              : QJsonObject{{u"username"_s, u"admin"_s}};
    app.operation = QJsonObject{{u"sync"_s, sync}, {u"initiatedBy"_s, initiatedBy}};
    app.operationState = QJsonObject{{u"operation"_s, app.operation},
                                     {u"phase"_s, u"Running"_s},
                                     {u"message"_s, u"one or more tasks are running"_s},
                                     {u"startedAt"_s, nowRfc3339()}};
    publish(app);
    const QString name = app.name;
    QTimer::singleShot(std::max(1, m_options.operationMs), this,
                       [this, name, revision, dryRun] { finishSync(name, revision, dryRun); });
}

void Simulator::finishSync(const QString &name, const QString &revision, bool dryRun)
{
    auto it = m_apps.find(name);
    if (it == m_apps.end())
        return;
    App &app = it->second;
    const QString target = app.spec.value("source"_L1).toObject().value("targetRevision"_L1).toString();
    QString error;
    auto rendering = render(app, revision.isEmpty() ? target : revision, false, &error);
    QJsonObject state = app.operationState;
    state.insert(u"finishedAt"_s, nowRfc3339());
    if (!rendering) {
        state.insert(u"phase"_s, u"Error"_s);
        state.insert(u"message"_s, error);
        app.operation = {};
        app.operationState = state;
        publish(app);
        return;
    }
    QJsonArray results;
    for (const SimResource &r : rendering->resources) {
        QJsonObject o{{u"version"_s, r.version}, {u"kind"_s, r.kind}, {u"namespace"_s, r.ns}, {u"name"_s, r.name},
                      {u"status"_s, u"Synced"_s}, {u"message"_s, QString(r.kind.toLower() + u'/' + r.name + u" configured"_s)},
                      {u"hookPhase"_s, u"Running"_s}, {u"syncPhase"_s, u"Sync"_s}};
        if (!r.group.isEmpty())
            o.insert(u"group"_s, r.group);
        results.append(o);
    }
    state.insert(u"phase"_s, u"Succeeded"_s);
    state.insert(u"message"_s, u"successfully synced (all tasks run)"_s);
    state.insert(u"syncResult"_s, QJsonObject{{u"resources"_s, results},
                                              {u"revision"_s, rendering->sha},
                                              {u"source"_s, app.spec.value("source"_L1)}});
    app.operation = {};
    app.operationState = state;
    if (!dryRun) {
        app.live = rendering;
        app.history.append(QJsonObject{{u"id"_s, app.nextHistoryId++},
                                       {u"revision"_s, rendering->sha},
                                       {u"deployedAt"_s, state.value("finishedAt"_L1)},
                                       {u"deployStartedAt"_s, state.value("startedAt"_L1)},
                                       {u"source"_s, app.spec.value("source"_L1)}});
        const int limit = app.spec.value("revisionHistoryLimit"_L1).toInt(10);
        while (app.history.size() > std::max(1, limit))
            app.history.removeFirst();
        app.healthStatus = u"Progressing"_s;
        app.healthMessage.clear();
        app.healthSince = nowRfc3339();
        const int generation = ++app.healthGeneration;
        QTimer::singleShot(std::max(0, m_options.healthDelayMs), this,
                           [this, name, generation] { settleHealth(name, generation); });
    }
    publish(app);
}

void Simulator::settleHealth(const QString &name, int generation)
{
    auto it = m_apps.find(name);
    if (it == m_apps.end() || it->second.healthGeneration != generation || !it->second.live)
        return;
    App &app = it->second;
    QString deployment;
    if (degraded(*app.live, &deployment)) {
        app.healthStatus = u"Degraded"_s;
        app.healthMessage = u"Deployment \"%1\" exceeded its progress deadline"_s.arg(deployment);
    } else {
        app.healthStatus = u"Healthy"_s;
        app.healthMessage.clear();
    }
    app.healthSince = nowRfc3339();
    publish(app);
}

// ---- JSON ---------------------------------------------------------------------------------------------------

QJsonArray Simulator::resourceStatuses(const App &app) const
{
    QJsonArray out;
    auto entry = [&](const SimResource &r, const QString &status, bool prune) {
        QJsonObject o{{u"version"_s, r.version}, {u"kind"_s, r.kind}, {u"namespace"_s, r.ns}, {u"name"_s, r.name},
                      {u"status"_s, status}};
        if (!r.group.isEmpty())
            o.insert(u"group"_s, r.group);
        if (prune)
            o.insert(u"requiresPruning"_s, true);
        if (hasHealth(r.kind) && app.live) {
            const bool workload = r.kind == "Deployment"_L1 || r.kind == "StatefulSet"_L1;
            QJsonObject health{{u"status"_s, workload ? app.healthStatus : u"Healthy"_s}};
            if (workload && !app.healthMessage.isEmpty())
                health.insert(u"message"_s, app.healthMessage);
            o.insert(u"health"_s, health);
        }
        out.append(o);
    };
    if (!app.desired)
        return out;
    for (const SimResource &r : app.desired->resources) {
        bool synced = false;
        if (app.live) {
            synced = std::any_of(app.live->resources.begin(), app.live->resources.end(), [&](const SimResource &l) {
                return l.kind == r.kind && l.name == r.name && l.ns == r.ns && l.text == r.text;
            });
        }
        entry(r, synced ? u"Synced"_s : u"OutOfSync"_s, false);
    }
    if (app.live) {
        for (const SimResource &l : app.live->resources) {
            const bool stillWanted = std::any_of(app.desired->resources.begin(), app.desired->resources.end(),
                                                 [&](const SimResource &r) {
                                                     return l.kind == r.kind && l.name == r.name && l.ns == r.ns;
                                                 });
            if (!stillWanted)
                entry(l, u"OutOfSync"_s, true);
        }
    }
    return out;
}

QJsonObject Simulator::toJson(const App &app) const
{
    QJsonObject meta{{u"name"_s, app.name}, {u"namespace"_s, app.ns}, {u"uid"_s, app.uid},
                     {u"resourceVersion"_s, QString::number(app.resourceVersion)},
                     {u"generation"_s, app.generation}, {u"creationTimestamp"_s, app.created}};
    if (!app.labels.isEmpty())
        meta.insert(u"labels"_s, app.labels);
    if (!app.annotations.isEmpty())
        meta.insert(u"annotations"_s, app.annotations);
    if (!app.finalizers.isEmpty())
        meta.insert(u"finalizers"_s, app.finalizers);

    QJsonObject status;
    const QJsonArray resources = resourceStatuses(app);
    if (!resources.isEmpty())
        status.insert(u"resources"_s, resources);
    QJsonObject sync{{u"comparedTo"_s, QJsonObject{{u"source"_s, app.spec.value("source"_L1)},
                                                   {u"destination"_s, app.spec.value("destination"_L1)}}}};
    if (!app.desired) {
        sync.insert(u"status"_s, u"Unknown"_s);
    } else {
        const bool synced = app.live && app.live->manifests == app.desired->manifests;
        sync.insert(u"status"_s, synced ? u"Synced"_s : u"OutOfSync"_s);
        sync.insert(u"revision"_s, app.desired->sha);
    }
    status.insert(u"sync"_s, sync);
    QJsonObject health{{u"status"_s, app.live ? app.healthStatus : u"Missing"_s}};
    if (!app.healthMessage.isEmpty())
        health.insert(u"message"_s, app.healthMessage);
    if (!app.healthSince.isEmpty())
        health.insert(u"lastTransitionTime"_s, app.healthSince);
    status.insert(u"health"_s, health);
    if (!app.history.isEmpty())
        status.insert(u"history"_s, app.history);
    if (!app.comparisonError.isEmpty()) {
        status.insert(u"conditions"_s, QJsonArray{QJsonObject{{u"type"_s, u"ComparisonError"_s},
                                                              {u"message"_s, app.comparisonError},
                                                              {u"lastTransitionTime"_s, app.reconciledAt}}});
    }
    if (!app.reconciledAt.isEmpty())
        status.insert(u"reconciledAt"_s, app.reconciledAt);
    if (!app.operationState.isEmpty())
        status.insert(u"operationState"_s, app.operationState);
    if (app.desired) {
        status.insert(u"sourceType"_s, app.desired->isKustomize ? u"Kustomize"_s : u"Directory"_s);
        QStringList images;
        for (const SimResource &r : (app.live ? app.live : app.desired)->resources)
            images += r.images;
        images.removeDuplicates();
        images.sort();
        if (!images.isEmpty())
            status.insert(u"summary"_s, QJsonObject{{u"images"_s, QJsonArray::fromStringList(images)}});
    }
    status.insert(u"controllerNamespace"_s, u"argocd"_s);

    QJsonObject o{{u"metadata"_s, meta}, {u"spec"_s, app.spec}, {u"status"_s, status}};
    if (!app.operation.isEmpty())
        o.insert(u"operation"_s, app.operation);
    return o;
}

void Simulator::publish(App &app, const QString &type)
{
    if (m_loading)
        return;
    QJsonObject json = toJson(app);
    QJsonObject meta = json.value("metadata"_L1).toObject();
    meta.remove(u"resourceVersion"_s);
    json.insert(u"metadata"_s, meta);
    const QByteArray payload = QJsonDocument(json).toJson(QJsonDocument::Compact);
    if (payload == app.lastPayload && type == "MODIFIED"_L1)
        return;
    app.lastPayload = payload;
    app.resourceVersion = ++m_resourceVersion;
    broadcast(Event{app.resourceVersion, type, app.name, toJson(app)});
}

void Simulator::broadcast(const Event &event)
{
    m_events.push_back(event);
    while (qsizetype(m_events.size()) > maxEvents)
        m_events.pop_front();
    for (Watcher &w : m_watchers) {
        if (w.connection && matches(w, event.application))
            sendEvent(w, event.type, event.application);
    }
}

bool Simulator::matches(const Watcher &watcher, const QJsonObject &application) const
{
    const QJsonObject meta = application.value("metadata"_L1).toObject();
    if (!watcher.name.isEmpty() && meta.value("name"_L1).toString() != watcher.name)
        return false;
    if (!watcher.projects.isEmpty()
        && !watcher.projects.contains(application.value("spec"_L1).toObject().value("project"_L1).toString()))
        return false;
    return watcher.selector.isEmpty() || selectorMatches(watcher.selector, meta.value("labels"_L1).toObject());
}

void Simulator::sendEvent(Watcher &watcher, const QString &type, const QJsonObject &application)
{
    QJsonObject message{{u"result"_s, QJsonObject{{u"type"_s, type}, {u"application"_s, application}}}};
    if (!watcher.fields.isEmpty()) {
        QJsonObject filtered;
        for (const QString &f : std::as_const(watcher.fields))
            copyPath(message, filtered, f);
        message = filtered;
    }
    const QByteArray json = QJsonDocument(message).toJson(QJsonDocument::Compact);
    watcher.connection->writeStream(watcher.sse ? QByteArray("data: " + json + " \n\n\n") : QByteArray(json + '\n'));
}

void Simulator::keepalive()
{
    for (Watcher &w : m_watchers) {
        if (w.connection && w.sse)
            w.connection->writeStream(":\n");
    }
}

// ---- HTTP -------------------------------------------------------------------------------------------------

QByteArray Simulator::errorBody(int code, const QString &message)
{
    return QJsonDocument(QJsonObject{{u"error"_s, message}, {u"code"_s, code}, {u"message"_s, message}})
        .toJson(QJsonDocument::Compact);
}

int Simulator::httpStatusFor(int grpcCode)
{
    switch (grpcCode) {
    case 3: case 9: case 11: return 400;
    case 5: return 404;
    case 6: case 10: return 409;
    case 7: return 403;
    case 16: return 401;
    case 14: return 503;
    case 4: return 504;
    default: return 500;
    }
}

void Simulator::replyError(HttpConnection *c, int grpcCode, const QString &message)
{
    c->respond(httpStatusFor(grpcCode), errorBody(grpcCode, message));
}

void Simulator::replyJson(HttpConnection *c, const QJsonObject &object)
{
    c->respond(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void Simulator::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, this);
        connect(connection, &HttpConnection::requestReady, this,
                [this, connection](const HttpRequest &request) { handle(connection, request, false); });
        connect(connection, &HttpConnection::closed, this, [this, connection] {
            m_watchers.erase(std::remove_if(m_watchers.begin(), m_watchers.end(),
                                            [connection](const Watcher &w) {
                                                return !w.connection || w.connection == connection;
                                            }),
                             m_watchers.end());
        });
    }
}

void Simulator::handle(HttpConnection *connection, const HttpRequest &request, bool faultsApplied)
{
    if (request.path == "/sim/faults"_L1) {
        if (request.method != "POST") {
            replyError(connection, codeInvalidArgument, u"use POST"_s);
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(request.body).object();
        const QString kind = o.value("kind"_L1).toString();
        static const QStringList kinds = {u"5xx"_s,           u"slow"_s, u"drop-stream"_s, u"401"_s,
                                          u"op-in-progress"_s, u"slow-refresh"_s};
        if (kind == "clear"_L1) {
            m_faults.clear();
            m_pendingStreamDrops = 0;
        } else if (kinds.contains(kind)) {
            Fault f{kind, o.value("count"_L1).toInt(1), o.value("delayMs"_L1).toInt(0), o.value("path"_L1).toString()};
            if (kind == "drop-stream"_L1) {
                for (Watcher &w : m_watchers) {
                    if (w.connection)
                        w.connection->close();
                }
                m_pendingStreamDrops += std::max(1, f.count);
            } else {
                m_faults.append(f);
            }
        } else {
            replyError(connection, codeInvalidArgument, u"unknown fault kind \"%1\""_s.arg(kind));
            return;
        }
        replyJson(connection, QJsonObject{});
        return;
    }
    if (!faultsApplied) {
        handleFaults(connection, request);
        return;
    }
    route(connection, request);
}

void Simulator::handleFaults(HttpConnection *connection, const HttpRequest &request)
{
    const bool isStream = request.path.startsWith("/api/v1/stream/"_L1);
    if (isStream && m_pendingStreamDrops > 0) {
        --m_pendingStreamDrops;
        connection->close();
        return;
    }
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &f = m_faults[i];
        const QString filter = f.path.isEmpty() && f.kind == "op-in-progress"_L1 ? u"/sync"_s : f.path;
        if (!filter.isEmpty() && !request.path.contains(filter))
            continue;
        // A refresh is an Application GET with ?refresh=: the real server answers it only once it has reconciled.
        if (f.kind == "slow-refresh"_L1 && !request.query.hasQueryItem(u"refresh"_s))
            continue;
        const Fault fault = f;
        if (--f.count <= 0)
            m_faults.removeAt(i);
        if (fault.kind == "slow-refresh"_L1 && fault.delayMs <= 0) {
            // A reconcile that never ends (a repo server that hangs): the request stays open, unanswered.
        } else if (fault.kind == "slow"_L1 || fault.kind == "slow-refresh"_L1) {
            QPointer<HttpConnection> guard(connection);
            QTimer::singleShot(std::max(0, fault.delayMs), this, [this, guard, request] {
                if (guard)
                    handle(guard, request, true);
            });
        } else if (fault.kind == "5xx"_L1) {
            replyError(connection, codeUnavailable, u"connection error: desc = \"transport: Error while dialing: dial tcp 10.96.0.12:8083: connect: connection refused\""_s);
        } else if (fault.kind == "401"_L1) {
            replyError(connection, codeUnauthenticated, u"invalid session: token has invalid claims: token is expired"_s);
        } else {
            replyError(connection, codeFailedPrecondition, u"another operation is already in progress"_s);
        }
        return;
    }
    route(connection, request);
}

bool Simulator::authorized(const HttpRequest &request, QString *message) const
{
    QByteArray token;
    const QByteArray auth = request.header("authorization");
    if (auth.startsWith("Bearer "))
        token = auth.mid(7).trimmed();
    if (token.isEmpty()) {
        for (const QByteArray &cookie : request.header("cookie").split(';')) {
            const QByteArray c = cookie.trimmed();
            if (c.startsWith("argocd.token="))
                token = c.mid(13);
        }
    }
    if (token.isEmpty()) {
        *message = u"no session information"_s;
        return false;
    }
    if (QString::fromUtf8(token) != m_options.token) {
        *message = token.count('.') == 2 ? u"invalid session: token signature is invalid"_s
                                         : u"invalid session: token contains an invalid number of segments"_s;
        return false;
    }
    return true;
}

void Simulator::route(HttpConnection *c, const HttpRequest &r)
{
    const QString &path = r.path;
    QString authMessage;
    const bool authed = authorized(r, &authMessage);
    if (path == "/api/version"_L1) {
        QJsonObject v{{u"Version"_s, u"v2.13.0+sim"_s}};
        if (authed) {
            v.insert(u"BuildDate"_s, u"2024-11-01T00:00:00Z"_s);
            v.insert(u"GitCommit"_s, u"0000000000000000000000000000000000000000"_s);
            v.insert(u"GitTreeState"_s, u"clean"_s);
            v.insert(u"GoVersion"_s, u"go1.22.0"_s);
            v.insert(u"Compiler"_s, u"gc"_s);
            v.insert(u"Platform"_s, u"linux/amd64"_s);
            v.insert(u"KustomizeVersion"_s, u"v5.5.0"_s);
        }
        replyJson(c, v);
        return;
    }
    if (r.method != "GET" && !r.body.isEmpty() && !r.header("content-type").startsWith("application/json")) {
        c->respond(415, "Invalid content type", "text/plain; charset=utf-8");
        return;
    }
    if (path == "/api/v1/session"_L1 && r.method == "POST") {
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        const QString user = o.value("username"_L1).toString();
        const QString password = o.value("password"_L1).toString();
        if (user.isEmpty() && password.isEmpty()) {
            replyError(c, codeUnauthenticated, u"no credentials supplied"_s);
        } else if (password.isEmpty()) {
            replyError(c, codeUnauthenticated, u"Blank passwords are not allowed"_s);
        } else if (user != "admin"_L1 || password != m_options.password) {
            replyError(c, codeUnauthenticated, u"Invalid username or password"_s);
        } else {
            c->respond(200, QJsonDocument(QJsonObject{{u"token"_s, m_options.token}}).toJson(QJsonDocument::Compact),
                       "application/json",
                       {{"Set-Cookie", "argocd.token=" + m_options.token.toUtf8() + "; path=/; SameSite=lax; httpOnly"}});
        }
        return;
    }
    const bool isStream = path.startsWith("/api/v1/stream/"_L1);
    if (!authed) {
        if (isStream && r.header("accept").contains("text/event-stream")) {
            // Before the first event the HTTP status equals the error's http_code.
            c->beginStream(401, "text/event-stream");
            const QJsonObject err{{u"error"_s, QJsonObject{{u"grpc_code"_s, codeUnauthenticated},
                                                          {u"http_code"_s, 401},
                                                          {u"message"_s, authMessage},
                                                          {u"http_status"_s, u"Unauthorized"_s}}}};
            c->writeStream("data: " + QJsonDocument(err).toJson(QJsonDocument::Compact) + " \n\n\n");
            c->close();
            return;
        }
        replyError(c, codeUnauthenticated, authMessage);
        return;
    }
    if (path == "/api/v1/session/userinfo"_L1) {
        replyJson(c, QJsonObject{{u"loggedIn"_s, true}, {u"username"_s, u"admin"_s}, {u"iss"_s, u"argocd"_s}});
        return;
    }
    if (path == "/api/v1/stream/applications"_L1) {
        watch(c, r);
        return;
    }
    if (path == "/api/v1/applications"_L1) {
        if (r.method == "GET")
            listApplications(c, r);
        else if (r.method == "POST")
            upsertApplication(c, r);
        else
            c->respond(405, errorBody(12, u"Method Not Allowed"_s));
        return;
    }
    static const QRegularExpression appRe(u"^/api/v1/applications/([^/]+)(/[a-z-]+)?$"_s);
    const auto m = appRe.match(path);
    if (m.hasMatch()) {
        const QString name = m.captured(1);
        const QString sub = m.captured(2);
        if (sub.isEmpty() && r.method == "GET") {
            getApplication(c, r, name);
            return;
        }
        if (sub.isEmpty() && r.method == "DELETE") {
            deleteApplication(c, name);
            return;
        }
        if (!m_apps.count(name)) {
            replyError(c, codePermissionDenied, u"permission denied"_s);
            return;
        }
        if (sub == "/sync"_L1 && r.method == "POST") {
            syncApplication(c, r, name);
            return;
        }
        if (sub == "/resource-tree"_L1 && r.method == "GET") {
            resourceTree(c, name);
            return;
        }
    }
    c->respond(404, "Not Found", "text/plain; charset=utf-8");
}

void Simulator::listApplications(HttpConnection *c, const HttpRequest &r)
{
    QStringList projects = r.query.allQueryItemValues(u"projects"_s, QUrl::FullyDecoded);
    projects += r.query.allQueryItemValues(u"project"_s, QUrl::FullyDecoded);
    const QString selector = r.query.queryItemValue(u"selector"_s, QUrl::FullyDecoded);
    const QString nameFilter = r.query.queryItemValue(u"name"_s, QUrl::FullyDecoded);
    QStringList fields;
    for (const QString &f : splitFields(r.query)) {
        if (f.startsWith("items."_L1) && listFieldWhitelist().contains(f.mid(6)))
            fields.append(f.mid(6));
    }
    const bool filtered = !splitFields(r.query).isEmpty();
    QJsonArray items;
    for (const auto &[name, app] : m_apps) {   // std::map: sorted by name
        QJsonObject json = toJson(app);
        if (!nameFilter.isEmpty() && name != nameFilter)
            continue;
        if (!projects.isEmpty() && !projects.contains(app.spec.value("project"_L1).toString()))
            continue;
        if (!selector.isEmpty() && !selectorMatches(selector, app.labels))
            continue;
        // List does not carry per-resource health (status.resourceHealthSource: appTree).
        QJsonObject status = json.value("status"_L1).toObject();
        QJsonArray resources = status.value("resources"_L1).toArray();
        for (auto it = resources.begin(); it != resources.end(); ++it) {
            QJsonObject res = it->toObject();
            res.remove(u"health"_s);
            *it = res;
        }
        if (!resources.isEmpty())
            status.insert(u"resources"_s, resources);
        json.insert(u"status"_s, status);
        if (filtered) {
            QJsonObject out;
            for (const QString &f : std::as_const(fields)) {
                if (f == "status.operationState.operation.sync"_L1)
                    copyPath(json, out, u"status.operationState.syncResult");
                else
                    copyPath(json, out, f);
            }
            json = out;
        }
        items.append(json);
    }
    replyJson(c, QJsonObject{{u"metadata"_s, QJsonObject{{u"resourceVersion"_s, QString::number(m_resourceVersion)}}},
                             {u"items"_s, items}});
}

void Simulator::getApplication(HttpConnection *c, const HttpRequest &r, const QString &name)
{
    auto it = m_apps.find(name);
    if (it == m_apps.end()) {
        if (r.query.hasQueryItem(u"project"_s))
            replyError(c, codeNotFound, u"applications.argoproj.io \"%1\" not found"_s.arg(name));
        else
            replyError(c, codePermissionDenied, u"permission denied"_s);
        return;
    }
    const QString refresh = r.query.queryItemValue(u"refresh"_s);
    if (!refresh.isEmpty())
        reconcile(it->second, refresh == "hard"_L1);
    replyJson(c, toJson(it->second));
}

void Simulator::upsertApplication(HttpConnection *c, const HttpRequest &r)
{
    QJsonParseError parseError;
    const QJsonObject body = QJsonDocument::fromJson(r.body, &parseError).object();
    const QString name = body.value("metadata"_L1).toObject().value("name"_L1).toString();
    if (parseError.error != QJsonParseError::NoError || name.isEmpty()) {
        replyError(c, codeInvalidArgument, u"application name is required"_s);
        return;
    }
    const bool upsert = r.query.queryItemValue(u"upsert"_s) == "true"_L1;
    auto it = m_apps.find(name);
    const bool exists = it != m_apps.end();
    if (exists) {
        const QJsonObject meta = body.value("metadata"_L1).toObject();
        const bool same = it->second.spec == body.value("spec"_L1).toObject()
            && it->second.labels == meta.value("labels"_L1).toObject()
            && it->second.annotations == meta.value("annotations"_L1).toObject();
        if (same) {
            replyJson(c, toJson(it->second));
            return;
        }
        if (!upsert) {
            replyError(c, codeInvalidArgument, u"existing application spec is different, use upsert flag to force update"_s);
            return;
        }
        it->second.generation += 1;
    }
    addApp(body);
    App &app = m_apps[name];
    if (!exists)
        app.lastPayload.clear();
    if (!exists) {
        // A new app's first event is ADDED; the quiet first reconcile only computes its state.
        m_loading = true;
        reconcile(app, false);
        m_loading = false;
        publish(app, u"ADDED"_s);
    }
    reconcile(app, false);
    replyJson(c, toJson(app));
}

void Simulator::deleteApplication(HttpConnection *c, const QString &name)
{
    auto it = m_apps.find(name);
    if (it == m_apps.end()) {
        replyError(c, codePermissionDenied, u"permission denied"_s);
        return;
    }
    QJsonObject last = toJson(it->second);
    m_apps.erase(it);
    const qint64 rv = ++m_resourceVersion;
    QJsonObject meta = last.value("metadata"_L1).toObject();
    meta.insert(u"resourceVersion"_s, QString::number(rv));
    meta.insert(u"deletionTimestamp"_s, nowRfc3339());
    last.insert(u"metadata"_s, meta);
    broadcast(Event{rv, u"DELETED"_s, name, last});
    replyJson(c, QJsonObject{});
}

void Simulator::syncApplication(HttpConnection *c, const HttpRequest &r, const QString &name)
{
    App &app = m_apps.at(name);
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    const QString revision = body.value("revision"_L1).toString();
    const QJsonObject syncPolicy = app.spec.value("syncPolicy"_L1).toObject();
    const bool autoSync = syncPolicy.contains("automated"_L1)
        && syncPolicy.value("automated"_L1).toObject().value("enabled"_L1).toBool(true);
    const QString target = app.spec.value("source"_L1).toObject().value("targetRevision"_L1).toString();
    if (!app.operation.isEmpty()) {
        replyError(c, codeFailedPrecondition, u"another operation is already in progress"_s);
        return;
    }
    if (autoSync && !revision.isEmpty() && revision != target) {
        replyError(c, codeFailedPrecondition,
                   u"Cannot sync to %1: auto-sync currently set to %2"_s.arg(revision, target));
        return;
    }
    QString error;
    auto rendering = render(app, revision.isEmpty() ? target : revision, false, &error);
    if (!rendering) {
        replyError(c, codeInvalidArgument, error);
        return;
    }
    startSync(app, revision.isEmpty() ? target : revision, body.value("dryRun"_L1).toBool(), false);
    if (body.value("prune"_L1).toBool()) {
        QJsonObject sync = app.operation.value("sync"_L1).toObject();
        sync.insert(u"prune"_s, true);
        app.operation.insert(u"sync"_s, sync);
        app.operationState.insert(u"operation"_s, app.operation);
        publish(app);
    }
    replyJson(c, toJson(app));
}

void Simulator::resourceTree(HttpConnection *c, const QString &name)
{
    const App &app = m_apps.at(name);
    QJsonArray nodes;
    if (app.live) {
        for (const SimResource &r : app.live->resources) {
            const QString uid = uidFor(app.name + u'/' + r.kind + u'/' + r.ns + u'/' + r.name);
            QJsonObject node{{u"version"_s, r.version}, {u"kind"_s, r.kind}, {u"namespace"_s, r.ns},
                             {u"name"_s, r.name}, {u"uid"_s, uid}, {u"resourceVersion"_s, QString::number(app.resourceVersion)},
                             {u"createdAt"_s, app.created}};
            if (!r.group.isEmpty())
                node.insert(u"group"_s, r.group);
            const bool workload = r.kind == "Deployment"_L1;
            if (hasHealth(r.kind)) {
                QJsonObject health{{u"status"_s, workload ? app.healthStatus : u"Healthy"_s}};
                if (workload && !app.healthMessage.isEmpty())
                    health.insert(u"message"_s, app.healthMessage);
                node.insert(u"health"_s, health);
            }
            if (!r.images.isEmpty())
                node.insert(u"images"_s, QJsonArray::fromStringList(r.images));
            if (workload) {
                node.insert(u"info"_s, QJsonArray{QJsonObject{{u"name"_s, u"Revision"_s},
                                                              {u"value"_s, u"Rev:%1"_s.arg(app.history.size())}}});
            }
            nodes.append(node);
            if (!workload)
                continue;
            const QString hash = uidFor(app.live->sha + r.name).left(10).remove(u'-');
            const QString rsName = r.name + u'-' + hash;
            const QString rsUid = uidFor(app.name + u"/ReplicaSet/"_s + rsName);
            const QString podHealth = app.healthStatus == "Healthy"_L1 ? u"Healthy"_s
                : app.healthStatus == "Degraded"_L1                    ? u"Degraded"_s
                                                                       : u"Progressing"_s;
            nodes.append(QJsonObject{
                {u"group"_s, u"apps"_s}, {u"version"_s, u"v1"_s}, {u"kind"_s, u"ReplicaSet"_s},
                {u"namespace"_s, r.ns}, {u"name"_s, rsName}, {u"uid"_s, rsUid},
                {u"parentRefs"_s, QJsonArray{QJsonObject{{u"group"_s, u"apps"_s}, {u"kind"_s, u"Deployment"_s},
                                                         {u"namespace"_s, r.ns}, {u"name"_s, r.name},
                                                         {u"uid"_s, uid}}}},
                {u"info"_s, QJsonArray{QJsonObject{{u"name"_s, u"Revision"_s},
                                                   {u"value"_s, u"Rev:%1"_s.arg(app.history.size())}}}},
                {u"health"_s, QJsonObject{{u"status"_s, podHealth}}},
                {u"images"_s, QJsonArray::fromStringList(r.images)},
                {u"createdAt"_s, app.healthSince.isEmpty() ? app.created : app.healthSince}});
            for (int i = 0; i < r.replicas; ++i) {
                const QString podName = rsName + u'-' + uidFor(rsName + QString::number(i)).left(5);
                QJsonObject health{{u"status"_s, podHealth}};
                if (podHealth == "Degraded"_L1)
                    health.insert(u"message"_s, u"back-off 5m0s restarting failed container"_s);
                nodes.append(QJsonObject{
                    {u"version"_s, u"v1"_s}, {u"kind"_s, u"Pod"_s}, {u"namespace"_s, r.ns}, {u"name"_s, podName},
                    {u"uid"_s, uidFor(app.name + u"/Pod/"_s + podName)},
                    {u"parentRefs"_s, QJsonArray{QJsonObject{{u"group"_s, u"apps"_s}, {u"kind"_s, u"ReplicaSet"_s},
                                                             {u"namespace"_s, r.ns}, {u"name"_s, rsName},
                                                             {u"uid"_s, rsUid}}}},
                    {u"info"_s, QJsonArray{QJsonObject{{u"name"_s, u"Status Reason"_s},
                                                       {u"value"_s, podHealth == "Healthy"_L1 ? u"Running"_s
                                                                    : podHealth == "Degraded"_L1 ? u"CrashLoopBackOff"_s
                                                                                                 : u"ContainerCreating"_s}}}},
                    {u"health"_s, health},
                    {u"images"_s, QJsonArray::fromStringList(r.images)},
                    {u"createdAt"_s, app.healthSince.isEmpty() ? app.created : app.healthSince}});
            }
        }
    }
    replyJson(c, QJsonObject{{u"nodes"_s, nodes}});
}

void Simulator::watch(HttpConnection *c, const HttpRequest &r)
{
    Watcher w;
    w.connection = c;
    w.sse = r.header("accept").contains("text/event-stream");
    w.name = r.query.queryItemValue(u"name"_s, QUrl::FullyDecoded);
    w.projects = r.query.allQueryItemValues(u"projects"_s, QUrl::FullyDecoded);
    w.selector = r.query.queryItemValue(u"selector"_s, QUrl::FullyDecoded);
    w.fields = splitFields(r.query);
    c->beginStream(200, w.sse ? "text/event-stream" : "application/json");
    const QString rvText = r.query.queryItemValue(u"resourceVersion"_s);
    bool rvOk = false;
    const qint64 since = rvText.toLongLong(&rvOk);
    if (!rvOk || !w.name.isEmpty()) {
        for (const auto &[name, app] : m_apps) {
            const QJsonObject json = toJson(app);
            if (matches(w, json))
                sendEvent(w, u"ADDED"_s, json);
        }
    } else {
        for (const Event &e : m_events) {
            if (e.resourceVersion > since && matches(w, e.application))
                sendEvent(w, e.type, e.application);
        }
    }
    m_watchers.append(w);
}

} // namespace gd::sim
