// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/newservicewizard.h"

#include "manifest/imagetagedit.h"
#include "util/names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWizardPage>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

/// A wizard page that is complete when its check finds no problem; the problem sentence shows under the fields.
class NewServicePage : public QWizardPage {
public:
    NewServicePage(std::function<QString()> check, QFormLayout *form, const QString &problemName, QWidget *parent)
        : QWizardPage(parent), m_check(std::move(check)), m_problem(new QLabel(this))
    {
        m_problem->setObjectName(problemName);
        m_problem->setWordWrap(true);
        // A red that reads on the window colour of light and dark themes.
        QPalette problemPalette = m_problem->palette();
        const bool dark = problemPalette.color(QPalette::Window).lightness() < 128;
        problemPalette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e));
        m_problem->setPalette(problemPalette);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addStretch();
        layout->addWidget(m_problem);
    }

    /// Runs the check again, shows its sentence and tells the wizard when completeness changed.
    void recheck()
    {
        const QString problem = m_check();
        m_problem->setText(problem);
        m_problem->setVisible(!problem.isEmpty());
        const bool complete = problem.isEmpty();
        if (complete != m_complete) {
            m_complete = complete;
            Q_EMIT completeChanged();
        }
    }

    bool isComplete() const override { return m_complete; }

private:
    std::function<QString()> m_check;
    QLabel *m_problem;
    bool m_complete = false;
};

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

QString expandPattern(QString pattern, const QString &project, const QString &service, const QString &env)
{
    return pattern.replace(u"{project}"_s, project).replace(u"{service}"_s, service).replace(u"{env}"_s, env);
}

} // namespace

