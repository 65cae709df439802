// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/servicepage.h"

#include "ui/views/argoresourcepanel.h"
#include "ui/views/releasegate.h"
#include "ui/views/releasepanel.h"

#include "ui/models/projecttreeroles.h"
#include "ui/models/serviceenvironmentmodel.h"
#include "ui/themedicons.h"
#include "ui/views/fittedtableview.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QHash>
#include <QTreeWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

QLabel *headingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ServicePage::ServicePage(QWidget *parent)
    : QWidget(parent), m_model(new ServiceEnvironmentModel(this)), m_title(new QLabel(this)),
      m_subtitle(new QLabel(this)), m_environmentsHeading(headingLabel(this)),
      m_table(new FittedTableView(FittedTableView::Fit::AllRows, this)),
      m_filesHeading(headingLabel(this)), m_editButton(new QPushButton(this)), m_releaseButton(new QPushButton(this)),
      m_wizardButton(new QPushButton(this)),
      m_releaseGate(new ReleaseGate(this)), m_tabs(new QTabWidget(this)), m_releasePanel(new ReleasePanel(m_tabs)), m_filesState(new QLabel(this)), m_splitter(new QSplitter(this)),
      m_fileTree(new QTreeWidget(m_splitter)), m_fileView(new QPlainTextEdit(m_splitter))
{
    setObjectName(u"servicePage"_s);
    m_title->setObjectName(u"serviceTitle"_s);
    m_subtitle->setObjectName(u"serviceSubtitle"_s);
    m_table->setObjectName(u"environmentTable"_s);
    m_fileTree->setObjectName(u"fileTree"_s);
    m_fileView->setObjectName(u"fileView"_s);
    m_filesState->setObjectName(u"filesState"_s);
    m_editButton->setObjectName(u"editManifestsButton"_s);
    m_releaseButton->setObjectName(u"releaseButton"_s);
    m_wizardButton->setObjectName(u"wizardAgainButton"_s);
    connect(m_wizardButton, &QPushButton::clicked, this, [this] { Q_EMIT wizardRequested(m_project, serviceName()); });
    m_tabs->setObjectName(u"serviceTabs"_s);
    m_releaseButton->setEnabled(false);
    connect(m_releaseButton, &QPushButton::clicked, this, [this] {
        if (!currentEnvironment().isEmpty())
            Q_EMIT releaseRequested(m_project, serviceName(), currentEnvironment());
    });
    m_editButton->setEnabled(false);
    connect(m_editButton, &QPushButton::clicked, this, [this] {
        if (!currentEnvironment().isEmpty())
            Q_EMIT editRequested(m_project, serviceName(), currentEnvironment());
    });

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setWordWrap(true);
    // Secondary text in the palette's placeholder colour (follows light and dark themes).
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_filesState->setForegroundRole(QPalette::PlaceholderText);
    m_filesState->setWordWrap(true);
    m_filesState->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_fileTree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_fileTree->setHeaderHidden(true);
    m_fileTree->setColumnCount(1);
    m_fileTree->setUniformRowHeights(true);
    m_fileTree->setIndentation(fontMetrics().height());
    m_fileTree->setMinimumWidth(fontMetrics().averageCharWidth() * 36);
    m_fileTree->setIconSize(QSize(fontMetrics().height(), fontMetrics().height()));
    m_fileView->setReadOnly(true);
    m_fileView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_fileView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fileView->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    const int em = fontMetrics().averageCharWidth();
    m_splitter->setSizes({em * 36, em * 90});

    const int gap = fontMetrics().height() / 2;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(gap * 2, gap * 2, gap * 2, gap);
    layout->setSpacing(gap);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(gap);
    auto *environmentsRow = new QHBoxLayout;
    environmentsRow->addWidget(m_environmentsHeading, 1);
    environmentsRow->addWidget(m_wizardButton);
    environmentsRow->addWidget(m_releaseButton);
    layout->addLayout(environmentsRow);
    layout->addWidget(m_table);
    layout->addSpacing(gap);
    // Manifests and release history of the selected environment in tabs; the release gate above both.
    layout->addWidget(m_releaseGate);
    auto *manifests = new QWidget(m_tabs);
    auto *manifestsLayout = new QVBoxLayout(manifests);
    manifestsLayout->setContentsMargins(0, gap / 2, 0, 0);
    manifestsLayout->setSpacing(gap / 2);
    auto *filesRow = new QHBoxLayout;
    filesRow->addWidget(m_filesHeading, 1);
    filesRow->addWidget(m_editButton);
    manifestsLayout->addLayout(filesRow);
    manifestsLayout->addWidget(m_filesState);
    manifestsLayout->addWidget(m_splitter, 1);
    m_tabs->addTab(manifests, QString());
    m_tabs->addTab(m_releasePanel, QString());
    // The tabs above the Argo CD panel, the user moving the border between them (small screens fill up fast).
    auto *details = new QSplitter(Qt::Vertical, this);
    details->setObjectName(u"serviceDetailsSplitter"_s);
    details->setChildrenCollapsible(false);
    details->addWidget(m_tabs);
    m_argoPanel = new ArgoResourcePanel(details);
    m_argoPanel->hide();
    details->addWidget(m_argoPanel);
    details->setStretchFactor(0, 2);
    details->setStretchFactor(1, 1);
    layout->addWidget(details, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ServicePage::onEnvironmentChanged);
    connect(m_fileTree, &QTreeWidget::currentItemChanged, this, &ServicePage::showFile);
    retranslateUi();
}

