// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/repository.h"

#include "git/gitutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <utility>

namespace gd::git {

using namespace detail;

namespace {

// The translatable sentences of this file, in the "gd::git::Repository" context (lupdate reads the macro).
struct RepositoryText {
    Q_DECLARE_TR_FUNCTIONS(gd::git::Repository)
};

Result<CommitPtr> lookupCommit(git_repository *repo, const ObjectId &id)
{
    if (id.isNull())
        return makeError(Error::Code::InvalidInput, RepositoryText::tr("No commit was given."));
    const git_oid oid = toOid(id);
    git_commit *raw = nullptr;
    if (const int rc = git_commit_lookup(&raw, repo, &oid); rc < 0)
        return gitError(rc, RepositoryText::tr("The commit %1 is not in the local copy of the repository. Fetch again and retry.")
                                .arg(id.shortHex()));
    return CommitPtr(raw);
}

Result<TreePtr> commitTree(git_repository *repo, const ObjectId &id)
{
    Result<CommitPtr> commit = lookupCommit(repo, id);
    if (!commit)
        return commit.error();
    git_tree *raw = nullptr;
    if (const int rc = git_commit_tree(&raw, commit->get()); rc < 0)
        return gitError(rc, RepositoryText::tr("The files of commit %1 cannot be read.").arg(id.shortHex()));
    return TreePtr(raw);
}

// The tree at directory `path` of `commit` ("" is the root).
Result<TreePtr> directoryTree(git_repository *repo, const ObjectId &commit, const QString &path)
{
    Result<TreePtr> root = commitTree(repo, commit);
    if (!root || path.isEmpty())
        return root;
    const QByteArray utf8 = checkedRepoPath(path);
    if (utf8.isEmpty())
        return makeError(Error::Code::InvalidInput, RepositoryText::tr("The path \"%1\" is not a valid repository path.").arg(path));
    git_tree_entry *rawEntry = nullptr;
    if (const int rc = git_tree_entry_bypath(&rawEntry, root->get(), utf8.constData()); rc < 0)
        return gitError(rc, RepositoryText::tr("There is no folder %1 in commit %2.").arg(path, commit.shortHex()));
    TreeEntryPtr entry(rawEntry);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE)
        return makeError(Error::Code::InvalidInput, RepositoryText::tr("%1 in commit %2 is a file, not a folder.")
                                                        .arg(path, commit.shortHex()));
    git_tree *rawTree = nullptr;
    if (const int rc = git_tree_lookup(&rawTree, repo, git_tree_entry_id(entry.get())); rc < 0)
        return gitError(rc, RepositoryText::tr("The folder %1 of commit %2 cannot be read.").arg(path, commit.shortHex()));
    return TreePtr(rawTree);
}

Result<QByteArray> blobContent(git_repository *repo, const git_oid *id, const QString &pathForMessage)
{
    git_blob *raw = nullptr;
    if (const int rc = git_blob_lookup(&raw, repo, id); rc < 0)
        return gitError(rc, RepositoryText::tr("The content of %1 cannot be read.").arg(pathForMessage));
    BlobPtr blob(raw);
    return QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())),
                      static_cast<qsizetype>(git_blob_rawsize(blob.get())));
}

Result<SignaturePtr> makeSignature(const Signature &who, const char *role)
{
    const QByteArray name = who.name.toUtf8();
    const QByteArray email = who.email.toUtf8();
    git_signature *raw = nullptr;
    int rc = 0;
    if (who.when.isValid()) {
        rc = git_signature_new(&raw, name.constData(), email.constData(), who.when.toSecsSinceEpoch(),
                               who.when.offsetFromUtc() / 60);
    } else {
        rc = git_signature_now(&raw, name.constData(), email.constData());
    }
    if (rc < 0)
        return gitError(rc, RepositoryText::tr("The commit %1 \"%2 <%3>\" is not valid: a name is required and neither part "
                               "may contain angle brackets.")
                                .arg(QLatin1String(role), who.name, who.email),
                        Error::Code::InvalidInput, true);
    return SignaturePtr(raw);
}

