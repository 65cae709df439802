// SPDX-License-Identifier: GPL-3.0-or-later
// Opens a `gitlab` workspace in the main window with no GITLAB_TOKEN and no keychain (offscreen, no D-Bus): the window
// asks for an access token, and with it lists the group's projects and their services from a fake GitLab whose repos
// are served over smart HTTP; cancelling the question leaves the welcome page with an error naming GitLab.
#include "git/commitinfo.h"
#include "git/filechanges.h"
#include "git/repository.h"
#include "guitesting.h"
#include "support/fakegitlab.h"
#include "support/githttpserver.h"
#include "support/gitlaborigin.h"
#include "support/serviceenvfiles.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/views/messagebanner.h"
#include "ui/views/servicepage.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace gd;
using gd::ui::MainWindow;
using gd::ui::MessageBanner;

namespace {

constexpr int loadTimeoutMs = 60000;
const QString kGroup = u"platform/devops"_s;
const QString kPrefix = u"argocd-gitops-"_s;
/// Made up; what the fake GitLab and the git server accept.
const QString kToken = u"glpat-Wn4cR8tYq2Lm6Vx0Kb3J"_s;

} // namespace

class TestGitLabWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theTokenDialogOpensTheWorkspace();
    void cancellingTheTokenDialogLeavesTheWelcomePage();

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::GitLabSite> m_site;
    QString m_workspace;
};

void TestGitLabWorkspace::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(test::isolateAppFolders(m_tmp, u"tst_gitlabworkspace"_s));
    qunsetenv("GITLAB_TOKEN");   // the token must come from the dialog
    ui::applyLanguage(ui::Language::English);
}

void TestGitLabWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_site = std::make_unique<test::GitLabSite>();
    QString error;
    QVERIFY2(m_site->start(m_dir->filePath(u"served"_s), kToken, &error), qPrintable(error));
    test::FakeGitLab &gitlab = m_site->api();
    gitlab.addGroup(kGroup);

    // shop holds the service orders in uat (committed straight into the repo on the server); billing is empty.
    gitlab.addProject(kGroup, kPrefix + u"shop"_s);
    gitlab.addProject(kGroup, kPrefix + u"billing"_s);
    gitlab.addProject(kGroup, kPrefix + u"templates"_s);
    gitlab.addProject(kGroup, u"terraform-shop"_s);
    auto repo = git::Repository::open(m_site->barePath(kGroup + u'/' + kPrefix + u"shop"_s));
    QVERIFY2(repo.ok(), qPrintable(repo.ok() ? QString() : repo.error().fullText()));
    git::FileChanges files;
    test::ServiceEnvFiles{u"orders"_s, u"uat"_s, u"registry.example.com/shop/orders"_s, u"1.4.2"_s, {}}.addTo(files);
    const git::Signature who{u"Li Wei"_s, u"li.wei@example.com"_s, QDateTime::currentDateTimeUtc()};
    auto commit = repo->createCommit(git::ObjectId(), files, git::CommitMessage{u"Add orders"_s, who, who});
    QVERIFY2(commit.ok(), qPrintable(commit.ok() ? QString() : commit.error().fullText()));
    QVERIFY(repo->setReference(u"refs/heads/main"_s, *commit).ok());

    m_workspace = m_dir->filePath(u"workspace.yaml"_s);
    QVERIFY2(m_site->writeWorkspace(m_workspace, kGroup, kPrefix, &error), qPrintable(error));
}

void TestGitLabWorkspace::cleanup()
{
    m_site.reset();
    m_dir.reset();
}

