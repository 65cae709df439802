// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/workingclone.h"

#include "git/gitutil.h"
#include "util/diskproblem.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSaveFile>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <utility>

namespace gd::git {

using namespace detail;

namespace {

// The translatable sentences of this file, in the "gd::git::WorkingClone" context (lupdate reads the macro).
struct WorkingCloneText {
    Q_DECLARE_TR_FUNCTIONS(gd::git::WorkingClone)
};

using ConfigPtr = Handle<git_config, git_config_free>;

/// One file of a git tree: its blob and whether it is a symbolic link (whose blob is the link's target).
struct TreeFile {
    git_oid id;
    bool isLink = false;

    bool sameAs(const TreeFile &other) const { return isLink == other.isLink && git_oid_equal(&id, &other.id); }
};

/// Repository path → file, sorted by path.
using TreeFiles = QMap<QString, TreeFile>;

Error invalidPathError(const QString &path)
{
    return makeError(Error::Code::InvalidInput,
                     WorkingCloneText::tr("The path \"%1\" is not a valid file path inside the repository. Use a relative "
                                          "path with '/' between folders, without \"..\" and outside .git.")
                         .arg(path));
}

bool validBranch(const QString &branch)
{
    const QByteArray name = QByteArrayLiteral("refs/heads/") + branch.toUtf8();
    int valid = 0;
    return !branch.isEmpty() && git_reference_name_is_valid(&valid, name.constData()) == 0 && valid;
}

/// The same remote: equal URLs (ignoring a trailing '/'), or two spellings of one local folder.
bool sameRemote(QString a, QString b)
{
    while (a.size() > 1 && a.endsWith(QLatin1Char('/')))
        a.chop(1);
    while (b.size() > 1 && b.endsWith(QLatin1Char('/')))
        b.chop(1);
    if (a == b)
        return true;
    const auto localPath = [](const QString &url) -> QString {
        if (url.startsWith(QLatin1String("file://")))
            return url.mid(7);
        return url.contains(QLatin1String("://")) ? QString() : url;
    };
    const QString pathA = localPath(a);
    const QString pathB = localPath(b);
    if (pathA.isEmpty() || pathB.isEmpty())
        return false;
    const QString canonicalA = QFileInfo(pathA).canonicalFilePath();
    return !canonicalA.isEmpty() && canonicalA == QFileInfo(pathB).canonicalFilePath();
}

struct WalkPayload {
    TreeFiles *out;
    QString prefix;
};

int collectTreeFile(const char *root, const git_tree_entry *entry, void *payload)
{
    auto *walk = static_cast<WalkPayload *>(payload);
    if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
        return 0; // folders are descended into; submodule links have no content here
    const QString path = walk->prefix + QString::fromUtf8(root) + QString::fromUtf8(git_tree_entry_name(entry));
    walk->out->insert(path, TreeFile{*git_tree_entry_id(entry), git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK});
    return 0;
}

/// The root tree of `commit`.
Result<TreePtr> commitTree(git_repository *repo, const ObjectId &commit)
{
    const git_oid oid = toOid(commit);
    git_commit *rawCommit = nullptr;
    if (const int rc = git_commit_lookup(&rawCommit, repo, &oid); rc < 0)
        return gitError(rc, WorkingCloneText::tr("The commit %1 is not in the working copy. Fetch again and retry.")
                                .arg(commit.shortHex()));
    CommitPtr commitHandle(rawCommit);
    git_tree *rawTree = nullptr;
    if (const int rc = git_commit_tree(&rawTree, commitHandle.get()); rc < 0)
        return gitError(rc, WorkingCloneText::tr("The files of commit %1 cannot be read.").arg(commit.shortHex()));
    return TreePtr(rawTree);
}

/// The files of `commit` below `under` ("" = all); empty for a null commit or when nothing is at `under`.
Result<TreeFiles> treeFiles(git_repository *repo, const ObjectId &commit, const QString &under)
{
    TreeFiles out;
    if (commit.isNull())
        return out;
    Result<TreePtr> rootTree = commitTree(repo, commit);
    if (!rootTree.ok())
        return rootTree.error();
    TreePtr root = std::move(*rootTree);
    TreePtr subtree;
    const git_tree *walked = root.get();
    if (!under.isEmpty()) {
        const QByteArray utf8 = under.toUtf8();
        git_tree_entry *rawEntry = nullptr;
        if (const int rc = git_tree_entry_bypath(&rawEntry, root.get(), utf8.constData()); rc == GIT_ENOTFOUND) {
            git_error_clear();
            return out;
        } else if (rc < 0) {
            return gitError(rc, WorkingCloneText::tr("The folder %1 of commit %2 cannot be read.").arg(under, commit.shortHex()));
        }
        TreeEntryPtr entry(rawEntry);
        if (git_tree_entry_type(entry.get()) == GIT_OBJECT_BLOB) {
            out.insert(under, TreeFile{*git_tree_entry_id(entry.get()),
                                       git_tree_entry_filemode(entry.get()) == GIT_FILEMODE_LINK});
            return out;
        }
        if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE)
            return out;
        git_tree *rawSub = nullptr;
        if (const int rc = git_tree_lookup(&rawSub, repo, git_tree_entry_id(entry.get())); rc < 0)
            return gitError(rc, WorkingCloneText::tr("The folder %1 of commit %2 cannot be read.").arg(under, commit.shortHex()));
        subtree.reset(rawSub);
        walked = subtree.get();
    }
    WalkPayload payload{&out, under.isEmpty() ? QString() : under + QLatin1Char('/')};
    if (const int rc = git_tree_walk(walked, GIT_TREEWALK_PRE, collectTreeFile, &payload); rc < 0)
        return gitError(rc, WorkingCloneText::tr("The files of commit %1 cannot be listed.").arg(commit.shortHex()));
    return out;
}

Result<QByteArray> blobBytes(git_repository *repo, const git_oid &id, const QString &path)
{
    git_blob *raw = nullptr;
    if (const int rc = git_blob_lookup(&raw, repo, &id); rc < 0)
        return gitError(rc, WorkingCloneText::tr("The committed content of %1 cannot be read.").arg(path));
    BlobPtr blob(raw);
    return QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())),
                      static_cast<qsizetype>(git_blob_rawsize(blob.get())));
}

