// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/scratchrepo.h"

#include <QProcess>
#include <QRegularExpression>
#include <QtDebug>

#include <git2.h>

using namespace Qt::Literals::StringLiterals;

namespace gd::test {

ScratchRepo::ScratchRepo(const QString &branch) : m_branch(branch)
{
    m_path = m_dir.filePath(u"repo.git"_s);
    auto created = gd::git::Repository::initBare(m_path, branch);
    if (!created) {
        qWarning("%s", qPrintable(u"ScratchRepo: "_s + created.error().fullText()));
        return;
    }
    m_repo = std::move(created).value();
}

gd::git::ObjectId ScratchRepo::tip() const
{
    auto resolved = m_repo.resolve(u"refs/heads/"_s + m_branch);
    return resolved ? *resolved : gd::git::ObjectId();
}

gd::git::Signature ScratchRepo::signature(const QString &author, const QDateTime &when)
{
    static const QRegularExpression pattern(u"^\\s*(.*?)\\s*<([^>]*)>\\s*$"_s);
    const auto match = pattern.match(author);
    gd::git::Signature sig;
    sig.name = match.hasMatch() ? match.captured(1) : author;
    sig.email = match.hasMatch() ? match.captured(2) : QString();
    sig.when = when;
    return sig;
}

gd::git::ObjectId ScratchRepo::commit(const QMap<QString, std::optional<QByteArray>> &files, const QString &message,
                                      const QString &author, const QDateTime &when)
{
    gd::git::FileChanges changes;
    changes.files = files;
    gd::git::CommitMessage msg{message, signature(author, when), {}};
    return commitOn({}, changes, msg, true);
}

gd::git::ObjectId ScratchRepo::commitOn(const gd::git::ObjectId &parent, const gd::git::FileChanges &changes,
                                        const gd::git::CommitMessage &message, bool moveBranch)
{
    const gd::git::ObjectId base = parent.isNull() ? tip() : parent;
    auto made = m_repo.createCommit(base, changes, message);
    if (!made) {
        qWarning("%s", qPrintable(u"ScratchRepo::commit: "_s + made.error().fullText()));
        return {};
    }
    if (moveBranch) {
        if (auto set = m_repo.setReference(u"refs/heads/"_s + m_branch, *made); !set) {
            qWarning("%s", qPrintable(u"ScratchRepo::commit: "_s + set.error().fullText()));
            return {};
        }
    }
    return *made;
}

gd::git::ObjectId ScratchRepo::merge(const gd::git::ObjectId &first, const gd::git::ObjectId &second,
                                     const gd::git::FileChanges &changes, const QString &message)
{
    // The merged tree: first's tree with the changes; then a commit with both parents, written with libgit2.
    gd::git::CommitMessage msg{message, signature(u"Scratch Merger <merge@example.com>"_s), {}};
    const gd::git::ObjectId treeCommit = commitOn(first, changes, msg, false);
    if (treeCommit.isNull())
        return {};
    git_repository *repo = m_repo.handle();
    git_oid ids[3];
    git_oid_fromraw(&ids[0], treeCommit.data());
    git_oid_fromraw(&ids[1], first.data());
    git_oid_fromraw(&ids[2], second.data());
    git_commit *treeSource = nullptr;
    git_commit *parents[2] = {nullptr, nullptr};
    git_tree *tree = nullptr;
    git_signature *sig = nullptr;
    git_oid mergeId;
    bool ok = git_commit_lookup(&treeSource, repo, &ids[0]) == 0 && git_commit_tree(&tree, treeSource) == 0
              && git_commit_lookup(&parents[0], repo, &ids[1]) == 0
              && git_commit_lookup(&parents[1], repo, &ids[2]) == 0
              && git_signature_now(&sig, "Scratch Merger", "merge@example.com") == 0;
    if (ok) {
        const QByteArray text = message.toUtf8() + '\n';
        const git_commit *constParents[2] = {parents[0], parents[1]};
        ok = git_commit_create(&mergeId, repo, nullptr, sig, sig, nullptr, text.constData(), tree, 2, constParents)
             == 0;
    }
    git_signature_free(sig);
    git_tree_free(tree);
    git_commit_free(parents[0]);
    git_commit_free(parents[1]);
    git_commit_free(treeSource);
    if (!ok) {
        const git_error *err = git_error_last();
        qWarning("%s", qPrintable(u"ScratchRepo::merge: "_s + QString::fromUtf8(err ? err->message : "unknown")));
        return {};
    }
    const gd::git::ObjectId merged(mergeId.id);
    if (auto set = m_repo.setReference(u"refs/heads/"_s + m_branch, merged); !set)
        return {};
    return merged;
}

QByteArray ScratchRepo::read(const QString &path, const gd::git::ObjectId &commit) const
{
    const gd::git::ObjectId at = commit.isNull() ? tip() : commit;
    auto content = m_repo.readFile(at, path);
    return content ? *content : QByteArray();
}

QList<gd::git::ObjectId> ScratchRepo::firstParentChain() const
{
    QList<gd::git::ObjectId> chain;
    gd::git::ObjectId at = tip();
    while (!at.isNull()) {
        chain.append(at);
        auto info = m_repo.commitInfo(at);
        if (!info || info->parents.isEmpty())
            break;
        at = info->parents.first();
    }
    return chain;
}

std::optional<QByteArray> runGit(const QStringList &arguments, const QString &workDir, int timeoutMs)
{
    QProcess git;
    git.setWorkingDirectory(workDir);
    git.start(u"git"_s, arguments);
    const bool finished = git.waitForFinished(timeoutMs);
    if (!finished) {
        git.kill();
        git.waitForFinished(5000);
    }
    if (!finished || git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0) {
        qWarning("%s", qPrintable(u"git "_s + arguments.join(u' ') + u" failed: "_s
                                  + QString::fromLocal8Bit(git.readAllStandardError())));
        return std::nullopt;
    }
    return git.readAllStandardOutput();
}

} // namespace gd::test
