// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/visibleoutput.h"
#include "flows/repoaccess.h"
#include "git/repocache.h"
#include "git/workingclone.h"
#include "util/result.h"
#include "workspace/catalog.h"
#include "workspace/overlaycheck.h"
#include "workspace/overlayreview.h"
#include "workspace/repoprovider.h"
#include "workspace/projectrepo.h"
#include "workspace/release.h"
#include "workspace/workspaceconfig.h"

#include <QJsonValue>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

namespace gd::cli {

/// Exit codes of gitops-desk-cli. Refused: a precondition (the tag changed since it was read) or a conflict (a
/// revert that does not apply) stopped a release command before anything was pushed. NotSynced: the commit is
/// pushed but Argo CD did not answer or refused the refresh/sync (`sync PROJECT SERVICE ENV` finishes it).
enum ExitCode { Success = 0, Failure = 1, Usage = 2, Refused = 3, NotSynced = 4 };

/// The parsed command line: global options, the command words, and the flags every command may read.
struct Invocation {
    QString workspacePath;
    QStringList words;        ///< command and positional arguments, e.g. {"services", "shop"}
    bool json = false;
    bool force = false;
    bool wait = false;
    int projects = 2;
    int services = 3;
    bool help = false;
    QString message;          ///< --message / -m of commit
    QString tag;              ///< --tag of release
    std::optional<QString> expect;   ///< --expect of release: the tag the stage must still have (default: the tip's)
    QString stage;            ///< --stage of release: "canary" or "ga"; empty: the environment's first stage
    bool noSync = false;      ///< --no-sync: release commands stop once the commit is pushed
    bool allowBroken = false; ///< --allow-broken: release commands go onto an overlay broken before (not by them)
    QString commit;           ///< --commit of rollback
    bool last = false;        ///< --last of rollback
    // scaffold (scaffoldcommand.cpp); numbers stay text so the command can name the answer that is wrong.
    QString language;         ///< --lang
    QStringList envs;         ///< --env, repeatable
    QString image;            ///< --image: the image repository
    QString port;             ///< --port
    QString replicas;         ///< --replicas
    bool hpa = false;         ///< --hpa: an autoscaler scales the service
    QStringList sets;         ///< --set KEY=VALUE, repeatable
    bool yes = false;         ///< --yes: commit and push what the preview shows
};

/// A JSON string, or null for an empty text (absent values in --json output are null).
QJsonValue jsonOrNull(const QString &text);

/// The three names every per-environment command takes.
struct ServiceEnvArgs {
    QString project;
    QString service;
    QString env;
};
/// PROJECT SERVICE ENV from `words` (the command first), each checked as a DNS-1123 label.
Result<ServiceEnvArgs> serviceEnvArgs(const QStringList &words);

/// Opens `project`'s deployment repo from `cache` at its freshly fetched tip (operation lock held), refusing an
/// unknown project and an empty repo. `waiting` hears once whom it waits for when the lock is held. Blocking.
Result<ws::OpenedProject> openForReading(const ws::WorkspaceConfig &config, const ws::RepoProvider &provider,
                                         git::RepoCache &cache, const QString &project,
                                         const ws::LockWaitNotice &waiting = {});

/// Pads the columns of `rows` (first row: headings) to a readable table, one line per row (hidden controls, tabs and
/// line breaks in a cell shown as escapes).
QString formatTable(const QList<QStringList> &rows);

/// gitops-desk-cli: the same engine as the GUI, for scripts and tests. Runs on the main thread, blocking.
class CliApp {
public:
    CliApp();
    /// Runs one command; returns an ExitCode. Output goes to stdout, sentences about failures to stderr.
    int run(const QStringList &arguments);

private:
    Result<Invocation> parse(const QStringList &arguments) const;
    Result<ws::WorkspaceConfig> loadWorkspace(const Invocation &invocation) const;
    /// The provider `config` names, signed in (a GitLab token from GITLAB_TOKEN, else the keychain when a D-Bus
    /// session is there). Waits for the keychain.
    Result<flows::SharedRepoProvider> repoProvider(const ws::WorkspaceConfig &config) const;

    /// The workspace and its fetched catalog; NotFound when `onlyProject` is set and not in it.
    struct LoadedCatalog {
        ws::WorkspaceConfig config;
        ws::CatalogSnapshot catalog;
    };
    Result<LoadedCatalog> loadCatalog(const Invocation &invocation, const QString &onlyProject) const;
    /// Says on stderr, per project of `catalog` (only `onlyProject` when set), that it is shown from its cached copy
    /// (and that copy's age) or could not be read, and why. Failure when projects were listed but none could be
    /// read at all, else Success.
    int reportProjectProblems(const ws::CatalogSnapshot &catalog, const QString &onlyProject);

