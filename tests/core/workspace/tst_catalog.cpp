// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/repocache.h"
#include "git/repository.h"
#include "support/serviceenvfiles.h"
#include "workspace/catalog.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

namespace {

git::CommitMessage message(const QString &text)
{
    return git::CommitMessage{text, {u"Li Wei"_s, u"li.wei@example.com"_s, {}}, {}};
}

} // namespace

class TestCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void listsProjectsServicesAndTags();
    void ordersEnvironmentsAsTheWorkspace();
    void seesNewCommitsAfterFetch();
    void readsCacheWithoutFetch();
    void brokenOverlayIsAProblemNotAFailure();
    void unusedCanaryOverlayHasNoCanaryTag();
    void missingRepoFolderIsClearError();

private:
    void commit(const QString &repoPath, const git::FileChanges &changes, const QString &text);
    ws::WorkspaceConfig config(const QByteArray &environments = "[{name: uat}, {name: prod}]");

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_shop;
};

void TestCatalog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString repos = m_dir->filePath(u"repos"_s);
    QVERIFY(QDir().mkpath(repos));
    m_shop = repos + u"/argocd-gitops-shop.git"_s;
    QVERIFY(git::Repository::initBare(m_shop).ok());
    QVERIFY(git::Repository::initBare(repos + u"/argocd-gitops-empty.git"_s).ok());
    QVERIFY(git::Repository::initBare(repos + u"/argocd-gitops-templates.git"_s).ok());
    QVERIFY(git::Repository::initBare(repos + u"/unrelated.git"_s).ok());

    git::FileChanges files;
    test::ServiceEnvFiles{u"orders"_s, u"uat"_s, u"registry.example.com/shop/orders"_s, u"1.4.2"_s, u"1.5.0-rc.1"_s}
        .addTo(files);
    test::ServiceEnvFiles{u"orders"_s, u"prod"_s, u"registry.example.com/shop/orders"_s, u"1.4.1"_s, {}}.addTo(files);
    test::ServiceEnvFiles{u"cart"_s, u"uat"_s, u"registry.example.com/shop/cart"_s, u"2.0.0"_s, {}}.addTo(files);
    files.write(u"README.md"_s, "# shop\n");
    files.write(u"appsmanifests/Not_A_Service/uat/manifests/kustomization.yaml"_s, "resources: []\n");
    commit(m_shop, files, u"Scaffold orders and cart"_s);
}

void TestCatalog::commit(const QString &repoPath, const git::FileChanges &changes, const QString &text)
{
    auto repo = git::Repository::open(repoPath);
    QVERIFY(repo.ok());
    const git::ObjectId parent = repo->resolve(u"refs/heads/main"_s).valueOr(git::ObjectId());
    auto id = repo->createCommit(parent, changes, message(text), u"refs/heads/main"_s);
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().fullText()));
}

ws::WorkspaceConfig TestCatalog::config(const QByteArray &environments)
{
    auto parsed = ws::WorkspaceConfig::parse("provider: {type: local, path: repos}\nenvironments: " + environments + "\n",
                                             m_dir->filePath(u"workspace.yaml"_s));
    if (!parsed.ok())
        qFatal("bad test workspace: %s", qPrintable(parsed.error().fullText()));
    return *parsed;
}

void TestCatalog::listsProjectsServicesAndTags()
{
    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    auto catalog = ws::Catalog::load(config(), cache);
    QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().fullText()));

    QCOMPARE(catalog->projects.size(), size_t(2));   // templates and unrelated repos are not projects
    QCOMPARE(catalog->projects[0].name, u"empty"_s);
    QVERIFY(catalog->projects[0].services.empty());
    QVERIFY(catalog->projects[0].tip.isNull());
    QVERIFY(catalog->projects[0].problem.isEmpty());

    const ws::ProjectInfo *shop = catalog->project(u"shop"_s);
    QVERIFY(shop != nullptr);
    QVERIFY(!shop->tip.isNull());
    QCOMPARE(shop->services.size(), size_t(2));   // a folder that is no DNS label is not a service
    QCOMPARE(shop->services[0].name, u"cart"_s);
    QCOMPARE(shop->services[1].name, u"orders"_s);
    QCOMPARE(catalog->serviceEnvironmentCount(), 3);

    const ws::EnvironmentState *uat = catalog->environment(u"shop"_s, u"orders"_s, u"uat"_s);
    QVERIFY(uat != nullptr);
    QVERIFY(uat->canaryStage);
    QCOMPARE(uat->gaTag, u"1.4.2"_s);
    QCOMPARE(uat->canaryTag, u"1.5.0-rc.1"_s);
    QCOMPARE(uat->image, u"registry.example.com/shop/orders"_s);
    QCOMPARE(uat->path, u"appsmanifests/orders/uat"_s);
    QVERIFY(uat->problem.isEmpty());

    const ws::EnvironmentState *prod = catalog->environment(u"shop"_s, u"orders"_s, u"prod"_s);
    QVERIFY(prod != nullptr);
    QVERIFY(!prod->canaryStage);
    QCOMPARE(prod->gaTag, u"1.4.1"_s);
    QVERIFY(prod->canaryTag.isEmpty());
}

