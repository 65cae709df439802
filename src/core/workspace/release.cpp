// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/release.h"

#include "git/history.h"
#include "manifest/imagetagedit.h"
#include "manifest/kustomization.h"
#include "manifest/rendereddiff.h"
#include "util/names.h"
#include "workspace/catalog.h"
#include "workspace/overlaycheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::Release" context (lupdate reads the macro).
struct ReleaseText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::Release)
};

const QString serviceKey = u"Release-Service"_s;
const QString environmentKey = u"Release-Environment"_s;
const QString stageKey = u"Release-Stage"_s;
const QString kindKey = u"Release-Kind"_s;
const QString imageKey = u"Release-Image"_s;
const QString previousImageKey = u"Release-Previous-Image"_s;
const QString revertsKey = u"Release-Reverts"_s;

/// How sentences name a stage.
QString stageLabel(ReleaseStage stage)
{
    return stage == ReleaseStage::Canary ? ReleaseText::tr("canary") : ReleaseText::tr("GA");
}

/// A commit time as the person reading the sentence lives it.
QString localTime(const QDateTime &when)
{
    return when.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

/// "repository:tag", "repository@digest" or "repository:tag@digest", as an image entry deploys it.
QString imageReference(const manifest::KustomizeImage &image)
{
    QString reference = releasedRepository(image);
    if (!image.newTag.isEmpty())
        reference += u':' + image.newTag;
    if (!image.digest.isEmpty())
        reference += u'@' + image.digest;
    return reference;
}

QString tagOfReference(const QString &reference)
{
    const manifest::ImageReference parsed = manifest::parseImageReference(reference);
    return parsed.tag.isEmpty() ? parsed.digest : parsed.tag;
}

/// The released `images:` entry of one stage kustomization at one commit.
struct StageState {
    QString path;
    QByteArray text;
    manifest::KustomizeImage entry;

    QString tag() const { return releasedTag(entry); }
    QString repository() const { return releasedRepository(entry); }
    QString image() const { return imageReference(entry); }
};

Result<void> checkNames(const QString &service, const QString &env)
{
    if (auto checked = checkDnsLabel(service, NameKind::Service); !checked.ok())
        return checked.error();
    if (auto checked = checkDnsLabel(env, NameKind::Environment); !checked.ok())
        return checked.error();
    return {};
}

/// The kustomization at `path` in `commit` and the entry it releases. NotFound when the file is absent.
Result<StageState> readStageFile(const git::Repository &repo, const git::ObjectId &commit, const QString &path)
{
    auto text = repo.readFile(commit, path);
    if (!text.ok())
        return text.error();
    auto parsed = manifest::Kustomization::parse(*text);
    if (!parsed.ok()) {
        return makeError(Error::Code::Yaml, ReleaseText::tr("%1 does not parse; fix it before releasing.").arg(path),
                         parsed.error().message);
    }
    const manifest::KustomizeImage *image = releasedImage(*parsed);
    if (image == nullptr) {
        return makeError(Error::Code::InvalidInput,
                         ReleaseText::tr("%1 sets no image (its images list is empty); add the image entry first.")
                             .arg(path));
    }
    return StageState{path, std::move(*text), *image};
}

/// The tag `path` sets at `commit`; empty when the file is absent or unreadable (or the commit is null).
QString tagAt(const git::Repository &repo, const git::ObjectId &commit, const QString &path)
{
    if (commit.isNull())
        return {};
    auto state = readStageFile(repo, commit, path);
    return state.ok() ? state->tag() : QString();
}

/// The stage of `service`/`env` at `tip` that a release edits: the names are valid, the environment exists, and a
/// canary stage is in use (the top kustomization lists the canary overlay).
Result<StageState> readStage(const git::Repository &repo, const git::ObjectId &tip, const QString &service,
                             const QString &env, ReleaseStage stage)
{
    if (auto names = checkNames(service, env); !names.ok())
        return names.error();
    if (tip.isNull()) {
        return makeError(Error::Code::NotFound,
                         ReleaseText::tr("The branch is empty: there is no %1 in %2 to release.").arg(service, env));
    }
    const QString topPath = ServiceEnvPaths::manifests(service, env) + u"/kustomization.yaml"_s;
    auto top = repo.readFile(tip, topPath);
    if (!top.ok()) {
        if (top.error().code != Error::Code::NotFound)
            return top.error();
        return makeError(Error::Code::InvalidInput,
                         ReleaseText::tr("There is no service %1 in environment %2 on the branch (%3 is missing); "
                                         "check the names.")
                             .arg(service, env, topPath));
    }
    if (stage == ReleaseStage::Canary) {
        auto parsed = manifest::Kustomization::parse(*top);
        if (!parsed.ok()) {
            return makeError(Error::Code::Yaml,
                             ReleaseText::tr("%1 does not parse; fix it before releasing.").arg(topPath),
                             parsed.error().message);
        }
        if (!listsOverlay(*parsed, u"canary")) {
            return makeError(Error::Code::InvalidInput,
                             ReleaseText::tr("%1 has no canary stage in %2 (its manifests/kustomization.yaml does not "
                                             "list the canary overlay). Release to GA, or add the canary stage first.")
                                 .arg(service, env));
        }
    }
    const QString path = stageKustomizationPath(service, env, stage);
    auto state = readStageFile(repo, tip, path);
    if (!state.ok() && state.error().code == Error::Code::NotFound) {
        return makeError(Error::Code::InvalidInput,
                         ReleaseText::tr("%1 in %2 has no %3 overlay (%4 is missing).")
                             .arg(service, env, stageLabel(stage), path));
    }
    return state;
}

/// The refusal when the stage's tag is no longer what the user saw: who changed it, from what to what, and when,
/// read from the newest commit that changed the tag in that file.
Error changedMeanwhile(const git::Repository &repo, const git::ObjectId &tip, const StageState &now,
                       const QString &service, const QString &env, ReleaseStage stage, const QString &expected)
{
    const QString seen = expected.isEmpty() ? ReleaseText::tr("no tag") : expected;
    auto history = git::pathHistory(repo, tip, now.path, 50);
    if (history.ok()) {
        for (const git::CommitInfo &commit : *history) {
            const QString after = tagAt(repo, commit.id, now.path);
            const QString before = commit.parents.isEmpty() ? QString() : tagAt(repo, commit.parents.first(), now.path);
            if (after == before)
                continue;
            return makeError(Error::Code::Precondition,
                             ReleaseText::tr("%1 changed the %2 tag of %3 in %4 from %5 to %6 at %7 (commit %8), "
                                             "after you saw %9. Nothing was pushed: look at the new tag, then decide "
                                             "again.")
                                 .arg(commit.author.name, stageLabel(stage), service, env,
                                      before.isEmpty() ? ReleaseText::tr("no tag") : before, after,
                                      localTime(commit.author.when), commit.id.shortHex(), seen));
        }
    }
    return makeError(Error::Code::Precondition,
                     ReleaseText::tr("The %1 tag of %2 in %3 is now %4, not %5 as you saw. Nothing was pushed: look at "
                                     "the new tag, then decide again.")
                         .arg(stageLabel(stage), service, env, now.tag(), seen));
}

/// One stage kustomization a commit changed.
struct StageRef {
    QString service;
    QString env;
    ReleaseStage stage = ReleaseStage::Ga;
};

/// Subfolder name → tree id below `path` of `commit` (empty for a null commit or a missing folder).
QHash<QString, git::ObjectId> folders(const git::Repository &repo, const git::ObjectId &commit, const QString &path)
{
    QHash<QString, git::ObjectId> out;
    if (commit.isNull())
        return out;
    auto entries = repo.listDirectory(commit, path);
    if (!entries.ok())
        return out;
    for (const git::TreeEntry &entry : *entries) {
        if (entry.isDirectory)
            out.insert(entry.name, entry.id);
    }
    return out;
}

QStringList sortedUnion(const QHash<QString, git::ObjectId> &a, const QHash<QString, git::ObjectId> &b)
{
    QSet<QString> names(a.keyBegin(), a.keyEnd());
    for (auto it = b.keyBegin(); it != b.keyEnd(); ++it)
        names.insert(*it);
    QStringList sorted(names.begin(), names.end());
    sorted.sort();
    return sorted;
}

/// The stage kustomizations whose content differs between `parent` and `commit`, found by comparing tree ids level
/// by level (only the folders that changed are opened).
std::vector<StageRef> changedStages(const git::Repository &repo, const git::ObjectId &parent,
                                    const git::ObjectId &commit)
{
    std::vector<StageRef> changed;
    const QString root = u"appsmanifests"_s;
    const auto newServices = folders(repo, commit, root);
    const auto oldServices = folders(repo, parent, root);
    for (const QString &service : sortedUnion(newServices, oldServices)) {
        if (newServices.value(service) == oldServices.value(service) || !isDnsLabel(service))
            continue;
        const auto newEnvs = folders(repo, commit, root + u'/' + service);
        const auto oldEnvs = folders(repo, parent, root + u'/' + service);
        for (const QString &env : sortedUnion(newEnvs, oldEnvs)) {
            if (newEnvs.value(env) == oldEnvs.value(env) || !isDnsLabel(env))
                continue;
            for (ReleaseStage stage : {ReleaseStage::Ga, ReleaseStage::Canary}) {
                const QString path = stageKustomizationPath(service, env, stage);
                const auto idAt = [&](const git::ObjectId &at) {
                    return at.isNull() ? git::ObjectId() : repo.entryId(at, path).valueOr(git::ObjectId());
                };
                if (idAt(commit) != idAt(parent))
                    changed.push_back({service, env, stage});
            }
        }
    }
    return changed;
}

/// What reverting `reverted` does: its description with the images swapped.
Result<ReleaseTrailers> revertTrailers(const git::Repository &repo, const git::ObjectId &reverted, ReleaseKind kind)
{
    auto described = describeCommit(repo, reverted);
    if (!described.ok())
        return described.error();
    ReleaseTrailers trailers = *described;
    trailers.kind = kind;
    std::swap(trailers.image, trailers.previousImage);
    trailers.reverts = reverted;
    return trailers;
}

/// The refusal of a revert that does not apply, offering the tag to release forward instead.
Error revertConflict(const git::Repository &repo, const git::ObjectId &reverted, const Error &conflict, bool abort)
{
    auto described = describeCommit(repo, reverted);
    if (!described.ok() || described->previousTag().isEmpty()) {
        return makeError(Error::Code::Conflict,
                         ReleaseText::tr("Later commits changed the same lines as commit %1, so it cannot be reverted; "
                                         "nothing was pushed. Release the previous version forward instead.")
                             .arg(reverted.shortHex()),
                         conflict.detail);
    }
    const ReleaseTrailers &release = *described;
    if (abort) {
        return makeError(Error::Code::Conflict,
                         ReleaseText::tr("The canary release %1 of %2 in %3 cannot be reverted: later commits changed "
                                         "the same lines. Nothing was pushed. To put the canary back, release %4 to "
                                         "the canary forward instead.")
                             .arg(reverted.shortHex(), release.service, release.environment, release.previousTag()),
                         conflict.detail);
    }
    return makeError(Error::Code::Conflict,
                     ReleaseText::tr("Commit %1 (%2 %3 in %4) cannot be rolled back: later commits changed the same "
                                     "lines. Nothing was pushed. To go back to %5, release %5 to %6 of %2 in %4 "
                                     "forward instead.")
                         .arg(reverted.shortHex(), release.service, release.tag(), release.environment,
                              release.previousTag(), stageLabel(release.stage)),
                     conflict.detail);
}

/// The revert of `reverted` on `tip` as files, with the refusals of a conflict and of a revert that changes nothing.
Result<git::FileChanges> revertOnTip(const git::Snapshot &tip, const git::ObjectId &reverted, bool abort)
{
    if (tip.commit().isNull()) {
        return makeError(Error::Code::NotFound,
                         ReleaseText::tr("The branch is empty; there is nothing to revert."));
    }
    auto changes = tip.repository().revertChanges(reverted, tip.commit());
    if (!changes.ok()) {
        if (changes.error().code == Error::Code::Conflict)
            return revertConflict(tip.repository(), reverted, changes.error(), abort);
        return changes.error();
    }
    if (changes->isEmpty()) {
        return makeError(Error::Code::InvalidInput,
                         ReleaseText::tr("Commit %1 is already undone on the branch: reverting it changes nothing.")
                             .arg(reverted.shortHex()));
    }
    return changes;
}

/// Applies `edit` once to `tip`: the early answer to "would this go through now?".
Result<void> tryOnTip(const git::Repository &repo, const git::ObjectId &tip, const git::SemanticEdit &edit)
{
    auto changes = edit(git::Snapshot(repo, tip));
    if (!changes.ok())
        return changes.error();
    return {};
}

} // namespace