Signature toSignature(const git_signature *sig)
{
    Signature out;
    out.name = QString::fromUtf8(sig->name);
    out.email = QString::fromUtf8(sig->email);
    out.when = QDateTime::fromSecsSinceEpoch(sig->when.time, QTimeZone(sig->when.offset * 60));
    return out;
}

Result<void> writeTreeToDisk(git_repository *repo, const git_tree *tree, const QString &targetDir,
                             const QString &repoPath)
{
    if (!QDir().mkpath(targetDir))
        return makeError(Error::Code::Io, RepositoryText::tr("The folder %1 cannot be created. Check the disk space and permissions.")
                                              .arg(targetDir));
    const size_t count = git_tree_entrycount(tree);
    for (size_t i = 0; i < count; ++i) {
        const git_tree_entry *entry = git_tree_entry_byindex(tree, i);
        const QString name = QString::fromUtf8(git_tree_entry_name(entry));
        if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String("..")
            || name.contains(QLatin1Char('/')) || name.compare(QLatin1String(".git"), Qt::CaseInsensitive) == 0)
            return makeError(Error::Code::InvalidInput,
                             RepositoryText::tr("The repository holds an unsafe file name below %1; nothing more was extracted.")
                                 .arg(repoPath.isEmpty() ? QStringLiteral("/") : repoPath),
                             name);
        const QString childRepoPath = repoPath.isEmpty() ? name : repoPath + QLatin1Char('/') + name;
        const QString childDiskPath = targetDir + QLatin1Char('/') + name;
        switch (git_tree_entry_type(entry)) {
        case GIT_OBJECT_TREE: {
            git_tree *rawSub = nullptr;
            if (const int rc = git_tree_lookup(&rawSub, repo, git_tree_entry_id(entry)); rc < 0)
                return gitError(rc, RepositoryText::tr("The folder %1 cannot be read.").arg(childRepoPath));
            TreePtr sub(rawSub);
            if (Result<void> r = writeTreeToDisk(repo, sub.get(), childDiskPath, childRepoPath); !r)
                return r;
            break;
        }
        case GIT_OBJECT_BLOB: {
            Result<QByteArray> content = blobContent(repo, git_tree_entry_id(entry), childRepoPath);
            if (!content)
                return content.error();
            QFile file(childDiskPath);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(*content) != content->size())
                return makeError(Error::Code::Io, RepositoryText::tr("The file %1 cannot be written. Check the disk space and "
                                                     "permissions.")
                                                      .arg(childDiskPath),
                                 file.errorString());
            break;
        }
        default:
            // Submodule links have no content in this repository.
            break;
        }
    }
    return {};
}

/// Appends every file below `tree` (the folder `root`/`relative` of `commit`) to `files`, paths relative to `root`:
/// the folder's own files by name, then each subfolder's, by name. One blob read per file.
Result<void> collectFiles(git_repository *repo, const git_tree *tree, const ObjectId &commit, const QString &root,
                          const QString &relative, std::vector<std::pair<QString, QByteArray>> &files,
                          const std::atomic_bool *cancelled)
{
    if (cancelled != nullptr && cancelled->load())
        return makeError(Error::Code::Cancelled, RepositoryText::tr("Reading the files was cancelled."));
    std::vector<const git_tree_entry *> entries;
    for (size_t i = 0, count = git_tree_entrycount(tree); i < count; ++i)
        entries.push_back(git_tree_entry_byindex(tree, i));
    // Git orders folders as if their name ended in '/'; plain name order here.
    std::sort(entries.begin(), entries.end(), [](const git_tree_entry *a, const git_tree_entry *b) {
        return QString::fromUtf8(git_tree_entry_name(a)) < QString::fromUtf8(git_tree_entry_name(b));
    });
    std::vector<std::pair<QString, const git_tree_entry *>> subfolders;
    for (const git_tree_entry *entry : entries) {
        const QString name = QString::fromUtf8(git_tree_entry_name(entry));
        const QString file = relative.isEmpty() ? name : relative + QLatin1Char('/') + name;
        const QString repoPath = root.isEmpty() ? file : root + QLatin1Char('/') + file;
        switch (git_tree_entry_type(entry)) {
        case GIT_OBJECT_TREE:
            subfolders.emplace_back(file, entry);
            break;
        case GIT_OBJECT_BLOB: {
            Result<QByteArray> content = blobContent(repo, git_tree_entry_id(entry), repoPath);
            if (!content)
                return content.error();
            files.emplace_back(file, std::move(*content));
            break;
        }
        default:
            return makeError(Error::Code::InvalidInput, RepositoryText::tr("%1 in commit %2 is a folder, not a file.")
                                                            .arg(repoPath, commit.shortHex()));
        }
    }
    for (const auto &[file, entry] : subfolders) {
        git_tree *rawSub = nullptr;
        const QString repoPath = root.isEmpty() ? file : root + QLatin1Char('/') + file;
        if (const int rc = git_tree_lookup(&rawSub, repo, git_tree_entry_id(entry)); rc < 0)
            return gitError(rc, RepositoryText::tr("The folder %1 of commit %2 cannot be read.")
                                    .arg(repoPath, commit.shortHex()));
        TreePtr sub(rawSub);
        if (Result<void> read = collectFiles(repo, sub.get(), commit, root, file, files, cancelled); !read)
            return read;
    }
    return {};
}

} // namespace

