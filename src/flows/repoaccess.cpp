// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows/repoaccess.h"

#include "net/credentialstore.h"
#include "net/gitlabrepoprovider.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace gd::flows {
namespace {

// The translatable sentences of this file, in the "gd::flows::RepoAccess" context (lupdate reads the macro).
struct RepoAccessText {
    Q_DECLARE_TR_FUNCTIONS(gd::flows::RepoAccess)
};

Result<SharedRepoProvider> create(const ws::WorkspaceConfig &config, const QString &token)
{
    auto provider = net::createRepoProvider(config, token);
    if (!provider.ok())
        return provider.error();
    return SharedRepoProvider(std::move(*provider));
}

/// Calls `done` with `result` from the event loop, while `context` lives.
void deliver(QObject *context, std::function<void(Result<SharedRepoProvider>)> done, Result<SharedRepoProvider> result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)]() mutable {
        done(std::move(result));
    });
}

} // namespace

QString gitlabTokenKey(const ws::WorkspaceConfig &config)
{
    return net::gitlabServerUrl(config);
}

void openRepoProvider(const ws::WorkspaceConfig &config, net::CredentialStore *store, QObject *context,
                      std::function<void(Result<SharedRepoProvider>)> done)
{
    if (config.provider != ws::WorkspaceConfig::ProviderType::GitLab) {
        deliver(context, std::move(done), create(config, QString()));
        return;
    }
    if (const QString token = qEnvironmentVariable(kGitLabTokenVariable); !token.isEmpty()) {
        deliver(context, std::move(done), create(config, token));
        return;
    }
    const QString server = gitlabTokenKey(config);
    if (store == nullptr) {
        deliver(context, std::move(done),
                makeError(Error::Code::Auth,
                          RepoAccessText::tr("Sign in to GitLab at %1: no keychain can be reached here, so set %2 to "
                                             "an access token.")
                              .arg(server, QString::fromLatin1(kGitLabTokenVariable))));
        return;
    }
    store->readToken(server, context, [config, server, done = std::move(done)](Result<QString> token) {
        if (token.ok()) {
            done(create(config, *token));
            return;
        }
        if (token.error().code == Error::Code::NotFound) {
            done(makeError(Error::Code::Auth,
                           RepoAccessText::tr("Sign in to GitLab at %1: no access token is stored for it yet.")
                               .arg(server)));
            return;
        }
        // A keychain that cannot be read (none running, locked, refused) holds no usable token either: ask to sign in
        // like above, so the window asks for a token; the keychain's own sentence goes to the details.
        done(makeError(Error::Code::Auth,
                       RepoAccessText::tr("Sign in to GitLab at %1: no access token could be read from the system "
                                          "keychain; enter one, or set %2.")
                           .arg(server, QString::fromLatin1(kGitLabTokenVariable)),
                       token.error().fullText()));
    });
}

} // namespace gd::flows
