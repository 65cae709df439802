// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simhttp.h"

#include "manifest/kustomizerunner.h"
#include "workspace/workspaceconfig.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

#include <deque>
#include <map>
#include <memory>

class QTcpServer;

namespace gd::sim {

/// What the simulator is started with (the command line).
struct SimOptions {
    QString workspaceFile;
    quint16 port = 0;
    QString token;                 ///< the accepted bearer token (also what a login returns); empty: generated
    QString password = QStringLiteral("password");
    int healthDelayMs = 1500;
    QString degradedPattern;
    int reconcileMs = 1000;
    int keepaliveMs = 15000;
    int operationMs = 150;         ///< how long a sync operation stays Running
};

/// One Kubernetes object of a rendered manifest stream.
struct SimResource {
    QString group;
    QString version;
    QString kind;
    QString ns;
    QString name;
    int replicas = 1;
    QStringList images;
    QByteArray text;   ///< the document as rendered, compared to tell Synced from OutOfSync
};

/// A rendered source folder at one commit.
struct Rendering {
    QString sha;
    QString treeId;
    QByteArray manifests;
    std::vector<SimResource> resources;
    bool isKustomize = false;
};

/// A simulated Argo CD server: Applications read from the workspace's deployment repos, reconciled with kustomize,
/// served over the Argo CD REST API and watch stream on 127.0.0.1. Lives on the main thread; blocking renders are
/// short (kustomize, about 0.1 s) and cached by tree id.
class Simulator : public QObject {
    Q_OBJECT
public:
    explicit Simulator(SimOptions options, QObject *parent = nullptr);
    ~Simulator() override;

    /// Loads the workspace, registers and renders every Application, and starts listening. False with `error` set.
    bool start(QString *error);
    quint16 port() const;

private:
    struct App {
        QString name;
        QString ns = QStringLiteral("argocd");
        QJsonObject labels;
        QJsonObject annotations;
        QJsonArray finalizers;
        QJsonObject spec;
        QString uid;
        QString created;
        qint64 resourceVersion = 0;
        qint64 generation = 1;
        // desired (Git) and live (last synced)
        std::shared_ptr<const Rendering> desired;
        std::shared_ptr<const Rendering> live;
        QString comparisonError;
        QString reconciledAt;
        QString lastCompared;         ///< sha (or error) of the last comparison
        QString healthStatus = QStringLiteral("Healthy");
        QString healthMessage;
        QString healthSince;
        QJsonObject operation;        ///< non-empty while an operation runs
        QJsonObject operationState;
        QJsonArray history;
        qint64 nextHistoryId = 0;
        int healthGeneration = 0;
        QByteArray lastPayload;       ///< last broadcast JSON without resourceVersion
    };
    struct Watcher {
        QPointer<HttpConnection> connection;
        bool sse = true;
        QString name;
        QStringList projects;
        QString selector;
        QStringList fields;
    };
    struct Fault {
        QString kind;
        int count = 1;
        int delayMs = 0;
        QString path;
    };
    struct Event {
        qint64 resourceVersion;
        QString type;
        QString name;
        QJsonObject application;
    };

    void onConnection();
    void handle(HttpConnection *connection, const HttpRequest &request, bool faultsApplied);
    void handleFaults(HttpConnection *connection, const HttpRequest &request);
    void route(HttpConnection *connection, const HttpRequest &request);
    bool authorized(const HttpRequest &request, QString *message) const;

    void listApplications(HttpConnection *c, const HttpRequest &r);
    void getApplication(HttpConnection *c, const HttpRequest &r, const QString &name);
    void upsertApplication(HttpConnection *c, const HttpRequest &r);
    void deleteApplication(HttpConnection *c, const QString &name);
    void syncApplication(HttpConnection *c, const HttpRequest &r, const QString &name);
    void resourceTree(HttpConnection *c, const QString &name);
    void watch(HttpConnection *c, const HttpRequest &r);

    bool loadWorkspace(QString *error);
    void addApp(const QJsonObject &application);
    void reconcileAll();
    void reconcile(App &app, bool hard);
    void startSync(App &app, const QString &revision, bool dryRun, bool automated);
    void finishSync(const QString &name, const QString &revision, bool dryRun);
    void settleHealth(const QString &name, int generation);
    /// Renders `revision` of the app's source; empty with `error` set when it cannot.
    std::shared_ptr<const Rendering> render(const App &app, const QString &revision, bool hard, QString *error);
    bool degraded(const Rendering &rendering, QString *deployment) const;

    QJsonObject toJson(const App &app) const;
    QJsonArray resourceStatuses(const App &app) const;
    /// Publishes `app`'s state: bumps resourceVersion and broadcasts when it changed since the last time.
    void publish(App &app, const QString &type = QStringLiteral("MODIFIED"));
    void broadcast(const Event &event);
    void sendEvent(Watcher &watcher, const QString &type, const QJsonObject &application);
    bool matches(const Watcher &watcher, const QJsonObject &application) const;
    void keepalive();

    static QByteArray errorBody(int code, const QString &message);
    static int httpStatusFor(int grpcCode);
    void replyError(HttpConnection *c, int grpcCode, const QString &message);
    void replyJson(HttpConnection *c, const QJsonObject &object);

    SimOptions m_options;
    gd::ws::WorkspaceConfig m_config;
    gd::manifest::KustomizeRunner m_runner;
    QRegularExpression m_degraded;
    QTcpServer *m_server = nullptr;
    QTimer m_reconcileTimer;
    QTimer m_keepaliveTimer;
    std::map<QString, App> m_apps;
    QHash<QString, std::shared_ptr<const Rendering>> m_renderCache;
    qint64 m_resourceVersion = 0;
    std::deque<Event> m_events;
    QList<Watcher> m_watchers;
    QList<Fault> m_faults;
    int m_pendingStreamDrops = 0;
    bool m_loading = false;   ///< while the workspace loads: no events, no auto-sync
};

} // namespace gd::sim
