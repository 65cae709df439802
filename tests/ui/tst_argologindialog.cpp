// SPDX-License-Identifier: GPL-3.0-or-later
// The Argo CD login dialog, and a login through it against the simulator: the session becomes ready.
#include "flows/argosession.h"
#include "net/httpclient.h"
#include "support/argocdsim.h"
#include "ui/dialogs/argologindialog.h"
#include "workspace/demoworkspace.h"
#include "workspace/workspaceconfig.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;

class TestArgoLoginDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void okNeedsCompleteCredentials();
    void logInThroughTheDialogConnects();
};

namespace {

QPushButton *okButton(ui::ArgoLoginDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

void TestArgoLoginDialog::okNeedsCompleteCredentials()
{
    ui::ArgoLoginDialog dialog(u"https://argocd.example.com"_s, {});
    auto *username = dialog.findChild<QLineEdit *>(u"username"_s);
    auto *password = dialog.findChild<QLineEdit *>(u"password"_s);
    auto *token = dialog.findChild<QLineEdit *>(u"token"_s);
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(!token->isEnabled());
    QTest::keyClicks(username, u"admin"_s);
    QVERIFY(!okButton(dialog)->isEnabled());
    QTest::keyClicks(password, u"secret"_s);
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QVERIFY(!dialog.usesToken());
    QCOMPARE(dialog.username(), u"admin"_s);
    QCOMPARE(dialog.password(), u"secret"_s);

    const auto radios = dialog.findChildren<QRadioButton *>();
    QCOMPARE(radios.size(), 2);
    radios[1]->setChecked(true);
    QVERIFY(dialog.usesToken());
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(!username->isEnabled());
    QTest::keyClicks(token, u"eyJhbGciOi.x.y"_s);
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    QCOMPARE(dialog.token(), u"eyJhbGciOi.x.y"_s);
}

void TestArgoLoginDialog::logInThroughTheDialogConnects()
{
    QTemporaryDir dir;
    qputenv("HOME", dir.filePath(u"home"_s).toUtf8());
    qputenv("XDG_CONFIG_HOME", dir.filePath(u"home/.config"_s).toUtf8());
    qunsetenv("ARGOCD_AUTH_TOKEN");
    qunsetenv("ARGOCD_SERVER");
    qunsetenv("ARGOCD_CONFIG_DIR");
    ws::DemoOptions demo;
    demo.directory = dir.filePath(u"demo"_s);
    demo.projects = 1;
    demo.services = 1;
    auto workspace = ws::createDemoWorkspace(demo);
    QVERIFY2(workspace.ok(), qPrintable(workspace.ok() ? QString() : workspace.error().fullText()));

    test::ArgoSim::Options options;
    options.workspaceFile = *workspace;
    test::ArgoSim sim(options);
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));

    auto config = ws::WorkspaceConfig::load(*workspace);
    QVERIFY(config.ok());
    config->argocdServer = sim.url().toString();

    net::HttpClient http;
    flows::ArgoSession session(*config, http, nullptr);
    QSignalSpy needed(&session, &flows::ArgoSession::credentialsNeeded);
    QSignalSpy ready(&session, &flows::ArgoSession::ready);
    QSignalSpy failed(&session, &flows::ArgoSession::failed);
    session.connectToServer();
    QTRY_COMPARE(needed.size(), 1);   // no keychain, no argocd CLI login, no ARGOCD_AUTH_TOKEN
    QVERIFY(needed.first().first().toString().contains(sim.url().toString()));

    // A wrong password is a sentence, and nothing is connected.
    ui::ArgoLoginDialog wrong(session.serverLabel(), needed.first().first().toString());
    QTest::keyClicks(wrong.findChild<QLineEdit *>(u"username"_s), u"admin"_s);
    QTest::keyClicks(wrong.findChild<QLineEdit *>(u"password"_s), u"not-the-password"_s);
    session.logIn(wrong.username(), wrong.password());
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(u"Invalid username or password"_s),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(ready.size(), 0);

    ui::ArgoLoginDialog dialog(session.serverLabel(), needed.first().first().toString());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"username"_s), u"admin"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"password"_s), u"password"_s);
    okButton(dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    session.logIn(dialog.username(), dialog.password());
    QTRY_COMPARE(ready.size(), 1);
    QVERIFY(session.client() != nullptr);

    // The session now lists Applications with the token it got.
    bool listed = false;
    session.client()->list(this, [&](Result<argo::ApplicationList> list) {
        listed = list.ok() && list->items.size() == 4;   // uat and prod, workload and pipeline each
    });
    QTRY_VERIFY(listed);
}

QTEST_MAIN(TestArgoLoginDialog)
#include "tst_argologindialog.moc"
