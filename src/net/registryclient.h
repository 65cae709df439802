// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpclient.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace gd::net {

namespace api {
class CallContext;
}

/// The workspace's `registry.type`.
enum class RegistryType {
    Registry2,   ///< "registry2": Docker Registry HTTP API v2 / OCI distribution (tags list, bearer token challenge)
    Harbor,      ///< "harbor": Harbor v2.0 API (artifacts with push times), HTTP Basic
};

/// Who reads the registry. Held in memory only: it comes from the keychain (CredentialStore, keyed by the
/// registry URL) and is never written to a file or a log. Empty means anonymous.
struct RegistryCredentials {
    QString username;   ///< a user or robot account ("robot$shop+ci" for a Harbor project robot)
    QString secret;     ///< its password, personal access token or robot secret

    bool isEmpty() const { return username.isEmpty() && secret.isEmpty(); }
    /// The credentials from the keychain value "username:secret" (split at the first colon, as Basic auth and
    /// docker's config.json do). An empty value is anonymous; a value without a colon is an InvalidInput error. Pure.
    static Result<RegistryCredentials> fromKeychainValue(const QString &value);
    /// The keychain value fromKeychainValue reads back: "username:secret" (the user name holds no colon).
    QString toKeychainValue() const { return username + u':' + secret; }
};

/// One tag of an image repository.
struct ImageTag {
    QString tag;
    QDateTime pushedAt;   ///< UTC; Harbor's tag push_time; null when the registry does not tell (Registry v2)
    QString digest;       ///< "sha256:…" when known (Harbor artifacts, manifest answers); else empty
};

/// An image reference "[host[:port]/]path/name[:tag][@digest]" split into its parts.
struct ImageReference {
    QString host;         ///< "harbor.example.com:8443"; empty when the reference names no registry host
    QString repository;   ///< "shop/orders"
    QString tag;
    QString digest;

    /// Splits `reference`; the first path component is a host when it holds a '.' or a ':' or is "localhost"
    /// (the docker convention). InvalidInput with a sentence when it is not an image reference. Pure.
    static Result<ImageReference> parse(const QString &reference);
};

/// One challenge of a WWW-Authenticate header: `Bearer realm="…",service="…",scope="…"` → {"bearer", params}.
struct AuthChallenge {
    QString scheme;                  ///< lower-case: "bearer", "basic"
    QHash<QString, QString> params;  ///< lower-case names, unquoted values
};

/// Lists the tags of an image repository in the workspace's registry and checks that a tag exists, for the
/// release tag picker. Asynchronous, GUI thread (or the CLI's event loop), through the application's HttpClient.
///
/// How images map to the registry: the workspace's `registry.url` (https://harbor.example.com, a port when not the
/// default; its path, normally empty, is where the API lives) names the one registry this client talks to, and its
/// credentials belong to that registry only. A `repository` argument is either a repository path ("shop/orders") or
/// an image reference; a reference with a host ("harbor.example.com/shop/orders:1.4") must name that same host and
/// port, else the call fails with a sentence (the credentials are never sent elsewhere); a reference without a host
/// ("shop/orders") is read from the workspace registry as it is. For Harbor the first path component is the project
/// and the rest the repository ("shop/team/orders" → project "shop", repository "team/orders").
///
/// Registry v2: GET /v2/<name>/tags/list?n=100 following `Link: <…>; rel="next"`; a 401 Bearer challenge is answered
/// at its realm (anonymously, or with Basic credentials when configured) and the token is kept per repository until
/// it expires; a Basic challenge gets the credentials directly. Harbor: the artifacts list with tags, 100 a page.
/// Every call ends with exactly one callback, delivered only while `context` lives (always when it is null).
class RegistryClient : public QObject {
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    /// `server.baseUrl` is the workspace's registry URL (see baseUrlFromConfig); `server.displayName`, when empty,
    /// becomes "The container registry <host>" for error sentences.
    RegistryClient(HttpClient &http, RegistryType type, ServerSettings server, RegistryCredentials credentials = {},
                   QObject *parent = nullptr);

    /// The type for the workspace's `registry.type` ("registry2" or "harbor"); InvalidInput otherwise. Pure.
    static Result<RegistryType> typeFromConfig(const QString &name);
    /// The base URL for the workspace's `registry.url`; "registry.example.com" (no scheme) means https. Pure.
    static QUrl baseUrlFromConfig(const QString &registryUrl);

