// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/history.h"

#include "git/gitutil.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>

#include <cstring>
#include <string_view>
#include <unordered_map>

namespace gd::git {

using namespace detail;

namespace {

// The translatable sentences of this file, in the "gd::git::History" context (lupdate reads the macro).
struct HistoryText {
    Q_DECLARE_TR_FUNCTIONS(gd::git::History)
};

/// The requested paths as a tree of path components, in depth-first order, so that the nodes below node n are
/// exactly the range (n, end[n]). Node 0 is the repository root.
struct PathTrie {
    struct Node {
        std::string name;
        std::vector<int> children;
        std::unordered_map<std::string_view, int> byName;   ///< filled for nodes with many children
        int end = 0;
        std::vector<int> pathIndexes;   ///< which requested paths end here
    };
    std::vector<Node> nodes;

    static PathTrie build(const std::vector<QByteArray> &paths)
    {
        // Build a pointer-free intermediate first, then lay it out depth-first.
        struct Temp {
            std::string name;
            std::vector<int> children;
            std::vector<int> pathIndexes;
        };
        std::vector<Temp> temp(1);
        for (int p = 0; p < static_cast<int>(paths.size()); ++p) {
            int at = 0;
            if (!paths[p].isEmpty()) {
                for (const QByteArray &part : paths[p].split('/')) {
                    int found = -1;
                    for (int child : temp[at].children) {
                        if (temp[child].name == part.toStdString()) {
                            found = child;
                            break;
                        }
                    }
                    if (found < 0) {
                        found = static_cast<int>(temp.size());
                        temp.push_back(Temp{part.toStdString(), {}, {}});
                        temp[at].children.push_back(found);
                    }
                    at = found;
                }
            }
            temp[at].pathIndexes.push_back(p);
        }
        PathTrie trie;
        trie.nodes.reserve(temp.size());
        layout(temp, 0, trie);
        for (Node &node : trie.nodes) {
            if (node.children.size() > 6) {
                for (int child : node.children)
                    node.byName.emplace(std::string_view(trie.nodes[child].name), child);
            }
        }
        return trie;
    }

private:
    template<typename Temp>
    static int layout(const std::vector<Temp> &temp, int from, PathTrie &trie)
    {
        const int index = static_cast<int>(trie.nodes.size());
        trie.nodes.push_back(Node{temp[from].name, {}, {}, 0, temp[from].pathIndexes});
        std::vector<int> children;
        for (int child : temp[from].children)
            children.push_back(layout(temp, child, trie));
        trie.nodes[index].children = std::move(children);
        trie.nodes[index].end = static_cast<int>(trie.nodes.size());
        return index;
    }
};

/// Reads raw objects straight from the object database and parses only what the walk needs: no git_commit or
/// git_tree objects are built, and nothing but a commit's tree and first parent is looked at.
class HistoryWalker {
public:
    HistoryWalker(git_odb *odb, const PathTrie &trie)
        : m_odb(odb), m_trie(trie), m_newer(trie.nodes.size()), m_older(trie.nodes.size())
    {
    }

    enum class End { Stopped, Root, StopCommit };

    /// Walks first parents from `tip`. `onChange(commit, pathIndex)` is called newest first; it returns false to
    /// stop (End::Stopped). Stops before evaluating `stopAt` (End::StopCommit: its changes are known to the
    /// caller), or after the root commit (End::Root). Returns false when an object cannot be read (see problem()).
    template<typename OnChange>
    bool walk(const git_oid &tip, const git_oid *stopAt, OnChange &&onChange, End *end)
    {
        *end = End::Stopped;
        git_oid current = tip;
        git_oid tree;
        git_oid parent;
        bool hasParent = false;
        if (!readCommit(current, &tree, &parent, &hasParent))
            return false;
        m_newer[0] = tree;
        if (!resolve(m_newer, nullptr, 0))
            return false;
        for (;;) {
            if (stopAt && git_oid_equal(&current, stopAt)) {
                *end = End::StopCommit;
                return true;
            }
            git_oid parentTree;
            git_oid grandParent;
            bool parentHasParent = false;
            if (hasParent) {
                if (!readCommit(parent, &parentTree, &grandParent, &parentHasParent))
                    return false;
                m_older[0] = parentTree;
                if (!resolve(m_older, &m_newer, 0))
                    return false;
            } else {
                std::fill(m_older.begin(), m_older.end(), git_oid{});
            }
            for (size_t n = 0; n < m_trie.nodes.size(); ++n) {
                if (m_trie.nodes[n].pathIndexes.empty() || git_oid_equal(&m_newer[n], &m_older[n]))
                    continue;
                for (int pathIndex : m_trie.nodes[n].pathIndexes) {
                    if (!onChange(current, pathIndex))
                        return true;
                }
            }
            if (!hasParent) {
                *end = End::Root;
                return true;
            }
            current = parent;
            parent = grandParent;
            hasParent = parentHasParent;
            m_newer.swap(m_older);
        }
    }

