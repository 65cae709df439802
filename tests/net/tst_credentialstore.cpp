// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/credentialstore.h"

#include <QElapsedTimer>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace gd;
using namespace gd::net;

namespace {

template<typename T, typename Start>
std::optional<Result<T>> await(Start start)
{
    std::optional<Result<T>> result;
    QObject context;
    start(&context, [&](Result<T> r) { result.emplace(std::move(r)); });
    QElapsedTimer timer;
    timer.start();
    while (!result && timer.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return result;
}

bool realKeychain()
{
    return qEnvironmentVariableIsSet("GD_KEYCHAIN_REAL");
}

} // namespace

class TestCredentialStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    /// Plain run (no D-Bus session, as in CI): every call is a clear sentence. Under run-with-keyring.sh: a real
    /// store / read / remove round trip in GNOME Keyring.
    void keychainStoresOrExplains()
    {
        if (realKeychain())
            roundTrip();
        else
            noKeychainIsASentence();
    }

private:
    void noKeychainIsASentence()
    {
        CredentialStore store;
        const auto token = await<QString>(
            [&](QObject *c, auto done) { store.readToken(u"https://argocd.example.com"_s, c, done); });
        QVERIFY(token.has_value());
        QVERIFY(!token->ok());
        QCOMPARE(token->error().code, Error::Code::Io);
        QVERIFY2(token->error().message.startsWith(u"No system keychain is available;"_s),
                 qPrintable(token->error().fullText()));
        const auto written = await<void>([&](QObject *c, auto done) {
            store.writeToken(u"https://argocd.example.com"_s, u"t"_s, c, done);
        });
        QVERIFY(written.has_value() && !written->ok());
        QVERIFY(written->error().message.startsWith(u"No system keychain is available;"_s));
        QVERIFY(!written->error().fullText().contains(u"\"t\""_s));
    }

    void roundTrip()
    {
        CredentialStore store;
        const QString server = u"https://argocd.example.com"_s;
        const auto missing = await<QString>([&](QObject *c, auto done) { store.readToken(server, c, done); });
        QVERIFY(missing.has_value() && !missing->ok());
        QCOMPARE(missing->error().code, Error::Code::NotFound);

        const auto written = await<void>([&](QObject *c, auto done) { store.writeToken(server, u"tok-1"_s, c, done); });
        QVERIFY2(written.has_value() && written->ok(),
                 qPrintable(written && !written->ok() ? written->error().fullText() : QString()));
        const auto other = await<void>([&](QObject *c, auto done) {
            store.writeToken(u"https://other.example.com"_s, u"tok-2"_s, c, done);
        });
        QVERIFY(other.has_value() && other->ok());

        const auto read = await<QString>([&](QObject *c, auto done) { store.readToken(server, c, done); });
        QVERIFY(read.has_value() && read->ok());
        QCOMPARE(read->value(), u"tok-1"_s);

        const auto removed = await<void>([&](QObject *c, auto done) { store.removeToken(server, c, done); });
        QVERIFY(removed.has_value() && removed->ok());
        const auto gone = await<QString>([&](QObject *c, auto done) { store.readToken(server, c, done); });
        QVERIFY(gone.has_value() && !gone->ok());
        QCOMPARE(gone->error().code, Error::Code::NotFound);
        const auto kept = await<QString>(
            [&](QObject *c, auto done) { store.readToken(u"https://other.example.com"_s, c, done); });
        QVERIFY(kept.has_value() && kept->ok());
        QCOMPARE(kept->value(), u"tok-2"_s);
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