Result<git_oid> blobIdOf(const QByteArray &bytes)
{
    git_oid id;
    if (const int rc = git_odb_hash(&id, bytes.constData(), static_cast<size_t>(bytes.size()), GIT_OBJECT_BLOB); rc < 0)
        return gitError(rc, WorkingCloneText::tr("A file could not be compared with the repository."));
    return id;
}

bool isGitFolderName(const QString &name)
{
    return name.compare(QLatin1String(".git"), Qt::CaseInsensitive) == 0;
}

/// The regular files on disk below `diskDir` (repository path `prefix`...), without .git; symbolic links are
/// collected apart in `links` (never followed).
void diskFiles(const QString &diskDir, const QString &prefix, QMap<QString, QString> *files, QSet<QString> *links)
{
    const QFileInfoList entries =
        QDir(diskDir).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    for (const QFileInfo &info : entries) {
        if (isGitFolderName(info.fileName()))
            continue;
        const QString path = prefix + info.fileName();
        if (info.isSymLink())
            links->insert(path);
        else if (info.isDir())
            diskFiles(info.filePath(), path + QLatin1Char('/'), files, links);
        else if (info.isFile())
            files->insert(path, info.filePath());
    }
}

Result<QByteArray> readDiskFile(const QString &diskPath, const QString &repoPath)
{
    QFile file(diskPath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io,
                         WorkingCloneText::tr("The draft file %1 cannot be read. Check its permissions.").arg(repoPath),
                         file.errorString());
    return file.readAll();
}

/// Refuses a path whose folders (or, for `checkLast`, the file itself) include a symbolic link on disk: writing
/// through it could land outside the working tree.
Result<void> checkNoLinkOnTheWay(const QString &root, const QString &repoPath, bool checkLast)
{
    const QStringList parts = repoPath.split(QLatin1Char('/'));
    QString disk = root;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        disk += QLatin1Char('/') + parts.at(i);
        if (i + 1 == parts.size() && !checkLast)
            break;
        const QFileInfo info(disk);
        if (info.isSymLink())
            return makeError(Error::Code::InvalidInput,
                             WorkingCloneText::tr("%1 leads through a symbolic link in the working copy; this tool does "
                                                  "not write through links. Replace the link with a real folder or file.")
                                 .arg(repoPath),
                             disk);
        if (!info.exists())
            break;
    }
    return {};
}

/// Removes the folders of `repoPath` that became empty, deepest first, never the root.
void pruneEmptyFolders(const QString &root, const QString &repoPath)
{
    QString folder = repoPath.section(QLatin1Char('/'), 0, -2);
    QDir rootDir(root);
    while (!folder.isEmpty()) {
        if (!rootDir.rmdir(folder))
            break; // not empty (or already gone with something else left): stop here
        folder = folder.section(QLatin1Char('/'), 0, -2);
    }
}

