// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/releasecontroller.h"

#include "flows/jobqueue.h"
#include "flows/releaseflow.h"
#include "git/repocache.h"
#include "manifest/kustomizerunner.h"
#include "net/argoclient.h"
#include "net/credentialstore.h"
#include "net/registryclient.h"
#include "ui/dialogs/registrysignindialog.h"
#include "ui/dialogs/releasedialog.h"
#include "ui/dialogs/reviewdialog.h"
#include "workspace/journal.h"
#include "workspace/projectrepo.h"
#include "workspace/renderscope.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

ReleaseController::ReleaseController(QWidget *window, flows::JobQueue &jobs, std::shared_ptr<git::RepoCache> cache,
                                     net::HttpClient &http, net::CredentialStore *credentials, QObject *parent)
    : QObject(parent), m_window(window), m_jobs(jobs), m_cache(std::move(cache)), m_http(http),
      m_credentials(credentials)
{
}

ReleaseController::~ReleaseController() = default;

void ReleaseController::setWorkspace(std::shared_ptr<const flows::LoadedWorkspace> workspace)
{
    const bool sameRegistry = m_registry && m_workspace && workspace
                              && m_workspace->config.registryUrl == workspace->config.registryUrl
                              && m_workspace->config.registryType == workspace->config.registryType;
    m_workspace = std::move(workspace);
    // A refresh keeps the client, and with it a sign-in the keychain could not keep.
    if (sameRegistry)
        return;
    m_registry.reset();
    const int generation = ++m_registryGeneration;
    if (!m_workspace || m_workspace->config.registryUrl.isEmpty())
        return;
    auto type = net::RegistryClient::typeFromConfig(m_workspace->config.registryType);
    if (!type.ok())
        return;
    net::ServerSettings server;
    server.baseUrl = net::RegistryClient::baseUrlFromConfig(m_workspace->config.registryUrl);
    m_registry = std::make_unique<net::RegistryClient>(m_http, *type, server);
    if (!m_credentials)
        return;
    m_credentials->readToken(
        registryKeychainKey(m_workspace->config.registryUrl), this, [this, generation](Result<QString> value) {
            // Nothing stored, no keychain, or a value that is not "user:secret": read anonymously, without a word
            // (a private registry says so when its tags are listed, and offers the sign-in there).
            if (!value.ok() || generation != m_registryGeneration || !m_registry)
                return;
            auto credentials = net::RegistryCredentials::fromKeychainValue(*value);
            if (credentials.ok() && !credentials->isEmpty())
                m_registry->setCredentials(*credentials);
        });
}

QString ReleaseController::registryKeychainKey(const QString &registryUrl)
{
    return net::RegistryClient::baseUrlFromConfig(registryUrl).toString();
}

void ReleaseController::setArgo(argo::ArgoClient *client, ApplicationLookup lookup)
{
    m_argo = client;
    m_lookup = std::move(lookup);
}

QString ReleaseController::key(const QString &project, const QString &service, const QString &env)
{
    return project + u'/' + service + u'/' + env;
}

bool ReleaseController::isBusy(const QString &project, const QString &service, const QString &env) const
{
    return m_busy.contains(key(project, service, env));
}

const ws::EnvironmentState *ReleaseController::state(const QString &project, const QString &service,
                                                     const QString &env) const
{
    return m_workspace ? m_workspace->catalog.environment(project, service, env) : nullptr;
}

void ReleaseController::release(const QString &project, const QString &service, const QString &env,
                                const QString &tag)
{
    const ws::EnvironmentState *found = state(project, service, env);
    if (found == nullptr || isBusy(project, service, env))
        return;
    auto *dialog = new ReleaseDialog(project, service, *found, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!tag.isEmpty())
        dialog->setTag(tag);
    const QString image = found->image;
    connect(dialog, &ReleaseDialog::reviewRequested, this,
            [this, dialog, project, image](const ws::ReleaseRequest &request) {
                checkTagThenReview(dialog, project, request, image);
            });
    const ws::EnvironmentState environment = *found;
    connect(dialog, &ReleaseDialog::registrySignInRequested, this, [this, dialog, environment, project, service] {
        signIn(dialog, environment, project, service);
    });
    listTags(dialog, *found, project, service);
    Q_EMIT releaseDialogOpened(dialog);
    dialog->open();
}

