// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/gitutil.h"

#include <QDateTime>
#include <QDir>
#include <QStringList>
#include <QUuid>

#include <cerrno>
#include <cstdlib>
#include <mutex>

#include <signal.h>

namespace gd::git::detail {

void ensureLibraryInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] {
        git_libgit2_init();
        // Reading a catalog looks the same folders and files up again and again: a roomy object cache, with room
        // for the large trees of repositories with many services, keeps them parsed. History walks bypass it (see
        // git/history.cpp): they read each object once, and filling the cache with them only cost time.
        git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, static_cast<ssize_t>(512) * 1024 * 1024);
        git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, static_cast<size_t>(64 * 1024));
        git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_COMMIT, static_cast<size_t>(16 * 1024));
        // libgit2 re-hashes every object it reads (SHA-1 with collision detection), which is most of the cost of
        // a history walk. Git itself does not: objects are verified once, when a fetch indexes the received pack
        // (libgit2's indexer still does that), and loose objects written here are hashed as they are written.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    });
}

QString lastErrorText(int rc)
{
    const git_error *err = git_error_last();
    if (err && err->message)
        return QString::fromUtf8(err->message) + QStringLiteral(" (libgit2 %1)").arg(rc);
    return QStringLiteral("libgit2 error %1").arg(rc);
}

Error gitError(int rc, const QString &message, Error::Code code, bool keepCode)
{
    // Capture first: anything else below could call into libgit2 and replace the thread's last error.
    const QString detail = lastErrorText(rc);
    if (!keepCode && rc == GIT_ENOTFOUND)
        code = Error::Code::NotFound;
    return Error{code, message, detail};
}

QByteArray checkedRepoPath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || path.endsWith(QLatin1Char('/'))
        || path.contains(QLatin1Char('\\')) || path.contains(QChar(0)))
        return {};
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..")
            || part.compare(QLatin1String(".git"), Qt::CaseInsensitive) == 0)
            return {};
    }
    return path.toUtf8();
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
}

qint64 ageMs(const QFileInfo &info)
{
    return std::abs(info.lastModified().msecsTo(QDateTime::currentDateTime()));
}

QString partialFolderFor(const QString &target)
{
    return target + QStringLiteral(".partial-") + QString::number(QCoreApplication::applicationPid()) + QLatin1Char('-')
           + QUuid::createUuid().toString(QUuid::Id128);
}

void removeAbandonedPartials(const QString &dir)
{
    // A name without a pid (older versions) is abandoned after this long; one whose process lives, after an hour
    // (its pid was reused).
    constexpr qint64 unownedMs = 10 * 60 * 1000;
    constexpr qint64 ownedMs = 60 * 60 * 1000;
    const QFileInfoList partials = QDir(dir).entryInfoList({QStringLiteral("*.partial-*")},
                                                           QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &partial : partials) {
        const QString name = partial.fileName();
        const QStringList parts = name.mid(name.lastIndexOf(QLatin1String(".partial-")) + 9).split(QLatin1Char('-'));
        bool hasPid = false;
        const qint64 pid = parts.size() == 2 ? parts.first().toLongLong(&hasPid) : 0;
        const bool abandoned = hasPid ? !processAlive(pid) || ageMs(partial) > ownedMs : ageMs(partial) > unownedMs;
        if (abandoned)
            QDir(partial.filePath()).removeRecursively();
    }
}

} // namespace gd::git::detail
