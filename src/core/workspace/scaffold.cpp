// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/scaffold.h"

#include "manifest/rendereddiff.h"
#include "util/names.h"
#include "workspace/release.h"
#include "workspace/overlaycheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

#include <yaml-cpp/yaml.h>

#include <string>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::Scaffold" context (lupdate reads the macro).
struct ScaffoldText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::Scaffold)
};

std::string utf8(const QString &text)
{
    return text.toStdString();
}

QString fromYaml(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

bool folderExists(const git::Repository &repo, const git::ObjectId &tip, const QString &folder)
{
    return !tip.isNull() && repo.entryId(tip, folder).ok();
}

/// A YAML node as JSON: a plain scalar is read as YAML 1.2's core schema reads it, a quoted one stays a string.
QJsonValue toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node)
            object.insert(fromYaml(entry.first), toJson(entry.second));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node)
            array.append(toJson(item));
        return array;
    }
    case YAML::NodeType::Scalar: {
        const QString text = fromYaml(node);
        if (node.Tag() != "?")
            return text;   // quoted, or tagged explicitly: a string
        static const QRegularExpression integer(uR"(^[-+]?[0-9]+$)"_s);
        static const QRegularExpression real(uR"(^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$)"_s);
        if (text == u"true"_s || text == u"false"_s)
            return text == u"true"_s;
        if (text == u"null"_s || text == u"~"_s)
            return QJsonValue(QJsonValue::Null);
        if (integer.match(text).hasMatch())
            return text.toLongLong();
        if (real.match(text).hasMatch())
            return text.toDouble();
        return text;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

} // namespace

tmpl::ServiceSpec ScaffoldAnswers::specFor(const QString &env) const
{
    tmpl::ServiceSpec result = spec;
    result.environment = env;
    if (const auto running = runningTags.constFind(env); running != runningTags.cend()) {
        result.gaTag = running->ga;
        result.canaryTag = running->canary;
    }
    const auto destination = destinations.constFind(env);
    const bool known = destination != destinations.cend();
    if (result.cluster.isEmpty())
        result.cluster = known ? destination->cluster : tmpl::ServiceSpec().cluster;
    if (result.namespaceName.isEmpty() && known)
        result.namespaceName = destination->nameSpace;
    return result;
}

ScaffoldAnswers withWorkspaceDestinations(const WorkspaceConfig &config, ScaffoldAnswers answers)
{
    answers.destinations.clear();
    for (const QString &name : std::as_const(answers.environments)) {
        if (const EnvironmentConfig *env = config.environment(name))
            answers.destinations.insert(
                name, {env->cluster, env->namespaceFor(answers.spec.project, answers.spec.service)});
    }
    return answers;
}

ScaffoldAnswers withRunningTags(const git::Repository &repo, const git::ObjectId &tip, ScaffoldAnswers answers)
{
    answers.runningTags.clear();
    for (const QString &env : std::as_const(answers.environments)) {
        const QString service = answers.spec.service;
        const QString ga = releasedTagAt(repo, tip, service, env, ReleaseStage::Ga);
        if (ga.isEmpty())
            continue;
        const QString canary = releasedTagAt(repo, tip, service, env, ReleaseStage::Canary);
        answers.runningTags.insert(env, {ga, canary.isEmpty() ? ga : canary});
    }
    return answers;
}

QString scaffoldAnswersPath(const QString &service)
{
    return u"appsmanifests/"_s + service + u"/.gitops-desk/scaffold.yaml"_s;
}