    /// A command on one service environment: gets the checked SERVICE and ENV and the project's opened repo.
    using ServiceEnvCommand = std::function<int(const QString &service, const QString &env, ws::OpenedProject &)>;
    /// Checks PROJECT SERVICE ENV, loads the workspace, opens the project at its fetched tip, then runs `command`.
    int onServiceEnv(const Invocation &invocation, const ServiceEnvCommand &command);

    int projects(const Invocation &invocation);
    int services(const Invocation &invocation);
    int render(const Invocation &invocation);
    int validate(const Invocation &invocation);
    int validatePath(const QString &path);
    /// Prints `file:line:col: severity: message` per finding and a summary; Failure when there is an error.
    int printReport(const QString &folder, const ws::ValidationReport &report);
    int demo(const Invocation &invocation);
    int status(const Invocation &invocation);
    int sync(const Invocation &invocation);
    int workdir(const Invocation &invocation);
    int diff(const Invocation &invocation);
    int commit(const Invocation &invocation);
    /// The project's working copy and the review of its changes to one service environment (fetched first).
    struct WorkingReview {
        ws::WorkspaceConfig config;
        flows::SharedRepoProvider provider;
        git::WorkingClone clone;
        ws::OverlayReview review;
    };
    Result<WorkingReview> reviewWorkingCopy(const Invocation &invocation, const ServiceEnvArgs &args);
    /// Prints the review of the working copy: file diffs, rendered changes, then findings and conflicts.
    void printReview(const ws::OverlayReview &review);
    // Release commands (releasecommands.cpp).
    int release(const Invocation &invocation);
    int promote(const Invocation &invocation);
    int abortCanary(const Invocation &invocation);
    int rollback(const Invocation &invocation);
    int history(const Invocation &invocation);
    /// scaffold PROJECT SERVICE …: a new service from the templates (scaffoldcommand.cpp).
    int scaffold(const Invocation &invocation);
    /// Prints the files, the rendered resources and the validation of a scaffold preview; Failure when it does not
    /// validate.
    int printScaffoldReview(const ws::OverlayReview &review, const QString &service);
    /// The service environment a release command works on: the workspace, the project's repo opened at its fetched
    /// tip (with the cache locked against other processes), and what the tip says about the environment.
    struct ReleaseSite;
    /// Opens the site of PROJECT SERVICE ENV; on failure prints why and sets `exitCode`.
    /// Runs `work` for a command on the canary stage of PROJECT SERVICE ENV; Failure with noCanary's sentence when
    /// the environment has none.
    int onCanaryStage(const Invocation &invocation, const std::function<QString(const ServiceEnvArgs &)> &noCanary,
                      const std::function<int(const ServiceEnvArgs &, ReleaseSite &)> &work);
    std::unique_ptr<ReleaseSite> openReleaseSite(const Invocation &invocation, const ServiceEnvArgs &args,
                                                 int *exitCode);
    /// Pushes `prepared` with the push loop, prints the commit, then unless --no-sync refreshes and syncs (and with
    /// --wait follows) the environment's Argo CD Application.
    int landRelease(const Invocation &invocation, ReleaseSite &site, const ws::PreparedRelease &prepared);
    /// The Argo CD half of a release whose `commit` is in Git: refresh and sync (with --wait follow) the
    /// environment's Application. NotSynced, naming the commit and the `sync` command, when Argo CD did not do it.
    int syncLanded(const Invocation &invocation, ReleaseSite &site, const git::ObjectId &commit);
    /// Prints that `commit` is in Git but Argo CD did not sync it (`why`), and the command that finishes it.
    int notSynced(const git::ObjectId &commit, const ServiceEnvArgs &args, const Error &why);
    /// Prints why a release command was refused; returns Refused for a precondition or a conflict, else Failure.
    int refuse(const Error &error);

    int fail(const Error &error);
    int usage(const QString &problem);
    void printHelp();

    VisibleOutput m_outDevice{stdout};
    VisibleOutput m_errDevice{stderr};
    QTextStream m_out;   ///< stdout, every hidden control shown as an escape
    QTextStream m_err;   ///< stderr, the same
    manifest::KustomizeRunner m_kustomize;   ///< as the loaded workspace allows (remote resources)
};

} // namespace gd::cli
