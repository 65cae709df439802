// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspaceconfig.h"

#include "git/objectid.h"
#include "manifest/yamlcheck.h"
#include "template/servicescaffold.h"
#include "util/names.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <yaml-cpp/yaml.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::WorkspaceConfig" context (lupdate reads the macro).
struct WorkspaceConfigText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::WorkspaceConfig)
};

QString toQString(const std::string &s)
{
    return QString::fromStdString(s);
}

/// Reads one mapping of workspace.yaml, remembering the file name for error sentences.
class ConfigReader {
public:
    explicit ConfigReader(QString fileName) : m_fileName(std::move(fileName)) {}

    Error error(const YAML::Node &at, const QString &sentence) const
    {
        const int line = at.IsDefined() && at.Mark().line >= 0 ? at.Mark().line + 1 : 0;
        const QString where = line > 0 ? WorkspaceConfigText::tr("%1 line %2").arg(m_fileName).arg(line) : m_fileName;
        return makeError(Error::Code::InvalidInput, where + u": "_s + sentence,
                         WorkspaceConfigText::tr("Fix the workspace file and open it again."));
    }

    /// The string at `map[key]` (`fallback` when absent); an error when it is not a scalar.
    Result<QString> string(const YAML::Node &map, const char *key, const QString &keyPath,
                           const QString &fallback = {}) const
    {
        const YAML::Node node = map[key];
        if (!node.IsDefined() || node.IsNull())
            return fallback;
        if (!node.IsScalar())
            return error(node, WorkspaceConfigText::tr("%1 must be a text value.").arg(keyPath));
        return toQString(node.Scalar());
    }

    Result<bool> boolean(const YAML::Node &map, const char *key, const QString &keyPath, bool fallback) const
    {
        const YAML::Node node = map[key];
        if (!node.IsDefined() || node.IsNull())
            return fallback;
        bool value = false;
        if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
            return error(node, WorkspaceConfigText::tr("%1 must be true or false.").arg(keyPath));
        return value;
    }

    Result<int> positiveInt(const YAML::Node &map, const char *key, const QString &keyPath, int fallback) const
    {
        const YAML::Node node = map[key];
        if (!node.IsDefined() || node.IsNull())
            return fallback;
        bool ok = false;
        const int value = node.IsScalar() ? toQString(node.Scalar()).toInt(&ok) : 0;
        if (!ok || value <= 0)
            return error(node, WorkspaceConfigText::tr("%1 must be a whole number greater than 0.").arg(keyPath));
        return value;
    }

    /// `map[key]` as a mapping; an absent key gives an empty (undefined) node.
    Result<YAML::Node> mapping(const YAML::Node &map, const char *key, const QString &keyPath) const
    {
        const YAML::Node node = map[key];
        if (!node.IsDefined() || node.IsNull())
            return YAML::Node(YAML::NodeType::Undefined);   // a valid "absent" node, safe to query
        if (!node.IsMap())
            return error(node, WorkspaceConfigText::tr("%1 must be a mapping of keys to values.").arg(keyPath));
        return node;
    }

    Result<void> rejectUnknownKeys(const YAML::Node &map, const QStringList &known, const QString &keyPath) const
    {
        if (!map.IsMap())
            return {};
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString key = toQString(it->first.Scalar());
            if (!known.contains(key)) {
                const QString full = keyPath.isEmpty() ? key : keyPath + u'.' + key;
                return error(it->first, WorkspaceConfigText::tr("unknown key \"%1\"; expected one of: %2.")
                                            .arg(full, known.join(u", "_s)));
            }
        }
        return {};
    }

private:
    QString m_fileName;
};

// Assigns `result`'s value to `target` or returns its error from the enclosing function.
#define GD_READ(target, expr)                                                                                  \
    do {                                                                                                       \
        auto gdReadResult = (expr);                                                                            \
        if (!gdReadResult.ok())                                                                                \
            return gdReadResult.error();                                                                       \
        target = std::move(gdReadResult.value());                                                              \
    } while (false)

