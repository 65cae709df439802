// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/renderscope.h"

#include "manifest/yamltext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <optional>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {

// The translatable sentences of this file, in the "gd::ws::RenderScope" context (lupdate reads the macro).
namespace {
struct RenderScopeText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::RenderScope)
};

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? QString() : path.left(slash);
}

QString nameOf(const QString &path)
{
    return path.mid(path.lastIndexOf(u'/') + 1);
}

QString joined(const QString &folder, const QString &name)
{
    return folder.isEmpty() ? name : folder + u'/' + name;
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

Error tooLarge(const QString &path, qint64 size, qint64 maxBytes)
{
    return makeError(Error::Code::InvalidInput,
                     RenderScopeText::tr("%1 is %2 MB; a render reads files of at most %3 MB. Split it into smaller "
                                         "files or remove it.")
                         .arg(path, megabytes(size), megabytes(maxBytes)));
}

/// Counts the nodes a YAML stream holds once every alias is expanded (what kustomize builds in memory), from the
/// parser's events: an anchored node's count is remembered, an alias adds it again. Linear in the text.
class ExpansionCounter final : public YAML::EventHandler {
public:
    explicit ExpansionCounter(qint64 limit) : m_limit(limit) {}

    qint64 total() const { return m_total; }
    qsizetype deepest() const { return m_deepest; }

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t anchor) override { leaf(anchor, 1); }
    void OnAlias(const YAML::Mark &, YAML::anchor_t anchor) override { leaf(0, m_sizes.value(anchor, 1)); }
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t anchor, const std::string &) override
    {
        leaf(anchor, 1);
    }
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Open {
        YAML::anchor_t anchor;
        qint64 size;
    };

    void open(YAML::anchor_t anchor)
    {
        m_open.push_back({anchor, 1});
        m_deepest = std::max(m_deepest, qsizetype(m_open.size()));
    }
    void leaf(YAML::anchor_t anchor, qint64 size)
    {
        if (anchor != 0)
            m_sizes.insert(anchor, size);
        add(size);
    }
    void close()
    {
        if (m_open.empty())
            return;
        const Open done = m_open.back();
        m_open.pop_back();
        if (done.anchor != 0)
            m_sizes.insert(done.anchor, done.size);
        if (m_open.empty())
            m_total = std::min(m_limit + 1, m_total + done.size);
        else
            m_open.back().size = std::min(m_limit + 1, m_open.back().size + done.size);
    }
    void add(qint64 size)
    {
        if (m_open.empty())
            m_total = std::min(m_limit + 1, m_total + size);
        else
            m_open.back().size = std::min(m_limit + 1, m_open.back().size + size);
    }

    qint64 m_limit;
    qint64 m_total = 0;
    qsizetype m_deepest = 0;
    std::vector<Open> m_open;
    QHash<YAML::anchor_t, qint64> m_sizes;
};

/// Why `text` (a YAML file a render reads) would make kustomize work past reason: aliases that expand to more than
/// a million values, or nesting deeper than 256 levels (kustomize takes minutes on a few thousand); empty when
/// neither (or it does not parse otherwise: the YAML check says why). One pass of the parser.
QString shapeProblem(const QByteArray &text)
{
    constexpr qint64 limit = 1'000'000;
    constexpr qsizetype deepest = 256;
    ExpansionCounter counter(limit);
    try {
        std::istringstream stream(text.toStdString());
        YAML::Parser parser(stream);
        while (parser.HandleNextDocument(counter)) {
            if (counter.total() > limit)
                break;
        }
    } catch (const YAML::Exception &) {
        // yaml-cpp stops at its own depth limit; anything else is the YAML check's to report.
    }
    if (counter.deepest() > deepest) {
        return RenderScopeText::tr("This file nests mappings or lists more than %1 levels deep; kustomize would take "
                                   "minutes over it. Flatten it, or remove the file.")
            .arg(deepest);
    }
    if (counter.total() <= limit)
        return {};
    return RenderScopeText::tr("This file uses YAML aliases that expand to more than a million values (an \"alias "
                               "bomb\"); kustomize would exhaust the memory. Write the values out, or remove the file.");
}

bool isYamlFile(const QString &path)
{
    return path.endsWith(u".yaml"_s) || path.endsWith(u".yml"_s) || path.endsWith(u"/Kustomization"_s);
}

} // namespace

