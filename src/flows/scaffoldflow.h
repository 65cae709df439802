// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flows/jobqueue.h"
#include "flows/repoaccess.h"
#include "git/repocache.h"
#include "workspace/scaffoldrun.h"
#include "workspace/workspaceconfig.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

namespace gd::argo {
class ArgoClient;
}

namespace gd::flows {

/// A reviewed new service from the Commit click to its Applications in Argo CD (issue 6, "Flow"; DESIGN.md §4
/// journey 2): the push loop on a worker (a job in the Activity panel), then both Applications of every environment
/// upserted through the API, then each workload Application refreshed, synced and followed until Healthy. Every step
/// goes to the action journal and is reported through stepChanged. GUI thread; deletes itself after finished() when
/// it has no parent.
class ScaffoldFlow : public QObject {
    Q_OBJECT
public:
    enum class Step { Pushing, CreatingApplications, Following, Done };

    /// `message` is the summary (and body) the reviewer confirmed (empty: the standard one). `client` may be null
    /// (no Argo CD: the flow ends once pushed and says that the Applications were not created).
    ScaffoldFlow(JobQueue &jobs, std::shared_ptr<git::RepoCache> cache, ws::WorkspaceConfig config,
                 SharedRepoProvider provider, ws::PreparedScaffold prepared, QString message, argo::ArgoClient *client, QObject *parent = nullptr);
    ~ScaffoldFlow() override;

    void start();
    /// A title for the Activity panel and messages ("New service orders in shop").
    QString title() const;

Q_SIGNALS:
    void stepChanged(gd::flows::ScaffoldFlow::Step step, const QString &sentence);
    /// Done: `ok` when pushed and, with Argo CD, every Application is in place and every workload Healthy;
    /// `refused` when the branch changed a reviewed file meanwhile (nothing pushed); `sentence` says what happened
    /// and what to do.
    void finished(bool ok, bool refused, const QString &sentence);

private:
    void onPushed(Result<ws::ScaffoldLanding> landing);
    void upsertNext();
    void followWorkloads();
    void onFollowed(const QString &application, bool ok, const QString &sentence);
    void finish(bool ok, bool refused, const QString &sentence);
    void record(const QString &env, const QString &step, const QString &message);

    JobQueue &m_jobs;
    std::shared_ptr<git::RepoCache> m_cache;
    ws::WorkspaceConfig m_config;
    SharedRepoProvider m_provider;
    ws::PreparedScaffold m_prepared;
    QString m_message;
    QPointer<argo::ArgoClient> m_client;
    std::vector<ws::ScaffoldApplication> m_applications;
    std::size_t m_nextUpsert = 0;
    QString m_commit;
    QString m_landed;           ///< "pushed as 1a2b3c4d", or that no file needed to change
    int m_argoJob = 0;          ///< the Activity panel's entry for the Applications and the health
    int m_following = 0;        ///< workload Applications still followed
    QStringList m_problems;     ///< sentences of workloads that did not become Healthy
    bool m_done = false;
};

} // namespace gd::flows