QByteArray answersToYaml(const ScaffoldAnswers &answers)
{
    const tmpl::ServiceSpec &s = answers.spec;
    YAML::Emitter out;
    out << YAML::Comment("Answers of the GitOps Desk New Service wizard; running it again for this service starts "
                         "from them.");
    out << YAML::BeginMap;
    const auto text = [&out](const char *key, const QString &value) {
        out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << utf8(value);
    };
    text("project", s.project);
    text("service", s.service);
    text("language", s.language);
    out << YAML::Key << "environments" << YAML::Value << YAML::BeginSeq;
    for (const QString &env : answers.environments)
        out << YAML::DoubleQuoted << utf8(env);
    out << YAML::EndSeq;
    text("stage", s.canaryStage ? u"canary"_s : u"ga"_s);
    text("imageRepository", s.imageRepository);
    text("gaTag", s.gaTag);
    text("canaryTag", s.canaryTag);
    out << YAML::Key << "port" << YAML::Value << s.port;
    if (s.replicas)
        out << YAML::Key << "replicas" << YAML::Value << *s.replicas;
    out << YAML::Key << "hpa" << YAML::Value << !s.replicas.has_value();
    text("cluster", s.cluster);
    text("namespace", s.namespaceName);
    out << YAML::Key << "selfHeal" << YAML::Value << s.selfHeal;
    text("repoUrl", s.repoUrl);
    text("argocdProject", s.argocdProject);
    text("branch", s.branch);
    text("argocdNamespace", s.argocdNamespace);
    text("devopsNamespace", s.devopsNamespace);
    text("sourceRepoUrl", s.sourceRepoUrl);
    out << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

Result<ScaffoldAnswers> answersFromYaml(const QByteArray &yaml)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap())
            return makeError(Error::Code::Yaml, ScaffoldText::tr("The stored scaffold answers are not a YAML mapping."));
        ScaffoldAnswers answers;
        tmpl::ServiceSpec &s = answers.spec;
        const auto text = [&root](const char *key, QString &target) {
            if (root[key] && !root[key].IsNull())
                target = fromYaml(root[key]);
        };
        text("project", s.project);
        text("service", s.service);
        text("language", s.language);
        if (const YAML::Node envs = root["environments"]; envs && envs.IsSequence()) {
            for (const YAML::Node &env : envs)
                answers.environments.append(fromYaml(env));
        }
        QString stage;
        text("stage", stage);
        s.canaryStage = stage == u"canary"_s;
        text("imageRepository", s.imageRepository);
        text("gaTag", s.gaTag);
        text("canaryTag", s.canaryTag);
        if (root["port"])
            s.port = root["port"].as<int>();
        if (root["hpa"] && root["hpa"].as<bool>())
            s.replicas = std::nullopt;
        else if (root["replicas"])
            s.replicas = root["replicas"].as<int>();
        text("cluster", s.cluster);
        text("namespace", s.namespaceName);
        if (root["selfHeal"])
            s.selfHeal = root["selfHeal"].as<bool>();
        text("repoUrl", s.repoUrl);
        text("argocdProject", s.argocdProject);
        text("branch", s.branch);
        text("argocdNamespace", s.argocdNamespace);
        text("devopsNamespace", s.devopsNamespace);
        text("sourceRepoUrl", s.sourceRepoUrl);
        return answers;
    } catch (const YAML::ParserException &e) {
        return makeError(Error::Code::Yaml, ScaffoldText::tr("The stored scaffold answers do not parse as YAML."),
                         QString::fromStdString(e.what()));
    } catch (const YAML::Exception &e) {
        return makeError(Error::Code::InvalidInput,
                         ScaffoldText::tr("A stored scaffold answer has the wrong type; fix or delete the file."),
                         QString::fromStdString(e.what()));
    }
}

Result<ScaffoldAnswers> loadScaffoldAnswers(const git::Repository &repo, const git::ObjectId &tip,
                                            const QString &service)
{
    const QString path = scaffoldAnswersPath(service);
    auto content = repo.readFileIfPresent(tip, path);
    if (!content.ok())
        return content.error();
    if (!*content) {
        return makeError(Error::Code::NotFound,
                         ScaffoldText::tr("The service %1 has no stored wizard answers (%2).").arg(service, path));
    }
    auto answers = answersFromYaml(**content);
    if (!answers.ok()) {
        Error error = answers.error();
        error.detail = path + u": "_s + error.detail;
        return error;
    }
    return answers;
}

