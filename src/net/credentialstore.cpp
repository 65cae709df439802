// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/credentialstore.h"

#include <QCoreApplication>
#include <QStringList>

#include <qt6keychain/keychain.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::net {
namespace {

const QString kService = u"gitops-desk"_s;

QString trText(const char *text)
{
    return QCoreApplication::translate("gd::net::CredentialStore", text);
}

/// The error for a finished keychain job; `what` says which operation failed.
Error keychainError(const QKeychain::Job &job, const QString &server, const QString &what)
{
    const QString detail = server + u": "_s + job.errorString();
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return makeError(Error::Code::NotFound, trText("No token is stored for %1.").arg(server), detail);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return makeError(Error::Code::Io,
                         trText("The system keychain refused access (%1); unlock it and try again.").arg(what),
                         detail);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return makeError(Error::Code::Io,
                         trText("No system keychain is available; the token cannot be kept (%1). Start a "
                                "Secret Service (GNOME Keyring, KWallet) or enter the token each time.")
                             .arg(what),
                         detail);
    default:
        break;
    }
    // Without a D-Bus session QtKeychain reports OtherError with the D-Bus failure text
    // ("Could not connect: …", "org.freedesktop.DBus.Error.…", "…not provided by any .service files").
    const QString text = job.errorString();
    static const QStringList noBus = {u"DBus"_s, u"D-Bus"_s, u"Could not connect"_s, u"org.freedesktop"_s,
                                      u".service files"_s, u"secret"_s, u"kwallet"_s};
    const bool busMissing = std::any_of(noBus.begin(), noBus.end(), [&text](const QString &needle) {
        return text.contains(needle, Qt::CaseInsensitive);
    });
    if (busMissing)
        return makeError(Error::Code::Io,
                         trText("No system keychain is available; the token cannot be kept (%1). Start a "
                                "Secret Service (GNOME Keyring, KWallet) or enter the token each time.")
                             .arg(what),
                         detail);
    return makeError(Error::Code::Io, trText("The system keychain failed (%1).").arg(what), detail);
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{
}

void CredentialStore::readToken(const QString &server, QObject *context,
                                std::function<void(Result<QString>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(server);
    connect(job, &QKeychain::Job::finished, context ? context : this,
            [job, server, done = std::move(done)](QKeychain::Job *) {
                if (job->error() != QKeychain::NoError) {
                    done(keychainError(*job, server, trText("reading the token")));
                    return;
                }
                done(job->textData());
            });
    job->start();
}

void CredentialStore::writeToken(const QString &server, const QString &token, QObject *context,
                                 std::function<void(Result<void>)> done)
{
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(server);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, context ? context : this,
            [job, server, done = std::move(done)](QKeychain::Job *) {
                if (job->error() != QKeychain::NoError) {
                    done(keychainError(*job, server, trText("storing the token")));
                    return;
                }
                done({});
            });
    job->start();
}

void CredentialStore::removeToken(const QString &server, QObject *context,
                                  std::function<void(Result<void>)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(server);
    connect(job, &QKeychain::Job::finished, context ? context : this,
            [job, server, done = std::move(done)](QKeychain::Job *) {
                // Removing what is not there is success: the token is gone either way.
                if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
                    done(keychainError(*job, server, trText("removing the token")));
                    return;
                }
                done({});
            });
    job->start();
}

} // namespace gd::net
