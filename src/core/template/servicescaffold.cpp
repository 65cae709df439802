// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/servicescaffold.h"

#include "util/names.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace gd::tmpl {
namespace {

// The translatable sentences of this file, in the "gd::tmpl::ServiceScaffold" context (lupdate reads the macro).
struct ServiceScaffoldText {
    Q_DECLARE_TR_FUNCTIONS(gd::tmpl::ServiceScaffold)
};

Error invalid(QString message, QString detail = {})
{
    return makeError(Error::Code::InvalidInput, std::move(message), std::move(detail));
}

/// A clone URL the pipeline can put into its Jenkinsfile as it is: https://, http://, ssh:// or git:// with a host,
/// or scp-like user@host:path; no whitespace, control characters, quotes, backslashes, backticks or '$' (it lands
/// inside a Groovy string and a shell script). `\z`, not `$`: `$` would also match before a final line break.
bool isGitUrl(const QString &url)
{
    static const QRegularExpression pattern(
        uR"(^(?:(?:https?|ssh|git)://[^/\s'"\\$`\x00-\x1f\x7f]+(?:/[^\s'"\\$`\x00-\x1f\x7f]*)?|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s'"\\$`\x00-\x1f\x7f]+)\z)"_s);
    return pattern.match(url).hasMatch();
}

/// The deployment repository as the workspace's provider names it: a git URL (isGitUrl, or file://), or for a
/// local provider the absolute path of a bare repository, with the same characters a URL may hold.
bool isDeploymentRepo(const QString &url)
{
    static const QRegularExpression local(uR"(^(?:file://)?/[A-Za-z0-9._~%+@,=/:-]*\z)"_s);
    return isGitUrl(url) || local.match(url).hasMatch();
}

/// An API server URL as Argo CD names a cluster: http(s)://host[:port][/path], the host a DNS name or an IP address.
bool isClusterUrl(const QString &url)
{
    static const QRegularExpression pattern(
        uR"(^https?://(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%/-]*)?\z)"_s);
    return pattern.match(url).hasMatch();
}

Result<void> checkTag(const QString &tag, const QString &which)
{
    if (tag.isEmpty())
        return invalid(ServiceScaffoldText::tr("The %1 tag is empty; enter the image tag to deploy, for example 1.4.2.").arg(which));
    if (!checkImageTag(tag).ok()) {
        return invalid(ServiceScaffoldText::tr("The %1 tag \"%2\" is not a valid image tag.").arg(which, printableValue(tag)),
                       ServiceScaffoldText::tr("A tag is 1 to 128 letters, digits, '_', '.' and '-', and does not start with '.' or '-'."));
    }
    return {};
}

/// A repository reference without tag or digest: [host[:port]/]path, path components in lower case.
Result<void> checkImageRepository(const QString &repository)
{
    if (repository.trimmed().isEmpty())
        return invalid(ServiceScaffoldText::tr("The image repository is empty; enter where the images are pushed, for example "
                          "registry.example.com/shop/orders."));
    if (repository.contains(u'@'))
        return invalid(ServiceScaffoldText::tr("The image repository \"%1\" holds a digest; enter the repository only, the tag is "
                          "set separately.")
                           .arg(printableValue(repository)));
    QStringList parts = repository.split(u'/');
    static const QRegularExpression host(uR"(^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?\z)"_s);
    static const QRegularExpression component(uR"(^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*\z)"_s);
    const QString &first = parts.constFirst();
    if (parts.size() > 1 && (first.contains(u'.') || first.contains(u':') || first == u"localhost"_s)) {
        if (!host.match(first).hasMatch())
            return invalid(ServiceScaffoldText::tr("The registry host \"%1\" of the image repository is not valid.").arg(printableValue(first)));
        parts.removeFirst();
    }
    for (const QString &part : std::as_const(parts)) {
        if (part.contains(u':')) {
            return invalid(ServiceScaffoldText::tr("The image repository \"%1\" holds a tag; enter the repository only, the tag is set "
                              "separately.")
                               .arg(printableValue(repository)));
        }
        if (!component.match(part).hasMatch()) {
            return invalid(ServiceScaffoldText::tr("The image repository \"%1\" is not valid: \"%2\" may only hold lower-case letters, "
                              "digits and single '.', '_' or '-' between them.")
                               .arg(printableValue(repository), printableValue(part)));
        }
    }
    return {};
}

