// SPDX-License-Identifier: GPL-3.0-or-later
// What the window shows of data it cannot fully trust: a project whose repository could not be fetched says that it
// is shown from the cached copy, of when, and why; names from Git with control characters are shown with those
// characters visible, not obeyed. Saves screenshots of both.
#include "guitesting.h"
#include "support/tagcommit.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/models/projecttreeroles.h"
#include "ui/views/messagebanner.h"
#include "ui/views/projectpage.h"
#include "ui/views/servicepage.h"
#include "workspace/catalog.h"
#include "workspace/demoworkspace.h"
#include "workspace/workspaceconfig.h"

#include <QAction>
#include <QLabel>
#include <QTabWidget>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using gd::ui::MainWindow;

namespace {

constexpr int loadTimeoutMs = 60000;

const QString hostileName = u"Mallory \x1b]0;owned\x07\x1b[2J\u202Eevil"_s;

/// The first hidden control (C0 but line feed, DEL, C1, bidirectional) in `text`, as "U+XXXX"; empty when none.
QString hiddenControlIn(const QString &text)
{
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if ((u < 0x20 && u != u'\n') || (u >= 0x7f && u <= 0x9f) || (u >= 0x202a && u <= 0x202e)
            || (u >= 0x2066 && u <= 0x2069))
            return u"U+%1"_s.arg(u, 4, 16, QChar(u'0'));
    }
    return {};
}

} // namespace

class TestUntrustedText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void projectFromCachedCopySaysSoAndNamesShowControls();

private:
    QString repoPath(const QString &project) const
    {
        return m_config.localPath + u'/' + m_config.repoNameFor(project) + u".git"_s;
    }

    QTemporaryDir m_tmp;
    QString m_workspaceFile;
    gd::ws::WorkspaceConfig m_config;
    gd::ws::CatalogSnapshot m_expected;
};

void TestUntrustedText::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(gd::test::isolateAppFolders(m_tmp, u"tst_untrustedtext"_s));
    gd::ui::applyLanguage(gd::ui::Language::English);
    gd::ws::DemoOptions options;
    options.directory = m_tmp.filePath(u"demo"_s);
    auto created = gd::ws::createDemoWorkspace(options);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().fullText()));
    m_workspaceFile = *created;
    auto config = gd::ws::WorkspaceConfig::load(m_workspaceFile);
    QVERIFY(config.ok());
    m_config = *config;
    gd::git::RepoCache cache(m_tmp.filePath(u"expected-cache"_s));
    auto catalog = gd::ws::Catalog::load(m_config, cache);
    QVERIFY(catalog.ok());
    m_expected = std::move(*catalog);
    QVERIFY(m_expected.projects.size() >= 2);
}

