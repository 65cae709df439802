// SPDX-License-Identifier: GPL-3.0-or-later
// `gitops-desk-cli scaffold`: a new service from the templates (issue 6). Creates the project's repo
// when missing, previews every environment (files, rendered resources, validation), and with --yes pushes exactly the
// previewed files with the push loop and upserts both Argo CD Applications of each environment.
#include "cli/cliapp.h"

#include "cli/cliargo.h"
#include "git/identity.h"
#include "git/repocache.h"
#include "manifest/kustomizerunner.h"
#include "util/names.h"
#include "workspace/appdirs.h"
#include "workspace/repoprovider.h"
#include "workspace/scaffoldrun.h"
#include "workspace/templatesource.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace gd::cli {
namespace {

// The translatable sentences of this file, in the "gd::cli::CliApp" context (lupdate reads the macro).
struct ScaffoldCommandText {
    Q_DECLARE_TR_FUNCTIONS(gd::cli::CliApp)
};

Error invalid(const QString &message)
{
    return makeError(Error::Code::InvalidInput, message);
}

/// A whole number from the command line, or an error naming `field`.
Result<int> wholeNumber(const QString &text, const QString &field)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok)
        return invalid(ScaffoldCommandText::tr("The %1 \"%2\" is not a whole number.").arg(field, text));
    return value;
}

/// Applies one --set KEY=VALUE to the answers after checking the value by the answer's type (tmpl::checkAnswer); an
/// error naming the key when it is unknown or its value is wrong ("--set branch: The branch "a..b" is not …").
Result<void> applySet(const QString &assignment, tmpl::ServiceSpec &spec)
{
    const qsizetype equals = assignment.indexOf(u'=');
    if (equals <= 0)
        return invalid(ScaffoldCommandText::tr("--set takes KEY=VALUE, not \"%1\".").arg(printableValue(assignment)));
    const QString key = assignment.left(equals);
    const QString value = assignment.mid(equals + 1);
    struct Field {
        const char16_t *key;
        tmpl::Answer answer;
        QString *text;
    };
    const Field fields[] = {
        {u"tag", tmpl::Answer::Tag, &spec.gaTag},
        {u"canaryTag", tmpl::Answer::CanaryTag, &spec.canaryTag},
        {u"namespace", tmpl::Answer::Namespace, &spec.namespaceName},
        {u"cluster", tmpl::Answer::Cluster, &spec.cluster},
        {u"branch", tmpl::Answer::Branch, &spec.branch},
        {u"argocdProject", tmpl::Answer::ArgocdProject, &spec.argocdProject},
        {u"argocdNamespace", tmpl::Answer::ArgocdNamespace, &spec.argocdNamespace},
        {u"devopsNamespace", tmpl::Answer::DevopsNamespace, &spec.devopsNamespace},
        {u"sourceRepo", tmpl::Answer::SourceRepo, &spec.sourceRepoUrl},
        {u"selfHeal", tmpl::Answer::SelfHeal, nullptr},
    };
    for (const Field &field : fields) {
        if (key != QStringView(field.key))
            continue;
        if (auto checked = tmpl::checkAnswer(field.answer, value); !checked.ok())
            return invalid(u"--set "_s + key + u": "_s + checked.error().message);
        if (field.text != nullptr)
            *field.text = value;
        else
            spec.selfHeal = value == u"true"_s;
        return {};
    }
    return invalid(ScaffoldCommandText::tr("--set knows no key \"%1\"; use tag, canaryTag, namespace, cluster, selfHeal, "
                                           "branch, argocdProject, argocdNamespace, devopsNamespace or sourceRepo.")
                       .arg(printableValue(key)));
}

QString changeSign(manifest::ResourceChange::Type type)
{
    switch (type) {
    case manifest::ResourceChange::Type::Added:
        return u"+"_s;
    case manifest::ResourceChange::Type::Removed:
        return u"-"_s;
    case manifest::ResourceChange::Type::Changed:
        break;
    }
    return u"~"_s;
}

} // namespace