void ReleaseController::listTags(ReleaseDialog *dialog, const ws::EnvironmentState &state, const QString &project,
                                 const QString &service)
{
    if (!m_registry) {
        dialog->setTagsProblem(tr("The workspace names no container registry, so tags are typed and not checked."));
        return;
    }
    // Which environments run which tag: the picker marks them.
    QHash<QString, QStringList> running;
    if (const ws::ServiceInfo *info = m_workspace->catalog.service(project, service)) {
        for (const ws::EnvironmentState &env : info->environments) {
            running[env.gaTag].append(env.environment);
            if (!env.canaryTag.isEmpty() && env.canaryTag != env.gaTag)
                running[env.canaryTag].append(tr("%1 (canary)").arg(env.environment));
        }
    }
    dialog->setReadingTags();
    m_registry->listTags(state.image, dialog, [this, dialog, running](Result<std::vector<net::ImageTag>> tags) {
        if (!tags.ok()) {
            dialog->setTagsProblem(tags.error().message);
            offerSignIn(dialog, tags.error());
            return;
        }
        std::vector<TagChoice> choices;
        for (const net::ImageTag &tag : *tags)
            choices.push_back({tag.tag, tag.pushedAt, running.value(tag.tag)});
        dialog->setAvailableTags(choices);
    });
}

void ReleaseController::offerSignIn(ReleaseDialog *dialog, const Error &error)
{
    if (error.code == Error::Code::Auth && m_registry)
        dialog->setRegistrySignInOffered(true);
}

void ReleaseController::signIn(ReleaseDialog *dialog, const ws::EnvironmentState &state, const QString &project,
                               const QString &service)
{
    if (!m_registry || !m_workspace)
        return;
    const QString registry = registryKeychainKey(m_workspace->config.registryUrl);
    auto *signInDialog = new RegistrySignInDialog(registry, dialog);
    signInDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(signInDialog, &RegistrySignInDialog::submitted, this,
            [this, dialog, signInDialog, state, project, service, registry] {
                const net::RegistryCredentials credentials{signInDialog->username(), signInDialog->secret()};
                // The sign-in holds for this session whatever the keychain says; a late keychain read must not
                // replace it.
                ++m_registryGeneration;
                if (m_registry)
                    m_registry->setCredentials(credentials);
                dialog->setTagProblem(QString());
                listTags(dialog, state, project, service);
                if (!m_credentials) {
                    signInDialog->setKeychainOutcome(
                        tr("No system keychain can be reached here, so the sign-in holds only until the window "
                           "closes."));
                    return;
                }
                m_credentials->writeToken(
                    registry, credentials.toKeychainValue(), signInDialog,
                    [signInDialog](Result<void> stored) {
                        signInDialog->setKeychainOutcome(
                            stored.ok() ? QString()
                                        : ReleaseController::tr("The sign-in works, but it could not be kept in the "
                                                                "system keychain, so it holds only until the window "
                                                                "closes: %1")
                                              .arg(stored.error().message));
                    });
            });
    signInDialog->open();
}

void ReleaseController::checkTagThenReview(ReleaseDialog *dialog, const QString &project,
                                           const ws::ReleaseRequest &request, const QString &image)
{
    const auto proceed = [this, dialog, project, request] {
        const QString summary =
            request.stage == ws::ReleaseStage::Canary
                ? tr("Release %1 %2 to %3 (canary)").arg(request.service, request.tag, request.env)
                : tr("Release %1 %2 to %3").arg(request.service, request.tag, request.env);
        dialog->accept();
        reviewThenRun(ws::ReleaseOperation{ws::ReleaseKind::Release, project, request, {}, {}, {}, {}}, summary);
    };
    if (!m_registry) {
        proceed();
        return;
    }
    // A tag the registry does not have is an error here, not a push that fails to deploy.
    m_registry->tagExists(image, request.tag, dialog, [this, dialog, request, image, proceed](Result<bool> exists) {
        if (!exists.ok()) {
            dialog->setTagProblem(exists.error().message);
            offerSignIn(dialog, exists.error());
        } else if (!*exists) {
            dialog->setTagProblem(ReleaseController::tr("The registry has no tag %1 for %2. Push the image first, or "
                                                        "pick a tag from the list.")
                                      .arg(request.tag, image));
        } else {
            proceed();
        }
    });
}

bool ReleaseController::confirmApproval(const QString &service, const QString &env, const QString &action)
{
    const ws::EnvironmentConfig *config = m_workspace ? m_workspace->config.environment(env) : nullptr;
    if (config == nullptr || !config->approvalRequired)
        return true;
    bool ok = false;
    const QString typed = QInputDialog::getText(
        m_window, tr("Approval Required"),
        tr("%1 requires approval. Type the service name (%2) to %3.").arg(env, service, action), QLineEdit::Normal,
        QString(), &ok);
    if (ok && typed.trimmed() != service) {
        QMessageBox::information(m_window, tr("Not Approved"),
                                 tr("\"%1\" is not the service name, so nothing was done.").arg(typed.trimmed()));
    }
    return ok && typed.trimmed() == service;
}

