// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/newservicecontroller.h"

#include "flows/jobqueue.h"
#include "flows/scaffoldflow.h"
#include "git/repocache.h"
#include "manifest/kustomizerunner.h"
#include "ui/dialogs/newservicewizard.h"
#include "ui/dialogs/reviewdialog.h"
#include "workspace/projectrepo.h"

#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

NewServiceController::NewServiceController(QWidget *window, flows::JobQueue &jobs,
                                           std::shared_ptr<git::RepoCache> cache, QObject *parent)
    : QObject(parent), m_window(window), m_jobs(jobs), m_cache(std::move(cache))
{
}

NewServiceController::~NewServiceController() = default;

void NewServiceController::setWorkspace(std::shared_ptr<const flows::LoadedWorkspace> workspace)
{
    m_workspace = std::move(workspace);
}

void NewServiceController::setArgo(argo::ArgoClient *client)
{
    m_argo = client;
}

void NewServiceController::start(const QString &project, const QString &service)
{
    if (!m_workspace || m_busy)
        return;
    m_busy = true;
    const ws::WorkspaceConfig config = m_workspace->config;
    flows::SharedRepoProvider provider = m_workspace->provider;
    std::shared_ptr<git::RepoCache> cache = m_cache;
    const bool existing = m_workspace->catalog.service(project, service) != nullptr;
    Q_EMIT progress(tr("Reading the templates…"));
    m_jobs.submitFor<WizardStart>(
        u"new-service:"_s + config.name, tr("Read the templates of %1").arg(config.name),
        [config, provider, cache, project, service, existing](flows::JobContext &context) -> Result<WizardStart> {
            WizardStart start;
            auto templates = ws::loadTemplates(config, *cache, provider->remoteAuth(), context.cancelFlag());
            if (!templates.ok())
                return templates.error();
            start.templates = std::move(*templates);
            if (!existing)
                return start;
            context.setStatus(NewServiceController::tr("Reading the stored answers of %1").arg(service));
            auto opened = ws::openProject(config, *cache, *provider, project, false, context.cancelFlag());
            if (!opened.ok())
                return opened.error();
            auto answers = ws::loadScaffoldAnswers(opened->repo, opened->tip, service);
            if (answers.ok())
                start.answers = std::move(*answers);
            else if (answers.error().code != Error::Code::NotFound)
                return answers.error();
            return start;
        },
        this, [this, project, service](Result<WizardStart> start) { openWizard(project, service, std::move(start)); });
}

ws::ScaffoldAnswers NewServiceController::answersFromCatalog(const QString &project, const QString &service) const
{
    ws::ScaffoldAnswers answers;
    answers.spec.project = project;
    answers.spec.service = service;
    answers.spec.branch = m_workspace->config.branch;
    const ws::ServiceInfo *info = m_workspace->catalog.service(project, service);
    if (info == nullptr) {
        for (const ws::EnvironmentConfig &env : m_workspace->config.environments)
            answers.environments.append(env.name);
        return answers;
    }
    for (const ws::EnvironmentState &env : info->environments) {
        answers.environments.append(env.environment);
        if (answers.spec.imageRepository.isEmpty())
            answers.spec.imageRepository = env.image;
        answers.spec.canaryStage = answers.spec.canaryStage || env.canaryStage;
    }
    return answers;
}

