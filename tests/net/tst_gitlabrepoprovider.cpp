// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/pushloop.h"
#include "git/remote.h"
#include "git/repocache.h"
#include "git/repository.h"
#include "net/gitlabrepoprovider.h"
#include "support/fakegitlab.h"
#include "support/githttpserver.h"
#include "workspace/repoprovider.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace gd;
using gd::net::GitLabRepoProvider;
using gd::test::FakeGitLab;
using gd::test::GitHttpServer;

namespace {

const QString kGroup = u"platform/devops"_s;
const QString kPrefix = u"argocd-gitops-"_s;

git::Signature signature()
{
    return git::Signature{u"Release Bot"_s, u"release-bot@example.com"_s, QDateTime::currentDateTimeUtc()};
}

/// `git --git-dir <repo> <args>`: what the repository on the server's disk holds, read by git itself.
QString gitOutput(const QString &repo, const QStringList &args)
{
    QProcess git;
    git.start(u"git"_s, QStringList{u"--git-dir"_s, repo} + args);
    if (!git.waitForFinished(20000) || git.exitCode() != 0)
        return u"<git failed: "_s + QString::fromLocal8Bit(git.readAllStandardError()) + u'>';
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}

/// The error of `result` for a failure message; empty when it succeeded (QVERIFY2 evaluates its message always).
template<typename T>
QString why(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().fullText();
}

} // namespace

