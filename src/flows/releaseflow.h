// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flows/jobqueue.h"
#include "flows/repoaccess.h"
#include "git/repocache.h"
#include "workspace/releaserun.h"
#include "workspace/workspaceconfig.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace gd::argo {
class ArgoClient;
}

namespace gd::flows {

class SyncAndWait;

/// A release, promotion, abort or rollback from the click to a healthy (or not) environment (DESIGN.md §4 journeys 4
/// and 5): the push loop on a worker (a job in the Activity panel), then at once an Argo CD refresh and sync, then
/// the operation and health followed until Healthy, Degraded or the timeout. Every step goes to the action journal.
/// GUI thread; deletes itself after finished() when it has no parent.
class ReleaseFlow : public QObject {
    Q_OBJECT
public:
    enum class Step { Pushing, Syncing, Following, Done };

    /// `client` may be null (no Argo CD: the flow ends once pushed); `application` is the Argo CD Application that
    /// deploys the environment (empty: the flow says that none was found and ends once pushed).
    ReleaseFlow(JobQueue &jobs, std::shared_ptr<git::RepoCache> cache, ws::WorkspaceConfig config,
                SharedRepoProvider provider, ws::ReleaseOperation operation, argo::ArgoClient *client, QString application,
                QObject *parent = nullptr);
    ~ReleaseFlow() override;

    const ws::ReleaseOperation &operation() const { return m_operation; }
    void start();
    /// A title for the Activity panel and messages ("Release orders 1.5.0 to uat").
    QString title() const;

Q_SIGNALS:
    void stepChanged(gd::flows::ReleaseFlow::Step step, const QString &sentence);
    /// The commit landed on the branch.
    void pushed(const QString &commitId);
    /// Done: `ok` when pushed (and, with Argo CD, Synced and Healthy); `refused` when a precondition or a conflict
    /// stopped it before anything was pushed; `sentence` says what happened and what to do.
    void finished(bool ok, bool refused, const QString &sentence);

private:
    void onPushed(Result<git::PushOutcome> outcome);
    void finish(bool ok, bool refused, const QString &sentence);
    void record(const QString &step, const QString &message, const QString &commit = {});

    JobQueue &m_jobs;
    std::shared_ptr<git::RepoCache> m_cache;
    ws::WorkspaceConfig m_config;
    SharedRepoProvider m_provider;
    ws::ReleaseOperation m_operation;
    QPointer<argo::ArgoClient> m_client;
    QString m_application;
    QString m_commit;
    SyncAndWait *m_follow = nullptr;
    int m_followJob = 0;   ///< the Activity panel's entry for the sync and health
    bool m_done = false;
};

} // namespace gd::flows