void NewServiceController::openWizard(const QString &project, const QString &service, Result<WizardStart> start)
{
    Q_EMIT progress(QString());
    if (!start.ok()) {
        end(false, false, start.error().fullText(), project, service);
        return;
    }
    QStringList projects;
    QHash<QString, QStringList> services;
    for (const ws::ProjectInfo &info : m_workspace->catalog.projects) {
        projects.append(info.name);
        for (const ws::ServiceInfo &one : info.services)
            services[info.name].append(one.name);
    }
    auto *wizard = new NewServiceWizard(m_workspace->config, projects, start->templates.set, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setObjectName(u"newServiceWizard"_s);
    QString source = start->templates.describe();
    if (!start->templates.fetchProblem.isEmpty())
        source += u'\n' + tr("The templates repository could not be fetched; these are the files it had last time.");
    wizard->setTemplateSource(source);
    wizard->setExistingServices(services);
    if (start->answers)
        wizard->setAnswers(*start->answers);
    else if (!project.isEmpty())
        wizard->setAnswers(answersFromCatalog(project, service));
    const tmpl::TemplateSet templates = start->templates.set;
    connect(wizard, &QWizard::accepted, this, [this, wizard, templates] { preview(wizard->answers(), templates); });
    connect(wizard, &QWizard::rejected, this, [this] { m_busy = false; });
    Q_EMIT wizardOpened(wizard);
    wizard->open();
}

void NewServiceController::preview(const ws::ScaffoldAnswers &answers, const tmpl::TemplateSet &templates)
{
    if (!m_workspace) {
        m_busy = false;
        return;
    }
    const ws::WorkspaceConfig config = m_workspace->config;
    flows::SharedRepoProvider provider = m_workspace->provider;
    std::shared_ptr<git::RepoCache> cache = m_cache;
    const QString title = tr("Preview the new service %1").arg(answers.spec.service);
    Q_EMIT progress(tr("Rendering and building %1 for %2…")
                        .arg(answers.spec.service, answers.environments.join(u", "_s)));
    m_jobs.submitFor<ws::PreparedScaffold>(
        u"new-service:"_s + config.name + u'/' + answers.spec.project, title,
        [config, provider, cache, answers, templates](flows::JobContext &context) -> Result<ws::PreparedScaffold> {
            context.setStatus(NewServiceController::tr("Fetching %1").arg(answers.spec.project));
            return ws::prepareScaffold(config, *cache, *provider, answers, templates, manifest::KustomizeRunner(),
                                       context.cancelFlag());
        },
        this, [this](Result<ws::PreparedScaffold> prepared) { review(std::move(prepared)); });
}

void NewServiceController::review(Result<ws::PreparedScaffold> prepared)
{
    Q_EMIT progress(QString());
    if (!prepared.ok()) {
        end(false, false, prepared.error().fullText(), QString(), QString());
        return;
    }
    if (prepared->review.files.empty()) {
        // Nothing to commit: the flow still makes sure both Applications are in Argo CD (an earlier run may have
        // pushed and then lost the connection).
        run(*prepared, QString());
        return;
    }
    auto *dialog = new ReviewDialog(prepared->review, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString summary = ws::scaffoldMessage(prepared->answers, prepared->review, git::Signature{})
                                .text.section(u'\n', 0, 0);
    dialog->setCommitSummary(summary);
    connect(dialog, &ReviewDialog::commitRequested, this, [this, prepared = *prepared](const QString &message) {
        run(prepared, message);
    });
    connect(dialog, &QDialog::rejected, this, [this] { m_busy = false; });
    Q_EMIT reviewOpened(dialog);
    dialog->open();
}

void NewServiceController::run(const ws::PreparedScaffold &prepared, const QString &message)
{
    if (!m_workspace) {
        m_busy = false;
        return;
    }
    auto *flow = new flows::ScaffoldFlow(m_jobs, m_cache, m_workspace->config, m_workspace->provider, prepared, message, m_argo, this);
    const QString project = prepared.answers.spec.project;
    const QString service = prepared.answers.spec.service;
    connect(flow, &flows::ScaffoldFlow::stepChanged, this,
            [this](flows::ScaffoldFlow::Step, const QString &sentence) { Q_EMIT progress(sentence); });
    connect(flow, &flows::ScaffoldFlow::finished, this,
            [this, flow, project, service](bool ok, bool refused, const QString &sentence) {
                Q_EMIT progress(QString());
                end(ok, refused, sentence, project, service);
                flow->deleteLater();
            });
    flow->start();
}

void NewServiceController::end(bool ok, bool refused, const QString &sentence, const QString &project,
                               const QString &service)
{
    m_busy = false;
    Q_EMIT finished(ok, refused, sentence, project, service);
}

} // namespace gd::ui
