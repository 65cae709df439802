// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/history.h"

#include "git/gitutil.h"

#include <git2/sys/commit_graph.h>
#include <git2/sys/odb_backend.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>

#include <algorithm>
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

/// An object read straight from a backend of the object database (or, failing that, through git_odb_read). Owns its
/// data until reset or destroyed.
class RawObject {
public:
    RawObject() = default;
    RawObject(const RawObject &) = delete;
    RawObject &operator=(const RawObject &) = delete;
    ~RawObject() { reset(); }

    void reset()
    {
        if (m_backend)
            git_odb_backend_data_free(m_backend, m_data);
        if (m_object)
            git_odb_object_free(m_object);
        m_backend = nullptr;
        m_object = nullptr;
        m_data = nullptr;
        m_size = 0;
        m_type = GIT_OBJECT_INVALID;
    }
    void takeBackendData(git_odb_backend *backend, void *data, size_t size, git_object_t type)
    {
        reset();
        m_backend = backend;
        m_data = data;
        m_size = size;
        m_type = type;
    }
    void takeObject(git_odb_object *object)
    {
        reset();
        m_object = object;
        m_data = const_cast<void *>(git_odb_object_data(object));
        m_size = git_odb_object_size(object);
        m_type = git_odb_object_type(object);
    }

    const char *data() const { return static_cast<const char *>(m_data); }
    size_t size() const { return m_size; }
    git_object_t type() const { return m_type; }

private:
    git_odb_backend *m_backend = nullptr;
    git_odb_object *m_object = nullptr;
    void *m_data = nullptr;
    size_t m_size = 0;
    git_object_t m_type = GIT_OBJECT_INVALID;
};

/// Reads objects from the backends of an object database directly. A walk reads each commit and tree once, so the
/// repository's object cache (where git_odb_read puts every object) only costs: inserting tens of thousands of
/// objects that are never asked for again made a 20,000-commit walk about 1.4 times slower. An object no backend
/// has (a pack written after the database was opened) is read through git_odb_read, which rescans the packs.
class ObjectReader {
public:
    explicit ObjectReader(git_odb *odb) : m_odb(odb)
    {
        const size_t count = git_odb_num_backends(odb);
        for (size_t i = 0; i < count; ++i) {
            git_odb_backend *backend = nullptr;
            if (git_odb_get_backend(&backend, odb, i) == 0 && backend && backend->read)
                m_backends.push_back(backend);
        }
    }

    /// Reads `id` into `out`; false with problem() set when no backend has it.
    bool read(const git_oid &id, RawObject *out)
    {
        for (git_odb_backend *backend : m_backends) {
            void *data = nullptr;
            size_t size = 0;
            git_object_t type = GIT_OBJECT_INVALID;
            if (backend->read(&data, &size, &type, backend, &id) == 0) {
                out->takeBackendData(backend, data, size, type);
                return true;
            }
        }
        git_error_clear();
        git_odb_object *object = nullptr;
        if (const int rc = git_odb_read(&object, m_odb, &id); rc < 0) {
            m_problem = lastErrorText(rc);
            return false;
        }
        out->takeObject(object);
        return true;
    }

    const QString &problem() const { return m_problem; }

private:
    git_odb *m_odb;
    std::vector<git_odb_backend *> m_backends;
    QString m_problem;
};