QString ReleaseTrailers::tag() const
{
    return tagOfReference(image);
}

QString ReleaseTrailers::previousTag() const
{
    return tagOfReference(previousImage);
}

QString ReleaseTrailers::toText() const
{
    QString text;
    const auto add = [&text](const QString &key, const QString &value) {
        if (!value.isEmpty())
            text += key + u": "_s + value + u'\n';
    };
    add(serviceKey, service);
    add(environmentKey, environment);
    add(stageKey, stageName(stage));
    if (kind != ReleaseKind::Release)
        add(kindKey, kindName(kind));
    add(imageKey, image);
    add(previousImageKey, previousImage);
    if (!reverts.isNull())
        add(revertsKey, reverts.toHex());
    return text;
}

std::optional<ReleaseTrailers> ReleaseTrailers::fromMessage(const QString &message)
{
    const QMap<QString, QString> found = git::messageTrailers(message);
    if (!found.contains(serviceKey) || !found.contains(environmentKey))
        return std::nullopt;
    ReleaseTrailers trailers;
    trailers.service = found.value(serviceKey).trimmed();
    trailers.environment = found.value(environmentKey).trimmed();
    trailers.stage = found.value(stageKey).trimmed() == u"canary" ? ReleaseStage::Canary : ReleaseStage::Ga;
    const QString kind = found.value(kindKey).trimmed();
    for (ReleaseKind candidate : {ReleaseKind::Promote, ReleaseKind::Abort, ReleaseKind::Rollback}) {
        if (kind == kindName(candidate))
            trailers.kind = candidate;
    }
    trailers.image = found.value(imageKey).trimmed();
    trailers.previousImage = found.value(previousImageKey).trimmed();
    trailers.reverts = git::ObjectId::fromHex(found.value(revertsKey).trimmed());
    return trailers;
}