Repository::Repository() = default;

Repository::Repository(git_repository *repo) : m_repo(repo) {}

Repository::~Repository()
{
    if (m_repo)
        git_repository_free(m_repo);
}

Repository::Repository(Repository &&other) noexcept : m_repo(std::exchange(other.m_repo, nullptr)) {}

Repository &Repository::operator=(Repository &&other) noexcept
{
    if (this != &other) {
        if (m_repo)
            git_repository_free(m_repo);
        m_repo = std::exchange(other.m_repo, nullptr);
    }
    return *this;
}

Result<Repository> Repository::open(const QString &path)
{
    ensureLibraryInitialised();
    const QByteArray utf8 = QFile::encodeName(path);
    git_repository *raw = nullptr;
    if (const int rc = git_repository_open_ext(&raw, utf8.constData(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
        rc < 0)
        return gitError(rc, RepositoryText::tr("No git repository could be opened at %1.").arg(path));
    return Repository(raw);
}

Result<Repository> Repository::initBare(const QString &path, const QString &initialBranch)
{
    ensureLibraryInitialised();
    const QByteArray utf8 = QFile::encodeName(path);
    const QByteArray head = initialBranch.toUtf8();
    git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    opts.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_BARE;
    opts.initial_head = head.constData();
    git_repository *raw = nullptr;
    if (const int rc = git_repository_init_ext(&raw, utf8.constData(), &opts); rc < 0)
        return gitError(rc, RepositoryText::tr("A new repository could not be created at %1. Check the path and permissions.")
                                .arg(path),
                        Error::Code::Io, true);
    return Repository(raw);
}

QString Repository::path() const
{
    if (!m_repo)
        return {};
    return QDir::cleanPath(QFile::decodeName(git_repository_path(m_repo)));
}

Result<ObjectId> Repository::resolve(const QString &revision) const
{
    const QByteArray spec = revision.toUtf8();
    git_object *raw = nullptr;
    if (const int rc = git_revparse_single(&raw, m_repo, spec.constData()); rc < 0) {
        const Error::Code code = (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) ? Error::Code::NotFound
                                                                                  : Error::Code::InvalidInput;
        return gitError(rc, RepositoryText::tr("The revision %1 does not exist in the repository.").arg(revision), code, true);
    }
    ObjectPtr object(raw);
    git_object *rawCommit = nullptr;
    if (const int rc = git_object_peel(&rawCommit, object.get(), GIT_OBJECT_COMMIT); rc < 0)
        return gitError(rc, RepositoryText::tr("The revision %1 does not name a commit.").arg(revision), Error::Code::InvalidInput,
                        true);
    ObjectPtr commit(rawCommit);
    return fromOid(git_object_id(commit.get()));
}

Result<QByteArray> Repository::readFile(const ObjectId &commit, const QString &path) const
{
    const QByteArray utf8 = checkedRepoPath(path);
    if (utf8.isEmpty())
        return makeError(Error::Code::InvalidInput, RepositoryText::tr("The path \"%1\" is not a valid repository path.").arg(path));
    Result<TreePtr> root = commitTree(m_repo, commit);
    if (!root)
        return root.error();
    git_tree_entry *rawEntry = nullptr;
    if (const int rc = git_tree_entry_bypath(&rawEntry, root->get(), utf8.constData()); rc < 0)
        return gitError(rc, RepositoryText::tr("There is no file %1 in commit %2.").arg(path, commit.shortHex()));
    TreeEntryPtr entry(rawEntry);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB)
        return makeError(Error::Code::InvalidInput, RepositoryText::tr("%1 in commit %2 is a folder, not a file.")
                                                        .arg(path, commit.shortHex()));
    return blobContent(m_repo, git_tree_entry_id(entry.get()), path);
}

Result<std::optional<QByteArray>> Repository::readFileIfPresent(const ObjectId &commit, const QString &path) const
{
    if (commit.isNull())
        return std::optional<QByteArray>();
    auto content = readFile(commit, path);
    if (content.ok())
        return std::optional<QByteArray>(std::move(*content));
    if (content.error().code == Error::Code::NotFound)
        return std::optional<QByteArray>();
    return content.error();
}

Result<std::vector<TreeEntry>> Repository::listDirectory(const ObjectId &commit, const QString &path) const
{
    Result<TreePtr> tree = directoryTree(m_repo, commit, path);
    if (!tree)
        return tree.error();
    std::vector<TreeEntry> out;
    const size_t count = git_tree_entrycount(tree->get());
    out.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        const git_tree_entry *entry = git_tree_entry_byindex(tree->get(), i);
        out.push_back(TreeEntry{QString::fromUtf8(git_tree_entry_name(entry)),
                                git_tree_entry_type(entry) == GIT_OBJECT_TREE, fromOid(git_tree_entry_id(entry)),
                                git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK});
    }
    // Git orders folders as if their name ended in '/'; callers want plain name order.
    std::sort(out.begin(), out.end(), [](const TreeEntry &a, const TreeEntry &b) { return a.name < b.name; });
    return out;
}

