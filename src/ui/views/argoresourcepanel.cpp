// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/argoresourcepanel.h"

#include "net/argoclient.h"
#include "ui/delegates/healthbadgedelegate.h"
#include "util/terminaltext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

ArgoResourcePanel::ArgoResourcePanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_operation(new QLabel(this))
    , m_conditions(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_refreshButton(new QPushButton(this))
    , m_syncButton(new QPushButton(this))
{
    m_title->setObjectName(u"argoTitle"_s);
    m_operation->setObjectName(u"argoOperation"_s);
    m_tree->setObjectName(u"argoResources"_s);
    m_refreshButton->setObjectName(u"argoRefresh"_s);
    m_syncButton->setObjectName(u"argoSync"_s);
    m_operation->setWordWrap(true);
    m_operation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_conditions->setWordWrap(true);
    m_conditions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setColumnCount(3);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_title, 1);
    buttons->addWidget(m_refreshButton);
    buttons->addWidget(m_syncButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_operation);
    layout->addWidget(m_conditions);
    layout->addWidget(m_tree, 1);

    connect(m_refreshButton, &QPushButton::clicked, this, &ArgoResourcePanel::refresh);
    connect(m_syncButton, &QPushButton::clicked, this, &ArgoResourcePanel::sync);
    retranslateUi();
}

void ArgoResourcePanel::setApplication(argo::ArgoClient *client, const QString &name)
{
    m_client = client;
    m_name = name;
    m_application = argo::Application();
    m_tree->clear();
    m_operation->clear();
    m_conditions->clear();
    retranslateUi();
    if (m_client && !m_name.isEmpty())
        load(false);
}

void ArgoResourcePanel::refresh()
{
    load(true);
}

void ArgoResourcePanel::load(bool refresh)
{
    if (!m_client || m_name.isEmpty())
        return;
    m_busy = true;
    updateButtons();
    const QString name = m_name;
    m_client->get(name, refresh ? argo::RefreshMode::Normal : argo::RefreshMode::None, this,
                  [this, name](Result<argo::Application> result) { applicationAnswered(name, result); });
    m_client->resourceTree(name, this, [this, name](Result<argo::ResourceTree> result) {
        if (name != m_name)
            return;
        if (!result) {
            Q_EMIT failed(result.error().message);
            return;
        }
        showTree(*result);
    });
}

void ArgoResourcePanel::sync()
{
    if (!m_client || m_name.isEmpty() || m_busy)
        return;
    // Argo CD refuses a revision while auto-sync is on: then the target revision is synced.
    const QString revision = m_application.autoSync ? QString() : m_application.targetRevision;
    const QString shown = revision.isEmpty() ? (m_application.targetRevision.isEmpty() ? tr("the target revision")
                                                                                       : m_application.targetRevision)
                                             : revision;
    const auto answer = QMessageBox::question(
        this, tr("Sync application"),
        tr("Sync Argo CD application %1 to %2 now? The cluster is changed to what Git has at that revision.")
            .arg(m_name, shown),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_busy = true;
    updateButtons();
    argo::SyncRequest request;
    request.revision = revision;
    request.prune = m_application.prune;
    const QString name = m_name;
    m_client->sync(name, request, this,
                   [this, name](Result<argo::Application> result) { applicationAnswered(name, result); });
}

void ArgoResourcePanel::applicationAnswered(const QString &name, const Result<argo::Application> &result)
{
    if (name != m_name)
        return;   // the page moved on to another application meanwhile
    m_busy = false;
    updateButtons();
    if (!result) {
        Q_EMIT failed(result.error().message);
        return;
    }
    showApplication(*result);
}

void ArgoResourcePanel::showApplication(const argo::Application &application)
{
    m_application = application;
    QString operation;
    if (application.operationPhase.isEmpty()) {
        operation = application.operationRequested ? tr("Last operation: a sync was requested.")
                                                   : tr("Last operation: none.");
    } else {
        const QString finished = application.operationFinishedAt.isValid()
                                     ? QLocale().toString(application.operationFinishedAt.toLocalTime(),
                                                          QLocale::ShortFormat)
                                     : tr("not finished");
        operation = tr("Last operation: %1, finished %2. %3")
                        .arg(argo::statusText(application.operationPhase), finished, application.operationMessage);
    }
    // What Argo CD says is shown with its control characters visible, never obeyed.
    m_operation->setText(visibleText(operation));
    QStringList conditions;
    for (const auto &condition : application.conditions)
        conditions.append(condition.type + u": "_s + condition.message);
    m_conditions->setText(conditions.isEmpty()
                              ? tr("Conditions: none.")
                              : visibleText(tr("Conditions:\n%1").arg(conditions.join(QChar(u'\n')))));
    retranslateUi();
}

void ArgoResourcePanel::showTree(const argo::ResourceTree &tree)
{
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> byUid;
    std::vector<std::pair<QTreeWidgetItem *, const argo::ResourceNode *>> items;
    items.reserve(tree.nodes.size());
    for (const auto &node : tree.nodes) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, node.kind);
        item->setText(1, node.name);
        item->setText(2, node.healthStatus.isEmpty() ? QString() : argo::statusText(node.healthStatus));
        QStringList tip;
        if (!node.healthMessage.isEmpty())
            tip.append(node.healthMessage);
        if (!node.images.isEmpty())
            tip.append(node.images.join(u", "_s));
        item->setToolTip(2, visibleText(tip.join(QChar(u'\n'))));
        if (!node.healthStatus.isEmpty())
            item->setForeground(2, HealthBadgeDelegate::pillColors(HealthBadgeDelegate::statusHue(node.healthStatus),
                                                                   palette())
                                       .text);
        if (!node.uid.isEmpty())
            byUid.insert(node.uid, item);
        items.emplace_back(item, &node);
    }
    // A node hangs under its first parent that is in the tree (Deployment → ReplicaSet → Pod); others are top level.
    for (const auto &[item, node] : items) {
        QTreeWidgetItem *parent = nullptr;
        for (const QString &uid : node->parentUids) {
            parent = byUid.value(uid);
            if (parent && parent != item)
                break;
            parent = nullptr;
        }
        if (parent)
            parent->addChild(item);
        else
            m_tree->addTopLevelItem(item);
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(0);
    m_tree->resizeColumnToContents(1);
}

void ArgoResourcePanel::updateButtons()
{
    const bool usable = m_client && !m_name.isEmpty() && !m_busy;
    m_refreshButton->setEnabled(usable);
    m_syncButton->setEnabled(usable);
}

void ArgoResourcePanel::retranslateUi()
{
    m_tree->setHeaderLabels({tr("Kind"), tr("Name"), tr("Health")});
    m_refreshButton->setText(tr("&Refresh"));
    m_refreshButton->setToolTip(tr("Asks Argo CD to compare this application with Git again."));
    m_syncButton->setText(tr("S&ync…"));
    m_syncButton->setToolTip(tr("Applies what Git has to the cluster (asks first)."));
    if (m_name.isEmpty()) {
        m_title->setText(tr("No Argo CD application deploys this environment."));
    } else if (m_application.name.isEmpty()) {
        m_title->setText(tr("Argo CD application %1").arg(m_name));
    } else {
        m_title->setText(tr("Argo CD application %1: %2, %3")
                             .arg(m_name, argo::statusText(m_application.healthStatus),
                                  argo::statusText(m_application.syncStatus)));
    }
    updateButtons();
}

void ArgoResourcePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace gd::ui
