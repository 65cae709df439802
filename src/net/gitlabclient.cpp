// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/gitlabclient.h"

#include "net/apiutil.h"
#include "net/pagedget.h"

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
using api::failLater;
using api::isSuccess;
using api::whenAnswered;

constexpr int kPageSize = 100;   // GitLab's maximum per_page
constexpr int kMaxPages = 500;   // a server that keeps sending "next" must not loop forever
constexpr qsizetype kExcerptBytes = 500;
const QString kApi = u"/api/v4"_s;

QString trText(const char *text)
{
    return GitLabClient::tr(text);
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
    project.id = id.toInteger();
    project.path = object.value("path"_L1).toString();
    project.pathWithNamespace = pathWithNamespace;
    project.httpUrlToRepo = object.value("http_url_to_repo"_L1).toString();
    project.defaultBranch = object.value("default_branch"_L1).toString();   // null for an empty project
    project.emptyRepo = object.value("empty_repo"_L1).toBool();
    return project;
}

/// The first bytes of a body for an error detail, with any token masked.
QString excerpt(const QByteArray &body)
{
    return api::excerpt(body, kExcerptBytes);
}

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

/// The project a 2xx answer about `what` from `server` describes, or the error that it is no GitLab answer.
Result<GitLabProject> readProject(const QString &server, const QString &what, const QByteArray &body)
{
    std::optional<GitLabProject> project = parseProject(QJsonDocument::fromJson(body).object());
    if (!project)
        return notAnswerError(server, what, excerpt(body));
    return std::move(*project);
}

/// The projects of one page of a project list about `what` from `server`, or the error that it is no GitLab answer.
Result<std::vector<GitLabProject>> readProjects(const QString &server, const QString &what, const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray())
        return notAnswerError(server, what, excerpt(body));
    std::vector<GitLabProject> projects;
    for (const QJsonValue &item : document.array()) {
        std::optional<GitLabProject> project = parseProject(item.toObject());
        if (!project)
            return notAnswerError(server, what, excerpt(body));
        projects.push_back(std::move(*project));
    }
    return projects;
}

/// The page `x-next-page` names (GitLab asks clients to follow its Link header; this is the fallback when a proxy
/// dropped it); nullopt on the last page.
std::optional<QUrl> nextCountedPage(const HttpRequest &request, const HttpResponse &response, const QUrl &url)
{
    bool ok = false;
    const int page = response.headers.value("x-next-page").trimmed().toInt(&ok);
    if (!ok || page <= 0)
        return std::nullopt;
    return api::pageUrl(url, request.query, page);
}

/// Hands a looked-up project (or the error of the lookup) to `done`; false when there is no such project.
bool deliverFound(Result<std::optional<GitLabProject>> &found, const GitLabClient::Callback<GitLabProject> &done)
{
    if (!found) {
        done(found.error());
        return true;
    }
    if (*found) {
        done(std::move(**found));
        return true;
    }
    return false;
}

} // namespace