Result<std::vector<std::pair<QString, QByteArray>>> Repository::readDirectory(const ObjectId &commit,
                                                                              const QString &path,
                                                                              const std::atomic_bool *cancelled) const
{
    Result<TreePtr> tree = directoryTree(m_repo, commit, path);
    if (!tree)
        return tree.error();
    std::vector<std::pair<QString, QByteArray>> files;
    if (Result<void> read = collectFiles(m_repo, tree->get(), commit, path, QString(), files, cancelled); !read)
        return read.error();
    return files;
}

Result<ObjectId> Repository::entryId(const ObjectId &commit, const QString &path) const
{
    Result<TreePtr> root = commitTree(m_repo, commit);
    if (!root)
        return root.error();
    if (path.isEmpty())
        return fromOid(git_tree_id(root->get()));
    const QByteArray utf8 = checkedRepoPath(path);
    if (utf8.isEmpty())
        return makeError(Error::Code::InvalidInput, RepositoryText::tr("The path \"%1\" is not a valid repository path.").arg(path));
    git_tree_entry *rawEntry = nullptr;
    if (const int rc = git_tree_entry_bypath(&rawEntry, root->get(), utf8.constData()); rc < 0)
        return gitError(rc, RepositoryText::tr("There is nothing at %1 in commit %2.").arg(path, commit.shortHex()));
    TreeEntryPtr entry(rawEntry);
    return fromOid(git_tree_entry_id(entry.get()));
}

Result<void> Repository::extractDirectory(const ObjectId &commit, const QString &path,
                                          const QString &targetDir) const
{
    Result<TreePtr> tree = directoryTree(m_repo, commit, path);
    if (!tree)
        return tree.error();
    return writeTreeToDisk(m_repo, tree->get(), targetDir, path);
}

