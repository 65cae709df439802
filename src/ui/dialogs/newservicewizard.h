// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/templateset.h"
#include "workspace/scaffold.h"
#include "workspace/workspaceconfig.h"

#include <QHash>
#include <QStringList>
#include <QWizard>

#include <memory>

namespace gd::ui {

namespace Ui {
class NewServiceWizard;
}

/// The New Service wizard (issue 6): collects the answers for a new service, or for running the scaffold again for
/// one; its form is ui/newservicewizard.ui. Page 1: project (existing or new), service name, language template, and which template set renders them.
/// Page 2: environments, stage level, image repository, port, replicas or autoscaler, selfHeal, cluster and namespace
/// (defaults from the workspace's environment). Page 3: the pipeline's parameters (KubeSphere DevOps namespace,
/// source repository). Inputs are checked as typed; each page names its first problem in a sentence and Next/Finish stay
/// disabled until it is gone. No git work and nothing blocking: the caller previews and commits. GUI thread.
class NewServiceWizard : public QWizard {
    Q_OBJECT
public:
    /// A wizard for `workspace`'s environments; `projects` are the existing projects offered in the project box (a
    /// new name may be typed). Languages come from `templates` (the builtin set unless the workspace has its own).
    NewServiceWizard(const ws::WorkspaceConfig &workspace, const QStringList &projects,
                     tmpl::TemplateSet templates = tmpl::TemplateSet::builtin(), QWidget *parent = nullptr);
    ~NewServiceWizard() override;

    /// Fills every field from `answers` (stored answers of an existing service). Fields the wizard does not show
    /// (tags, repository URL, branch, Argo CD project, ...) are kept and returned unchanged by answers().
    void setAnswers(const ws::ScaffoldAnswers &answers);
    /// The answers as the fields hold them now; environments in the workspace's order. Cheap.
    ws::ScaffoldAnswers answers() const;

    /// Names the template set the languages come from ("builtin templates", "<url> at 1a2b3c4 (pinned)").
    void setTemplateSource(const QString &description);
    /// The services each project has, so that typing an existing one says the review will show what changes.
    void setExistingServices(const QHash<QString, QStringList> &servicesByProject);

    /// The first problem of page `page` (0, 1 or 2) as a sentence, empty when the page is complete. Cheap.
    QString problem(int page) const;

private:
    QString projectPageProblem() const;
    QString settingsPageProblem() const;
    QString pipelinePageProblem() const;
    QStringList checkedEnvironments() const;
    void refresh();

    std::unique_ptr<Ui::NewServiceWizard> m_form;   ///< ui/newservicewizard.ui
    ws::WorkspaceConfig m_workspace;
    tmpl::TemplateSet m_templates;
    ws::ScaffoldAnswers m_base;   ///< what setAnswers gave, for the fields the wizard does not show
    QHash<QString, QStringList> m_existingServices;
};

} // namespace gd::ui