    const QString &problem() const { return m_problem; }

private:
    bool readObject(const git_oid &id, git_object_t expected, OdbObjectPtr *out)
    {
        git_odb_object *raw = nullptr;
        if (const int rc = git_odb_read(&raw, m_odb, &id); rc < 0) {
            m_problem = lastErrorText(rc);
            return false;
        }
        out->reset(raw);
        if (git_odb_object_type(raw) != expected) {
            m_problem = QStringLiteral("object %1 has an unexpected type").arg(fromOid(&id).toHex());
            return false;
        }
        return true;
    }

    bool readCommit(const git_oid &id, git_oid *tree, git_oid *parent, bool *hasParent)
    {
        OdbObjectPtr object;
        if (!readObject(id, GIT_OBJECT_COMMIT, &object))
            return false;
        const char *data = static_cast<const char *>(git_odb_object_data(object.get()));
        const size_t size = git_odb_object_size(object.get());
        constexpr size_t hexSize = GIT_OID_HEXSZ;
        if (size < 5 + hexSize + 1 || std::memcmp(data, "tree ", 5) != 0
            || git_oid_fromstrn(tree, data + 5, hexSize) < 0) {
            m_problem = QStringLiteral("commit %1 has no tree line").arg(fromOid(&id).toHex());
            return false;
        }
        const size_t parentAt = 5 + hexSize + 1;
        *hasParent = size >= parentAt + 7 + hexSize && std::memcmp(data + parentAt, "parent ", 7) == 0
                     && git_oid_fromstrn(parent, data + parentAt + 7, hexSize) == 0;
        return true;
    }

    /// Fills ids[d] for the nodes below `node` from ids[node]. Where `same` (the neighbouring commit's ids) holds
    /// the same tree id, the whole range is copied instead of read: unchanged folders cost nothing.
    bool resolve(std::vector<git_oid> &ids, const std::vector<git_oid> *same, int node)
    {
        const PathTrie::Node &info = m_trie.nodes[static_cast<size_t>(node)];
        if (info.children.empty())
            return true;
        if (same && git_oid_equal(&ids[node], &(*same)[node])) {
            std::copy(same->begin() + node + 1, same->begin() + info.end, ids.begin() + node + 1);
            return true;
        }
        if (git_oid_is_zero(&ids[node])) {
            std::fill(ids.begin() + node + 1, ids.begin() + info.end, git_oid{});
            return true;
        }
        for (int child : info.children)
            ids[child] = git_oid{};
        OdbObjectPtr object;
        if (!readTree(ids[node], &object))
            return false;
        if (object) {
            const char *data = static_cast<const char *>(git_odb_object_data(object.get()));
            const char *end = data + git_odb_object_size(object.get());
            int found = 0;
            const int wanted = static_cast<int>(info.children.size());
            // Entries: "<mode> <name>\0<20 raw bytes>".
            while (data < end && found < wanted) {
                const char *space = static_cast<const char *>(std::memchr(data, ' ', static_cast<size_t>(end - data)));
                if (!space)
                    break;
                const char *name = space + 1;
                const char *nul = static_cast<const char *>(std::memchr(name, 0, static_cast<size_t>(end - name)));
                if (!nul || nul + 1 + GIT_OID_RAWSZ > end)
                    break;
                const std::string_view entryName(name, static_cast<size_t>(nul - name));
                int child = -1;
                if (!info.byName.empty()) {
                    if (auto it = info.byName.find(entryName); it != info.byName.end())
                        child = it->second;
                } else {
                    for (int candidate : info.children) {
                        if (m_trie.nodes[static_cast<size_t>(candidate)].name == entryName) {
                            child = candidate;
                            break;
                        }
                    }
                }
                if (child >= 0) {
                    git_oid_fromraw(&ids[child], reinterpret_cast<const unsigned char *>(nul + 1));
                    ++found;
                }
                data = nul + 1 + GIT_OID_RAWSZ;
            }
        }
        for (int child : info.children) {
            if (!resolve(ids, same, child))
                return false;
        }
        return true;
    }

    /// Reads a tree; a blob where a folder was expected (a file replaced a folder) gives an empty object.
    bool readTree(const git_oid &id, OdbObjectPtr *out)
    {
        git_odb_object *raw = nullptr;
        if (const int rc = git_odb_read(&raw, m_odb, &id); rc < 0) {
            m_problem = lastErrorText(rc);
            return false;
        }
        if (git_odb_object_type(raw) == GIT_OBJECT_TREE)
            out->reset(raw);
        else
            git_odb_object_free(raw);
        return true;
    }