GitLabClient::GitLabClient(HttpClient &http, ServerSettings server, QString token, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_server(std::move(server))
    , m_token(std::move(token))
{
    if (m_server.displayName.isEmpty())
        m_server.displayName = tr("GitLab %1").arg(api::hostAndPort(m_server.baseUrl));
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
    HttpRequest request = api::limitedRequest(m_timeout, m_maxAttempts);   // 404 and validation bodies are read here
    request.pathEncoded = true;   // "%2F" in group and project paths must reach GitLab as it is
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
    const int status = response.status;
    if (status == 401)
        Q_EMIT unauthorized();
    const QString reason = errorMessage(response.body);
    const api::StatusSentences sentences{
        .unauthorized = tr("%1 refused the access token for %2; the token is expired or wrong: sign in again.")
                            .arg(gitlabName(), what),
        .forbidden = tr("%1 does not allow this on %2; the token needs the api scope and Maintainer rights in the "
                        "group.")
                         .arg(gitlabName(), what),
        .notFound = tr("%1 has no %2, or the token may not see it; check the path and the token's rights.")
                        .arg(gitlabName(), what),
        .limited = tr("%1 is limiting requests; wait a minute and try again.").arg(gitlabName()),
        .failed = tr("%1 failed with an internal error (%2); try again later.")
                      .arg(gitlabName(), QString::number(status)),
        .refused = tr("%1 refused the request for %2 (%3: %4).")
                       .arg(gitlabName(), what, QString::number(status),
                            reason.isEmpty() ? tr("no reason given") : HttpClient::redact(reason)),
    };
    return api::statusError(status, sentences, status == 409 ? Error::Code::Conflict : Error::Code::InvalidInput,
                            api::statusDetail(m_server, request, response, 2000));
}

void GitLabClient::group(const QString &fullPath, QObject *context, Callback<GitLabGroup> done)
{
    const QString path = normalizedPath(fullPath);
    if (path.isEmpty()) {
        failLater(context, this, std::move(done),
                  makeError(Error::Code::InvalidInput,
                            tr("The GitLab group path is empty; set it in the workspace settings, like "
                               "platform/devops.")));
        return;
    }
    HttpRequest request = baseRequest();
    request.path = kApi + u"/groups/"_s + encodePath(path);
    request.query.addQueryItem(u"with_projects"_s, u"false"_s);
    auto answer = [path, request](GitLabClient &self, const HttpResponse &response, const Callback<GitLabGroup> &reply) {
        if (response.status == 404) {
            reply(makeError(Error::Code::NotFound,
                           tr("%1 has no group %2, or the token may not see it; check the group path in the "
                              "workspace settings and the token's rights.")
                               .arg(self.gitlabName(), path),
                           api::statusDetail(self.m_server, request, response, kExcerptBytes)));
            return;
        }
        const QString what = tr("the group %1").arg(path);
        if (!isSuccess(response.status)) {
            reply(self.statusError(what, request, response));
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(response.body).object();
        const QJsonValue id = object.value("id"_L1);
        if (!id.isDouble()) {
            reply(notAnswerError(self.gitlabName(), what, excerpt(response.body)));
            return;
        }
        reply(GitLabGroup{id.toInteger(), object.value("full_path"_L1).toString(),
                         object.value("name"_L1).toString()});
    };
    send(request, context, whenAnswered(this, closedError, std::move(done), std::move(answer)));
}

void GitLabClient::groupProjects(qint64 groupId, QObject *context, Callback<std::vector<GitLabProject>> done,
                                 Subgroups subgroups)
{
    HttpRequest request = baseRequest();
    request.path = kApi + u"/groups/%1/projects"_s.arg(groupId);
    request.query.addQueryItem(u"include_subgroups"_s,
                               subgroups == Subgroups::Include ? u"true"_s : u"false"_s);
    request.query.addQueryItem(u"with_shared"_s, u"false"_s);
    request.query.addQueryItem(u"archived"_s, u"false"_s);
    request.query.addQueryItem(u"order_by"_s, u"path"_s);
    request.query.addQueryItem(u"sort"_s, u"asc"_s);
    request.query.addQueryItem(u"per_page"_s, QString::number(kPageSize));
    request.query.addQueryItem(u"page"_s, u"1"_s);

    // Every step runs only while this client lives (PagedGet checks it first).
    const QString what = tr("the projects of group %1").arg(groupId);
    api::PagedGet<GitLabProject>::Steps steps;
    steps.send = [this](const HttpRequest &page, QObject *pageContext, ResponseCallback answer) {
        send(page, pageContext, std::move(answer));
    };
    steps.statusError = [this, what](const HttpRequest &page, const HttpResponse &response) {
        return statusError(what, page, response);
    };
    steps.parse = [this, what](const HttpRequest &, const HttpResponse &response) {
        return readProjects(gitlabName(), what, response.body);
    };
    steps.nextWithoutLink = nextCountedPage;
    steps.otherServer = [this, what] {
        return tr("%1 sent the next page of %2 to another server; the list is incomplete. Check the GitLab address "
                  "(external_url) and its proxy.")
            .arg(gitlabName(), what);
    };
    steps.closed = closedError;
    api::PagedGet<GitLabProject>::start(this, m_server, request, context, kMaxPages, std::move(steps),
                                        std::move(done));
}

void GitLabClient::project(const QString &pathWithNamespace, QObject *context,
                           Callback<std::optional<GitLabProject>> done)
{
    const QString path = normalizedPath(pathWithNamespace);
    if (!path.contains(u'/')) {
        failLater(context, this, std::move(done),
                  makeError(Error::Code::InvalidInput,
                            tr("\"%1\" is not a GitLab project path; write it with its group, like "
                               "platform/devops/orders-deploy.")
                                .arg(pathWithNamespace)));
        return;
    }
    HttpRequest request = baseRequest();
    request.path = kApi + u"/projects/"_s + encodePath(path);
    auto answer = [path, request](GitLabClient &self, const HttpResponse &response,
                                  const Callback<std::optional<GitLabProject>> &reply) {
        if (response.status == 404) {
            reply(std::optional<GitLabProject>());
            return;
        }
        const QString what = tr("the project %1").arg(path);
        if (!isSuccess(response.status)) {
            reply(self.statusError(what, request, response));
            return;
        }
        Result<GitLabProject> project = readProject(self.gitlabName(), what, response.body);
        if (!project) {
            reply(project.error());
            return;
        }
        reply(std::optional<GitLabProject>(std::move(*project)));
    };
    send(request, context, whenAnswered(this, closedError, std::move(done), std::move(answer)));
}

void GitLabClient::ensureProject(const QString &groupFullPath, const QString &path, QObject *context,
                                 Callback<GitLabProject> done)
{
    static const QRegularExpression projectPath(u"^[A-Za-z0-9_][A-Za-z0-9_.-]*$"_s);
    const QString groupPath = normalizedPath(groupFullPath);
    if (!projectPath.match(path).hasMatch() || path.endsWith(u".git"_s) || path.endsWith(u".atom"_s)) {
        failLater(context, this, std::move(done),
                  makeError(Error::Code::InvalidInput,
                            tr("\"%1\" cannot be a GitLab project path; use letters, digits, '_', '-' and "
                               "'.', starting with a letter, digit or '_'.")
                                .arg(path)));
        return;
    }
    const QString full = groupPath + u'/' + path;
    QPointer<GitLabClient> self(this);
    const api::CallContext asker(context);
    project(full, context,
            [self, asker, groupPath, path, done = std::move(done)](Result<std::optional<GitLabProject>> found) {
                if (deliverFound(found, done))
                    return;
                if (!self) {
                    done(closedError());
                    return;
                }
                qCDebug(lcGitLab).noquote() << "no project" << path << "in" << groupPath << "yet: creating it";
                self->group(groupPath, asker.context(), [self, asker, path, done](Result<GitLabGroup> group) {
                    if (!asker.present())
                        return;   // the asker is gone
                    if (!group) {
                        done(group.error());
                        return;
                    }
                    if (!self) {
                        done(closedError());
                        return;
                    }
                    self->createProject(*group, path, asker.context(), done);
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
    const api::CallContext asker(context);
    auto answer = [asker, full, request](GitLabClient &self, const HttpResponse &response,
                                         const Callback<GitLabProject> &reply) {
        const QString what = tr("the new project %1").arg(full);
        if (isSuccess(response.status)) {
            Result<GitLabProject> created = readProject(self.gitlabName(), what, response.body);
            if (created)
                qCDebug(lcGitLab).noquote() << "created project" << created->pathWithNamespace << created->id;
            reply(std::move(created));
            return;
        }
        if (!alreadyTaken(response)) {
            reply(self.statusError(what, request, response));
            return;
        }
        // Someone else created it between our lookup and the create: it is found now.
        const QString reason = errorMessage(response.body);
        qCDebug(lcGitLab).noquote() << "project" << full << "was created meanwhile:" << reason;
        self.project(full, asker.context(), [asker, full, reason, reply](Result<std::optional<GitLabProject>> found) {
            if (!asker.present() || deliverFound(found, reply))
                return;
            reply(makeError(Error::Code::Conflict,
                           tr("GitLab says the project %1 exists but does not show it (%2); it may still be being "
                              "deleted. Try again in a few minutes.")
                               .arg(full, reason)));
        });
    };
    send(request, context, whenAnswered(this, closedError, std::move(done), std::move(answer)));
}

} // namespace gd::net