void ServicePage::setService(const ws::ProjectInfo &project, const ws::ServiceInfo &service,
                             const QString &environment)
{
    QString keep = environment;
    if (keep.isEmpty() && project.name == m_project && service.name == serviceName())
        keep = currentEnvironment();
    const QSignalBlocker blocker(m_table->selectionModel());
    m_project = project.name;
    m_repoUrl = project.repoUrl;
    m_folder.clear();
    m_model->setService(service);
    updateHeader();
    // Reset from the model reset: select again, which asks for the files anew (the tip may have moved).
    selectEnvironment(keep);
}

void ServicePage::selectEnvironment(const QString &name)
{
    int row = m_model->rowOf(name);
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row < 0) {
        m_folder.clear();
        m_fileTree->clear();
        m_fileView->clear();
        m_filesState->setText(tr("This service has no environment folders."));
        m_filesState->show();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    if (m_table->currentIndex().row() == row && !m_folder.isEmpty())
        return;
    {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    onEnvironmentChanged();
}

QString ServicePage::serviceName() const
{
    return m_model->service().name;
}

QString ServicePage::currentEnvironment() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->index(current.row(), 0).data(EnvironmentNameRole).toString() : QString();
}

QString ServicePage::currentFile() const
{
    const QTreeWidgetItem *item = m_fileTree->currentItem();
    return item != nullptr ? item->data(0, Qt::UserRole).toString() : QString();
}

QStringList ServicePage::files() const
{
    QStringList paths;
    for (const flows::ManifestFile &file : m_files.files)
        paths.append(file.path);
    return paths;
}

