// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flows/workspaceload.h"
#include "net/argoclient.h"
#include "workspace/releasehistory.h"
#include "workspace/releaserun.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class QWidget;

namespace gd::flows {
class JobQueue;
class ReleaseFlow;
}
namespace gd::git {
class RepoCache;
}
namespace gd::net {
class CredentialStore;
class HttpClient;
class RegistryClient;
}

namespace gd::ui {

class ReleaseDialog;
class ReviewDialog;

/// The release history of an environment with what the action journal knows of its commits.
struct ReleaseTimeline {
    std::vector<ws::ReleaseEntry> entries;
    QHash<QString, QString> outcomes;   ///< commit id → the journal's last step ("healthy", "failed", …)
};

/// The release journeys of the window (DESIGN.md §4, 4 and 5), from the click to the pushed and synced commit:
/// Release (tag picker with the registry's tags, the review of the one-line diff and the rendered diff, then the
/// flow), Promote and Abort of a canary (an environment that requires approval asks for the service name to be
/// typed), and Roll Back of any history entry (the revert's review; a conflicting revert offers to release the
/// previous tag forward). Git work runs on the job queue; nothing blocks the GUI thread. GUI thread.
class ReleaseController : public QObject {
    Q_OBJECT
public:
    /// Finds the Argo CD Application that deploys a service environment (empty when none is known).
    using ApplicationLookup = std::function<QString(const QString &project, const QString &service, const QString &env)>;

    /// `credentials` (may be null: the registry is read anonymously) holds the registry sign-in, keyed by the
    /// registry URL as registryKeychainKey() gives it.
    ReleaseController(QWidget *window, flows::JobQueue &jobs, std::shared_ptr<git::RepoCache> cache,
                      net::HttpClient &http, net::CredentialStore *credentials, QObject *parent = nullptr);
    ~ReleaseController() override;

    /// Uses `workspace` from now on: a new registry client for its `registry` (none when it names none), signed in
    /// with the keychain's "user:secret" for the registry URL when there is one (read asynchronously; none or no
    /// keychain: anonymous, silently). The same registry as before keeps its client and sign-in (a refresh).
    void setWorkspace(std::shared_ptr<const flows::LoadedWorkspace> workspace);
    /// The keychain key of a workspace's `registry.url`: the registry client's base URL as text
    /// ("registry.example.com/" → "https://registry.example.com"). Pure.
    static QString registryKeychainKey(const QString &registryUrl);
    /// The Argo CD client to sync with (null: push only) and how to find an environment's Application.
    void setArgo(argo::ArgoClient *client, ApplicationLookup lookup);

    void release(const QString &project, const QString &service, const QString &env, const QString &tag = {});
    void promote(const QString &project, const QString &service, const QString &env);
    void abort(const QString &project, const QString &service, const QString &env);
    void rollback(const QString &project, const QString &service, const QString &env, const ws::ReleaseEntry &entry);
    /// Reads the release history of an environment and the journal's outcomes on a worker and hands them to `done`
    /// (on the GUI thread).
    void readHistory(const QString &project, const QString &service, const QString &env, QObject *receiver,
                     std::function<void(Result<ReleaseTimeline>)> done);

    /// True while an operation on this environment runs.
    bool isBusy(const QString &project, const QString &service, const QString &env) const;

Q_SIGNALS:
    void releaseDialogOpened(gd::ui::ReleaseDialog *dialog);
    void reviewOpened(gd::ui::ReviewDialog *dialog);
    void busyChanged(const QString &project, const QString &service, const QString &env, bool busy);
    /// A step of a running operation, for the status bar.
    void progress(const QString &sentence);
    /// An operation ended: `ok`, or `refused` (a precondition or conflict: nothing was pushed), with a sentence.
    void finished(bool ok, bool refused, const QString &sentence);

private:
    const ws::EnvironmentState *state(const QString &project, const QString &service, const QString &env) const;
    void listTags(ReleaseDialog *dialog, const ws::EnvironmentState &state, const QString &project,
                  const QString &service);
    /// Offers "Sign In to the Registry…" in `dialog` when `error` is a refused sign-in.
    void offerSignIn(ReleaseDialog *dialog, const Error &error);
    /// Asks for the registry sign-in over `dialog`; on OK uses it at once, keeps it in the keychain and lists the
    /// tags again.
    void signIn(ReleaseDialog *dialog, const ws::EnvironmentState &state, const QString &project,
                const QString &service);
    void checkTagThenReview(ReleaseDialog *dialog, const QString &project, const ws::ReleaseRequest &request,
                            const QString &image);
    /// Builds the review of `operation` on a worker and shows it; Commit starts the flow.
    void reviewThenRun(ws::ReleaseOperation operation, const QString &summary);
    void run(ws::ReleaseOperation operation);
    bool confirmApproval(const QString &service, const QString &env, const QString &action);
    static QString key(const QString &project, const QString &service, const QString &env);

    QWidget *m_window;
    flows::JobQueue &m_jobs;
    std::shared_ptr<git::RepoCache> m_cache;
    std::shared_ptr<const flows::LoadedWorkspace> m_workspace;
    std::unique_ptr<net::RegistryClient> m_registry;
    net::HttpClient &m_http;
    QPointer<net::CredentialStore> m_credentials;
    int m_registryGeneration = 0;   ///< bumped by each new registry client and each sign-in: a late keychain read
                                    ///< must not replace what the user typed
    QPointer<argo::ArgoClient> m_argo;
    ApplicationLookup m_lookup;
    QSet<QString> m_busy;
};

} // namespace gd::ui
