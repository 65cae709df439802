// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/remote.h"

#include "git/gitutil.h"
#include "git/repocache.h"
#include "util/diskproblem.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <thread>

namespace gd::git {

using namespace detail;

namespace {

// The translatable sentences of this file, in the "gd::git::Remote" context (lupdate reads the macro).
struct RemoteText {
    Q_DECLARE_TR_FUNCTIONS(gd::git::Remote)
};

// How long a push into a repository on this machine waits for GitOps Desk's other pushes into it (each takes
// milliseconds to seconds), and for a ref lock that a plain git holds.
constexpr std::chrono::milliseconds kPushLockLimit = std::chrono::seconds(60);
constexpr qint64 kRefLockWaitMs = 5000;
// How the detail of a refusal because of a held ref lock on a server begins (isHeldRefLock).
const QLatin1String kHeldRefLockDetail("ref lock held on the server: ");

// libgit2 asks again and again while a server refuses credentials; after this many tries we stop and say so.
constexpr int kMaxCredentialAttempts = 3;

enum class Operation { Clone, Fetch, Push };

/// Shared by every libgit2 callback of one transfer. Lives on the calling thread's stack.
struct TransferState {
    const RemoteAuth *auth = nullptr;
    const std::atomic_bool *cancelled = nullptr;
    int credentialCalls = 0;
    bool cancelSeen = false;
    bool authGaveUp = false;
    QString authProblem;
    QStringList refusals;
    QString serverText;   ///< what the server printed (its sideband messages), the last few kilobytes

