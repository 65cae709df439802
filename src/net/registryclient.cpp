// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/registryclient.h"

#include "net/apiutil.h"
#include "net/pagedget.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace gd::net {

// Off below warnings unless enabled ("gd.net.registry.debug=true"); never carries a token or a password.
Q_LOGGING_CATEGORY(lcRegistry, "gd.net.registry", QtWarningMsg)

namespace {

using api::defaultPort;
using api::describeRequest;
using api::failLater;
using api::isSuccess;
using api::whenAnswered;

constexpr int kPageSize = 100;   // distribution clamps or refuses n above its maxtags; Harbor's maximum
constexpr int kMaxPages = 500;   // a registry that keeps sending "next" must not loop forever
constexpr int kTokenMarginSeconds = 5;
constexpr qsizetype kExcerptBytes = 300;

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

QByteArray basicAuthorization(const RegistryCredentials &credentials)
{
    return "Basic " + (credentials.username + u':' + credentials.secret).toUtf8().toBase64();
}

/// The first bytes of a body for an error detail, with any token masked.
QString excerpt(const QByteArray &body)
{
    return api::excerpt(body, kExcerptBytes);
}

Error closedError()
{
    return api::closedError(trText("The registry request was cancelled because its client closed."));
}

/// Harbor's artifacts list of `repository` ("shop/team/orders": project "shop", repository "team/orders").
QString harborArtifactsPath(const QString &repository)
{
    const qsizetype slash = repository.indexOf(u'/');
    // The path is set decoded: the literal "%2F" goes out as "%252F", the double encoding Harbor asks for.
    QString repo = repository.mid(slash + 1);
    repo.replace(u'/', u"%2F"_s);
    return u"/api/v2.0/projects/%1/repositories/%2/artifacts"_s.arg(repository.left(slash), repo);
}

/// Harbor's own page counting, for answers without a Link header (older Harbor, a proxy that drops it).
struct HarborPages {
    int page = 1;
    qsizetype artifacts = 0;   ///< artifacts read so far, against X-Total-Count
    qsizetype lastPage = 0;    ///< artifacts on the page read last

    /// Counts the artifacts of one page's body.
    void count(const QByteArray &body)
    {
        lastPage = QJsonDocument::fromJson(body).array().size();
        artifacts += lastPage;
    }
    /// The page after `url` while X-Total-Count says artifacts are left; nullopt at the end.
    std::optional<QUrl> next(const HttpRequest &request, const HttpResponse &response, const QUrl &url)
    {
        bool known = false;
        const qint64 total = response.headers.value("x-total-count").toLongLong(&known);
        if (!known || artifacts >= total || lastPage <= 0)
            return std::nullopt;
        ++page;
        return api::pageUrl(url, request.query, page);
    }
};

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
    const QString notTagsList = trText("The answer is not a Registry v2 tags list.");
    const Result<QJsonObject> object = api::readJsonObject(body, notTagsList, kExcerptBytes);
    if (!object)
        return object.error();
    const QJsonValue tagsValue = object->value("tags"_L1);
    if (!object->contains("name"_L1) || !(tagsValue.isArray() || tagsValue.isNull()))
        return makeError(Error::Code::InvalidInput, notTagsList, excerpt(body));
    std::vector<ImageTag> tags;
    for (const QJsonValue &tag : tagsValue.toArray()) {
        if (!tag.isString())
            return makeError(Error::Code::InvalidInput, notTagsList, excerpt(body));
        tags.push_back(ImageTag{tag.toString(), {}, {}});
    }
    return tags;
}

