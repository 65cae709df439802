// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/overlayedit.h"

#include "manifest/kustomization.h"
#include "manifest/manifestcheck.h"
#include "util/names.h"
#include "workspace/appdirs.h"
#include "workspace/release.h"
#include "workspace/renderscope.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::OverlayEdit" context (lupdate reads the macro).
struct OverlayEditText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::OverlayEdit)
};

/// Sort key that puts a folder's own files before those of its subfolders.
QString sortKey(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(u'/');
    return slash < 0 ? u"0/"_s + relativePath : u"1/"_s + relativePath;
}

} // namespace

Result<git::WorkingClone> openWorkingClone(const WorkspaceConfig &config, const RepoProvider &provider,
                                           const QString &project, const std::atomic_bool *cancelled)
{
    if (auto name = checkDnsLabel(project, NameKind::Project); !name.ok())
        return name.error();
    return git::WorkingClone::openOrClone(workingCloneDir(config.name, project), provider.repoUrl(project),
                                          config.branch, provider.remoteAuth(), cancelled);
}

Result<QStringList> workingFiles(const git::WorkingClone &clone, const QString &service, const QString &env)
{
    const QString folder = clone.filePath(ServiceEnvPaths::folder(service, env));
    if (!QFileInfo(folder).isDir()) {
        return makeError(Error::Code::NotFound,
                         OverlayEditText::tr("The working copy has no folder for %1 in %2.").arg(service, env));
    }
    const QDir root(folder);
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(root.relativeFilePath(it.next()));
    std::sort(files.begin(), files.end(),
              [](const QString &a, const QString &b) { return sortKey(a) < sortKey(b); });
    return files;
}

manifest::Diagnostics checkDraft(const QString &folder, const QString &file, const QByteArray &content)
{
    const QFileInfo info(QDir(folder).absoluteFilePath(file));
    const QDir fileDir = info.absoluteDir();
    std::optional<manifest::Kustomization> sibling;
    const QString siblingName = u"kustomization.yaml"_s;
    if (info.fileName() == siblingName) {
        if (auto parsed = manifest::Kustomization::parse(content); parsed.ok())
            sibling = std::move(*parsed);
    } else if (QFile f(fileDir.absoluteFilePath(siblingName)); f.open(QIODevice::ReadOnly)) {
        if (auto parsed = manifest::Kustomization::parse(f.readAll()); parsed.ok())
            sibling = std::move(*parsed);
    }
    const manifest::ManifestRole role = roleInServiceEnv(file, sibling ? &*sibling : nullptr);
    return manifest::checkManifest(content, role, [&fileDir](const QString &relativePath) {
        return QFileInfo::exists(fileDir.absoluteFilePath(relativePath));
    });
}

ValidationReport validateDraft(const QString &folder, const QString &file, const QByteArray &content,
                               const manifest::KustomizeRunner &runner)
{
    // The draft laid over the working copy it belongs to, confined to that repository like every render.
    const QString absolute = QFileInfo(folder).absoluteFilePath();
    const QString repository = repositoryRootOf(absolute);
    const QDir root(repository.isEmpty() ? absolute : repository);
    const QString relativeFolder = root.relativeFilePath(absolute);
    const QString repoFolder = relativeFolder == u"."_s ? QString() : relativeFolder;
    const QString draftPath = QDir::cleanPath(repoFolder.isEmpty() ? file : repoFolder + u'/' + file);
    git::FileChanges draft;
    draft.write(draftPath, content);

    ValidationReport failed;
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        failed.findings.push_back({file, manifest::Diagnostic{manifest::Diagnostic::Severity::Error, 0, 1,
                                                              OverlayEditText::tr("A temporary folder for the check "
                                                                                  "could not be created.")}});
        return failed;
    }
    RenderPolicy policy;
    policy.allowRemoteResources = runner.options().allowRemoteResources;
    auto staged = stageFolder(RenderFiles::fromDisk(root.absolutePath()).withChanges(draft), repoFolder,
                              scratch.path(), policy);
    if (!staged.ok()) {
        failed.findings.push_back(
            {file, manifest::Diagnostic{manifest::Diagnostic::Severity::Error, 0, 1, staged.error().fullText()}});
        return failed;
    }
    return validateStaged(*staged, runner);
}