quint32 bigEndian32(const unsigned char *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

/// A repository's commit-graph file (objects/info/commit-graph, the format git and libgit2 write): for each commit
/// its tree and parents, so that a walk reads no commit object at all. Commits newer than the file are not in it;
/// the walk reads those from the object database. The file is checked (layout, bounds, and once per process and
/// file version its trailing SHA-1) before it is used; a file that fails any check is ignored.
class CommitGraph {
public:
    static constexpr quint32 noParent = 0x70000000;

    /// Opens the file of the repository whose object folder is `objectsDir`; isValid() is false when there is none
    /// or it is not usable.
    explicit CommitGraph(const QString &objectsDir) : m_file(objectsDir + QStringLiteral("/info/commit-graph"))
    {
        if (!m_file.exists() || !m_file.open(QIODevice::ReadOnly))
            return;
        const qint64 size = m_file.size();
        if (size < 8 + 12 + GIT_OID_RAWSZ)
            return;
        m_data = m_file.map(0, size);
        m_size = static_cast<size_t>(size);
        if (!m_data || !checkLayout() || !checkSum()) {
            m_data = nullptr;
            m_count = 0;
        }
    }

    bool isValid() const { return m_data != nullptr; }

    /// The position of `id` in the file, or -1.
    qint64 find(const git_oid &id) const
    {
        if (!m_data)
            return -1;
        const unsigned char first = id.id[0];
        quint32 low = first == 0 ? 0 : bigEndian32(m_fanout + 4 * (first - 1));
        quint32 high = bigEndian32(m_fanout + 4 * first);
        while (low < high) {
            const quint32 middle = low + (high - low) / 2;
            const int order = std::memcmp(m_ids + size_t(middle) * GIT_OID_RAWSZ, id.id, GIT_OID_RAWSZ);
            if (order == 0)
                return middle;
            if (order < 0)
                low = middle + 1;
            else
                high = middle;
        }
        return -1;
    }

    /// The id, tree and first parent (position, or noParent) of the commit at `position` (< count()). False when
    /// the entry names a parent outside the file (a damaged file: the caller reads the commit object instead).
    bool entry(quint32 position, git_oid *id, git_oid *tree, quint32 *parent) const
    {
        const unsigned char *data = m_commitData + size_t(position) * (GIT_OID_RAWSZ + 16);
        *parent = bigEndian32(data + GIT_OID_RAWSZ);
        if (*parent != noParent && *parent >= m_count)
            return false;
        git_oid_fromraw(id, m_ids + size_t(position) * GIT_OID_RAWSZ);
        git_oid_fromraw(tree, data);
        return true;
    }

    quint32 count() const { return m_count; }

private:
    bool checkLayout()
    {
        const unsigned char *header = m_data;
        // "CGPH", version 1, hash version 1 (SHA-1), chunk count, no base graphs (a split chain is not read here).
        if (std::memcmp(header, "CGPH", 4) != 0 || header[4] != 1 || header[5] != 1 || header[7] != 0)
            return false;
        const size_t chunks = header[6];
        const size_t tableEnd = 8 + (chunks + 1) * 12;
        const size_t dataEnd = m_size - GIT_OID_RAWSZ;
        if (tableEnd > dataEnd)
            return false;
        const unsigned char *fanout = nullptr;
        const unsigned char *ids = nullptr;
        const unsigned char *commitData = nullptr;
        size_t idsSize = 0;
        size_t commitDataSize = 0;
        for (size_t i = 0; i < chunks; ++i) {
            const unsigned char *row = m_data + 8 + i * 12;
            const quint64 begin = (quint64(bigEndian32(row + 4)) << 32) | bigEndian32(row + 8);
            const unsigned char *next = row + 12;
            const quint64 end = (quint64(bigEndian32(next + 4)) << 32) | bigEndian32(next + 8);
            if (begin < tableEnd || end < begin || end > dataEnd)
                return false;
            const size_t length = static_cast<size_t>(end - begin);
            if (std::memcmp(row, "OIDF", 4) == 0) {
                if (length != 256 * 4)
                    return false;
                fanout = m_data + begin;
            } else if (std::memcmp(row, "OIDL", 4) == 0) {
                ids = m_data + begin;
                idsSize = length;
            } else if (std::memcmp(row, "CDAT", 4) == 0) {
                commitData = m_data + begin;
                commitDataSize = length;
            }
        }
        if (!fanout || !ids || !commitData)
            return false;
        quint32 previous = 0;
        for (int i = 0; i < 256; ++i) {
            const quint32 value = bigEndian32(fanout + 4 * i);
            if (value < previous)
                return false;
            previous = value;
        }
        m_count = previous;
        if (idsSize < size_t(m_count) * GIT_OID_RAWSZ || commitDataSize < size_t(m_count) * (GIT_OID_RAWSZ + 16))
            return false;
        m_fanout = fanout;
        m_ids = ids;
        m_commitData = commitData;
        return true;
    }

    /// The trailing SHA-1 of the file, checked once per process for each file version (path, size, time).
    bool checkSum()
    {
        const QFileInfo info(m_file);
        const QString version = info.absoluteFilePath() + QLatin1Char('|') + QString::number(m_size) + QLatin1Char('|')
                                + QString::number(info.lastModified().toMSecsSinceEpoch());
        static QMutex checkedMutex;
        static QSet<QString> checked;
        {
            QMutexLocker lock(&checkedMutex);
            if (checked.contains(version))
                return true;
        }
        const size_t body = m_size - GIT_OID_RAWSZ;
        const QByteArray sum = QCryptographicHash::hash(
            QByteArrayView(reinterpret_cast<const char *>(m_data), static_cast<qsizetype>(body)),
            QCryptographicHash::Sha1);
        if (std::memcmp(sum.constData(), m_data + body, GIT_OID_RAWSZ) != 0)
            return false;
        QMutexLocker lock(&checkedMutex);
        if (checked.size() > 256)
            checked.clear();
        checked.insert(version);
        return true;
    }

    QFile m_file;
    const unsigned char *m_data = nullptr;
    size_t m_size = 0;
    quint32 m_count = 0;
    const unsigned char *m_fanout = nullptr;
    const unsigned char *m_ids = nullptr;
    const unsigned char *m_commitData = nullptr;
};

/// The objects folder of a repository ("…/objects"), without the trailing slash; empty when it cannot be told.
QString objectsDirOf(const Repository &repo)
{
    git_buf buffer = GIT_BUF_INIT;
    if (git_repository_item_path(&buffer, repo.handle(), GIT_REPOSITORY_ITEM_OBJECTS) < 0) {
        git_error_clear();
        return {};
    }
    QString dir = QString::fromUtf8(buffer.ptr, static_cast<qsizetype>(buffer.size));
    git_buf_dispose(&buffer);
    while (dir.endsWith(QLatin1Char('/')))
        dir.chop(1);
    return dir;
}

/// Walks first parents and compares, for each commit, the ids of the requested paths with those of its parent.
/// Only raw objects are read (no git_commit or git_tree is built); a commit's tree and parent come from the
/// commit-graph file when it has the commit. Trees are read in batches of neighbouring commits, oldest first:
/// packs store older versions of a folder as deltas against newer ones, and libgit2 keeps the bases it applied in
/// its delta cache, so the newer trees of a batch are then copies instead of a second inflate of their delta.
class HistoryWalker {
public:
    HistoryWalker(git_odb *odb, const PathTrie &trie, const QString &objectsDir)
        : m_reader(odb), m_graph(objectsDir), m_trie(trie), m_zero(trie.nodes.size())
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
        if (stopAt && git_oid_equal(&tip, stopAt)) {
            *end = End::StopCommit;
            return true;
        }
        // links[0] is the newest commit not evaluated yet; when `newestResolved`, rows[0] already holds its ids
        // (it was the previous batch's look-ahead). The last link of a batch is the parent of the one before it.
        std::vector<Link> links(1);
        if (!readLink(tip, -1, &links[0]))
            return false;
        bool newestResolved = false;
        size_t batch = 4;   // grows to kMaxBatch, so that a walk that stops early reads little ahead
        for (;;) {
            bool reachedRoot = false;
            bool reachedStop = false;
            while (links.size() < batch + 1) {
                const Link &last = links.back();
                if (!last.hasParent) {
                    reachedRoot = true;
                    break;
                }
                Link parent;
                if (!readLink(last.parent, last.parentPosition, &parent))
                    return false;
                links.push_back(parent);
                if (stopAt && git_oid_equal(&parent.id, stopAt)) {
                    reachedStop = true;
                    break;
                }
            }
            if (m_rows.size() < links.size())
                m_rows.resize(links.size(), std::vector<git_oid>(m_trie.nodes.size()));
            for (size_t i = links.size(); i-- > (newestResolved ? 1 : 0);) {
                const std::vector<git_oid> *hint = i + 1 < links.size() ? &m_rows[i + 1]
                                                   : newestResolved      ? &m_rows[0]
                                                                         : nullptr;
                m_rows[i][0] = links[i].tree;
                if (!resolve(m_rows[i], hint, 0))
                    return false;
            }
            // Evaluate every link that has its parent in the batch; the root is compared with nothing.
            const size_t evaluated = reachedRoot ? links.size() : links.size() - 1;
            for (size_t i = 0; i < evaluated; ++i) {
                const std::vector<git_oid> &older = i + 1 < links.size() ? m_rows[i + 1] : m_zero;
                for (size_t n = 0; n < m_trie.nodes.size(); ++n) {
                    if (m_trie.nodes[n].pathIndexes.empty() || git_oid_equal(&m_rows[i][n], &older[n]))
                        continue;
                    for (int pathIndex : m_trie.nodes[n].pathIndexes) {
                        if (!onChange(links[i].id, pathIndex))
                            return true;
                    }
                }
            }
            if (reachedRoot) {
                *end = End::Root;
                return true;
            }
            if (reachedStop) {
                *end = End::StopCommit;
                return true;
            }
            links.front() = links.back();
            links.resize(1);
            m_rows.front().swap(m_rows[evaluated]);
            newestResolved = true;
            batch = std::min(batch * 2, kMaxBatch);
        }
    }

    const QString &problem() const { return m_problem.isEmpty() ? m_reader.problem() : m_problem; }
    /// How many commits were read as objects, not from the commit-graph file.
    int commitsOutsideGraph() const { return m_commitsOutsideGraph; }

private:
    static constexpr size_t kMaxBatch = 64;

    struct Link {
        git_oid id{};
        git_oid tree{};
        git_oid parent{};
        qint64 parentPosition = -1;   ///< in the commit-graph, when known
        bool hasParent = false;
    };

    /// A commit's tree and first parent: from the commit-graph when it has the commit (`position` when the
    /// child's entry named it), else parsed from the commit object.
    bool readLink(const git_oid &id, qint64 position, Link *out)
    {
        out->id = id;
        if (m_graph.isValid()) {
            if (position < 0)
                position = m_graph.find(id);
            quint32 parent = CommitGraph::noParent;
            git_oid listed;
            if (position >= 0 && m_graph.entry(static_cast<quint32>(position), &listed, &out->tree, &parent)
                && git_oid_equal(&listed, &id)) {
                out->hasParent = parent != CommitGraph::noParent;
                out->parentPosition = out->hasParent ? qint64(parent) : -1;
                if (out->hasParent) {
                    git_oid tree;
                    quint32 grandParent = 0;
                    if (!m_graph.entry(parent, &out->parent, &tree, &grandParent))
                        return readCommit(id, out);
                }
                return true;
            }
        }
        return readCommit(id, out);
    }

    bool readCommit(const git_oid &id, Link *out)
    {
        ++m_commitsOutsideGraph;
        RawObject object;
        if (!m_reader.read(id, &object))
            return false;
        if (object.type() != GIT_OBJECT_COMMIT) {
            m_problem = QStringLiteral("object %1 is not a commit").arg(fromOid(&id).toHex());
            return false;
        }
        const char *data = object.data();
        const size_t size = object.size();
        constexpr size_t hexSize = GIT_OID_HEXSZ;
        if (size < 5 + hexSize + 1 || std::memcmp(data, "tree ", 5) != 0
            || git_oid_fromstrn(&out->tree, data + 5, hexSize) < 0) {
            m_problem = QStringLiteral("commit %1 has no tree line").arg(fromOid(&id).toHex());
            return false;
        }
        const size_t parentAt = 5 + hexSize + 1;
        out->hasParent = size >= parentAt + 7 + hexSize && std::memcmp(data + parentAt, "parent ", 7) == 0
                         && git_oid_fromstrn(&out->parent, data + parentAt + 7, hexSize) == 0;
        out->parentPosition = -1;
        return true;
    }

    /// Fills ids[d] for the nodes below `node` from ids[node]. Where `same` (another commit's ids) holds the same
    /// tree id, the whole range is copied instead of read: unchanged folders cost nothing.
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
        if (!m_reader.read(ids[node], &m_tree))
            return false;
        // A blob where a folder was expected (a file replaced the folder) has no entries.
        if (m_tree.type() == GIT_OBJECT_TREE) {
            const char *data = m_tree.data();
            const char *end = data + m_tree.size();
            int found = 0;
            const int wanted = static_cast<int>(info.children.size());
            // Entries: "<mode> <name>\0<20 raw bytes>"; a mode is 5 ("40000") or 6 digits long.
            while (data < end && found < wanted) {
                const char *space = nullptr;
                if (end - data > 6)
                    space = data[5] == ' ' ? data + 5 : data[6] == ' ' ? data + 6 : nullptr;
                if (!space)
                    space = static_cast<const char *>(std::memchr(data, ' ', static_cast<size_t>(end - data)));
                if (!space)
                    break;
                const char *name = space + 1;
                const char *nul = static_cast<const char *>(std::memchr(name, 0, static_cast<size_t>(end - name)));
                if (!nul || end - (nul + 1) < GIT_OID_RAWSZ)
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
        m_tree.reset();
        for (int child : info.children) {
            if (!resolve(ids, same, child))
                return false;
        }
        return true;
    }

    ObjectReader m_reader;
    CommitGraph m_graph;
    const PathTrie &m_trie;
    std::vector<std::vector<git_oid>> m_rows;
    const std::vector<git_oid> m_zero;
    RawObject m_tree;
    QString m_problem;
    int m_commitsOutsideGraph = 0;
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
        HistoryWalker walker(odb->get(), trie, objectsDirOf(repo));
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

Result<PathChanges> pathHistorySince(const Repository &repo, const ObjectId &tip, const QString &path,
                                     const ObjectId &since)
{
    PathChanges out;
    if (tip.isNull())
        return out;
    const QString cleanPath = normalisedPath(path);
    if (!cleanPath.isEmpty() && checkedRepoPath(cleanPath).isEmpty())
        return makeError(Error::Code::InvalidInput,
                         HistoryText::tr("The path \"%1\" is not a valid repository path.").arg(path));
    Result<OdbPtr> odb = openOdb(repo);
    if (!odb)
        return odb.error();
    const PathTrie trie = PathTrie::build({cleanPath.toUtf8()});
    HistoryWalker walker(odb->get(), trie, objectsDirOf(repo));
    const git_oid sinceOid = toOid(since);
    HistoryWalker::End end = HistoryWalker::End::Stopped;
    if (!walker.walk(toOid(tip), since.isNull() ? nullptr : &sinceOid,
                     [&](const git_oid &commit, int) {
                         out.commits.push_back(fromOid(&commit));
                         return true;
                     },
                     &end))
        return walkError(walker.problem());
    out.reachedSince = end == HistoryWalker::End::StopCommit;
    out.commitsOutsideGraph = walker.commitsOutsideGraph();
    return out;
}

Result<bool> updateCommitGraph(const Repository &repo)
{
    const QString objectsDir = objectsDirOf(repo);
    if (objectsDir.isEmpty())
        return makeError(Error::Code::Git, HistoryText::tr("The object folder of the repository could not be found."));

    // The commits the references point at; the file is current when it has all of them.
    git_reference_iterator *rawIterator = nullptr;
    if (const int rc = git_reference_iterator_new(&rawIterator, repo.handle()); rc < 0)
        return gitError(rc, HistoryText::tr("The references of the repository could not be read."));
    Handle<git_reference_iterator, git_reference_iterator_free> iterator(rawIterator);
    std::vector<git_oid> tips;
    git_reference *rawReference = nullptr;
    while (git_reference_next(&rawReference, iterator.get()) == 0) {
        ReferencePtr reference(rawReference);
        git_object *peeled = nullptr;
        if (git_reference_peel(&peeled, reference.get(), GIT_OBJECT_COMMIT) == 0) {
            tips.push_back(*git_object_id(peeled));
            git_object_free(peeled);
        }
    }
    git_error_clear();
    if (tips.empty())
        return false;
    {
        const CommitGraph current(objectsDir);
        if (current.isValid()
            && std::all_of(tips.begin(), tips.end(), [&](const git_oid &id) { return current.find(id) >= 0; }))
            return false;
    }

    const QString infoDir = objectsDir + QStringLiteral("/info");
    if (!QDir().mkpath(infoDir))
        return makeError(Error::Code::Io, HistoryText::tr("The folder %1 could not be created.").arg(infoDir));
    const auto failed = [](int rc) {
        return gitError(rc, HistoryText::tr("The commit-graph file of the repository could not be written. History "
                                            "still works, only slower."));
    };
    git_revwalk *rawWalk = nullptr;
    if (const int rc = git_revwalk_new(&rawWalk, repo.handle()); rc < 0)
        return failed(rc);
    RevwalkPtr walk(rawWalk);
    for (const git_oid &id : tips) {
        if (const int rc = git_revwalk_push(walk.get(), &id); rc < 0)
            return failed(rc);
    }
    git_commit_graph_writer *rawWriter = nullptr;
    if (const int rc = git_commit_graph_writer_new(&rawWriter, infoDir.toUtf8().constData()); rc < 0)
        return failed(rc);
    Handle<git_commit_graph_writer, git_commit_graph_writer_free> writer(rawWriter);
    if (const int rc = git_commit_graph_writer_add_revwalk(writer.get(), walk.get()); rc < 0)
        return failed(rc);
    git_commit_graph_writer_options options = GIT_COMMIT_GRAPH_WRITER_OPTIONS_INIT;
    if (const int rc = git_commit_graph_writer_commit(writer.get(), &options); rc < 0)
        return failed(rc);
    return true;
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
    HistoryWalker walker(odb->get(), trie, objectsDirOf(repo));
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
    HistoryWalker walker(odb->get(), trie, objectsDirOf(repo));
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
