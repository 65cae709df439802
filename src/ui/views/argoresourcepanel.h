// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/argoapplication.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace gd::argo {
class ArgoClient;
}

namespace gd::ui {

/// The live side of one service environment: the Application's resource tree (Deployment → ReplicaSet → Pod with
/// health), its conditions and last operation, with Refresh and Sync (Sync asks for confirmation). GUI thread.
class ArgoResourcePanel : public QWidget {
    Q_OBJECT

public:
    explicit ArgoResourcePanel(QWidget *parent = nullptr);

    /// Shows Application `name` through `client` (null or an empty name: nothing to show) and loads it.
    void setApplication(argo::ArgoClient *client, const QString &name);
    QString applicationName() const { return m_name; }
    /// Shows `application` and `tree` as loaded (also used by the loaders).
    void showApplication(const argo::Application &application);
    void showTree(const argo::ResourceTree &tree);
    /// Reloads with a normal refresh (Argo CD compares with Git again).
    void refresh();
    /// Asks for confirmation, then syncs to the revision shown.
    void sync();

    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    /// A load or a sync failed; `message` is the sentence to show.
    void failed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void load(bool refresh);
    void retranslateUi();
    void updateButtons();
    /// Ends a get or sync of `name`: shows the answer, or reports why it failed.
    void applicationAnswered(const QString &name, const Result<argo::Application> &result);

    QPointer<argo::ArgoClient> m_client;
    QString m_name;
    argo::Application m_application;
    bool m_busy = false;
    QLabel *m_title;
    QLabel *m_operation;
    QLabel *m_conditions;
    QTreeWidget *m_tree;
    QPushButton *m_refreshButton;
    QPushButton *m_syncButton;
};

} // namespace gd::ui
