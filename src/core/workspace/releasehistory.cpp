// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/releasehistory.h"

#include "git/history.h"
#include "manifest/imagetagedit.h"
#include "manifest/kustomization.h"
#include "util/names.h"
#include "workspace/appdirs.h"
#include "workspace/catalog.h"
#include "workspace/overlaycheck.h"
#include "workspace/release.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSaveFile>

#include <optional>
#include <unordered_map>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::ReleaseHistory" context (lupdate reads the macro).
struct ReleaseHistoryText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::ReleaseHistory)
};

/// A walk that read this many commits outside the commit-graph file rewrites it (about 10 ms per 1,000 commits,
/// repaid by the next full walk).
constexpr int kCommitGraphRefresh = 2000;
/// Timelines held in memory before the oldest state is dropped wholesale (each is a few kilobytes).
constexpr qsizetype kMaxTimelines = 1024;

struct ObjectIdHash {
    size_t operator()(const git::ObjectId &id) const { return git::qHash(id); }
};

/// What one stage kustomization's released image did in a commit, compared with the first parent.
struct StageChange {
    bool changed = false;   ///< the released image (tag or repository) differs
    QString fromTag;
    QString toTag;
    QString repository;
};

/// Reads the kustomizations of one service environment at commits, parsing each blob once.
class OverlayReader {
public:
    OverlayReader(const git::Repository &repo, const QString &service, const QString &env)
        : m_repo(repo), m_manifests(ServiceEnvPaths::manifests(service, env))
    {
    }

    /// The blob of `stage`'s kustomization ("ga", "canary") in `commit`; null when absent (or `commit` is null).
    git::ObjectId blobAt(const git::ObjectId &commit, const QString &stage) const
    {
        if (commit.isNull())
            return {};
        auto id = m_repo.entryId(commit, stagePath(stage));
        return id.ok() ? *id : git::ObjectId();
    }

    /// The released image of `stage` in `commit` (blob `after`) compared with its first parent `parent` (blob
    /// `before`).
    StageChange change(const git::ObjectId &commit, const git::ObjectId &after, const git::ObjectId &parent,
                       const git::ObjectId &before, const QString &stage)
    {
        StageChange out;
        if (after == before)
            return out;
        const QString path = stagePath(stage);
        const manifest::Kustomization *afterFile = parsed(commit, path, after);
        const manifest::Kustomization *beforeFile = parsed(parent, path, before);
        const manifest::KustomizeImage *afterImage = afterFile ? releasedImage(*afterFile) : nullptr;
        const manifest::KustomizeImage *beforeImage = nullptr;
        if (beforeFile) {
            // Match by name: a rewrite (kustomize edit set image sorts the list) may reorder the entries.
            if (afterImage)
                beforeImage = beforeFile->image(afterImage->name);
            if (!beforeImage)
                beforeImage = releasedImage(*beforeFile);
        }
        out.toTag = afterImage ? releasedTag(*afterImage) : QString();
        out.fromTag = beforeImage ? releasedTag(*beforeImage) : QString();
        const QString beforeRepository = beforeImage ? releasedRepository(*beforeImage) : QString();
        out.repository = afterImage ? releasedRepository(*afterImage) : beforeRepository;
        out.changed = out.toTag != out.fromTag || out.repository != beforeRepository;
        return out;
    }

    /// The image repository `stage` deploys at `commit`; empty when it cannot be read.
    QString repositoryAt(const git::ObjectId &commit, const QString &stage)
    {
        const manifest::Kustomization *file = parsed(commit, stagePath(stage), blobAt(commit, stage));
        const manifest::KustomizeImage *image = file ? releasedImage(*file) : nullptr;
        return image ? releasedRepository(*image) : QString();
    }

private:
    QString stagePath(const QString &stage) const { return m_manifests + u'/' + stage + u"/kustomization.yaml"_s; }

    /// The parsed file; nullptr when absent or not a kustomization (its tags then read as empty).
    const manifest::Kustomization *parsed(const git::ObjectId &commit, const QString &path, const git::ObjectId &blob)
    {
        if (blob.isNull())
            return nullptr;
        auto known = m_parsed.find(blob);
        if (known == m_parsed.end()) {
            std::optional<manifest::Kustomization> value;
            if (auto text = m_repo.readFile(commit, path); text.ok()) {
                if (auto parsedText = manifest::Kustomization::parse(*text); parsedText.ok())
                    value = std::move(*parsedText);
            }
            known = m_parsed.emplace(blob, std::move(value)).first;
        }
        return known->second ? &*known->second : nullptr;
    }