int CliApp::printScaffoldReview(const ws::OverlayReview &review, const QString &service)
{
    if (!review.newRepository.isEmpty()) {
        m_out << ScaffoldCommandText::tr("The repository %1 does not exist yet; --yes creates it.")
                     .arg(review.newRepository)
              << '\n';
    }
    m_out << ScaffoldCommandText::tr("Files (%1):").arg(review.files.size()) << '\n';
    for (const ws::ReviewedFile &file : review.files)
        m_out << u"  "_s << (file.base ? ScaffoldCommandText::tr("changed") : ScaffoldCommandText::tr("new"))
              << u"  "_s << file.path << '\n';
    m_out << ScaffoldCommandText::tr("Rendered resources that change:") << '\n';
    for (const manifest::ResourceChange &change : review.renderedChanges) {
        m_out << u"  "_s << changeSign(change.type) << u' ' << change.key.label();
        if (!change.summary.isEmpty())
            m_out << u" ("_s << change.summary.join(u"; "_s) << u')';
        m_out << '\n';
    }
    if (!review.renderProblem.isEmpty())
        m_err << review.renderProblem << '\n';
    if (printReport(u"appsmanifests/"_s + service, review.validation) != Success) {
        m_err << ScaffoldCommandText::tr("The rendered service does not validate, so nothing was committed.") << '\n';
        return Failure;
    }
    return Success;
}