Result<std::vector<EnvironmentConfig>> readEnvironments(const ConfigReader &reader, const YAML::Node &root)
{
    std::vector<EnvironmentConfig> environments;
    const YAML::Node list = root["environments"];
    if (!list.IsDefined() || list.IsNull())
        return reader.error(root, WorkspaceConfigText::tr("environments is missing; list at least one environment (uat, prod, ...)."));
    if (!list.IsSequence() || list.size() == 0)
        return reader.error(list, WorkspaceConfigText::tr("environments must be a list of at least one environment."));
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node item = list[i];
        const QString path = u"environments[%1]"_s.arg(i);
        if (!item.IsMap())
            return reader.error(item, WorkspaceConfigText::tr("%1 must be a mapping with at least a name.").arg(path));
        if (auto known = reader.rejectUnknownKeys(
                item, {u"name"_s, u"cluster"_s, u"namespace"_s, u"canary"_s, u"approval"_s}, path);
            !known.ok())
            return known.error();
        EnvironmentConfig env;
        GD_READ(env.name, reader.string(item, "name", path + u".name"_s));
        if (auto name = checkDnsLabel(env.name, NameKind::Environment); !name.ok())
            return reader.error(item["name"].IsDefined() ? item["name"] : item, name.error().message);
        for (const EnvironmentConfig &other : environments) {
            if (other.name == env.name)
                return reader.error(item["name"], WorkspaceConfigText::tr("the environment \"%1\" is listed twice.").arg(env.name));
        }
        GD_READ(env.cluster, reader.string(item, "cluster", path + u".cluster"_s, env.cluster));
        GD_READ(env.namespacePattern, reader.string(item, "namespace", path + u".namespace"_s, env.namespacePattern));
        GD_READ(env.canaryAllowed, reader.boolean(item, "canary", path + u".canary"_s, env.canaryAllowed));
        GD_READ(env.approvalRequired, reader.boolean(item, "approval", path + u".approval"_s, env.approvalRequired));
        environments.push_back(std::move(env));
    }
    return environments;
}

Result<void> readProvider(const ConfigReader &reader, const YAML::Node &root, const QString &baseDir,
                          WorkspaceConfig &config)
{
    YAML::Node provider;
    GD_READ(provider, reader.mapping(root, "provider", u"provider"_s));
    if (!provider.IsDefined() || provider.IsNull())
        return reader.error(root, WorkspaceConfigText::tr("provider is missing; say where the deployment repos live "
                                     "({type: local, path: repos} or {type: gitlab, url: ..., group: ...})."));
    if (auto known = reader.rejectUnknownKeys(provider, {u"type"_s, u"path"_s, u"url"_s, u"group"_s}, u"provider"_s);
        !known.ok())
        return known.error();
    QString type;
    GD_READ(type, reader.string(provider, "type", u"provider.type"_s));
    if (type == u"local") {
        config.provider = WorkspaceConfig::ProviderType::Local;
        QString path;
        GD_READ(path, reader.string(provider, "path", u"provider.path"_s));
        if (path.isEmpty())
            return reader.error(provider, WorkspaceConfigText::tr("provider.path is missing; name the folder that holds the bare repos."));
        // Qt reads a path starting with ':' as a resource path, which is absolute: it is a folder name here.
        config.localPath =
            QDir::cleanPath(QDir(baseDir).absoluteFilePath(path.startsWith(u':') ? u"./"_s + path : path));
    } else if (type == u"gitlab") {
        config.provider = WorkspaceConfig::ProviderType::GitLab;
        GD_READ(config.gitlabUrl, reader.string(provider, "url", u"provider.url"_s));
        GD_READ(config.gitlabGroup, reader.string(provider, "group", u"provider.group"_s));
        if (config.gitlabUrl.isEmpty() || config.gitlabGroup.isEmpty())
            return reader.error(provider, WorkspaceConfigText::tr("a gitlab provider needs both url and group."));
    } else {
        return reader.error(provider["type"].IsDefined() ? provider["type"] : provider,
                            WorkspaceConfigText::tr("provider.type must be \"local\" or \"gitlab\", not \"%1\".").arg(type));
    }
    return {};
}

