// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/commitinfo.h"
#include "git/filechanges.h"
#include "git/repository.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>

namespace gd::test {

/// A bare git repository in its own temporary folder (removed with the object), for tests and benchmarks.
/// Commits are built in memory with gd::git::Repository on `branch`, so no working tree or `git` binary is needed.
/// Failures are reported as warnings (qWarning) and give a null id.
class ScratchRepo {
public:
    explicit ScratchRepo(const QString &branch = QStringLiteral("main"));

    bool isValid() const { return m_repo.isValid(); }
    /// The folder of the bare repository; also usable as a push/fetch URL.
    QString path() const { return m_path; }
    QString branch() const { return m_branch; }
    gd::git::Repository &repo() { return m_repo; }

    /// The branch tip, or a null id while the repository is empty.
    gd::git::ObjectId tip() const;

    /// Commits `files` (path → content; std::nullopt removes) on top of the branch tip and moves the branch.
    /// `author` is "Name <email>"; a null `when` means now.
    gd::git::ObjectId commit(const QMap<QString, std::optional<QByteArray>> &files, const QString &message,
                             const QString &author = QStringLiteral("Scratch Author <scratch@example.com>"),
                             const QDateTime &when = {});
    /// The same with a prepared FileChanges and full CommitMessage, on top of `parent` (the tip when null);
    /// moves the branch only when `moveBranch`.
    gd::git::ObjectId commitOn(const gd::git::ObjectId &parent, const gd::git::FileChanges &changes,
                               const gd::git::CommitMessage &message, bool moveBranch = true);
    /// A merge commit with parents (first, second) whose tree is first's tree plus `changes`; moves the branch.
    gd::git::ObjectId merge(const gd::git::ObjectId &first, const gd::git::ObjectId &second,
                            const gd::git::FileChanges &changes, const QString &message);

    /// The file at `path` of `commit` (the tip when null); an empty array when absent.
    QByteArray read(const QString &path, const gd::git::ObjectId &commit = {}) const;
    /// First-parent chain from the tip, newest first.
    QList<gd::git::ObjectId> firstParentChain() const;

    /// A signature from "Name <email>" and a time.
    static gd::git::Signature signature(const QString &author, const QDateTime &when = {});

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_branch;
    gd::git::Repository m_repo;
};

/// Runs `git` with `arguments` in `workDir`; returns stdout, or std::nullopt (with a warning) on failure or when it
/// takes longer than `timeoutMs`.
std::optional<QByteArray> runGit(const QStringList &arguments, const QString &workDir, int timeoutMs = 120000);

} // namespace gd::test
