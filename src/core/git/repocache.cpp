// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/repocache.h"

#include "git/gitutil.h"
#include "util/diskproblem.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QThread>


namespace gd::git {

namespace {

// The translatable sentences of this file, in the "gd::git::RepoCache" context (lupdate reads the macro).
struct RepoCacheText {
    Q_DECLARE_TR_FUNCTIONS(gd::git::RepoCache)
};

/// The last component of a URL or path, without ".git", reduced to characters safe in a folder name.
QString folderStem(const QString &url)
{
    QString last = url;
    while (last.endsWith(QLatin1Char('/')))
        last.chop(1);
    const qsizetype cut = std::max(last.lastIndexOf(QLatin1Char('/')), last.lastIndexOf(QLatin1Char(':')));
    last = last.mid(cut + 1);
    if (last.endsWith(QLatin1String(".git")))
        last.chop(4);
    QString safe;
    for (QChar c : std::as_const(last)) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                        || c == u'-' || c == u'_' || c == u'.';
        safe.append(ok ? c : QLatin1Char('_'));
    }
    while (safe.startsWith(QLatin1Char('.')))
        safe.remove(0, 1);
    return safe.isEmpty() ? QStringLiteral("repo") : safe.left(64);
}

/// An unreadable lock file (empty, torn) younger than this may still be being written by its owner.
constexpr qint64 kUnreadableLockGraceMs = 3000;

/// What the lock file says about its holder, and whether it is stale.
struct LockHolder {
    bool exists = true;
    bool stale = false;
    QString description;   ///< "process 4242 (gitops-desk-cli) on host build-7", or why it is unreadable
};

LockHolder inspectLock(const QLockFile &lock, const QString &path)
{
    LockHolder holder;
    qint64 pid = 0;
    QString host;
    QString app;
    if (lock.getLockInfo(&pid, &host, &app)) {
        const bool thisHost = host.isEmpty() || host == QSysInfo::machineHostName();
        holder.stale = thisHost && !detail::processAlive(pid);
        holder.description = RepoCacheText::tr("process %1 (%2) on host %3")
                                 .arg(QString::number(pid),
                                      app.isEmpty() ? RepoCacheText::tr("program unknown") : app,
                                      host.isEmpty() ? QSysInfo::machineHostName() : host);
        return holder;
    }
    const QFileInfo info(path);
    if (!info.exists()) {
        holder.exists = false;
        return holder;
    }
    // An owner writes its pid right after creating the file; one still unreadable after a few seconds never will.
    holder.stale = detail::ageMs(info) >= kUnreadableLockGraceMs;
    holder.description = RepoCacheText::tr("an owner that cannot be read from the lock file (%n byte(s) in it)", nullptr,
                                           static_cast<int>(info.size()));
    return holder;
}

/// Removes the stale lock file of `lock`, unless another process is removing it or it came alive meanwhile. Uses
/// the same ".rmlock" guard as QLockFile's own take-over, and QLockFile's removal refuses a file some process still
/// holds an OS lock on.
bool takeOverStaleLock(QLockFile &lock, const QString &path)
{
    QLockFile guard(path + QStringLiteral(".rmlock"));
    if (!guard.tryLock(0))
        return false;
    const LockHolder again = inspectLock(lock, path);
    return again.exists && again.stale && lock.removeStaleLockFile();
}

/// The Io error for a lock file that cannot be created at all.
Error lockFileError(const QString &lockPath, const QString &rootDir, QLockFile::LockError error)
{
    if (std::optional<Error> problem = folderProblem(rootDir)) {
        problem->detail = lockPath;
        return *problem;
    }
    return makeError(Error::Code::Io,
                     RepoCacheText::tr("The lock file %1 cannot be created. Check that %2 is a writable "
                                       "folder with free space.")
                         .arg(lockPath, rootDir),
                     error == QLockFile::PermissionError ? QStringLiteral("permission denied")
                                                         : QStringLiteral("QLockFile error %1").arg(int(error)));
}

} // namespace

RepoCache::RepoCache(QString rootDir) : m_rootDir(std::move(rootDir)) {}

QString RepoCache::cachePathFor(const QString &url) const
{
    const QByteArray hash = QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
    return QDir(m_rootDir).filePath(folderStem(url) + QLatin1Char('-') + QString::fromLatin1(hash)
                                    + QStringLiteral(".git"));
}

QString RepoCache::lockPathFor(const QString &url) const
{
    return cachePathFor(url) + QStringLiteral(".lock");
}

