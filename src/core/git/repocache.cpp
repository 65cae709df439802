// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/repocache.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QThread>
#include <QUuid>

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

} // namespace

RepoCache::RepoCache(QString rootDir) : m_rootDir(std::move(rootDir)) {}

QString RepoCache::cachePathFor(const QString &url) const
{
    const QByteArray hash = QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
    return QDir(m_rootDir).filePath(folderStem(url) + QLatin1Char('-') + QString::fromLatin1(hash)
                                    + QStringLiteral(".git"));
}

Result<Repository> RepoCache::openOrClone(const QString &url, const RemoteAuth &auth,
                                          const std::atomic_bool *cancelled)
{
    const QString path = cachePathFor(url);
    if (QFileInfo::exists(path)) {
        Result<Repository> opened = Repository::open(path);
        if (opened)
            return opened;
        // A cache folder that is not a repository is debris (nothing in it is the only copy): start afresh.
        if (!QDir(path).removeRecursively())
            return makeError(Error::Code::Io,
                             RepoCacheText::tr("The damaged local copy at %1 could not be removed. Delete it by hand.").arg(path),
                             opened.error().detail);
    }
    if (!QDir().mkpath(m_rootDir))
        return makeError(Error::Code::Io,
                         RepoCacheText::tr("The cache folder %1 cannot be created. Check the permissions.").arg(m_rootDir));
    // Clone beside the final place and rename at the end, so a killed process never leaves a half clone there.
    const QString partial = path + QStringLiteral(".partial-") + QUuid::createUuid().toString(QUuid::Id128);
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

RepoLock RepoCache::lockFor(const QString &url, std::chrono::milliseconds limit)
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
    std::unique_lock<std::mutex> thread(*mutex);
    QDir().mkpath(m_rootDir);
    auto process = std::make_unique<QLockFile>(cachePathFor(url) + QStringLiteral(".lock"));
    // Only a lock whose process is gone is stale: a push loop may rightly hold it for a long time.
    process->setStaleLockTime(0);
    // Polled every few milliseconds: QLockFile's own waiting backs off to whole seconds, which would make a queue of
    // parallel releases crawl.
    QDeadlineTimer deadline(limit);
    while (!process->tryLock(0)) {
        if (process->error() != QLockFile::LockFailedError || deadline.hasExpired())
            return RepoLock();
        QThread::msleep(5 + QRandomGenerator::global()->bounded(10));
    }
    return RepoLock(std::move(thread), std::move(process));
}

} // namespace gd::git
