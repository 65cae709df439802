// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/gitlabclient.h"

#include "net/apiutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QStringList>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::net {

// Off below warnings unless enabled ("gd.net.gitlab.debug=true"); never carries the token.
Q_LOGGING_CATEGORY(lcGitLab, "gd.net.gitlab", QtWarningMsg)

namespace {

using api::describeRequest;
using api::isSuccess;
using api::later;
using api::nextLink;
using api::requestUrl;
using api::sameOrigin;

constexpr int kPageSize = 100;   // GitLab's maximum per_page
constexpr int kMaxPages = 500;   // a server that keeps sending "next" must not loop forever
const QString kApi = u"/api/v4"_s;

QString trText(const char *text)
{
    return GitLabClient::tr(text);
}

QString basePath(const ServerSettings &server)
{
    QString path = server.baseUrl.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

/// A path with no empty parts and no surrounding slashes ("/platform/devops/" → "platform/devops").
QString normalizedPath(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts).join(u'/');
}

/// GitLab's `message`: a string ("404 Project Not Found") or validation errors ({"path":["has already been taken"]}),
/// flattened to "path has already been taken; name …".
QString errorMessage(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue message = object.value("message"_L1);
    if (message.isString())
        return message.toString();
    if (message.isObject()) {
        QStringList parts;
        const QJsonObject fields = message.toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            QStringList texts;
            for (const QJsonValue &text : it.value().toArray())
                texts.append(text.toString());
            if (it.value().isString())
                texts.append(it.value().toString());
            parts.append(it.key() == u"base" ? texts.join(u", "_s) : it.key() + u' ' + texts.join(u", "_s));
        }
        return parts.join(u"; "_s);
    }
    return object.value("error"_L1).toString();
}

/// Whether a create answer says the project exists already: 400 with "has already been taken" (the validation
/// shape), or 409 (which GitLab documents for the same case).
bool alreadyTaken(const HttpResponse &response)
{
    if (response.status == 409)
        return true;
    return response.status == 400 && errorMessage(response.body).contains(u"has already been taken"_s);
}

std::optional<GitLabProject> parseProject(const QJsonObject &object)
{
    const QJsonValue id = object.value("id"_L1);
    const QString pathWithNamespace = object.value("path_with_namespace"_L1).toString();
    if (!id.isDouble() || pathWithNamespace.isEmpty())
        return std::nullopt;
    GitLabProject project;
    project.id = qint64(id.toDouble());
    project.path = object.value("path"_L1).toString();
    project.pathWithNamespace = pathWithNamespace;
    project.httpUrlToRepo = object.value("http_url_to_repo"_L1).toString();
    project.defaultBranch = object.value("default_branch"_L1).toString();   // null for an empty project
    project.emptyRepo = object.value("empty_repo"_L1).toBool();
    return project;
}

/// The target of `Link: <…>; rel="next"` (several links joined by commas).
/// The first bytes of a body for an error detail, with any token masked.
QString excerpt(const QByteArray &body, qsizetype bytes = 500)
{
    return api::excerpt(body, bytes);
}

/// Runs `deliver` on the next event-loop turn while `context` (or, without one, `client`) lives: errors found before
/// any request still arrive asynchronously, like every other answer.
Error closedError()
{
    return api::closedError(trText("The GitLab request was cancelled because its client closed."));
}

Error notAnswerError(const QString &server, const QString &what, const QString &detail)
{
    return makeError(Error::Code::InvalidInput,
                     trText("%1 sent an answer for %2 that GitLab's API does not give; check the GitLab address.")
                         .arg(server, what),
                     detail);
}

} // namespace

struct GitLabClient::Pager {
    qint64 groupId = 0;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback<std::vector<GitLabProject>> done;
    std::vector<GitLabProject> projects;
    int pages = 0;
};

GitLabClient::GitLabClient(HttpClient &http, ServerSettings server, QString token, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_server(std::move(server))
    , m_token(std::move(token))
{
    if (m_server.displayName.isEmpty()) {
        const int port = m_server.baseUrl.port();
        m_server.displayName =
            tr("GitLab %1").arg(m_server.baseUrl.host() + (port > 0 ? u':' + QString::number(port) : QString()));
    }
}

void GitLabClient::setRequestLimits(std::chrono::milliseconds timeout, int maxAttempts)
{
    m_timeout = timeout;
    m_maxAttempts = std::max(1, maxAttempts);
}

QString GitLabClient::encodePath(const QString &path)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(path));
}