/// Where the files come from: a commit's tree or a folder on disk.
struct RenderFiles::Base {
    virtual ~Base() = default;
    virtual Kind kind(const QString &path) = 0;
    virtual QStringList list(const QString &path) = 0;
    virtual Result<QByteArray> read(const QString &path, qint64 maxBytes) = 0;
};

namespace {

class CommitBase final : public RenderFiles::Base {
public:
    CommitBase(const git::Repository &repo, const git::ObjectId &commit) : m_repo(repo), m_commit(commit) {}

    RenderFiles::Kind kind(const QString &path) override
    {
        if (path.isEmpty())
            return m_commit.isNull() ? RenderFiles::Kind::Missing : RenderFiles::Kind::Folder;
        const QStringList parts = path.split(u'/');
        QString folder;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const std::vector<git::TreeEntry> *entries = listing(folder);
            if (entries == nullptr)
                return RenderFiles::Kind::Missing;
            const auto found = std::find_if(entries->begin(), entries->end(),
                                            [&](const git::TreeEntry &e) { return e.name == parts[i]; });
            if (found == entries->end())
                return RenderFiles::Kind::Missing;
            if (found->isLink)
                return RenderFiles::Kind::Link;
            const bool last = i == parts.size() - 1;
            if (last)
                return found->isDirectory ? RenderFiles::Kind::Folder : RenderFiles::Kind::File;
            if (!found->isDirectory)
                return RenderFiles::Kind::Missing;
            folder = joined(folder, parts[i]);
        }
        return RenderFiles::Kind::Missing;
    }

    QStringList list(const QString &path) override
    {
        QStringList names;
        if (const std::vector<git::TreeEntry> *entries = listing(path)) {
            for (const git::TreeEntry &entry : *entries)
                names.append(entry.name);
        }
        return names;
    }

    Result<QByteArray> read(const QString &path, qint64 maxBytes) override
    {
        auto content = m_repo.readFile(m_commit, path);
        if (content.ok() && content->size() > maxBytes)
            return tooLarge(path, content->size(), maxBytes);
        return content;
    }

private:
    const std::vector<git::TreeEntry> *listing(const QString &folder)
    {
        auto cached = m_listings.find(folder);
        if (cached == m_listings.end()) {
            std::optional<std::vector<git::TreeEntry>> entries;
            if (!m_commit.isNull()) {
                if (auto listed = m_repo.listDirectory(m_commit, folder); listed.ok())
                    entries = std::move(*listed);
            }
            cached = m_listings.insert(folder, std::move(entries));
        }
        return cached->has_value() ? &**cached : nullptr;
    }

    const git::Repository &m_repo;
    git::ObjectId m_commit;
    QHash<QString, std::optional<std::vector<git::TreeEntry>>> m_listings;
};

class DiskBase final : public RenderFiles::Base {
public:
    explicit DiskBase(QString root) : m_root(std::move(root)) {}

    RenderFiles::Kind kind(const QString &path) override
    {
        QString current = m_root;
        for (const QString &part : path.split(u'/', Qt::SkipEmptyParts)) {
            current += u'/' + part;
            const QFileInfo info(current);
            if (info.isSymLink())
                return RenderFiles::Kind::Link;
            if (!info.exists())
                return RenderFiles::Kind::Missing;
        }
        const QFileInfo info(current);
        if (info.isDir())
            return RenderFiles::Kind::Folder;
        return info.isFile() ? RenderFiles::Kind::File : RenderFiles::Kind::Missing;
    }

    QStringList list(const QString &path) override
    {
        QStringList names = QDir(joined(m_root, path))
                                .entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                                           QDir::Name);
        names.removeAll(u".git"_s);
        return names;
    }

    Result<QByteArray> read(const QString &path, qint64 maxBytes) override
    {
        QFile file(m_root + u'/' + path);
        if (file.size() > maxBytes)
            return tooLarge(path, file.size(), maxBytes);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(Error::Code::Io, RenderScopeText::tr("%1 could not be read.").arg(path),
                             file.errorString());
        return file.read(maxBytes + 1);
    }

private:
    QString m_root;
};

} // namespace

RenderFiles RenderFiles::fromCommit(const git::Repository &repo, const git::ObjectId &commit)
{
    RenderFiles files;
    files.m_base = std::make_shared<CommitBase>(repo, commit);
    return files;
}

RenderFiles RenderFiles::fromDisk(const QString &root)
{
    RenderFiles files;
    files.m_base = std::make_shared<DiskBase>(QDir::cleanPath(root));
    return files;
}