void ReleaseController::promote(const QString &project, const QString &service, const QString &env)
{
    const ws::EnvironmentState *found = state(project, service, env);
    if (found == nullptr || found->canaryTag.isEmpty() || isBusy(project, service, env))
        return;
    if (!confirmApproval(service, env, tr("promote the canary")))
        return;
    ws::ReleaseOperation operation{ws::ReleaseKind::Promote, project, {}, found->canaryTag, found->gaTag, {}, {}};
    operation.request.service = service;
    operation.request.env = env;
    operation.request.stage = ws::ReleaseStage::Ga;
    operation.request.tag = found->canaryTag;
    operation.request.expectedTag = found->gaTag;
    reviewThenRun(operation, tr("Promote %1 %2 to GA in %3").arg(service, found->canaryTag, env));
}

void ReleaseController::abort(const QString &project, const QString &service, const QString &env)
{
    const ws::EnvironmentState *found = state(project, service, env);
    if (found == nullptr || found->canaryTag.isEmpty() || isBusy(project, service, env))
        return;
    ws::ReleaseOperation operation{ws::ReleaseKind::Abort, project, {}, found->canaryTag, found->gaTag, {}, {}};
    operation.request.service = service;
    operation.request.env = env;
    operation.request.stage = ws::ReleaseStage::Canary;
    reviewThenRun(operation, tr("Abort canary %1 of %2 in %3").arg(found->canaryTag, service, env));
}

void ReleaseController::rollback(const QString &project, const QString &service, const QString &env,
                                 const ws::ReleaseEntry &entry)
{
    if (isBusy(project, service, env))
        return;
    ws::ReleaseOperation operation{ws::ReleaseKind::Rollback, project, {}, {}, {}, entry.commit, {}};
    operation.request.service = service;
    operation.request.env = env;
    operation.request.stage = entry.stage == u"canary" ? ws::ReleaseStage::Canary : ws::ReleaseStage::Ga;
    operation.request.tag = entry.fromTag;
    const QString summary = entry.fromTag.isEmpty()
                                ? tr("Roll back %1 in %2 (revert %3)").arg(service, env, entry.commit.shortHex())
                                : tr("Roll back %1 in %2 to %3").arg(service, env, entry.fromTag);
    reviewThenRun(operation, summary);
}

