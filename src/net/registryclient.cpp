// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/registryclient.h"

#include "net/apiutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <iterator>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace gd::net {

// Off below warnings unless enabled ("gd.net.registry.debug=true"); never carries a token or a password.
Q_LOGGING_CATEGORY(lcRegistry, "gd.net.registry", QtWarningMsg)

namespace {

using api::defaultPort;
using api::describeRequest;
using api::isSuccess;
using api::later;
using api::nextLink;
using api::requestUrl;
using api::sameOrigin;

constexpr int kPageSize = 100;   // distribution clamps or refuses n above its maxtags; Harbor's maximum
constexpr int kMaxPages = 500;   // a registry that keeps sending "next" must not loop forever
constexpr int kTokenMarginSeconds = 5;

const QByteArray kManifestAccept = "application/vnd.oci.image.index.v1+json, "
                                   "application/vnd.oci.image.manifest.v1+json, "
                                   "application/vnd.docker.distribution.manifest.list.v2+json, "
                                   "application/vnd.docker.distribution.manifest.v2+json";

QString trText(const char *text)
{
    return RegistryClient::tr(text);
}

/// The first entry of a distribution/Harbor error body {"errors":[{"code","message"}]}.
struct RegistryErrorBody {
    QString code;
    QString message;
};

RegistryErrorBody parseErrorBody(const QByteArray &body)
{
    const QJsonObject first = QJsonDocument::fromJson(body).object().value("errors"_L1).toArray().at(0).toObject();
    return {first.value("code"_L1).toString(), first.value("message"_L1).toString()};
}

/// The target of `Link: <…>; rel="next"` (several links may be joined by commas), resolved against `base`.
/// A Harbor time; "0001-01-01T00:00:00.000Z" (Go's zero time) means never and gives a null QDateTime.
QDateTime parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.date().year() <= 1)
        return {};
    return time.toUTC();
}

const QRegularExpression &repositoryPattern()
{
    // distribution's reference grammar: lower-case path components joined by '/', separators . _ __ and dashes.
    static const QRegularExpression pattern(
        u"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$"_s);
    return pattern;
}

const QRegularExpression &tagPattern()
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"_s);
    return pattern;
}

struct Version {
    QList<qint64> numbers;
    QStringList prerelease;
};

std::optional<Version> parseVersion(const QString &text)
{
    static const QRegularExpression pattern(
        u"^[vV]?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    Version version;
    for (int i = 1; i <= 4; ++i) {
        bool ok = true;
        const QString part = match.captured(i);
        version.numbers.append(part.isEmpty() ? 0 : part.toLongLong(&ok));
        if (!ok)
            return std::nullopt;
    }
    if (match.hasCaptured(5))
        version.prerelease = match.captured(5).split(u'.');
    return version;
}

int comparePrereleaseIdentifier(const QString &a, const QString &b)
{
    bool aNumeric = false;
    bool bNumeric = false;
    const qint64 aValue = a.toLongLong(&aNumeric);
    const qint64 bValue = b.toLongLong(&bNumeric);
    if (aNumeric && bNumeric)
        return aValue < bValue ? -1 : aValue > bValue ? 1 : 0;
    if (aNumeric != bNumeric)
        return aNumeric ? -1 : 1;   // numeric identifiers have lower precedence (semver 11.4.3)
    return a.compare(b);
}

/// Runs `deliver` on the next event-loop turn while `context` (or, without one, `client`) lives: errors found before
/// any request still arrive asynchronously, like every other answer.
QByteArray basicAuthorization(const RegistryCredentials &credentials)
{
    return "Basic " + (credentials.username + u':' + credentials.secret).toUtf8().toBase64();
}

/// The first bytes of a body for an error detail, with any token masked.
QString excerpt(const QByteArray &body, qsizetype bytes = 300)
{
    return api::excerpt(body, bytes);
}

Error closedError()
{
    return api::closedError(trText("The registry request was cancelled because its client closed."));
}

} // namespace

// --- value types -------------------------------------------------------------------------------------------------