Result<void> writeDiskFile(const QString &root, const QString &repoPath, const QByteArray &content)
{
    if (Result<void> safe = checkNoLinkOnTheWay(root, repoPath, true); !safe)
        return safe;
    const QString diskPath = root + QLatin1Char('/') + repoPath;
    const QString folder = QFileInfo(diskPath).path();
    if (!QDir().mkpath(folder))
        return makeError(Error::Code::Io,
                         WorkingCloneText::tr("The folder for %1 cannot be created. Check the disk space and permissions, "
                                              "and that no file has the folder's name.")
                             .arg(repoPath),
                         folder);
    QSaveFile file(diskPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return makeError(Error::Code::Io,
                         WorkingCloneText::tr("The draft file %1 cannot be written. Check the disk space and permissions.")
                             .arg(repoPath),
                         file.errorString());
    return {};
}

Result<void> removeDiskFile(const QString &root, const QString &repoPath)
{
    if (Result<void> safe = checkNoLinkOnTheWay(root, repoPath, false); !safe)
        return safe;
    const QString diskPath = root + QLatin1Char('/') + repoPath;
    const QFileInfo info(diskPath);
    if (info.isDir() && !info.isSymLink())
        return makeError(Error::Code::InvalidInput,
                         WorkingCloneText::tr("%1 is a folder in the working copy, not a file.").arg(repoPath));
    if (info.exists() || info.isSymLink()) {
        QFile file(diskPath);
        if (!file.remove())
            return makeError(Error::Code::Io,
                             WorkingCloneText::tr("The draft file %1 cannot be removed. Check its permissions.").arg(repoPath),
                             file.errorString());
    }
    pruneEmptyFolders(root, repoPath);
    return {};
}

/// Every file below the folder `diskDir` (links and files alike), as repository paths below `prefix`.
QStringList everythingBelow(const QString &diskDir, const QString &prefix)
{
    QStringList out;
    const QFileInfoList entries =
        QDir(diskDir).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    for (const QFileInfo &info : entries) {
        const QString path = prefix + info.fileName();
        if (info.isDir() && !info.isSymLink())
            out += everythingBelow(info.filePath(), path + QLatin1Char('/'));
        else
            out.append(path);
    }
    return out;
}

Result<void> setConfig(git_repository *repo, const QString &where, const std::function<int(git_config *)> &set)
{
    git_config *raw = nullptr;
    if (const int rc = git_repository_config(&raw, repo); rc < 0)
        return gitError(rc, WorkingCloneText::tr("The settings of the working copy at %1 cannot be opened.").arg(where));
    ConfigPtr config(raw);
    if (const int rc = set(config.get()); rc < 0)
        return gitError(rc, WorkingCloneText::tr("The settings of the working copy at %1 cannot be written.").arg(where),
                        Error::Code::Io, true);
    return {};
}

/// Opens an existing clone at `root`, checks that it belongs to `url` with `branch` checked out, and repairs what a
/// killed creation leaves (no origin, HEAD on no branch yet, an unborn HEAD on another branch), noting each repair in
/// `repairs`. InvalidInput for what is someone's real work: another repository, a bare one, another branch in use.
/// NotFound (detail: why) when the folder's .git cannot be opened at all.
Result<Repository> openExisting(const QString &root, const QString &url, const QString &branch, QStringList *repairs)
{
    const auto notAClone = [&](const QString &detail) {
        return makeError(Error::Code::InvalidInput,
                         WorkingCloneText::tr("The folder %1 already holds something that is not a working copy of %2. "
                                              "Move it away or choose another folder.")
                             .arg(root, url),
                         detail);
    };
    Result<Repository> repo = Repository::open(root);
    if (!repo) {
        if (QFileInfo::exists(root + QStringLiteral("/.git")))
            return makeError(Error::Code::NotFound, repo.error().message, repo.error().detail);
        return notAClone(repo.error().detail);
    }
    git_repository *raw = repo->handle();
    const char *workdir = git_repository_workdir(raw);
    if (git_repository_is_bare(raw) || !workdir)
        return notAClone(QStringLiteral("a bare repository"));
    if (QFileInfo(QFile::decodeName(workdir)).canonicalFilePath() != QFileInfo(root).canonicalFilePath())
        return notAClone(QStringLiteral("the working tree is %1").arg(QFile::decodeName(workdir)));

    const QByteArray expected = QByteArrayLiteral("refs/heads/") + branch.toUtf8();
    // HEAD: a symbolic ref to the branch. A missing HEAD, or one on a branch with no commit yet, is a creation that
    // did not finish: point it at the branch.
    git_reference *rawHead = nullptr;
    const int headRc = git_reference_lookup(&rawHead, raw, "HEAD");
    ReferencePtr head(rawHead);
    const char *symbolic = headRc == 0 && git_reference_type(head.get()) == GIT_REFERENCE_SYMBOLIC
                               ? git_reference_symbolic_target(head.get())
                               : nullptr;
    if (headRc < 0 || (symbolic && expected != symbolic && git_repository_head_unborn(raw) == 1)) {
        git_error_clear();
        git_reference *rawNew = nullptr;
        if (const int rc = git_reference_symbolic_create(&rawNew, raw, "HEAD", expected.constData(), 1,
                                                         "gitops-desk: repair HEAD");
            rc < 0)
            return gitError(rc, WorkingCloneText::tr("The working copy at %1 has no usable HEAD, and it could not be "
                                                     "repaired. Remove the folder to clone again.")
                                    .arg(root),
                            Error::Code::Io, true);
        git_reference_free(rawNew);
        repairs->append(WorkingCloneText::tr("HEAD was put back on branch %1.").arg(branch));
    } else if (!symbolic || expected != symbolic) {
        return makeError(Error::Code::InvalidInput,
                         WorkingCloneText::tr("The working copy at %1 is not on branch %2. Switch it back to %2 with git, "
                                              "or remove the folder to clone again.")
                             .arg(root, branch),
                         symbolic ? QString::fromUtf8(symbolic) : QStringLiteral("detached HEAD"));
    }
    const bool unborn = git_repository_head_unborn(raw) == 1;

    // origin: the URL. Missing, or another one while nothing is checked out yet: a creation that did not finish.
    git_remote *rawRemote = nullptr;
    const int remoteRc = git_remote_lookup(&rawRemote, raw, "origin");
    RemotePtr remote(rawRemote);
    const char *originUrl = remoteRc == 0 ? git_remote_url(remote.get()) : nullptr;
    const QString origin = originUrl ? QString::fromUtf8(originUrl) : QString();
    if (remoteRc == 0 && !sameRemote(origin, url) && !unborn)
        return notAClone(QStringLiteral("origin is %1").arg(origin));
    if (remoteRc < 0 || !sameRemote(origin, url)) {
        git_error_clear();
        const QByteArray urlBytes = url.toUtf8();
        const int rc = remoteRc < 0 ? git_remote_create(&rawRemote, raw, "origin", urlBytes.constData())
                                    : git_remote_set_url(raw, "origin", urlBytes.constData());
        if (remoteRc < 0 && rc == 0)
            git_remote_free(rawRemote);
        if (rc < 0)
            return gitError(rc, WorkingCloneText::tr("The remote of the working copy at %1 could not be set to %2.")
                                    .arg(root, displayUrl(url)),
                            Error::Code::Io, true);
        repairs->append(WorkingCloneText::tr("Its remote origin was set to %1.").arg(displayUrl(url)));
    }
    return repo;
}

/// Makes the index of `repo` match its HEAD when it does not (missing, torn, or from a checkout that was killed), so
/// that `git status` in the folder shows exactly the files that differ from HEAD. True when it had to.
Result<bool> repairIndex(git_repository *repo, const QString &root)
{
    git_reference *rawHead = nullptr;
    if (git_repository_head(&rawHead, repo) < 0) {
        git_error_clear();
        return false; // unborn: nothing to match
    }
    ReferencePtr head(rawHead);
    git_object *rawTree = nullptr;
    if (const int rc = git_reference_peel(&rawTree, head.get(), GIT_OBJECT_TREE); rc < 0)
        return gitError(rc, WorkingCloneText::tr("The files of HEAD in the working copy at %1 cannot be read.").arg(root));
    ObjectPtr tree(rawTree);
    git_index *rawIndex = nullptr;
    if (const int rc = git_repository_index(&rawIndex, repo); rc < 0)
        return gitError(rc, WorkingCloneText::tr("The index of the working copy cannot be opened."));
    IndexPtr index(rawIndex);
    git_oid indexTree;
    if (git_index_write_tree(&indexTree, index.get()) == 0 && git_oid_equal(&indexTree, git_object_id(tree.get())))
        return false;
    git_error_clear();
    if (int rc = git_index_read_tree(index.get(), reinterpret_cast<git_tree *>(tree.get()));
        rc < 0 || (rc = git_index_write(index.get())) < 0)
        return gitError(rc, WorkingCloneText::tr("The index of the working copy could not be updated. Run `git status` in "
                                                 "%1 to check it.")
                                .arg(root),
                        Error::Code::Io, true);
    return true;
}

/// Whether `root` holds anything besides its .git folder.
bool holdsFiles(const QString &root)
{
    const QStringList entries =
        QDir(root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    return std::any_of(entries.cbegin(), entries.cend(), [](const QString &name) { return !isGitFolderName(name); });
}

/// Moves a working copy that cannot be repaired out of the way: beside it in "<root>.kept-<date>" when it holds files
/// (they may be the user's), else removes it. Returns the sentence saying what happened.
Result<QString> setAside(const QString &root)
{
    if (!holdsFiles(root)) {
        if (!QDir(root).removeRecursively())
            return makeError(Error::Code::Io,
                             WorkingCloneText::tr("The broken working copy at %1 could not be removed. Remove it by hand.")
                                 .arg(root));
        return WorkingCloneText::tr("It held no files of yours and was removed.");
    }
    QString kept = root + QStringLiteral(".kept-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    for (int n = 2; QFileInfo::exists(kept); ++n)
        kept = kept.section(QLatin1Char('~'), 0, 0) + QLatin1Char('~') + QString::number(n);
    if (!QDir().rename(root, kept))
        return makeError(Error::Code::Io,
                         WorkingCloneText::tr("The broken working copy at %1 could not be moved aside to %2. Move it away "
                                              "by hand.")
                             .arg(root, kept));
    return WorkingCloneText::tr("Its files were moved to %1: copy what you still need from there.").arg(kept);
}

} // namespace

WorkingClone::WorkingClone(Repository repo, QString dir, QString url, QString branch)
    : m_repo(std::move(repo)), m_dir(std::move(dir)), m_url(std::move(url)), m_branch(std::move(branch))
{
}

Result<WorkingClone> WorkingClone::openOrClone(const QString &dir, const QString &url, const QString &branch,
                                               const RemoteAuth &auth, const std::atomic_bool *cancelled)
{
    ensureLibraryInitialised();
    if (!validBranch(branch))
        return makeError(Error::Code::InvalidInput, WorkingCloneText::tr("\"%1\" is not a valid branch name.").arg(branch));
    if (url.isEmpty() || dir.isEmpty())
        return makeError(Error::Code::InvalidInput,
                         WorkingCloneText::tr("A working copy needs both a folder and a repository URL."));
    const QString root = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    const QFileInfo rootInfo(root);
    if (rootInfo.exists() && !rootInfo.isDir())
        return makeError(Error::Code::InvalidInput,
                         WorkingCloneText::tr("%1 is a file, so no working copy can be made there. Move it away or choose "
                                              "another folder.")
                             .arg(root));
    removeAbandonedPartials(rootInfo.path());
    if (!rootInfo.exists() || QDir(root).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return cloneInto(root, url, branch, auth, cancelled, {});

    QStringList repairs;
    Result<Repository> repo = openExisting(root, url, branch, &repairs);
    if (!repo && repo.error().code == Error::Code::NotFound) {
        // The folder's .git is broken beyond repair: start again, keeping any files aside.
        Result<QString> aside = setAside(root);
        if (!aside)
            return aside.error();
        return cloneInto(root, url, branch, auth, cancelled,
                         {WorkingCloneText::tr("The working copy at %1 was broken (%2) and was made again.")
                              .arg(root, repo.error().detail),
                          *aside});
    }
    if (!repo)
        return repo.error();
    WorkingClone clone(std::move(*repo), root, url, branch);
    if (clone.head().isNull()) {
        // Nothing checked out: an empty remote, or a creation that was killed before its checkout finished.
        Result<ObjectId> tip = clone.fetch(auth, cancelled);
        if (!tip && tip.error().code != Error::Code::NotFound)
            return makeError(tip.error().code,
                             WorkingCloneText::tr("The working copy at %1 was never finished (no commit is checked out), "
                                                  "and %2 could not be fetched to finish it. %3")
                                 .arg(root, displayUrl(url), tip.error().message),
                             tip.error().detail);
        if (tip) {
            Result<void> checkedOut = clone.updateTo(*tip);
            if (!checkedOut && checkedOut.error().code != Error::Code::Conflict)
                return checkedOut.error();
            if (!checkedOut) {
                // Files in the way hold other content than the commit: they may be the user's. Keep them aside.
                clone = WorkingClone(Repository(), root, url, branch);
                Result<QString> aside = setAside(root);
                if (!aside)
                    return aside.error();
                return cloneInto(root, url, branch, auth, cancelled,
                                 {WorkingCloneText::tr("The working copy at %1 was never finished and held files that "
                                                       "differ from %2; it was made again.")
                                      .arg(root, tip->shortHex()),
                                  *aside});
            }
            repairs.append(WorkingCloneText::tr("It had no commit checked out; commit %1 of %2 now is.")
                               .arg(tip->shortHex(), branch));
        }
    }
    Result<bool> indexRepaired = repairIndex(clone.m_repo.handle(), root);
    if (!indexRepaired)
        return indexRepaired.error();
    if (*indexRepaired)
        repairs.append(WorkingCloneText::tr("Its index did not match HEAD and was rebuilt; your changed files were kept."));
    if (!repairs.isEmpty())
        repairs.prepend(WorkingCloneText::tr("The working copy at %1 was left unfinished and was repaired.").arg(root));
    clone.m_repairs = std::move(repairs);
    return clone;
}

Result<WorkingClone> WorkingClone::cloneInto(const QString &root, const QString &url, const QString &branch,
                                             const RemoteAuth &auth, const std::atomic_bool *cancelled,
                                             QStringList repairs)
{
    // A new clone: initialise, fetch the branch, then check it out with the same code that updates later, all in a
    // folder beside `root` that is renamed into place at the end, so that a killed process never leaves a half-made
    // working copy at `root` (abandoned ones are removed by the next open).
    const QString partial = partialFolderFor(root);
    const auto undo = [&](Error error) {
        QDir(partial).removeRecursively();
        return error;
    };
    const QByteArray partialBytes = QFile::encodeName(partial);
    const QByteArray urlBytes = url.toUtf8();
    const QByteArray headBytes = branch.toUtf8();
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
    options.initial_head = headBytes.constData();
    options.origin_url = urlBytes.constData();
    git_repository *rawRepo = nullptr;
    if (const int rc = git_repository_init_ext(&rawRepo, partialBytes.constData(), &options); rc < 0) {
        Error error = gitError(rc, WorkingCloneText::tr("A working copy could not be created at %1. Check the path and "
                                                        "permissions.")
                                       .arg(root),
                               Error::Code::Io, true);
        if (std::optional<Error> problem = osErrorProblem(error.detail, QFileInfo(root).path()))
            error = *problem;
        return undo(error);
    }
    {
        RepositoryPtr initialised(rawRepo);
        // Bytes only, as changes() compares them: no executable-bit or line-ending differences in `git status`.
        // The upstream lets a user run `git status` / `git pull` in the folder as in any clone.
        const QByteArray branchSection = QByteArrayLiteral("branch.") + headBytes;
        const QByteArray remoteKey = branchSection + QByteArrayLiteral(".remote");
        const QByteArray mergeKey = branchSection + QByteArrayLiteral(".merge");
        const QByteArray mergeRef = QByteArrayLiteral("refs/heads/") + headBytes;
        Result<void> configured = setConfig(initialised.get(), root, [&](git_config *config) {
            int rc = git_config_set_bool(config, "core.filemode", 0);
            if (rc == 0)
                rc = git_config_set_bool(config, "core.autocrlf", 0);
            if (rc == 0)
                rc = git_config_set_string(config, remoteKey.constData(), "origin");
            if (rc == 0)
                rc = git_config_set_string(config, mergeKey.constData(), mergeRef.constData());
            return rc;
        });
        if (!configured)
            return undo(configured.error());
    }
    {
        Result<Repository> repo = Repository::open(partial);
        if (!repo)
            return undo(repo.error());
        WorkingClone building(std::move(*repo), partial, url, branch);
        Result<ObjectId> tip = building.fetch(auth, cancelled);
        if (!tip && tip.error().code != Error::Code::NotFound)
            return undo(tip.error()); // (NotFound: an empty remote; HEAD stays unborn until the first commit)
        if (tip) {
            if (Result<void> checkedOut = building.updateTo(*tip); !checkedOut)
                return undo(checkedOut.error());
        }
    } // closes the repository before its folder moves
    // rename() does not replace a folder, even an empty one: an empty `root` the caller made goes first.
    if (QFileInfo(root).isDir())
        QDir().rmdir(root);
    if (!QDir().rename(partial, root))
        return undo(makeError(Error::Code::Io,
                              WorkingCloneText::tr("The new working copy could not be moved into place at %1.").arg(root),
                              partial));
    Result<Repository> repo = Repository::open(root);
    if (!repo)
        return repo.error();
    WorkingClone clone(std::move(*repo), root, url, branch);
    clone.m_repairs = std::move(repairs);
    return clone;
}

ObjectId WorkingClone::head() const
{
    git_oid id;
    if (git_reference_name_to_id(&id, m_repo.handle(), "HEAD") < 0) {
        git_error_clear(); // unborn: an empty repository
        return {};
    }
    return fromOid(&id);
}

QString WorkingClone::filePath(const QString &repoPath) const
{
    if (checkedRepoPath(repoPath).isEmpty())
        return {};
    return m_dir + QLatin1Char('/') + repoPath;
}

Result<QByteArray> WorkingClone::readWorkingFile(const QString &repoPath) const
{
    const QString diskPath = filePath(repoPath);
    if (diskPath.isEmpty())
        return invalidPathError(repoPath);
    const QFileInfo info(diskPath);
    if (!info.exists() || !info.isFile())
        return makeError(Error::Code::NotFound, WorkingCloneText::tr("There is no draft file %1.").arg(repoPath));
    return readDiskFile(diskPath, repoPath);
}

Result<void> WorkingClone::writeWorkingFile(const QString &repoPath, const QByteArray &content)
{
    if (checkedRepoPath(repoPath).isEmpty())
        return invalidPathError(repoPath);
    return writeDiskFile(m_dir, repoPath, content);
}

Result<void> WorkingClone::removeWorkingFile(const QString &repoPath)
{
    if (checkedRepoPath(repoPath).isEmpty())
        return invalidPathError(repoPath);
    return removeDiskFile(m_dir, repoPath);
}

Result<std::vector<WorkingChange>> WorkingClone::changes(const QString &under) const
{
    QString folder = under;
    while (folder.endsWith(QLatin1Char('/')))
        folder.chop(1);
    if (!folder.isEmpty() && checkedRepoPath(folder).isEmpty())
        return invalidPathError(under);

    git_repository *repo = m_repo.handle();
    Result<TreeFiles> committed = treeFiles(repo, head(), folder);
    if (!committed)
        return committed.error();

    QMap<QString, QString> onDisk;
    QSet<QString> links;
    const QString diskRoot = folder.isEmpty() ? m_dir : m_dir + QLatin1Char('/') + folder;
    const QFileInfo rootInfo(diskRoot);
    if (!folder.isEmpty() && rootInfo.isSymLink())
        links.insert(folder); // (the clone's own folder may well be reached through a link)
    else if (rootInfo.isDir())
        diskFiles(diskRoot, folder.isEmpty() ? QString() : folder + QLatin1Char('/'), &onDisk, &links);
    else if (rootInfo.isFile())
        onDisk.insert(folder, diskRoot);

    QStringList paths = committed->keys() + onDisk.keys();
    paths.sort();
    paths.removeDuplicates();

    std::vector<WorkingChange> out;
    for (const QString &path : std::as_const(paths)) {
        const auto inTree = committed->constFind(path);
        const bool tracked = inTree != committed->cend();
        // Symbolic links are git's business: neither side of a link is compared here.
        if (links.contains(path) || (tracked && inTree->isLink))
            continue;
        std::optional<QByteArray> work;
        if (const auto disk = onDisk.constFind(path); disk != onDisk.cend()) {
            Result<QByteArray> bytes = readDiskFile(*disk, path);
            if (!bytes)
                return bytes.error();
            work = std::move(*bytes);
        }
        if (work && tracked) {
            Result<git_oid> id = blobIdOf(*work);
            if (!id)
                return id.error();
            if (git_oid_equal(&*id, &inTree->id))
                continue;
        }
        if (work && !tracked) {
            int ignored = 0;
            const QByteArray utf8 = path.toUtf8();
            if (git_ignore_path_is_ignored(&ignored, repo, utf8.constData()) < 0)
                git_error_clear();
            if (ignored)
                continue;
        }
        WorkingChange change{path, std::nullopt, std::move(work)};
        if (tracked) {
            Result<QByteArray> base = blobBytes(repo, inTree->id, path);
            if (!base)
                return base.error();
            change.base = std::move(*base);
        }
        out.push_back(std::move(change));
    }
    return out;
}

Result<ObjectId> WorkingClone::fetch(const RemoteAuth &auth, const std::atomic_bool *cancelled)
{
    return fetchBranch(m_repo, m_url, m_branch, auth, cancelled);
}

Result<void> WorkingClone::updateTo(const ObjectId &target)
{
    if (target.isNull())
        return makeError(Error::Code::InvalidInput, WorkingCloneText::tr("No commit was given to update the working copy to."));
    git_repository *repo = m_repo.handle();
    const ObjectId current = head();
    Result<TreeFiles> before = treeFiles(repo, current, {});
    if (!before)
        return before.error();
    Result<TreeFiles> after = treeFiles(repo, target, {});
    if (!after)
        return after.error();
    Result<std::vector<WorkingChange>> local = changes();
    if (!local)
        return local.error();
    QMap<QString, const WorkingChange *> localByPath;
    for (const WorkingChange &change : *local)
        localByPath.insert(change.path, &change);

    // The plan: what target changes compared with HEAD, minus what the user changed (kept or conflicting).
    QStringList paths = before->keys() + after->keys();
    paths.sort();
    paths.removeDuplicates();
    QStringList toWrite;
    QSet<QString> toRemove;
    QStringList conflicts;
    for (const QString &path : std::as_const(paths)) {
        const auto was = before->constFind(path);
        const auto will = after->constFind(path);
        const bool hadIt = was != before->cend();
        const bool getsIt = will != after->cend();
        if (hadIt && getsIt && was->sameAs(*will))
            continue;
        if (checkedRepoPath(path).isEmpty())
            return makeError(Error::Code::InvalidInput,
                             WorkingCloneText::tr("Commit %1 holds a file name that is not safe to write; the working copy "
                                                  "was left as it was.")
                                 .arg(target.shortHex()),
                             path);
        if ((hadIt && was->isLink) || (getsIt && will->isLink))
            continue; // links are left to git (see the class comment)
        if (const auto mine = localByPath.constFind(path); mine != localByPath.cend()) {
            const std::optional<QByteArray> &work = (*mine)->work;
            bool same = !work && !getsIt;
            if (work && getsIt) {
                Result<git_oid> id = blobIdOf(*work);
                if (!id)
                    return id.error();
                same = git_oid_equal(&*id, &will->id);
            }
            if (!same)
                conflicts.append(path);
            continue;
        }
        const QFileInfo disk(m_dir + QLatin1Char('/') + path);
        if (getsIt) {
            // A file on disk that HEAD does not have and changes() did not report (ignored, or a link) stays
            // unless it already holds target's content.
            if (!hadIt && (disk.isSymLink() || disk.isFile())) {
                bool same = false;
                if (!disk.isSymLink()) {
                    Result<QByteArray> bytes = readDiskFile(disk.filePath(), path);
                    if (!bytes)
                        return bytes.error();
                    Result<git_oid> id = blobIdOf(*bytes);
                    if (!id)
                        return id.error();
                    same = git_oid_equal(&*id, &will->id);
                }
                if (!same)
                    conflicts.append(path);
                continue;
            }
            toWrite.append(path);
        } else {
            toRemove.insert(path);
        }
    }

    // Files of target that a local file or folder would stand in the way of.
    for (const QString &path : std::as_const(toWrite)) {
        const QStringList parts = path.split(QLatin1Char('/'));
        QString prefix;
        bool blocked = false;
        for (qsizetype i = 0; i + 1 < parts.size() && !blocked; ++i) {
            prefix += (i ? QStringLiteral("/") : QString()) + parts.at(i);
            const QFileInfo folder(m_dir + QLatin1Char('/') + prefix);
            if ((folder.isSymLink() || (folder.exists() && !folder.isDir())) && !toRemove.contains(prefix))
                blocked = true;
        }
        const QFileInfo disk(m_dir + QLatin1Char('/') + path);
        if (!blocked && disk.isDir() && !disk.isSymLink()) {
            const QStringList inside = everythingBelow(disk.filePath(), path + QLatin1Char('/'));
            blocked = std::any_of(inside.cbegin(), inside.cend(),
                                  [&](const QString &p) { return !toRemove.contains(p); });
        }
        if (blocked)
            conflicts.append(path);
    }
    if (!conflicts.isEmpty()) {
        conflicts.sort();
        conflicts.removeDuplicates();
        return makeError(Error::Code::Conflict,
                         WorkingCloneText::tr("%n draft file(s) you changed were also changed in Git meanwhile (commit %1). "
                                              "Nothing was updated. Save your version elsewhere and discard it, then "
                                              "update again.",
                                              nullptr, static_cast<int>(conflicts.size()))
                             .arg(target.shortHex()),
                         conflicts.join(QLatin1Char('\n')));
    }

    // Removals first, so that a folder replacing a file (or the reverse) finds its place free.
    QStringList removals(toRemove.cbegin(), toRemove.cend());
    removals.sort();
    for (const QString &path : std::as_const(removals)) {
        if (Result<void> removed = removeDiskFile(m_dir, path); !removed)
            return removed;
    }
    for (const QString &path : std::as_const(toWrite)) {
        const TreeFile &file = after->value(path);
        Result<QByteArray> content = blobBytes(repo, file.id, path);
        if (!content)
            return content.error();
        if (Result<void> written = writeDiskFile(m_dir, path, *content); !written)
            return written;
    }

    // Only now HEAD, the branch and the index follow; a failure above leaves HEAD where it was, and a second run
    // finds the written files equal to target and completes.
    const QByteArray refName = QByteArrayLiteral("refs/heads/") + m_branch.toUtf8();
    const QByteArray logMessage = QByteArrayLiteral("gitops-desk: update to ") + target.toHex().toLatin1();
    const git_oid targetOid = toOid(target);
    git_reference *rawRef = nullptr;
    if (const int rc = git_reference_create(&rawRef, repo, refName.constData(), &targetOid, 1, logMessage.constData());
        rc < 0)
        return gitError(rc, WorkingCloneText::tr("The branch %1 of the working copy could not be moved to commit %2.")
                                .arg(m_branch, target.shortHex()));
    git_reference_free(rawRef);
    if (const int rc = git_repository_set_head(repo, refName.constData()); rc < 0)
        return gitError(rc, WorkingCloneText::tr("The working copy could not be switched to branch %1.").arg(m_branch));

    Result<TreePtr> targetTree = commitTree(repo, target);
    if (!targetTree.ok())
        return targetTree.error();
    TreePtr tree = std::move(*targetTree);
    git_index *rawIndex = nullptr;
    if (const int rc = git_repository_index(&rawIndex, repo); rc < 0)
        return gitError(rc, WorkingCloneText::tr("The index of the working copy cannot be opened."));
    IndexPtr index(rawIndex);
    // read_tree keeps the file status of entries whose content did not change, so `git status` stays quick.
    if (int rc = git_index_read_tree(index.get(), tree.get()); rc < 0 || (rc = git_index_write(index.get())) < 0)
        return gitError(rc, WorkingCloneText::tr("The index of the working copy could not be updated. Run `git status` in "
                                                 "%1 to check it.")
                                .arg(m_dir),
                        Error::Code::Io, true);
    return {};
}

Result<void> WorkingClone::discard(const QString &repoPath)
{
    if (checkedRepoPath(repoPath).isEmpty())
        return invalidPathError(repoPath);
    const ObjectId base = head();
    if (base.isNull())
        return removeDiskFile(m_dir, repoPath);
    Result<QByteArray> committed = m_repo.readFile(base, repoPath);
    if (!committed) {
        if (committed.error().code == Error::Code::NotFound)
            return removeDiskFile(m_dir, repoPath);
        return committed.error();
    }
    return writeDiskFile(m_dir, repoPath, *committed);
}

} // namespace gd::git