Result<OverlayReview> prepareOverlayReview(git::WorkingClone &clone, const QString &project, const QString &service,
                                           const QString &env, const manifest::KustomizeRunner &runner,
                                           const git::RemoteAuth &auth, const std::atomic_bool *cancelled)
{
    OverlayReview review{project, service, env, clone.head(), {}, {}, {}, {}, {}, {}};
    auto tip = clone.fetch(auth, cancelled);
    if (!tip.ok() && tip.error().code != Error::Code::NotFound)
        return tip.error();
    review.remoteTip = tip.valueOr(git::ObjectId());

    // Start from the tip when nothing edited conflicts with it: what is validated is then exactly what lands.
    if (!review.remoteTip.isNull() && review.remoteTip != clone.head()) {
        if (auto moved = clone.updateTo(review.remoteTip); !moved.ok() && moved.error().code != Error::Code::Conflict)
            return moved.error();
        review.base = clone.head();
    }

    const QString folder = ServiceEnvPaths::folder(service, env);
    auto changes = clone.changes(folder);
    if (!changes.ok())
        return changes.error();
    for (git::WorkingChange &change : *changes) {
        auto theirs = clone.repository().readFileIfPresent(review.remoteTip, change.path);
        if (!theirs.ok())
            return theirs.error();
        review.files.push_back({change.path, std::move(change.base), std::move(*theirs), std::move(change.work)});
    }

    review.validation = validateDirectory(clone.filePath(folder), runner);
    QByteArray before;
    if (!review.remoteTip.isNull()) {
        auto built = renderServiceEnv(clone.repository(), review.remoteTip, service, env, runner);
        if (built.ok()) {
            before = *built;
        } else if (built.error().code != Error::Code::NotFound) {
            review.renderProblem =
                OverlayEditText::tr("The overlay on the branch does not build, so there is nothing to compare with.")
                + u'\n' + built.error().fullText();
        }
    }
    if (review.renderProblem.isEmpty() && review.validation.rendered.isEmpty()) {
        review.renderProblem = OverlayEditText::tr("The edited overlay does not build; the validation summary says why.");
    }
    if (review.renderProblem.isEmpty()) {
        auto diff = manifest::diffRenderedManifests(before, review.validation.rendered);
        if (diff.ok())
            review.renderedChanges = std::move(*diff);
        else
            review.renderProblem = diff.error().fullText();
    }
    return review;
}

Result<git::PushOutcome> commitOverlayReview(const OverlayReview &review, git::Repository &cache,
                                             git::WorkingClone &clone, git::PushPlan plan,
                                             const manifest::KustomizeRunner &runner)
{
    if (const QString reason = review.blockingReason(); !reason.isEmpty())
        return makeError(Error::Code::InvalidInput, reason);
    plan.edit = [&review](const git::Snapshot &tip) -> Result<git::FileChanges> {
        git::FileChanges changes;
        for (const ReviewedFile &file : review.files) {
            auto now = tip.repository().readFileIfPresent(tip.commit(), file.path);
            if (!now.ok())
                return now.error();
            if (*now != file.theirs && *now != file.mine) {
                return makeError(Error::Code::Precondition,
                                 OverlayEditText::tr("%1 changed on the remote after your review. Nothing was "
                                                     "committed; review the change again.")
                                     .arg(file.path));
            }
            if (file.mine)
                changes.write(file.path, *file.mine);
            else
                changes.remove(file.path);
        }
        return changes;
    };
    // The review validated the working copy; each tip the loop tries is built again as the commit would land.
    plan.edit = renderCheckedEdit(std::move(plan.edit), {runner, false});
    auto outcome = git::runPushLoop(cache, plan);
    if (!outcome.ok())
        return outcome.error();
    // The commit landed; bring the working copy along (its edited files now match the new tip). Should that fail,
    // the next review moves it: the change is on the branch either way.
    if (auto fetched = clone.fetch(plan.auth, plan.cancelled); fetched.ok()) {
        if (auto moved = clone.updateTo(*fetched); !moved.ok())
            qWarning("The working copy stays at its old commit: %s", qPrintable(moved.error().message));
    }
    return outcome;
}

} // namespace gd::ws