Result<void> readTemplates(const ConfigReader &reader, const YAML::Node &root, const QString &baseDir,
                           WorkspaceConfig &config)
{
    const YAML::Node templates = root["templates"];
    if (!templates.IsDefined() || templates.IsNull())
        return {};
    if (templates.IsScalar()) {
        if (templates.Scalar() != "builtin")
            return reader.error(templates, WorkspaceConfigText::tr("templates must be \"builtin\" or {url: ..., branch: ...}."));
        return {};
    }
    if (!templates.IsMap())
        return reader.error(templates, WorkspaceConfigText::tr("templates must be \"builtin\" or {url: ..., branch: ...}."));
    if (auto known = reader.rejectUnknownKeys(templates, {u"url"_s, u"branch"_s, u"commit"_s}, u"templates"_s);
        !known.ok())
        return known.error();
    QString url;
    GD_READ(url, reader.string(templates, "url", u"templates.url"_s));
    if (url.isEmpty())
        return reader.error(templates, WorkspaceConfigText::tr("templates.url is missing."));
    // A plain relative path names a local repository next to the workspace file.
    const bool isRemote = url.contains(u"://"_s) || url.contains(u'@');
    config.templatesUrl = isRemote || QDir::isAbsolutePath(url) ? url : QDir::cleanPath(QDir(baseDir).absoluteFilePath(url));
    GD_READ(config.templatesBranch, reader.string(templates, "branch", u"templates.branch"_s, config.templatesBranch));
    QString commit;
    GD_READ(commit, reader.string(templates, "commit", u"templates.commit"_s));
    if (!commit.isEmpty()) {
        // Only a full id pins: an abbreviation may become ambiguous as the repository grows.
        const QString lowered = commit.toLower();
        if (git::ObjectId::fromHex(lowered).isNull())
            return reader.error(templates["commit"],
                                WorkspaceConfigText::tr("templates.commit must be the full 40-digit hexadecimal id of a "
                                                        "commit (as \"git rev-parse HEAD\" prints it), not \"%1\".")
                                    .arg(commit));
        config.templatesCommit = lowered;
    }
    return {};
}

/// The first line of `text` that is not UTF-8, or 0 when it all is.
int firstNonUtf8Line(const QByteArray &text)
{
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder(lines.at(i));
        if (decoder.hasError())
            return int(i) + 1;
    }
    return 0;
}

Error textError(const QString &fileName, int line, const QString &sentence)
{
    return makeError(Error::Code::InvalidInput,
                     WorkspaceConfigText::tr("%1 line %2").arg(fileName).arg(line) + u": "_s + sentence,
                     WorkspaceConfigText::tr("Fix the workspace file and open it again."));
}

/// Text that is not UTF-8, named with its line before the parser reads it as something else.
Result<void> checkUtf8(const QByteArray &text, const QString &fileName)
{
    if (const int line = firstNonUtf8Line(text); line > 0)
        return textError(fileName, line, WorkspaceConfigText::tr("the text is not UTF-8; save the file as UTF-8."));
    return {};
}

/// What the parser lets through silently in a file that parses, as manifest::checkYaml finds it: duplicate keys
/// (yaml-cpp keeps the last without a word), quotes never closed, a stray top-level block. Named with the line.
Result<void> checkYamlFindings(const QByteArray &text, const QString &fileName)
{
    for (const manifest::Diagnostic &finding : manifest::checkYaml(text)) {
        if (finding.isError())
            return textError(fileName, finding.line, finding.message);
    }
    return {};
}