Result<RegistryCredentials> RegistryCredentials::fromKeychainValue(const QString &value)
{
    if (value.isEmpty())
        return RegistryCredentials{};
    const qsizetype colon = value.indexOf(u':');
    if (colon <= 0)
        return makeError(Error::Code::InvalidInput,
                         trText("The stored registry sign-in is not in the form user:secret; sign in to the registry "
                                "again."));
    return RegistryCredentials{value.left(colon), value.mid(colon + 1)};
}

Result<ImageReference> ImageReference::parse(const QString &reference)
{
    QString rest = reference.trimmed();
    ImageReference out;
    const auto invalid = [&reference](const QString &why) {
        return makeError(Error::Code::InvalidInput,
                         trText("\"%1\" is not an image reference (%2); write it like "
                                "registry.example.com/shop/orders:1.4.2.")
                             .arg(reference, why));
    };
    if (rest.isEmpty())
        return invalid(trText("it is empty"));
    if (const qsizetype at = rest.indexOf(u'@'); at >= 0) {
        out.digest = rest.mid(at + 1);
        rest.truncate(at);
        static const QRegularExpression digest(u"^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$"_s);
        if (!digest.match(out.digest).hasMatch())
            return invalid(trText("the digest is malformed"));
    }
    if (const qsizetype slash = rest.indexOf(u'/'); slash > 0) {
        const QString first = rest.left(slash);
        if (first.contains(u'.') || first.contains(u':') || first == u"localhost") {
            out.host = first;
            rest = rest.mid(slash + 1);
        }
    }
    const qsizetype colon = rest.lastIndexOf(u':');
    if (colon >= 0 && colon > rest.lastIndexOf(u'/')) {
        out.tag = rest.mid(colon + 1);
        rest.truncate(colon);
        if (!tagPattern().match(out.tag).hasMatch())
            return invalid(trText("the tag \"%1\" is not valid").arg(out.tag));
    }
    if (!repositoryPattern().match(rest).hasMatch())
        return invalid(trText("repository names are lower-case words joined by '/'"));
    out.repository = rest;
    return out;
}

// --- pure helpers ------------------------------------------------------------------------------------------------

int RegistryClient::compareVersions(const QString &a, const QString &b, bool *comparable)
{
    const std::optional<Version> left = parseVersion(a);
    const std::optional<Version> right = parseVersion(b);
    if (comparable)
        *comparable = left && right;
    if (!left || !right)
        return 0;
    for (int i = 0; i < 4; ++i) {
        if (left->numbers[i] != right->numbers[i])
            return left->numbers[i] < right->numbers[i] ? -1 : 1;
    }
    // A pre-release is lower than its release; identifiers compare one by one, a shorter list is lower.
    if (left->prerelease.isEmpty() != right->prerelease.isEmpty())
        return left->prerelease.isEmpty() ? 1 : -1;
    const qsizetype common = std::min(left->prerelease.size(), right->prerelease.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (const int c = comparePrereleaseIdentifier(left->prerelease[i], right->prerelease[i]); c != 0)
            return c < 0 ? -1 : 1;
    }
    if (left->prerelease.size() != right->prerelease.size())
        return left->prerelease.size() < right->prerelease.size() ? -1 : 1;
    return 0;
}

void RegistryClient::sortTags(std::vector<ImageTag> &tags)
{
    // A lexicographic key (has a push time, push time, looks like a version, version): a strict weak order, so a
    // stable sort keeps tags that are neither timed nor versions in the order the registry gave.
    std::stable_sort(tags.begin(), tags.end(), [](const ImageTag &a, const ImageTag &b) {
        const bool aTimed = a.pushedAt.isValid();
        const bool bTimed = b.pushedAt.isValid();
        if (aTimed != bTimed)
            return aTimed;
        if (aTimed && a.pushedAt != b.pushedAt)
            return a.pushedAt > b.pushedAt;
        bool comparable = false;
        const int order = compareVersions(a.tag, b.tag, &comparable);
        if (comparable)
            return order > 0;
        const bool aVersion = parseVersion(a.tag).has_value();
        const bool bVersion = parseVersion(b.tag).has_value();
        return aVersion && !bVersion;
    });
}

