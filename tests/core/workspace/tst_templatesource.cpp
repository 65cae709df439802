// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/scratchrepo.h"
#include "template/servicescaffold.h"
#include "template/templateset.h"
#include "workspace/templatesource.h"
#include "workspace/workspaceconfig.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::Literals::StringLiterals;
using namespace gd;
using gd::test::ScratchRepo;

namespace {

const QString serviceTemplate = u"app-manifests-templates/go/base/service.yaml"_s;

/// The builtin set as the files of a commit.
QMap<QString, std::optional<QByteArray>> builtinFiles()
{
    QMap<QString, std::optional<QByteArray>> files;
    const QMap<QString, QByteArray> builtin = tmpl::TemplateSet::builtin().files();
    for (auto it = builtin.cbegin(); it != builtin.cend(); ++it)
        files.insert(it.key(), it.value());
    return files;
}

/// A workspace that takes its templates from `url` (branch main), pinned to `commit` when it is not empty.
/// Read through the workspace file parser, as the app reads it.
ws::WorkspaceConfig configFor(const QString &url, const QString &commit = {})
{
    QByteArray text = "provider: {type: local, path: repos}\nenvironments: [{name: uat}]\ntemplates:\n  url: \""
                      + url.toUtf8() + "\"\n  branch: main\n";
    if (!commit.isEmpty())
        text += "  commit: " + commit.toUtf8() + '\n';
    auto config = ws::WorkspaceConfig::parse(text, QDir::temp().filePath(u"workspace.yaml"_s));
    if (!config) {
        qWarning("%s", qPrintable(config.error().fullText()));
        return {};
    }
    return *config;
}

tmpl::ServiceSpec orderSpec()
{
    tmpl::ServiceSpec spec;
    spec.project = u"shop"_s;
    spec.service = u"orders"_s;
    spec.environment = u"uat"_s;
    spec.language = u"go"_s;
    spec.imageRepository = u"registry.example.com/shop/orders"_s;
    spec.repoUrl = u"https://gitlab.example.com/ops/argocd-gitops-shop.git"_s;
    return spec;
}

QString errorText(const Result<ws::LoadedTemplates> &loaded)
{
    return loaded.ok() ? u"(loaded: "_s + loaded->describe() + u')' : loaded.error().fullText();
}

} // namespace

class TestTemplateSource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void builtinWhenNoUrl();
    void loadsBranchTip();
    void tipSeesChangesPinnedCommitDoesNot();
    void unknownPinnedCommitIsNotFound();
    void treeWithoutLayoutNamesRepositoryAndCommit_data();
    void treeWithoutLayoutNamesRepositoryAndCommit();
    void unreachableWithoutCacheIsNetworkError_data();
    void unreachableWithoutCacheIsNetworkError();
    void unreachableWithCacheUsesCachedCopy();
    void cancelledBeforeStart();
    void unknownVariableInLoadedSetNamesFileAndLine();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTemplateSource::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTemplateSource::builtinWhenNoUrl()
{
    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    const ws::WorkspaceConfig config;   // templates: builtin
    auto loaded = ws::loadTemplates(config, cache, git::RemoteAuth{});
    QVERIFY2(loaded.ok(), qPrintable(errorText(loaded)));
    QCOMPARE(loaded->source, u"builtin"_s);
    QVERIFY(loaded->commit.isNull());
    QVERIFY(!loaded->pinned);
    QVERIFY(loaded->fetchProblem.isEmpty());
    QCOMPARE(loaded->set.files(), tmpl::TemplateSet::builtin().files());
    QCOMPARE(loaded->describe(), u"builtin templates"_s);
    // Nothing was cloned for it.
    QVERIFY(!QFileInfo::exists(cache.rootDir()));
}

void TestTemplateSource::loadsBranchTip()
{
    ScratchRepo templates;
    // The repository's own CI file is not a template (a checkout read by fromDirectory leaves it out too).
    QMap<QString, std::optional<QByteArray>> files = builtinFiles();
    files.insert(u".gitlab-ci.yml"_s, QByteArray("lint:\n  script: [yamllint .]\n"));
    const git::ObjectId first = templates.commit(files, u"Import the template set"_s);
    QVERIFY(!first.isNull());

    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    auto loaded = ws::loadTemplates(configFor(templates.path()), cache, git::RemoteAuth{});
    QVERIFY2(loaded.ok(), qPrintable(errorText(loaded)));
    QCOMPARE(loaded->source, templates.path());
    QCOMPARE(loaded->commit, first);
    QVERIFY(!loaded->pinned);
    QVERIFY(loaded->fetchProblem.isEmpty());
    QCOMPARE(loaded->set.files(), tmpl::TemplateSet::builtin().files());
    QCOMPARE(loaded->set.languages(), tmpl::TemplateSet::builtin().languages());
    QCOMPARE(loaded->describe(), templates.path() + u" at "_s + first.shortHex());
    QVERIFY(QFileInfo::exists(cache.cachePathFor(templates.path())));
}