QString stageName(ReleaseStage stage)
{
    return stage == ReleaseStage::Canary ? u"canary"_s : u"ga"_s;
}

QString kindName(ReleaseKind kind)
{
    switch (kind) {
    case ReleaseKind::Promote:
        return u"promote"_s;
    case ReleaseKind::Abort:
        return u"abort"_s;
    case ReleaseKind::Rollback:
        return u"rollback"_s;
    case ReleaseKind::Release:
        break;
    }
    return u"release"_s;
}

QString stageKustomizationPath(const QString &service, const QString &env, ReleaseStage stage)
{
    return ServiceEnvPaths::manifests(service, env) + u'/' + stageName(stage) + u"/kustomization.yaml"_s;
}

QString releasedTagAt(const git::Repository &repo, const git::ObjectId &commit, const QString &service,
                      const QString &env, ReleaseStage stage)
{
    return tagAt(repo, commit, stageKustomizationPath(service, env, stage));
}

namespace {

/// What releaseEdit() does on one tip.
Result<git::FileChanges> applyRelease(const ReleaseRequest &request, const git::Snapshot &tip)
{
    if (!manifest::isValidImageTag(request.tag)) {
        return makeError(Error::Code::InvalidInput,
                         ReleaseText::tr("\"%1\" is not a valid image tag: use letters, digits, '_', '.' and '-' "
                                         "(at most 128, not starting with '.' or '-').")
                             .arg(request.tag));
    }
    auto stage = readStage(tip.repository(), tip.commit(), request.service, request.env, request.stage);
    if (!stage.ok())
        return stage.error();
    if (stage->tag() != request.expectedTag) {
        return changedMeanwhile(tip.repository(), tip.commit(), *stage, request.service, request.env,
                                request.stage, request.expectedTag);
    }
    if (stage->tag() == request.tag) {
        return makeError(Error::Code::InvalidInput,
                         ReleaseText::tr("The %1 stage of %2 in %3 already runs %4; choose another tag.")
                             .arg(stageLabel(request.stage), request.service, request.env, request.tag));
    }
    manifest::ImageEdit edit;
    edit.name = stage->entry.name;
    edit.newTag = request.tag;
    auto edited = manifest::applyImageEdit(stage->text, edit);
    if (!edited.ok())
        return edited.error();
    git::FileChanges changes;
    changes.write(stage->path, std::move(*edited));
    return changes;
}

} // namespace

