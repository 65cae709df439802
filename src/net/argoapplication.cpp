// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/argoapplication.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace gd::argo {
namespace {

QDateTime timeOf(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODate);
}

QString initiator(const QJsonObject &initiatedBy)
{
    if (initiatedBy.value("automated"_L1).toBool())
        return u"automated"_s;
    return initiatedBy.value("username"_L1).toString();
}

Error jsonError(const QString &what, const QString &detail)
{
    return makeError(Error::Code::InvalidInput,
                     QCoreApplication::translate("gd::argo", "Argo CD sent %1 that GitOps Desk cannot read.").arg(what),
                     detail);
}

Result<QJsonObject> parseObject(const QByteArray &json, const QString &what)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return jsonError(what, parseError.errorString());
    if (!document.isObject())
        return jsonError(what, u"the JSON is not an object"_s);
    return document.object();
}

// The translatable status words, in the "gd::argo::Status" context (lupdate reads the macro).
struct StatusText {
    Q_DECLARE_TR_FUNCTIONS(gd::argo::Status)
};

} // namespace

QString statusText(const QString &word)
{
    static const QHash<QString, const char *> words{
        {u"Healthy"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Healthy")},
        {u"Progressing"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Progressing")},
        {u"Degraded"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Degraded")},
        {u"Suspended"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Suspended")},
        {u"Missing"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Missing")},
        {u"Unknown"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Unknown")},
        {u"Synced"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Synced")},
        {u"OutOfSync"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Out of sync")},
        {u"Running"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Running")},
        {u"Terminating"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Terminating")},
        {u"Succeeded"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Succeeded")},
        {u"Failed"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Failed")},
        {u"Error"_s, QT_TRANSLATE_NOOP("gd::argo::Status", "Error")},
    };
    const char *source = words.value(word.isEmpty() ? u"Unknown"_s : word, nullptr);
    return source != nullptr ? StatusText::tr(source) : word;
}

Result<Application> parseApplication(const QJsonObject &object)
{
    if (object.isEmpty())
        return jsonError(QCoreApplication::translate("gd::argo", "an application"), u"empty object"_s);
    Application app;
    const QJsonObject metadata = object.value("metadata"_L1).toObject();
    app.name = metadata.value("name"_L1).toString();
    app.appNamespace = metadata.value("namespace"_L1).toString();
    app.resourceVersion = metadata.value("resourceVersion"_L1).toString();
    const QJsonObject labels = metadata.value("labels"_L1).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        app.labels.insert(it.key(), it.value().toString());

    const QJsonObject spec = object.value("spec"_L1).toObject();
    app.project = spec.value("project"_L1).toString();
    QJsonObject source = spec.value("source"_L1).toObject();
    if (source.isEmpty())
        source = spec.value("sources"_L1).toArray().first().toObject();
    app.repoUrl = source.value("repoURL"_L1).toString();
    app.path = source.value("path"_L1).toString();
    app.targetRevision = source.value("targetRevision"_L1).toString();
    const QJsonObject destination = spec.value("destination"_L1).toObject();
    app.destinationServer = destination.value("server"_L1).toString();
    app.destinationName = destination.value("name"_L1).toString();
    app.destinationNamespace = destination.value("namespace"_L1).toString();
    const QJsonValue automated = spec.value("syncPolicy"_L1).toObject().value("automated"_L1);
    if (automated.isObject()) {
        const QJsonObject a = automated.toObject();
        app.autoSync = a.value("enabled"_L1).toBool(true);
        app.selfHeal = a.value("selfHeal"_L1).toBool();
        app.prune = a.value("prune"_L1).toBool();
    }

    const QJsonObject status = object.value("status"_L1).toObject();
    const QJsonObject sync = status.value("sync"_L1).toObject();
    app.syncStatus = sync.value("status"_L1).toString(app.syncStatus);
    app.syncRevision = sync.value("revision"_L1).toString();
    if (app.syncRevision.isEmpty())
        app.syncRevision = sync.value("revisions"_L1).toArray().first().toString();
    const QJsonObject health = status.value("health"_L1).toObject();
    app.healthStatus = health.value("status"_L1).toString(app.healthStatus);
    app.healthMessage = health.value("message"_L1).toString();
    app.reconciledAt = timeOf(status.value("reconciledAt"_L1));

    const QJsonValue operation = object.value("operation"_L1);
    app.operationRequested = operation.isObject() && !operation.toObject().isEmpty();
    const QJsonObject opState = status.value("operationState"_L1).toObject();
    app.operationPhase = opState.value("phase"_L1).toString();
    app.operationMessage = opState.value("message"_L1).toString();
    app.operationStartedAt = timeOf(opState.value("startedAt"_L1));
    app.operationFinishedAt = timeOf(opState.value("finishedAt"_L1));
    const QJsonObject syncResult = opState.value("syncResult"_L1).toObject();
    app.operationRevision = syncResult.value("revision"_L1).toString();
    if (app.operationRevision.isEmpty())
        app.operationRevision = syncResult.value("revisions"_L1).toArray().first().toString();

    for (const QJsonValue &value : status.value("conditions"_L1).toArray()) {
        const QJsonObject c = value.toObject();
        app.conditions.push_back({c.value("type"_L1).toString(), c.value("message"_L1).toString()});
    }
    for (const QJsonValue &value : status.value("history"_L1).toArray()) {
        const QJsonObject h = value.toObject();
        HistoryEntry entry;
        const QJsonValue id = h.value("id"_L1);
        entry.id = id.isString() ? id.toString().toLongLong() : id.toInteger();
        entry.revision = h.value("revision"_L1).toString();
        if (entry.revision.isEmpty())
            entry.revision = h.value("revisions"_L1).toArray().first().toString();
        entry.deployedAt = timeOf(h.value("deployedAt"_L1));
        entry.deployStartedAt = timeOf(h.value("deployStartedAt"_L1));
        entry.initiatedBy = initiator(h.value("initiatedBy"_L1).toObject());
        app.history.push_back(std::move(entry));
    }
    for (const QJsonValue &value : status.value("summary"_L1).toObject().value("images"_L1).toArray())
        app.images.append(value.toString());
    return app;
}

Result<ApplicationList> parseApplicationList(const QByteArray &json)
{
    const auto object = parseObject(json, QCoreApplication::translate("gd::argo", "an application list"));
    if (!object)
        return object.error();
    ApplicationList list;
    list.resourceVersion = object->value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();
    // Argo CD sends `"items": null` (or nothing) for an empty list.
    for (const QJsonValue &item : object->value("items"_L1).toArray()) {
        auto app = parseApplication(item.toObject());
        if (!app)
            return app.error();
        list.items.push_back(std::move(app.value()));
    }
    return list;
}

Result<ResourceTree> parseResourceTree(const QByteArray &json)
{
    const auto object = parseObject(json, QCoreApplication::translate("gd::argo", "a resource tree"));
    if (!object)
        return object.error();
    ResourceTree tree;
    for (const QJsonValue &value : object->value("nodes"_L1).toArray()) {
        const QJsonObject n = value.toObject();
        ResourceNode node;
        node.group = n.value("group"_L1).toString();
        node.version = n.value("version"_L1).toString();
        node.kind = n.value("kind"_L1).toString();
        node.nameSpace = n.value("namespace"_L1).toString();
        node.name = n.value("name"_L1).toString();
        node.uid = n.value("uid"_L1).toString();
        for (const QJsonValue &parent : n.value("parentRefs"_L1).toArray())
            node.parentUids.append(parent.toObject().value("uid"_L1).toString());
        const QJsonObject health = n.value("health"_L1).toObject();
        node.healthStatus = health.value("status"_L1).toString();
        node.healthMessage = health.value("message"_L1).toString();
        for (const QJsonValue &image : n.value("images"_L1).toArray())
            node.images.append(image.toString());
        for (const QJsonValue &info : n.value("info"_L1).toArray()) {
            const QJsonObject i = info.toObject();
            node.info.insert(i.value("name"_L1).toString(), i.value("value"_L1).toString());
        }
        tree.nodes.push_back(std::move(node));
    }
    return tree;
}

Result<WatchEvent> parseWatchEvent(const QByteArray &data)
{
    const auto object = parseObject(data, QCoreApplication::translate("gd::argo", "a watch event"));
    if (!object)
        return object.error();
    if (object->contains("error"_L1)) {
        const QJsonObject e = object->value("error"_L1).toObject();
        const int httpCode = e.value("http_code"_L1).toInt();
        const QString message = e.value("message"_L1).toString();
        const Error::Code code = httpCode == 401 ? Error::Code::Auth
                                 : httpCode == 403 ? Error::Code::Auth
                                 : httpCode == 404 ? Error::Code::NotFound
                                                   : Error::Code::Network;
        return makeError(code,
                         QCoreApplication::translate("gd::argo", "Argo CD ended the live updates: %1 (%2).")
                             .arg(message, QString::number(httpCode)),
                         QString::fromUtf8(data));
    }
    const QJsonObject result = object->value("result"_L1).toObject();
    const QString type = result.value("type"_L1).toString();
    WatchEvent event;
    if (type == u"ADDED")
        event.type = WatchEvent::Type::Added;
    else if (type == u"MODIFIED")
        event.type = WatchEvent::Type::Modified;
    else if (type == u"DELETED")
        event.type = WatchEvent::Type::Deleted;
    else
        return jsonError(QCoreApplication::translate("gd::argo", "a watch event"),
                         u"unknown event type \"%1\""_s.arg(type));
    auto app = parseApplication(result.value("application"_L1).toObject());
    if (!app)
        return app.error();
    event.application = std::move(app.value());
    return event;
}

} // namespace gd::argo