NewServiceWizard::NewServiceWizard(const ws::WorkspaceConfig &workspace, const QStringList &projects,
                                   tmpl::TemplateSet templates, QWidget *parent)
    : QWizard(parent), m_workspace(workspace), m_templates(std::move(templates)), m_project(new QComboBox),
      m_service(new QLineEdit), m_language(new QComboBox), m_environments(new QListWidget), m_stage(new QComboBox),
      m_image(new QLineEdit), m_port(new QSpinBox), m_replicas(new QSpinBox), m_autoscaler(new QCheckBox),
      m_selfHeal(new QCheckBox), m_cluster(new QLineEdit), m_namespace(new QLineEdit),
      m_devopsNamespace(new QLineEdit), m_sourceRepo(new QLineEdit)
{
    setWindowTitle(tr("New Service"));
    m_base.spec.branch = m_workspace.branch;   // Argo CD follows the branch the commit goes to
    setOption(QWizard::NoBackButtonOnStartPage);

    m_project->setObjectName(u"newServiceProject"_s);
    m_project->setEditable(true);
    QStringList sortedProjects = projects;
    sortedProjects.sort();
    m_project->addItems(sortedProjects);
    m_project->setCurrentIndex(-1);
    m_project->setEditText(QString());
    m_project->lineEdit()->setPlaceholderText(tr("an existing project or a new name"));
    m_service->setObjectName(u"newServiceName"_s);
    m_service->setPlaceholderText(tr("for example orders"));
    m_language->setObjectName(u"newServiceLanguage"_s);
    m_language->addItems(m_templates.languages());
    m_language->setCurrentIndex(qMax(0, m_language->findText(m_base.spec.language)));

    m_templateSource = new QLabel(tr("builtin templates"));
    m_templateSource->setObjectName(u"newServiceTemplateSource"_s);
    m_templateSource->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_templateSource->setWordWrap(true);
    m_existingNote = new QLabel;
    m_existingNote->setObjectName(u"newServiceExistingNote"_s);
    m_existingNote->setWordWrap(true);
    m_existingNote->hide();

    auto *projectForm = new QFormLayout;
    projectForm->addRow(tr("&Project:"), m_project);
    projectForm->addRow(tr("&Service name:"), m_service);
    projectForm->addRow(tr("&Language template:"), m_language);
    projectForm->addRow(tr("Templates:"), m_templateSource);
    projectForm->addRow(m_existingNote);
    m_projectPage = new NewServicePage([this] { return projectPageProblem(); }, projectForm,
                                       u"newServiceProjectProblem"_s, this);
    m_projectPage->setTitle(tr("Service"));
    m_projectPage->setSubTitle(tr("Which project the service belongs to, its name and its language template."));

    m_environments->setObjectName(u"newServiceEnvironments"_s);
    for (const ws::EnvironmentConfig &env : m_workspace.environments) {
        auto *item = new QListWidgetItem(env.name, m_environments);
        item->setData(Qt::UserRole, env.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_environments->setMaximumHeight(qMax(60, m_environments->sizeHintForRow(0) * (m_environments->count() + 1)));
    m_stage->setObjectName(u"newServiceStage"_s);
    m_stage->addItem(tr("GA only"), false);
    m_stage->addItem(tr("Canary + GA"), true);
    m_image->setObjectName(u"newServiceImage"_s);
    m_image->setPlaceholderText(tr("for example registry.example.com/shop/orders"));
    m_port->setObjectName(u"newServicePort"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(m_base.spec.port);
    m_replicas->setObjectName(u"newServiceReplicas"_s);
    m_replicas->setRange(1, 999);
    m_replicas->setValue(m_base.spec.replicas.value_or(2));
    m_autoscaler->setObjectName(u"newServiceAutoscaler"_s);
    m_autoscaler->setText(tr("An autoscaler (HPA) manages the replicas"));
    m_selfHeal->setObjectName(u"newServiceSelfHeal"_s);
    m_selfHeal->setText(tr("Argo CD undoes changes made in the cluster (selfHeal)"));
    m_selfHeal->setChecked(m_base.spec.selfHeal);
    m_cluster->setObjectName(u"newServiceCluster"_s);
    m_namespace->setObjectName(u"newServiceNamespace"_s);
    m_namespace->setToolTip(tr("Empty: each environment's namespace from the workspace."));

    auto *settingsForm = new QFormLayout;
    settingsForm->addRow(tr("&Environments:"), m_environments);
    settingsForm->addRow(tr("S&tage level:"), m_stage);
    settingsForm->addRow(tr("&Image repository:"), m_image);
    settingsForm->addRow(tr("P&ort:"), m_port);
    settingsForm->addRow(tr("&Replicas:"), m_replicas);
    settingsForm->addRow(QString(), m_autoscaler);
    settingsForm->addRow(QString(), m_selfHeal);
    settingsForm->addRow(tr("&Cluster:"), m_cluster);
    settingsForm->addRow(tr("&Namespace:"), m_namespace);
    m_settingsPage = new NewServicePage([this] { return settingsPageProblem(); }, settingsForm,
                                        u"newServiceSettingsProblem"_s, this);
    m_settingsPage->setTitle(tr("Deployment"));
    m_settingsPage->setSubTitle(tr("Where and how the service runs. Cluster and namespace start from the workspace's "
                                   "environment."));

    m_devopsNamespace->setObjectName(u"newServiceDevopsNamespace"_s);
    m_devopsNamespace->setToolTip(tr("Empty: the project's name."));
    m_sourceRepo->setObjectName(u"newServiceSourceRepo"_s);
    m_sourceRepo->setPlaceholderText(tr("for example https://gitlab.example.com/shop/orders.git"));
    auto *pipelineForm = new QFormLayout;
    pipelineForm->addRow(tr("&DevOps project namespace:"), m_devopsNamespace);
    pipelineForm->addRow(tr("Source &repository:"), m_sourceRepo);
    m_pipelinePage = new NewServicePage([this] { return pipelinePageProblem(); }, pipelineForm,
                                        u"newServicePipelineProblem"_s, this);
    m_pipelinePage->setTitle(tr("Pipeline"));
    m_pipelinePage->setSubTitle(tr("The KubeSphere pipeline that builds the image and releases it through this "
                                   "deployment repository, and the Argo CD Application that deploys the pipeline."));

    addPage(m_projectPage);
    addPage(m_settingsPage);
    addPage(m_pipelinePage);

    const auto changed = [this] { refresh(); };
    connect(m_project, &QComboBox::currentTextChanged, this, changed);
    connect(m_service, &QLineEdit::textChanged, this, changed);
    connect(m_language, &QComboBox::currentIndexChanged, this, changed);
    connect(m_environments, &QListWidget::itemChanged, this, changed);
    connect(m_stage, &QComboBox::currentIndexChanged, this, changed);
    connect(m_image, &QLineEdit::textChanged, this, changed);
    connect(m_port, &QSpinBox::valueChanged, this, changed);
    connect(m_replicas, &QSpinBox::valueChanged, this, changed);
    connect(m_autoscaler, &QCheckBox::toggled, this, [this](bool on) {
        m_replicas->setEnabled(!on);
        refresh();
    });
    connect(m_cluster, &QLineEdit::textEdited, this, [this] { m_clusterEdited = true; });
    connect(m_cluster, &QLineEdit::textChanged, this, changed);
    connect(m_namespace, &QLineEdit::textChanged, this, changed);
    connect(m_devopsNamespace, &QLineEdit::textChanged, this, changed);
    connect(m_sourceRepo, &QLineEdit::textChanged, this, changed);
    refresh();
}

NewServiceWizard::~NewServiceWizard() = default;

void NewServiceWizard::setAnswers(const ws::ScaffoldAnswers &answers)
{
    m_base = answers;
    const tmpl::ServiceSpec &spec = answers.spec;
    m_project->setEditText(spec.project);
    m_service->setText(spec.service);
    if (const int index = m_language->findText(spec.language); index >= 0) {
        m_language->setCurrentIndex(index);
    } else {
        // A language the current template set lacks stays visible, and the page names the problem.
        m_language->addItem(spec.language);
        m_language->setCurrentIndex(m_language->count() - 1);
    }
    {
        const QSignalBlocker blocker(m_environments);
        for (int row = 0; row < m_environments->count(); ++row) {
            QListWidgetItem *item = m_environments->item(row);
            item->setCheckState(answers.environments.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                                  : Qt::Unchecked);
        }
        for (const QString &env : answers.environments) {
            if (m_workspace.environment(env))
                continue;
            auto *item = new QListWidgetItem(tr("%1 (not in the workspace)").arg(env), m_environments);
            item->setData(Qt::UserRole, env);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    m_stage->setCurrentIndex(spec.canaryStage ? 1 : 0);
    m_image->setText(spec.imageRepository);
    m_port->setValue(spec.port);
    m_autoscaler->setChecked(!spec.replicas.has_value());
    if (spec.replicas)
        m_replicas->setValue(*spec.replicas);
    m_selfHeal->setChecked(spec.selfHeal);
    m_clusterEdited = true;   // the stored cluster wins over the workspace default (set first: setText refreshes)
    m_cluster->setText(spec.cluster);
    m_namespace->setText(spec.namespaceName);
    m_devopsNamespace->setText(spec.devopsNamespace);
    m_sourceRepo->setText(spec.sourceRepoUrl);
    refresh();
}

void NewServiceWizard::setTemplateSource(const QString &description)
{
    m_templateSource->setText(description);
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
    spec.project = m_project->currentText().trimmed();
    spec.service = m_service->text().trimmed();
    spec.language = m_language->currentText();
    result.environments = checkedEnvironments();
    spec.canaryStage = m_stage->currentData().toBool();
    spec.imageRepository = m_image->text().trimmed();
    spec.port = m_port->value();
    spec.replicas = m_autoscaler->isChecked() ? std::nullopt : std::optional<int>(m_replicas->value());
    spec.selfHeal = m_selfHeal->isChecked();
    spec.cluster = m_cluster->text().trimmed();
    spec.namespaceName = m_namespace->text().trimmed();
    spec.devopsNamespace = m_devopsNamespace->text().trimmed();
    spec.sourceRepoUrl = m_sourceRepo->text().trimmed();
    // One environment whose workspace pattern differs from "{project}-{env}" needs its namespace spelled out.
    if (spec.namespaceName.isEmpty() && result.environments.size() == 1) {
        if (const ws::EnvironmentConfig *env = m_workspace.environment(result.environments.front())) {
            const QString expanded = expandPattern(env->namespacePattern, spec.project, spec.service, env->name);
            if (expanded != spec.project + u'-' + env->name)
                spec.namespaceName = expanded;
        }
    }
    return result;
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
    const QString project = m_project->currentText().trimmed();
    if (project.isEmpty())
        return tr("Enter a project: choose an existing one or type a new name.");
    if (const Result<void> r = checkDnsLabel(project, NameKind::Project); !r)
        return r.error().message;
    const QString service = m_service->text().trimmed();
    if (service.isEmpty())
        return tr("Enter the service name, for example orders.");
    if (const Result<void> r = checkDnsLabel(service, NameKind::Service); !r)
        return r.error().message;
    const QStringList languages = m_templates.languages();
    if (languages.isEmpty())
        return tr("The template set offers no language template; check the workspace's templates.");
    if (!languages.contains(m_language->currentText())) {
        return tr("The template set has no \"%1\" template; choose one of: %2.")
            .arg(m_language->currentText(), languages.join(u", "_s));
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
    if (checked.spec.canaryStage) {
        for (const QString &name : checked.environments) {
            const ws::EnvironmentConfig *env = m_workspace.environment(name);
            if (env && !env->canaryAllowed) {
                return tr("The environment %1 does not allow a canary stage; choose GA only or leave %1 out.")
                    .arg(name);
            }
        }
    }
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
    for (int row = 0; row < m_environments->count(); ++row) {
        const QListWidgetItem *item = m_environments->item(row);
        if (item->checkState() == Qt::Checked)
            envs << item->data(Qt::UserRole).toString();
    }
    return envs;
}

QString NewServiceWizard::defaultCluster() const
{
    const QStringList envs = checkedEnvironments();
    const ws::EnvironmentConfig *env = envs.isEmpty() ? nullptr : m_workspace.environment(envs.front());
    return env ? env->cluster : tmpl::ServiceSpec().cluster;
}

QString NewServiceWizard::defaultNamespaces() const
{
    const QString project = m_project->currentText().trimmed();
    const QString service = m_service->text().trimmed();
    QStringList namespaces;
    for (const QString &name : checkedEnvironments()) {
        const ws::EnvironmentConfig *env = m_workspace.environment(name);
        namespaces << (env ? expandPattern(env->namespacePattern, project, service, name) : project + u'-' + name);
    }
    return namespaces.join(u", "_s);
}

void NewServiceWizard::refresh()
{
    if (!m_clusterEdited) {
        const QSignalBlocker blocker(m_cluster);
        m_cluster->setText(defaultCluster());
    }
    m_namespace->setPlaceholderText(defaultNamespaces());
    m_devopsNamespace->setPlaceholderText(m_project->currentText().trimmed());
    const QString project = m_project->currentText().trimmed();
    const QString service = m_service->text().trimmed();
    const bool exists = m_existingServices.value(project).contains(service);
    m_existingNote->setText(exists ? tr("%1 already exists in %2: the review will show what would change, and "
                                        "nothing changes without your Commit.")
                                         .arg(service, project)
                                   : QString());
    m_existingNote->setVisible(exists);
    m_projectPage->recheck();
    m_settingsPage->recheck();
    m_pipelinePage->recheck();
}

} // namespace gd::ui