Result<void> checkWorkspaceRules(const WorkspaceConfig &config, const ScaffoldAnswers &answers)
{
    for (const QString &name : answers.environments) {
        const EnvironmentConfig *env = config.environment(name);
        if (env == nullptr) {
            QStringList known;
            for (const EnvironmentConfig &each : config.environments)
                known << each.name;
            return makeError(Error::Code::InvalidInput,
                             ScaffoldText::tr("The workspace has no environment %1; choose one of: %2.")
                                 .arg(name, known.join(u", "_s)));
        }
        if (answers.spec.canaryStage && !env->canaryAllowed) {
            return makeError(Error::Code::InvalidInput,
                             ScaffoldText::tr("The environment %1 does not allow a canary stage; choose GA only or "
                                              "leave %1 out.")
                                 .arg(name));
        }
    }
    return {};
}

Result<void> validateAnswers(const ScaffoldAnswers &answers, const tmpl::TemplateSet &templates)
{
    if (answers.environments.isEmpty()) {
        return makeError(Error::Code::InvalidInput,
                         ScaffoldText::tr("No environment is chosen; choose at least one environment to deploy to."));
    }
    QSet<QString> seen;
    for (const QString &env : answers.environments) {
        if (seen.contains(env)) {
            return makeError(Error::Code::InvalidInput,
                             ScaffoldText::tr("The environment %1 is chosen twice; choose each environment once.").arg(env));
        }
        seen.insert(env);
        if (auto valid = tmpl::validateSpec(answers.specFor(env), templates); !valid.ok())
            return valid;
    }
    return {};
}

Result<OverlayReview> previewScaffold(const git::Repository &repo, const git::ObjectId &tip, const QString &project,
                                      const ScaffoldAnswers &answers, const tmpl::TemplateSet &templates,
                                      const manifest::KustomizeRunner &runner)
{
    if (auto valid = validateAnswers(answers, templates); !valid.ok())
        return valid.error();
    const QString service = answers.spec.service;

    OverlayReview review{project, service, answers.environments.join(u", "_s), tip, tip, {}, {}, {}, {}, {}};
    git::FileChanges all;
    std::vector<std::pair<QString, git::FileChanges>> perEnv;
    for (const QString &env : answers.environments) {
        auto rendered = tmpl::scaffoldService(templates, answers.specFor(env));
        if (!rendered.ok())
            return rendered.error();
        for (auto it = rendered->files.cbegin(); it != rendered->files.cend(); ++it)
            all.files.insert(it.key(), it.value());
        perEnv.emplace_back(env, std::move(*rendered));
    }
    all.write(scaffoldAnswersPath(service), answersToYaml(answers));

    for (auto it = all.files.cbegin(); it != all.files.cend(); ++it) {
        auto current = repo.readFileIfPresent(tip, it.key());
        if (!current.ok())
            return current.error();
        if (*current == it.value())
            continue;   // unchanged: nothing to review
        review.files.push_back({it.key(), *current, *current, it.value()});
    }

    QStringList renderProblems;
    for (const auto &[env, files] : perEnv) {
        // The environment as it would land: the tip (when the folder is there) with the rendered files over it.
        const QString folder = ServiceEnvPaths::folder(service, env);
        const bool existed = folderExists(repo, tip, folder);
        auto validated = validateServiceEnv(repo, tip, service, env, runner, files);
        if (!validated.ok())
            return validated.error();
        ValidationReport report = std::move(*validated);
        for (Finding &finding : report.findings) {
            finding.file = env + u'/' + finding.file;
            review.validation.findings.push_back(std::move(finding));
        }
        review.validation.rendered += "# " + env.toUtf8() + '\n' + report.rendered;
        if (!review.validation.rendered.endsWith('\n'))
            review.validation.rendered += '\n';

        if (report.rendered.isEmpty()) {
            renderProblems.append(ScaffoldText::tr("The overlay of %1 does not build; the validation summary says why.")
                                      .arg(env));
            continue;
        }
        QByteArray before;
        if (existed) {
            auto built = renderServiceEnv(repo, tip, service, env, runner);
            if (built.ok())
                before = std::move(*built);
            // A tip that does not build is shown as if it had nothing: every resource then reads as added.
        }
        auto diff = manifest::diffRenderedManifests(before, report.rendered);
        if (!diff.ok()) {
            renderProblems.append(env + u": "_s + diff.error().fullText());
            continue;
        }
        for (manifest::ResourceChange &change : *diff)
            review.renderedChanges.push_back(std::move(change));
    }
    review.renderProblem = renderProblems.join(u'\n');
    return review;
}