RenderFiles RenderFiles::withChanges(const git::FileChanges &changes) const
{
    RenderFiles files = *this;
    for (auto it = changes.files.cbegin(); it != changes.files.cend(); ++it)
        files.m_changes.files.insert(it.key(), it.value());
    return files;
}

RenderFiles::Kind RenderFiles::kind(const QString &path) const
{
    if (auto changed = m_changes.files.constFind(path); changed != m_changes.files.cend())
        return changed->has_value() ? Kind::File : Kind::Missing;
    const QString below = path + u'/';
    for (auto it = m_changes.files.cbegin(); it != m_changes.files.cend(); ++it) {
        if (it->has_value() && (path.isEmpty() || it.key().startsWith(below)))
            return Kind::Folder;
    }
    return m_base->kind(path);
}

QStringList RenderFiles::list(const QString &path) const
{
    QStringList names = m_base->list(path);
    const QString below = path.isEmpty() ? QString() : path + u'/';
    for (auto it = m_changes.files.cbegin(); it != m_changes.files.cend(); ++it) {
        if (!it.key().startsWith(below))
            continue;
        const QString rest = it.key().mid(below.size());
        const QString name = rest.section(u'/', 0, 0);
        if (!it->has_value() && !rest.contains(u'/'))
            names.removeAll(name);
        else if (it->has_value() && !names.contains(name))
            names.append(name);
    }
    names.sort();
    return names;
}

Result<QByteArray> RenderFiles::read(const QString &path, qint64 maxBytes) const
{
    if (auto changed = m_changes.files.constFind(path); changed != m_changes.files.cend()) {
        if (!changed->has_value())
            return makeError(Error::Code::NotFound, RenderScopeText::tr("%1 is removed by the change.").arg(path));
        if ((*changed)->size() > maxBytes)
            return tooLarge(path, (*changed)->size(), maxBytes);
        return **changed;
    }
    return m_base->read(path, maxBytes);
}

manifest::KustomizeRunner kustomizeRunnerFor(const WorkspaceConfig &config)
{
    manifest::KustomizeRunner::Options options;
    options.allowRemoteResources = config.allowRemoteResources;
    return manifest::KustomizeRunner(options);
}

bool isRemoteReference(const QString &reference)
{
    static const QRegularExpression hostThenPath(u"^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(:[0-9]+)?/"_s);
    const QString r = reference.trimmed();
    return r.contains(u"://"_s) || r.startsWith(u"git::"_s) || r.startsWith(u"git@"_s)
           || r.contains(u"?ref="_s) || r.contains(u"?version="_s) || hostThenPath.match(r).hasMatch();
}

bool StagedRender::refused() const
{
    return std::any_of(findings.begin(), findings.end(), [](const Finding &f) { return f.diagnostic.isError(); });
}

QString StagedRender::firstError(const QString &folderPath) const
{
    return ws::firstError(findings, folderPath);
}

QString repositoryRootOf(const QString &dir)
{
    QDir at(QFileInfo(dir).absoluteFilePath());
    do {
        if (QFileInfo::exists(at.filePath(u".git"_s)))
            return at.absolutePath();
    } while (at.cdUp());
    return {};
}

namespace {

const QStringList kustomizationNames{u"kustomization.yaml"_s, u"kustomization.yml"_s, u"Kustomization"_s};

/// Follows the references of the kustomizations of one folder and collects what a render reads.
class ReferenceWalk {
public:
    ReferenceWalk(const RenderFiles &files, const QString &folder, const RenderPolicy &policy)
        : m_files(files), m_folder(folder), m_policy(policy)
    {
    }

    std::vector<Finding> findings;
    QSet<QString> outsideFiles;   ///< repository paths of files outside the folder the render reads