void TestUntrustedText::projectFromCachedCopySaysSoAndNamesShowControls()
{
    // Someone whose name holds terminal escapes and a right-to-left override changes a GA tag.
    const gd::ws::ProjectInfo &first = m_expected.projects.front();
    const gd::ws::ServiceInfo &service = first.services.front();
    const gd::ws::EnvironmentState &env = service.environments.front();
    const gd::git::Signature mallory{hostileName, u"mallory@example.com"_s, QDateTime::currentDateTime()};
    QVERIFY(!gd::test::commitGaTag(repoPath(first.name), service.name, env.environment, u"6.6.6"_s, mallory,
                                   u"Release 6.6.6\x1b[2J"_s)
                 .isNull());

    auto window = gd::test::openWorkspaceWindow(m_workspaceFile, loadTimeoutMs);
    QVERIFY(window);

    // The second project's repository goes away after the first read; the refresh cannot fetch it.
    const gd::ws::ProjectInfo &second = m_expected.projects[1];
    QVERIFY(QDir().rename(repoPath(second.name), repoPath(second.name) + u".away"_s));
    QVERIFY(QDir().mkpath(repoPath(second.name)));
    QSignalSpy loaded(window.get(), &MainWindow::workspaceLoaded);
    window->findChild<QAction *>(u"actionRefresh"_s)->trigger();
    QVERIFY(gd::test::emitted(loaded, loadTimeoutMs));

    const QString today = QDate::currentDate().toString(u"yyyy-MM-dd"_s);
    auto *banner = gd::test::child<gd::ui::MessageBanner>(window.get(), u"messageBanner"_s);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->message().contains(u"shown from their cached copies"_s), qPrintable(banner->message()));

    auto *tree = gd::test::child<QTreeView>(window.get(), u"projectTree"_s);
    const QModelIndex projectRow = gd::test::findTreeRow(tree->model(), {second.name});
    QVERIFY(projectRow.isValid());
    const QString tooltip = projectRow.data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(u"the cached copy of "_s + today), qPrintable(tooltip));
    tree->setCurrentIndex(projectRow);
    auto *page = gd::test::child<gd::ui::ProjectPage>(window.get(), u"projectPage"_s);
    QTRY_VERIFY(page->isVisible());
    auto *problem = gd::test::child<gd::ui::MessageBanner>(page, u"projectProblem"_s);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->message().startsWith(u"The deployment repository could not be fetched: what is shown is from "
                                           "the cached copy of "_s
                                           + today),
             qPrintable(problem->message()));
    QVERIFY2(problem->message().contains(u"minute old)"_s), qPrintable(problem->message()));
    QVERIFY2(problem->detail().contains(second.name), qPrintable(problem->detail()));
    QVERIFY(page->findChildren<QLabel *>().size() > 0);
    bool subtitleSaysCached = false;
    for (const QLabel *label : page->findChildren<QLabel *>())
        subtitleSaysCached = subtitleSaysCached || label->text().contains(u"from the cached copy of "_s + today);
    QVERIFY(subtitleSaysCached);
    gd::test::saveScreenshot(window.get(), u"projectpage_cached_copy_en.png"_s);

    // The first project's release history names Mallory with the escapes visible.
    const QModelIndex envRow = gd::test::findTreeRow(tree->model(), {first.name, service.name, env.environment});
    QVERIFY(envRow.isValid());
    tree->setCurrentIndex(envRow);
    auto *servicePage = gd::test::child<gd::ui::ServicePage>(window.get(), u"servicePage"_s);
    auto *tabs = gd::test::child<QTabWidget>(servicePage, u"serviceTabs"_s);
    tabs->setCurrentWidget(gd::test::child<QWidget>(servicePage, u"releasePanel"_s));
    auto *history = gd::test::child<QTreeView>(servicePage, u"releaseHistory"_s);
    QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowCount() > 0, loadTimeoutMs);
    QString shownAuthor;
    for (int row = 0; row < history->model()->rowCount(); ++row) {
        for (int column = 0; column < history->model()->columnCount(); ++column) {
            const QModelIndex cell = history->model()->index(row, column);
            for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
                const QString shown = cell.data(role).toString();
                QVERIFY2(hiddenControlIn(shown).isEmpty(), qPrintable(hiddenControlIn(shown) + u" in "_s + shown));
                if (role == Qt::DisplayRole && shown.startsWith(u"Mallory"_s))
                    shownAuthor = shown;
            }
        }
    }
    QCOMPARE(shownAuthor, u"Mallory \\x1b]0;owned\\x07\\x1b[2J\\u202eevil"_s);
    // The rollback window above names who released, in a label.
    auto *windowText = gd::test::child<QLabel>(servicePage, u"rollbackWindowText"_s);
    QTRY_VERIFY(windowText->isVisible());
    QVERIFY2(windowText->text().contains(u"(Mallory \\x1b]0;owned\\x07\\x1b[2J\\u202eevil)"_s),
             qPrintable(windowText->text()));
    QVERIFY2(hiddenControlIn(windowText->text()).isEmpty(), qPrintable(windowText->text()));
    gd::test::saveScreenshot(window.get(), u"release_history_hostile_author_en.png"_s);
}

QTEST_MAIN(TestUntrustedText)
#include "tst_untrustedtext.moc"