Result<ObjectId> Repository::createCommit(const ObjectId &parent, const FileChanges &changes,
                                          const CommitMessage &message, const QString &updateRef)
{
    // The baseline: the parent's tree, or an empty tree for a root commit.
    CommitPtr parentCommit;
    TreePtr baseline;
    if (!parent.isNull()) {
        Result<CommitPtr> c = lookupCommit(m_repo, parent);
        if (!c)
            return c.error();
        parentCommit = std::move(*c);
        git_tree *raw = nullptr;
        if (const int rc = git_commit_tree(&raw, parentCommit.get()); rc < 0)
            return gitError(rc, RepositoryText::tr("The files of commit %1 cannot be read.").arg(parent.shortHex()));
        baseline.reset(raw);
    } else {
        git_treebuilder *rawBuilder = nullptr;
        git_oid emptyId;
        if (const int rc = git_treebuilder_new(&rawBuilder, m_repo, nullptr); rc < 0)
            return gitError(rc, RepositoryText::tr("An empty tree could not be prepared."));
        TreeBuilderPtr builder(rawBuilder);
        if (const int rc = git_treebuilder_write(&emptyId, builder.get()); rc < 0)
            return gitError(rc, RepositoryText::tr("An empty tree could not be written."));
        git_tree *raw = nullptr;
        if (const int rc = git_tree_lookup(&raw, m_repo, &emptyId); rc < 0)
            return gitError(rc, RepositoryText::tr("An empty tree could not be read back."));
        baseline.reset(raw);
    }

    // Blobs first; the path strings must outlive the update array.
    std::vector<QByteArray> paths;
    paths.reserve(static_cast<size_t>(changes.files.size()));
    std::vector<git_tree_update> updates;
    updates.reserve(static_cast<size_t>(changes.files.size()));
    for (auto it = changes.files.cbegin(); it != changes.files.cend(); ++it) {
        QByteArray utf8 = checkedRepoPath(it.key());
        if (utf8.isEmpty())
            return makeError(Error::Code::InvalidInput,
                             RepositoryText::tr("The path \"%1\" is not a valid repository path.").arg(it.key()));
        git_tree_update update{};
        if (it.value().has_value()) {
            const QByteArray &content = *it.value();
            if (const int rc = git_blob_create_from_buffer(&update.id, m_repo, content.constData(),
                                                           static_cast<size_t>(content.size()));
                rc < 0)
                return gitError(rc, RepositoryText::tr("The new content of %1 could not be stored.").arg(it.key()));
            update.action = GIT_TREE_UPDATE_UPSERT;
            update.filemode = GIT_FILEMODE_BLOB;
        } else {
            // Removing a file that is not there changes nothing; libgit2 would call it an error.
            git_tree_entry *rawEntry = nullptr;
            const int rc = git_tree_entry_bypath(&rawEntry, baseline.get(), utf8.constData());
            TreeEntryPtr entry(rawEntry);
            if (rc == GIT_ENOTFOUND)
                continue;
            if (rc < 0)
                return gitError(rc, RepositoryText::tr("The file %1 could not be looked up.").arg(it.key()));
            update.action = GIT_TREE_UPDATE_REMOVE;
        }
        paths.push_back(std::move(utf8));
        updates.push_back(update);
    }
    for (size_t i = 0; i < updates.size(); ++i)
        updates[i].path = paths[i].constData();

    git_oid treeId = *git_tree_id(baseline.get());
    if (!updates.empty()) {
        if (const int rc = git_tree_create_updated(&treeId, m_repo, baseline.get(), updates.size(), updates.data());
            rc < 0)
            return gitError(rc, RepositoryText::tr("The changed files could not be assembled into a commit (a file may stand "
                                   "where a folder is expected)."),
                            Error::Code::InvalidInput, true);
    }
    if (git_oid_equal(&treeId, git_tree_id(baseline.get())))
        return makeError(Error::Code::InvalidInput,
                         RepositoryText::tr("The change makes no difference to the files in Git, so there is nothing to commit."));

    git_tree *rawTree = nullptr;
    if (const int rc = git_tree_lookup(&rawTree, m_repo, &treeId); rc < 0)
        return gitError(rc, RepositoryText::tr("The new tree could not be read back."));
    TreePtr tree(rawTree);

    Result<SignaturePtr> author = makeSignature(message.author, "author");
    if (!author)
        return author.error();
    Result<SignaturePtr> committer = makeSignature(message.committer.name.isEmpty() ? message.author
                                                                                    : message.committer,
                                                   "committer");
    if (!committer)
        return committer.error();

    const QByteArray text = message.text.toUtf8();
    git_buf pretty = GIT_BUF_INIT;
    if (const int rc = git_message_prettify(&pretty, text.constData(), 0, '#'); rc < 0)
        return gitError(rc, RepositoryText::tr("The commit message could not be prepared."));
    const QByteArray prettyText(pretty.ptr, static_cast<qsizetype>(pretty.size));
    git_buf_dispose(&pretty);
    if (prettyText.trimmed().isEmpty())
        return makeError(Error::Code::InvalidInput, RepositoryText::tr("A commit needs a message."));

    const git_commit *parents[1] = {parentCommit.get()};
    git_oid commitId;
    if (const int rc = git_commit_create(&commitId, m_repo, nullptr, author->get(), committer->get(), nullptr,
                                         prettyText.constData(), tree.get(), parentCommit ? 1 : 0, parents);
        rc < 0)
        return gitError(rc, RepositoryText::tr("The commit could not be written."));

    if (!updateRef.isEmpty()) {
        const QByteArray refName = updateRef.toUtf8();
        const QByteArray logMessage = QByteArrayLiteral("commit: ") + prettyText.left(prettyText.indexOf('\n'));
        git_reference *rawRef = nullptr;
        int rc = 0;
        if (parent.isNull()) {
            rc = git_reference_create(&rawRef, m_repo, refName.constData(), &commitId, 0, logMessage.constData());
        } else {
            const git_oid expected = toOid(parent);
            rc = git_reference_create_matching(&rawRef, m_repo, refName.constData(), &commitId, 1, &expected,
                                               logMessage.constData());
        }
        ReferencePtr ref(rawRef);
        if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS || rc == GIT_ELOCKED || rc == GIT_ENOTFOUND)
            return gitError(rc, RepositoryText::tr("%1 moved while the commit was being made, so it was not updated. "
                                   "Reload and try again.")
                                    .arg(updateRef),
                            Error::Code::Rejected, true);
        if (rc < 0)
            return gitError(rc, RepositoryText::tr("%1 could not be updated to the new commit.").arg(updateRef));
    }
    return fromOid(&commitId);
}