    git_odb *m_odb;
    const PathTrie &m_trie;
    std::vector<git_oid> m_newer;
    std::vector<git_oid> m_older;
    QString m_problem;
};

/// Complete histories already computed, per repository and path, with the tip they were computed from.
/// A later tip that has the cached tip on its first-parent chain only walks the new commits.
struct CachedHistory {
    ObjectId tip;
    std::vector<ObjectId> commits;
};

QMutex cacheMutex;
QHash<QString, CachedHistory> &historyCache()
{
    static QHash<QString, CachedHistory> cache;
    return cache;
}
constexpr qsizetype kMaxCachedPaths = 8192;

QString cacheKey(const Repository &repo, const QString &path)
{
    return repo.path() + QChar(0x1f) + path;
}

void storeInCache(const QString &key, const ObjectId &tip, std::vector<ObjectId> commits)
{
    QMutexLocker lock(&cacheMutex);
    auto &cache = historyCache();
    if (cache.size() >= kMaxCachedPaths)
        cache.clear();
    cache.insert(key, CachedHistory{tip, std::move(commits)});
}

std::optional<CachedHistory> fromCache(const QString &key)
{
    QMutexLocker lock(&cacheMutex);
    const auto &cache = historyCache();
    const auto it = cache.constFind(key);
    if (it == cache.cend())
        return std::nullopt;
    return *it;
}

QString normalisedPath(const QString &path)
{
    QString out = path;
    while (out.endsWith(QLatin1Char('/')))
        out.chop(1);
    return out;
}

Result<OdbPtr> openOdb(const Repository &repo)
{
    git_odb *raw = nullptr;
    if (const int rc = git_repository_odb(&raw, repo.handle()); rc < 0)
        return gitError(rc, HistoryText::tr("The object database of the repository could not be opened."));
    return OdbPtr(raw);
}

Error walkError(const QString &problem)
{
    return makeError(Error::Code::Git,
                     HistoryText::tr("The history could not be read: the local copy of the repository is missing objects. "
                        "Delete the local cache of this repository to fetch it again."),
                     problem);
}

} // namespace

Result<std::vector<CommitInfo>> pathHistory(const Repository &repo, const ObjectId &tip, const QString &path,
                                            int limit)
{
    std::vector<CommitInfo> out;
    if (tip.isNull() || limit == 0)
        return out;
    const QString cleanPath = normalisedPath(path);
    if (!cleanPath.isEmpty() && checkedRepoPath(cleanPath).isEmpty())
        return makeError(Error::Code::InvalidInput,
                         HistoryText::tr("The path \"%1\" is not a valid repository path.").arg(path));

    const QString key = cacheKey(repo, cleanPath);
    std::optional<CachedHistory> cached = fromCache(key);
    std::vector<ObjectId> ids;
    if (cached && cached->tip == tip) {
        ids = std::move(cached->commits);
    } else {
        Result<OdbPtr> odb = openOdb(repo);
        if (!odb)
            return odb.error();
        const PathTrie trie = PathTrie::build({cleanPath.toUtf8()});
        HistoryWalker walker(odb->get(), trie);
        const git_oid tipOid = toOid(tip);
        git_oid stopOid;
        if (cached)
            stopOid = toOid(cached->tip);
        HistoryWalker::End end = HistoryWalker::End::Stopped;
        // With a limit and nothing cached, stop as soon as enough commits are found.
        const bool stopEarly = limit > 0 && !cached;
        const bool walked = walker.walk(tipOid, cached ? &stopOid : nullptr,
                                        [&](const git_oid &commit, int) {
                                            ids.push_back(fromOid(&commit));
                                            return !(stopEarly && static_cast<int>(ids.size()) >= limit);
                                        },
                                        &end);
        if (!walked)
            return walkError(walker.problem());
        // Reaching the cached tip joins its list; reaching the root is complete on its own (history rewritten).
        if (end == HistoryWalker::End::StopCommit)
            ids.insert(ids.end(), cached->commits.begin(), cached->commits.end());
        if (end != HistoryWalker::End::Stopped)
            storeInCache(key, tip, ids);
    }

    const size_t count = limit < 0 ? ids.size() : std::min(ids.size(), static_cast<size_t>(limit));
    out.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        Result<CommitInfo> info = repo.commitInfo(ids[i]);
        if (!info)
            return info.error();
        out.push_back(std::move(*info));
    }
    return out;
}

