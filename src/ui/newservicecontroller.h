// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flows/workspaceload.h"
#include "net/argoclient.h"
#include "workspace/scaffoldrun.h"
#include "workspace/templatesource.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

class QWidget;

namespace gd::flows {
class JobQueue;
}
namespace gd::git {
class RepoCache;
}

namespace gd::ui {

class NewServiceWizard;
class ReviewDialog;

/// The New Service journey of the window (issue 6; DESIGN.md §4 journey 2): reads the workspace's template set (and,
/// for an existing service, its stored answers) on a worker, opens the wizard, previews the answers on a worker
/// (creating the project's repo when it is missing), shows the review of every new or changed file with the rendered
/// manifests and the validation, and after Commit runs the flow (push loop, both Applications upserted, health
/// followed). Nothing blocks the GUI thread. GUI thread.
class NewServiceController : public QObject {
    Q_OBJECT
public:
    NewServiceController(QWidget *window, flows::JobQueue &jobs, std::shared_ptr<git::RepoCache> cache,
                         QObject *parent = nullptr);
    ~NewServiceController() override;

    void setWorkspace(std::shared_ptr<const flows::LoadedWorkspace> workspace);
    /// The Argo CD client that creates the Applications (null: push only, and say so).
    void setArgo(argo::ArgoClient *client);

    /// Opens the wizard: empty, with `project` chosen, or for `service` of `project` starting from its stored answers
    /// (else from what the catalog knows of it). Does nothing while a scaffold runs.
    void start(const QString &project = {}, const QString &service = {});

Q_SIGNALS:
    void wizardOpened(gd::ui::NewServiceWizard *wizard);
    void reviewOpened(gd::ui::ReviewDialog *dialog);
    /// A step, for the status bar; empty when none runs.
    void progress(const QString &sentence);
    /// The journey ended: `ok`, or `refused` (nothing was pushed because the branch moved), with a sentence.
    /// `project`/`service` name what was scaffolded, to select it once the workspace is read again.
    void finished(bool ok, bool refused, const QString &sentence, const QString &project, const QString &service);

private:
    /// What the wizard starts from.
    struct WizardStart {
        ws::LoadedTemplates templates;
        std::optional<ws::ScaffoldAnswers> answers;
    };

    void openWizard(const QString &project, const QString &service, Result<WizardStart> start);
    /// What the catalog knows of `service` in `project` (its environments, image and stage level), or for a new
    /// service (empty or unknown) the project and every environment of the workspace.
    ws::ScaffoldAnswers answersFromCatalog(const QString &project, const QString &service) const;
    void preview(const ws::ScaffoldAnswers &answers, const tmpl::TemplateSet &templates);
    void review(Result<ws::PreparedScaffold> prepared);
    void run(const ws::PreparedScaffold &prepared, const QString &message);
    void end(bool ok, bool refused, const QString &sentence, const QString &project, const QString &service);

    QWidget *m_window;
    flows::JobQueue &m_jobs;
    std::shared_ptr<git::RepoCache> m_cache;
    std::shared_ptr<const flows::LoadedWorkspace> m_workspace;
    QPointer<argo::ArgoClient> m_argo;
    bool m_busy = false;
};

} // namespace gd::ui