HttpRequest GitLabClient::baseRequest() const
{
    HttpRequest request;
    request.timeout = m_timeout;
    request.maxAttempts = m_maxAttempts;
    request.pathEncoded = true;       // "%2F" in group and project paths must reach GitLab as it is
    request.passErrorStatus = true;   // 404 and validation bodies are read here
    return request;
}

void GitLabClient::send(const HttpRequest &request, QObject *context, ResponseCallback done)
{
    HttpRequest authorized = request;
    if (!m_token.isEmpty())
        authorized.headers.append({"PRIVATE-TOKEN", m_token.toUtf8()});
    qCDebug(lcGitLab).noquote() << describeRequest(m_server, request)
                                << (m_token.isEmpty() ? "without a token" : "with the token");
    m_http.send(m_server, authorized, context, std::move(done));
}

Error GitLabClient::statusError(const QString &what, const HttpRequest &request, const HttpResponse &response)
{
    const QString detail = describeRequest(m_server, request) + u" → "_s + QString::number(response.status) + u": "_s
                           + excerpt(response.body, 2000);
    const int status = response.status;
    if (status == 401) {
        Q_EMIT unauthorized();
        return makeError(Error::Code::Auth,
                         tr("%1 refused the access token for %2; the token is expired or wrong: sign in again.")
                             .arg(gitlabName(), what),
                         detail);
    }
    if (status == 403)
        return makeError(Error::Code::Auth,
                         tr("%1 does not allow this on %2; the token needs the api scope and Maintainer rights in the "
                            "group.")
                             .arg(gitlabName(), what),
                         detail);
    if (status == 404)
        return makeError(Error::Code::NotFound,
                         tr("%1 has no %2, or the token may not see it; check the path and the token's rights.")
                             .arg(gitlabName(), what),
                         detail);
    if (status == 429)
        return makeError(Error::Code::Network,
                         tr("%1 is limiting requests; wait a minute and try again.").arg(gitlabName()), detail);
    if (status >= 500)
        return makeError(Error::Code::Network,
                         tr("%1 failed with an internal error (%2); try again later.")
                             .arg(gitlabName(), QString::number(status)),
                         detail);
    const QString reason = errorMessage(response.body);
    return makeError(status == 409 ? Error::Code::Conflict : Error::Code::InvalidInput,
                     tr("%1 refused the request for %2 (%3: %4).")
                         .arg(gitlabName(), what, QString::number(status),
                              reason.isEmpty() ? tr("no reason given") : HttpClient::redact(reason)),
                     detail);
}