    const git::Repository &m_repo;
    QString m_manifests;
    std::unordered_map<git::ObjectId, std::optional<manifest::Kustomization>, ObjectIdHash> m_parsed;
};

/// The commit a `git revert` message names ("This reverts commit <sha>."); null when there is none.
git::ObjectId revertedInMessage(const QString &message)
{
    static const QRegularExpression pattern(u"This reverts commit ([0-9a-fA-F]{40})"_s);
    const QRegularExpressionMatch match = pattern.match(message);
    return match.hasMatch() ? git::ObjectId::fromHex(match.capturedView(1)) : git::ObjectId();
}

/// The kustomization blobs of both stages at one commit.
struct StageBlobs {
    git::ObjectId ga;
    git::ObjectId canary;
};

/// The entry of `info`, whose stage kustomizations are `after`, and were `before` in its first parent.
ReleaseEntry describe(const git::CommitInfo &info, const StageBlobs &after, const StageBlobs &before,
                      OverlayReader &overlays, const QString &service, const QString &env)
{
    ReleaseEntry entry;
    entry.commit = info.id;
    entry.summary = info.summary;
    entry.author = info.author;
    entry.when = info.committer.when;
    const git::ObjectId parent = info.parents.isEmpty() ? git::ObjectId() : info.parents.first();
    const StageChange ga = overlays.change(info.id, after.ga, parent, before.ga, stageName(ReleaseStage::Ga));
    const StageChange canary =
        overlays.change(info.id, after.canary, parent, before.canary, stageName(ReleaseStage::Canary));

    std::optional<ReleaseTrailers> trailers = ReleaseTrailers::fromMessage(info.message);
    // Trailers for another service environment (a commit that released several) say nothing about this one.
    if (trailers && (trailers->service != service || trailers->environment != env))
        trailers.reset();
    entry.byGitOpsDesk = trailers.has_value();
    const git::ObjectId revertLine = revertedInMessage(info.message);

    if (trailers) {
        const StageChange &stated = trailers->stage == ReleaseStage::Canary ? canary : ga;
        entry.stage = stageName(trailers->stage);
        entry.kind = kindName(trailers->kind);
        // The trailers say what the commit meant; the files fill in what they leave out.
        entry.fromTag = trailers->previousImage.isEmpty() ? stated.fromTag : trailers->previousTag();
        entry.toTag = trailers->image.isEmpty() ? stated.toTag : trailers->tag();
        entry.image = trailers->image.isEmpty() ? stated.repository
                                                : manifest::parseImageReference(trailers->image).repository;
        entry.reverts = trailers->reverts.isNull() ? revertLine : trailers->reverts;
    } else {
        const StageChange *picked = ga.changed ? &ga : canary.changed ? &canary : nullptr;
        if (picked) {
            entry.stage = picked == &ga ? stageName(ReleaseStage::Ga) : stageName(ReleaseStage::Canary);
            entry.fromTag = picked->fromTag;
            entry.toTag = picked->toTag;
            entry.image = picked->repository;
        }
        entry.reverts = revertLine;
        entry.kind = revertLine.isNull() ? u"edit"_s : kindName(ReleaseKind::Rollback);
    }
    if (entry.image.isEmpty())
        entry.image = overlays.repositoryAt(info.id, stageName(ReleaseStage::Ga));
    return entry;
}

/// The entries of `commits` (the changes of the service environment's folder, newest first). `complete`: they
/// are its whole first-parent history, so the oldest one's parent has no such folder. Each commit's parent holds
/// what the next older change left (nothing in between touched the folder): only the oldest parent is looked up.
std::vector<ReleaseEntry> describeAll(const std::vector<git::CommitInfo> &commits, bool complete,
                                      OverlayReader &overlays, const QString &service, const QString &env)
{
    std::vector<ReleaseEntry> out(commits.size());
    std::optional<StageBlobs> previous;
    if (complete)
        previous = StageBlobs{};
    const QString ga = stageName(ReleaseStage::Ga);
    const QString canary = stageName(ReleaseStage::Canary);
    for (size_t i = commits.size(); i-- > 0;) {
        const git::CommitInfo &info = commits[i];
        const StageBlobs after{overlays.blobAt(info.id, ga), overlays.blobAt(info.id, canary)};
        if (!previous) {
            const git::ObjectId parent = info.parents.isEmpty() ? git::ObjectId() : info.parents.first();
            previous = StageBlobs{overlays.blobAt(parent, ga), overlays.blobAt(parent, canary)};
        }
        out[i] = describe(info, after, *previous, overlays, service, env);
        previous = after;
    }
    return out;
}

