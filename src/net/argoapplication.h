// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace gd::argo {

/// One entry of `status.conditions`.
struct Condition {
    QString type;
    QString message;
};

/// One entry of `status.history` (oldest first in Argo CD's own order).
struct HistoryEntry {
    qint64 id = 0;
    QString revision;
    QDateTime deployedAt;
    QDateTime deployStartedAt;
    QString initiatedBy;
};

/// What GitOps Desk reads from an Argo CD Application (reference/argocd-api.md §3). Absent JSON fields keep these
/// defaults, since Argo CD omits empty fields.
struct Application {
    QString name;
    QString appNamespace;
    QString project;
    QMap<QString, QString> labels;
    QString resourceVersion;

    QString repoUrl;          ///< spec.source.repoURL (or the first of spec.sources)
    QString path;             ///< spec.source.path
    QString targetRevision;
    QString destinationServer;
    QString destinationName;
    QString destinationNamespace;
    bool autoSync = false;    ///< spec.syncPolicy.automated present and enabled != false
    bool selfHeal = false;
    bool prune = false;

    QString syncStatus = QStringLiteral("Unknown");   ///< Synced | OutOfSync | Unknown
    QString syncRevision;
    QString healthStatus = QStringLiteral("Unknown"); ///< Healthy | Progressing | Degraded | Suspended | Missing | Unknown
    QString healthMessage;
    QDateTime reconciledAt;

    bool operationRequested = false;   ///< top-level `operation` is set
    QString operationPhase;            ///< Running | Terminating | Failed | Error | Succeeded, empty when none
    QString operationMessage;
    QDateTime operationStartedAt;
    QDateTime operationFinishedAt;
    QString operationRevision;         ///< status.operationState.syncResult.revision

    std::vector<Condition> conditions;
    std::vector<HistoryEntry> history;
    QStringList images;                ///< status.summary.images

    /// True while a sync operation is requested or running (a spinner shows).
    bool operationInProgress() const
    {
        return operationRequested || operationPhase == u"Running" || operationPhase == u"Terminating";
    }
};

/// A List response: the items and the list's resourceVersion to watch from.
struct ApplicationList {
    QString resourceVersion;
    std::vector<Application> items;
};

/// One node of the resource tree (Deployments, ReplicaSets, Pods, ...).
struct ResourceNode {
    QString group;
    QString version;
    QString kind;
    QString nameSpace;
    QString name;
    QString uid;
    QStringList parentUids;
    QString healthStatus;    ///< empty for kinds without a health check
    QString healthMessage;
    QStringList images;
    QMap<QString, QString> info;
};

struct ResourceTree {
    std::vector<ResourceNode> nodes;
};

/// One event of the watch stream.
struct WatchEvent {
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Modified;
    Application application;
};

/// An Argo CD status word (health: Healthy, Progressing, …; sync: Synced, OutOfSync, …; operation phase: Succeeded,
/// Failed, …) in the user's language; an unknown word as it is, an empty one as "Unknown".
QString statusText(const QString &word);

/// Parsers of Argo CD's JSON. They accept every real Application (unknown fields are ignored, absent fields
/// default); an error only when the JSON is not an object of the expected kind. Pure; any thread.
Result<Application> parseApplication(const QJsonObject &object);
Result<ApplicationList> parseApplicationList(const QByteArray &json);
Result<ResourceTree> parseResourceTree(const QByteArray &json);
/// Parses one `data:` payload of the watch stream: `{"result":{"type":…,"application":…}}`, or
/// `{"error":{"grpc_code":…,"http_code":…,"message":…}}` which becomes an Error (Auth for 401).
Result<WatchEvent> parseWatchEvent(const QByteArray &data);

} // namespace gd::argo
