// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/gitutil.h"

#include <QStringList>

#include <mutex>

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

} // namespace gd::git::detail
