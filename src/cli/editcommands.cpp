// SPDX-License-Identifier: GPL-3.0-or-later
// The manifest editing commands of gitops-desk-cli: workdir, diff and commit.
#include "cli/cliapp.h"

#include "git/identity.h"
#include "git/repocache.h"
#include "manifest/kustomizerunner.h"
#include "util/names.h"
#include "workspace/appdirs.h"
#include "workspace/overlayedit.h"
#include "workspace/projectrepo.h"
#include "workspace/renderscope.h"
#include "workspace/repoprovider.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace gd::cli {
namespace {

// The translatable sentences of this file, in the "gd::cli::CliApp" context (lupdate reads the macro).
struct EditCommandsText {
    Q_DECLARE_TR_FUNCTIONS(gd::cli::CliApp)
};

QString changeTypeWord(manifest::ResourceChange::Type type)
{
    switch (type) {
    case manifest::ResourceChange::Type::Added:
        return EditCommandsText::tr("Added");
    case manifest::ResourceChange::Type::Removed:
        return EditCommandsText::tr("Removed");
    case manifest::ResourceChange::Type::Changed:
        break;
    }
    return EditCommandsText::tr("Changed");
}

} // namespace

int CliApp::workdir(const Invocation &invocation)
{
    if (invocation.words.size() != 2)
        return usage(EditCommandsText::tr("workdir needs PROJECT."));
    if (auto name = checkDnsLabel(invocation.words[1], NameKind::Project); !name.ok())
        return usage(name.error().message);
    auto config = loadWorkspace(invocation);
    if (!config.ok())
        return fail(config.error());
    auto provider = repoProvider(*config);
    if (!provider.ok())
        return fail(provider.error());
    auto clone = ws::openWorkingClone(*config, **provider, invocation.words[1]);
    if (!clone.ok())
        return fail(clone.error());
    for (const QString &repair : clone->repairs())
        m_err << repair << '\n';
    m_out << QDir::toNativeSeparators(clone->directory()) << '\n';
    return Success;
}

void CliApp::printReview(const ws::OverlayReview &review)
{
    for (const ws::ReviewedFile &file : review.files)
        m_out << file.diff();
    if (!review.renderProblem.isEmpty()) {
        m_out << u"\n# "_s << review.renderProblem << '\n';
    } else {
        m_out << u"\n# "_s
              << EditCommandsText::tr("Rendered manifests: %n resource(s) change.", nullptr,
                                      int(review.renderedChanges.size()))
              << '\n';
        for (const manifest::ResourceChange &change : review.renderedChanges) {
            m_out << u"\n## "_s << changeTypeWord(change.type) << u' ' << change.key.label() << '\n';
            for (const QString &sentence : change.summary)
                m_out << u"#  "_s << sentence << '\n';
            m_out << change.diff;
        }
    }
    for (const ws::ReviewedFile *file : review.conflicts()) {
        m_err << EditCommandsText::tr("Conflict: %1 changed on the remote since the working copy started from it.")
                     .arg(file->path)
              << '\n';
    }
    for (const ws::Finding &finding : review.validation.findings) {
        m_err << ws::ServiceEnvPaths::folder(review.service, review.env) << u'/' << finding.file << u':'
              << finding.diagnostic.line << u':' << finding.diagnostic.column << u": "_s
              << (finding.diagnostic.isError() ? EditCommandsText::tr("error") : EditCommandsText::tr("warning"))
              << u": "_s << finding.diagnostic.message << '\n';
    }
}

Result<CliApp::WorkingReview> CliApp::reviewWorkingCopy(const Invocation &invocation, const ServiceEnvArgs &args)
{
    auto config = loadWorkspace(invocation);
    if (!config.ok())
        return config.error();
    auto provider = repoProvider(*config);
    if (!provider.ok())
        return provider.error();
    auto clone = ws::openWorkingClone(*config, **provider, args.project);
    if (!clone.ok())
        return clone.error();
    auto review = ws::prepareOverlayReview(*clone, args.project, args.service, args.env, ws::kustomizeRunnerFor(*config),
                                           (*provider)->remoteAuth());
    if (!review.ok())
        return review.error();
    return WorkingReview{std::move(*config), std::move(*provider), std::move(*clone), std::move(*review)};
}

int CliApp::diff(const Invocation &invocation)
{
    auto args = serviceEnvArgs(invocation.words);
    if (!args.ok())
        return usage(args.error().message);
    auto working = reviewWorkingCopy(invocation, *args);
    if (!working.ok())
        return fail(working.error());
    if (working->review.files.empty()) {
        m_out << EditCommandsText::tr("No changes to %1 in %2 in the working copy.").arg(args->service, args->env)
              << '\n';
        return Success;
    }
    printReview(working->review);
    return Success;
}

int CliApp::commit(const Invocation &invocation)
{
    auto args = serviceEnvArgs(invocation.words);
    if (!args.ok())
        return usage(args.error().message);
    if (invocation.message.trimmed().isEmpty())
        return usage(EditCommandsText::tr("commit needs a message: -m MESSAGE."));
    auto working = reviewWorkingCopy(invocation, *args);
    if (!working.ok())
        return fail(working.error());
    if (const QString reason = working->review.blockingReason(); !reason.isEmpty()) {
        printReview(working->review);
        return fail(makeError(Error::Code::InvalidInput, reason));
    }
    git::RepoCache cache(ws::repoCacheDir());
    auto opened = ws::openProject(working->config, cache, *working->provider, args->project, false);
    if (!opened.ok())
        return fail(opened.error());
    git::PushPlan plan;
    plan.remoteUrl = opened->url;
    plan.branch = working->config.branch;
    plan.auth = working->provider->remoteAuth();
    plan.message = git::CommitMessage{invocation.message.trimmed() + u'\n',
                                      git::userIdentity(working->clone.repository()), {}};
    auto outcome = ws::commitOverlayReview(working->review, opened->repo, working->clone, plan,
                                           ws::kustomizeRunnerFor(working->config));
    if (!outcome.ok())
        return fail(outcome.error());
    m_out << EditCommandsText::tr("Committed %1 and pushed to %2 (%n attempt(s)).", nullptr, outcome->attempts)
                 .arg(outcome->commit.shortHex(12), working->config.branch)
          << '\n';
    return Success;
}

} // namespace gd::cli