Result<Repository> RepoCache::openOrClone(const QString &url, const RemoteAuth &auth,
                                          const std::atomic_bool *cancelled)
{
    const QString path = cachePathFor(url);
    const QFileInfo entry(path);
    if (entry.exists() || entry.isSymLink()) {
        Result<Repository> opened = Repository::open(path);
        if (opened)
            return opened;
        // A cache entry that is not a repository (a broken folder, a file) is debris: nothing in it is the only
        // copy of anything. Start afresh.
        const bool removed = entry.isDir() && !entry.isSymLink() ? QDir(path).removeRecursively() : QFile::remove(path);
        if (!removed) {
            if (std::optional<Error> problem = folderProblem(m_rootDir))
                return *problem;
            return makeError(Error::Code::Io,
                             RepoCacheText::tr("The damaged local copy at %1 could not be removed. Delete it by hand.").arg(path),
                             opened.error().detail);
        }
    }
    if (!QDir().mkpath(m_rootDir)) {
        if (std::optional<Error> problem = folderProblem(m_rootDir))
            return *problem;
        return makeError(Error::Code::Io,
                         RepoCacheText::tr("The cache folder %1 cannot be created. Check the permissions.").arg(m_rootDir));
    }
    detail::removeAbandonedPartials(m_rootDir);
    // Clone beside the final place and rename at the end, so a killed process never leaves a half clone there.
    const QString partial = detail::partialFolderFor(path);
    Result<Repository> cloned = cloneBare(url, partial, auth, cancelled);
    if (!cloned) {
        QDir(partial).removeRecursively();
        return cloned.error();
    }
    cloned = Repository();   // closes the handle before the folder moves
    if (!QDir().rename(partial, path)) {
        QDir(partial).removeRecursively();
        if (!QFileInfo::exists(path))
            return makeError(Error::Code::Io, RepoCacheText::tr("The local copy could not be moved to %1.").arg(path));
        // Another process finished the same clone first: use that one.
    }
    return Repository::open(path);
}

RepoLock::RepoLock(std::unique_lock<std::mutex> thread, std::unique_ptr<QLockFile> process)
    : m_thread(std::move(thread)), m_process(std::move(process))
{
}

RepoLock::RepoLock(RepoLock &&) noexcept = default;

RepoLock &RepoLock::operator=(RepoLock &&other) noexcept
{
    if (this != &other) {
        unlock();
        m_thread = std::move(other.m_thread);
        m_process = std::move(other.m_process);
    }
    return *this;
}

RepoLock::~RepoLock()
{
    unlock();
}

void RepoLock::unlock()
{
    // The process lock first: another process may go on while this one's threads still queue.
    if (m_process)
        m_process->unlock();
    m_process.reset();
    if (m_thread.owns_lock())
        m_thread.unlock();
}

Result<RepoLock> RepoCache::lockFor(const QString &url, std::chrono::milliseconds limit,
                                   const std::function<void(const QString &holder)> &waiting)
{
    std::shared_ptr<std::mutex> mutex;
    {
        std::lock_guard<std::mutex> guard(m_mapMutex);
        std::shared_ptr<std::mutex> &slot = m_locks[url];
        if (!slot)
            slot = std::make_shared<std::mutex>();
        mutex = slot;
    }
    // The map keeps every mutex alive for the cache's lifetime, so the lock may outlive this local pointer.
    std::unique_lock<std::mutex> thread(*mutex, std::try_to_lock);
    bool announced = false;
    if (!thread.owns_lock()) {
        if (waiting)
            waiting(RepoCacheText::tr("another operation of this program on the same repository"));
        announced = true;
        thread.lock();
    }
    if (!QFileInfo(m_rootDir).isDir())
        QDir().mkpath(m_rootDir);
    const QString lockPath = lockPathFor(url);
    Result<std::unique_ptr<QLockFile>> process = lockProcessFile(
        lockPath, m_rootDir, limit,
        [&](const QString &holder) {
            if (!announced && waiting)
                waiting(holder);
            announced = true;
        },
        [&](const QString &holder) {
            return makeError(Error::Code::Timeout,
                             RepoCacheText::tr("The local copy of %1 has been locked by %2 for more than %3 seconds. "
                                               "Try again when it is done; if that process hangs, end it: its lock is "
                                               "taken over once it has ended.")
                                 .arg(displayUrl(url), holder,
                                      QString::number(std::chrono::duration_cast<std::chrono::seconds>(limit).count())));
        });
    if (!process)
        return process.error();
    return RepoLock(std::move(thread), std::move(*process));
}

Result<std::unique_ptr<QLockFile>> lockProcessFile(const QString &lockPath, const QString &folder,
                                                   std::chrono::milliseconds limit,
                                                   const std::function<void(const QString &holder)> &waiting,
                                                   const std::function<Error(const QString &holder)> &timedOut)
{
    auto process = std::make_unique<QLockFile>(lockPath);
    // QLockFile's own rule (with no stale time) takes over a lock whose process on this host has ended; a push loop
    // may rightly hold a lock for a long time, so age alone never makes a readable lock stale. inspectLock adds the
    // unreadable (empty, torn) lock file that no owner will ever complete.
    process->setStaleLockTime(0);
    // Polled every few milliseconds: QLockFile's own waiting backs off to whole seconds, which would make a queue of
    // parallel releases crawl.
    QDeadlineTimer deadline(limit);
    bool announced = false;
    for (;;) {
        if (process->tryLock(0))
            return process;
        if (process->error() != QLockFile::LockFailedError)
            return lockFileError(lockPath, folder, process->error());
        const LockHolder holder = inspectLock(*process, lockPath);
        if (!holder.exists || (holder.stale && takeOverStaleLock(*process, lockPath)))
            continue;
        if (deadline.hasExpired())
            return timedOut(RepoCacheText::tr("%1 (lock file %2)").arg(holder.description, lockPath));
        if (!announced && waiting) {
            waiting(RepoCacheText::tr("%1 (lock file %2)").arg(holder.description, lockPath));
            announced = true;
        }
        QThread::msleep(5 + QRandomGenerator::global()->bounded(10));
    }
}

} // namespace gd::git