Result<std::vector<ImageTag>> RegistryClient::parseHarborArtifacts(const QByteArray &body)
{
    const QString notArtifacts = trText("The answer is not a Harbor artifacts list.");
    const Result<QJsonArray> artifacts = api::readJsonArray(body, notArtifacts, kExcerptBytes);
    if (!artifacts)
        return artifacts.error();
    std::vector<ImageTag> tags;
    for (const QJsonValue &artifactValue : *artifacts) {
        const QJsonObject artifact = artifactValue.toObject();
        if (!artifactValue.isObject() || !artifact.value("digest"_L1).isString())
            return makeError(Error::Code::InvalidInput, notArtifacts, excerpt(body));
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

RegistryClient::RegistryClient(HttpClient &http, RegistryType type, ServerSettings server,
                               RegistryCredentials credentials, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_type(type)
    , m_server(std::move(server))
    , m_credentials(std::move(credentials))
{
    if (m_server.displayName.isEmpty())
        m_server.displayName = tr("The container registry %1").arg(api::hostAndPort(m_server.baseUrl));
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
    return api::limitedRequest(m_timeout, m_maxAttempts);   // challenges and {"errors":[…]} bodies are read here
}

Error RegistryClient::statusError(const QString &repository, const HttpRequest &request,
                                  const HttpResponse &response) const
{
    const RegistryErrorBody body = parseErrorBody(response.body);
    const QString reason = body.message.isEmpty() ? body.code : body.message;
    const int status = response.status;
    const api::StatusSentences sentences{
        .unauthorized = tr("%1 refused access to %2: the sign-in is missing, expired or invalid. Sign in to the "
                           "registry again.")
                            .arg(registryName(), repository),
        .forbidden = tr("%1 does not allow reading %2; ask for pull rights on the repository.")
                         .arg(registryName(), repository),
        .notFound = tr("%1 has no repository %2; check the image name.").arg(registryName(), repository),
        .limited = tr("%1 is limiting requests; wait a minute and try again.").arg(registryName()),
        .failed = tr("%1 failed with an internal error (%2); try again later.")
                      .arg(registryName(), QString::number(status)),
        .refused = tr("%1 refused the request for %2 (%3: %4).")
                       .arg(registryName(), repository, QString::number(status),
                            reason.isEmpty() ? tr("no reason given") : HttpClient::redact(reason)),
    };
    return api::statusError(status, sentences, Error::Code::InvalidInput,
                            api::statusDetail(m_server, request, response, 2000));
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

    const api::CallContext asker(context);
    auto answer = [asker, repository, plain, freshAuth](RegistryClient &self, const HttpResponse &response,
                                                        const ResponseCallback &reply) {
        if (response.status != 401) {
            reply(response);
            return;
        }
        const std::vector<AuthChallenge> challenges = parseChallenges(response.headers.value("www-authenticate"));
        for (const AuthChallenge &c : challenges) {
            // A challenge names where to sign in, never a secret.
            qCDebug(lcRegistry).noquote() << "401, challenge" << c.scheme << c.params.value(u"realm"_s)
                                          << c.params.value(u"service"_s) << c.params.value(u"scope"_s);
        }
        self.m_tokens.remove(repository);   // expired or revoked: never offer it again
        if (self.m_type == RegistryType::Registry2 && !freshAuth) {
            const auto bearer = std::find_if(challenges.begin(), challenges.end(), [](const auto &c) {
                return c.scheme == u"bearer" && !c.params.value(u"realm"_s).isEmpty();
            });
            if (bearer != challenges.end()) {
                self.retryWithToken(repository, *bearer, plain, asker, reply);
                return;
            }
            const bool basic = std::any_of(challenges.begin(), challenges.end(),
                                           [](const auto &c) { return c.scheme == u"basic"; });
            if (basic && !self.m_credentials.isEmpty() && !self.m_basicChallenge) {
                self.m_basicChallenge = true;
                self.sendAuthorized(repository, plain, asker.context(), reply, true);
                return;
            }
        }
        Q_EMIT self.unauthorized();
        reply(response);
    };
    m_http.send(m_server, request, context, whenAnswered(this, closedError, std::move(done), std::move(answer)));
}

void RegistryClient::retryWithToken(const QString &repository, const AuthChallenge &challenge,
                                    const HttpRequest &plain, const api::CallContext &asker, ResponseCallback done)
{
    QPointer<RegistryClient> self(this);
    fetchToken(repository, challenge, asker.context(),
               [self, asker, repository, plain, done = std::move(done)](Result<QString> token) {
                   if (!asker.present())
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
                   self->sendAuthorized(repository, retry, asker.context(), done, true);
               });
}

void RegistryClient::fetchToken(const QString &repository, const AuthChallenge &challenge, QObject *context,
                                std::function<void(Result<QString>)> done)
{
    const QUrl realm(challenge.params.value(u"realm"_s));
    if (!realm.isValid() || (realm.scheme() != u"https" && realm.scheme() != u"http") || realm.host().isEmpty()) {
        failLater(context, this, std::move(done),
                  makeError(Error::Code::Auth,
                            tr("%1 names no usable sign-in service (\"%2\"); check the registry address.")
                                .arg(registryName(), realm.toString(QUrl::RemoveUserInfo))));
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

    auto answer = [auth, request, repository, withCredentials](RegistryClient &self, const HttpResponse &response,
                                                               const std::function<void(Result<QString>)> &reply) {
        const QString detail = api::statusDetail(auth, request, response, 500);
        if (response.status == 401 || response.status == 403) {
            Q_EMIT self.unauthorized();
            reply(makeError(Error::Code::Auth,
                           withCredentials ? tr("%1 refused the stored sign-in for %2; it may have expired. Sign in to "
                                                "the registry again.")
                                                 .arg(self.registryName(), repository)
                                           : tr("%1 requires a sign-in to read %2; sign in to the registry and try "
                                                "again.")
                                                 .arg(self.registryName(), repository),
                           detail));
            return;
        }
        if (!isSuccess(response.status)) {
            reply(makeError(Error::Code::Network,
                           tr("%1 could not hand out a token (%2); try again later.")
                               .arg(auth.displayName, QString::number(response.status)),
                           detail));
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(response.body).object();
        QString token = object.value("token"_L1).toString();
        if (token.isEmpty())
            token = object.value("access_token"_L1).toString();
        if (token.isEmpty()) {
            reply(makeError(Error::Code::Auth,
                           tr("%1 answered without a token; check the registry address.").arg(auth.displayName),
                           detail));
            return;
        }
        // expires_in defaults to 60 s (token spec); issued_at is the server's clock, so the local one counts.
        const int expiresIn = object.value("expires_in"_L1).toInt(60);
        const int validFor = std::max(1, expiresIn - kTokenMarginSeconds);
        self.m_tokens.insert(repository, CachedToken{token, QDeadlineTimer(std::chrono::seconds(validFor))});
        qCDebug(lcRegistry).noquote() << "got a token for" << repository << "valid for" << validFor << "s";
        reply(std::move(token));
    };
    m_http.send(auth, request, context, whenAnswered(this, closedError, std::move(done), std::move(answer)));
}

void RegistryClient::listTags(const QString &repository, QObject *context, Callback<std::vector<ImageTag>> done)
{
    const Result<QString> name = repositoryFor(repository);
    if (!name) {
        failLater(context, this, std::move(done), name.error());
        return;
    }
    const QString path = name.value();
    const bool harbor = m_type == RegistryType::Harbor;
    HttpRequest request = baseRequest();
    if (!harbor) {
        request.path = u"/v2/%1/tags/list"_s.arg(path);
        request.query.addQueryItem(u"n"_s, QString::number(kPageSize));
    } else {
        request.path = harborArtifactsPath(path);
        request.query.addQueryItem(u"with_tag"_s, u"true"_s);
        request.query.addQueryItem(u"page"_s, u"1"_s);
        request.query.addQueryItem(u"page_size"_s, QString::number(kPageSize));
    }

    // Every step runs only while this client lives (PagedGet checks it first).
    auto counted = std::make_shared<HarborPages>();
    api::PagedGet<ImageTag>::Steps steps;
    steps.send = [this, path](const HttpRequest &page, QObject *pageContext, ResponseCallback answer) {
        sendAuthorized(path, page, pageContext, std::move(answer));
    };
    steps.statusError = [this, path](const HttpRequest &page, const HttpResponse &response) {
        return statusError(path, page, response);
    };
    steps.parse = [this, path, harbor, counted](const HttpRequest &page,
                                                const HttpResponse &response) -> Result<std::vector<ImageTag>> {
        Result<std::vector<ImageTag>> tags = harbor ? parseHarborArtifacts(response.body) : parseTagsList(response.body);
        if (!tags) {
            return makeError(Error::Code::InvalidInput,
                             tr("%1 sent an answer for %2 that is not a list of tags; check that the workspace's "
                                "registry type (%3) and address are right.")
                                 .arg(registryName(), path, harbor ? u"harbor"_s : u"registry2"_s),
                             describeRequest(m_server, page) + u": "_s + tags.error().message + u' '
                                 + tags.error().detail);
        }
        if (harbor)
            counted->count(response.body);
        return tags;
    };
    if (harbor) {
        steps.nextWithoutLink = [counted](const HttpRequest &page, const HttpResponse &response, const QUrl &url) {
            return counted->next(page, response, url);
        };
    }
    steps.otherServer = [this, path] {
        return tr("%1 sent the next page of tags for %2 to another server; the list is incomplete. Check the "
                  "registry's proxy settings.")
            .arg(registryName(), path);
    };
    steps.closed = closedError;
    api::PagedGet<ImageTag>::start(this, m_server, request, context, kMaxPages, std::move(steps),
                                   [done = std::move(done)](Result<std::vector<ImageTag>> tags) {
                                       if (tags)
                                           sortTags(*tags);
                                       done(std::move(tags));
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
        failLater(context, this, std::move(done), error);
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
    auto answer = [repository, request](RegistryClient &self, const HttpResponse &response, const Callback<bool> &reply) {
        if (isSuccess(response.status)) {
            reply(true);
            return;
        }
        if (response.status == 404 && parseErrorBody(response.body).code != u"NAME_UNKNOWN") {
            reply(false);   // MANIFEST_UNKNOWN, or a registry that says only 404
            return;
        }
        reply(self.statusError(repository, request, response));
    };
    sendAuthorized(repository, request, context, whenAnswered(this, closedError, std::move(done), std::move(answer)));
}

void RegistryClient::existsHarbor(const QString &repository, const QString &tag, QObject *context, Callback<bool> done)
{
    HttpRequest request = baseRequest();
    request.path = harborArtifactsPath(repository);
    request.query.addQueryItem(u"with_tag"_s, u"true"_s);
    request.query.addQueryItem(u"q"_s, u"tags=%1"_s.arg(tag));
    request.query.addQueryItem(u"page_size"_s, u"10"_s);
    auto answer = [repository, tag, request](RegistryClient &self, const HttpResponse &response,
                                             const Callback<bool> &reply) {
        if (!isSuccess(response.status)) {
            reply(self.statusError(repository, request, response));
            return;
        }
        const Result<std::vector<ImageTag>> tags = parseHarborArtifacts(response.body);
        if (!tags) {
            reply(makeError(Error::Code::InvalidInput,
                           tr("%1 sent an answer for %2 that is not a list of tags; check that the workspace's "
                              "registry type (harbor) and address are right.")
                               .arg(self.registryName(), repository),
                           tags.error().detail));
            return;
        }
        // `tags=v` is an exact match, but a server that ignored q would list everything: look for the tag itself.
        reply(std::any_of(tags->begin(), tags->end(), [&tag](const ImageTag &t) { return t.tag == tag; }));
    };
    sendAuthorized(repository, request, context, whenAnswered(this, closedError, std::move(done), std::move(answer)));
}

} // namespace gd::net