/// Build settings the pipeline template needs per language (KubeSphere's builtin agents are base, go, maven,
/// nodejs). A language without an entry builds in the base agent with make.
struct LanguageProfile {
    QString agent;
    QString buildCommand;
    QString runtimeImage;
    int hpaMin;
    int hpaMax;
    int hpaCpuPercent;
};

LanguageProfile profileFor(const QString &language)
{
    if (language == u"go"_s)
        return {u"go"_s, u"go vet ./... && go test ./... && CGO_ENABLED=0 go build -trimpath -o app ."_s,
                u"gcr.io/distroless/static-debian12:nonroot"_s, 2, 10, 70};
    if (language == u"java"_s)
        return {u"maven"_s, u"mvn --batch-mode clean verify"_s, u"eclipse-temurin:17-jre"_s, 2, 6, 75};
    if (language == u"nodejs"_s)
        return {u"nodejs"_s, u"npm ci && npm test && npm prune --omit=dev"_s, u"node:20-alpine"_s, 2, 8, 70};
    return {u"base"_s, u"make build test"_s, u"debian:bookworm-slim"_s, 2, 6, 70};
}

QString targetPathFor(const QString &templatePath, const QString &language, const QString &root)
{
    const QString manifests = u"app-manifests-templates/"_s + language + u'/';
    if (templatePath.startsWith(manifests))
        return root + u"manifests/"_s + templatePath.mid(manifests.size());
    const QString applications = u"application-templates/"_s;
    if (templatePath.startsWith(applications))
        return root + templatePath.mid(applications.size());
    const QString pipelines = u"pipeline-templates/"_s;
    if (templatePath.startsWith(pipelines))
        return root + u"manifests/pipeline/"_s + templatePath.mid(pipelines.size());
    return {};
}

QString baseName(const QString &path)
{
    return path.mid(path.lastIndexOf(u'/') + 1);
}

} // namespace

QString effectiveCanaryTag(const ServiceSpec &spec)
{
    return spec.canaryTag.isEmpty() ? spec.gaTag : spec.canaryTag;
}

QString effectiveNamespace(const ServiceSpec &spec)
{
    return spec.namespaceName.isEmpty() ? spec.project + u'-' + spec.environment : spec.namespaceName;
}

Result<void> checkAnswer(Answer answer, const QString &value)
{
    const QString shown = printableValue(value);
    const auto wholeNumber = [&value](int *out) {
        static const QRegularExpression digits(uR"(^[0-9]{1,9}\z)"_s);
        if (!digits.match(value).hasMatch())
            return false;
        *out = value.toInt();
        return true;
    };
    const auto label = [&](const QString &what) -> Result<void> {
        if (value.isEmpty() || isDnsLabel(value))
            return {};
        return invalid(ServiceScaffoldText::tr("The %1 \"%2\" is not valid; use lower-case letters, digits and '-' "
                                               "(at most 63, starting and ending with a letter or digit).")
                           .arg(what, shown));
    };
    switch (answer) {
    case Answer::Project:
        return checkDnsLabel(value, NameKind::Project);
    case Answer::Service:
        return checkDnsLabel(value, NameKind::Service);
    case Answer::Environment:
        return checkDnsLabel(value, NameKind::Environment);
    case Answer::Image:
        return checkImageRepository(value);
    case Answer::Tag:
        return checkTag(value, ServiceScaffoldText::tr("GA"));
    case Answer::CanaryTag:
        return value.isEmpty() ? Result<void>() : checkTag(value, ServiceScaffoldText::tr("canary"));
    case Answer::Port: {
        int port = 0;
        if (!wholeNumber(&port) || port < 1 || port > 65535)
            return invalid(ServiceScaffoldText::tr("The port %1 is not valid; choose a port from 1 to 65535.").arg(shown));
        return {};
    }
    case Answer::Replicas: {
        int replicas = 0;
        if (!wholeNumber(&replicas) || replicas < 1) {
            return invalid(ServiceScaffoldText::tr("The replica count %1 is not valid; choose at least 1, or let an "
                                                   "autoscaler (HPA) scale the service.")
                               .arg(shown));
        }
        return {};
    }
    case Answer::Cluster:
        if (!isClusterUrl(value)) {
            return invalid(ServiceScaffoldText::tr("The cluster \"%1\" is not a cluster URL; enter the API server "
                                                   "address as Argo CD knows it, for example "
                                                   "https://kubernetes.default.svc.")
                               .arg(shown));
        }
        return {};
    case Answer::Namespace:
        return label(ServiceScaffoldText::tr("namespace"));
    case Answer::ArgocdNamespace:
        return label(ServiceScaffoldText::tr("Argo CD namespace"));
    case Answer::DevopsNamespace:
        return label(ServiceScaffoldText::tr("KubeSphere DevOps namespace"));
    case Answer::SelfHeal:
        if (value != u"true"_s && value != u"false"_s)
            return invalid(ServiceScaffoldText::tr("selfHeal is true or false, not \"%1\".").arg(shown));
        return {};
    case Answer::RepoUrl:
        if (value.trimmed().isEmpty()) {
            return invalid(ServiceScaffoldText::tr("The deployment repository URL is empty; Argo CD needs it to find "
                                                   "the manifests."));
        }
        if (!isDeploymentRepo(value)) {
            return invalid(ServiceScaffoldText::tr("The deployment repository \"%1\" is not a git URL or an absolute "
                                                   "path without spaces, quotes or '$'; check the workspace's "
                                                   "provider.")
                               .arg(shown));
        }
        return {};
    case Answer::ArgocdProject:
        if (value.trimmed().isEmpty())
            return invalid(ServiceScaffoldText::tr("The Argo CD project is empty; enter the AppProject, for example default."));
        if (!isDnsSubdomain(value)) {
            return invalid(ServiceScaffoldText::tr("The Argo CD project \"%1\" is not a valid AppProject name; use "
                                                   "lower-case letters, digits, '-' and '.', for example default.")
                               .arg(shown));
        }
        return {};
    case Answer::Branch:
        if (value.trimmed().isEmpty())
            return invalid(ServiceScaffoldText::tr("The branch is empty; enter the branch Argo CD follows, for example main."));
        if (Result<void> branch = checkBranchName(value); !branch) {
            Error error = branch.error();
            error.message = ServiceScaffoldText::tr("The branch %1").arg(error.message);
            return error;
        }
        return {};
    case Answer::SourceRepo:
        if (!value.isEmpty() && !isGitUrl(value)) {
            return invalid(ServiceScaffoldText::tr("The source repository \"%1\" is not a git URL; enter an https://, "
                                                   "ssh:// or git@host:path address without spaces or quotes, or "
                                                   "leave it empty.")
                               .arg(shown));
        }
        return {};
    }
    return {};
}

