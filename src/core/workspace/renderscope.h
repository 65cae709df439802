// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/filechanges.h"
#include "git/objectid.h"
#include "git/repository.h"
#include "util/result.h"
#include "manifest/kustomizerunner.h"
#include "workspace/overlaycheck.h"
#include "workspace/workspaceconfig.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace gd::ws {

// What a render may read (DESIGN.md §6): only files of the repository. Before kustomize runs, every file reference of
// the kustomizations a service environment builds is followed and judged in repository paths; what passes is copied
// into a scratch folder at its repository path, so that kustomize sees exactly what Argo CD's repo server would
// (including bases outside the environment folder), and nothing else of the machine.

/// How renders judge what an overlay references.
struct RenderPolicy {
    bool allowRemoteResources = false;            ///< workspace `kustomize: {allowRemoteResources: true}`
    qint64 maxFileBytes = 8 * 1024 * 1024;        ///< a larger file is refused (Kubernetes stores ≤ ~1.5 MB per object)
    int maxKustomizations = 500;                  ///< more kustomizations in one build are refused
};

/// The files of a repository as one render reads them: a commit's tree, or a working copy on disk, with changed files
/// laid over it. Paths are repository paths ("appsmanifests/orders/uat/manifests"). No link is ever followed. Keeps
/// a reference to the repository of a commit; one thread at a time.
class RenderFiles {
public:
    enum class Kind { Missing, File, Folder, Link };

    static RenderFiles fromCommit(const git::Repository &repo, const git::ObjectId &commit);
    /// The working copy or folder at `root` (its absolute path).
    static RenderFiles fromDisk(const QString &root);
    /// The same files with `changes` laid over them (written files replace or add, removed ones vanish).
    RenderFiles withChanges(const git::FileChanges &changes) const;

    /// What is at `path`; Link when `path` or a folder on the way to it is a symbolic link. Cheap (cached listings).
    Kind kind(const QString &path) const;
    /// The names directly below folder `path` ("" for the root), sorted; links and files alike.
    QStringList list(const QString &path) const;
    /// The content of file `path`. InvalidInput when it is larger than `maxBytes` (nothing more is read).
    Result<QByteArray> read(const QString &path, qint64 maxBytes) const;

    struct Base;

private:
    std::shared_ptr<Base> m_base;
    git::FileChanges m_changes;
};

/// A service environment folder copied for a render, and what the reference check found.
struct StagedRender {
    QString root;                    ///< the scratch copy of the repository (only what the render reads)
    QString folder;                  ///< the environment folder inside it: validate or build this
    std::vector<Finding> findings;   ///< errors refuse the render; files relative to the environment folder

    bool refused() const;
    /// The first error as "file:line: sentence" (the folder's repository path prefixed), for a one-line refusal.
    QString firstError(const QString &folderPath) const;
};

/// Checks every file reference of the kustomizations in repository folder `folder` (each kustomization file in it and,
/// transitively, every base, component, patch, generator file, CRD, replacement, openapi and helm path they name)
/// and, when nothing is refused, copies into `scratch` the whole folder and each referenced file or kustomization
/// outside it, at their repository paths. Refused, at file:line: an absolute path, a path that leads outside the
/// repository, a symbolic link, a remote resource (unless `policy` allows them), a file larger than the policy's
/// limit, a kustomization that includes itself. NotFound when `folder` is absent; Io when `scratch` is not writable.
/// Blocking (reads blobs or files).
Result<StagedRender> stageFolder(const RenderFiles &files, const QString &folder, const QString &scratch,
                                 const RenderPolicy &policy);

/// The nearest folder at or above `dir` that holds a .git (the repository a folder on disk belongs to); empty when
/// there is none. A few file look-ups.
QString repositoryRootOf(const QString &dir);

/// The kustomize runner for `config` (remote resources as the workspace allows them), the program found on PATH.
manifest::KustomizeRunner kustomizeRunnerFor(const WorkspaceConfig &config);

/// Whether `reference` (a kustomization entry that names no file or folder of the repository) is a remote resource
/// kustomize would fetch: a URL, `git::`/`git@`, `github.com/…`, or a host name followed by a path.
bool isRemoteReference(const QString &reference);

} // namespace gd::ws