/// The values that later land in generated manifests, pipelines and git commands, checked by their type: the
/// branches are git branch names, each environment's cluster an http(s) URL and its namespace pattern gives DNS-1123
/// labels.
Result<void> checkWorkspaceValues(const ConfigReader &reader, const YAML::Node &root, const WorkspaceConfig &config)
{
    if (auto branch = checkBranchName(config.branch); !branch.ok())
        return reader.error(root["branch"], u"branch "_s + branch.error().message);
    // The prefix becomes part of every repository's name, path and URL.
    static const QRegularExpression prefix(uR"(^[A-Za-z0-9._-]*\z)"_s);
    if (!prefix.match(config.repoPrefix).hasMatch() || config.repoPrefix.contains(u".."_s)) {
        return reader.error(root["repoPrefix"],
                            WorkspaceConfigText::tr("repoPrefix \"%1\" may only hold letters, digits, '.', '_' and "
                                                    "'-' (no \"..\"), for example argocd-gitops-.")
                                .arg(printableValue(config.repoPrefix)));
    }
    const YAML::Node templates = root["templates"];
    if (templates.IsDefined() && templates.IsMap()) {
        if (auto branch = checkBranchName(config.templatesBranch); !branch.ok())
            return reader.error(templates["branch"], u"templates.branch "_s + branch.error().message);
    }
    const YAML::Node list = root["environments"];
    for (std::size_t i = 0; i < config.environments.size(); ++i) {
        const EnvironmentConfig &env = config.environments.at(i);
        const YAML::Node item = list.IsDefined() && list.IsSequence() && i < list.size() ? list[i] : root;
        if (auto cluster = tmpl::checkAnswer(tmpl::Answer::Cluster, env.cluster); !cluster.ok()) {
            return reader.error(item["cluster"].IsDefined() ? item["cluster"] : item,
                                u"environments[%1].cluster: "_s.arg(i) + cluster.error().message);
        }
        // Each placeholder stands for a DNS-1123 label, so "a" stands in for the project and the service here.
        if (!isDnsLabel(env.namespaceFor(u"a"_s, u"a"_s))) {
            return reader.error(item["namespace"].IsDefined() ? item["namespace"] : item,
                                WorkspaceConfigText::tr("environments[%1].namespace \"%2\" does not give a valid "
                                                        "namespace; use lower-case letters, digits, '-' and the "
                                                        "placeholders {project}, {service} and {env}.")
                                    .arg(i)
                                    .arg(printableValue(env.namespacePattern)));
        }
    }
    return {};
}