Result<void> checkServiceEnv(const QString &service, const QString &env)
{
    if (!isDnsLabel(service) || !isDnsLabel(env)) {
        return makeError(Error::Code::InvalidInput,
                         ReleaseHistoryText::tr("\"%1\" in \"%2\" is not a service environment: both names must be "
                                                "lower-case DNS labels.")
                             .arg(service, env));
    }
    return {};
}

std::vector<ReleaseEntry> firstEntries(const std::vector<ReleaseEntry> &entries, int limit)
{
    if (limit < 0 || static_cast<size_t>(limit) >= entries.size())
        return entries;
    return std::vector<ReleaseEntry>(entries.begin(), entries.begin() + limit);
}

// The stored form: a header that names the format and the timeline, then the entries field by field.
constexpr quint32 kFileMagic = 0x47445248;   // "GDRH"
constexpr quint32 kFileVersion = 1;

QByteArray idBytes(const git::ObjectId &id)
{
    return QByteArray(reinterpret_cast<const char *>(id.data()), git::ObjectId::size);
}

git::ObjectId idFromBytes(const QByteArray &bytes)
{
    if (bytes.size() != git::ObjectId::size)
        return {};
    return git::ObjectId(reinterpret_cast<const unsigned char *>(bytes.constData()));
}

} // namespace

Result<std::vector<ReleaseEntry>> releaseHistory(const git::Repository &repo, const git::ObjectId &tip,
                                                 const QString &service, const QString &env, int limit)
{
    if (auto checked = checkServiceEnv(service, env); !checked.ok())
        return checked.error();
    std::vector<ReleaseEntry> out;
    if (tip.isNull() || limit == 0)
        return out;
    auto commits = git::pathHistory(repo, tip, ServiceEnvPaths::folder(service, env), limit);
    if (!commits.ok())
        return commits.error();
    OverlayReader overlays(repo, service, env);
    return describeAll(*commits, limit < 0, overlays, service, env);
}

ReleaseHistoryCache::ReleaseHistoryCache(QString storeDir) : m_storeDir(std::move(storeDir)) {}

ReleaseHistoryCache &ReleaseHistoryCache::shared()
{
    static ReleaseHistoryCache cache(repoCacheDir() + u"/release-history"_s);
    return cache;
}

Result<std::vector<ReleaseEntry>> ReleaseHistoryCache::history(const git::Repository &repo, const git::ObjectId &tip,
                                                               const QString &service, const QString &env, int limit)
{
    if (auto checked = checkServiceEnv(service, env); !checked.ok())
        return checked.error();
    if (tip.isNull() || limit == 0)
        return std::vector<ReleaseEntry>{};
    const QString key = repo.path() + QChar(0x1f) + service + QChar(0x1f) + env;

    std::optional<Timeline> known;
    {
        QMutexLocker lock(&m_mutex);
        if (auto it = m_memory.constFind(key); it != m_memory.cend()) {
            if (it->tip == tip)
                return firstEntries(it->entries, limit);
            known = *it;
        }
    }
    if (!known) {
        known = load(key);
        if (known->tip == tip) {
            const std::vector<ReleaseEntry> entries = firstEntries(known->entries, limit);
            QMutexLocker lock(&m_mutex);
            if (m_memory.size() >= kMaxTimelines)
                m_memory.clear();
            m_memory.insert(key, std::move(*known));
            return entries;
        }
    }

    // Only the commits since the timeline's tip, when that tip is on the new tip's first-parent line.
    auto changes = git::pathHistorySince(repo, tip, ServiceEnvPaths::folder(service, env), known->tip);
    if (!changes.ok())
        return changes.error();
    std::vector<git::CommitInfo> commits;
    commits.reserve(changes->commits.size());
    for (const git::ObjectId &id : changes->commits) {
        auto info = repo.commitInfo(id);
        if (!info.ok())
            return info.error();
        commits.push_back(std::move(*info));
    }
    OverlayReader overlays(repo, service, env);
    Timeline fresh;
    fresh.tip = tip;
    fresh.entries = describeAll(commits, !changes->reachedSince, overlays, service, env);
    if (changes->reachedSince)
        fresh.entries.insert(fresh.entries.end(), known->entries.begin(), known->entries.end());

    if (changes->commitsOutsideGraph >= kCommitGraphRefresh) {
        // Best effort: a failure (another process holds the file's lock) only leaves walks slower.
        (void)git::updateCommitGraph(repo);
    }
    save(key, fresh);
    std::vector<ReleaseEntry> entries = firstEntries(fresh.entries, limit);
    QMutexLocker lock(&m_mutex);
    if (m_memory.size() >= kMaxTimelines)
        m_memory.clear();
    m_memory.insert(key, std::move(fresh));
    return entries;
}