    bool checkCancelled()
    {
        if (cancelled && cancelled->load(std::memory_order_relaxed))
            cancelSeen = true;
        return cancelSeen;
    }
};

/// A remote on this machine (a path, or a file:// URL) gets the local push below instead of libgit2's transport.
bool localPathOf(const QString &url, QString *path)
{
    if (url.startsWith(QLatin1String("file://"))) {
        *path = QUrl(url).toLocalFile();
        return true;
    }
    if (!url.contains(QLatin1String("://")) && QFileInfo(url).isDir()) {
        *path = url;
        return true;
    }
    return false;
}

int credentialsCallback(git_credential **out, const char *, const char *userFromUrl, unsigned int allowed,
                        void *payload)
{
    auto *state = static_cast<TransferState *>(payload);
    if (state->checkCancelled())
        return GIT_EUSER;
    if (++state->credentialCalls > kMaxCredentialAttempts) {
        state->authGaveUp = true;
        state->authProblem = QStringLiteral("the server refused the credentials %1 times").arg(kMaxCredentialAttempts);
        return GIT_EUSER;
    }
    const RemoteAuth &auth = *state->auth;
    QByteArray user = auth.username.toUtf8();
    if (user.isEmpty() && userFromUrl && *userFromUrl)
        user = QByteArray(userFromUrl);

    if (allowed & GIT_CREDENTIAL_SSH_KEY) {
        if (user.isEmpty())
            user = QByteArrayLiteral("git");
        if (!auth.sshKeyPath.isEmpty()) {
            const QByteArray key = QFile::encodeName(auth.sshKeyPath);
            const QByteArray passphrase = auth.sshPassphrase.toUtf8();
            return git_credential_ssh_key_new(out, user.constData(), nullptr, key.constData(),
                                              passphrase.isEmpty() ? nullptr : passphrase.constData());
        }
        if (auth.useSshAgent)
            return git_credential_ssh_key_from_agent(out, user.constData());
        state->authGaveUp = true;
        state->authProblem = QStringLiteral("the server wants an SSH key, and neither a key file nor the agent is set");
        return GIT_EUSER;
    }
    if (allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) {
        if (auth.token.isEmpty()) {
            state->authGaveUp = true;
            state->authProblem = QStringLiteral("the server wants a user name and token, and no token is set");
            return GIT_EUSER;
        }
        if (user.isEmpty())
            user = QByteArrayLiteral("oauth2");
        const QByteArray token = auth.token.toUtf8();
        return git_credential_userpass_plaintext_new(out, user.constData(), token.constData());
    }
    if (allowed & GIT_CREDENTIAL_USERNAME)
        return git_credential_username_new(out, user.isEmpty() ? "git" : user.constData());
    state->authGaveUp = true;
    state->authProblem = QStringLiteral("the server asks for a kind of credential this tool does not support");
    return GIT_EUSER;
}

int transferProgressCallback(const git_indexer_progress *, void *payload)
{
    return static_cast<TransferState *>(payload)->checkCancelled() ? -1 : 0;
}

int sidebandCallback(const char *text, int length, void *payload)
{
    auto *state = static_cast<TransferState *>(payload);
    state->serverText.append(QString::fromUtf8(text, length));
    if (state->serverText.size() > 8192)
        state->serverText = state->serverText.right(8192);
    return state->checkCancelled() ? -1 : 0;
}

int packProgressCallback(int, uint32_t, uint32_t, void *payload)
{
    return static_cast<TransferState *>(payload)->checkCancelled() ? -1 : 0;
}

int pushTransferCallback(unsigned int, unsigned int, size_t, void *payload)
{
    return static_cast<TransferState *>(payload)->checkCancelled() ? -1 : 0;
}

// Over smart transports a refused update arrives only here: git_remote_push itself still returns 0.
int pushUpdateReferenceCallback(const char *refname, const char *status, void *payload)
{
    if (status) {
        static_cast<TransferState *>(payload)->refusals.append(QString::fromUtf8(refname) + QStringLiteral(": ")
                                                               + QString::fromUtf8(status));
    }
    return 0;
}

git_remote_callbacks makeCallbacks(TransferState *state)
{
    git_remote_callbacks callbacks;
    git_remote_init_callbacks(&callbacks, GIT_REMOTE_CALLBACKS_VERSION);
    callbacks.credentials = credentialsCallback;
    callbacks.transfer_progress = transferProgressCallback;
    callbacks.sideband_progress = sidebandCallback;
    callbacks.pack_progress = packProgressCallback;
    callbacks.push_transfer_progress = pushTransferCallback;
    callbacks.push_update_reference = pushUpdateReferenceCallback;
    callbacks.payload = state;
    return callbacks;
}

Error cancelledError(const QString &url)
{
    return makeError(Error::Code::Cancelled, RemoteText::tr("The transfer with %1 was cancelled.").arg(displayUrl(url)));
}

/// Turns a failed transfer into the error a user can act on. Captures libgit2's error first. `localFolder` is where
/// the transfer writes on this machine (empty: nowhere): a failure to write there is said as such.
Error transferFailure(int rc, const TransferState &state, const QString &url, Operation operation,
                      const QString &localFolder)
{
    const git_error *last = git_error_last();
    const int errorClass = last ? last->klass : GIT_ERROR_NONE;
    QString detail = lastErrorText(rc);
    const QString where = displayUrl(url);

    if (state.cancelSeen)
        return makeError(Error::Code::Cancelled, RemoteText::tr("The transfer with %1 was cancelled.").arg(where), detail);
    if (state.authGaveUp || rc == GIT_EAUTH) {
        if (!state.authProblem.isEmpty())
            detail = state.authProblem + QStringLiteral("; ") + detail;
        return makeError(Error::Code::Auth,
                         RemoteText::tr("%1 did not accept the credentials. Check the user name and token, or the SSH key, "
                            "in the settings for this server.")
                             .arg(where),
                         detail);
    }
    if (rc == GIT_ELOCKED)
        return makeError(Error::Code::Git,
                         RemoteText::tr("A git lock file is held, so the transfer with %1 stopped: %2. If no other git "
                                        "process is running, remove that lock file and try again.")
                             .arg(where, detail));
    if (operation == Operation::Push && (rc == GIT_ENONFASTFORWARD || rc == GIT_EMODIFIED || rc == GIT_EEXISTS))
        return makeError(Error::Code::Rejected,
                         RemoteText::tr("%1 refused the push because the branch moved on meanwhile. Fetch and try again.")
                             .arg(where),
                         detail);
    // A full disk or an unwritable cache is reported by the operating system too: say that, not "the network".
    if (!localFolder.isEmpty() && errorClass != GIT_ERROR_NET && errorClass != GIT_ERROR_HTTP
        && errorClass != GIT_ERROR_SSL && errorClass != GIT_ERROR_SSH) {
        if (std::optional<Error> local = osErrorProblem(detail, localFolder))
            return *local;
    }
    if (errorClass == GIT_ERROR_NET || errorClass == GIT_ERROR_SSH || errorClass == GIT_ERROR_HTTP
        || errorClass == GIT_ERROR_SSL || errorClass == GIT_ERROR_OS)
        return makeError(Error::Code::Network,
                         RemoteText::tr("%1 could not be reached. Check the URL and the network connection.").arg(where), detail);
    switch (operation) {
    case Operation::Clone:
        return makeError(Error::Code::Git, RemoteText::tr("Cloning %1 failed.").arg(where), detail);
    case Operation::Fetch:
        return makeError(Error::Code::Git, RemoteText::tr("Fetching from %1 failed.").arg(where), detail);
    case Operation::Push:
        break;
    }
    return makeError(Error::Code::Git, RemoteText::tr("Pushing to %1 failed.").arg(where), detail);
}

Error rejectedError(const QString &url, const QString &branch, const QString &detail)
{
    return makeError(Error::Code::Rejected,
                     RemoteText::tr("%1 refused the update of branch %2 because it moved on meanwhile. Fetch and try again.")
                         .arg(displayUrl(url), branch),
                     detail);
}

int packWriteProgress(const git_indexer_progress *, void *payload)
{
    return static_cast<TransferState *>(payload)->checkCancelled() ? -1 : 0;
}

/// The ref lock `lockFile` of a repository on this machine, seen while holding its push lock (so no other GitOps Desk
/// push is writing it): absent → fine; a regular file at least kLeftoverRefLockMs old → left by a killed push,
/// removed and said through `notice`; younger → a plain git is updating the ref: polled until `deadline`. Timeout
/// naming the file when it stays (or is not a regular file, or cannot be removed).
Result<void> clearLeftoverRefLock(const QString &lockFile, const QString &url, const QString &branch,
                                  const QDeadlineTimer &deadline, TransferState &state,
                                  const std::function<void(const QString &sentence)> &notice)
{
    for (;;) {
        const QFileInfo info(lockFile);
        if (!info.exists() && !info.isSymLink())
            return {};
        QString why;
        if (info.isSymLink() || !info.isFile()) {
            why = RemoteText::tr("the lock is not a regular file");
        } else if (ageMs(info) >= kLeftoverRefLockMs) {
            if (QFile::remove(lockFile)) {
                if (notice) {
                    notice(RemoteText::tr("Removed the lock file %1, left by a push that was killed %2 seconds ago; "
                                          "no push is running now.")
                               .arg(lockFile, QString::number(ageMs(info) / 1000)));
                }
                continue;
            }
            why = RemoteText::tr("it could not be removed");
        } else if (deadline.hasExpired()) {
            why = RemoteText::tr("another git process has kept updating the branch for %1 seconds")
                      .arg(kRefLockWaitMs / 1000);
        }
        if (state.checkCancelled())
            return cancelledError(url);
        if (!why.isEmpty()) {
            return makeError(Error::Code::Timeout,
                             RemoteText::tr("Branch %1 of %2 is locked by the file %3 (%4). If no git process is using "
                                            "%2 any more, remove %3 manually and try again.")
                                 .arg(branch, displayUrl(url), lockFile, why));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

/// Push into a bare repository on this machine. libgit2 1.5's local transport overwrites the remote branch
/// without checking that it still holds the value it advertised, so two concurrent local pushers could lose
/// one update silently. Here the objects are written as a pack into the target, and the branch moves with a
/// compare-and-swap under git's ref lock: a concurrent update gives GIT_EMODIFIED → Rejected. The caller holds the
/// push lock (localPushLockPath), so a leftover ref lock is cleared first (clearLeftoverRefLock).
Result<void> localPush(git_repository *repo, const QString &url, const QString &path, const ObjectId &commit,
                       const QString &branch, TransferState &state,
                       const std::function<void(const QString &sentence)> &notice)
{
    git_repository *rawTarget = nullptr;
    const QByteArray encodedPath = QFile::encodeName(path);
    if (const int rc = git_repository_open_ext(&rawTarget, encodedPath.constData(), GIT_REPOSITORY_OPEN_NO_SEARCH,
                                               nullptr);
        rc < 0)
        return gitError(rc, RemoteText::tr("No git repository could be opened at %1.").arg(path), Error::Code::NotFound, true);
    RepositoryPtr target(rawTarget);
    if (!git_repository_is_bare(target.get()))
        return makeError(Error::Code::InvalidInput,
                         RemoteText::tr("%1 is not a bare repository; pushes on this machine go into bare repositories only.")
                             .arg(path));

    const QByteArray refName = QByteArrayLiteral("refs/heads/") + branch.toUtf8();
    const git_oid newId = toOid(commit);
    git_oid remoteTip;
    bool hasTip = false;
    if (const int rc = git_reference_name_to_id(&remoteTip, target.get(), refName.constData()); rc == 0) {
        hasTip = true;
    } else if (rc != GIT_ENOTFOUND) {
        return gitError(rc, RemoteText::tr("Branch %1 of %2 could not be read.").arg(branch, path));
    }

    if (hasTip) {
        if (git_oid_equal(&remoteTip, &newId))
            return {};
        git_odb *rawOdb = nullptr;
        if (const int rc = git_repository_odb(&rawOdb, repo); rc < 0)
            return gitError(rc, RemoteText::tr("The local object database could not be opened."));
        OdbPtr odb(rawOdb);
        if (!git_odb_exists(odb.get(), &remoteTip))
            return rejectedError(url, branch, QStringLiteral("the remote tip %1 is not known locally")
                                                  .arg(fromOid(&remoteTip).shortHex()));
        const int descends = git_graph_descendant_of(repo, &newId, &remoteTip);
        if (descends < 0)
            return gitError(descends, RemoteText::tr("The history of commit %1 could not be checked.").arg(commit.shortHex()));
        if (descends == 0)
            return rejectedError(url, branch, QStringLiteral("not a fast-forward of %1")
                                                  .arg(fromOid(&remoteTip).shortHex()));
    }
    if (state.checkCancelled())
        return cancelledError(url);

    // Objects the target lacks: everything reachable from the commit and not from the target's tip.
    git_packbuilder *rawBuilder = nullptr;
    if (const int rc = git_packbuilder_new(&rawBuilder, repo); rc < 0)
        return gitError(rc, RemoteText::tr("The objects to push could not be collected."));
    PackBuilderPtr builder(rawBuilder);
    git_revwalk *rawWalk = nullptr;
    if (const int rc = git_revwalk_new(&rawWalk, repo); rc < 0)
        return gitError(rc, RemoteText::tr("The objects to push could not be collected."));
    RevwalkPtr walk(rawWalk);
    if (int rc = git_revwalk_push(walk.get(), &newId); rc < 0
        || (hasTip && (rc = git_revwalk_hide(walk.get(), &remoteTip)) < 0)
        || (rc = git_packbuilder_insert_walk(builder.get(), walk.get())) < 0)
        return gitError(rc, RemoteText::tr("The objects to push could not be collected."));
    if (git_packbuilder_object_count(builder.get()) > 0) {
        git_buf objectsDir = GIT_BUF_INIT;
        if (const int rc = git_repository_item_path(&objectsDir, target.get(), GIT_REPOSITORY_ITEM_OBJECTS); rc < 0)
            return gitError(rc, RemoteText::tr("The object folder of %1 could not be found.").arg(path));
        const QByteArray packDir = QByteArray(objectsDir.ptr, static_cast<qsizetype>(objectsDir.size))
                                   + QByteArrayLiteral("pack");
        git_buf_dispose(&objectsDir);
        if (const int rc = git_packbuilder_write(builder.get(), packDir.constData(), 0, packWriteProgress, &state);
            rc < 0) {
            if (state.cancelSeen)
                return cancelledError(url);
            return gitError(rc, RemoteText::tr("The new objects could not be written into %1.").arg(path), Error::Code::Io,
                            true);
        }
    }
    if (state.checkCancelled())
        return cancelledError(url);

    const QByteArray logMessage = QByteArrayLiteral("push: gitops-desk");
    const QString refLock = QFile::decodeName(git_repository_path(target.get())) + QString::fromUtf8(refName)
                            + QStringLiteral(".lock");
    const QDeadlineTimer refLockDeadline(kRefLockWaitMs);
    int rc = 0;
    ReferencePtr ref;
    for (;;) {
        if (Result<void> cleared = clearLeftoverRefLock(refLock, url, branch, refLockDeadline, state, notice); !cleared)
            return cleared;
        git_reference *rawRef = nullptr;
        rc = hasTip ? git_reference_create_matching(&rawRef, target.get(), refName.constData(), &newId, 1, &remoteTip,
                                                    logMessage.constData())
                    : git_reference_create(&rawRef, target.get(), refName.constData(), &newId, 0,
                                           logMessage.constData());
        ref.reset(rawRef);
        // A plain git took the ref lock since it was checked: wait for it like for any young lock.
        if (rc != GIT_ELOCKED)
            break;
        git_error_clear();
    }
    if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS)
        return rejectedError(url, branch, lastErrorText(rc));
    if (rc < 0)
        return gitError(rc, RemoteText::tr("Branch %1 of %2 could not be updated.").arg(branch, path));
    return {};
}

bool validBranch(const QString &branch)
{
    const QByteArray name = QByteArrayLiteral("refs/heads/") + branch.toUtf8();
    int valid = 0;
    return !branch.isEmpty() && git_reference_name_is_valid(&valid, name.constData()) == 0 && valid;
}

Error invalidBranchError(const QString &branch)
{
    return makeError(Error::Code::InvalidInput, RemoteText::tr("\"%1\" is not a valid branch name.").arg(branch));
}

/// The id of `branch` in the ref listing of the connected `remote`; NotFound when the remote has no such branch.
Result<ObjectId> listedBranchTip(git_remote *remote, const QString &url, const QString &branch)
{
    const git_remote_head **heads = nullptr;
    size_t count = 0;
    if (const int rc = git_remote_ls(&heads, &count, remote); rc < 0)
        return gitError(rc, RemoteText::tr("The branches of %1 could not be listed.").arg(displayUrl(url)));
    const QByteArray headRef = QByteArrayLiteral("refs/heads/") + branch.toUtf8();
    for (size_t i = 0; i < count; ++i) {
        if (headRef == heads[i]->name)
            return fromOid(&heads[i]->oid);
    }
    return makeError(Error::Code::NotFound, RemoteText::tr("%1 has no branch %2 yet.").arg(displayUrl(url), branch));
}

} // namespace

QString displayUrl(const QString &url)
{
    if (!url.contains(QLatin1String("://")))
        return url;
    const QUrl parsed(url);
    if (!parsed.isValid())
        return url.section(QLatin1Char('@'), -1);
    return parsed.toDisplayString(QUrl::RemovePassword | QUrl::RemoveUserInfo);
}

Result<Repository> cloneBare(const QString &url, const QString &localPath, const RemoteAuth &auth,
                             const std::atomic_bool *cancelled)
{
    ensureLibraryInitialised();
    TransferState state;
    state.auth = &auth;
    state.cancelled = cancelled;
    if (state.checkCancelled())
        return cancelledError(url);

    git_clone_options options;
    git_clone_options_init(&options, GIT_CLONE_OPTIONS_VERSION);
    options.bare = 1;
    options.fetch_opts.callbacks = makeCallbacks(&state);
    options.fetch_opts.update_fetchhead = 0;
    const QByteArray urlBytes = url.toUtf8();
    const QByteArray pathBytes = QFile::encodeName(localPath);
    git_repository *raw = nullptr;
    if (const int rc = git_clone(&raw, urlBytes.constData(), pathBytes.constData(), &options); rc < 0)
        return transferFailure(rc, state, url, Operation::Clone, QFileInfo(localPath).absolutePath());
    git_repository_free(raw);
    // Reopen through the one constructor that owns handles.
    return Repository::open(localPath);
}

Result<ObjectId> fetchBranch(Repository &repo, const QString &url, const QString &branch, const RemoteAuth &auth,
                             const std::atomic_bool *cancelled)
{
    if (!validBranch(branch))
        return invalidBranchError(branch);
    TransferState state;
    state.auth = &auth;
    state.cancelled = cancelled;
    if (state.checkCancelled())
        return cancelledError(url);

    const QByteArray urlBytes = url.toUtf8();
    git_remote *rawRemote = nullptr;
    if (const int rc = git_remote_create_anonymous(&rawRemote, repo.handle(), urlBytes.constData()); rc < 0)
        return gitError(rc, RemoteText::tr("\"%1\" is not a usable remote URL.").arg(displayUrl(url)), Error::Code::InvalidInput,
                        true);
    RemotePtr remote(rawRemote);

    const QByteArray headRef = QByteArrayLiteral("refs/heads/") + branch.toUtf8();
    const QByteArray trackingRef = QByteArrayLiteral("refs/remotes/origin/") + branch.toUtf8();
    QByteArray refspec = QByteArrayLiteral("+") + headRef + ':' + trackingRef;
    char *specs[] = {refspec.data()};
    const git_strarray refspecs{specs, 1};

    git_fetch_options options;
    git_fetch_options_init(&options, GIT_FETCH_OPTIONS_VERSION);
    options.callbacks = makeCallbacks(&state);
    // FETCH_HEAD is rewritten by every fetch that reaches the remote: its time says how old the cached copy is
    // when a later fetch fails.
    options.update_fetchhead = 1;
    options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
    // A repository on a local path is read directly: while another process pushes into it, a pack it listed can
    // be renamed away before it is read ("could not find … to stat"). That is transient: read it again.
    const bool localPath = !url.contains(QLatin1String("://")) || url.startsWith(QLatin1String("file://"));
    for (int attempt = 1;; ++attempt) {
        const int rc = git_remote_fetch(remote.get(), &refspecs, &options, "fetch: gitops-desk");
        if (rc >= 0)
            break;
        if (!localPath || attempt == 4 || rc == GIT_EUSER || state.checkCancelled())
            return transferFailure(rc, state, url, Operation::Fetch, repo.path());
        std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    }

    Result<ObjectId> tip = listedBranchTip(remote.get(), url, branch);
    if (!tip && tip.error().code == Error::Code::NotFound) {
        // The remote has no such branch (an empty repository): forget a stale tracking ref from earlier fetches.
        git_reference_remove(repo.handle(), trackingRef.constData());
        git_error_clear();
    }
    return tip;
}

Result<ObjectId> remoteBranchTip(const QString &url, const QString &branch, const RemoteAuth &auth,
                                 const std::atomic_bool *cancelled)
{
    if (!validBranch(branch))
        return invalidBranchError(branch);
    ensureLibraryInitialised();
    TransferState state;
    state.auth = &auth;
    state.cancelled = cancelled;
    if (state.checkCancelled())
        return cancelledError(url);
    const QByteArray urlBytes = url.toUtf8();
    git_remote *rawRemote = nullptr;
    if (const int rc = git_remote_create_detached(&rawRemote, urlBytes.constData()); rc < 0)
        return gitError(rc, RemoteText::tr("\"%1\" is not a usable remote URL.").arg(displayUrl(url)),
                        Error::Code::InvalidInput, true);
    RemotePtr remote(rawRemote);
    const git_remote_callbacks callbacks = makeCallbacks(&state);
    if (const int rc = git_remote_connect(remote.get(), GIT_DIRECTION_FETCH, &callbacks, nullptr, nullptr); rc < 0)
        return transferFailure(rc, state, url, Operation::Fetch, {});
    return listedBranchTip(remote.get(), url, branch);
}

bool isHeldRefLock(const Error &rejection)
{
    return rejection.code == Error::Code::Rejected && rejection.detail.startsWith(kHeldRefLockDetail);
}

QString localPushLockPath(const QString &path)
{
    return QDir(path).filePath(QStringLiteral("gitops-desk-push.lock"));
}

Result<void> pushCommit(Repository &repo, const QString &url, const ObjectId &commit, const QString &branch,
                        const RemoteAuth &auth, const std::atomic_bool *cancelled,
                        const std::function<void(const QString &sentence)> &notice)
{
    if (!validBranch(branch))
        return invalidBranchError(branch);
    TransferState state;
    state.auth = &auth;
    state.cancelled = cancelled;
    if (state.checkCancelled())
        return cancelledError(url);

    const git_oid commitId = toOid(commit);
    {
        git_odb *rawOdb = nullptr;
        if (const int rc = git_repository_odb(&rawOdb, repo.handle()); rc < 0)
            return gitError(rc, RemoteText::tr("The local object database could not be opened."));
        OdbPtr odb(rawOdb);
        if (commit.isNull() || !git_odb_exists(odb.get(), &commitId))
            return makeError(Error::Code::InvalidInput,
                             RemoteText::tr("Commit %1 is not in the local copy, so it cannot be pushed.").arg(commit.shortHex()));
    }

    QString localPath;
    if (localPathOf(url, &localPath)) {
        const QString pushLockPath = localPushLockPath(localPath);
        Result<std::unique_ptr<QLockFile>> pushLock = lockProcessFile(
            pushLockPath, localPath, kPushLockLimit, {}, [&](const QString &holder) {
                return makeError(Error::Code::Timeout,
                                 RemoteText::tr("%1 is being pushed into by %2 for more than %3 seconds. Try again "
                                                "when it is done; if that process hangs, end it.")
                                     .arg(localPath, holder,
                                          QString::number(
                                              std::chrono::duration_cast<std::chrono::seconds>(kPushLockLimit).count())));
            });
        if (!pushLock)
            return pushLock.error();
        if (Result<void> pushed = localPush(repo.handle(), url, localPath, commit, branch, state, notice); !pushed)
            return pushed;
    } else {
        // The push source must be a reference: a temporary one, unique per commit, removed afterwards.
        const QByteArray sourceRef = QByteArrayLiteral("refs/gitops-desk/push/") + commit.toHex().toLatin1();
        git_reference *rawRef = nullptr;
        if (const int rc = git_reference_create(&rawRef, repo.handle(), sourceRef.constData(), &commitId, 1,
                                                nullptr);
            rc < 0)
            return gitError(rc, RemoteText::tr("The commit to push could not be prepared."));
        git_reference_free(rawRef);
        struct RemoveRef {
            git_repository *repo;
            const QByteArray &name;
            ~RemoveRef()
            {
                git_reference_remove(repo, name.constData());
                git_error_clear();
            }
        } removeSourceRef{repo.handle(), sourceRef};

        const QByteArray urlBytes = url.toUtf8();
        git_remote *rawRemote = nullptr;
        if (const int rc = git_remote_create_anonymous(&rawRemote, repo.handle(), urlBytes.constData()); rc < 0)
            return gitError(rc, RemoteText::tr("\"%1\" is not a usable remote URL.").arg(displayUrl(url)),
                            Error::Code::InvalidInput, true);
        RemotePtr remote(rawRemote);

        // No '+': never a forced update.
        QByteArray refspec = sourceRef + QByteArrayLiteral(":refs/heads/") + branch.toUtf8();
        char *specs[] = {refspec.data()};
        const git_strarray refspecs{specs, 1};
        git_push_options options;
        git_push_options_init(&options, GIT_PUSH_OPTIONS_VERSION);
        options.callbacks = makeCallbacks(&state);
        if (const int rc = git_remote_push(remote.get(), &refspecs, &options); rc < 0)
            return transferFailure(rc, state, url, Operation::Push, {});
        if (!state.refusals.isEmpty()) {
            const QString refused = state.refusals.join(QStringLiteral("; "));
            // git's receive-pack says "Unable to create '…/main.lock': File exists" when the ref's lock file is held
            // there (by another push, or left by a killed one): not the branch moving. The server's own git may free
            // it in a moment, so it stays Rejected (tried again), with a sentence that says what it is.
            static const QRegularExpression heldLock(QStringLiteral("Unable to create '([^']*\\.lock)'"));
            const QRegularExpressionMatch held = heldLock.match(state.serverText + refused);
            if (held.hasMatch()) {
                return makeError(Error::Code::Rejected,
                                 RemoteText::tr("%1 could not lock branch %2: its lock file %3 is held on the server. If "
                                                "this keeps happening, the server's administrator must check that no "
                                                "git process is running there and remove that file.")
                                     .arg(displayUrl(url), branch, held.captured(1)),
                                 kHeldRefLockDetail + refused + QLatin1Char('\n') + state.serverText.trimmed());
            }
            return rejectedError(url, branch, refused);
        }
    }

    // The local copy now knows what the remote branch holds.
    const QByteArray trackingRef = QByteArrayLiteral("refs/remotes/origin/") + branch.toUtf8();
    git_reference *rawTracking = nullptr;
    if (git_reference_create(&rawTracking, repo.handle(), trackingRef.constData(), &commitId, 1, nullptr) == 0)
        git_reference_free(rawTracking);
    else
        git_error_clear();
    return {};
}

} // namespace gd::git