Result<WorkspaceConfig> parseRoot(const ConfigReader &reader, const YAML::Node &root, const QString &path)
{
    WorkspaceConfig config;
    config.filePath = path;
    const QString baseDir = QFileInfo(path).absolutePath();
    if (!root.IsMap())
        return reader.error(root, WorkspaceConfigText::tr("the file must be a mapping with keys like name, provider and environments."));
    if (auto known = reader.rejectUnknownKeys(root,
                                              {u"name"_s, u"provider"_s, u"repoPrefix"_s, u"branch"_s,
                                               u"templates"_s, u"argocd"_s, u"environments"_s, u"registry"_s,
                                               u"release"_s, u"kustomize"_s},
                                              {});
        !known.ok())
        return known.error();

    GD_READ(config.name, reader.string(root, "name", u"name"_s, QFileInfo(path).dir().dirName()));
    if (auto provider = readProvider(reader, root, baseDir, config); !provider.ok())
        return provider.error();
    GD_READ(config.repoPrefix, reader.string(root, "repoPrefix", u"repoPrefix"_s, config.repoPrefix));
    GD_READ(config.branch, reader.string(root, "branch", u"branch"_s, config.branch));
    if (auto templates = readTemplates(reader, root, baseDir, config); !templates.ok())
        return templates.error();

    YAML::Node argocd;
    GD_READ(argocd, reader.mapping(root, "argocd", u"argocd"_s));
    if (argocd.IsMap()) {
        if (auto known = reader.rejectUnknownKeys(
                argocd, {u"server"_s, u"context"_s, u"insecure"_s, u"caBundle"_s}, u"argocd"_s);
            !known.ok())
            return known.error();
        GD_READ(config.argocdServer, reader.string(argocd, "server", u"argocd.server"_s));
        GD_READ(config.argocdContext, reader.string(argocd, "context", u"argocd.context"_s));
        GD_READ(config.argocdInsecure, reader.boolean(argocd, "insecure", u"argocd.insecure"_s, false));
        GD_READ(config.argocdCaBundle, reader.string(argocd, "caBundle", u"argocd.caBundle"_s));
        if (!config.argocdServer.isEmpty() && !config.argocdServer.startsWith(u"http://"_s)
            && !config.argocdServer.startsWith(u"https://"_s))
            return reader.error(argocd["server"], WorkspaceConfigText::tr("argocd.server must start with http:// or https://."));
    }

    GD_READ(config.environments, readEnvironments(reader, root));

    YAML::Node registry;
    GD_READ(registry, reader.mapping(root, "registry", u"registry"_s));
    if (registry.IsMap()) {
        if (auto known = reader.rejectUnknownKeys(registry, {u"type"_s, u"url"_s}, u"registry"_s); !known.ok())
            return known.error();
        GD_READ(config.registryType, reader.string(registry, "type", u"registry.type"_s, u"registry2"_s));
        if (config.registryType != u"registry2" && config.registryType != u"harbor")
            return reader.error(registry["type"],
                                WorkspaceConfigText::tr("registry.type must be \"registry2\" or \"harbor\", not \"%1\".")
                                    .arg(config.registryType));
        GD_READ(config.registryUrl, reader.string(registry, "url", u"registry.url"_s));
    }

    YAML::Node release;
    GD_READ(release, reader.mapping(root, "release", u"release"_s));
    if (release.IsMap()) {
        if (auto known = reader.rejectUnknownKeys(release, {u"rollbackWindowMinutes"_s}, u"release"_s); !known.ok())
            return known.error();
        GD_READ(config.rollbackWindowMinutes, reader.positiveInt(release, "rollbackWindowMinutes",
                                                                 u"release.rollbackWindowMinutes"_s,
                                                                 config.rollbackWindowMinutes));
    }
    YAML::Node kustomize;
    GD_READ(kustomize, reader.mapping(root, "kustomize", u"kustomize"_s));
    if (kustomize.IsMap()) {
        if (auto known = reader.rejectUnknownKeys(kustomize, {u"allowRemoteResources"_s}, u"kustomize"_s); !known.ok())
            return known.error();
        GD_READ(config.allowRemoteResources, reader.boolean(kustomize, "allowRemoteResources",
                                                            u"kustomize.allowRemoteResources"_s, false));
    }

    if (auto values = checkWorkspaceValues(reader, root, config); !values.ok())
        return values.error();
    return config;
}

/// A text value for the emitter, which quotes it where YAML needs quotes.
struct Scalar {
    QString value;
};

Scalar scalar(const QString &value)
{
    return Scalar{value};
}

/// Double-quoted when the value holds a control character: yaml-cpp writes a carriage return plain, and a plain
/// scalar ending in one reads back without it.
YAML::Emitter &operator<<(YAML::Emitter &out, const Scalar &text)
{
    const bool control = std::any_of(text.value.begin(), text.value.end(),
                                     [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    if (control)
        out << YAML::DoubleQuoted;
    return out << text.value.toStdString();
}

} // namespace

Result<WorkspaceConfig> WorkspaceConfig::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::NotFound,
                         WorkspaceConfigText::tr("The workspace file %1 could not be opened.").arg(QDir::toNativeSeparators(path)),
                         file.errorString());
    }
    return parse(file.readAll(), QFileInfo(path).absoluteFilePath());
}

Result<WorkspaceConfig> WorkspaceConfig::parse(const QByteArray &text, const QString &path)
{
    const ConfigReader reader(QFileInfo(path).fileName());
    try {
        if (auto utf8 = checkUtf8(text, QFileInfo(path).fileName()); !utf8.ok())
            return utf8.error();
        const YAML::Node root = YAML::Load(text.toStdString());
        if (auto findings = checkYamlFindings(text, QFileInfo(path).fileName()); !findings.ok())
            return findings.error();
        return parseRoot(reader, root, path);
    } catch (const YAML::Exception &e) {
        return makeError(Error::Code::Yaml,
                         WorkspaceConfigText::tr("%1 line %2, column %3: this is not valid YAML.")
                             .arg(QFileInfo(path).fileName())
                             .arg(e.mark.line + 1)
                             .arg(e.mark.column + 1),
                         toQString(e.msg));
    }
}