git::SemanticEdit releaseEdit(const ReleaseRequest &request)
{
    return [request](const git::Snapshot &tip) { return applyRelease(request, tip); };
}

git::CommitMessage releaseMessage(const ReleaseTrailers &trailers, const git::Signature &author, const QString &body)
{
    QString summary;
    // translate() with the context spelled out: lupdate does not resolve ReleaseText inside this function.
    switch (trailers.kind) {
    case ReleaseKind::Release:
        summary = trailers.stage == ReleaseStage::Canary
                      ? QCoreApplication::translate("gd::ws::Release", "Release %1 %2 to %3 (canary)")
                            .arg(trailers.service, trailers.tag(), trailers.environment)
                      : QCoreApplication::translate("gd::ws::Release", "Release %1 %2 to %3")
                            .arg(trailers.service, trailers.tag(), trailers.environment);
        break;
    case ReleaseKind::Promote:
        summary = QCoreApplication::translate("gd::ws::Release", "Promote %1 %2 to GA in %3")
                      .arg(trailers.service, trailers.tag(), trailers.environment);
        break;
    case ReleaseKind::Abort:
        summary = QCoreApplication::translate("gd::ws::Release", "Abort the canary %1 %2 in %3")
                      .arg(trailers.service, trailers.previousTag(), trailers.environment);
        break;
    case ReleaseKind::Rollback:
        summary = QCoreApplication::translate("gd::ws::Release", "Roll back %1 in %2 to %3")
                      .arg(trailers.service, trailers.environment, trailers.tag());
        break;
    }
    QString text = summary + u"\n\n"_s;
    if (const QString paragraph = body.trimmed(); !paragraph.isEmpty())
        text += paragraph + u"\n\n"_s;
    text += trailers.toText();
    return git::CommitMessage{text, author, {}};
}

