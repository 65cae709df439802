// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/rendereddiff.h"

#include "manifest/textdiff.h"
#include "manifest/yamltext.h"

#include <yaml-cpp/yaml.h>

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace gd::manifest {
namespace {

// The translatable sentences of this file, in the "gd::manifest" context (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(gd::manifest)
};

// One YAML document of a stream, cut from the original bytes.
struct Chunk {
    QByteArray text;
    int firstLine = 1;   // 1-based line of the chunk's first byte in the stream
};

// One resource of a rendered stream.
struct Resource {
    ResourceKey key;
    QByteArray text;     // the document's text, trailing blank lines removed, ending with one newline
    YAML::Node node;
};

// Which side of the comparison a stream is, for error messages.
enum class Side { Before, After };

// True when `line` is the document marker `marker` ("---" or "..."), alone or followed by a blank.
bool isMarker(QByteArrayView line, const char *marker)
{
    if (!line.startsWith(marker))
        return false;
    return line.size() == 3 || line.at(3) == ' ' || line.at(3) == '\t';
}

// True when the rest of a `---` line holds document content (`--- key: value`), not only blanks or a comment.
bool markerLineHasContent(QByteArrayView line)
{
    const QByteArray rest = line.sliced(3).toByteArray().trimmed();
    return !rest.isEmpty() && !rest.startsWith('#');
}

// Cuts `stream` at its `---` / `...` document markers. The marker lines themselves are left out, except a `---`
// line carrying content, which starts its chunk (yaml-cpp reads it as the document start).
std::vector<Chunk> splitDocuments(const QByteArray &stream)
{
    std::vector<Chunk> chunks;
    qsizetype chunkStart = 0;
    int chunkLine = 1;
    qsizetype pos = 0;
    int line = 1;
    while (pos < stream.size()) {
        const qsizetype newline = stream.indexOf('\n', pos);
        const qsizetype lineEnd = newline < 0 ? stream.size() : newline;
        const qsizetype next = newline < 0 ? stream.size() : newline + 1;
        QByteArrayView text(stream.constData() + pos, lineEnd - pos);
        if (text.endsWith('\r'))
            text.chop(1);
        const bool start = isMarker(text, "---");
        if (start || isMarker(text, "...")) {
            chunks.push_back({stream.mid(chunkStart, pos - chunkStart), chunkLine});
            if (start && markerLineHasContent(text)) {
                chunkStart = pos;
                chunkLine = line;
            } else {
                chunkStart = next;
                chunkLine = line + 1;
            }
        }
        pos = next;
        ++line;
    }
    chunks.push_back({stream.mid(chunkStart), chunkLine});
    return chunks;
}

QString sideName(Side side)
{
    return side == Side::Before ? Text::tr("The rendered manifests before the change")
                                : Text::tr("The rendered manifests after the change");
}

Error yamlError(Side side, const Chunk &chunk, const YAML::Exception &e)
{
    int line = 0;
    int column = 0;
    yamltext::lineAndColumn(chunk.text, yamltext::problemMark(chunk.text, e.msg, e.mark), &line, &column);
    return makeError(Error::Code::Yaml,
                     Text::tr("%1 are not valid YAML at line %2, column %3: %4")
                         .arg(sideName(side))
                         .arg(line + chunk.firstLine - 1)
                         .arg(column)
                         .arg(yamltext::problemSentence(e.msg)),
                     QString::fromStdString(e.what()));
}

QString scalarOf(const YAML::Node &map, const char *key)
{
    if (!map.IsDefined() || !map.IsMap())
        return {};
    const YAML::Node value = map[key];
    return value.IsDefined() && value.IsScalar() ? QString::fromStdString(value.Scalar()) : QString();
}

YAML::Node childOf(const YAML::Node &map, const char *key)
{
    // A missing key gives an undefined node; asking an undefined node anything but IsDefined() throws.
    if (!map.IsDefined() || !map.IsMap())
        return YAML::Node();
    const YAML::Node value = map[key];
    return value.IsDefined() ? value : YAML::Node();
}

// The API group of an apiVersion ("apps/v1" → "apps", "v1" → ""), so a version bump is a change, not a swap.
QString apiGroup(const QString &apiVersion)
{
    const qsizetype slash = apiVersion.lastIndexOf(u'/');
    return slash < 0 ? QString() : apiVersion.left(slash);
}

// The identity used to pair documents of both sides.
QString identity(const ResourceKey &key)
{
    return apiGroup(key.apiVersion) + u'|' + key.kind + u'|' + key.nameSpace + u'|' + key.name;
}

// The document text without trailing blank lines, ending with a single line break.
QByteArray normalizedText(const QByteArray &text)
{
    qsizetype end = text.size();
    while (end > 0 && (text.at(end - 1) == '\n' || text.at(end - 1) == '\r' || text.at(end - 1) == ' '
                       || text.at(end - 1) == '\t'))
        --end;
    return text.left(end) + '\n';
}

// Reads every resource of `stream`, keyed by identity; a repeated identity gets a "#n" suffix so none is lost.
Result<std::map<QString, Resource>> readResources(const QByteArray &stream, Side side)
{
    std::map<QString, Resource> resources;
    for (const Chunk &chunk : splitDocuments(stream)) {
        Resource resource;
        try {
            resource.node = YAML::Load(yamltext::toStd(chunk.text));
            const YAML::Node &node = resource.node;
            if (!node.IsDefined() || node.IsNull())
                continue;   // an empty document (only comments or blanks) is no resource
            if (!node.IsMap()) {
                return makeError(Error::Code::Yaml,
                                 Text::tr("%1 hold a document at line %2 that is not a Kubernetes resource (a mapping "
                                          "of fields to values). Fix the manifests, then review again.")
                                     .arg(sideName(side))
                                     .arg(chunk.firstLine));
            }
            resource.text = normalizedText(chunk.text);
            resource.key.apiVersion = scalarOf(node, "apiVersion");
            resource.key.kind = scalarOf(node, "kind");
            const YAML::Node metadata = childOf(node, "metadata");
            resource.key.name = scalarOf(metadata, "name");
            resource.key.nameSpace = scalarOf(metadata, "namespace");
        } catch (const YAML::Exception &e) {
            return yamlError(side, chunk, e);
        }
        const QString base = identity(resource.key);
        QString id = base;
        for (int n = 2; resources.count(id) != 0; ++n)
            id = base + u'#' + QString::number(n);
        resources.emplace(id, std::move(resource));
    }
    return resources;
}

// The pod spec of a workload: a Pod's spec, a CronJob's job template's pod spec, else spec.template.spec.
YAML::Node podSpec(const Resource &resource)
{
    const YAML::Node spec = childOf(resource.node, "spec");
    if (resource.key.kind == u"Pod"_s)
        return spec;
    if (resource.key.kind == u"CronJob"_s)
        return childOf(childOf(childOf(childOf(spec, "jobTemplate"), "spec"), "template"), "spec");
    return childOf(childOf(spec, "template"), "spec");
}

// The containers of one list field (`containers` or `initContainers`) as (name, image), in file order.
std::vector<std::pair<QString, QString>> containersOf(const YAML::Node &pod, const char *field)
{
    std::vector<std::pair<QString, QString>> out;
    const YAML::Node list = childOf(pod, field);
    if (!list.IsSequence())
        return out;
    for (const YAML::Node &container : list)
        out.emplace_back(scalarOf(container, "name"), scalarOf(container, "image"));
    return out;
}

void summarizeContainers(const YAML::Node &before, const YAML::Node &after, const char *field, bool init,
                         QStringList &summary)
{
    const auto old = containersOf(before, field);
    const auto now = containersOf(after, field);
    const auto find = [](const std::vector<std::pair<QString, QString>> &list, const QString &name) {
        return std::find_if(list.begin(), list.end(), [&name](const auto &c) { return c.first == name; });
    };
    for (const auto &[name, image] : now) {
        const auto it = find(old, name);
        if (it == old.end()) {
            const QString added =
                init ? Text::tr("init container %1 added (image %2)") : Text::tr("container %1 added (image %2)");
            summary << added.arg(name, image);
        } else if (it->second != image) {
            summary << Text::tr("image %1: %2 → %3").arg(name, it->second, image);
        }
    }
    for (const auto &[name, image] : old) {
        if (find(now, name) == now.end())
            summary << (init ? Text::tr("init container %1 removed") : Text::tr("container %1 removed")).arg(name);
    }
}

std::optional<QString> replicasOf(const Resource &resource)
{
    const YAML::Node replicas = childOf(childOf(resource.node, "spec"), "replicas");
    if (!replicas.IsScalar())
        return std::nullopt;
    return QString::fromStdString(replicas.Scalar());
}

QStringList summarize(const Resource &before, const Resource &after)
{
    QStringList summary;
    const YAML::Node oldPod = podSpec(before);
    const YAML::Node newPod = podSpec(after);
    summarizeContainers(oldPod, newPod, "containers", false, summary);
    summarizeContainers(oldPod, newPod, "initContainers", true, summary);
    const std::optional<QString> oldReplicas = replicasOf(before);
    const std::optional<QString> newReplicas = replicasOf(after);
    if (oldReplicas != newReplicas) {
        const QString notSet = Text::tr("not set");
        summary << Text::tr("replicas %1 → %2").arg(oldReplicas.value_or(notSet), newReplicas.value_or(notSet));
    }
    return summary;
}

// Position of a kind in the review order: the things others depend on first, then the workloads.
int kindRank(const QString &kind)
{
    static const QStringList order = {u"Namespace"_s, u"ConfigMap"_s, u"Secret"_s, u"Service"_s, u"Deployment"_s};
    const qsizetype index = order.indexOf(kind);
    return index < 0 ? int(order.size()) : int(index);
}

QString diffLabel(const QString &prefix, const ResourceKey &key)
{
    return prefix + key.label();
}

} // namespace