bool ServicePage::selectFile(const QString &path)
{
    for (QTreeWidgetItemIterator it(m_fileTree); *it != nullptr; ++it) {
        if ((*it)->data(0, Qt::UserRole).toString() == path) {
            m_fileTree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

void ServicePage::onEnvironmentChanged()
{
    const QString env = currentEnvironment();
    if (env.isEmpty())
        return;
    if (!currentFile().isEmpty())
        m_preferredFile = currentFile();
    const int row = m_model->rowOf(env);
    m_folder = m_model->service().environments[std::size_t(row)].path;
    m_filesPending = true;
    m_filesError.clear();
    {
        const QSignalBlocker blocker(m_fileTree);
        m_fileTree->clear();
    }
    m_files = {};
    m_fileView->clear();
    retranslateUi();
    m_releaseGate->setEnvironment(m_model->service().environments[std::size_t(row)]);
    m_releasePanel->setEnvironment(m_project, serviceName(), env);
    Q_EMIT filesRequested(m_project, m_folder);
}

void ServicePage::showFiles(const QString &project, const QString &folder,
                            const Result<flows::EnvironmentFiles> &files)
{
    if (project != m_project || folder != m_folder)
        return;
    m_filesPending = false;
    const QSignalBlocker blocker(m_fileTree);
    m_fileTree->clear();
    m_fileView->clear();
    if (!files.ok()) {
        m_files = {};
        m_filesError = files.error().fullText();
        retranslateUi();
        return;
    }
    m_files = files.value();
    m_filesError.clear();

    // A tree of the folders, files of a folder before its subfolders (the order the files come in).
    const QIcon fileIcon = themedIcon(u"file"_s, palette());
    const QIcon folderIcon = themedIcon(u"folder"_s, palette());
    QHash<QString, QTreeWidgetItem *> folders;
    QTreeWidgetItem *select = nullptr;
    for (const flows::ManifestFile &file : m_files.files) {
        QTreeWidgetItem *parent = nullptr;
        const QStringList parts = file.path.split(u'/');
        QString folderPath;
        for (int i = 0; i + 1 < parts.size(); ++i) {
            folderPath = folderPath.isEmpty() ? parts.at(i) : folderPath + u'/' + parts.at(i);
            QTreeWidgetItem *&folderItem = folders[folderPath];
            if (folderItem == nullptr) {
                folderItem = parent != nullptr ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_fileTree);
                folderItem->setText(0, parts.at(i));
                folderItem->setIcon(0, folderIcon);
                folderItem->setFlags(Qt::ItemIsEnabled);
            }
            parent = folderItem;
        }
        auto *item = parent != nullptr ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_fileTree);
        item->setText(0, parts.constLast());
        item->setIcon(0, fileIcon);
        item->setData(0, Qt::UserRole, file.path);
        item->setToolTip(0, m_folder + u'/' + file.path);
        if (file.path == m_preferredFile ||
            (select == nullptr && file.path == u"manifests/kustomization.yaml"))
            select = item;
    }
    m_fileTree->expandAll();
    retranslateUi();
    if (select == nullptr && !m_files.files.empty())
        select = m_fileTree->topLevelItem(0);
    if (select != nullptr) {
        m_fileTree->setCurrentItem(select);
        showFile(select);
    }
}

void ServicePage::showFile(QTreeWidgetItem *item)
{
    const QString path = item != nullptr ? item->data(0, Qt::UserRole).toString() : QString();
    for (const flows::ManifestFile &file : m_files.files) {
        if (file.path == path) {
            m_preferredFile = file.path;
            m_fileView->setPlainText(QString::fromUtf8(file.content));
            return;
        }
    }
    m_fileView->clear();
}

void ServicePage::updateHeader()
{
    const ws::ServiceInfo &service = m_model->service();
    m_title->setText(service.name);
    QString image;
    for (const ws::EnvironmentState &env : service.environments) {
        if (!env.image.isEmpty()) {
            image = env.image;
            break;
        }
    }
    QStringList parts{tr("Project %1").arg(m_project)};
    if (!image.isEmpty())
        parts << tr("Image %1").arg(image);
    parts << m_repoUrl;
    m_subtitle->setText(parts.join(u"   ·   "_s));
}

void ServicePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateHeader();
        m_model->retranslate();
    }
    QWidget::changeEvent(event);
}

void ServicePage::retranslateUi()
{
    m_environmentsHeading->setText(tr("Environments"));
    const QString env = currentEnvironment();
    m_filesHeading->setText(env.isEmpty() ? tr("Manifest files") : tr("Manifest files in %1").arg(env));
    m_editButton->setText(tr("Edit Manifests…"));
    m_releaseButton->setText(tr("Release…"));
    m_wizardButton->setText(tr("Run Wizard Again…"));
    m_wizardButton->setToolTip(tr("Run the New Service wizard for %1 again, starting from its stored answers; the "
                                  "review shows what would change")
                                   .arg(serviceName()));
    m_releaseButton->setToolTip(tr("Release an image tag to %1: review, commit, push, sync").arg(env));
    m_releaseButton->setEnabled(!env.isEmpty());
    m_tabs->setTabText(0, tr("Manifests"));
    m_tabs->setTabText(1, tr("Release History"));
    m_editButton->setToolTip(tr("Edit the files of %1 in a working copy; nothing is committed before you review it")
                                 .arg(env));
    m_editButton->setEnabled(!env.isEmpty());
    if (m_filesPending) {
        m_filesState->setText(tr("Reading the files from Git…"));
    } else if (!m_filesError.isEmpty()) {
        m_filesState->setText(m_filesError);
    } else if (!m_files.commit.isNull()) {
        m_filesState->setText(tr("%1 at commit %2 (read-only here; Edit Manifests… opens the editor)")
                                  .arg(m_folder, m_files.commit.shortHex()));
    } else {
        m_filesState->clear();
    }
    m_fileView->setPlaceholderText(tr("Select a file to see its content."));
}

void ServicePage::setArgoApplication(argo::ArgoClient *client, const QString &name)
{
    m_argoPanel->setVisible(client && !name.isEmpty());
    if (m_argoPanel->applicationName() == name && !name.isEmpty())
        return;
    m_argoPanel->setApplication(client, name);
}

} // namespace gd::ui