git::CommitMessage revertMessage(const ReleaseTrailers &trailers, const QString &revertedSummary,
                                 const git::Signature &author)
{
    // git's own revert form, untranslated: tools and people recognise it.
    const QString text = u"Revert \""_s + revertedSummary + u"\"\n\nThis reverts commit "_s + trailers.reverts.toHex()
                         + u".\n\n"_s + trailers.toText();
    return git::CommitMessage{text, author, {}};
}

git::SemanticEdit promoteEdit(const QString &service, const QString &env, const QString &canaryTag,
                              const QString &gaTag)
{
    return [service, env, canaryTag, gaTag](const git::Snapshot &tip) -> Result<git::FileChanges> {
        const git::Repository &repo = tip.repository();
        auto canary = readStage(repo, tip.commit(), service, env, ReleaseStage::Canary);
        if (!canary.ok())
            return canary.error();
        auto ga = readStage(repo, tip.commit(), service, env, ReleaseStage::Ga);
        if (!ga.ok())
            return ga.error();
        if (canary->tag() != canaryTag)
            return changedMeanwhile(repo, tip.commit(), *canary, service, env, ReleaseStage::Canary, canaryTag);
        if (ga->tag() != gaTag)
            return changedMeanwhile(repo, tip.commit(), *ga, service, env, ReleaseStage::Ga, gaTag);

        manifest::ImageEdit edit;
        edit.name = ga->entry.name;
        if (canary->repository() != ga->repository())
            edit.newName = canary->repository();
        if (canary->entry.newTag != ga->entry.newTag && !canary->entry.newTag.isEmpty())
            edit.newTag = canary->entry.newTag;
        if (canary->entry.digest != ga->entry.digest && !canary->entry.digest.isEmpty())
            edit.digest = canary->entry.digest;
        if (!edit.newName && !edit.newTag && !edit.digest) {
            return makeError(Error::Code::InvalidInput,
                             QCoreApplication::translate("gd::ws::Release",
                                                         "GA of %1 in %2 already runs the canary's image %3: there "
                                                         "is nothing to promote.")
                                 .arg(service, env, canary->image()));
        }
        auto edited = manifest::applyImageEdit(ga->text, edit);
        if (!edited.ok())
            return edited.error();
        git::FileChanges changes;
        changes.write(ga->path, std::move(*edited));
        return changes;
    };
}

git::SemanticEdit abortEdit(const QString &service, const QString &env, const git::ObjectId &canaryRelease,
                            const QString &canaryTag)
{
    return [service, env, canaryRelease, canaryTag](const git::Snapshot &tip) -> Result<git::FileChanges> {
        auto canary = readStage(tip.repository(), tip.commit(), service, env, ReleaseStage::Canary);
        if (!canary.ok())
            return canary.error();
        if (canary->tag() != canaryTag) {
            return changedMeanwhile(tip.repository(), tip.commit(), *canary, service, env, ReleaseStage::Canary,
                                    canaryTag);
        }
        return revertOnTip(tip, canaryRelease, true);
    };
}

git::SemanticEdit rollbackEdit(const git::ObjectId &release)
{
    return [release](const git::Snapshot &tip) -> Result<git::FileChanges> {
        return revertOnTip(tip, release, false);
    };
}

namespace {

/// The newest Release or Promote commit of `service`/`env` (and `stage` when given) from `tip`; with `standingOnly`,
/// one that no later Rollback or Abort undid (a revert that was itself reverted does not count).
Result<git::CommitInfo> findRelease(const git::Repository &repo, const git::ObjectId &tip, const QString &service,
                                    const QString &env, std::optional<ReleaseStage> stage, bool standingOnly)
{
    if (auto names = checkNames(service, env); !names.ok())
        return names.error();
    const QString folder = ServiceEnvPaths::folder(service, env);
    // Most answers lie in the newest few changes; only look further back when they hold none.
    for (const int limit : {64, -1}) {
        if (tip.isNull())
            break;
        auto history = git::pathHistory(repo, tip, folder, limit);
        if (!history.ok())
            return history.error();
        QSet<git::ObjectId> undone;   // newest first: a revert is seen before what it reverts
        for (git::CommitInfo &commit : *history) {
            const std::optional<ReleaseTrailers> trailers = ReleaseTrailers::fromMessage(commit.message);
            if (!trailers || trailers->service != service || trailers->environment != env)
                continue;
            if (trailers->kind == ReleaseKind::Rollback || trailers->kind == ReleaseKind::Abort) {
                if (!undone.contains(commit.id) && !trailers->reverts.isNull())
                    undone.insert(trailers->reverts);
                continue;
            }
            if ((!stage || trailers->stage == *stage) && !(standingOnly && undone.contains(commit.id)))
                return std::move(commit);
        }
        if (int(history->size()) < limit)
            break;
    }
    if (stage) {
        return makeError(Error::Code::NotFound,
                         ReleaseText::tr("The branch has no %1 release of %2 in %3.")
                             .arg(stageLabel(*stage), service, env));
    }
    if (standingOnly) {
        return makeError(Error::Code::NotFound,
                         ReleaseText::tr("Every release of %1 in %2 is already rolled back.").arg(service, env));
    }
    return makeError(Error::Code::NotFound, ReleaseText::tr("The branch has no release of %1 in %2.").arg(service, env));
}

} // namespace