void TestGitLabWorkspace::theTokenDialogOpensTheWorkspace()
{
    auto window = test::showMainWindow();

    // Answer the token question whenever it is the modal dialog, however long the keychain takes to say no.
    int asked = 0;
    QString question;
    QLineEdit::EchoMode echo = QLineEdit::Normal;
    QTimer answerer;
    answerer.setInterval(20);
    connect(&answerer, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (dialog == nullptr || dialog->objectName() != u"gitlabTokenDialog"_s)
            return;
        ++asked;
        question = dialog->labelText();
        echo = dialog->textEchoMode();
        auto *edit = dialog->findChild<QLineEdit *>();
        QVERIFY(edit != nullptr);
        QTest::keyClicks(edit, kToken);
        test::saveScreenshot(dialog, u"gitlab_token_dialog_light.png"_s);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    answerer.start();
    QSignalSpy loaded(window.get(), &MainWindow::workspaceLoaded);
    QSignalSpy failed(window.get(), &MainWindow::workspaceFailed);
    window->openWorkspace(m_workspace);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() || !failed.isEmpty(), loadTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().at(0).toString()));
    answerer.stop();

    QCOMPARE(asked, 1);
    QCOMPARE(echo, QLineEdit::Password);
    QVERIFY2(question.contains(m_site->url().toString()), qPrintable(question));   // which GitLab it is for
    QVERIFY2(question.contains(u"GitLab"_s), qPrintable(question));

    // The projects come from the group in GitLab, read with the typed token; the repos were cloned over http.
    auto *tree = window->findChild<QTreeView *>(u"projectTree"_s);
    const QAbstractItemModel *model = tree->model();
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(test::findTreeRow(model, {u"billing"_s}).isValid());
    QVERIFY(test::findTreeRow(model, {u"shop"_s}).isValid());
    QVERIFY(!test::findTreeRow(model, {u"templates"_s}).isValid());
    const QModelIndex service = test::findTreeRow(model, {u"shop"_s, u"orders"_s});
    QVERIFY(service.isValid());
    QVERIFY(test::findTreeRow(model, {u"shop"_s, u"orders"_s, u"uat"_s}).isValid());
    QCOMPARE(model->rowCount(test::findTreeRow(model, {u"billing"_s})), 0);
    bool sawToken = false;
    for (const test::FakeGitLab::Seen &seen : m_site->api().requests())
        sawToken = sawToken || seen.headers.value("private-token") == kToken.toLatin1();
    QVERIFY(sawToken);
    QVERIFY2(!m_site->git().requestLog().filter(u"git-upload-pack 200"_s).isEmpty(),
             qPrintable(m_site->git().requestLog().join(u'\n')));

    // No keychain here: at most a warning that the token cannot be kept, never an error, never the token.
    auto *banner = window->findChild<MessageBanner *>(u"messageBanner"_s);
    if (banner->isVisible())
        QCOMPARE(banner->kind(), MessageBanner::Kind::Warning);
    QVERIFY(!banner->message().contains(kToken));
    QVERIFY(!banner->detail().contains(kToken));

    // The service's page shows what its repo in GitLab holds.
    tree->setCurrentIndex(service);
    auto *page = window->findChild<ui::ServicePage *>(u"servicePage"_s);
    QCOMPARE(window->findChild<QStackedWidget *>(u"pageStack"_s)->currentWidget(), page);
    QCOMPARE(page->findChild<QLabel *>(u"serviceTitle"_s)->text(), u"orders"_s);
    const QAbstractItemModel *envs = page->findChild<QTableView *>(u"environmentTable"_s)->model();
    QCOMPARE(envs->rowCount(), 1);
    bool sawTag = false;
    for (int column = 0; column < envs->columnCount(); ++column)
        sawTag = sawTag || envs->index(0, column).data().toString() == u"1.4.2"_s;
    QVERIFY(sawTag);
    QTRY_VERIFY_WITH_TIMEOUT(!page->files().isEmpty(), loadTimeoutMs);
    test::saveScreenshot(window.get(), u"gitlab_workspace_light.png"_s);
}

void TestGitLabWorkspace::cancellingTheTokenDialogLeavesTheWelcomePage()
{
    auto window = test::showMainWindow();
    int asked = 0;
    QTimer answerer;
    answerer.setInterval(20);
    connect(&answerer, &QTimer::timeout, this, [&asked] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (dialog == nullptr || dialog->objectName() != u"gitlabTokenDialog"_s)
            return;
        ++asked;
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    });
    answerer.start();
    QSignalSpy failed(window.get(), &MainWindow::workspaceFailed);
    window->openWorkspace(m_workspace);
    QVERIFY(gd::test::emitted(failed, loadTimeoutMs));
    answerer.stop();
    QCOMPARE(asked, 1);

    auto *banner = window->findChild<MessageBanner *>(u"messageBanner"_s);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    QVERIFY2(banner->message().contains(u"GitLab"_s), qPrintable(banner->message()));
    QCOMPARE(banner->findChild<QLabel *>(u"bannerText"_s)->text(), banner->message());
    QCOMPARE(window->findChild<QStackedWidget *>(u"pageStack"_s)->currentWidget()->objectName(), u"welcomePage"_s);
    QVERIFY(window->workspacePath().isEmpty());
    QVERIFY(m_site->api().requests().isEmpty());   // nothing was asked of GitLab without a token
    QVERIFY(m_site->git().requestLog().isEmpty());
}

QTEST_MAIN(TestGitLabWorkspace)
#include "tst_gitlabworkspace.moc"