Result<void> validateSpec(const ServiceSpec &spec, const TemplateSet &templates)
{
    const std::pair<Answer, QString> names[] = {
        {Answer::Project, spec.project},
        {Answer::Service, spec.service},
        {Answer::Environment, spec.environment},
    };
    for (const auto &[answer, value] : names) {
        if (const Result<void> r = checkAnswer(answer, value); !r)
            return r;
    }
    const QStringList languages = templates.languages();
    if (!languages.contains(spec.language)) {
        return invalid(ServiceScaffoldText::tr("The template set has no \"%1\" template; choose one of: %2.")
                           .arg(printableValue(spec.language), languages.join(u", "_s)));
    }
    const std::pair<Answer, QString> answers[] = {
        {Answer::Image, spec.imageRepository},
        {Answer::Tag, spec.gaTag},
        {Answer::CanaryTag, spec.canaryTag},
        {Answer::Port, QString::number(spec.port)},
        {Answer::Replicas, spec.replicas ? QString::number(*spec.replicas) : u"1"_s},
        {Answer::Namespace, spec.namespaceName},
    };
    for (const auto &[answer, value] : answers) {
        if (const Result<void> r = checkAnswer(answer, value); !r)
            return r;
    }
    if (spec.namespaceName.isEmpty() && !isDnsLabel(effectiveNamespace(spec))) {
        return invalid(ServiceScaffoldText::tr("The namespace \"%1\" made from the project and the environment is longer than 63 "
                          "characters; enter a shorter namespace.")
                           .arg(effectiveNamespace(spec)));
    }
    const std::pair<Answer, QString> rest[] = {
        {Answer::DevopsNamespace, spec.devopsNamespace},
        {Answer::Cluster, spec.cluster},
        {Answer::SourceRepo, spec.sourceRepoUrl},
        {Answer::RepoUrl, spec.repoUrl},
        {Answer::Branch, spec.branch},
        {Answer::ArgocdProject, spec.argocdProject},
        {Answer::ArgocdNamespace, spec.argocdNamespace},
    };
    for (const auto &[answer, value] : rest) {
        if (const Result<void> r = checkAnswer(answer, value); !r)
            return r;
    }
    return {};
}