QString ResourceKey::label() const
{
    if (nameSpace.isEmpty())
        return kind + u'/' + name;
    return kind + u'/' + nameSpace + u'/' + name;
}

Result<std::vector<ResourceChange>> diffRenderedManifests(const QByteArray &before, const QByteArray &after)
{
    const Result<std::map<QString, Resource>> oldResources = readResources(before, Side::Before);
    if (!oldResources)
        return oldResources.error();
    const Result<std::map<QString, Resource>> newResources = readResources(after, Side::After);
    if (!newResources)
        return newResources.error();

    std::vector<ResourceChange> changes;
    const QString devNull = u"/dev/null"_s;
    try {
        for (const auto &[id, resource] : *newResources) {
            const auto old = oldResources->find(id);
            ResourceChange change;
            change.key = resource.key;
            if (old == oldResources->end()) {
                change.type = ResourceChange::Type::Added;
                change.diff = unifiedDiff({}, resource.text, devNull, diffLabel(u"b/"_s, resource.key));
            } else if (old->second.text != resource.text) {
                change.type = ResourceChange::Type::Changed;
                change.diff = unifiedDiff(old->second.text, resource.text, diffLabel(u"a/"_s, old->second.key),
                                          diffLabel(u"b/"_s, resource.key));
                change.summary = summarize(old->second, resource);
            } else {
                continue;
            }
            changes.push_back(std::move(change));
        }
    } catch (const YAML::Exception &e) {
        // Reading an already parsed tree does not throw in practice; this keeps any surprise inside the layer.
        return makeError(Error::Code::Yaml, Text::tr("The rendered manifests could not be compared."),
                         QString::fromStdString(e.what()));
    }
    for (const auto &[id, resource] : *oldResources) {
        if (newResources->count(id) != 0)
            continue;
        ResourceChange change;
        change.type = ResourceChange::Type::Removed;
        change.key = resource.key;
        change.diff = unifiedDiff(resource.text, {}, diffLabel(u"a/"_s, resource.key), devNull);
        changes.push_back(std::move(change));
    }

    std::stable_sort(changes.begin(), changes.end(), [](const ResourceChange &a, const ResourceChange &b) {
        const int rankA = kindRank(a.key.kind);
        const int rankB = kindRank(b.key.kind);
        if (rankA != rankB)
            return rankA < rankB;
        if (a.key.kind != b.key.kind)
            return a.key.kind < b.key.kind;
        if (a.key.nameSpace != b.key.nameSpace)
            return a.key.nameSpace < b.key.nameSpace;
        return a.key.name < b.key.name;
    });
    return changes;
}

} // namespace gd::manifest