QByteArray WorkspaceConfig::toYaml() const
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << scalar(name);
    out << YAML::Key << "provider" << YAML::Value << YAML::BeginMap;
    if (provider == ProviderType::Local) {
        out << YAML::Key << "type" << YAML::Value << "local";
        const QString dir = QFileInfo(filePath).absolutePath();
        const QString relative = filePath.isEmpty() ? localPath : QDir(dir).relativeFilePath(localPath);
        out << YAML::Key << "path" << YAML::Value << scalar(relative);
    } else {
        out << YAML::Key << "type" << YAML::Value << "gitlab";
        out << YAML::Key << "url" << YAML::Value << scalar(gitlabUrl);
        out << YAML::Key << "group" << YAML::Value << scalar(gitlabGroup);
    }
    out << YAML::EndMap;
    out << YAML::Key << "repoPrefix" << YAML::Value << scalar(repoPrefix);
    out << YAML::Key << "branch" << YAML::Value << scalar(branch);
    if (templatesUrl.isEmpty()) {
        out << YAML::Key << "templates" << YAML::Value << "builtin";
    } else {
        out << YAML::Key << "templates" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "url" << YAML::Value << scalar(templatesUrl);
        out << YAML::Key << "branch" << YAML::Value << scalar(templatesBranch);
        // Quoted: an id made of digits and one "e" would read back as a number in other YAML tools.
        if (!templatesCommit.isEmpty())
            out << YAML::Key << "commit" << YAML::Value << YAML::DoubleQuoted << scalar(templatesCommit);
        out << YAML::EndMap;
    }
    out << YAML::Key << "argocd" << YAML::Value << YAML::BeginMap;
    if (!argocdServer.isEmpty())
        out << YAML::Key << "server" << YAML::Value << scalar(argocdServer);
    if (!argocdContext.isEmpty())
        out << YAML::Key << "context" << YAML::Value << scalar(argocdContext);
    out << YAML::Key << "insecure" << YAML::Value << argocdInsecure;
    if (!argocdCaBundle.isEmpty())
        out << YAML::Key << "caBundle" << YAML::Value << scalar(argocdCaBundle);
    out << YAML::EndMap;
    out << YAML::Key << "environments" << YAML::Value << YAML::BeginSeq;
    for (const EnvironmentConfig &env : environments) {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << scalar(env.name);
        out << YAML::Key << "cluster" << YAML::Value << scalar(env.cluster);
        out << YAML::Key << "namespace" << YAML::Value << scalar(env.namespacePattern);
        out << YAML::Key << "canary" << YAML::Value << env.canaryAllowed;
        out << YAML::Key << "approval" << YAML::Value << env.approvalRequired;
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    if (!registryType.isEmpty() || !registryUrl.isEmpty()) {
        out << YAML::Key << "registry" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "type" << YAML::Value << scalar(registryType.isEmpty() ? u"registry2"_s : registryType);
        out << YAML::Key << "url" << YAML::Value << scalar(registryUrl);
        out << YAML::EndMap;
    }
    out << YAML::Key << "release" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "rollbackWindowMinutes" << YAML::Value << rollbackWindowMinutes;
    out << YAML::EndMap;
    if (allowRemoteResources) {
        out << YAML::Key << "kustomize" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "allowRemoteResources" << YAML::Value << true;
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

QString EnvironmentConfig::namespaceFor(const QString &project, const QString &service) const
{
    return QString(namespacePattern)
        .replace(u"{project}"_s, project)
        .replace(u"{service}"_s, service)
        .replace(u"{env}"_s, name);
}

const EnvironmentConfig *WorkspaceConfig::environment(const QString &envName) const
{
    for (const EnvironmentConfig &env : environments) {
        if (env.name == envName)
            return &env;
    }
    return nullptr;
}

} // namespace gd::ws