void TestCatalog::ordersEnvironmentsAsTheWorkspace()
{
    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    auto catalog = ws::Catalog::load(config("[{name: uat}, {name: prod}]"), cache);
    QVERIFY(catalog.ok());
    const ws::ServiceInfo *orders = catalog->service(u"shop"_s, u"orders"_s);
    QCOMPARE(orders->environments[0].environment, u"uat"_s);
    QCOMPARE(orders->environments[1].environment, u"prod"_s);

    auto reversed = ws::Catalog::load(config("[{name: prod}, {name: uat}]"), cache);
    QVERIFY(reversed.ok());
    orders = reversed->service(u"shop"_s, u"orders"_s);
    QCOMPARE(orders->environments[0].environment, u"prod"_s);
    QCOMPARE(orders->environments[1].environment, u"uat"_s);
}

void TestCatalog::seesNewCommitsAfterFetch()
{
    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    QVERIFY(ws::Catalog::load(config(), cache).ok());

    git::FileChanges bump;
    bump.write(u"appsmanifests/orders/prod/manifests/ga/kustomization.yaml"_s,
               test::ServiceEnvFiles{u"orders"_s, u"prod"_s, u"registry.example.com/shop/orders"_s, u"1.4.2"_s, {}}
                   .gaKustomization());
    commit(m_shop, bump, u"Release orders 1.4.2 to prod"_s);

    auto catalog = ws::Catalog::load(config(), cache);
    QVERIFY(catalog.ok());
    QCOMPARE(catalog->environment(u"shop"_s, u"orders"_s, u"prod"_s)->gaTag, u"1.4.2"_s);
}

void TestCatalog::readsCacheWithoutFetch()
{
    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    QVERIFY(ws::Catalog::load(config(), cache).ok());

    git::FileChanges bump;
    bump.write(u"appsmanifests/cart/uat/manifests/ga/kustomization.yaml"_s,
               test::ServiceEnvFiles{u"cart"_s, u"uat"_s, u"registry.example.com/shop/cart"_s, u"2.1.0"_s, {}}
                   .gaKustomization());
    commit(m_shop, bump, u"Release cart 2.1.0 to uat"_s);

    ws::Catalog::Options offline;
    offline.fetch = false;
    auto cached = ws::Catalog::load(config(), cache, offline);
    QVERIFY(cached.ok());
    QCOMPARE(cached->environment(u"shop"_s, u"cart"_s, u"uat"_s)->gaTag, u"2.0.0"_s);   // what the cache knew
    auto fetched = ws::Catalog::load(config(), cache);
    QVERIFY(fetched.ok());
    QCOMPARE(fetched->environment(u"shop"_s, u"cart"_s, u"uat"_s)->gaTag, u"2.1.0"_s);
}

void TestCatalog::brokenOverlayIsAProblemNotAFailure()
{
    git::FileChanges broken;
    broken.write(u"appsmanifests/cart/uat/manifests/ga/kustomization.yaml"_s, "images:\n  - name: cart\n   newTag: [\n");
    commit(m_shop, broken, u"Hand edit gone wrong"_s);

    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    auto catalog = ws::Catalog::load(config(), cache);
    QVERIFY(catalog.ok());
    const ws::EnvironmentState *cart = catalog->environment(u"shop"_s, u"cart"_s, u"uat"_s);
    QVERIFY(cart != nullptr);
    QVERIFY(cart->gaTag.isEmpty());
    QVERIFY2(cart->problem.contains(u"appsmanifests/cart/uat/manifests/ga/kustomization.yaml does not parse"_s),
             qPrintable(cart->problem));
    // The other services still load.
    QCOMPARE(catalog->environment(u"shop"_s, u"orders"_s, u"uat"_s)->gaTag, u"1.4.2"_s);
}

void TestCatalog::unusedCanaryOverlayHasNoCanaryTag()
{
    // Back to GA only: the canary overlay stays in the repo but the top kustomization no longer lists it.
    git::FileChanges gaOnly;
    gaOnly.write(u"appsmanifests/orders/uat/manifests/kustomization.yaml"_s, "resources:\n  - ga\n");
    commit(m_shop, gaOnly, u"Stop the orders canary in uat"_s);

    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    auto catalog = ws::Catalog::load(config(), cache);
    QVERIFY(catalog.ok());
    const ws::EnvironmentState *uat = catalog->environment(u"shop"_s, u"orders"_s, u"uat"_s);
    QVERIFY(!uat->canaryStage);
    QVERIFY(uat->canaryTag.isEmpty());
    QCOMPARE(uat->gaTag, u"1.4.2"_s);
}

void TestCatalog::missingRepoFolderIsClearError()
{
    auto parsed = ws::WorkspaceConfig::parse("provider: {type: local, path: nowhere}\nenvironments: [{name: uat}]\n",
                                             m_dir->filePath(u"workspace.yaml"_s));
    QVERIFY(parsed.ok());
    git::RepoCache cache(m_dir->filePath(u"cache"_s));
    auto catalog = ws::Catalog::load(*parsed, cache);
    QVERIFY(!catalog.ok());
    QCOMPARE(catalog.error().code, Error::Code::NotFound);
    QVERIFY(catalog.error().message.contains(u"does not exist; check provider.path"_s));
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