namespace {

/// What scaffoldEdit() does on one tip: the reviewed files, when none of them moved since the preview.
Result<git::FileChanges> writeReviewedFiles(const std::vector<ReviewedFile> &files, const git::Snapshot &tip)
{
    if (files.empty()) {
        return makeError(Error::Code::InvalidInput,
                         ScaffoldText::tr("Nothing to do: the service already has exactly these files."));
    }
    git::FileChanges changes;
    for (const ReviewedFile &file : files) {
        auto current = tip.repository().readFileIfPresent(tip.commit(), file.path);
        if (!current.ok())
            return current.error();
        if (*current != file.theirs) {
            return makeError(Error::Code::Precondition,
                             ScaffoldText::tr("%1 changed in Git since the preview, so nothing was committed. Run "
                                              "the scaffold again to review the current state.")
                                 .arg(file.path));
        }
        if (file.mine)
            changes.write(file.path, *file.mine);
        else
            changes.remove(file.path);
    }
    return changes;
}

} // namespace

git::SemanticEdit scaffoldEdit(const OverlayReview &review)
{
    return [files = review.files](const git::Snapshot &tip) { return writeReviewedFiles(files, tip); };
}

git::CommitMessage scaffoldMessage(const ScaffoldAnswers &answers, const OverlayReview &review,
                                   const git::Signature &author)
{
    const tmpl::ServiceSpec &spec = answers.spec;
    bool anyNew = false;
    for (const QString &env : answers.environments) {
        const QString kustomization = ServiceEnvPaths::manifests(spec.service, env) + u"/kustomization.yaml"_s;
        for (const ReviewedFile &file : review.files) {
            if (file.path == kustomization && !file.base)
                anyNew = true;
        }
    }
    const QString envs = answers.environments.join(u", "_s);
    QString text = anyNew ? u"Add service %1 to %2 (template %3)"_s.arg(spec.service, envs, spec.language)
                          : u"Update service %1 in %2 (template %3)"_s.arg(spec.service, envs, spec.language);
    text += u"\n\n"_s;
    for (const QString &env : answers.environments) {
        const tmpl::ServiceSpec one = answers.specFor(env);
        const QString scale = one.replicas ? u"%1 replicas"_s.arg(*one.replicas) : u"HPA"_s;
        text += u"- %1: namespace %2 on %3, %4, %5, image %6:%7\n"_s.arg(
            env, tmpl::effectiveNamespace(one), one.cluster, one.canaryStage ? u"canary + GA"_s : u"GA only"_s, scale,
            one.imageRepository, one.gaTag);
    }
    return git::CommitMessage{text, author, author};
}

Result<QJsonObject> applicationJson(const QByteArray &yaml)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap())
            return makeError(Error::Code::Yaml, ScaffoldText::tr("The Application manifest is not a YAML mapping."));
        return toJson(root).toObject();
    } catch (const YAML::Exception &e) {
        return makeError(Error::Code::Yaml, ScaffoldText::tr("The Application manifest does not parse as YAML."),
                         QString::fromStdString(e.what()));
    }
}

} // namespace gd::ws