void GitLabClient::group(const QString &fullPath, QObject *context, Callback<GitLabGroup> done)
{
    const QString path = normalizedPath(fullPath);
    if (path.isEmpty()) {
        const Error error = makeError(Error::Code::InvalidInput,
                                      tr("The GitLab group path is empty; set it in the workspace settings, like "
                                         "platform/devops."));
        later(context, this, [done = std::move(done), error] { done(error); });
        return;
    }
    HttpRequest request = baseRequest();
    request.path = kApi + u"/groups/"_s + encodePath(path);
    request.query.addQueryItem(u"with_projects"_s, u"false"_s);
    QPointer<GitLabClient> self(this);
    send(request, context, [self, path, request, done = std::move(done)](Result<HttpResponse> response) {
        if (!self) {
            done(closedError());
            return;
        }
        if (!response) {
            done(response.error());
            return;
        }
        if (response->status == 404) {
            done(makeError(Error::Code::NotFound,
                           tr("%1 has no group %2, or the token may not see it; check the group path in the "
                              "workspace settings and the token's rights.")
                               .arg(self->gitlabName(), path),
                           describeRequest(self->m_server, request) + u" → 404: "_s + excerpt(response->body)));
            return;
        }
        const QString what = tr("the group %1").arg(path);
        if (!isSuccess(response->status)) {
            done(self->statusError(what, request, *response));
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(response->body).object();
        const QJsonValue id = object.value("id"_L1);
        if (!id.isDouble()) {
            done(notAnswerError(self->gitlabName(), what, excerpt(response->body)));
            return;
        }
        done(GitLabGroup{qint64(id.toDouble()), object.value("full_path"_L1).toString(),
                         object.value("name"_L1).toString()});
    });
}

void GitLabClient::groupProjects(qint64 groupId, QObject *context, Callback<std::vector<GitLabProject>> done)
{
    auto pager = std::make_shared<Pager>();
    pager->groupId = groupId;
    pager->context = context;
    pager->hasContext = context != nullptr;
    pager->done = std::move(done);

    HttpRequest request = baseRequest();
    request.path = kApi + u"/groups/%1/projects"_s.arg(groupId);
    request.query.addQueryItem(u"include_subgroups"_s, u"true"_s);
    request.query.addQueryItem(u"with_shared"_s, u"false"_s);
    request.query.addQueryItem(u"archived"_s, u"false"_s);
    request.query.addQueryItem(u"order_by"_s, u"path"_s);
    request.query.addQueryItem(u"sort"_s, u"asc"_s);
    request.query.addQueryItem(u"per_page"_s, QString::number(kPageSize));
    request.query.addQueryItem(u"page"_s, u"1"_s);
    requestPage(pager, request);
}

void GitLabClient::requestPage(std::shared_ptr<Pager> pager, HttpRequest request)
{
    if (pager->hasContext && !pager->context)
        return;   // the asker is gone: nobody to answer
    ++pager->pages;
    QPointer<GitLabClient> self(this);
    send(request, pager->context, [self, pager, request](Result<HttpResponse> response) {
        if (!self) {
            pager->done(closedError());
            return;
        }
        if (!response) {
            pager->done(response.error());
            return;
        }
        const QString what = tr("the projects of group %1").arg(pager->groupId);
        if (!isSuccess(response->status)) {
            pager->done(self->statusError(what, request, *response));
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(response->body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
            pager->done(notAnswerError(self->gitlabName(), what, excerpt(response->body)));
            return;
        }
        for (const QJsonValue &item : document.array()) {
            std::optional<GitLabProject> project = parseProject(item.toObject());
            if (!project) {
                pager->done(notAnswerError(self->gitlabName(), what, excerpt(response->body)));
                return;
            }
            pager->projects.push_back(std::move(*project));
        }

        // GitLab asks clients to follow its Link header; x-next-page is the fallback when a proxy dropped it.
        const QUrl url = requestUrl(self->m_server, request);
        std::optional<QUrl> next = nextLink(*response, url);
        if (!next) {
            bool ok = false;
            const int page = response->headers.value("x-next-page").trimmed().toInt(&ok);
            if (ok && page > 0) {
                QUrlQuery query = request.query;
                query.removeAllQueryItems(u"page"_s);
                query.addQueryItem(u"page"_s, QString::number(page));
                QUrl counted = url;
                counted.setQuery(query);
                next = counted;
            }
        }
        if (next && pager->pages < kMaxPages) {
            if (!sameOrigin(*next, self->m_server.baseUrl)) {
                pager->done(makeError(Error::Code::Network,
                                      tr("%1 sent the next page of %2 to another server; the list is incomplete. "
                                         "Check the GitLab address (external_url) and its proxy.")
                                          .arg(self->gitlabName(), what),
                                      HttpClient::redact(next->toString(QUrl::RemoveUserInfo))));
                return;
            }
            HttpRequest following = self->baseRequest();
            following.path = next->path(QUrl::FullyEncoded).mid(basePath(self->m_server).size());
            following.query = QUrlQuery(*next);
            self->requestPage(pager, following);
            return;
        }
        pager->done(std::move(pager->projects));
    });
}

void GitLabClient::project(const QString &pathWithNamespace, QObject *context,
                           Callback<std::optional<GitLabProject>> done)
{
    const QString path = normalizedPath(pathWithNamespace);
    if (!path.contains(u'/')) {
        const Error error = makeError(Error::Code::InvalidInput,
                                      tr("\"%1\" is not a GitLab project path; write it with its group, like "
                                         "platform/devops/orders-deploy.")
                                          .arg(pathWithNamespace));
        later(context, this, [done = std::move(done), error] { done(error); });
        return;
    }
    HttpRequest request = baseRequest();
    request.path = kApi + u"/projects/"_s + encodePath(path);
    QPointer<GitLabClient> self(this);
    send(request, context, [self, path, request, done = std::move(done)](Result<HttpResponse> response) {
        if (!self) {
            done(closedError());
            return;
        }
        if (!response) {
            done(response.error());
            return;
        }
        if (response->status == 404) {
            done(std::optional<GitLabProject>());
            return;
        }
        const QString what = tr("the project %1").arg(path);
        if (!isSuccess(response->status)) {
            done(self->statusError(what, request, *response));
            return;
        }
        std::optional<GitLabProject> project = parseProject(QJsonDocument::fromJson(response->body).object());
        if (!project) {
            done(notAnswerError(self->gitlabName(), what, excerpt(response->body)));
            return;
        }
        done(std::move(project));
    });
}

void GitLabClient::ensureProject(const QString &groupFullPath, const QString &path, QObject *context,
                                 Callback<GitLabProject> done)
{
    static const QRegularExpression projectPath(u"^[A-Za-z0-9_][A-Za-z0-9_.-]*$"_s);
    const QString groupPath = normalizedPath(groupFullPath);
    if (!projectPath.match(path).hasMatch() || path.endsWith(u".git"_s) || path.endsWith(u".atom"_s)) {
        const Error error = makeError(Error::Code::InvalidInput,
                                      tr("\"%1\" cannot be a GitLab project path; use letters, digits, '_', '-' and "
                                         "'.', starting with a letter, digit or '_'.")
                                          .arg(path));
        later(context, this, [done = std::move(done), error] { done(error); });
        return;
    }
    const QString full = groupPath + u'/' + path;
    QPointer<GitLabClient> self(this);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    project(full, context,
            [self, guard, hasContext, groupPath, path, done = std::move(done)](
                Result<std::optional<GitLabProject>> found) {
                if (!found) {
                    done(found.error());
                    return;
                }
                if (*found) {
                    done(std::move(**found));
                    return;
                }
                if (!self) {
                    done(closedError());
                    return;
                }
                qCDebug(lcGitLab).noquote() << "no project" << path << "in" << groupPath << "yet: creating it";
                self->group(groupPath, guard, [self, guard, hasContext, path, done](Result<GitLabGroup> group) {
                    if (hasContext && !guard)
                        return;   // the asker is gone
                    if (!group) {
                        done(group.error());
                        return;
                    }
                    if (!self) {
                        done(closedError());
                        return;
                    }
                    self->createProject(*group, path, guard, done);
                });
            });
}

void GitLabClient::createProject(const GitLabGroup &group, const QString &path, QObject *context,
                                 Callback<GitLabProject> done)
{
    HttpRequest request = baseRequest();
    request.method = "POST";
    request.path = kApi + u"/projects"_s;
    // Empty (no README): the first push creates the default branch, so nothing has to be merged with it.
    request.body = QJsonDocument(QJsonObject{{u"name"_s, path},
                                             {u"path"_s, path},
                                             {u"namespace_id"_s, double(group.id)},
                                             {u"visibility"_s, u"private"_s}})
                       .toJson(QJsonDocument::Compact);
    request.maxAttempts = 1;   // a create is not repeated blindly; "already taken" is handled below
    const QString full = group.fullPath + u'/' + path;
    QPointer<GitLabClient> self(this);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    send(request, context,
         [self, guard, hasContext, full, request, done = std::move(done)](Result<HttpResponse> response) {
             if (!self) {
                 done(closedError());
                 return;
             }
             if (!response) {
                 done(response.error());
                 return;
             }
             const QString what = tr("the new project %1").arg(full);
             if (isSuccess(response->status)) {
                 std::optional<GitLabProject> created =
                     parseProject(QJsonDocument::fromJson(response->body).object());
                 if (!created) {
                     done(notAnswerError(self->gitlabName(), what, excerpt(response->body)));
                     return;
                 }
                 qCDebug(lcGitLab).noquote() << "created project" << created->pathWithNamespace << created->id;
                 done(std::move(*created));
                 return;
             }
             if (!alreadyTaken(*response)) {
                 done(self->statusError(what, request, *response));
                 return;
             }
             // Someone else created it between our lookup and the create: it is found now.
             const QString reason = errorMessage(response->body);
             qCDebug(lcGitLab).noquote() << "project" << full << "was created meanwhile:" << reason;
             self->project(full, guard,
                           [self, hasContext, guard, full, reason, done](Result<std::optional<GitLabProject>> found) {
                               if (hasContext && !guard)
                                   return;
                               if (!found) {
                                   done(found.error());
                                   return;
                               }
                               if (*found) {
                                   done(std::move(**found));
                                   return;
                               }
                               done(makeError(Error::Code::Conflict,
                                              tr("GitLab says the project %1 exists but does not show it (%2); it may "
                                                 "still be being deleted. Try again in a few minutes.")
                                                  .arg(full, reason)));
                           });
         });
}

} // namespace gd::net
