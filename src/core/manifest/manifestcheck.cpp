// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/manifestcheck.h"

#include "manifest/kustomization.h"
#include "manifest/yamlcheck.h"
#include "manifest/yamltext.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <deque>
#include <optional>
#include <string_view>

using namespace Qt::Literals::StringLiterals;

namespace gd::manifest {
namespace {

// The translatable sentences of this file, in the "gd::manifest::ManifestCheck" context (lupdate reads the macro).
struct ManifestCheckText {
    Q_DECLARE_TR_FUNCTIONS(gd::manifest::ManifestCheck)
};

// A YAML node as the checks need it. Built from the parser's events, so one pass yields every document that parsed
// even when a later one is broken (the editor shows schema findings above a syntax error), at a fraction of the
// cost of yaml-cpp's own node graph.
struct Node {
    enum class Type { Null, Scalar, Sequence, Map };

    Type type = Type::Null;
    YAML::Mark mark;
    bool plain = false;   // an untagged, unquoted scalar: the only kind YAML may read as a number
    std::string scalar;
    std::vector<const Node *> children;   // sequence items; for a map: key, value, key, value, ...

    bool isMap() const { return type == Type::Map; }
    bool isSequence() const { return type == Type::Sequence; }
    bool isScalar() const { return type == Type::Scalar; }
};

// A key of a mapping and its value; both null when the key is absent.
struct Field {
    const Node *key = nullptr;
    const Node *value = nullptr;

    explicit operator bool() const { return key != nullptr; }
};

Field field(const Node *map, std::string_view name)
{
    if (!map || !map->isMap())
        return {};
    for (size_t i = 0; i + 1 < map->children.size(); i += 2) {
        const Node *key = map->children[i];
        if (key->isScalar() && key->scalar == name)
            return {key, map->children[i + 1]};
    }
    return {};
}

const Node *child(const Node *map, std::string_view name)
{
    return field(map, name).value;
}

std::string_view scalarOf(const Node *node)
{
    return node && node->isScalar() ? std::string_view(node->scalar) : std::string_view();
}

QString textOf(const Node *node)
{
    return node && node->isScalar() ? QString::fromStdString(node->scalar) : QString();
}

// A value still holding a template placeholder is checked once rendered, not before.
bool hasPlaceholder(const Node *node)
{
    return node && node->isScalar() && node->scalar.find("${") != std::string::npos;
}

bool isEmptyValue(const Node *node)
{
    return !node || node->type == Node::Type::Null || (node->isScalar() && node->scalar.empty());
}

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The whole number a scalar stands for as Kubernetes' YAML decoding reads it (plain decimal, or an explicit !!int).
std::optional<long long> integerOf(const Node *node)
{
    if (!node || !node->isScalar())
        return std::nullopt;
    std::string_view s = node->scalar;
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (!node->plain || !allDigits(s) || s.size() > 12)
        return std::nullopt;
    long long value = 0;
    for (char c : s)
        value = value * 10 + (c - '0');
    return negative ? -value : value;
}

// Quoted digits: text where Kubernetes wants a number.
bool isQuotedNumber(const Node *node)
{
    return node && node->isScalar() && !node->plain && allDigits(node->scalar);
}

// IANA_SVC_NAME as Kubernetes validates port names: 1-15 of a-z, 0-9 and '-', at least one letter, no '-' at
// either end, no "--".
bool isPortName(std::string_view s)
{
    if (s.empty() || s.size() > 15 || s.front() == '-' || s.back() == '-' || s.find("--") != std::string_view::npos)
        return false;
    bool letter = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z')
            letter = true;
        else if (!(c >= '0' && c <= '9') && c != '-')
            return false;
    }
    return letter;
}

bool isDnsAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

enum class NameProblem { None, TooLong, BadCharacter, BadEdge };

// DNS-1123 subdomain: at most 253 characters; dot-separated parts of a-z, 0-9 and '-' that start and end with a
// letter or digit.
NameProblem subdomainProblem(std::string_view name)
{
    if (name.size() > 253)
        return NameProblem::TooLong;
    for (char c : name) {
        if (!isDnsAlnum(c) && c != '-' && c != '.')
            return NameProblem::BadCharacter;
    }
    size_t start = 0;
    while (start <= name.size()) {
        const size_t dot = std::min(name.find('.', start), name.size());
        const std::string_view part = name.substr(start, dot - start);
        if (part.empty() || !isDnsAlnum(part.front()) || !isDnsAlnum(part.back()))
            return NameProblem::BadEdge;
        start = dot + 1;
    }
    return NameProblem::None;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    });
    return out;
}