class TestGitLabRepoProvider : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeGitLab> m_gitlab;
    std::unique_ptr<GitHttpServer> m_git;

    QString token() const { return QString::fromLatin1(m_gitlab->token()); }

    ws::WorkspaceConfig config() const
    {
        ws::WorkspaceConfig config;
        config.name = u"Test"_s;
        config.provider = ws::WorkspaceConfig::ProviderType::GitLab;
        config.gitlabUrl = m_gitlab->url().toString() + u'/';
        config.gitlabGroup = kGroup;
        config.repoPrefix = kPrefix;
        return config;
    }

    std::unique_ptr<GitLabRepoProvider> provider(const QString &withToken = {}) const
    {
        auto p = std::make_unique<GitLabRepoProvider>(config(), withToken.isEmpty() ? token() : withToken);
        p->setRequestLimits(std::chrono::seconds(10), 1);
        return p;
    }

    int postCount() const
    {
        int posts = 0;
        for (const FakeGitLab::Seen &seen : m_gitlab->requests())
            posts += seen.method == "POST" ? 1 : 0;
        return posts;
    }

    QString reposRoot() const { return m_dir->filePath(u"served"_s); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir().mkpath(reposRoot()));
        m_gitlab = std::make_unique<FakeGitLab>();
        QString error;
        QVERIFY2(m_gitlab->start(&error), qPrintable(error));
        m_git = std::make_unique<GitHttpServer>(reposRoot(), u"oauth2"_s, token());
        QVERIFY2(m_git->isRunning(), qPrintable(m_git->errorString()));
        m_gitlab->setGitRepos(reposRoot(), m_git->baseUrl());
        m_gitlab->addGroup(kGroup);
    }

    void cleanup()
    {
        m_git.reset();
        m_gitlab.reset();
        m_dir.reset();
    }

    void listsOnlyTheGroupsOwnDeploymentRepos()
    {
        // 230 projects: three pages of 100, whatever the order of creation. No git repositories behind them.
        m_gitlab->setGitRepos(QString(), QString());
        QStringList expected;
        for (int i = 0; i < 115; ++i) {
            const QString name = u"team%1"_s.arg(i, 3, 10, QLatin1Char('0'));
            m_gitlab->addProject(kGroup, kPrefix + name);
            m_gitlab->addProject(kGroup, u"unrelated-"_s + name);
            expected.append(name);
        }
        m_gitlab->addProject(kGroup, kPrefix + u"templates"_s);
        m_gitlab->addProject(kGroup + u"/archive"_s, kPrefix + u"legacy"_s);      // a subgroup: not ours
        m_gitlab->addProject(u"platform"_s, kPrefix + u"parent"_s);                // the parent group: not seen
        m_gitlab->addProject(kGroup, kPrefix + u"Not_A_Label"_s);                  // not a DNS label
        m_gitlab->addProject(kGroup, kPrefix + u"retired"_s, false, true);         // archived
        expected.sort();

        auto listed = provider()->listProjects();
        QVERIFY2(listed.ok(), qPrintable(why(listed)));
        QCOMPARE(*listed, expected);
        int pages = 0;
        for (const FakeGitLab::Seen &seen : m_gitlab->requests())
            pages += seen.target.contains("/projects?") ? 1 : 0;
        QCOMPARE(pages, 3);
        QCOMPARE(postCount(), 0);
    }

    void listsFromAWorkerThread()
    {
        m_gitlab->addProject(kGroup, kPrefix + u"orders"_s);
        m_gitlab->addProject(kGroup, kPrefix + u"billing"_s);
        auto p = provider();
        QThread *mainThread = QThread::currentThread();
        QThread *ranOn = nullptr;
        QFuture<Result<QStringList>> future = QtConcurrent::run([&p, &ranOn] {
            ranOn = QThread::currentThread();
            return p->listProjects();
        });
        // The fake GitLab answers in this thread's event loop, which QTRY_VERIFY keeps turning.
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);
        QVERIFY(ranOn != mainThread);
        const Result<QStringList> listed = future.result();
        QVERIFY2(listed.ok(), qPrintable(why(listed)));
        QCOMPARE(*listed, (QStringList{u"billing"_s, u"orders"_s}));
    }

    void repoUrlNeedsNoNetwork()
    {
        auto p = provider();
        QCOMPARE(p->repoUrl(u"orders"_s),
                 m_gitlab->url().toString() + u"/platform/devops/argocd-gitops-orders.git"_s);
        QVERIFY(m_gitlab->requests().isEmpty());
        const git::RemoteAuth auth = p->remoteAuth();
        QCOMPARE(auth.username, u"oauth2"_s);
        QCOMPARE(auth.token, token());
    }

    void ensureRepoCreatesAMissingProject()
    {
        auto p = provider();
        auto url = p->ensureRepo(u"orders"_s);
        QVERIFY2(url.ok(), qPrintable(why(url)));
        QCOMPARE(*url, m_git->urlFor(u"platform/devops/argocd-gitops-orders.git"_s));
        QVERIFY(m_gitlab->hasProject(u"platform/devops/argocd-gitops-orders"_s));
        QCOMPARE(postCount(), 1);
        QVERIFY(QFileInfo(reposRoot() + u"/platform/devops/argocd-gitops-orders.git/HEAD"_s).isFile());

        // A second call finds it: no second POST.
        m_gitlab->clearRequests();
        auto again = p->ensureRepo(u"orders"_s);
        QVERIFY2(again.ok(), qPrintable(why(again)));
        QCOMPARE(*again, *url);
        QCOMPARE(postCount(), 0);
        QVERIFY(!m_gitlab->requests().isEmpty());
    }

    void ensureRepoFindsAnExistingProject()
    {
        m_gitlab->addProject(kGroup, kPrefix + u"billing"_s);
        auto url = provider()->ensureRepo(u"billing"_s);
        QVERIFY2(url.ok(), qPrintable(why(url)));
        QCOMPARE(*url, m_git->urlFor(u"platform/devops/argocd-gitops-billing.git"_s));
        QCOMPARE(postCount(), 0);
    }

    void ensureRepoSurvivesACreateRace()
    {
        m_gitlab->setCreateRace(true);
        auto url = provider()->ensureRepo(u"payments"_s);
        QVERIFY2(url.ok(), qPrintable(why(url)));
        QCOMPARE(*url, m_git->urlFor(u"platform/devops/argocd-gitops-payments.git"_s));
        QCOMPARE(postCount(), 1);   // the create was answered "has already been taken"
    }

    void ensureRepoRefusesABadName()
    {
        auto url = provider()->ensureRepo(u"Orders_API"_s);
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code, Error::Code::InvalidInput);
        QVERIFY(m_gitlab->requests().isEmpty());
    }

    void repoExistsLooksTheProjectUpWithoutCreatingIt()
    {
        m_gitlab->addProject(kGroup, kPrefix + u"shop"_s);
        auto p = provider();
        auto shop = p->repoExists(u"shop"_s);
        QVERIFY2(shop.ok(), qPrintable(why(shop)));
        QVERIFY(*shop);
        auto billing = p->repoExists(u"billing"_s);
        QVERIFY2(billing.ok(), qPrintable(why(billing)));
        QVERIFY(!*billing);
        QCOMPARE(postCount(), 0);
        QVERIFY(!m_gitlab->hasProject(kGroup + u"/"_s + kPrefix + u"billing"_s));
        // One lookup each, the group and project path encoded as one id.
        const QList<FakeGitLab::Seen> seen = m_gitlab->requests();
        QCOMPARE(seen.size(), 2);
        QVERIFY2(seen.last().target.contains("/projects/platform%2Fdevops%2Fargocd-gitops-billing"),
                 seen.last().target.constData());

        auto wrongToken = provider(u"glpat-wrong"_s)->repoExists(u"shop"_s);
        QVERIFY(!wrongToken.ok());
        QCOMPARE(wrongToken.error().code, Error::Code::Auth);
        QVERIFY(!wrongToken.error().fullText().contains(u"glpat-wrong"_s));
    }

    void gitOverHttpWithTheToken()
    {
        auto p = provider();
        auto url = p->ensureRepo(u"orders"_s);
        QVERIFY2(url.ok(), qPrintable(why(url)));
        const QString bare = reposRoot() + u"/platform/devops/argocd-gitops-orders.git"_s;

        // Clone the empty repo into the cache and push a first commit with the push loop.
        git::RepoCache cache(m_dir->filePath(u"cache"_s));
        auto cached = cache.openOrClone(*url, p->remoteAuth());
        QVERIFY2(cached.ok(), qPrintable(why(cached)));
        git::PushPlan plan;
        plan.remoteUrl = *url;
        plan.branch = u"main"_s;
        plan.auth = p->remoteAuth();
        plan.message = git::CommitMessage{u"Scaffold orders"_s, signature(), signature()};
        plan.edit = [](const git::Snapshot &tip) -> Result<git::FileChanges> {
            git::FileChanges changes;
            changes.write(u"README.md"_s, tip.commit().isNull() ? "first\n" : "second\n");
            return changes;
        };
        auto pushed = git::runPushLoop(*cached, plan);
        QVERIFY2(pushed.ok(), qPrintable(why(pushed)));
        QCOMPARE(gitOutput(bare, {u"rev-parse"_s, u"refs/heads/main"_s}), pushed->commit.toHex());
        QCOMPARE(gitOutput(bare, {u"show"_s, u"main:README.md"_s}), u"first"_s);
        QCOMPARE(gitOutput(bare, {u"log"_s, u"--format=%s"_s, u"main"_s}), u"Scaffold orders"_s);

        // A second cache sees it by fetching, and a second push lands on top of it.
        git::RepoCache other(m_dir->filePath(u"other-cache"_s));
        auto otherRepo = other.openOrClone(*url, p->remoteAuth());
        QVERIFY2(otherRepo.ok(), qPrintable(why(otherRepo)));
        auto tip = git::fetchBranch(*otherRepo, *url, u"main"_s, p->remoteAuth());
        QVERIFY2(tip.ok(), qPrintable(why(tip)));
        QCOMPARE(*tip, pushed->commit);
        plan.message.text = u"Release orders"_s;
        auto second = git::runPushLoop(*otherRepo, plan);
        QVERIFY2(second.ok(), qPrintable(why(second)));
        QCOMPARE(second->parent, pushed->commit);
        QCOMPARE(gitOutput(bare, {u"show"_s, u"main:README.md"_s}), u"second"_s);

        // All of it went through the smart HTTP protocol with the credentials.
        const QStringList log = m_git->requestLog();
        QVERIFY2(log.filter(u"git-receive-pack 200"_s).size() >= 2, qPrintable(log.join(u'\n')));
        QVERIFY2(!log.filter(u"service=git-upload-pack 200"_s).isEmpty(), qPrintable(log.join(u'\n')));
    }

    void gitCommandLineReachesTheServer()
    {
        // git itself sends a large push as a chunked body (the pack is above http.postBuffer's 64 KiB floor).
        auto url = provider()->ensureRepo(u"orders"_s);
        QVERIFY2(url.ok(), qPrintable(why(url)));
        QUrl withCredentials(*url);
        withCredentials.setUserName(u"oauth2"_s);
        withCredentials.setPassword(token());
        const QString work = m_dir->filePath(u"work"_s);
        const auto git = [&](const QStringList &args) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(u"GIT_TERMINAL_PROMPT"_s, u"0"_s);
            process.setProcessEnvironment(environment);
            process.setWorkingDirectory(m_dir->path());
            const QStringList config{u"-c"_s, u"user.name=Bot"_s, u"-c"_s, u"user.email=bot@example.com"_s,
                                     u"-c"_s, u"http.postBuffer=65536"_s, u"-c"_s, u"init.defaultBranch=main"_s};
            process.start(u"git"_s, config + args);
            process.waitForFinished(60000);
            return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0
                       ? QString()
                       : QString::fromLocal8Bit(process.readAllStandardError());
        };
        QCOMPARE(git({u"clone"_s, withCredentials.toString(), work}), QString());
        QFile big(work + u"/blob.bin"_s);
        QVERIFY(big.open(QIODevice::WriteOnly));
        // Incompressible, so the pack stays above the buffer.
        QByteArray noise(300 * 1024, Qt::Uninitialized);
        QRandomGenerator random(42);
        random.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        big.write(noise);
        big.close();
        QCOMPARE(git({u"-C"_s, work, u"add"_s, u"blob.bin"_s}), QString());
        QCOMPARE(git({u"-C"_s, work, u"commit"_s, u"-q"_s, u"-m"_s, u"Big file"_s}), QString());
        QCOMPARE(git({u"-C"_s, work, u"push"_s, u"origin"_s, u"HEAD:refs/heads/main"_s}), QString());
        QVERIFY(m_git->chunkedCount() > 0);
        const QString bare = reposRoot() + u"/platform/devops/argocd-gitops-orders.git"_s;
        QCOMPARE(gitOutput(bare, {u"log"_s, u"--format=%s"_s, u"main"_s}), u"Big file"_s);
        QCOMPARE(gitOutput(bare, {u"cat-file"_s, u"-s"_s, u"main:blob.bin"_s}), QString::number(noise.size()));
        QVERIFY(m_git->unauthorizedCount() > 0);   // git asked without credentials first
    }

    void wrongTokenFailsGitWithAnAuthSentence()
    {
        auto url = provider()->ensureRepo(u"orders"_s);
        QVERIFY2(url.ok(), qPrintable(why(url)));
        const QString wrong = u"glpat-wrong-token-ffffffffffff"_s;
        auto p = provider(wrong);
        git::RepoCache cache(m_dir->filePath(u"cache"_s));
        auto cached = cache.openOrClone(*url, p->remoteAuth());
        QVERIFY(!cached.ok());
        QCOMPARE(cached.error().code, Error::Code::Auth);
        QVERIFY(cached.error().message.endsWith(u'.'));
        QVERIFY(!cached.error().fullText().contains(wrong));
        QVERIFY(!cached.error().fullText().contains(token()));
        QVERIFY(m_git->unauthorizedCount() > 0);

        // A push from a good clone with the wrong token is refused the same way, and nothing lands.
        auto good = cache.openOrClone(*url, provider()->remoteAuth());
        QVERIFY2(good.ok(), qPrintable(why(good)));
        git::PushPlan plan;
        plan.remoteUrl = *url;
        plan.auth = p->remoteAuth();
        plan.maxAttempts = 2;
        plan.message = git::CommitMessage{u"Scaffold orders"_s, signature(), signature()};
        plan.edit = [](const git::Snapshot &) -> Result<git::FileChanges> {
            git::FileChanges changes;
            changes.write(u"README.md"_s, "first\n");
            return changes;
        };
        auto pushed = git::runPushLoop(*good, plan);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().code, Error::Code::Auth);
        QVERIFY(!pushed.error().fullText().contains(wrong));
        const QString bare = reposRoot() + u"/platform/devops/argocd-gitops-orders.git"_s;
        const QString mainTip = gitOutput(bare, {u"rev-parse"_s, u"--verify"_s, u"-q"_s, u"refs/heads/main"_s});
        QVERIFY2(mainTip.startsWith(u"<git failed"_s), qPrintable(mainTip));   // no branch: nothing landed
    }

    void gitlabRefusingTheTokenIsAnAuthSentence()
    {
        const QString wrong = u"glpat-wrong-token-ffffffffffff"_s;
        auto p = provider(wrong);
        auto listed = p->listProjects();
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().code, Error::Code::Auth);
        QVERIFY(listed.error().message.endsWith(u'.'));
        QVERIFY(!listed.error().fullText().contains(wrong));

        auto ensured = p->ensureRepo(u"orders"_s);
        QVERIFY(!ensured.ok());
        QCOMPARE(ensured.error().code, Error::Code::Auth);
        QVERIFY(!ensured.error().fullText().contains(wrong));
        QVERIFY(!m_gitlab->hasProject(u"platform/devops/argocd-gitops-orders"_s));
    }

    void unknownGroupIsNotFound()
    {
        ws::WorkspaceConfig c = config();
        c.gitlabGroup = u"platform/nowhere"_s;
        GitLabRepoProvider p(c, token());
        p.setRequestLimits(std::chrono::seconds(10), 1);
        auto listed = p.listProjects();
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().code, Error::Code::NotFound);
        QVERIFY2(listed.error().message.contains(u"platform/nowhere"_s), qPrintable(why(listed)));
    }

    void createRepoProviderNeedsATokenForGitLab()
    {
        auto none = net::createRepoProvider(config(), QString());
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, Error::Code::Auth);
        QVERIFY2(none.error().message.contains(u"Sign in to GitLab"_s), qPrintable(why(none)));

        auto made = net::createRepoProvider(config(), token());
        QVERIFY2(made.ok(), qPrintable(why(made)));
        QVERIFY(dynamic_cast<GitLabRepoProvider *>(made->get()));
        QCOMPARE((*made)->remoteAuth().token, token());
    }

    void createRepoProviderKeepsLocal()
    {
        ws::WorkspaceConfig c;
        c.provider = ws::WorkspaceConfig::ProviderType::Local;
        c.localPath = m_dir->filePath(u"local"_s);
        c.repoPrefix = kPrefix;
        auto made = net::createRepoProvider(c, QString());
        QVERIFY2(made.ok(), qPrintable(why(made)));
        ws::RepoProvider &p = **made;
        QVERIFY(dynamic_cast<ws::LocalRepoProvider *>(&p));
        QVERIFY(p.remoteAuth().token.isEmpty());
        QVERIFY(p.remoteAuth().username.isEmpty());
        auto url = p.ensureRepo(u"orders"_s);
        QVERIFY2(url.ok(), qPrintable(why(url)));
        QCOMPARE(*url, c.localPath + u"/argocd-gitops-orders.git"_s);
        auto listed = p.listProjects();
        QVERIFY2(listed.ok(), qPrintable(why(listed)));
        QCOMPARE(*listed, QStringList{u"orders"_s});
        QVERIFY(m_gitlab->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGitLabRepoProvider)
#include "tst_gitlabrepoprovider.moc"
