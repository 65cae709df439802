// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/tagcommit.h"

#include "git/filechanges.h"
#include "git/repository.h"
#include "manifest/imagetagedit.h"

#include <QtGlobal>

using namespace Qt::Literals::StringLiterals;

namespace gd::test {

git::ObjectId commitGaTag(const QString &repoPath, const QString &service, const QString &env, const QString &tag,
                          const git::Signature &author, const QString &message)
{
    auto repo = git::Repository::open(repoPath);
    auto tip = repo.ok() ? repo->resolve(u"refs/heads/main"_s) : Result<git::ObjectId>(repo.error());
    if (!tip.ok()) {
        qWarning("commitGaTag: %s", qPrintable(tip.error().fullText()));
        return {};
    }
    const QString path = u"appsmanifests/%1/%2/manifests/ga/kustomization.yaml"_s.arg(service, env);
    auto text = repo->readFile(*tip, path);
    auto edited = text.ok() ? manifest::applyImageEdit(*text, manifest::ImageEdit{service, tag, {}, {}})
                            : Result<QByteArray>(text.error());
    if (!edited.ok()) {
        qWarning("commitGaTag: %s", qPrintable(edited.error().fullText()));
        return {};
    }
    git::FileChanges changes;
    changes.write(path, *edited);
    auto commit = repo->createCommit(*tip, changes, {message, author, author}, u"refs/heads/main"_s);
    if (!commit.ok()) {
        qWarning("commitGaTag: %s", qPrintable(commit.error().fullText()));
        return {};
    }
    return *commit;
}

} // namespace gd::test