Result<git::CommitInfo> lastRelease(const git::Repository &repo, const git::ObjectId &tip, const QString &service,
                                    const QString &env, std::optional<ReleaseStage> stage)
{
    return findRelease(repo, tip, service, env, stage, false);
}

Result<git::CommitInfo> lastStandingRelease(const git::Repository &repo, const git::ObjectId &tip,
                                            const QString &service, const QString &env)
{
    return findRelease(repo, tip, service, env, std::nullopt, true);
}

Result<ReleaseTrailers> describeCommit(const git::Repository &repo, const git::ObjectId &commit)
{
    auto info = repo.commitInfo(commit);
    if (!info.ok())
        return info.error();
    const git::ObjectId parent = info->parents.isEmpty() ? git::ObjectId() : info->parents.first();
    const std::optional<ReleaseTrailers> stated = ReleaseTrailers::fromMessage(info->message);
    const std::vector<StageRef> changed = changedStages(repo, parent, commit);

    // The trailers say which stage a commit released; the changed files say it for everyone else.
    const StageRef *picked = nullptr;
    if (stated) {
        for (const StageRef &ref : changed) {
            if (ref.service == stated->service && ref.env == stated->environment) {
                if (picked == nullptr || ref.stage == stated->stage)
                    picked = &ref;
            }
        }
        if (picked == nullptr)
            return *stated;
    } else if (!changed.empty()) {
        picked = &changed.front();
    } else {
        return makeError(Error::Code::InvalidInput,
                         ReleaseText::tr("Commit %1 changes no image of a service environment, so it is not a "
                                         "release.")
                             .arg(commit.shortHex()));
    }

    ReleaseTrailers trailers = stated.value_or(ReleaseTrailers{});
    trailers.service = picked->service;
    trailers.environment = picked->env;
    trailers.stage = picked->stage;
    // What git holds wins over what a message says; a side that cannot be read (a file added or removed) keeps
    // the stated value.
    const QString path = stageKustomizationPath(picked->service, picked->env, picked->stage);
    if (auto after = readStageFile(repo, commit, path); after.ok())
        trailers.image = after->image();
    if (parent.isNull()) {
        trailers.previousImage.clear();
    } else if (auto before = readStageFile(repo, parent, path); before.ok()) {
        trailers.previousImage = before->image();
    }
    return trailers;
}

Result<PreparedRelease> prepareRelease(const git::Repository &repo, const git::ObjectId &tip,
                                       const ReleaseRequest &request, const git::Signature &author)
{
    auto stage = readStage(repo, tip, request.service, request.env, request.stage);
    if (!stage.ok())
        return stage.error();
    git::SemanticEdit edit = releaseEdit(request);
    if (auto tried = tryOnTip(repo, tip, edit); !tried.ok())
        return tried.error();
    ReleaseTrailers trailers;
    trailers.service = request.service;
    trailers.environment = request.env;
    trailers.stage = request.stage;
    trailers.image = stage->repository() + u':' + request.tag;
    trailers.previousImage = stage->image();
    return PreparedRelease{trailers, releaseMessage(trailers, author), std::move(edit)};
}

Result<PreparedRelease> preparePromote(const git::Repository &repo, const git::ObjectId &tip, const QString &service,
                                       const QString &env, const QString &canaryTag, const QString &gaTag,
                                       const git::Signature &author)
{
    git::SemanticEdit edit = promoteEdit(service, env, canaryTag, gaTag);
    if (auto tried = tryOnTip(repo, tip, edit); !tried.ok())
        return tried.error();
    auto canary = readStage(repo, tip, service, env, ReleaseStage::Canary);
    if (!canary.ok())
        return canary.error();
    auto ga = readStage(repo, tip, service, env, ReleaseStage::Ga);
    if (!ga.ok())
        return ga.error();
    ReleaseTrailers trailers;
    trailers.service = service;
    trailers.environment = env;
    trailers.stage = ReleaseStage::Ga;
    trailers.kind = ReleaseKind::Promote;
    trailers.image = canary->image();
    trailers.previousImage = ga->image();
    return PreparedRelease{trailers, releaseMessage(trailers, author), std::move(edit)};
}