    /// Walks the kustomization in `dir` (a repository folder), if it has one.
    void kustomizationIn(const QString &dir)
    {
        if (m_stack.contains(dir)) {
            QStringList loop = m_stack.mid(m_stack.indexOf(dir));
            loop.append(dir);
            for (QString &step : loop)
                step = relative(step);
            error(m_currentFile, m_currentLine,
                  RenderScopeText::tr("This kustomization includes itself (%1); remove the entry that closes the "
                                      "loop.")
                      .arg(loop.join(u" → "_s)));
            return;
        }
        if (m_done.contains(dir))
            return;
        m_done.insert(dir);
        if (m_done.size() > m_policy.maxKustomizations) {
            if (!m_tooMany) {
                m_tooMany = true;
                error(m_currentFile, m_currentLine,
                      RenderScopeText::tr("The overlay reaches more than %1 kustomizations; a render stops there. "
                                          "Check the resources lists for a loop.")
                          .arg(m_policy.maxKustomizations));
            }
            return;
        }
        QString file;
        for (const QString &name : kustomizationNames) {
            if (m_files.kind(joined(dir, name)) == RenderFiles::Kind::File) {
                file = joined(dir, name);
                break;
            }
        }
        if (file.isEmpty())
            return;   // kustomize says which folder lacks a kustomization
        need(file);
        auto text = m_files.read(file, m_policy.maxFileBytes);
        if (!text.ok()) {
            error(file, 0, text.error().message);
            return;
        }
        YAML::Node root;
        try {
            for (const YAML::Node &doc : manifest::yamltext::loadAll(*text)) {
                if (doc.IsMap()) {
                    root = doc;
                    break;
                }
            }
        } catch (const YAML::Exception &) {
            return;   // the YAML check reports it at its line
        }
        if (!root.IsMap())
            return;
        m_stack.append(dir);
        try {
            walkFields(dir, file, root);
        } catch (const YAML::Exception &) {
            // A shape yaml-cpp cannot walk; the kustomization check reports what is wrong with it.
        }
        m_stack.removeLast();
    }

private:
    enum class Expect { FileOrFolder, File, Folder };

    void walkFields(const QString &dir, const QString &file, const YAML::Node &root)
    {
        const auto each = [](const YAML::Node &list, auto &&visit) {
            if (list && list.IsSequence()) {
                for (const YAML::Node &item : list)
                    visit(item);
            }
        };
        const auto scalarIn = [&](const YAML::Node &node, Expect expect, bool mayBeRemote) {
            if (node && node.IsScalar())
                reference(dir, file, node, QString::fromStdString(node.Scalar()), expect, mayBeRemote);
        };
        const auto pathOf = [&](const YAML::Node &item, const char *key, Expect expect) {
            if (item.IsMap())
                scalarIn(item[key], expect, false);
        };
        for (const char *key : {"resources", "bases", "components"})
            each(root[key], [&](const YAML::Node &item) { scalarIn(item, Expect::FileOrFolder, true); });
        for (const char *key : {"crds", "configurations", "patchesStrategicMerge", "transformers", "generators",
                                "validators"}) {
            each(root[key], [&](const YAML::Node &item) {
                // Inline patches and plugin configurations are text, not paths.
                if (item.IsScalar() && item.Scalar().find('\n') == std::string::npos)
                    scalarIn(item, Expect::FileOrFolder, false);
            });
        }
        for (const char *key : {"patches", "patchesJson6902", "replacements"})
            each(root[key], [&](const YAML::Node &item) { pathOf(item, "path", Expect::File); });
        if (const YAML::Node openapi = root["openapi"]; openapi && openapi.IsMap())
            scalarIn(openapi["path"], Expect::File, false);
        for (const char *key : {"configMapGenerator", "secretGenerator"}) {
            each(root[key], [&](const YAML::Node &generator) {
                if (!generator.IsMap())
                    return;
                each(generator["files"], [&](const YAML::Node &item) {
                    if (!item.IsScalar())
                        return;
                    // "key=path" names the key of the data entry; the path follows the first '='.
                    const QString entry = QString::fromStdString(item.Scalar());
                    reference(dir, file, item, entry.contains(u'=') ? entry.section(u'=', 1) : entry, Expect::File,
                              false);
                });
                each(generator["envs"], [&](const YAML::Node &item) { scalarIn(item, Expect::File, false); });
                scalarIn(generator["env"], Expect::File, false);
            });
        }
        if (const YAML::Node helm = root["helmGlobals"]; helm && helm.IsMap())
            scalarIn(helm["chartHome"], Expect::Folder, false);
        each(root["helmCharts"], [&](const YAML::Node &chart) {
            if (!chart.IsMap())
                return;
            scalarIn(chart["valuesFile"], Expect::File, false);
            each(chart["additionalValuesFiles"], [&](const YAML::Node &item) { scalarIn(item, Expect::File, false); });
            if (const YAML::Node repo = chart["repo"]; repo && repo.IsScalar() && !m_policy.allowRemoteResources) {
                error(file, int(repo.Mark().line) + 1,
                      RenderScopeText::tr("The Helm chart repository \"%1\" is remote: renders do not fetch from the "
                                          "network unless the workspace sets kustomize: {allowRemoteResources: true}. "
                                          "Render the chart into the repository instead.")
                          .arg(QString::fromStdString(repo.Scalar())));
            }
        });
    }