Result<QHash<QString, std::vector<ObjectId>>> pathsHistory(const Repository &repo, const ObjectId &tip,
                                                           const QStringList &paths)
{
    QHash<QString, std::vector<ObjectId>> out;
    std::vector<QByteArray> utf8Paths;
    QStringList cleanPaths;
    for (const QString &path : paths) {
        const QString clean = normalisedPath(path);
        if (!clean.isEmpty() && checkedRepoPath(clean).isEmpty())
            return makeError(Error::Code::InvalidInput,
                             HistoryText::tr("The path \"%1\" is not a valid repository path.").arg(path));
        out.insert(path, {});
        cleanPaths.append(clean);
        utf8Paths.push_back(clean.toUtf8());
    }
    if (tip.isNull() || paths.isEmpty())
        return out;

    Result<OdbPtr> odb = openOdb(repo);
    if (!odb)
        return odb.error();
    const PathTrie trie = PathTrie::build(utf8Paths);
    HistoryWalker walker(odb->get(), trie);
    std::vector<std::vector<ObjectId>> found(utf8Paths.size());
    HistoryWalker::End end = HistoryWalker::End::Stopped;
    const git_oid tipOid = toOid(tip);
    if (!walker.walk(tipOid, nullptr,
                     [&](const git_oid &commit, int pathIndex) {
                         found[static_cast<size_t>(pathIndex)].push_back(fromOid(&commit));
                         return true;
                     },
                     &end))
        return walkError(walker.problem());
    for (size_t i = 0; i < found.size(); ++i) {
        storeInCache(cacheKey(repo, cleanPaths[static_cast<qsizetype>(i)]), tip, found[i]);
        out[paths[static_cast<qsizetype>(i)]] = std::move(found[i]);
    }
    return out;
}

bool RecentChanges::isBehind(const QString &path, const ObjectId &revision) const
{
    const auto last = lastChange.constFind(path);
    const auto deployed = position.constFind(revision);
    if (last == lastChange.constEnd() || deployed == position.constEnd())
        return false;
    return deployed.value() > position.value(last.value(), -1);
}

Result<RecentChanges> recentChanges(const Repository &repo, const ObjectId &tip, const QStringList &paths, int margin)
{
    RecentChanges out;
    if (tip.isNull() || paths.isEmpty())
        return out;
    std::vector<QByteArray> utf8Paths;
    for (const QString &path : paths) {
        const QString clean = normalisedPath(path);
        if (clean.isEmpty() || !checkedRepoPath(clean).isEmpty())
            utf8Paths.push_back(clean.toUtf8());
        else
            return makeError(Error::Code::InvalidInput,
                             HistoryText::tr("The path \"%1\" is not a valid repository path.").arg(path));
    }

    // First the newest change of each path, stopping as soon as every path has one.
    Result<OdbPtr> odb = openOdb(repo);
    if (!odb)
        return odb.error();
    const PathTrie trie = PathTrie::build(utf8Paths);
    HistoryWalker walker(odb->get(), trie);
    HistoryWalker::End end = HistoryWalker::End::Stopped;
    int missing = static_cast<int>(paths.size());
    if (!walker.walk(toOid(tip), nullptr,
                     [&](const git_oid &commit, int pathIndex) {
                         const QString &path = paths[pathIndex];
                         if (!out.lastChange.contains(path)) {
                             out.lastChange.insert(path, fromOid(&commit));
                             --missing;
                         }
                         return missing > 0;
                     },
                     &end))
        return walkError(walker.problem());

    // Then number the first-parent chain down past the oldest of those changes.
    git_revwalk *rawWalk = nullptr;
    if (const int rc = git_revwalk_new(&rawWalk, repo.handle()); rc < 0)
        return gitError(rc, HistoryText::tr("The history of the repository could not be read."));
    RevwalkPtr revwalk(rawWalk);
    git_revwalk_simplify_first_parent(revwalk.get());
    const git_oid tipOid = toOid(tip);
    if (const int rc = git_revwalk_push(revwalk.get(), &tipOid); rc < 0)
        return gitError(rc, HistoryText::tr("The history of the repository could not be read."));
    QSet<ObjectId> pending(out.lastChange.cbegin(), out.lastChange.cend());
    int extra = 0;
    git_oid next;
    for (int index = 0; git_revwalk_next(&next, revwalk.get()) == 0; ++index) {
        const ObjectId id = fromOid(&next);
        out.position.insert(id, index);
        pending.remove(id);
        if (pending.isEmpty() && ++extra > margin)
            break;
    }
    return out;
}

QMap<QString, QString> messageTrailers(const QString &message)
{
    QMap<QString, QString> out;
    const QByteArray utf8 = message.toUtf8();
    git_message_trailer_array trailers{};
    if (git_message_trailers(&trailers, utf8.constData()) < 0) {
        git_error_clear();
        return out;
    }
    for (size_t i = 0; i < trailers.count; ++i)
        out.insert(QString::fromUtf8(trailers.trailers[i].key), QString::fromUtf8(trailers.trailers[i].value));
    git_message_trailer_array_free(&trailers);
    return out;
}

} // namespace gd::git