Result<PreparedRelease> prepareAbort(const git::Repository &repo, const git::ObjectId &tip, const QString &service,
                                     const QString &env, const QString &canaryTag, const git::ObjectId &canaryRelease,
                                     const git::Signature &author)
{
    auto canary = readStage(repo, tip, service, env, ReleaseStage::Canary);
    if (!canary.ok())
        return canary.error();
    auto ga = readStage(repo, tip, service, env, ReleaseStage::Ga);
    if (!ga.ok())
        return ga.error();
    if (canary->tag() != canaryTag)
        return changedMeanwhile(repo, tip, *canary, service, env, ReleaseStage::Canary, canaryTag);
    if (canary->image() == ga->image()) {
        return makeError(Error::Code::InvalidInput,
                         ReleaseText::tr("The canary of %1 in %2 already runs GA's image %3: there is no unfinished "
                                         "canary to abort.")
                             .arg(service, env, ga->image()));
    }
    git::ObjectId release = canaryRelease;
    if (release.isNull()) {
        auto newest = lastRelease(repo, tip, service, env, ReleaseStage::Canary);
        if (!newest.ok()) {
            if (newest.error().code != Error::Code::NotFound)
                return newest.error();
            return makeError(Error::Code::InvalidInput,
                             ReleaseText::tr("No canary release commit of %1 in %2 is on the branch to revert. "
                                             "Release %3 to the canary instead.")
                                 .arg(service, env, ga->tag()));
        }
        release = newest->id;
    }
    auto described = describeCommit(repo, release);
    if (!described.ok())
        return described.error();
    if (described->service != service || described->environment != env
        || described->stage != ReleaseStage::Canary) {
        return makeError(Error::Code::InvalidInput,
                         ReleaseText::tr("Commit %1 is not a canary release of %2 in %3, so aborting cannot revert "
                                         "it.")
                             .arg(release.shortHex(), service, env));
    }
    git::SemanticEdit edit = abortEdit(service, env, release, canaryTag);
    if (auto tried = tryOnTip(repo, tip, edit); !tried.ok())
        return tried.error();
    auto trailers = revertTrailers(repo, release, ReleaseKind::Abort);
    if (!trailers.ok())
        return trailers.error();
    auto info = repo.commitInfo(release);
    if (!info.ok())
        return info.error();
    return PreparedRelease{*trailers, revertMessage(*trailers, info->summary, author), std::move(edit)};
}

Result<PreparedRelease> prepareRollback(const git::Repository &repo, const git::ObjectId &tip,
                                        const git::ObjectId &release, const git::Signature &author)
{
    auto info = repo.commitInfo(release);
    if (!info.ok()) {
        return makeError(Error::Code::NotFound,
                         ReleaseText::tr("There is no commit %1 in the repository; check the commit id.")
                             .arg(release.shortHex()),
                         info.error().fullText());
    }
    auto trailers = revertTrailers(repo, release, ReleaseKind::Rollback);
    if (!trailers.ok())
        return trailers.error();
    if (trailers->image.isEmpty()) {   // the reverted commit brought the stage in: its revert would delete it
        return makeError(Error::Code::Precondition,
                         ReleaseText::tr("Commit %1 brought %2 into %3 (%4): nothing ran there before it, so there is "
                                         "no version to roll back to, and reverting it would remove the manifests. "
                                         "Nothing was pushed. Release the version you want instead.")
                             .arg(release.shortHex(), trailers->service, trailers->environment,
                                  stageName(trailers->stage)));
    }
    git::SemanticEdit edit = rollbackEdit(release);
    if (auto tried = tryOnTip(repo, tip, edit); !tried.ok())
        return tried.error();
    return PreparedRelease{*trailers, revertMessage(*trailers, info->summary, author), std::move(edit)};
}

namespace {

/// The first error of a render check: the repository path of its file, and "path:line: sentence".
struct RenderVerdict {
    QString file;
    QString text;
    bool builds() const { return text.isEmpty(); }
};

/// Validates `service`/`env` of `tip` with `changes` laid over it. nullopt when the folder is absent there.
Result<std::optional<RenderVerdict>> renderVerdict(const git::Snapshot &tip, const QString &service,
                                                   const QString &env, const git::FileChanges &changes,
                                                   const manifest::KustomizeRunner &runner)
{
    auto report = validateServiceEnv(tip.repository(), tip.commit(), service, env, runner, changes);
    if (!report.ok()) {
        if (report.error().code == Error::Code::NotFound)
            return std::optional<RenderVerdict>();
        return report.error();
    }
    const QString folder = ServiceEnvPaths::folder(service, env);
    for (const Finding &finding : report->findings) {
        if (finding.diagnostic.isError()) {
            return std::optional<RenderVerdict>(
                RenderVerdict{QDir::cleanPath(folder + u'/' + finding.file), firstError(*report, folder)});
        }
    }
    return std::optional<RenderVerdict>(RenderVerdict{});
}

} // namespace