Result<void> Repository::setReference(const QString &name, const ObjectId &target)
{
    const QByteArray refName = name.toUtf8();
    const git_oid oid = toOid(target);
    git_reference *raw = nullptr;
    const int rc = git_reference_create(&raw, m_repo, refName.constData(), &oid, 1, "gitops-desk: set reference");
    ReferencePtr ref(raw);
    if (rc < 0)
        return gitError(rc, RepositoryText::tr("The reference %1 could not be set to %2.").arg(name, target.shortHex()),
                        Error::Code::Git, true);
    return {};
}

Result<CommitInfo> Repository::commitInfo(const ObjectId &commit) const
{
    Result<CommitPtr> c = lookupCommit(m_repo, commit);
    if (!c)
        return c.error();
    git_commit *raw = c->get();
    CommitInfo info;
    info.id = commit;
    const unsigned int parentCount = git_commit_parentcount(raw);
    for (unsigned int i = 0; i < parentCount; ++i)
        info.parents.append(fromOid(git_commit_parent_id(raw, i)));
    const char *summary = git_commit_summary(raw);
    info.summary = summary ? QString::fromUtf8(summary) : QString();
    const char *text = git_commit_message(raw);
    info.message = text ? QString::fromUtf8(text) : QString();
    info.author = toSignature(git_commit_author(raw));
    info.committer = toSignature(git_commit_committer(raw));
    return info;
}