std::vector<AuthChallenge> RegistryClient::parseChallenges(const QByteArray &header)
{
    std::vector<AuthChallenge> challenges;
    const QString text = QString::fromLatin1(header);
    qsizetype i = 0;
    const qsizetype n = text.size();
    const auto skipSpaces = [&] {
        while (i < n && (text[i] == u' ' || text[i] == u'\t'))
            ++i;
    };
    const auto readToken = [&] {
        const qsizetype start = i;
        while (i < n && text[i] != u' ' && text[i] != u'\t' && text[i] != u'=' && text[i] != u',')
            ++i;
        return text.mid(start, i - start);
    };
    while (i < n) {
        while (i < n && (text[i] == u' ' || text[i] == u'\t' || text[i] == u','))
            ++i;
        const QString token = readToken();
        if (token.isEmpty()) {
            ++i;   // a stray '=' or similar: skip it
            continue;
        }
        skipSpaces();
        if (i < n && text[i] == u'=') {
            ++i;
            skipSpaces();
            QString value;
            if (i < n && text[i] == u'"') {
                ++i;
                while (i < n && text[i] != u'"') {
                    if (text[i] == u'\\' && i + 1 < n)
                        ++i;
                    value.append(text[i]);
                    ++i;
                }
                ++i;   // the closing quote
            } else {
                const qsizetype start = i;
                while (i < n && text[i] != u',' && text[i] != u' ' && text[i] != u'\t')
                    ++i;
                value = text.mid(start, i - start);
            }
            if (!challenges.empty())
                challenges.back().params.insert(token.toLower(), value);
        } else {
            challenges.push_back(AuthChallenge{token.toLower(), {}});
        }
    }
    return challenges;
}

Result<std::vector<ImageTag>> RegistryClient::parseTagsList(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = document.object();
    const QJsonValue tagsValue = object.value("tags"_L1);
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || !object.contains("name"_L1)
        || !(tagsValue.isArray() || tagsValue.isNull())) {
        return makeError(Error::Code::InvalidInput, trText("The answer is not a Registry v2 tags list."),
                         parseError.error != QJsonParseError::NoError ? parseError.errorString() : excerpt(body));
    }
    std::vector<ImageTag> tags;
    for (const QJsonValue &tag : tagsValue.toArray()) {
        if (!tag.isString())
            return makeError(Error::Code::InvalidInput, trText("The answer is not a Registry v2 tags list."),
                             excerpt(body));
        tags.push_back(ImageTag{tag.toString(), {}, {}});
    }
    return tags;
}

Result<std::vector<ImageTag>> RegistryClient::parseHarborArtifacts(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray())
        return makeError(Error::Code::InvalidInput, trText("The answer is not a Harbor artifacts list."),
                         parseError.error != QJsonParseError::NoError ? parseError.errorString() : excerpt(body));
    std::vector<ImageTag> tags;
    for (const QJsonValue &artifactValue : document.array()) {
        const QJsonObject artifact = artifactValue.toObject();
        if (!artifactValue.isObject() || !artifact.value("digest"_L1).isString())
            return makeError(Error::Code::InvalidInput, trText("The answer is not a Harbor artifacts list."),
                             excerpt(body));
        const QString digest = artifact.value("digest"_L1).toString();
        const QDateTime artifactPushed = parseTime(artifact.value("push_time"_L1).toString());
        for (const QJsonValue &tagValue : artifact.value("tags"_L1).toArray()) {   // null when untagged
            const QJsonObject tag = tagValue.toObject();
            const QString name = tag.value("name"_L1).toString();
            if (name.isEmpty())
                continue;
            QDateTime pushed = parseTime(tag.value("push_time"_L1).toString());
            tags.push_back(ImageTag{name, pushed.isValid() ? pushed : artifactPushed, digest});
        }
    }
    return tags;
}

// --- the client --------------------------------------------------------------------------------------------------

struct RegistryClient::Pager {
    QString repository;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback<std::vector<ImageTag>> done;
    std::vector<ImageTag> tags;
    int pages = 0;
    int harborPage = 1;
    qsizetype harborArtifacts = 0;   ///< artifacts read so far, against X-Total-Count
};