git::SemanticEdit renderCheckedEdit(git::SemanticEdit edit, RenderGate gate)
{
    // Verdicts by tip, environment and side: a retry on the same tip, or the prepare step before the first attempt,
    // renders nothing twice.
    auto verdicts = std::make_shared<QHash<QString, std::optional<RenderVerdict>>>();
    return [edit = std::move(edit), gate = std::move(gate),
            verdicts](const git::Snapshot &tip) -> Result<git::FileChanges> {
        auto changes = edit(tip);
        if (!changes.ok())
            return changes;
        QMap<QString, std::pair<QString, QString>> touched;   // folder → service, env
        for (auto it = changes->files.cbegin(); it != changes->files.cend(); ++it) {
            QString service;
            QString env;
            if (ServiceEnvPaths::parse(it.key(), &service, &env))
                touched.insert(ServiceEnvPaths::folder(service, env), {service, env});
        }
        for (auto it = touched.cbegin(); it != touched.cend(); ++it) {
            const auto &[service, env] = it.value();
            const QString key = tip.commit().toHex() + u'|' + it.key();
            const auto verdict = [&](bool after) -> Result<std::optional<RenderVerdict>> {
                const QString side = key + (after ? u"|after"_s : u"|before"_s);
                if (auto known = verdicts->constFind(side); known != verdicts->cend())
                    return *known;
                auto judged = renderVerdict(tip, service, env, after ? *changes : git::FileChanges{}, gate.runner);
                if (judged.ok())
                    verdicts->insert(side, *judged);
                return judged;
            };
            auto after = verdict(true);
            if (!after.ok())
                return after.error();
            if (!after->has_value() || (*after)->builds())
                continue;   // removed by the change, or it builds
            auto before = verdict(false);
            if (!before.ok())
                return before.error();
            const bool brokenBefore = before->has_value() && !(*before)->builds();
            const bool untouched = brokenBefore && (*before)->text == (*after)->text
                                   && !changes->files.contains((*after)->file);
            if (!untouched) {
                return makeError(Error::Code::Kustomize,
                                 ReleaseText::tr("The change would leave the overlay of %1 in %2 not building, so "
                                                 "nothing was pushed. Fix what is named below and try again.")
                                     .arg(service, env),
                                 (*after)->text);
            }
            if (!gate.allowBroken) {
                return makeError(Error::Code::Precondition,
                                 ReleaseText::tr("The overlay of %1 in %2 did not build before this change either, "
                                                 "and the change does not touch what is wrong, so nothing was pushed. "
                                                 "Fix the overlay first, or confirm that the change goes onto a "
                                                 "broken overlay (gitops-desk-cli: --allow-broken).")
                                     .arg(service, env),
                                 (*after)->text);
            }
        }
        return changes;
    };
}

Result<OverlayReview> previewEdit(const git::Repository &repo, const git::ObjectId &tip, const QString &project,
                                  const QString &service, const QString &env, const git::SemanticEdit &edit,
                                  const manifest::KustomizeRunner &runner)
{
    if (auto names = checkNames(service, env); !names.ok())
        return names.error();
    if (!edit)
        return makeError(Error::Code::InvalidInput, ReleaseText::tr("There is no change to preview."));
    auto changes = edit(git::Snapshot(repo, tip));
    if (!changes.ok())
        return changes.error();

    OverlayReview review{project, service, env, tip, tip, {}, {}, {}, {}, {}};
    for (auto it = changes->files.cbegin(); it != changes->files.cend(); ++it) {
        auto before = repo.readFileIfPresent(tip, it.key());
        if (!before.ok())
            return before.error();
        review.files.push_back({it.key(), *before, *before, it.value()});
    }

    // The environment as it would land: the tip with the changed files laid over it.
    auto after = validateServiceEnv(repo, tip, service, env, runner, *changes);
    if (!after.ok())
        return after.error();
    review.validation = std::move(*after);

    auto before = renderServiceEnv(repo, tip, service, env, runner);
    if (!before.ok()) {
        review.renderProblem = ReleaseText::tr("The overlay on the branch does not build, so there is nothing to "
                                               "compare with.")
                               + u'\n' + before.error().fullText();
    } else if (review.validation.rendered.isEmpty()) {
        review.renderProblem = ReleaseText::tr("The changed overlay does not build; the validation summary says why.");
    } else if (auto diff = manifest::diffRenderedManifests(*before, review.validation.rendered); diff.ok()) {
        review.renderedChanges = std::move(*diff);
    } else {
        review.renderProblem = diff.error().fullText();
    }
    return review;
}

} // namespace gd::ws