Result<FileChanges> Repository::revertChanges(const ObjectId &commit, const ObjectId &onto) const
{
    Result<CommitPtr> reverted = lookupCommit(m_repo, commit);
    if (!reverted)
        return reverted.error();
    Result<CommitPtr> base = lookupCommit(m_repo, onto);
    if (!base)
        return base.error();
    if (git_commit_parentcount(reverted->get()) == 0)
        return makeError(Error::Code::InvalidInput,
                         RepositoryText::tr("Commit %1 is the first commit of the repository and cannot be reverted.")
                             .arg(commit.shortHex()));

    git_merge_options mergeOptions;
    git_merge_options_init(&mergeOptions, GIT_MERGE_OPTIONS_VERSION);
    // A merge commit is reverted against its first parent, like `git revert -m 1`.
    const unsigned int mainline = git_commit_parentcount(reverted->get()) > 1 ? 1 : 0;
    git_index *rawIndex = nullptr;
    if (const int rc = git_revert_commit(&rawIndex, m_repo, reverted->get(), base->get(), mainline, &mergeOptions);
        rc < 0)
        return gitError(rc, RepositoryText::tr("Commit %1 could not be reverted.").arg(commit.shortHex()));
    IndexPtr index(rawIndex);

    if (git_index_has_conflicts(index.get())) {
        QStringList paths;
        git_index_conflict_iterator *rawIt = nullptr;
        if (git_index_conflict_iterator_new(&rawIt, index.get()) == 0) {
            IndexConflictIteratorPtr it(rawIt);
            const git_index_entry *ancestor = nullptr;
            const git_index_entry *ours = nullptr;
            const git_index_entry *theirs = nullptr;
            while (git_index_conflict_next(&ancestor, &ours, &theirs, it.get()) == 0) {
                const git_index_entry *any = ours ? ours : (theirs ? theirs : ancestor);
                if (any)
                    paths.append(QString::fromUtf8(any->path));
            }
        }
        paths.removeDuplicates();
        paths.sort();
        return makeError(Error::Code::Conflict,
                         RepositoryText::tr("Reverting commit %1 conflicts with later changes to the same lines, so it cannot be "
                            "undone automatically. Release the previous version forward instead.")
                             .arg(commit.shortHex()),
                         RepositoryText::tr("Conflicting files: %1").arg(paths.join(QStringLiteral(", "))));
    }

    git_oid resultTreeId;
    if (const int rc = git_index_write_tree_to(&resultTreeId, index.get(), m_repo); rc < 0)
        return gitError(rc, RepositoryText::tr("The result of reverting commit %1 could not be stored.").arg(commit.shortHex()));
    git_tree *rawResult = nullptr;
    if (const int rc = git_tree_lookup(&rawResult, m_repo, &resultTreeId); rc < 0)
        return gitError(rc, RepositoryText::tr("The result of reverting commit %1 could not be read.").arg(commit.shortHex()));
    TreePtr resultTree(rawResult);
    git_tree *rawBaseTree = nullptr;
    if (const int rc = git_commit_tree(&rawBaseTree, base->get()); rc < 0)
        return gitError(rc, RepositoryText::tr("The files of commit %1 cannot be read.").arg(onto.shortHex()));
    TreePtr baseTree(rawBaseTree);

    git_diff_options diffOptions;
    git_diff_options_init(&diffOptions, GIT_DIFF_OPTIONS_VERSION);
    git_diff *rawDiff = nullptr;
    if (const int rc = git_diff_tree_to_tree(&rawDiff, m_repo, baseTree.get(), resultTree.get(), &diffOptions);
        rc < 0)
        return gitError(rc, RepositoryText::tr("The files changed by the revert could not be listed."));
    DiffPtr diff(rawDiff);

    FileChanges changes;
    const size_t deltas = git_diff_num_deltas(diff.get());
    for (size_t i = 0; i < deltas; ++i) {
        const git_diff_delta *delta = git_diff_get_delta(diff.get(), i);
        if (delta->status == GIT_DELTA_DELETED) {
            changes.remove(QString::fromUtf8(delta->old_file.path));
            continue;
        }
        if (delta->new_file.mode == GIT_FILEMODE_COMMIT)
            continue;
        const QString path = QString::fromUtf8(delta->new_file.path);
        Result<QByteArray> content = blobContent(m_repo, &delta->new_file.id, path);
        if (!content)
            return content.error();
        changes.write(path, std::move(*content));
    }
    return changes;
}

} // namespace gd::git
