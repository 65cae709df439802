// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/templatesource.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <utility>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::TemplateSource" context (lupdate reads the macro).
struct TemplateSourceText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::TemplateSource)
};

Error cancelledError(const QString &url)
{
    return makeError(Error::Code::Cancelled,
                     TemplateSourceText::tr("Loading the templates from %1 was cancelled.").arg(git::displayUrl(url)));
}

/// What the cache last knew of `branch`: the tracking ref a fetch writes, else the branch a clone made.
git::ObjectId cachedTip(const git::Repository &repo, const QString &branch)
{
    const QStringList refs = {u"refs/remotes/origin/"_s + branch, u"refs/heads/"_s + branch};
    for (const QString &ref : refs) {
        if (Result<git::ObjectId> tip = repo.resolve(ref); tip)
            return *tip;
    }
    return {};
}

} // namespace

QString LoadedTemplates::describe() const
{
    if (commit.isNull())
        return TemplateSourceText::tr("builtin templates");
    if (pinned)
        return TemplateSourceText::tr("%1 at %2 (pinned)").arg(git::displayUrl(source), commit.shortHex());
    return TemplateSourceText::tr("%1 at %2").arg(git::displayUrl(source), commit.shortHex());
}

Result<LoadedTemplates> loadTemplates(const WorkspaceConfig &config, git::RepoCache &cache, const git::RemoteAuth &auth,
                                      const std::atomic_bool *cancelled)
{
    LoadedTemplates loaded;
    if (config.templatesUrl.isEmpty()) {
        loaded.set = tmpl::TemplateSet::builtin();
        loaded.source = u"builtin"_s;
        return loaded;
    }
    const QString &url = config.templatesUrl;
    const QString &branch = config.templatesBranch;
    const QString shown = git::displayUrl(url);
    loaded.source = url;

    git::ObjectId pin;
    if (!config.templatesCommit.isEmpty()) {
        pin = git::ObjectId::fromHex(config.templatesCommit.toLower());
        if (pin.isNull()) {
            return makeError(Error::Code::InvalidInput,
                             TemplateSourceText::tr("The pinned templates commit \"%1\" is not a full commit id; write "
                                                    "all 40 hexadecimal digits under templates.commit in the workspace file.")
                                 .arg(config.templatesCommit));
        }
        loaded.pinned = true;
    }

    // The lock's own error names the lock file and its holder (or why the cache folder cannot hold it).
    const Result<git::RepoLock> lock = cache.lockFor(url);
    if (!lock)
        return lock.error();
    Result<git::Repository> opened = cache.openOrClone(url, auth, cancelled);
    if (!opened) {
        const Error &failure = opened.error();
        // A refused login or an unwritable cache says more than "could not be reached".
        if (failure.code == Error::Code::Cancelled || failure.code == Error::Code::Auth || failure.code == Error::Code::Io)
            return failure;
        return makeError(Error::Code::Network,
                         TemplateSourceText::tr("The templates repository %1 could not be reached, and there is no local "
                                                "copy of it yet. Check templates.url in the workspace file and the network "
                                                "connection.")
                             .arg(shown),
                         failure.fullText());
    }
    const git::Repository &repo = *opened;

    git::ObjectId commit;
    Result<git::ObjectId> fetched = git::fetchBranch(*opened, url, branch, auth, cancelled);
    if (fetched) {
        commit = *fetched;
    } else {
        const Error &failure = fetched.error();
        if (failure.code == Error::Code::Cancelled || failure.code == Error::Code::InvalidInput)
            return failure;
        if (failure.code == Error::Code::NotFound && !loaded.pinned) {
            // The remote answered, and it has no such branch: a cached tip would be one it no longer has.
            return makeError(Error::Code::NotFound,
                             TemplateSourceText::tr("The templates repository %1 has no branch %2. Check templates.branch "
                                                    "in the workspace file.")
                                 .arg(shown, branch),
                             failure.detail);
        }
        loaded.fetchProblem = failure.fullText();
        if (!loaded.pinned) {
            commit = cachedTip(repo, branch);
            if (commit.isNull()) {
                return makeError(Error::Code::Network,
                                 TemplateSourceText::tr("The templates repository %1 could not be fetched, and its local "
                                                        "copy has no branch %2. Check templates.url in the workspace file "
                                                        "and the network connection.")
                                     .arg(shown, branch),
                                 loaded.fetchProblem);
            }
        }
    }

    if (loaded.pinned) {
        Result<git::ObjectId> found = repo.resolve(pin.toHex());
        if (!found && found.error().code == Error::Code::NotFound) {
            if (!loaded.fetchProblem.isEmpty()) {
                return makeError(Error::Code::Network,
                                 TemplateSourceText::tr("The templates repository %1 could not be fetched, and its local "
                                                        "copy has no commit %2, which the workspace file pins. Check the "
                                                        "network connection.")
                                     .arg(shown, pin.toHex()),
                                 loaded.fetchProblem);
            }
            return makeError(Error::Code::NotFound,
                             TemplateSourceText::tr("The templates repository %1 has no commit %2. Check templates.commit "
                                                    "in the workspace file: it must be a commit of that repository.")
                                 .arg(shown, pin.toHex()),
                             found.error().detail);
        }
        if (!found) {
            return makeError(found.error().code,
                             TemplateSourceText::tr("%2 in the templates repository %1 is not a commit. Check "
                                                    "templates.commit in the workspace file.")
                                 .arg(shown, pin.toHex()),
                             found.error().fullText());
        }
        commit = *found;
    }

    Result<std::vector<std::pair<QString, QByteArray>>> read = repo.readDirectory(commit, QString(), cancelled);
    if (!read) {
        if (read.error().code == Error::Code::Cancelled)
            return cancelledError(url);
        return makeError(read.error().code,
                         TemplateSourceText::tr("The files of the templates repository %1 at commit %2 could not be read.")
                             .arg(shown, commit.shortHex()),
                         read.error().fullText());
    }
    QMap<QString, QByteArray> files;
    for (auto &[path, content] : *read) {
        // Hidden entries (".gitlab-ci.yml", ".gitignore") are left out, as TemplateSet::fromDirectory leaves them out
        // of a checkout.
        const QStringList parts = path.split(u'/');
        if (std::none_of(parts.cbegin(), parts.cend(), [](const QString &part) { return part.startsWith(u'.'); }))
            files.insert(path, std::move(content));
    }
    Result<tmpl::TemplateSet> set = tmpl::TemplateSet::fromFiles(std::move(files));
    if (!set) {
        return makeError(set.error().code,
                         TemplateSourceText::tr("Templates repository %1 at commit %2:").arg(shown, commit.shortHex())
                             + u' ' + set.error().message,
                         set.error().detail);
    }
    loaded.set = std::move(*set);
    loaded.commit = commit;
    return loaded;
}

} // namespace gd::ws