RegistryClient::RegistryClient(HttpClient &http, RegistryType type, ServerSettings server,
                               RegistryCredentials credentials, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_type(type)
    , m_server(std::move(server))
    , m_credentials(std::move(credentials))
{
    if (m_server.displayName.isEmpty()) {
        const int port = m_server.baseUrl.port();
        m_server.displayName = tr("The container registry %1")
                                   .arg(m_server.baseUrl.host() + (port > 0 ? u':' + QString::number(port) : QString()));
    }
}

Result<RegistryType> RegistryClient::typeFromConfig(const QString &name)
{
    if (name == u"registry2")
        return RegistryType::Registry2;
    if (name == u"harbor")
        return RegistryType::Harbor;
    return makeError(Error::Code::InvalidInput,
                     tr("The registry type must be \"registry2\" or \"harbor\", not \"%1\"; fix registry.type in "
                        "workspace.yaml.")
                         .arg(name));
}

QUrl RegistryClient::baseUrlFromConfig(const QString &registryUrl)
{
    QString text = registryUrl.trimmed();
    if (!text.contains(u"://"_s))
        text.prepend(u"https://"_s);
    QUrl url(text);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url;
}

void RegistryClient::setCredentials(const RegistryCredentials &credentials)
{
    m_credentials = credentials;
    m_tokens.clear();
    m_basicChallenge = false;
}

void RegistryClient::setRequestLimits(std::chrono::milliseconds timeout, int maxAttempts)
{
    m_timeout = timeout;
    m_maxAttempts = std::max(1, maxAttempts);
}

QString RegistryClient::registryName() const
{
    return m_server.displayName;
}

Result<QString> RegistryClient::repositoryFor(const QString &imageOrRepository) const
{
    const Result<ImageReference> reference = ImageReference::parse(imageOrRepository);
    if (!reference)
        return reference.error();
    if (!reference->host.isEmpty()) {
        const QUrl imageUrl(m_server.baseUrl.scheme() + u"://"_s + reference->host);
        const int imagePort = imageUrl.port(defaultPort(m_server.baseUrl));
        if (!imageUrl.isValid() || imageUrl.host().compare(m_server.baseUrl.host(), Qt::CaseInsensitive) != 0
            || imagePort != m_server.baseUrl.port(defaultPort(m_server.baseUrl))) {
            return makeError(Error::Code::InvalidInput,
                             tr("The image %1 is not in the workspace's registry %2; tags can only be read from %2.")
                                 .arg(imageOrRepository,
                                      m_server.baseUrl.toString(QUrl::RemoveUserInfo | QUrl::RemovePath)));
        }
    }
    if (m_type == RegistryType::Harbor && !reference->repository.contains(u'/'))
        return makeError(Error::Code::InvalidInput,
                         tr("Harbor repositories are named project/repository; \"%1\" names no project.")
                             .arg(reference->repository));
    return reference->repository;
}

HttpRequest RegistryClient::baseRequest() const
{
    HttpRequest request;
    request.timeout = m_timeout;
    request.maxAttempts = m_maxAttempts;
    request.passErrorStatus = true;   // challenges and {"errors":[…]} bodies are read here
    return request;
}

Error RegistryClient::statusError(const QString &repository, const HttpRequest &request,
                                  const HttpResponse &response) const
{
    const RegistryErrorBody body = parseErrorBody(response.body);
    const QString detail = describeRequest(m_server, request) + u" → "_s + QString::number(response.status) + u": "_s
                           + HttpClient::redact(QString::fromUtf8(response.body.left(2000)));
    const int status = response.status;
    if (status == 401)
        return makeError(Error::Code::Auth,
                         tr("%1 refused access to %2: the sign-in is missing, expired or invalid. Sign in to the "
                            "registry again.")
                             .arg(registryName(), repository),
                         detail);
    if (status == 403)
        return makeError(Error::Code::Auth,
                         tr("%1 does not allow reading %2; ask for pull rights on the repository.")
                             .arg(registryName(), repository),
                         detail);
    if (status == 404)
        return makeError(Error::Code::NotFound,
                         tr("%1 has no repository %2; check the image name.").arg(registryName(), repository), detail);
    if (status == 429)
        return makeError(Error::Code::Network,
                         tr("%1 is limiting requests; wait a minute and try again.").arg(registryName()), detail);
    if (status >= 500)
        return makeError(Error::Code::Network,
                         tr("%1 failed with an internal error (%2); try again later.")
                             .arg(registryName(), QString::number(status)),
                         detail);
    const QString reason = body.message.isEmpty() ? body.code : body.message;
    return makeError(Error::Code::InvalidInput,
                     tr("%1 refused the request for %2 (%3: %4).")
                         .arg(registryName(), repository, QString::number(status),
                              reason.isEmpty() ? tr("no reason given") : HttpClient::redact(reason)),
                     detail);
}

void RegistryClient::sendAuthorized(const QString &repository, HttpRequest request, QObject *context,
                                    ResponseCallback done, bool freshAuth)
{
    const HttpRequest plain = request;   // without this attempt's authorization, for the retry
    const char *how = "anonymously";
    if (!request.bearerToken.isEmpty()) {
        how = "with a new token";
    } else if (m_type == RegistryType::Registry2) {
        const auto cached = m_tokens.constFind(repository);
        if (cached != m_tokens.cend() && !cached->expiry.hasExpired()) {
            request.bearerToken = cached->token;
            how = "with a cached token";
        } else if (m_basicChallenge && !m_credentials.isEmpty()) {
            request.headers.append({"Authorization", basicAuthorization(m_credentials)});
            how = "with the stored credentials";
        }
    } else if (!m_credentials.isEmpty()) {
        request.headers.append({"Authorization", basicAuthorization(m_credentials)});
        how = "with the stored credentials";
    }
    qCDebug(lcRegistry).noquote() << describeRequest(m_server, request) << how;

    QPointer<RegistryClient> self(this);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    m_http.send(m_server, request, context,
                [self, guard, hasContext, repository, plain, freshAuth,
                 done = std::move(done)](Result<HttpResponse> response) {
                    if (!self) {
                        done(closedError());
                        return;
                    }
                    if (!response || response->status != 401) {
                        done(std::move(response));
                        return;
                    }
                    const std::vector<AuthChallenge> challenges =
                        parseChallenges(response->headers.value("www-authenticate"));
                    for (const AuthChallenge &c : challenges) {
                        // A challenge names where to sign in, never a secret.
                        qCDebug(lcRegistry).noquote()
                            << "401, challenge" << c.scheme << c.params.value(u"realm"_s)
                            << c.params.value(u"service"_s) << c.params.value(u"scope"_s);
                    }
                    self->m_tokens.remove(repository);   // expired or revoked: never offer it again
                    if (self->m_type == RegistryType::Registry2 && !freshAuth) {
                        const auto bearer = std::find_if(challenges.begin(), challenges.end(), [](const auto &c) {
                            return c.scheme == u"bearer" && !c.params.value(u"realm"_s).isEmpty();
                        });
                        if (bearer != challenges.end()) {
                            self->fetchToken(repository, *bearer, guard,
                                             [self, guard, hasContext, repository, plain, done](Result<QString> token) {
                                                 if (hasContext && !guard)
                                                     return;   // the asker is gone
                                                 if (!self) {
                                                     done(closedError());
                                                     return;
                                                 }
                                                 if (!token) {
                                                     done(token.error());
                                                     return;
                                                 }
                                                 HttpRequest retry = plain;
                                                 retry.bearerToken = token.value();
                                                 self->sendAuthorized(repository, retry, guard, done, true);
                                             });
                            return;
                        }
                        const bool basic = std::any_of(challenges.begin(), challenges.end(),
                                                       [](const auto &c) { return c.scheme == u"basic"; });
                        if (basic && !self->m_credentials.isEmpty() && !self->m_basicChallenge) {
                            self->m_basicChallenge = true;
                            self->sendAuthorized(repository, plain, guard, done, true);
                            return;
                        }
                    }
                    Q_EMIT self->unauthorized();
                    done(std::move(response));
                });
}

void RegistryClient::fetchToken(const QString &repository, const AuthChallenge &challenge, QObject *context,
                                std::function<void(Result<QString>)> done)
{
    const QUrl realm(challenge.params.value(u"realm"_s));
    if (!realm.isValid() || (realm.scheme() != u"https" && realm.scheme() != u"http") || realm.host().isEmpty()) {
        const Error error = makeError(Error::Code::Auth,
                                      tr("%1 names no usable sign-in service (\"%2\"); check the registry address.")
                                          .arg(registryName(), realm.toString(QUrl::RemoveUserInfo)));
        later(context, this, [error, done = std::move(done)] { done(error); });
        return;
    }
    const bool sameHost = realm.host().compare(m_server.baseUrl.host(), Qt::CaseInsensitive) == 0;
    ServerSettings auth = m_server;
    auth.baseUrl = realm.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    auth.insecure = m_server.insecure && sameHost;   // skipping verification was chosen for the registry only
    auth.displayName = tr("The sign-in service %1 of the container registry").arg(realm.host());

    HttpRequest request = baseRequest();
    request.path = realm.path();
    request.query = QUrlQuery(realm);
    if (const QString service = challenge.params.value(u"service"_s); !service.isEmpty())
        request.query.addQueryItem(u"service"_s, service);
    QString scope = challenge.params.value(u"scope"_s);
    if (scope.isEmpty())
        scope = u"repository:%1:pull"_s.arg(repository);
    for (const QString &one : scope.split(u' ', Qt::SkipEmptyParts))
        request.query.addQueryItem(u"scope"_s, one);
    // The password goes to the realm only over TLS or to the registry's own host.
    const bool withCredentials = !m_credentials.isEmpty() && (realm.scheme() == u"https" || sameHost);
    if (withCredentials)
        request.headers.append({"Authorization", basicAuthorization(m_credentials)});
    request.maxAttempts = std::min(m_maxAttempts, 2);
    qCDebug(lcRegistry).noquote() << "asking" << describeRequest(auth, request) << "for a token"
                                  << (withCredentials ? "with the stored credentials" : "anonymously");

    QPointer<RegistryClient> self(this);
    m_http.send(auth, request, context,
                [self, auth, request, repository, withCredentials, done = std::move(done)](Result<HttpResponse> response) {
                    if (!self) {
                        done(closedError());
                        return;
                    }
                    if (!response) {
                        done(response.error());
                        return;
                    }
                    const QString detail = describeRequest(auth, request) + u" → "_s + QString::number(response->status)
                                           + u": "_s + HttpClient::redact(QString::fromUtf8(response->body.left(500)));
                    if (response->status == 401 || response->status == 403) {
                        Q_EMIT self->unauthorized();
                        done(makeError(Error::Code::Auth,
                                       withCredentials
                                           ? tr("%1 refused the stored sign-in for %2; it may have expired. Sign in to "
                                                "the registry again.")
                                                 .arg(self->registryName(), repository)
                                           : tr("%1 requires a sign-in to read %2; sign in to the registry and try "
                                                "again.")
                                                 .arg(self->registryName(), repository),
                                       detail));
                        return;
                    }
                    if (!isSuccess(response->status)) {
                        done(makeError(Error::Code::Network,
                                       tr("%1 could not hand out a token (%2); try again later.")
                                           .arg(auth.displayName, QString::number(response->status)),
                                       detail));
                        return;
                    }
                    const QJsonObject object = QJsonDocument::fromJson(response->body).object();
                    QString token = object.value("token"_L1).toString();
                    if (token.isEmpty())
                        token = object.value("access_token"_L1).toString();
                    if (token.isEmpty()) {
                        done(makeError(Error::Code::Auth,
                                       tr("%1 answered without a token; check the registry address.")
                                           .arg(auth.displayName),
                                       detail));
                        return;
                    }
                    // expires_in defaults to 60 s (token spec); issued_at is the server's clock, so the local one counts.
                    const int expiresIn = object.value("expires_in"_L1).toInt(60);
                    const int validFor = std::max(1, expiresIn - kTokenMarginSeconds);
                    self->m_tokens.insert(repository,
                                          CachedToken{token, QDeadlineTimer(std::chrono::seconds(validFor))});
                    qCDebug(lcRegistry).noquote() << "got a token for" << repository << "valid for" << validFor << "s";
                    done(std::move(token));
                });
}

void RegistryClient::listTags(const QString &repository, QObject *context, Callback<std::vector<ImageTag>> done)
{
    const Result<QString> name = repositoryFor(repository);
    if (!name) {
        later(context, this, [done = std::move(done), error = name.error()] { done(error); });
        return;
    }
    auto pager = std::make_shared<Pager>();
    pager->repository = name.value();
    pager->context = context;
    pager->hasContext = context != nullptr;
    pager->done = std::move(done);

    HttpRequest request = baseRequest();
    if (m_type == RegistryType::Registry2) {
        request.path = u"/v2/%1/tags/list"_s.arg(pager->repository);
        request.query.addQueryItem(u"n"_s, QString::number(kPageSize));
    } else {
        const qsizetype slash = pager->repository.indexOf(u'/');
        // The path is set decoded: the literal "%2F" goes out as "%252F", the double encoding Harbor asks for.
        QString repo = pager->repository.mid(slash + 1);
        repo.replace(u'/', u"%2F"_s);
        request.path = u"/api/v2.0/projects/%1/repositories/%2/artifacts"_s.arg(pager->repository.left(slash), repo);
        request.query.addQueryItem(u"with_tag"_s, u"true"_s);
        request.query.addQueryItem(u"page"_s, u"1"_s);
        request.query.addQueryItem(u"page_size"_s, QString::number(kPageSize));
    }
    requestPage(pager, request);
}

void RegistryClient::requestPage(std::shared_ptr<Pager> pager, HttpRequest request)
{
    if (pager->hasContext && !pager->context)
        return;   // the asker is gone: nobody to answer
    ++pager->pages;
    QPointer<RegistryClient> self(this);
    sendAuthorized(pager->repository, request, pager->context, [self, pager, request](Result<HttpResponse> response) {
        if (!self) {
            pager->done(closedError());
            return;
        }
        if (!response) {
            pager->done(response.error());
            return;
        }
        if (!isSuccess(response->status)) {
            pager->done(self->statusError(pager->repository, request, *response));
            return;
        }
        const bool harbor = self->m_type == RegistryType::Harbor;
        Result<std::vector<ImageTag>> page =
            harbor ? parseHarborArtifacts(response->body) : parseTagsList(response->body);
        if (!page) {
            pager->done(makeError(Error::Code::InvalidInput,
                                  tr("%1 sent an answer for %2 that is not a list of tags; check that the workspace's "
                                     "registry type (%3) and address are right.")
                                      .arg(self->registryName(), pager->repository,
                                           harbor ? u"harbor"_s : u"registry2"_s),
                                  describeRequest(self->m_server, request) + u": "_s + page.error().message + u' '
                                      + page.error().detail));
            return;
        }
        std::move(page->begin(), page->end(), std::back_inserter(pager->tags));

        const QUrl url = requestUrl(self->m_server, request);
        std::optional<QUrl> next = nextLink(*response, url);
        if (harbor) {
            const qsizetype artifacts = QJsonDocument::fromJson(response->body).array().size();
            pager->harborArtifacts += artifacts;
            bool known = false;
            const qint64 total = response->headers.value("x-total-count").toLongLong(&known);
            if (!next && known && pager->harborArtifacts < total && artifacts > 0) {
                // No Link header (older Harbor, a proxy that drops it): count pages ourselves.
                ++pager->harborPage;
                QUrlQuery query = request.query;
                query.removeAllQueryItems(u"page"_s);
                query.addQueryItem(u"page"_s, QString::number(pager->harborPage));
                QUrl counted = url;
                counted.setQuery(query);
                next = counted;
            }
        }
        if (next && pager->pages < kMaxPages) {
            if (!sameOrigin(*next, self->m_server.baseUrl)) {
                pager->done(makeError(Error::Code::Network,
                                      tr("%1 sent the next page of tags for %2 to another server; the list is "
                                         "incomplete. Check the registry's proxy settings.")
                                          .arg(self->registryName(), pager->repository),
                                      HttpClient::redact(next->toString(QUrl::RemoveUserInfo))));
                return;
            }
            HttpRequest following = self->baseRequest();
            QString basePath = self->m_server.baseUrl.path();
            while (basePath.endsWith(u'/'))
                basePath.chop(1);
            following.path = next->path(QUrl::FullyDecoded).mid(basePath.size());
            following.query = QUrlQuery(*next);
            self->requestPage(pager, following);
            return;
        }
        sortTags(pager->tags);
        pager->done(std::move(pager->tags));
    });
}

void RegistryClient::tagExists(const QString &repository, const QString &tag, QObject *context, Callback<bool> done)
{
    const Result<QString> name = repositoryFor(repository);
    if (!name || !tagPattern().match(tag).hasMatch()) {
        const Error error = !name ? name.error()
                                  : makeError(Error::Code::InvalidInput,
                                              tr("\"%1\" is not a valid image tag: use letters, digits, '_', '.' and "
                                                 "'-', at most 128, not starting with '.' or '-'.")
                                                  .arg(tag));
        later(context, this, [done = std::move(done), error] { done(error); });
        return;
    }
    if (m_type == RegistryType::Registry2)
        existsRegistry2(name.value(), tag, context, std::move(done));
    else
        existsHarbor(name.value(), tag, context, std::move(done));
}

void RegistryClient::existsRegistry2(const QString &repository, const QString &tag, QObject *context,
                                     Callback<bool> done)
{
    HttpRequest request = baseRequest();
    // GET rather than HEAD: QNetworkAccessManager sends HEAD here as a custom verb and would wait for the body the
    // Content-Length announces. The manifest is a few kilobytes.
    request.path = u"/v2/%1/manifests/%2"_s.arg(repository, tag);
    request.headers.append({"Accept", kManifestAccept});
    QPointer<RegistryClient> self(this);
    auto answer = [self, repository, request, done = std::move(done)](Result<HttpResponse> response) {
        if (!self) {
            done(closedError());
            return;
        }
        if (!response) {
            done(response.error());
            return;
        }
        if (isSuccess(response->status)) {
            done(true);
            return;
        }
        if (response->status == 404 && parseErrorBody(response->body).code != u"NAME_UNKNOWN") {
            done(false);   // MANIFEST_UNKNOWN, or a registry that says only 404
            return;
        }
        done(self->statusError(repository, request, *response));
    };
    sendAuthorized(repository, request, context, std::move(answer));
}

void RegistryClient::existsHarbor(const QString &repository, const QString &tag, QObject *context, Callback<bool> done)
{
    const qsizetype slash = repository.indexOf(u'/');
    QString repo = repository.mid(slash + 1);
    repo.replace(u'/', u"%2F"_s);
    HttpRequest request = baseRequest();
    request.path = u"/api/v2.0/projects/%1/repositories/%2/artifacts"_s.arg(repository.left(slash), repo);
    request.query.addQueryItem(u"with_tag"_s, u"true"_s);
    request.query.addQueryItem(u"q"_s, u"tags=%1"_s.arg(tag));
    request.query.addQueryItem(u"page_size"_s, u"10"_s);
    QPointer<RegistryClient> self(this);
    auto answer = [self, repository, tag, request, done = std::move(done)](Result<HttpResponse> response) {
        if (!self) {
            done(closedError());
            return;
        }
        if (!response) {
            done(response.error());
            return;
        }
        if (!isSuccess(response->status)) {
            done(self->statusError(repository, request, *response));
            return;
        }
        const Result<std::vector<ImageTag>> tags = parseHarborArtifacts(response->body);
        if (!tags) {
            done(makeError(Error::Code::InvalidInput,
                           tr("%1 sent an answer for %2 that is not a list of tags; check that the workspace's "
                              "registry type (harbor) and address are right.")
                               .arg(self->registryName(), repository),
                           tags.error().detail));
            return;
        }
        // `tags=v` is an exact match, but a server that ignored q would list everything: look for the tag itself.
        done(std::any_of(tags->begin(), tags->end(), [&tag](const ImageTag &t) { return t.tag == tag; }));
    };
    sendAuthorized(repository, request, context, std::move(answer));
}

} // namespace gd::net
