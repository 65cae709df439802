// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/newservicewizard.h"

#include "manifest/imagetagedit.h"
#include "ui/dialogs/newservicepage.h"
#include "ui_newservicewizard.h"
#include "util/names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSet>
#include <QSpinBox>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

namespace {

// Stands in for the deployment repository URL while checking: the caller decides it from the workspace provider, so
// its emptiness is not something the wizard's user can fix.
const QString kRepoUrlStandIn = u"https://repository.invalid/deployment.git"_s;

/// validateAnswers' sentence for `answers`, empty when they are complete.
QString checkAnswers(ws::ScaffoldAnswers answers, const tmpl::TemplateSet &templates)
{
    if (answers.spec.repoUrl.trimmed().isEmpty())
        answers.spec.repoUrl = kRepoUrlStandIn;
    if (const Result<void> r = ws::validateAnswers(answers, templates); !r)
        return r.error().message;
    return {};
}

} // namespace

NewServiceWizard::NewServiceWizard(const ws::WorkspaceConfig &workspace, const QStringList &projects,
                                   tmpl::TemplateSet templates, QWidget *parent)
    : QWizard(parent), m_form(std::make_unique<Ui::NewServiceWizard>()), m_workspace(workspace),
      m_templates(std::move(templates))
{
    m_form->setupUi(this);
    m_base.spec.branch = m_workspace.branch;   // Argo CD follows the branch the commit goes to

    QStringList sortedProjects = projects;
    sortedProjects.sort();
    m_form->newServiceProject->addItems(sortedProjects);
    m_form->newServiceProject->setCurrentIndex(-1);
    m_form->newServiceProject->setEditText(QString());
    m_form->newServiceProject->lineEdit()->setPlaceholderText(tr("an existing project or a new name"));
    m_form->newServiceLanguage->addItems(m_templates.languages());
    m_form->newServiceLanguage->setCurrentIndex(qMax(0, m_form->newServiceLanguage->findText(m_base.spec.language)));

    for (const ws::EnvironmentConfig &env : m_workspace.environments) {
        auto *item = new QListWidgetItem(env.name, m_form->newServiceEnvironments);
        item->setData(Qt::UserRole, env.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_form->newServiceEnvironments->setMaximumHeight(qMax(60, m_form->newServiceEnvironments->sizeHintForRow(0) * (m_form->newServiceEnvironments->count() + 1)));
    m_form->newServicePort->setValue(m_base.spec.port);
    m_form->newServiceReplicas->setValue(m_base.spec.replicas.value_or(2));
    m_form->newServiceSelfHeal->setChecked(m_base.spec.selfHeal);

    m_form->projectPage->setCheck([this] { return projectPageProblem(); }, m_form->newServiceProjectProblem);
    m_form->settingsPage->setCheck([this] { return settingsPageProblem(); }, m_form->newServiceSettingsProblem);
    m_form->pipelinePage->setCheck([this] { return pipelinePageProblem(); }, m_form->newServicePipelineProblem);

    const auto changed = [this] { refresh(); };
    connect(m_form->newServiceProject, &QComboBox::currentTextChanged, this, changed);
    connect(m_form->newServiceName, &QLineEdit::textChanged, this, changed);
    connect(m_form->newServiceLanguage, &QComboBox::currentIndexChanged, this, changed);
    connect(m_form->newServiceEnvironments, &QListWidget::itemChanged, this, changed);
    connect(m_form->newServiceStage, &QComboBox::currentIndexChanged, this, changed);
    connect(m_form->newServiceImage, &QLineEdit::textChanged, this, changed);
    connect(m_form->newServicePort, &QSpinBox::valueChanged, this, changed);
    connect(m_form->newServiceReplicas, &QSpinBox::valueChanged, this, changed);
    connect(m_form->newServiceAutoscaler, &QCheckBox::toggled, this, [this](bool on) {
        m_form->newServiceReplicas->setEnabled(!on);
        refresh();
    });
    connect(m_form->newServiceCluster, &QLineEdit::textChanged, this, changed);
    connect(m_form->newServiceNamespace, &QLineEdit::textChanged, this, changed);
    connect(m_form->newServiceDevopsNamespace, &QLineEdit::textChanged, this, changed);
    connect(m_form->newServiceSourceRepo, &QLineEdit::textChanged, this, changed);
    refresh();
}

NewServiceWizard::~NewServiceWizard() = default;

void NewServiceWizard::setAnswers(const ws::ScaffoldAnswers &answers)
{
    m_base = answers;
    const tmpl::ServiceSpec &spec = answers.spec;
    m_form->newServiceProject->setEditText(spec.project);
    m_form->newServiceName->setText(spec.service);
    if (const int index = m_form->newServiceLanguage->findText(spec.language); index >= 0) {
        m_form->newServiceLanguage->setCurrentIndex(index);
    } else {
        // A language the current template set lacks stays visible, and the page names the problem.
        m_form->newServiceLanguage->addItem(spec.language);
        m_form->newServiceLanguage->setCurrentIndex(m_form->newServiceLanguage->count() - 1);
    }
    {
        const QSignalBlocker blocker(m_form->newServiceEnvironments);
        for (int row = 0; row < m_form->newServiceEnvironments->count(); ++row) {
            QListWidgetItem *item = m_form->newServiceEnvironments->item(row);
            item->setCheckState(answers.environments.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                                  : Qt::Unchecked);
        }
        for (const QString &env : answers.environments) {
            if (m_workspace.environment(env))
                continue;
            auto *item = new QListWidgetItem(tr("%1 (not in the workspace)").arg(env), m_form->newServiceEnvironments);
            item->setData(Qt::UserRole, env);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    m_form->newServiceStage->setCurrentIndex(spec.canaryStage ? 1 : 0);
    m_form->newServiceImage->setText(spec.imageRepository);
    m_form->newServicePort->setValue(spec.port);
    m_form->newServiceAutoscaler->setChecked(!spec.replicas.has_value());
    if (spec.replicas)
        m_form->newServiceReplicas->setValue(*spec.replicas);
    m_form->newServiceSelfHeal->setChecked(spec.selfHeal);
    m_form->newServiceCluster->setText(spec.cluster);
    m_form->newServiceNamespace->setText(spec.namespaceName);
    m_form->newServiceDevopsNamespace->setText(spec.devopsNamespace);
    m_form->newServiceSourceRepo->setText(spec.sourceRepoUrl);
    refresh();
}

void NewServiceWizard::setTemplateSource(const QString &description)
{
    m_form->newServiceTemplateSource->setText(description);
}

void NewServiceWizard::setExistingServices(const QHash<QString, QStringList> &servicesByProject)
{
    m_existingServices = servicesByProject;
    refresh();
}

ws::ScaffoldAnswers NewServiceWizard::answers() const
{
    ws::ScaffoldAnswers result = m_base;
    tmpl::ServiceSpec &spec = result.spec;
    spec.project = m_form->newServiceProject->currentText().trimmed();
    spec.service = m_form->newServiceName->text().trimmed();
    spec.language = m_form->newServiceLanguage->currentText();
    result.environments = checkedEnvironments();
    spec.canaryStage = m_form->newServiceStage->currentIndex() == 1;   // the form lists "GA only", then "Canary + GA"
    spec.imageRepository = m_form->newServiceImage->text().trimmed();
    spec.port = m_form->newServicePort->value();
    spec.replicas = m_form->newServiceAutoscaler->isChecked() ? std::nullopt : std::optional<int>(m_form->newServiceReplicas->value());
    spec.selfHeal = m_form->newServiceSelfHeal->isChecked();
    spec.cluster = m_form->newServiceCluster->text().trimmed();
    spec.namespaceName = m_form->newServiceNamespace->text().trimmed();
    spec.devopsNamespace = m_form->newServiceDevopsNamespace->text().trimmed();
    spec.sourceRepoUrl = m_form->newServiceSourceRepo->text().trimmed();
    return ws::withWorkspaceDestinations(m_workspace, std::move(result));
}

QString NewServiceWizard::problem(int page) const
{
    switch (page) {
    case 0:
        return projectPageProblem();
    case 1:
        return settingsPageProblem();
    default:
        return pipelinePageProblem();
    }
}

QString NewServiceWizard::projectPageProblem() const
{
    const QString project = m_form->newServiceProject->currentText().trimmed();
    if (project.isEmpty())
        return tr("Enter a project: choose an existing one or type a new name.");
    if (const Result<void> r = checkDnsLabel(project, NameKind::Project); !r)
        return r.error().message;
    const QString service = m_form->newServiceName->text().trimmed();
    if (service.isEmpty())
        return tr("Enter the service name, for example orders.");
    if (const Result<void> r = checkDnsLabel(service, NameKind::Service); !r)
        return r.error().message;
    const QStringList languages = m_templates.languages();
    if (languages.isEmpty())
        return tr("The template set offers no language template; check the workspace's templates.");
    if (!languages.contains(m_form->newServiceLanguage->currentText())) {
        return tr("The template set has no \"%1\" template; choose one of: %2.")
            .arg(m_form->newServiceLanguage->currentText(), languages.join(u", "_s));
    }
    return {};
}

QString NewServiceWizard::settingsPageProblem() const
{
    if (const QString first = projectPageProblem(); !first.isEmpty())
        return first;
    ws::ScaffoldAnswers checked = answers();
    if (checked.environments.isEmpty())
        return tr("No environment is chosen; choose at least one environment to deploy to.");
    if (const Result<void> ruled = ws::checkWorkspaceRules(m_workspace, checked); !ruled)
        return ruled.error().message;
    if (checked.spec.imageRepository.isEmpty())
        return tr("Enter the image repository, for example registry.example.com/shop/orders.");
    if (!manifest::isValidImageName(checked.spec.imageRepository)) {
        return tr("The image repository \"%1\" is not a valid image name; use letters, digits and . _ - / only, "
                  "starting and ending with a letter or digit.")
            .arg(checked.spec.imageRepository);
    }
    // The pipeline's fields are checked on their own page.
    checked.spec.devopsNamespace.clear();
    checked.spec.sourceRepoUrl.clear();
    return checkAnswers(checked, m_templates);
}

QString NewServiceWizard::pipelinePageProblem() const
{
    if (const QString first = settingsPageProblem(); !first.isEmpty())
        return first;
    return checkAnswers(answers(), m_templates);
}

QStringList NewServiceWizard::checkedEnvironments() const
{
    QStringList envs;
    for (int row = 0; row < m_form->newServiceEnvironments->count(); ++row) {
        const QListWidgetItem *item = m_form->newServiceEnvironments->item(row);
        if (item->checkState() == Qt::Checked)
            envs << item->data(Qt::UserRole).toString();
    }
    return envs;
}

void NewServiceWizard::refresh()
{
    // Left empty, each environment deploys where the workspace says it lives; the placeholders name where.
    const ws::ScaffoldAnswers current = answers();
    QStringList clusters;   // "uat: https://…" per environment, or the one cluster they share
    QSet<QString> distinctClusters;
    QStringList namespaces;
    for (const QString &env : current.environments) {
        const ws::ScaffoldAnswers::Destination destination = current.destinations.value(env);
        if (destination.cluster.isEmpty())
            continue;
        clusters << env + u": "_s + destination.cluster;
        distinctClusters.insert(destination.cluster);
        namespaces << destination.nameSpace;
    }
    m_form->newServiceCluster->setPlaceholderText(distinctClusters.size() == 1 ? *distinctClusters.cbegin()
                                                                               : clusters.join(u", "_s));
    m_form->newServiceNamespace->setPlaceholderText(namespaces.join(u", "_s));
    m_form->newServiceDevopsNamespace->setPlaceholderText(m_form->newServiceProject->currentText().trimmed());
    const QString project = m_form->newServiceProject->currentText().trimmed();
    const QString service = m_form->newServiceName->text().trimmed();
    const bool exists = m_existingServices.value(project).contains(service);
    m_form->newServiceExistingNote->setText(exists ? tr("%1 already exists in %2: the review will show what would change, and "
                                        "nothing changes without your Commit.")
                                         .arg(service, project)
                                   : QString());
    m_form->newServiceExistingNote->setVisible(exists);
    m_form->projectPage->recheck();
    m_form->settingsPage->recheck();
    m_form->pipelinePage->recheck();
}

} // namespace gd::ui
