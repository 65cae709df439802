// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flows/jobqueue.h"
#include "flows/repoaccess.h"
#include "git/repocache.h"
#include "git/workingclone.h"
#include "manifest/diagnostic.h"
#include "workspace/overlayreview.h"
#include "workspace/workspaceconfig.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

namespace gd::flows {

/// One service environment being edited (DESIGN.md §4 journey 3): the working copy's files, live checks of the text
/// being typed, the review and the commit. Git work runs on the job queue (one job per working copy at a time); live
/// checks run on the global thread pool. Results arrive as signals on the GUI thread, which is the only thread that
/// calls this class.
class OverlayEditSession : public QObject {
    Q_OBJECT
public:
    struct Target {
        ws::WorkspaceConfig config;
        SharedRepoProvider provider;   ///< the workspace's repos, signed in
        QString project;
        QString service;
        QString env;
    };

    OverlayEditSession(JobQueue &jobs, std::shared_ptr<git::RepoCache> cache, Target target,
                       QObject *parent = nullptr);
    ~OverlayEditSession() override;

    const Target &target() const { return m_target; }
    /// The repository path of the environment folder ("appsmanifests/orders/uat").
    QString folder() const;
    /// The environment folder in the working copy (absolute); empty until opened().
    QString workingDirectory() const { return m_directory; }

    /// Opens the working copy (cloning the repo when it is missing) and reads the environment's files; then
    /// opened(), or failed() with a sentence.
    void open();
    bool isOpen() const { return !m_directory.isEmpty(); }
    /// The environment's files, relative to folder(): its own files first, then those of its subfolders.
    QStringList files() const { return m_files; }
    /// `file` as the working copy has it (what was read at open() or last saved).
    QByteArray savedContent(const QString &file) const { return m_saved.value(file); }

    /// Writes `content` to `file` in the working copy; then saved(), or saveFailed() and failed().
    void save(const QString &file, const QByteArray &content);

    /// Checks `content` as the new text of `file`: soon its own findings (diagnosticsReady; YAML and schema, no
    /// kustomize), and once typing pauses the whole folder with this text, built by kustomize (folderChecked, whose
    /// report also carries the rendered preview). Only the newest text's results are delivered.
    void check(const QString &file, const QByteArray &content);

    /// Builds the review of the working copy's saved changes (fetching the branch first); then reviewReady(), or
    /// failed().
    void prepareReview();
    /// Commits and pushes exactly what `review` shows, with `message`; then committed(), or failed().
    void commit(const ws::OverlayReview &review, const QString &message);
    /// Throws away the working copy's change to `file`, moves the copy to the branch tip and reads the files again;
    /// then opened(), or failed().
    void startOver(const QString &file);

    /// How long typing must pause before the whole folder is built again (default 700 ms).
    void setBuildDelay(int milliseconds) { m_buildTimer.setInterval(milliseconds); }

Q_SIGNALS:
    void opened();
    void saved(const QString &file);
    /// Writing `file` failed (failed() follows with the sentence).
    void saveFailed(const QString &file);
    void diagnosticsReady(const QString &file, const gd::manifest::Diagnostics &diagnostics);
    void folderChecked(const QString &file, const gd::ws::ValidationReport &report);
    void reviewReady(const gd::ws::OverlayReview &review);
    /// The change landed as `commitId`; `sentence` says so.
    void committed(const QString &sentence, const QString &commitId);
    void failed(const QString &sentence);
    /// Opening found the working copy left unfinished by a killed run and repaired or remade it: `sentence` says
    /// which, `detail` what was done (and where the user's files were moved, if they were).
    void repaired(const QString &sentence, const QString &detail);

private:
    struct Draft {
        QString file;
        QByteArray content;
        int generation = 0;
    };
    struct Opened;

    QString jobKey() const;
    void readFiles(const QString &title, const std::function<Result<void>(git::WorkingClone &)> &before);
    void runQuickCheck();
    void runBuildCheck();

    JobQueue &m_jobs;
    std::shared_ptr<git::RepoCache> m_cache;
    Target m_target;
    QString m_directory;
    QStringList m_files;
    QHash<QString, QByteArray> m_saved;

    Draft m_draft;                 ///< the newest text given to check()
    QTimer m_quickTimer;
    QTimer m_buildTimer;
    QFutureWatcher<manifest::Diagnostics> m_quickWatcher;
    QFutureWatcher<ws::ValidationReport> m_buildWatcher;
    int m_quickGeneration = 0;     ///< generation of the quick check running
    int m_buildGeneration = 0;     ///< generation of the build running
    bool m_buildAgain = false;     ///< a newer text arrived while a build ran
};

} // namespace gd::flows