void TestTemplateSource::tipSeesChangesPinnedCommitDoesNot()
{
    ScratchRepo templates;
    const git::ObjectId first = templates.commit(builtinFiles(), u"Import the template set"_s);
    const QByteArray original = tmpl::TemplateSet::builtin().files().value(serviceTemplate);
    const QByteArray changed = original + "  sessionAffinity: ClientIP\n";
    const git::ObjectId second = templates.commit({{serviceTemplate, changed}}, u"Keep clients on one pod"_s);
    QVERIFY(!first.isNull() && !second.isNull());

    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    auto tip = ws::loadTemplates(configFor(templates.path()), cache, git::RemoteAuth{});
    QVERIFY2(tip.ok(), qPrintable(errorText(tip)));
    QCOMPARE(tip->commit, second);
    QCOMPARE(tip->set.files().value(serviceTemplate), changed);
    QVERIFY(!tip->pinned);

    // Upper case in the file is accepted: ids are case-insensitive.
    auto pinned = ws::loadTemplates(configFor(templates.path(), first.toHex().toUpper()), cache, git::RemoteAuth{});
    QVERIFY2(pinned.ok(), qPrintable(errorText(pinned)));
    QCOMPARE(pinned->commit, first);
    QVERIFY(pinned->pinned);
    QVERIFY(pinned->fetchProblem.isEmpty());
    QCOMPARE(pinned->set.files().value(serviceTemplate), original);
    QCOMPARE(pinned->set.files(), tmpl::TemplateSet::builtin().files());
    QCOMPARE(pinned->describe(), templates.path() + u" at "_s + first.shortHex() + u" (pinned)"_s);
    QVERIFY(!tip->describe().contains(u"pinned"_s));
}

void TestTemplateSource::unknownPinnedCommitIsNotFound()
{
    ScratchRepo templates;
    QVERIFY(!templates.commit(builtinFiles(), u"Import the template set"_s).isNull());
    const QString unknown = u"0123456789abcdef0123456789abcdef01234567"_s;

    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    auto loaded = ws::loadTemplates(configFor(templates.path(), unknown), cache, git::RemoteAuth{});
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, Error::Code::NotFound);
    QVERIFY2(loaded.error().message.contains(unknown), qPrintable(loaded.error().message));
    QVERIFY2(loaded.error().message.contains(templates.path()), qPrintable(loaded.error().message));
    QVERIFY2(loaded.error().message.contains(u"templates.commit"_s), qPrintable(loaded.error().message));
}

void TestTemplateSource::treeWithoutLayoutNamesRepositoryAndCommit_data()
{
    QTest::addColumn<QString>("dropFolder");
    QTest::addColumn<QString>("missing");
    QTest::newRow("no app manifests") << u"app-manifests-templates/"_s << u"app-manifests-templates/"_s;
    QTest::newRow("no pipelines") << u"pipeline-templates/"_s << u"pipeline-templates/"_s;
    // Everything but README.md: not a template set at all.
    QTest::newRow("only a readme") << u"-templates/"_s << u"application-templates/"_s;
}

void TestTemplateSource::treeWithoutLayoutNamesRepositoryAndCommit()
{
    QFETCH(QString, dropFolder);
    QFETCH(QString, missing);
    QMap<QString, std::optional<QByteArray>> files = builtinFiles();
    files.removeIf([&](const auto &it) { return it.key().contains(dropFolder); });
    QVERIFY(!files.isEmpty());
    ScratchRepo templates;
    const git::ObjectId commit = templates.commit(files, u"A partial template set"_s);
    QVERIFY(!commit.isNull());

    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    auto loaded = ws::loadTemplates(configFor(templates.path()), cache, git::RemoteAuth{});
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, Error::Code::NotFound);
    const QString message = loaded.error().message;
    QVERIFY2(message.startsWith(u"Templates repository "_s + templates.path() + u" at commit "_s + commit.shortHex()),
             qPrintable(message));
    QVERIFY2(message.contains(u"it has no "_s) && message.contains(missing), qPrintable(message));
}

void TestTemplateSource::unreachableWithoutCacheIsNetworkError_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("local path that does not exist") << m_dir->filePath(u"no-such-templates.git"_s);
    // Port 1 on the loopback: refused at once, nothing listens there.
    QTest::newRow("server that refuses") << u"http://127.0.0.1:1/ops/templates.git"_s;
}