    /// Judges one entry of `file` (in repository folder `dir`) and follows it.
    void reference(const QString &dir, const QString &file, const YAML::Node &node, const QString &raw, Expect expect,
                   bool mayBeRemote)
    {
        const int line = node.Mark().line >= 0 ? int(node.Mark().line) + 1 : 0;
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            return;
        static const QRegularExpression drive(u"^[A-Za-z]:[\\\\/]"_s);
        if (entry.startsWith(u'/') || entry.startsWith(u'~') || entry.startsWith(u'\\')
            || drive.match(entry).hasMatch()) {
            error(file, line,
                  RenderScopeText::tr("\"%1\" is an absolute path: a render reads only files inside the repository, "
                                      "and Argo CD refuses it too. Use a path relative to this kustomization's "
                                      "folder.")
                      .arg(entry));
            return;
        }
        const QString path = QDir::cleanPath(joined(dir, entry));
        if (path == u".."_s || path.startsWith(u"../"_s)) {
            if (mayBeRemote && isRemoteReference(entry)) {
                remote(file, line, entry);
                return;
            }
            error(file, line,
                  RenderScopeText::tr("\"%1\" leads outside the repository: a render reads only files inside the "
                                      "repository, and Argo CD refuses it too. Remove the entry or point it at a "
                                      "file of the repository.")
                      .arg(entry));
            return;
        }
        const QString target = path == u"."_s ? QString() : path;
        const RenderFiles::Kind kind = m_files.kind(target);
        switch (kind) {
        case RenderFiles::Kind::Link:
            error(file, line,
                  RenderScopeText::tr("\"%1\" is or goes through a symbolic link: renders follow no links (a link can "
                                      "lead outside the repository, and Argo CD refuses those). Put the file itself "
                                      "in the repository.")
                      .arg(entry));
            return;
        case RenderFiles::Kind::Missing:
            if (mayBeRemote && isRemoteReference(entry))
                remote(file, line, entry);
            return;   // the reference check of the validation names a missing file; kustomize too
        case RenderFiles::Kind::Folder:
            if (expect == Expect::File)
                return;
            m_currentFile = file;
            m_currentLine = line;
            if (expect == Expect::Folder)
                needFolder(target);
            else
                kustomizationIn(target);
            return;
        case RenderFiles::Kind::File:
            if (expect != Expect::Folder)
                need(target);
            return;
        }
    }

    void remote(const QString &file, int line, const QString &entry)
    {
        if (m_policy.allowRemoteResources)
            return;
        error(file, line,
              RenderScopeText::tr("\"%1\" is a remote resource: renders do not fetch from the network unless the "
                                  "workspace sets kustomize: {allowRemoteResources: true}. Copy it into the "
                                  "repository or allow remote resources.")
                  .arg(entry));
    }

    /// A file the render reads: remembered when it lies outside the folder (the folder is copied whole).
    void need(const QString &path)
    {
        if (!m_folder.isEmpty() && !path.startsWith(m_folder + u'/'))
            outsideFiles.insert(path);
    }

    /// A whole folder the render reads (a helm chart home), files only, links refused.
    void needFolder(const QString &path, int depth = 0)
    {
        if (depth > 32)
            return;
        for (const QString &name : m_files.list(path)) {
            const QString child = joined(path, name);
            switch (m_files.kind(child)) {
            case RenderFiles::Kind::Folder:
                needFolder(child, depth + 1);
                break;
            case RenderFiles::Kind::File:
                need(child);
                break;
            case RenderFiles::Kind::Link:
                error(child, 0, linkSentence());
                break;
            case RenderFiles::Kind::Missing:
                break;
            }
        }
    }

public:
    static QString linkSentence()
    {
        return RenderScopeText::tr("This file is a symbolic link: renders follow no links (a link can lead outside "
                                   "the repository, and Argo CD refuses those). Put the file itself in the "
                                   "repository.");
    }

    /// `path` relative to the environment folder, as findings name files.
    QString relative(const QString &path) const
    {
        return QDir(u"/"_s + m_folder).relativeFilePath(u"/"_s + path);
    }