int editDistance(std::string_view a, std::string_view b)
{
    std::vector<int> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (size_t j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The fields of kustomize v5's Kustomization type (api/types/kustomization.go), deprecated ones included.
constexpr std::string_view kustomizationFields[] = {
    "apiVersion", "kind", "metadata", "resources", "components", "bases", "namespace", "namePrefix", "nameSuffix",
    "commonLabels", "labels", "commonAnnotations", "patches", "patchesStrategicMerge", "patchesJson6902", "images",
    "imageTags", "replacements", "replicas", "vars", "configMapGenerator", "secretGenerator", "generatorOptions",
    "generators", "transformers", "validators", "crds", "configurations", "openapi", "helmCharts", "helmGlobals",
    "helmChartInflationGenerator", "buildMetadata", "sortOptions"};

bool isKustomizationField(std::string_view key)
{
    return std::find(std::begin(kustomizationFields), std::end(kustomizationFields), key)
           != std::end(kustomizationFields);
}

// The field `key` was probably meant to be: same letters in another case, a missing plural "s", or a typo of one
// or two letters (one for short keys). Empty when nothing is close.
std::string_view nearestField(std::string_view key)
{
    const std::string typed = lower(key);
    std::string_view best;
    int bestDistance = typed.size() >= 5 ? 3 : 2;
    for (std::string_view candidate : kustomizationFields) {
        const std::string known = lower(candidate);
        int distance = editDistance(typed, known);
        if (known == typed + "s" || known == typed + "es")
            distance = 0;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

// A kustomize remote target (git URL or host/org/repo path) rather than a local file.
bool looksRemote(const QString &path)
{
    if (path.contains(u"://"_s) || path.startsWith(u"git@"_s) || path.startsWith(u"git::"_s)
        || path.contains(u"?ref="_s) || path.contains(u"?version="_s))
        return true;
    const qsizetype slash = path.indexOf(u'/');
    if (slash <= 0)
        return false;
    const QStringView host = QStringView(path).left(slash);
    return host.contains(u'.') && !host.startsWith(u'.');
}

bool isWorkload(std::string_view kind)
{
    return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "Job" || kind == "CronJob";
}

// Builds Nodes from the parser's events, document by document.
class TreeBuilder : public YAML::EventHandler {
public:
    explicit TreeBuilder(std::deque<Node> &arena) : m_arena(arena) {}

    std::vector<const Node *> documents;   // the root of every complete, non-empty document

    void OnDocumentStart(const YAML::Mark &) override
    {
        m_stack.clear();
        m_anchors.clear();
        m_root = nullptr;
    }

    void OnDocumentEnd() override
    {
        if (m_root)
            documents.push_back(m_root);
        m_root = nullptr;
    }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        attach(make(Node::Type::Null, mark), anchor);
    }

    void OnAlias(const YAML::Mark &, YAML::anchor_t anchor) override
    {
        // yaml-cpp has already rejected an alias to an unknown anchor.
        if (anchor < m_anchors.size() && m_anchors[anchor])
            attach(m_anchors[anchor], YAML::NullAnchor);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        Node *node = make(Node::Type::Scalar, mark);
        node->plain = tag == "?" || tag == "tag:yaml.org,2002:int";
        node->scalar = value;
        attach(node, anchor);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        Node *node = make(Node::Type::Sequence, mark);
        attach(node, anchor);
        m_stack.push_back(node);
    }

    void OnSequenceEnd() override { pop(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        Node *node = make(Node::Type::Map, mark);
        attach(node, anchor);
        m_stack.push_back(node);
    }

    void OnMapEnd() override { pop(); }

private:
    Node *make(Node::Type type, const YAML::Mark &mark)
    {
        Node &node = m_arena.emplace_back();
        node.type = type;
        node.mark = mark;
        return &node;
    }

    void attach(const Node *node, YAML::anchor_t anchor)
    {
        if (anchor != YAML::NullAnchor) {
            if (anchor >= m_anchors.size())
                m_anchors.resize(anchor + 1, nullptr);
            m_anchors[anchor] = node;
        }
        if (m_stack.empty())
            m_root = node;
        else
            m_stack.back()->children.push_back(node);
    }

    void pop()
    {
        if (!m_stack.empty())
            m_stack.pop_back();
    }

    std::deque<Node> &m_arena;
    std::vector<Node *> m_stack;
    std::vector<const Node *> m_anchors;
    const Node *m_root = nullptr;
};

// Every document of `text` that parses, in order; stops quietly at a syntax error (checkYaml reports it).
std::vector<const Node *> parseDocuments(const QByteArray &text, std::deque<Node> &arena)
{
    TreeBuilder builder(arena);
    try {
        yamltext::handleAll(text, builder);
    } catch (const std::exception &) {
        // The documents before the broken one are still worth checking.
    }
    return std::move(builder.documents);
}

// The document holding the kustomization, as Kustomization::parse picks it.
const Node *kustomizationDocument(const std::vector<const Node *> &documents)
{
    const Node *firstMap = nullptr;
    for (const Node *doc : documents) {
        if (!doc->isMap())
            continue;
        if (!firstMap)
            firstMap = doc;
        const std::string_view apiVersion = scalarOf(child(doc, "apiVersion"));
        const std::string_view kind = scalarOf(child(doc, "kind"));
        if (apiVersion.substr(0, 24) == "kustomize.config.k8s.io/" || kind == "Kustomization" || kind == "Component")
            return doc;
    }
    return firstMap;
}

class Checker {
public:
    Checker(const QByteArray &text, Diagnostics &out) : m_text(text), m_out(out) {}

    void error(const Node *at, const QString &message)
    {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Error;
        yamltext::lineAndColumn(m_text, at ? at->mark : YAML::Mark::null_mark(), &d.line, &d.column);
        d.message = message;
        m_out.push_back(std::move(d));
    }

    // Where to point at a field: its value, unless that is a null (whose mark is the token after it).
    static const Node *anchorOf(const Field &f)
    {
        return f.value && f.value->type != Node::Type::Null ? f.value : f.key;
    }

    void kustomization(const Node *doc, const PathProbe &exists)
    {
        for (size_t i = 0; i + 1 < doc->children.size(); i += 2) {
            const Node *key = doc->children[i];
            const Node *value = doc->children[i + 1];
            if (!key->isScalar())
                continue;
            const std::string_view name = key->scalar;
            if (!isKustomizationField(name)) {
                unknownField(key);
                continue;
            }
            if (!exists)
                continue;
            if (name == "resources" || name == "bases" || name == "components") {
                forEachItem(value, [&](const Node *item) { path(item, textOf(item), exists); });
            } else if (name == "patches" || name == "patchesJson6902") {
                forEachItem(value, [&](const Node *item) {
                    const Node *p = child(item, "path");
                    path(p, textOf(p), exists);
                });
            } else if (name == "patchesStrategicMerge") {
                forEachItem(value, [&](const Node *item) {
                    // An entry is a file path or an inline patch (YAML text: it has lines or "key: value").
                    const QString s = textOf(item);
                    if (!s.contains(u'\n') && !s.contains(u": "_s) && !s.startsWith(u'{'))
                        path(item, s, exists);
                });
            } else if (name == "configMapGenerator" || name == "secretGenerator") {
                forEachItem(value, [&](const Node *generator) { generatorFiles(generator, exists); });
            }
        }
    }

    void object(const Node *doc, bool partial)
    {
        const Field apiVersion = field(doc, "apiVersion");
        const Field kind = field(doc, "kind");
        if (apiVersion ? isEmptyValue(apiVersion.value) : !partial)
            error(apiVersion ? anchorOf(apiVersion) : doc,
                  ManifestCheckText::tr("This object has no \"apiVersion\"; add the API version of its kind, for "
                                        "example \"apiVersion: apps/v1\" for a Deployment."));
        if (kind ? isEmptyValue(kind.value) : !partial)
            error(kind ? anchorOf(kind) : doc,
                  ManifestCheckText::tr("This object has no \"kind\"; add the kind of Kubernetes object it "
                                        "describes, for example \"kind: Deployment\"."));
        const std::string_view kindName = scalarOf(kind.value);
        if (kindName.size() >= 4 && kindName.substr(kindName.size() - 4) == "List" && field(doc, "items"))
            return;   // a List holds objects but has no name of its own
        metadataName(doc, kindName, scalarOf(apiVersion.value), partial);

        const Node *spec = child(doc, "spec");
        if (isWorkload(kindName)) {
            const Field replicas = field(spec, "replicas");
            if (replicas)
                count(replicas);
            const Node *owner = kindName == "CronJob" ? child(child(spec, "jobTemplate"), "spec") : spec;
            podTemplate(owner, QString::fromUtf8(kindName.data(), qsizetype(kindName.size())), partial);
        } else if (kindName == "Service") {
            forEachItem(child(spec, "ports"), [&](const Node *port) { servicePort(port, partial); });
        }
    }

    void application(const std::vector<const Node *> &documents, bool yamlOk)
    {
        const Node *doc = nullptr;
        for (const Node *d : documents) {
            if (d->isMap()) {
                doc = d;
                break;
            }
        }
        if (!doc) {
            if (yamlOk)
                error(nullptr, ManifestCheckText::tr("The file holds no Argo CD Application; it is empty or not a "
                                                     "mapping of fields to values."));
            return;
        }
        const Field kind = field(doc, "kind");
        if (!kind)
            error(doc, ManifestCheckText::tr("This file should hold an Argo CD Application but has no \"kind\"; "
                                             "add \"kind: Application\"."));
        else if (scalarOf(kind.value) != "Application")
            error(anchorOf(kind), ManifestCheckText::tr("This file should hold an Argo CD Application, but its kind "
                                                        "is \"%1\"; write \"kind: Application\".")
                                      .arg(textOf(kind.value)));
        const Field spec = field(doc, "spec");
        const Field source = field(spec.value, "source");
        if (!isEmptyValue(child(source.value, "path")))
            return;
        bool anyPath = false;
        forEachItem(child(spec.value, "sources"),
                    [&](const Node *s) { anyPath = anyPath || !isEmptyValue(child(s, "path")); });
        if (!anyPath)
            error(source ? source.key : spec ? spec.key : doc,
                  ManifestCheckText::tr("The Application has no spec.source.path, so Argo CD does not know which "
                                        "folder to deploy; set it to this environment's manifests folder."));
    }

private:
    template<typename F>
    static void forEachItem(const Node *list, F &&f)
    {
        if (!list || !list->isSequence())
            return;
        for (const Node *item : list->children)
            f(item);
    }

    void unknownField(const Node *key)
    {
        const std::string_view suggestion = nearestField(key->scalar);
        if (suggestion.empty())
            error(key, ManifestCheckText::tr("\"%1\" is not a kustomization field, so kustomize rejects the file; "
                                             "remove it or correct its spelling.")
                           .arg(textOf(key)));
        else
            error(key, ManifestCheckText::tr("\"%1\" is not a kustomization field, so kustomize rejects the file; "
                                             "did you mean \"%2\"?")
                           .arg(textOf(key), QString::fromUtf8(suggestion.data(), qsizetype(suggestion.size()))));
    }

    void path(const Node *at, const QString &relative, const PathProbe &exists)
    {
        if (!at || !at->isScalar() || relative.isEmpty() || hasPlaceholder(at) || looksRemote(relative))
            return;
        if (exists(relative))
            return;
        error(at, ManifestCheckText::tr("\"%1\" does not exist next to this kustomization, so kustomize cannot "
                                        "build it; correct the path or add the file.")
                      .arg(relative));
    }

    void generatorFiles(const Node *generator, const PathProbe &exists)
    {
        // `files` entries are "path" or "key=path"; `envs` (and the deprecated `env`) name env files.
        forEachItem(child(generator, "files"), [&](const Node *item) {
            const QString s = textOf(item);
            const qsizetype eq = s.indexOf(u'=');
            path(item, eq >= 0 ? s.mid(eq + 1) : s, exists);
        });
        forEachItem(child(generator, "envs"), [&](const Node *item) { path(item, textOf(item), exists); });
        const Node *env = child(generator, "env");
        path(env, textOf(env), exists);
    }

    void metadataName(const Node *doc, std::string_view kind, std::string_view apiVersion, bool partial)
    {
        const Field metadata = field(doc, "metadata");
        const Field name = field(metadata.value, "name");
        if (!name) {
            if (!partial && !field(metadata.value, "generateName"))
                error(metadata ? metadata.key : doc,
                      ManifestCheckText::tr("This object has no metadata.name; kustomize and Kubernetes need a name "
                                            "for every object."));
            return;
        }
        if (hasPlaceholder(name.value))
            return;
        const QString value = textOf(name.value);
        if (isEmptyValue(name.value)) {
            error(anchorOf(name), ManifestCheckText::tr("metadata.name is empty; give the object a name."));
            return;
        }
        if (!name.value->isScalar()) {
            error(name.value, ManifestCheckText::tr("metadata.name must be a single name, not a list or mapping."));
            return;
        }
        // RBAC objects may use any name that is a valid path segment ("system:metrics-reader").
        const bool rbac = apiVersion.substr(0, 26) == "rbac.authorization.k8s.io/"
                          && (kind == "Role" || kind == "ClusterRole" || kind == "RoleBinding"
                              || kind == "ClusterRoleBinding");
        if (rbac) {
            if (value == u"."_s || value == u".."_s || value.contains(u'/') || value.contains(u'%'))
                error(name.value, ManifestCheckText::tr("The name \"%1\" is not allowed: it may not be \".\" or "
                                                        "\"..\" nor contain '/' or '%'.")
                                      .arg(value));
            return;
        }
        switch (subdomainProblem(name.value->scalar)) {
        case NameProblem::None:
            break;
        case NameProblem::TooLong:
            error(name.value, ManifestCheckText::tr("The name \"%1\" is longer than 253 characters, which "
                                                    "Kubernetes does not accept.")
                                  .arg(value));
            break;
        case NameProblem::BadCharacter:
            error(name.value, ManifestCheckText::tr("The name \"%1\" is not a valid Kubernetes name; use only "
                                                    "lower-case letters, digits, '-' and '.'.")
                                  .arg(value));
            break;
        case NameProblem::BadEdge:
            error(name.value, ManifestCheckText::tr("The name \"%1\" is not a valid Kubernetes name; it must start "
                                                    "and end with a letter or digit, also around each '.'.")
                                  .arg(value));
            break;
        }
    }

    void count(const Field &replicas)
    {
        if (hasPlaceholder(replicas.value))
            return;
        if (isQuotedNumber(replicas.value)) {
            error(replicas.value, ManifestCheckText::tr("\"replicas\" must be a number, but \"%1\" is quoted text; "
                                                        "remove the quotes.")
                                      .arg(textOf(replicas.value)));
            return;
        }
        const std::optional<long long> n = integerOf(replicas.value);
        if (!n || *n < 0)
            error(anchorOf(replicas), ManifestCheckText::tr("\"replicas\" must be a whole number of 0 or more; "
                                                            "\"%1\" is not.")
                                          .arg(textOf(replicas.value)));
    }

    // A port that must be a number (containerPort, a Service's port, a gRPC probe's port).
    void portNumber(const Field &port)
    {
        if (hasPlaceholder(port.value))
            return;
        const QString what = textOf(port.key);
        if (isQuotedNumber(port.value)) {
            error(port.value, ManifestCheckText::tr("\"%1\" must be a number, but \"%2\" is quoted text; remove the "
                                                    "quotes.")
                                  .arg(what, textOf(port.value)));
            return;
        }
        const std::optional<long long> n = integerOf(port.value);
        if (!n)
            error(anchorOf(port), ManifestCheckText::tr("\"%1\" must be a port number from 1 to 65535; \"%2\" is "
                                                        "not a number.")
                                      .arg(what, textOf(port.value)));
        else if (*n < 1 || *n > 65535)
            error(port.value, ManifestCheckText::tr("\"%1\" is %2, but a port number must be from 1 to 65535.")
                                  .arg(what)
                                  .arg(*n));
    }

    // A port given as a number or as the name of a container port (targetPort, an HTTP or TCP probe's port).
    void portNumberOrName(const Field &port)
    {
        if (hasPlaceholder(port.value))
            return;
        if (integerOf(port.value) || isQuotedNumber(port.value)) {
            portNumber(port);
            return;
        }
        if (!isPortName(scalarOf(port.value)))
            error(anchorOf(port), ManifestCheckText::tr("\"%1\" must be a port number from 1 to 65535 or a port "
                                                        "name (at most 15 lower-case letters, digits and '-', with "
                                                        "a letter); \"%2\" is neither.")
                                      .arg(textOf(port.key), textOf(port.value)));
    }

    void podTemplate(const Node *owner, const QString &kind, bool partial)
    {
        const Node *podTemplate = child(owner, "template");
        const Node *podSpec = child(podTemplate, "spec");
        for (const char *list : {"initContainers", "containers"})
            forEachItem(child(podSpec, list), [&](const Node *c) { container(c, partial); });

        const Node *matchLabels = child(child(owner, "selector"), "matchLabels");
        const Node *labels = child(child(podTemplate, "metadata"), "labels");
        if (!matchLabels || !matchLabels->isMap() || (partial && !labels))
            return;
        for (size_t i = 0; i + 1 < matchLabels->children.size(); i += 2) {
            const Node *key = matchLabels->children[i];
            const Node *wanted = matchLabels->children[i + 1];
            if (!key->isScalar() || hasPlaceholder(key) || hasPlaceholder(wanted))
                continue;
            const Field label = field(labels, key->scalar);
            if (!label) {
                if (!partial)
                    error(key, ManifestCheckText::tr("The selector label \"%1: %2\" is not among the pod template's "
                                                     "labels, so the %3 selects none of its own pods; add it to "
                                                     "spec.template.metadata.labels.")
                                   .arg(textOf(key), textOf(wanted), kind));
            } else if (!hasPlaceholder(label.value) && scalarOf(label.value) != scalarOf(wanted)) {
                error(key, ManifestCheckText::tr("The selector label \"%1\" is \"%2\" but the pod template's label is "
                                                 "\"%3\", so the %4 selects none of its own pods; make them equal.")
                               .arg(textOf(key), textOf(wanted), textOf(label.value), kind));
            }
        }
    }

    void container(const Node *c, bool partial)
    {
        if (!c->isMap())
            return;
        const Field name = field(c, "name");
        const Field image = field(c, "image");
        if (name ? isEmptyValue(name.value) : !partial)
            error(name ? name.key : c, ManifestCheckText::tr("This container has no name; give every container a "
                                                             "\"name\" (lower-case letters, digits and '-')."));
        if (image ? isEmptyValue(image.value) : !partial)
            error(image ? image.key : c, ManifestCheckText::tr("The container \"%1\" has no image; add \"image:\" "
                                                               "with the image to run.")
                                             .arg(textOf(name.value)));
        forEachItem(child(c, "ports"), [&](const Node *port) {
            const Field containerPort = field(port, "containerPort");
            if (containerPort)
                portNumber(containerPort);
            else if (!partial && port->isMap())
                error(port, ManifestCheckText::tr("This port has no \"containerPort\"; add the port number the "
                                                  "container listens on."));
        });
        for (const char *probe : {"livenessProbe", "readinessProbe", "startupProbe"}) {
            const Node *p = child(c, probe);
            for (const char *handler : {"httpGet", "tcpSocket"}) {
                const Field port = field(child(p, handler), "port");
                if (port)
                    portNumberOrName(port);
            }
            const Field grpcPort = field(child(p, "grpc"), "port");
            if (grpcPort)
                portNumber(grpcPort);
        }
    }

    void servicePort(const Node *port, bool partial)
    {
        if (!port->isMap())
            return;
        const Field number = field(port, "port");
        if (number)
            portNumber(number);
        else if (!partial)
            error(port, ManifestCheckText::tr("This Service port has no \"port\"; add the port number the Service "
                                              "listens on."));
        const Field target = field(port, "targetPort");
        if (target)
            portNumberOrName(target);
    }

    const QByteArray &m_text;
    Diagnostics &m_out;
};

bool isKustomizationFileName(const QString &name)
{
    return name == u"kustomization.yaml"_s || name == u"kustomization.yml"_s || name == u"Kustomization"_s;
}

} // namespace

Diagnostics checkManifest(const QByteArray &text, ManifestRole role, const PathProbe &exists)
{
    Diagnostics out = checkYaml(text);
    const bool yamlOk = !hasErrors(out);
    std::deque<Node> arena;
    const std::vector<const Node *> documents = parseDocuments(text, arena);
    Checker checker(text, out);

    switch (role) {
    case ManifestRole::Kustomization: {
        auto parsed = Kustomization::parse(text);
        if (parsed.ok()) {
            out.insert(out.end(), parsed->warnings().begin(), parsed->warnings().end());
        } else if (yamlOk) {
            out.push_back(Diagnostic{Diagnostic::Severity::Error, 1, 1, parsed.error().message});
        }
        if (const Node *doc = kustomizationDocument(documents))
            checker.kustomization(doc, exists);
        break;
    }
    case ManifestRole::Resource:
    case ManifestRole::Patch:
        for (const Node *doc : documents) {
            if (doc->isMap())
                checker.object(doc, role == ManifestRole::Patch);
        }
        break;
    case ManifestRole::Unknown:
        for (const Node *doc : documents) {
            if (doc->isMap() && field(doc, "apiVersion") && field(doc, "kind"))
                checker.object(doc, true);
        }
        break;
    case ManifestRole::ArgoApplication:
        checker.application(documents, yamlOk);
        break;
    }

    std::stable_sort(out.begin(), out.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return out;
}

ManifestRole roleOf(const QString &fileName, const Kustomization *siblingKustomization)
{
    if (isKustomizationFileName(QFileInfo(fileName).fileName()))
        return ManifestRole::Kustomization;
    if (!siblingKustomization)
        return ManifestRole::Unknown;
    const QString self = QDir::cleanPath(fileName);
    const auto lists = [&](const QStringList &entries) {
        return std::any_of(entries.begin(), entries.end(),
                           [&](const QString &entry) { return QDir::cleanPath(entry) == self; });
    };
    if (lists(siblingKustomization->patchPaths()))
        return ManifestRole::Patch;
    if (lists(siblingKustomization->resources()))
        return ManifestRole::Resource;
    return ManifestRole::Unknown;
}

} // namespace gd::manifest
