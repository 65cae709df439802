// SPDX-License-Identifier: GPL-3.0-or-later
// The service page's Argo CD panel against the simulator: the resource tree, Refresh, and Sync behind a confirmation.
#include "net/argoclient.h"
#include "net/httpclient.h"
#include "support/argocdsim.h"
#include "ui/language.h"
#include "ui/views/argoresourcepanel.h"
#include "workspace/demoworkspace.h"

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

class TestArgoResourcePanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsTheResourceTree();
    void syncAsksFirstAndCancelChangesNothing();
    void syncRunsAfterYes();
    void statusWordsSpeakTheUsersLanguage();

private:
    /// Answers the next confirmation box with `button`, and records its text.
    void answerConfirmation(QMessageBox::StandardButton button);
    int historyLength();

    QTemporaryDir m_dir;
    std::unique_ptr<test::ArgoSim> m_sim;
    std::unique_ptr<net::HttpClient> m_http;
    std::unique_ptr<argo::ArgoClient> m_client;
    QString m_app;
    QString m_confirmation;
};

void TestArgoResourcePanel::initTestCase()
{
    ws::DemoOptions demo;
    demo.directory = m_dir.filePath(u"demo"_s);
    demo.projects = 1;
    demo.services = 1;
    auto workspace = ws::createDemoWorkspace(demo);
    QVERIFY(workspace.ok());
    test::ArgoSim::Options options;
    options.workspaceFile = *workspace;
    m_sim = std::make_unique<test::ArgoSim>(options);
    QString error;
    QVERIFY2(m_sim->start(&error), qPrintable(error));
    m_http = std::make_unique<net::HttpClient>();
    m_client = std::make_unique<argo::ArgoClient>(
        *m_http, argo::ArgoServer{net::ServerSettings{m_sim->url(), {}, false, {}}, m_sim->token()});

    bool listed = false;
    m_client->list(this, [&](Result<argo::ApplicationList> list) {
        for (const argo::Application &app : list->items) {
            if (app.path.endsWith(u"/uat/manifests"_s))
                m_app = app.name;
        }
        listed = true;
    });
    QTRY_VERIFY(listed);
    QVERIFY(!m_app.isEmpty());
}

void TestArgoResourcePanel::answerConfirmation(QMessageBox::StandardButton button)
{
    m_confirmation.clear();
    QTimer::singleShot(0, this, [this, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box == nullptr)
            return;
        m_confirmation = box->text();
        box->button(button)->click();
    });
}

int TestArgoResourcePanel::historyLength()
{
    int length = -1;
    m_client->get(m_app, argo::RefreshMode::None, this, [&](Result<argo::Application> app) {
        length = app.ok() ? int(app->history.size()) : -2;
    });
    if (!QTest::qWaitFor([&] { return length != -1; }, 10000))
        return -3;   // no answer in time: the comparison in the caller fails
    return length;
}

void TestArgoResourcePanel::showsTheResourceTree()
{
    ui::ArgoResourcePanel panel;
    panel.resize(800, 500);
    panel.setApplication(m_client.get(), m_app);
    auto *tree = panel.findChild<QTreeWidget *>();
    QVERIFY(tree != nullptr);
    // Deployment → ReplicaSet → Pods, each with its health.
    QTRY_VERIFY(tree->topLevelItemCount() > 0);
    QTreeWidgetItem *deployment = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == u"Deployment")
            deployment = tree->topLevelItem(i);
    }
    QVERIFY(deployment != nullptr);
    QCOMPARE(deployment->childCount(), 1);
    QCOMPARE(deployment->child(0)->text(0), u"ReplicaSet"_s);
    QVERIFY(deployment->child(0)->childCount() >= 1);
    QCOMPARE(deployment->child(0)->child(0)->text(0), u"Pod"_s);
    QCOMPARE(deployment->text(2), u"Healthy"_s);

    // Refresh asks Argo CD to compare again and shows the answer.
    auto *refresh = panel.findChild<QPushButton *>(u"argoRefresh"_s);
    QVERIFY(refresh != nullptr);
    QTRY_VERIFY(refresh->isEnabled());
    refresh->click();
    QTRY_VERIFY(refresh->isEnabled());
}

void TestArgoResourcePanel::syncAsksFirstAndCancelChangesNothing()
{
    ui::ArgoResourcePanel panel;
    panel.setApplication(m_client.get(), m_app);
    auto *sync = panel.findChild<QPushButton *>(u"argoSync"_s);
    QVERIFY(sync != nullptr);
    QTRY_VERIFY(sync->isEnabled());
    const int before = historyLength();
    answerConfirmation(QMessageBox::Cancel);
    sync->click();
    QVERIFY2(m_confirmation.contains(m_app), qPrintable(m_confirmation));
    QCOMPARE(historyLength(), before);
}

void TestArgoResourcePanel::syncRunsAfterYes()
{
    ui::ArgoResourcePanel panel;
    panel.setApplication(m_client.get(), m_app);
    auto *sync = panel.findChild<QPushButton *>(u"argoSync"_s);
    QTRY_VERIFY(sync->isEnabled());
    const int before = historyLength();
    answerConfirmation(QMessageBox::Yes);
    sync->click();
    QVERIFY2(m_confirmation.contains(m_app), qPrintable(m_confirmation));
    // The sync lands in Argo CD's history.
    QTRY_VERIFY_WITH_TIMEOUT(historyLength() == before + 1, 20000);
}

void TestArgoResourcePanel::statusWordsSpeakTheUsersLanguage()
{
    // Argo CD's words (health, sync, the operation's phase) read like the rest of a Chinese window.
    QVERIFY(ui::applyLanguage(ui::Language::ChineseSimplified));
    {
        ui::ArgoResourcePanel panel;
        panel.setApplication(m_client.get(), m_app);
        auto *tree = panel.findChild<QTreeWidget *>(u"argoResources"_s);
        QTRY_VERIFY(tree->topLevelItemCount() > 0);
        QStringList health;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            health.append(tree->topLevelItem(i)->text(2));
        QVERIFY2(health.contains(u"健康"_s) && !health.contains(u"Healthy"_s), qPrintable(health.join(u", "_s)));
        auto *title = panel.findChild<QLabel *>(u"argoTitle"_s);
        QTRY_VERIFY(title->text().contains(u"："_s));   // the application's state has come
        for (const QString &english : {u"Healthy"_s, u"Progressing"_s, u"Synced"_s, u"OutOfSync"_s})
            QVERIFY2(!title->text().contains(english), qPrintable(title->text()));
        const QString operation = panel.findChild<QLabel *>(u"argoOperation"_s)->text();
        QVERIFY2(operation.contains(u"成功"_s) && !operation.contains(u"Succeeded"_s), qPrintable(operation));
    }
    ui::applyLanguage(ui::Language::English);   // false: English has no catalog to load
}

QTEST_MAIN(TestArgoResourcePanel)
#include "tst_argoresourcepanel.moc"
