// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/commitinfo.h"
#include "git/filechanges.h"
#include "git/objectid.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

struct git_repository;

namespace gd::git {

/// One entry of a tree listing.
struct TreeEntry {
    QString name;
    bool isDirectory = false;
    ObjectId id;
    bool isLink = false;   ///< a symbolic link (its blob holds the target path)
};

/// Owns one libgit2 repository handle. Move-only; use it on one thread at a time (workers open their own).
/// Every function reads git objects directly: no working tree is ever touched.
class Repository {
public:
    Repository();
    ~Repository();
    Repository(Repository &&) noexcept;
    Repository &operator=(Repository &&) noexcept;
    Repository(const Repository &) = delete;
    Repository &operator=(const Repository &) = delete;

    /// Opens an existing repository (bare or not) at `path`.
    static Result<Repository> open(const QString &path);
    /// Creates an empty bare repository whose HEAD names `initialBranch`.
    static Result<Repository> initBare(const QString &path, const QString &initialBranch = QStringLiteral("main"));

    bool isValid() const { return m_repo != nullptr; }
    QString path() const;

    /// Resolves a reference or revision ("refs/heads/main", "refs/remotes/origin/main", a hex id) to a commit id.
    /// NotFound when it does not exist (an empty repository has no branch yet).
    Result<ObjectId> resolve(const QString &revision) const;

    /// The content of the file at `path` in `commit`'s tree. NotFound when there is none.
    Result<QByteArray> readFile(const ObjectId &commit, const QString &path) const;
    /// The same, but a file that is absent (or a null `commit`: an empty repository) is nullopt instead of an error.
    Result<std::optional<QByteArray>> readFileIfPresent(const ObjectId &commit, const QString &path) const;
    /// The entries directly below directory `path` ("" for the root), sorted by name. NotFound when absent.
    Result<std::vector<TreeEntry>> listDirectory(const ObjectId &commit, const QString &path) const;
    /// The id of the tree or blob at `path` in `commit` (a cheap change check). NotFound when absent.
    Result<ObjectId> entryId(const ObjectId &commit, const QString &path) const;
    /// Every file below directory `path` of `commit` ("" for the root) with its content, paths relative to `path`; a
    /// folder's own files (by name) come before those of its subfolders (by name). NotFound when `path` is absent,
    /// Cancelled when `cancelled` is set while reading. One blob read per file.
    Result<std::vector<std::pair<QString, QByteArray>>> readDirectory(const ObjectId &commit, const QString &path,
                                                                      const std::atomic_bool *cancelled = nullptr) const;
    /// Writes every file below `path` of `commit` into `targetDir` (created), keeping relative paths.
    Result<void> extractDirectory(const ObjectId &commit, const QString &path, const QString &targetDir) const;

    /// Builds a commit in memory: the tree of `parent` (or an empty tree when `parent` is null) with `changes`
    /// applied, written as a new commit whose parent is `parent`. Updates `updateRef` when it is not empty
    /// (only if it still points at `parent`). Fails with InvalidInput when `changes` changes nothing.
    Result<ObjectId> createCommit(const ObjectId &parent, const FileChanges &changes, const CommitMessage &message,
                                  const QString &updateRef = {});
    /// Sets reference `name` to `target`, creating it when missing.
    Result<void> setReference(const QString &name, const ObjectId &target);

    /// Reads one commit.
    Result<CommitInfo> commitInfo(const ObjectId &commit) const;

    /// The files a revert of `commit` makes on top of `onto` (in memory, like `git revert` without a working tree).
    /// Conflict with the conflicting paths in the detail when the revert does not apply cleanly; empty when the
    /// revert would change nothing (already undone). File modes are not carried (FileChanges has none).
    Result<FileChanges> revertChanges(const ObjectId &commit, const ObjectId &onto) const;

    /// The raw handle, for the other adapters of this folder only.
    git_repository *handle() const { return m_repo; }

private:
    explicit Repository(git_repository *repo);
    git_repository *m_repo = nullptr;
};

} // namespace gd::git