void ReleaseHistoryCache::clearMemory()
{
    QMutexLocker lock(&m_mutex);
    m_memory.clear();
}

QString ReleaseHistoryCache::fileFor(const QString &key) const
{
    if (m_storeDir.isEmpty())
        return {};
    const QByteArray name = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return m_storeDir + u'/' + QString::fromLatin1(name) + u".timeline"_s;
}

ReleaseHistoryCache::Timeline ReleaseHistoryCache::load(const QString &key) const
{
    const QString path = fileFor(key);
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 version = 0;
    QString storedKey;
    QByteArray tip;
    quint32 count = 0;
    in >> magic >> version >> storedKey >> tip >> count;
    // Anything unexpected (another format, a name collision, a cut-off file) is a miss, never an error.
    if (in.status() != QDataStream::Ok || magic != kFileMagic || version != kFileVersion || storedKey != key
        || count > 1'000'000)
        return {};
    Timeline timeline;
    timeline.entries.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        ReleaseEntry entry;
        QByteArray commit;
        QByteArray reverts;
        in >> commit >> entry.summary >> entry.author.name >> entry.author.email >> entry.author.when >> entry.when
            >> entry.stage >> entry.kind >> entry.fromTag >> entry.toTag >> entry.image >> reverts
            >> entry.byGitOpsDesk;
        entry.commit = idFromBytes(commit);
        entry.reverts = idFromBytes(reverts);
        if (in.status() != QDataStream::Ok || entry.commit.isNull())
            return {};
        timeline.entries.push_back(std::move(entry));
    }
    timeline.tip = idFromBytes(tip);
    return timeline;
}

void ReleaseHistoryCache::save(const QString &key, const Timeline &timeline) const
{
    const QString path = fileFor(key);
    if (path.isEmpty() || !QDir().mkpath(m_storeDir))
        return;
    // Written beside and renamed over: a reader never sees half a file. A failure only costs a recomputation.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << kFileMagic << kFileVersion << key << idBytes(timeline.tip) << quint32(timeline.entries.size());
    for (const ReleaseEntry &entry : timeline.entries) {
        out << idBytes(entry.commit) << entry.summary << entry.author.name << entry.author.email << entry.author.when
            << entry.when << entry.stage << entry.kind << entry.fromTag << entry.toTag << entry.image
            << idBytes(entry.reverts) << entry.byGitOpsDesk;
    }
    if (out.status() == QDataStream::Ok)
        file.commit();
}

QDateTime rollbackDeadline(const ReleaseEntry &entry, int windowMinutes)
{
    return entry.when.addSecs(qint64(windowMinutes) * 60);
}

const ReleaseEntry *openRollbackWindow(const std::vector<ReleaseEntry> &entries, int windowMinutes,
                                       const QDateTime &now)
{
    for (const ReleaseEntry &entry : entries) {
        if (entry.stage != stageName(ReleaseStage::Ga))
            continue;
        // The newest GA change decides: once it is an undo, there is nothing left to roll back in a hurry; when it
        // brought GA in (a new service), there is nothing earlier to go back to.
        const bool undo = entry.kind == kindName(ReleaseKind::Rollback) || entry.kind == kindName(ReleaseKind::Abort);
        if (undo || entry.broughtIn() || windowMinutes <= 0 || now >= rollbackDeadline(entry, windowMinutes))
            return nullptr;
        return &entry;
    }
    return nullptr;
}

} // namespace gd::ws