    RegistryType type() const { return m_type; }
    const ServerSettings &server() const { return m_server; }
    /// Replaces the credentials (after the user signed in again) and forgets every cached token.
    void setCredentials(const RegistryCredentials &credentials);
    /// Per-request timeout and attempts (HttpClient retries 5xx, timeouts and refused connections). Default 15 s, 3.
    void setRequestLimits(std::chrono::milliseconds timeout, int maxAttempts);

    /// The repository path in this registry for `imageOrRepository` (see the class comment). Pure.
    Result<QString> repositoryFor(const QString &imageOrRepository) const;

    /// Every tag of `repository`, newest first when push times are known, else by version (see sortTags).
    /// One request per page (plus the token exchange the first time). Errors are sentences: unreachable, sign in
    /// again (401 after a token or with the credentials), no such repository (404), an answer that is not a tag list.
    void listTags(const QString &repository, QObject *context, Callback<std::vector<ImageTag>> done);
    /// Whether `tag` exists in `repository`: Registry v2 GET /v2/<name>/manifests/<tag> with the OCI and Docker
    /// manifest types accepted (404 MANIFEST_UNKNOWN → false); Harbor the artifacts list filtered to that tag.
    /// An unknown repository is a NotFound error, not false. One request (plus the token exchange the first time).
    void tagExists(const QString &repository, const QString &tag, QObject *context, Callback<bool> done);

    /// Sorts in place: tags with a push time first, newest first; the others by semantic version descending
    /// ("v1.10.0" > "1.9.2" > "1.9.2-rc.1"), then tags that do not look like versions in their original order. Pure.
    static void sortTags(std::vector<ImageTag> &tags);
    /// <0, 0, >0 as version `a` is lower than, equal to or higher than `b` (semver 2.0 precedence, an optional "v"
    /// prefix, one to four numeric parts). 0 with `comparable` set false when either is not a version. Pure.
    static int compareVersions(const QString &a, const QString &b, bool *comparable = nullptr);
    /// The challenges of a WWW-Authenticate header value (several may be listed, parameters quoted or not). Pure.
    static std::vector<AuthChallenge> parseChallenges(const QByteArray &header);
    /// The tags of a Registry v2 tags list body ({"name","tags":[…]}, tags may be null); InvalidInput otherwise. Pure.
    static Result<std::vector<ImageTag>> parseTagsList(const QByteArray &body);
    /// Every tag of a Harbor artifacts list body, flattened (one ImageTag per tag, with the tag's push_time, else the
    /// artifact's; "0001-01-01…" means unknown), in the order given; InvalidInput when it is not such a list. Pure.
    static Result<std::vector<ImageTag>> parseHarborArtifacts(const QByteArray &body);

Q_SIGNALS:
    /// The registry refused the credentials or a fresh token (401): ask the user to sign in again.
    void unauthorized();

private:
    struct CachedToken {
        QString token;
        QDeadlineTimer expiry;
    };
    using ResponseCallback = std::function<void(Result<HttpResponse>)>;

    void sendAuthorized(const QString &repository, HttpRequest request, QObject *context, ResponseCallback done,
                        bool freshAuth = false);
    void retryWithToken(const QString &repository, const AuthChallenge &challenge, const HttpRequest &plain,
                        const api::CallContext &asker, ResponseCallback done);
    void fetchToken(const QString &repository, const AuthChallenge &challenge, QObject *context,
                    std::function<void(Result<QString>)> done);
    void existsRegistry2(const QString &repository, const QString &tag, QObject *context, Callback<bool> done);
    void existsHarbor(const QString &repository, const QString &tag, QObject *context, Callback<bool> done);
    HttpRequest baseRequest() const;
    Error statusError(const QString &repository, const HttpRequest &request, const HttpResponse &response) const;
    QString registryName() const;

    HttpClient &m_http;
    RegistryType m_type;
    ServerSettings m_server;
    RegistryCredentials m_credentials;
    std::chrono::milliseconds m_timeout{15000};
    int m_maxAttempts = 3;
    QHash<QString, CachedToken> m_tokens;   ///< per repository (scope repository:<name>:pull)
    bool m_basicChallenge = false;          ///< the registry asked for Basic: send the credentials at once
};

} // namespace gd::net
