// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows/overlayeditsession.h"

#include "git/identity.h"
#include "workspace/overlayedit.h"
#include "workspace/projectrepo.h"
#include "workspace/renderscope.h"
#include "workspace/repoprovider.h"

#include <QDir>
#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace gd::flows {

/// What a job that (re)reads the working copy brings back.
struct OverlayEditSession::Opened {
    QString directory;
    QStringList files;
    QHash<QString, QByteArray> contents;
    QStringList repairs;   ///< what opening repaired in the working copy (WorkingClone::repairs)
};

namespace {

/// Opens the target's working copy with the workspace's provider.
Result<git::WorkingClone> openClone(const OverlayEditSession::Target &target, const std::atomic_bool *cancelled)
{
    return ws::openWorkingClone(target.config, *target.provider, target.project, cancelled);
}

} // namespace

OverlayEditSession::OverlayEditSession(JobQueue &jobs, std::shared_ptr<git::RepoCache> cache, Target target,
                                       QObject *parent)
    : QObject(parent), m_jobs(jobs), m_cache(std::move(cache)), m_target(std::move(target))
{
    m_quickTimer.setSingleShot(true);
    m_quickTimer.setInterval(120);
    m_buildTimer.setSingleShot(true);
    m_buildTimer.setInterval(700);
    connect(&m_quickTimer, &QTimer::timeout, this, &OverlayEditSession::runQuickCheck);
    connect(&m_buildTimer, &QTimer::timeout, this, &OverlayEditSession::runBuildCheck);
    connect(&m_quickWatcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_quickGeneration == m_draft.generation)
            Q_EMIT diagnosticsReady(m_draft.file, m_quickWatcher.result());
        else if (!m_quickTimer.isActive())
            runQuickCheck();
    });
    connect(&m_buildWatcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_buildGeneration == m_draft.generation)
            Q_EMIT folderChecked(m_draft.file, m_buildWatcher.result());
        if (std::exchange(m_buildAgain, false) && !m_buildTimer.isActive())
            runBuildCheck();
    });
}

OverlayEditSession::~OverlayEditSession()
{
    // The checks hold copies of what they need; wait so their watchers do not outlive the session's signals.
    m_quickWatcher.waitForFinished();
    m_buildWatcher.waitForFinished();
}

QString OverlayEditSession::folder() const
{
    return ws::ServiceEnvPaths::folder(m_target.service, m_target.env);
}

QString OverlayEditSession::jobKey() const
{
    return u"working-copy:"_s + m_target.config.name + u'/' + m_target.project;
}

void OverlayEditSession::readFiles(const QString &title,
                                   const std::function<Result<void>(git::WorkingClone &)> &before)
{
    const Target target = m_target;
    m_jobs.submitFor<Opened>(
        jobKey(), title,
        [target, before](JobContext &context) -> Result<Opened> {
            context.setStatus(OverlayEditSession::tr("Opening the working copy of %1").arg(target.project));
            auto clone = openClone(target, context.cancelFlag());
            if (!clone.ok())
                return clone.error();
            if (before) {
                if (auto done = before(*clone); !done.ok())
                    return done.error();
            }
            auto files = ws::workingFiles(*clone, target.service, target.env);
            if (!files.ok())
                return files.error();
            Opened opened{clone->filePath(ws::ServiceEnvPaths::folder(target.service, target.env)), *files, {},
                          clone->repairs()};
            const QDir root(opened.directory);
            for (const QString &file : std::as_const(opened.files)) {
                QFile f(root.absoluteFilePath(file));
                if (!f.open(QIODevice::ReadOnly)) {
                    return makeError(Error::Code::Io,
                                     OverlayEditSession::tr("%1 in the working copy cannot be read.").arg(file),
                                     f.errorString());
                }
                opened.contents.insert(file, f.readAll());
            }
            return opened;
        },
        this, [this](Result<Opened> opened) {
            if (!opened.ok()) {
                Q_EMIT failed(opened.error().fullText());
                return;
            }
            m_directory = opened->directory;
            m_files = opened->files;
            m_saved = opened->contents;
            Q_EMIT this->opened();
            if (!opened->repairs.isEmpty())
                Q_EMIT repaired(opened->repairs.first(), opened->repairs.mid(1).join(u'\n'));
        });
}

void OverlayEditSession::open()
{
    readFiles(tr("Open %1 in %2 for editing").arg(m_target.service, m_target.env), {});
}

void OverlayEditSession::save(const QString &file, const QByteArray &content)
{
    const Target target = m_target;
    const QString path = folder() + u'/' + file;
    m_jobs.submitFor<bool>(
        jobKey(), tr("Save %1").arg(file),
        [target, path, content](JobContext &context) -> Result<bool> {
            auto clone = openClone(target, context.cancelFlag());
            if (!clone.ok())
                return clone.error();
            if (auto written = clone->writeWorkingFile(path, content); !written.ok())
                return written.error();
            return true;
        },
        this, [this, file, content](Result<bool> written) {
            if (!written.ok()) {
                Q_EMIT saveFailed(file);
                Q_EMIT failed(written.error().fullText());
                return;
            }
            m_saved.insert(file, content);
            Q_EMIT saved(file);
        });
}