void TestTemplateSource::unreachableWithoutCacheIsNetworkError()
{
    QFETCH(QString, url);
    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    auto loaded = ws::loadTemplates(configFor(url), cache, git::RemoteAuth{});
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, Error::Code::Network);
    QVERIFY2(loaded.error().message.contains(url), qPrintable(loaded.error().message));
    QVERIFY2(loaded.error().message.contains(u"no local copy"_s), qPrintable(loaded.error().message));
    QVERIFY(!loaded.error().detail.isEmpty());
}

void TestTemplateSource::unreachableWithCacheUsesCachedCopy()
{
    ScratchRepo templates;
    const git::ObjectId first = templates.commit(builtinFiles(), u"Import the template set"_s);
    QVERIFY(!first.isNull());
    const QString url = templates.path();
    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    {
        auto online = ws::loadTemplates(configFor(url), cache, git::RemoteAuth{});
        QVERIFY2(online.ok(), qPrintable(errorText(online)));
        QVERIFY(online->fetchProblem.isEmpty());
    }

    // The repository moves away (a server that is down looks the same to the loader).
    QVERIFY(QDir().rename(url, url + u".moved"_s));

    auto offline = ws::loadTemplates(configFor(url), cache, git::RemoteAuth{});
    QVERIFY2(offline.ok(), qPrintable(errorText(offline)));
    QCOMPARE(offline->commit, first);
    QVERIFY(!offline->fetchProblem.isEmpty());
    QCOMPARE(offline->set.files(), tmpl::TemplateSet::builtin().files());

    // A pinned commit the cache holds is used too; one it does not hold cannot be found without the network.
    auto pinned = ws::loadTemplates(configFor(url, first.toHex()), cache, git::RemoteAuth{});
    QVERIFY2(pinned.ok(), qPrintable(errorText(pinned)));
    QCOMPARE(pinned->commit, first);
    QVERIFY(pinned->pinned);
    QVERIFY(!pinned->fetchProblem.isEmpty());

    const QString unknown = u"89abcdef0123456789abcdef0123456789abcdef"_s;
    auto missing = ws::loadTemplates(configFor(url, unknown), cache, git::RemoteAuth{});
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::Network);
    QVERIFY2(missing.error().message.contains(url) && missing.error().message.contains(unknown),
             qPrintable(missing.error().message));
}

void TestTemplateSource::cancelledBeforeStart()
{
    ScratchRepo templates;
    QVERIFY(!templates.commit(builtinFiles(), u"Import the template set"_s).isNull());
    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    const std::atomic_bool cancelled{true};
    auto loaded = ws::loadTemplates(configFor(templates.path()), cache, git::RemoteAuth{}, &cancelled);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, Error::Code::Cancelled);
}

void TestTemplateSource::unknownVariableInLoadedSetNamesFileAndLine()
{
    // A team's template with a variable GitOps Desk does not know, on the line after "metadata:".
    QList<QByteArray> lines = tmpl::TemplateSet::builtin().files().value(serviceTemplate).split('\n');
    const qsizetype metadata = lines.indexOf("metadata:");
    QVERIFY(metadata >= 0);
    lines.insert(metadata + 1, "  namespace: ${NO_SUCH_VARIABLE}");
    const qsizetype lineNumber = metadata + 2;
    ScratchRepo templates;
    QVERIFY(!templates.commit(builtinFiles(), u"Import the template set"_s).isNull());
    QVERIFY(!templates.commit({{serviceTemplate, lines.join('\n')}}, u"Put the service in a namespace"_s).isNull());

    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    auto loaded = ws::loadTemplates(configFor(templates.path()), cache, git::RemoteAuth{});
    QVERIFY2(loaded.ok(), qPrintable(errorText(loaded)));

    // The builtin set scaffolds the same service without complaint.
    QVERIFY(tmpl::scaffoldService(tmpl::TemplateSet::builtin(), orderSpec()).ok());
    const Result<git::FileChanges> scaffolded = tmpl::scaffoldService(loaded->set, orderSpec());
    QVERIFY(!scaffolded.ok());
    QCOMPARE(scaffolded.error().code, Error::Code::Template);
    const QString message = scaffolded.error().message;
    QVERIFY2(message.contains(serviceTemplate), qPrintable(message));
    QVERIFY2(message.contains(u"NO_SUCH_VARIABLE"_s), qPrintable(message));
    QVERIFY2(message.contains(u"line %1"_s.arg(lineNumber)), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestTemplateSource)
#include "tst_templatesource.moc"
