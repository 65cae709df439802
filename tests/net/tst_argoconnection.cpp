// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/argoconnection.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd::argo;

namespace {

const QByteArray kConfig =
    "current-context: argocd.example.com\n"
    "contexts:\n"
    "- name: argocd.example.com\n"
    "  server: argocd.example.com\n"
    "  user: argocd.example.com\n"
    "- name: local\n"
    "  server: localhost:8080\n"
    "  user: local\n"
    "servers:\n"
    "- server: argocd.example.com\n"
    "  grpc-web-root-path: \"\"\n"
    "- server: localhost:8080\n"
    "  insecure: true\n"
    "  plain-text: true\n"
    "users:\n"
    "- name: argocd.example.com\n"
    "  auth-token: token-example\n"
    "- name: local\n"
    "  auth-token: token-local\n"
    "prompts-enabled: false\n";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(bytes);
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

} // namespace

class TestArgoConnection : public QObject {
    Q_OBJECT
private:
    QProcessEnvironment environment(const QTemporaryDir &dir)
    {
        QProcessEnvironment env;
        env.insert(u"HOME"_s, dir.path() + u"/home"_s);
        QDir().mkpath(dir.path() + u"/home"_s);
        return env;
    }

private Q_SLOTS:
    void currentContextFromConfigDir()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path() + u"/cfg/config"_s, kConfig));
        auto env = environment(dir);
        env.insert(u"ARGOCD_CONFIG_DIR"_s, dir.path() + u"/cfg"_s);
        const auto login = readArgoCliLogin(env);
        QVERIFY2(login.ok(), qPrintable(login.ok() ? QString() : login.error().fullText()));
        QCOMPARE(login->configPath, dir.path() + u"/cfg/config"_s);
        QCOMPARE(login->contextName, u"argocd.example.com"_s);
        QCOMPARE(login->server.http.baseUrl, QUrl(u"https://argocd.example.com"_s));
        QVERIFY(!login->server.http.insecure);
        QCOMPARE(login->server.token, u"token-example"_s);
    }

    void namedContextPlainTextInsecure()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path() + u"/home/.argocd/config"_s, kConfig));
        const auto login = readArgoCliLogin(environment(dir), u"local"_s);
        QVERIFY(login.ok());
        QCOMPARE(login->server.http.baseUrl, QUrl(u"http://localhost:8080"_s));
        QVERIFY(login->server.http.insecure);
        QCOMPARE(login->server.token, u"token-local"_s);
        QCOMPARE(readArgoCliLogin(environment(dir), u"nope"_s).error().code, gd::Error::Code::NotFound);
    }

    void precedence()
    {
        QTemporaryDir dir;
        auto env = environment(dir);
        env.insert(u"XDG_CONFIG_HOME"_s, dir.path() + u"/xdg"_s);
        // Only ~/.config/argocd: used when XDG_CONFIG_HOME is unset.
        QVERIFY(writeFile(dir.path() + u"/home/.config/argocd/config"_s, kConfig));
        auto noXdg = environment(dir);
        QCOMPARE(readArgoCliLogin(noXdg)->configPath, dir.path() + u"/home/.config/argocd/config"_s);
        // XDG_CONFIG_HOME wins over ~/.config.
        QVERIFY(writeFile(dir.path() + u"/xdg/argocd/config"_s, kConfig));
        QCOMPARE(readArgoCliLogin(env)->configPath, dir.path() + u"/xdg/argocd/config"_s);
        // ~/.argocd wins when the folder exists.
        QVERIFY(writeFile(dir.path() + u"/home/.argocd/config"_s, kConfig));
        QCOMPARE(readArgoCliLogin(env)->configPath, dir.path() + u"/home/.argocd/config"_s);
        // ARGOCD_CONFIG_DIR wins over everything.
        QVERIFY(writeFile(dir.path() + u"/cfg/config"_s, kConfig));
        env.insert(u"ARGOCD_CONFIG_DIR"_s, dir.path() + u"/cfg"_s);
        QCOMPARE(readArgoCliLogin(env)->configPath, dir.path() + u"/cfg/config"_s);
    }

    void environmentOverrides()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path() + u"/home/.argocd/config"_s, kConfig));
        auto env = environment(dir);
        env.insert(u"ARGOCD_AUTH_TOKEN"_s, u"token-env"_s);
        auto login = readArgoCliLogin(env);
        QVERIFY(login.ok());
        QCOMPARE(login->server.http.baseUrl, QUrl(u"https://argocd.example.com"_s));
        QCOMPARE(login->server.token, u"token-env"_s);

        env.insert(u"ARGOCD_SERVER"_s, u"other.example.com:8443"_s);
        login = readArgoCliLogin(env);
        QVERIFY(login.ok());
        QCOMPARE(login->server.http.baseUrl, QUrl(u"https://other.example.com:8443"_s));
        QCOMPARE(login->server.token, u"token-env"_s);

        // Only environment variables, no file at all.
        QTemporaryDir empty;
        auto bare = environment(empty);
        bare.insert(u"ARGOCD_SERVER"_s, u"argocd.internal"_s);
        bare.insert(u"ARGOCD_AUTH_TOKEN"_s, u"t"_s);
        login = readArgoCliLogin(bare);
        QVERIFY(login.ok());
        QVERIFY(login->configPath.isEmpty());
        QCOMPARE(login->server.http.baseUrl, QUrl(u"https://argocd.internal"_s));
    }

    void nothingFound()
    {
        QTemporaryDir dir;
        const auto login = readArgoCliLogin(environment(dir));
        QVERIFY(!login.ok());
        QCOMPARE(login.error().code, gd::Error::Code::NotFound);
        QVERIFY(login.error().message.contains(u"argocd login"_s));
    }

    void brokenYaml()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path() + u"/home/.argocd/config"_s, "contexts: [unclosed\n"));
        const auto login = readArgoCliLogin(environment(dir));
        QVERIFY(!login.ok());
        QCOMPARE(login.error().code, gd::Error::Code::Yaml);
    }
};

QTEST_GUILESS_MAIN(TestArgoConnection)
#include "tst_argoconnection.moc"
