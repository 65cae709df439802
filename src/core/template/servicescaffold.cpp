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
/// or scp-like user@host:path; no whitespace, quotes, backslashes or '$' (it lands inside a Groovy string).
bool isGitUrl(const QString &url)
{
    static const QRegularExpression pattern(
        uR"(^(?:(?:https?|ssh|git)://[^/\s'"\\$]+(?:/[^\s'"\\$]*)?|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s'"\\$]+)$)"_s);
    return pattern.match(url).hasMatch();
}

bool isValidTag(const QString &tag)
{
    static const QRegularExpression pattern(uR"(^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$)"_s);
    return pattern.match(tag).hasMatch();
}

Result<void> checkTag(const QString &tag, const QString &which)
{
    if (tag.isEmpty())
        return invalid(ServiceScaffoldText::tr("The %1 tag is empty; enter the image tag to deploy, for example 1.4.2.").arg(which));
    if (!isValidTag(tag)) {
        return invalid(ServiceScaffoldText::tr("The %1 tag \"%2\" is not a valid image tag.").arg(which, tag),
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
                           .arg(repository));
    QStringList parts = repository.split(u'/');
    static const QRegularExpression host(uR"(^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?$)"_s);
    static const QRegularExpression component(uR"(^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$)"_s);
    const QString &first = parts.constFirst();
    if (parts.size() > 1 && (first.contains(u'.') || first.contains(u':') || first == u"localhost"_s)) {
        if (!host.match(first).hasMatch())
            return invalid(ServiceScaffoldText::tr("The registry host \"%1\" of the image repository is not valid.").arg(first));
        parts.removeFirst();
    }
    for (const QString &part : std::as_const(parts)) {
        if (part.contains(u':')) {
            return invalid(ServiceScaffoldText::tr("The image repository \"%1\" holds a tag; enter the repository only, the tag is set "
                              "separately.")
                               .arg(repository));
        }
        if (!component.match(part).hasMatch()) {
            return invalid(ServiceScaffoldText::tr("The image repository \"%1\" is not valid: \"%2\" may only hold lower-case letters, "
                              "digits and single '.', '_' or '-' between them.")
                               .arg(repository, part));
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

Result<void> validateSpec(const ServiceSpec &spec, const TemplateSet &templates)
{
    if (const Result<void> r = checkDnsLabel(spec.project, NameKind::Project); !r)
        return r;
    if (const Result<void> r = checkDnsLabel(spec.service, NameKind::Service); !r)
        return r;
    if (const Result<void> r = checkDnsLabel(spec.environment, NameKind::Environment); !r)
        return r;

    const QStringList languages = templates.languages();
    if (!languages.contains(spec.language)) {
        return invalid(ServiceScaffoldText::tr("The template set has no \"%1\" template; choose one of: %2.")
                           .arg(spec.language, languages.join(u", "_s)));
    }
    if (const Result<void> r = checkImageRepository(spec.imageRepository); !r)
        return r;
    if (const Result<void> r = checkTag(spec.gaTag, ServiceScaffoldText::tr("GA")); !r)
        return r;
    if (!spec.canaryTag.isEmpty()) {
        if (const Result<void> r = checkTag(spec.canaryTag, ServiceScaffoldText::tr("canary")); !r)
            return r;
    }
    if (spec.port < 1 || spec.port > 65535)
        return invalid(ServiceScaffoldText::tr("The port %1 is not valid; choose a port from 1 to 65535.").arg(spec.port));
    if (spec.replicas && *spec.replicas < 1) {
        return invalid(ServiceScaffoldText::tr("The replica count %1 is not valid; choose at least 1, or let an autoscaler (HPA) "
                          "scale the service.")
                           .arg(*spec.replicas));
    }
    if (!spec.namespaceName.isEmpty() && !isDnsLabel(spec.namespaceName)) {
        return invalid(ServiceScaffoldText::tr("The namespace \"%1\" is not valid; use lower-case letters, digits and '-' (at most 63).")
                           .arg(spec.namespaceName));
    }
    if (spec.namespaceName.isEmpty() && !isDnsLabel(effectiveNamespace(spec))) {
        return invalid(ServiceScaffoldText::tr("The namespace \"%1\" made from the project and the environment is longer than 63 "
                          "characters; enter a shorter namespace.")
                           .arg(effectiveNamespace(spec)));
    }
    if (!spec.devopsNamespace.isEmpty() && !isDnsLabel(spec.devopsNamespace)) {
        return invalid(ServiceScaffoldText::tr("The KubeSphere DevOps namespace \"%1\" is not valid; use lower-case letters, digits "
                          "and '-'.")
                           .arg(spec.devopsNamespace));
    }
    if (!spec.cluster.startsWith(u"https://"_s) && !spec.cluster.startsWith(u"http://"_s)) {
        return invalid(ServiceScaffoldText::tr("The cluster \"%1\" is not a cluster URL; enter the API server address as Argo CD knows "
                          "it, for example https://kubernetes.default.svc.")
                           .arg(spec.cluster));
    }
    if (!spec.sourceRepoUrl.isEmpty() && !isGitUrl(spec.sourceRepoUrl)) {
        return invalid(ServiceScaffoldText::tr("The source repository \"%1\" is not a git URL; enter an https://, ssh:// or "
                                               "git@host:path address without spaces or quotes, or leave it empty.")
                           .arg(spec.sourceRepoUrl));
    }
    if (spec.repoUrl.trimmed().isEmpty())
        return invalid(ServiceScaffoldText::tr("The deployment repository URL is empty; Argo CD needs it to find the manifests."));
    if (spec.branch.trimmed().isEmpty())
        return invalid(ServiceScaffoldText::tr("The branch is empty; enter the branch Argo CD follows, for example main."));
    if (spec.argocdProject.trimmed().isEmpty())
        return invalid(ServiceScaffoldText::tr("The Argo CD project is empty; enter the AppProject, for example default."));
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