void OverlayEditSession::check(const QString &file, const QByteArray &content)
{
    m_draft = Draft{file, content, m_draft.generation + 1};
    m_quickTimer.start();
    m_buildTimer.start();
}

void OverlayEditSession::runQuickCheck()
{
    if (m_quickWatcher.isRunning() || m_directory.isEmpty())
        return;   // the running check's end starts the next one
    m_quickGeneration = m_draft.generation;
    m_quickWatcher.setFuture(QtConcurrent::run(ws::checkDraft, m_directory, m_draft.file, m_draft.content));
}

void OverlayEditSession::runBuildCheck()
{
    if (m_directory.isEmpty())
        return;
    if (m_buildWatcher.isRunning()) {
        m_buildAgain = true;
        return;
    }
    m_buildGeneration = m_draft.generation;
    m_buildWatcher.setFuture(QtConcurrent::run(
        [directory = m_directory, draft = m_draft, runner = ws::kustomizeRunnerFor(m_target.config)] {
            return ws::validateDraft(directory, draft.file, draft.content, runner);
        }));
}

void OverlayEditSession::prepareReview()
{
    const Target target = m_target;
    m_jobs.submitFor<ws::OverlayReview>(
        jobKey(), tr("Review changes to %1 in %2").arg(m_target.service, m_target.env),
        [target](JobContext &context) -> Result<ws::OverlayReview> {
            context.setStatus(OverlayEditSession::tr("Fetching %1 and building both overlays").arg(target.project));
            auto clone = openClone(target, context.cancelFlag());
            if (!clone.ok())
                return clone.error();
            return ws::prepareOverlayReview(*clone, target.project, target.service, target.env,
                                            ws::kustomizeRunnerFor(target.config), target.provider->remoteAuth(),
                                            context.cancelFlag());
        },
        this, [this](Result<ws::OverlayReview> review) {
            if (review.ok())
                Q_EMIT reviewReady(*review);
            else
                Q_EMIT failed(review.error().fullText());
        });
}

void OverlayEditSession::commit(const ws::OverlayReview &review, const QString &message)
{
    const Target target = m_target;
    std::shared_ptr<git::RepoCache> cache = m_cache;
    m_jobs.submitFor<git::PushOutcome>(
        jobKey(), tr("Commit and push %1 in %2").arg(m_target.service, m_target.env),
        [target, cache, review, message](JobContext &context) -> Result<git::PushOutcome> {
            const ws::RepoProvider &provider = *target.provider;
            auto clone = ws::openWorkingClone(target.config, provider, target.project, context.cancelFlag());
            if (!clone.ok())
                return clone.error();
            context.setStatus(OverlayEditSession::tr("Waiting for other work on %1").arg(target.project));
            auto opened = ws::openProject(target.config, *cache, provider, target.project, false,
                                          context.cancelFlag());
            if (!opened.ok())
                return opened.error();
            git::PushPlan plan;
            plan.remoteUrl = opened->url;
            plan.branch = target.config.branch;
            plan.auth = provider.remoteAuth();
            plan.message = git::CommitMessage{message.trimmed() + u'\n', git::userIdentity(clone->repository()), {}};
            plan.cancelled = context.cancelFlag();
            plan.progress = [&context](int attempt, const QString &status) {
                context.setStatus(OverlayEditSession::tr("Attempt %1: %2").arg(attempt).arg(status));
            };
            return ws::commitOverlayReview(review, opened->repo, *clone, plan, ws::kustomizeRunnerFor(target.config));
        },
        this, [this](Result<git::PushOutcome> outcome) {
            if (!outcome.ok()) {
                Q_EMIT failed(outcome.error().fullText());
                return;
            }
            const QString id = outcome->commit.toHex();
            Q_EMIT committed(tr("Committed %1 and pushed it to %2.").arg(outcome->commit.shortHex(),
                                                                        m_target.config.branch),
                             id);
        });
}

void OverlayEditSession::startOver(const QString &file)
{
    const QString path = folder() + u'/' + file;
    const git::RemoteAuth auth = m_target.provider->remoteAuth();
    readFiles(tr("Start %1 again from the remote version").arg(file),
              [path, auth](git::WorkingClone &clone) -> Result<void> {
                  if (auto discarded = clone.discard(path); !discarded.ok())
                      return discarded.error();
                  auto tip = clone.fetch(auth);
                  if (!tip.ok())
                      return tip.error();
                  return clone.updateTo(*tip);
              });
}

} // namespace gd::flows