int CliApp::scaffold(const Invocation &invocation)
{
    if (invocation.words.size() != 3)
        return usage(ScaffoldCommandText::tr("scaffold needs PROJECT SERVICE."));
    ws::ScaffoldAnswers answers;
    tmpl::ServiceSpec &spec = answers.spec;
    spec.project = invocation.words[1];
    spec.service = invocation.words[2];
    if (auto r = checkDnsLabel(spec.project, NameKind::Project); !r.ok())
        return usage(r.error().message);
    if (auto r = checkDnsLabel(spec.service, NameKind::Service); !r.ok())
        return usage(r.error().message);
    if (invocation.language.isEmpty())
        return usage(ScaffoldCommandText::tr("scaffold needs --lang: the language template (go, java, nodejs, ...)."));
    if (invocation.envs.isEmpty())
        return usage(ScaffoldCommandText::tr("scaffold needs at least one --env: the environment to deploy to."));
    if (invocation.image.isEmpty())
        return usage(ScaffoldCommandText::tr("scaffold needs --image: the image repository, without a tag."));
    if (invocation.hpa && !invocation.replicas.isEmpty())
        return usage(ScaffoldCommandText::tr("Choose either --replicas or --hpa, not both."));
    if (!invocation.stage.isEmpty() && invocation.stage != u"canary"_s && invocation.stage != u"ga"_s)
        return usage(ScaffoldCommandText::tr("The stage \"%1\" is not valid; choose canary (canary + GA) or ga (GA only).")
                         .arg(invocation.stage));
    spec.language = invocation.language;
    answers.environments = invocation.envs;
    spec.imageRepository = invocation.image;
    spec.canaryStage = invocation.stage == u"canary"_s;
    if (!invocation.port.isEmpty()) {
        auto port = wholeNumber(invocation.port, ScaffoldCommandText::tr("port"));
        if (!port.ok())
            return usage(port.error().message);
        spec.port = *port;
    }
    if (invocation.hpa) {
        spec.replicas = std::nullopt;
    } else if (!invocation.replicas.isEmpty()) {
        auto replicas = wholeNumber(invocation.replicas, ScaffoldCommandText::tr("replica count"));
        if (!replicas.ok())
            return usage(replicas.error().message);
        spec.replicas = *replicas;
    }
    auto config = loadWorkspace(invocation);
    if (!config.ok())
        return fail(config.error());
    spec.branch = config->branch;
    for (const QString &assignment : invocation.sets) {
        if (auto applied = applySet(assignment, spec); !applied.ok())
            return usage(applied.error().message);
    }
    auto provider = repoProvider(*config);
    if (!provider.ok())
        return fail(provider.error());
    git::RepoCache cache(ws::repoCacheDir());
    auto templates = ws::loadTemplates(*config, cache, (*provider)->remoteAuth());
    if (!templates.ok())
        return fail(templates.error());
    m_out << ScaffoldCommandText::tr("Templates: %1").arg(templates->describe()) << Qt::endl;
    if (!templates->fetchProblem.isEmpty()) {
        m_err << ScaffoldCommandText::tr("The templates repository could not be fetched; using the files it had last "
                                         "time.")
              << '\n';
    }
    auto prepared = ws::prepareScaffold(*config, cache, **provider, answers, templates->set,
                                        manifest::KustomizeRunner());
    if (!prepared.ok()) {
        return prepared.error().code == Error::Code::InvalidInput ? usage(prepared.error().message)
                                                                  : fail(prepared.error());
    }
    const ws::OverlayReview &review = prepared->review;
    if (review.files.empty()) {
        m_out << ScaffoldCommandText::tr("Nothing to do: %1 already has exactly these files in %2.")
                     .arg(spec.service, review.env)
              << Qt::endl;
        // With --yes the Applications are still put in place (an earlier run may have stopped before Argo CD).
        if (!invocation.yes)
            return Success;
    } else {
        if (const int shown = printScaffoldReview(review, spec.service); shown != Success)
            return shown;
        if (!invocation.yes) {
            m_out << ScaffoldCommandText::tr("Nothing was committed; run again with --yes to commit.") << Qt::endl;
            return Success;
        }
    }

    auto landed = ws::commitScaffold(*config, cache, **provider, *prepared, QString(),
                                     git::userIdentity(git::Repository()));
    if (!landed.ok())
        return refuse(landed.error());
    if (!review.newRepository.isEmpty())
        m_out << ScaffoldCommandText::tr("Created the repository %1.").arg(review.newRepository) << Qt::endl;
    if (landed->outcome.attempts > 0) {
        m_out << ScaffoldCommandText::tr("Pushed commit %1 to %2.").arg(landed->outcome.commit.toHex(), config->branch)
              << Qt::endl;
    }

    if (invocation.noSync) {
        m_out << ScaffoldCommandText::tr("The Argo CD Applications were not created (--no-sync).") << Qt::endl;
        return Success;
    }
    // From here on the files are in Git: when Argo CD fails, say so with exit 4 (NotSynced) and name the commit.
    const QString commitHex = landed->outcome.commit.toHex();
    const auto applicationsMissing = [&](const Error &why) {
        fail(why);
        m_err << ScaffoldCommandText::tr("Commit %1 is in Git, but the Argo CD Applications are not all in place; run "
                                         "the same command again once Argo CD can be reached: it commits nothing "
                                         "new and creates them.")
                     .arg(commitHex)
              << '\n';
        return int(NotSynced);
    };
    CliArgo argo(*config);
    if (auto client = argo.connect(); !client.ok())
        return applicationsMissing(client.error());
    for (const ws::ScaffoldApplication &application : landed->applications) {
        const QString &name = application.name;
        auto upserted = argo.upsert(application.body);
        if (!upserted.ok()) {
            m_err << ScaffoldCommandText::tr("The Argo CD Application %1 could not be created or updated.").arg(name)
                  << '\n';
            return applicationsMissing(upserted.error());
        }
        m_out << ScaffoldCommandText::tr("Argo CD Application %1 is in place.").arg(name) << Qt::endl;
    }
    if (!invocation.wait)
        return Success;
    int exitCode = Success;
    for (const ws::ScaffoldApplication &application : landed->applications) {
        if (application.pipeline)
            continue;
        switch (argo.syncAndFollow(application.name, true, m_out, m_err)) {
        case CliArgo::SyncOutcome::Done:
            break;
        case CliArgo::SyncOutcome::Unhealthy:
            exitCode = exitCode == Success ? int(Failure) : exitCode;
            break;
        case CliArgo::SyncOutcome::Unanswered:
            m_err << ScaffoldCommandText::tr("Commit %1 is in Git, but Argo CD has not synced %2. Run "
                                             "`gitops-desk-cli sync %3 %4 %5 --wait` once Argo CD can be reached.")
                         .arg(commitHex, application.name, spec.project, spec.service, application.env)
                  << '\n';
            exitCode = NotSynced;
            break;
        }
    }
    return exitCode;
}

} // namespace gd::cli