Variables variablesFor(const ServiceSpec &spec)
{
    const LanguageProfile profile = profileFor(spec.language);
    const bool hpa = !spec.replicas.has_value();
    Variables v;
    v.insert(u"PROJECT"_s, spec.project);
    v.insert(u"SERVICE"_s, spec.service);
    v.insert(u"ENV"_s, spec.environment);
    v.insert(u"LANGUAGE"_s, spec.language);
    v.insert(u"IMAGE"_s, spec.imageRepository);
    v.insert(u"IMAGE_TAG"_s, spec.gaTag);
    v.insert(u"CANARY_TAG"_s, effectiveCanaryTag(spec));
    v.insert(u"PORT"_s, QString::number(spec.port));
    v.insert(u"REPLICAS"_s, hpa ? std::nullopt : std::optional<QString>(QString::number(*spec.replicas)));
    v.insert(u"CANARY_REPLICAS"_s, u"1"_s);
    v.insert(u"HPA_FILE"_s, hpa ? std::optional<QString>(u"hpa.yaml"_s) : std::nullopt);
    v.insert(u"HPA_MIN_REPLICAS"_s, QString::number(profile.hpaMin));
    v.insert(u"HPA_MAX_REPLICAS"_s, QString::number(profile.hpaMax));
    v.insert(u"HPA_CPU_PERCENT"_s, QString::number(profile.hpaCpuPercent));
    v.insert(u"CANARY_RESOURCE"_s, spec.canaryStage ? std::optional<QString>(u"canary"_s) : std::nullopt);
    v.insert(u"STAGE_CHOICES"_s, spec.canaryStage ? u"'canary', 'ga'"_s : u"'ga'"_s);
    v.insert(u"NAMESPACE"_s, effectiveNamespace(spec));
    v.insert(u"CLUSTER"_s, spec.cluster);
    v.insert(u"SELF_HEAL"_s, spec.selfHeal ? u"true"_s : u"false"_s);
    v.insert(u"REPO_URL"_s, spec.repoUrl);
    v.insert(u"BRANCH"_s, spec.branch);
    v.insert(u"ARGOCD_PROJECT"_s, spec.argocdProject);
    v.insert(u"ARGOCD_NAMESPACE"_s, spec.argocdNamespace.isEmpty() ? u"argocd"_s : spec.argocdNamespace);
    v.insert(u"DEVOPS_NAMESPACE"_s, spec.devopsNamespace.isEmpty() ? spec.project : spec.devopsNamespace);
    v.insert(u"SOURCE_REPO"_s, spec.sourceRepoUrl);
    v.insert(u"BUILD_AGENT"_s, profile.agent);
    v.insert(u"BUILD_COMMAND"_s, profile.buildCommand);
    v.insert(u"RUNTIME_IMAGE"_s, profile.runtimeImage);
    return v;
}

Result<git::FileChanges> scaffoldService(const TemplateSet &templates, const ServiceSpec &spec)
{
    if (const Result<void> valid = validateSpec(spec, templates); !valid)
        return valid.error();

    const QString manifests = u"app-manifests-templates/"_s + spec.language + u'/';
    const QStringList required = {
        manifests + u"kustomization.yaml"_s,
        u"application-templates/application.yaml"_s,
        u"application-templates/application-pipeline.yaml"_s,
    };
    for (const QString &path : required) {
        if (!templates.files().contains(path)) {
            return makeError(Error::Code::Template,
                             ServiceScaffoldText::tr("The template set has no %1; add it to the templates repository.").arg(path));
        }
    }

    const Variables variables = variablesFor(spec);
    const QString root = u"appsmanifests/"_s + spec.service + u'/' + spec.environment + u'/';
    git::FileChanges changes;
    for (auto it = templates.files().cbegin(); it != templates.files().cend(); ++it) {
        const QString target = targetPathFor(it.key(), spec.language, root);
        if (target.isEmpty())
            continue;
        const QString name = baseName(it.key());
        if (name.startsWith(u"README"_s, Qt::CaseInsensitive) || name.startsWith(u'.'))
            continue;
        // The autoscaler exists only when the Deployment leaves its replica count to it.
        if (name == u"hpa.yaml"_s && spec.replicas.has_value())
            continue;
        Result<QByteArray> rendered = renderTemplate(it.value(), it.key(), variables);
        if (!rendered)
            return rendered.error();
        changes.write(target, std::move(*rendered));
    }
    return changes;
}

} // namespace gd::tmpl
