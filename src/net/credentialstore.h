// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace gd::net {

/// Tokens in the system keychain (QtKeychain: Secret Service, KWallet, macOS Keychain, Windows Credential Store),
/// keyed by server URL. Nothing is ever written to a file or a log. Asynchronous; GUI thread.
class CredentialStore : public QObject {
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr);

    /// The token stored for `server`; NotFound when there is none, Auth-free Io error when no keychain is reachable.
    void readToken(const QString &server, QObject *context, std::function<void(Result<QString>)> done);
    void writeToken(const QString &server, const QString &token, QObject *context,
                    std::function<void(Result<void>)> done);
    void removeToken(const QString &server, QObject *context, std::function<void(Result<void>)> done);
};

} // namespace gd::net
