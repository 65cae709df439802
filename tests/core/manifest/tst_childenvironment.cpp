// SPDX-License-Identifier: GPL-3.0-or-later
// Child processes get a minimal environment: a fake `kustomize` first on PATH prints what it received.
#include "manifest/kustomizerunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::manifest::KustomizeRunner;

namespace {

// Sets environment variables for one test and restores them afterwards.
class EnvGuard {
public:
    void set(const char *name, const QByteArray &value)
    {
        m_saved.append({name, qEnvironmentVariableIsSet(name), qgetenv(name)});
        qputenv(name, value);
    }
    ~EnvGuard()
    {
        for (auto it = m_saved.crbegin(); it != m_saved.crend(); ++it) {
            if (it->wasSet)
                qputenv(it->name, it->value);
            else
                qunsetenv(it->name);
        }
    }

private:
    struct Saved {
        const char *name;
        bool wasSet;
        QByteArray value;
    };
    QList<Saved> m_saved;
};

} // namespace

class TestChildEnvironment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kustomizeSeesNoSecret_data();
    void kustomizeSeesNoSecret();
    void remoteResourcesAddOnlyTheNetworkSettings();
};

void TestChildEnvironment::kustomizeSeesNoSecret_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("Argo CD token") << QByteArray("ARGOCD_AUTH_TOKEN");
    QTest::newRow("GitLab token") << QByteArray("GITLAB_TOKEN");
    QTest::newRow("GitLab CI job token") << QByteArray("CI_JOB_TOKEN");
    QTest::newRow("registry password") << QByteArray("REGISTRY_PASSWORD");
    QTest::newRow("AWS secret") << QByteArray("AWS_SECRET_ACCESS_KEY");
    QTest::newRow("KubeSphere token") << QByteArray("KUBESPHERE_TOKEN");
    QTest::newRow("kubeconfig") << QByteArray("KUBECONFIG");
    QTest::newRow("SSH agent") << QByteArray("SSH_AUTH_SOCK");
}

void TestChildEnvironment::kustomizeSeesNoSecret()
{
    QFETCH(QByteArray, name);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString program = tmp.filePath(u"kustomize"_s);
    {
        QFile script(program);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nenv\n");
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
    }
    const QByteArray secret = QByteArray("s3cr3t-" + name.toLower() + "-value");
    EnvGuard env;
    env.set("PATH", tmp.path().toUtf8() + ':' + qgetenv("PATH"));   // the fake comes first
    env.set(name.constData(), secret);
    env.set("LANG", "C.UTF-8");

    const auto dumped = KustomizeRunner().build(tmp.path());
    QVERIFY2(dumped.ok(), dumped.ok() ? "" : qPrintable(dumped.error().fullText()));
    QVERIFY2(!dumped->contains(secret), dumped->constData());
    QVERIFY2(!dumped->contains(QByteArray(name + '=')), dumped->constData());
    // What kustomize needs is still there.
    QVERIFY2(dumped->contains(QByteArray("PATH=" + tmp.path().toUtf8())), dumped->constData());
    QVERIFY2(dumped->contains("LANG=C.UTF-8"), dumped->constData());
    if (qEnvironmentVariableIsSet("HOME"))
        QVERIFY2(dumped->contains("HOME="), dumped->constData());
}

void TestChildEnvironment::remoteResourcesAddOnlyTheNetworkSettings()
{
    QProcessEnvironment from;
    from.insert(u"PATH"_s, u"/usr/bin"_s);
    from.insert(u"HOME"_s, u"/home/rm"_s);
    from.insert(u"LC_ALL"_s, u"zh_CN.UTF-8"_s);
    from.insert(u"HTTPS_PROXY"_s, u"http://proxy:3128"_s);
    from.insert(u"SSL_CERT_FILE"_s, u"/etc/ca.pem"_s);
    from.insert(u"SSH_AUTH_SOCK"_s, u"/run/agent"_s);
    from.insert(u"GITLAB_TOKEN"_s, u"glpat-secret"_s);
    from.insert(u"ARGOCD_AUTH_TOKEN"_s, u"argo-secret"_s);

    const QProcessEnvironment local = KustomizeRunner::childEnvironment(from, false);
    QCOMPARE(local.keys(), (QStringList{u"HOME"_s, u"HTTPS_PROXY"_s, u"LC_ALL"_s, u"PATH"_s}));
    const QProcessEnvironment network = KustomizeRunner::childEnvironment(from, true);
    QCOMPARE(network.keys(), (QStringList{u"HOME"_s, u"HTTPS_PROXY"_s, u"LC_ALL"_s, u"PATH"_s, u"SSH_AUTH_SOCK"_s,
                                          u"SSL_CERT_FILE"_s}));
}

QTEST_GUILESS_MAIN(TestChildEnvironment)
#include "tst_childenvironment.moc"