    void error(const QString &path, int line, const QString &sentence)
    {
        findings.push_back(
            {relative(path), manifest::Diagnostic{manifest::Diagnostic::Severity::Error, line, 1, sentence}});
    }

private:
    const RenderFiles &m_files;
    QString m_folder;
    const RenderPolicy &m_policy;
    QStringList m_stack;
    QSet<QString> m_done;
    QString m_currentFile;
    int m_currentLine = 0;
    bool m_tooMany = false;
};

/// Every file below `folder`, repository paths; links are reported through `links`.
void filesBelow(const RenderFiles &files, const QString &folder, QStringList &out, QStringList &links, int depth = 0)
{
    if (depth > 64)
        return;
    for (const QString &name : files.list(folder)) {
        const QString child = joined(folder, name);
        switch (files.kind(child)) {
        case RenderFiles::Kind::Folder:
            filesBelow(files, child, out, links, depth + 1);
            break;
        case RenderFiles::Kind::File:
            out.append(child);
            break;
        case RenderFiles::Kind::Link:
            links.append(child);
            break;
        case RenderFiles::Kind::Missing:
            break;
        }
    }
}

Result<void> writeCopy(const QString &scratch, const QString &path, const QByteArray &content)
{
    const QString target = scratch + u'/' + path;
    if (!QDir().mkpath(parentOf(target)))
        return makeError(Error::Code::Io,
                         RenderScopeText::tr("The folder %1 could not be created; check the disk space.")
                             .arg(parentOf(target)));
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(content) != content.size())
        return makeError(Error::Code::Io,
                         RenderScopeText::tr("%1 could not be written for the render; check the disk space.")
                             .arg(target),
                         out.errorString());
    return {};
}

} // namespace

Result<StagedRender> stageFolder(const RenderFiles &files, const QString &folder, const QString &scratch,
                                 const RenderPolicy &policy)
{
    if (files.kind(folder) != RenderFiles::Kind::Folder) {
        return makeError(Error::Code::NotFound,
                         files.kind(folder) == RenderFiles::Kind::Link
                             ? RenderScopeText::tr("%1 is a symbolic link; renders follow no links.").arg(folder)
                             : RenderScopeText::tr("There is no folder %1 to render.").arg(folder));
    }
    StagedRender staged;
    staged.root = scratch;
    staged.folder = folder.isEmpty() ? scratch : scratch + u'/' + folder;

    QStringList inside;
    QStringList links;
    filesBelow(files, folder, inside, links);
    ReferenceWalk walk(files, folder, policy);
    for (const QString &link : links)
        walk.error(link, 0, ReferenceWalk::linkSentence());
    // From the top down, as kustomize builds: a loop is reported at the entry that leads back up.
    QStringList kustomizationDirs;
    for (const QString &file : inside) {
        if (kustomizationNames.contains(nameOf(file)))
            kustomizationDirs.append(parentOf(file));
    }
    std::stable_sort(kustomizationDirs.begin(), kustomizationDirs.end(),
                     [](const QString &a, const QString &b) { return a.count(u'/') < b.count(u'/'); });
    for (const QString &dir : kustomizationDirs)
        walk.kustomizationIn(dir);
    staged.findings = std::move(walk.findings);
    if (staged.refused())
        return staged;

    // Everything is read and judged before anything is written: a refused render leaves no copy behind.
    QStringList copies = inside;
    copies.append(QStringList(walk.outsideFiles.cbegin(), walk.outsideFiles.cend()));
    std::vector<std::pair<QString, QByteArray>> contents;
    for (const QString &path : copies) {
        auto content = files.read(path, policy.maxFileBytes);
        QString problem;
        if (!content.ok()) {
            if (content.error().code == Error::Code::Io)
                return content.error();
            problem = content.error().message;
        } else if (isYamlFile(path)) {
            problem = shapeProblem(*content);
        }
        if (!problem.isEmpty()) {
            staged.findings.push_back({walk.relative(path),
                                       manifest::Diagnostic{manifest::Diagnostic::Severity::Error, 0, 1, problem}});
            continue;
        }
        if (!staged.refused())
            contents.emplace_back(path, std::move(*content));
    }
    if (staged.refused())
        return staged;
    for (const auto &[path, content] : contents) {
        if (auto written = writeCopy(scratch, path, content); !written.ok())
            return written.error();
    }
    if (!QDir().mkpath(staged.folder))
        return makeError(Error::Code::Io, RenderScopeText::tr("The folder %1 could not be created; check the disk space.")
                                              .arg(staged.folder));
    return staged;
}

} // namespace gd::ws
