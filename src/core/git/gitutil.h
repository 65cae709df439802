// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private helpers of the git adapter (src/core/git only): RAII handles over libgit2 objects, one-time library
// initialisation, id conversion, and error capture. Nothing above this folder includes it.

#include "git/objectid.h"
#include "util/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFileInfo>
#include <QString>

#include <git2.h>

#include <memory>

namespace gd::git::detail {

/// Initialises libgit2 once per process (thread-safe) and sets the process-wide cache limits.
void ensureLibraryInitialised();

template<typename T, void (*Free)(T *)>
struct HandleDeleter {
    void operator()(T *handle) const
    {
        if (handle)
            Free(handle);
    }
};

template<typename T, void (*Free)(T *)>
using Handle = std::unique_ptr<T, HandleDeleter<T, Free>>;

using RepositoryPtr = Handle<git_repository, git_repository_free>;
using CommitPtr = Handle<git_commit, git_commit_free>;
using TreePtr = Handle<git_tree, git_tree_free>;
using TreeEntryPtr = Handle<git_tree_entry, git_tree_entry_free>;
using BlobPtr = Handle<git_blob, git_blob_free>;
using ObjectPtr = Handle<git_object, git_object_free>;
using ReferencePtr = Handle<git_reference, git_reference_free>;
using SignaturePtr = Handle<git_signature, git_signature_free>;
using IndexPtr = Handle<git_index, git_index_free>;
using DiffPtr = Handle<git_diff, git_diff_free>;
using RemotePtr = Handle<git_remote, git_remote_free>;
using OdbPtr = Handle<git_odb, git_odb_free>;
using OdbObjectPtr = Handle<git_odb_object, git_odb_object_free>;
using TreeBuilderPtr = Handle<git_treebuilder, git_treebuilder_free>;
using PackBuilderPtr = Handle<git_packbuilder, git_packbuilder_free>;
using RevwalkPtr = Handle<git_revwalk, git_revwalk_free>;
using IndexConflictIteratorPtr = Handle<git_index_conflict_iterator, git_index_conflict_iterator_free>;

inline git_oid toOid(const ObjectId &id)
{
    git_oid oid;
    git_oid_fromraw(&oid, id.data());
    return oid;
}

inline ObjectId fromOid(const git_oid *oid)
{
    return ObjectId(oid->id);
}

/// libgit2's last error of this thread as text. Call it right after the failing call: the error is per-thread
/// and the next libgit2 call may overwrite it.
QString lastErrorText(int rc);

/// Builds an Error from the failing call's return code, capturing libgit2's last error at once as the detail.
/// GIT_ENOTFOUND becomes NotFound unless `code` says otherwise explicitly via `keepCode`.
Error gitError(int rc, const QString &message, Error::Code code = Error::Code::Git, bool keepCode = false);

/// Checks a repository path given by a caller ("a/b/c.yaml"): relative, '/'-separated, no empty, "." or ".."
/// component, no ".git" component. Returns the UTF-8 bytes, or an empty array when invalid.
QByteArray checkedRepoPath(const QString &path);

/// Whether process `pid` of this machine is alive (when it cannot be told, it is assumed alive).
bool processAlive(qint64 pid);
/// How long ago `info` was last modified, in milliseconds (a time in the future counts as well).
qint64 ageMs(const QFileInfo &info);

/// Where to build the folder `target` before renaming it into place, so that a killed process never leaves a half-made
/// one there: "<target>.partial-<pid>-<uuid>" beside it.
QString partialFolderFor(const QString &target);
/// Removes the folders "*.partial-*" in `dir` that a killed process left: their process is gone (or, for names
/// without a pid, they are older than ten minutes). Blocking: one folder listing.
void removeAbandonedPartials(const QString &dir);

} // namespace gd::git::detail