void ReleaseController::reviewThenRun(ws::ReleaseOperation operation, const QString &summary)
{
    if (!m_workspace)
        return;
    const ws::WorkspaceConfig config = m_workspace->config;
    flows::SharedRepoProvider provider = m_workspace->provider;
    std::shared_ptr<git::RepoCache> cache = m_cache;
    Q_EMIT progress(tr("Building the review of %1…").arg(summary));
    // The review, and when the overlay does not build as the change would land, whether it was already broken
    // before in a way the change does not touch (then the person may choose to go ahead).
    struct ReleaseReview {
        ws::OverlayReview review;
        QString brokenBefore;
    };
    m_jobs.submitFor<ReleaseReview>(
        u"release-review:"_s + key(operation.project, operation.request.service, operation.request.env),
        tr("Review: %1").arg(summary),
        [config, provider, cache, operation](flows::JobContext &context) -> Result<ReleaseReview> {
            auto opened = ws::openFetchedProject(config, *cache, *provider, operation.project,
                                                 ReleaseController::tr("The deployment repo cannot be fetched, so "
                                                                       "the review would be out of date."),
                                                 context.cancelFlag());
            if (!opened.ok())
                return opened.error();
            // The message is not shown here (the review asks for the summary); only the edit matters.
            auto prepared = ws::prepareOperation(opened->repo, opened->tip, operation, git::Signature{});
            if (!prepared.ok())
                return prepared.error();
            const manifest::KustomizeRunner runner = ws::kustomizeRunnerFor(config);
            auto review = ws::previewEdit(opened->repo, opened->tip, operation.project, operation.request.service,
                                          operation.request.env, prepared->edit, runner);
            if (!review.ok())
                return review.error();
            ReleaseReview out{std::move(*review), {}};
            if (out.review.validation.hasErrors()) {
                const git::SemanticEdit gated = ws::renderCheckedEdit(prepared->edit, {runner, false});
                auto judged = gated(git::Snapshot(opened->repo, opened->tip));
                if (!judged.ok() && judged.error().code == Error::Code::Precondition)
                    out.brokenBefore = judged.error().fullText();
            }
            return out;
        },
        this, [this, operation, summary](Result<ReleaseReview> reviewed) {
            Q_EMIT progress(QString());
            if (!reviewed.ok()) {
                const Error &error = reviewed.error();
                if (error.code == Error::Code::Conflict && operation.kind == ws::ReleaseKind::Rollback
                    && !operation.request.tag.isEmpty()) {
                    // The revert does not apply: offer the forward release of the tag it would have restored.
                    const auto answer = QMessageBox::question(
                        m_window, tr("Roll Back Not Possible"),
                        error.message + u"\n\n"_s
                            + tr("Release %1 forward instead?").arg(operation.request.tag),
                        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
                    if (answer == QMessageBox::Yes)
                        release(operation.project, operation.request.service, operation.request.env,
                                operation.request.tag);
                    return;
                }
                const bool refused = error.code == Error::Code::Precondition || error.code == Error::Code::Conflict;
                Q_EMIT finished(false, refused, error.fullText());
                return;
            }
            ws::OverlayReview review = std::move(reviewed->review);
            ws::ReleaseOperation confirmedOperation = operation;
            if (!reviewed->brokenBefore.isEmpty()) {
                const auto answer = QMessageBox::question(
                    m_window, tr("Overlay Already Broken"),
                    reviewed->brokenBefore + u"\n\n"_s
                        + tr("Go ahead with the change on the broken overlay? Argo CD cannot sync the environment "
                             "until the overlay is fixed."),
                    QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
                if (answer != QMessageBox::Yes) {
                    Q_EMIT finished(false, true, reviewed->brokenBefore);
                    return;
                }
                // What was broken before is shown, but no longer blocks the commit: the person chose to go ahead.
                confirmedOperation.allowBroken = true;
                for (ws::Finding &finding : review.validation.findings) {
                    if (finding.diagnostic.isError()) {
                        finding.diagnostic.severity = manifest::Diagnostic::Severity::Warning;
                        finding.diagnostic.message = tr("Broken before this change: %1").arg(finding.diagnostic.message);
                    }
                }
            }
            auto *dialog = new ReviewDialog(review, m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setCommitSummary(summary);
            connect(dialog, &ReviewDialog::commitRequested, this, [this, confirmedOperation](const QString &message) {
                ws::ReleaseOperation confirmed = confirmedOperation;
                confirmed.message = message;
                run(confirmed);
            });
            Q_EMIT reviewOpened(dialog);
            dialog->open();
        });
}

void ReleaseController::run(ws::ReleaseOperation operation)
{
    if (!m_workspace)
        return;
    const ws::ReleaseRequest &r = operation.request;
    const QString busyKey = key(operation.project, r.service, r.env);
    const QString application = m_lookup ? m_lookup(operation.project, r.service, r.env) : QString();
    auto *flow = new flows::ReleaseFlow(m_jobs, m_cache, m_workspace->config, m_workspace->provider, operation, m_argo,
                                        application, this);
    m_busy.insert(busyKey);
    Q_EMIT busyChanged(operation.project, r.service, r.env, true);
    connect(flow, &flows::ReleaseFlow::stepChanged, this,
            [this](flows::ReleaseFlow::Step, const QString &sentence) { Q_EMIT progress(sentence); });
    connect(flow, &flows::ReleaseFlow::finished, this,
            [this, flow, operation, busyKey](bool ok, bool refused, const QString &sentence) {
                m_busy.remove(busyKey);
                Q_EMIT busyChanged(operation.project, operation.request.service, operation.request.env, false);
                Q_EMIT progress(QString());
                Q_EMIT finished(ok, refused, sentence);
                flow->deleteLater();
            });
    flow->start();
}

void ReleaseController::readHistory(const QString &project, const QString &service, const QString &env,
                                    QObject *receiver, std::function<void(Result<ReleaseTimeline>)> done)
{
    if (!m_workspace)
        return;
    const ws::ProjectInfo *info = m_workspace->catalog.project(project);
    if (info == nullptr)
        return;
    const ws::WorkspaceConfig config = m_workspace->config;
    flows::SharedRepoProvider provider = m_workspace->provider;
    std::shared_ptr<git::RepoCache> cache = m_cache;
    m_jobs.submitFor<ReleaseTimeline>(
        info->repoUrl, tr("Read the release history of %1 in %2").arg(service, env),
        [config, provider, cache, project, service, env](flows::JobContext &context) -> Result<ReleaseTimeline> {
            auto opened = ws::openProject(config, *cache, *provider, project, false, context.cancelFlag());
            if (!opened.ok())
                return opened.error();
            ReleaseTimeline timeline;
            if (!opened->tip.isNull()) {
                auto entries = ws::ReleaseHistoryCache::shared().history(opened->repo, opened->tip, service, env);
                if (!entries.ok())
                    return entries.error();
                timeline.entries = std::move(*entries);
            }
            timeline.outcomes = ws::Journal::shared().outcomes(project, service, env);
            return timeline;
        },
        receiver, std::move(done));
}

} // namespace gd::ui
