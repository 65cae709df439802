// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/fakegitlab.h"

#include "git/repository.h"
#include "support/httpwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::test {
namespace {

const QByteArray kCreatedAt = "2024-05-02T09:41:12.314Z";

QString lastPart(const QString &path)
{
    return path.section(u'/', -1);
}

} // namespace

FakeGitLab::FakeGitLab(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeGitLab::onConnection);
}

FakeGitLab::~FakeGitLab() = default;

bool FakeGitLab::start(QString *error)
{
    if (m_server->listen(QHostAddress::LocalHost, 0))
        return true;
    if (error)
        *error = m_server->errorString();
    return false;
}

QUrl FakeGitLab::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->serverPort()));
}

qint64 FakeGitLab::addGroup(const QString &fullPath, const QString &name)
{
    if (m_groups.contains(fullPath))
        return m_groups.value(fullPath).value("id"_L1).toInteger();
    QJsonValue parentId;   // null for a top-level group
    QString fullName = name.isEmpty() ? lastPart(fullPath) : name;
    if (const qsizetype slash = fullPath.lastIndexOf(u'/'); slash > 0) {
        const QString parent = fullPath.left(slash);
        parentId = double(addGroup(parent));
        fullName = m_groups.value(parent).value("full_name"_L1).toString() + u" / "_s + fullName;
    }
    const qint64 id = m_nextId++;
    // The fields of "Get a single group" (docs.gitlab.com/api/groups), as GitLab sends them.
    const QJsonObject group{
        {u"id"_s, double(id)},
        {u"web_url"_s, QString(url().toString() + u"/groups/"_s + fullPath)},
        {u"name"_s, name.isEmpty() ? lastPart(fullPath) : name},
        {u"path"_s, lastPart(fullPath)},
        {u"description"_s, QString()},
        {u"visibility"_s, u"private"_s},
        {u"share_with_group_lock"_s, false},
        {u"require_two_factor_authentication"_s, false},
        {u"project_creation_level"_s, u"developer"_s},
        {u"subgroup_creation_level"_s, u"maintainer"_s},
        {u"lfs_enabled"_s, true},
        {u"default_branch"_s, QJsonValue()},
        {u"avatar_url"_s, QJsonValue()},
        {u"request_access_enabled"_s, false},
        {u"full_name"_s, fullName},
        {u"full_path"_s, fullPath},
        {u"created_at"_s, QString::fromLatin1(kCreatedAt)},
        {u"parent_id"_s, parentId},
    };
    m_groups.insert(fullPath, group);
    return id;
}

QJsonObject FakeGitLab::makeProject(const QJsonObject &group, const QString &path, bool emptyRepo, bool archived)
{
    const QString groupPath = group.value("full_path"_L1).toString();
    const QString full = groupPath + u'/' + path;
    const QString web = url().toString() + u'/' + full;
    // The fields of "Get a single project" (docs.gitlab.com/api/projects), the ones a client reads among them.
    return QJsonObject{
        {u"id"_s, double(m_nextId++)},
        {u"description"_s, QJsonValue()},
        {u"name"_s, path},
        {u"name_with_namespace"_s, QString(group.value("full_name"_L1).toString() + u" / "_s + path)},
        {u"path"_s, path},
        {u"path_with_namespace"_s, full},
        {u"created_at"_s, QString::fromLatin1(kCreatedAt)},
        {u"default_branch"_s, emptyRepo ? QJsonValue() : QJsonValue(u"main"_s)},
        {u"tag_list"_s, QJsonArray()},
        {u"topics"_s, QJsonArray()},
        {u"ssh_url_to_repo"_s, u"git@127.0.0.1:%1.git"_s.arg(full)},
        {u"http_url_to_repo"_s, m_gitBaseUrl.isEmpty() ? QString(web + u".git"_s)
                                                        : QString(m_gitBaseUrl + u'/' + full + u".git"_s)},
        {u"web_url"_s, web},
        {u"readme_url"_s, QJsonValue()},
        {u"avatar_url"_s, QJsonValue()},
        {u"forks_count"_s, 0},
        {u"star_count"_s, 0},
        {u"last_activity_at"_s, QString::fromLatin1(kCreatedAt)},
        {u"namespace"_s,
         QJsonObject{{u"id"_s, group.value("id"_L1)},
                     {u"name"_s, group.value("name"_L1)},
                     {u"path"_s, group.value("path"_L1)},
                     {u"kind"_s, u"group"_s},
                     {u"full_path"_s, groupPath},
                     {u"parent_id"_s, group.value("parent_id"_L1)},
                     {u"avatar_url"_s, QJsonValue()},
                     {u"web_url"_s, group.value("web_url"_L1)}}},
        {u"empty_repo"_s, emptyRepo},
        {u"archived"_s, archived},
        {u"visibility"_s, u"private"_s},
    };
}

qint64 FakeGitLab::addProject(const QString &groupFullPath, const QString &path, bool emptyRepo, bool archived)
{
    addGroup(groupFullPath);
    const QJsonObject project = makeProject(m_groups.value(groupFullPath), path, emptyRepo, archived);
    insertProject(groupFullPath + u'/' + path, project);
    return project.value("id"_L1).toInteger();
}

void FakeGitLab::setGitRepos(const QString &rootDir, const QString &gitBaseUrl)
{
    m_gitRoot = rootDir;
    m_gitBaseUrl = gitBaseUrl;
}

void FakeGitLab::insertProject(const QString &pathWithNamespace, const QJsonObject &project)
{
    m_projects.insert(pathWithNamespace, project);
    if (!m_gitRoot.isEmpty()) {
        const auto created = git::Repository::initBare(m_gitRoot + u'/' + pathWithNamespace + u".git"_s);
        if (!created.ok())
            qWarning("FakeGitLab: %s", qPrintable(created.error().fullText()));
    }
}

bool FakeGitLab::hasProject(const QString &pathWithNamespace) const
{
    return m_projects.contains(pathWithNamespace);
}

void FakeGitLab::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeGitLab::onReadyRead(QTcpSocket *socket)
{
    // Keep-alive: several requests may arrive on one connection, a request may arrive in pieces.
    QByteArray pending = socket->property("pending").toByteArray() + socket->readAll();
    qsizetype headEnd = pending.indexOf("\r\n\r\n");
    while (headEnd >= 0) {
        Request request;
        HttpHead head = parseHttpHead(pending.left(headEnd));
        request.method = std::move(head.method);
        request.target = std::move(head.target);
        request.headers = std::move(head.headers);
        const qsizetype bodyLength = request.headers.value("content-length").toLongLong();
        if (pending.size() < headEnd + 4 + bodyLength)
            break;   // the body is still on its way
        request.body = pending.mid(headEnd + 4, bodyLength);
        pending.remove(0, headEnd + 4 + bodyLength);

        const qsizetype question = request.target.indexOf('?');
        const QByteArray rawPath = question < 0 ? request.target : request.target.left(question);
        request.segments = rawPath.split('/');
        request.segments.removeAll(QByteArray());
        if (question >= 0) {
            const QUrlQuery query(QString::fromLatin1(request.target.mid(question + 1)));
            for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
                request.query.insert(name, value);
        }
        m_seen.append(Seen{request.method, request.target, request.headers, request.body});

        const Response response = route(request);
        QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
        headers += response.headers;
        socket->write(httpResponse(response.status, headers, response.body));
        headEnd = pending.indexOf("\r\n\r\n");
    }
    socket->setProperty("pending", pending);
}

FakeGitLab::Response FakeGitLab::json(int status, const QJsonValue &value)
{
    return Response{status, {},
                    value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                    : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)};
}

FakeGitLab::Response FakeGitLab::message(int status, const QString &text)
{
    return json(status, QJsonObject{{u"message"_s, text}});
}

QJsonObject FakeGitLab::groupById(const QByteArray &segment) const
{
    const QString id = QUrl::fromPercentEncoding(segment);
    for (const QJsonObject &group : m_groups) {
        if (group.value("full_path"_L1).toString() == id
            || QString::number(group.value("id"_L1).toInteger()) == id)
            return group;
    }
    return {};
}

QJsonObject FakeGitLab::projectById(const QByteArray &segment) const
{
    const QString id = QUrl::fromPercentEncoding(segment);
    for (const QJsonObject &project : m_projects) {
        if (project.value("path_with_namespace"_L1).toString() == id
            || QString::number(project.value("id"_L1).toInteger()) == id)
            return project;
    }
    return {};
}

FakeGitLab::Response FakeGitLab::route(const Request &request)
{
    const QByteArray privateToken = request.headers.value("private-token");
    const QByteArray authorization = request.headers.value("authorization");
    if (privateToken != m_token && authorization != "Bearer " + m_token)
        return message(401, u"401 Unauthorized"_s);

    const QList<QByteArray> &s = request.segments;
    if (s.size() < 3 || s[0] != "api" || s[1] != "v4")
        return message(404, u"404 Not Found"_s);
    if (request.method == "GET" && s[2] == "groups" && (s.size() == 4 || (s.size() == 5 && s[4] == "projects"))) {
        const QJsonObject group = groupById(s[3]);
        if (group.isEmpty())
            return message(404, u"404 Group Not Found"_s);
        return s.size() == 4 ? json(200, group) : groupProjects(request, group);
    }
    if (request.method == "GET" && s[2] == "projects" && s.size() == 4) {
        const QJsonObject project = projectById(s[3]);
        if (project.isEmpty())
            return message(404, u"404 Project Not Found"_s);
        return json(200, project);
    }
    if (request.method == "POST" && s[2] == "projects" && s.size() == 3)
        return createProject(request);
    return message(404, u"404 Not Found"_s);
}

FakeGitLab::Response FakeGitLab::groupProjects(const Request &request, const QJsonObject &group)
{
    const QString groupPath = group.value("full_path"_L1).toString();
    const bool subgroups = request.query.value(u"include_subgroups"_s) == u"true";
    const QString archived = request.query.value(u"archived"_s);
    QList<QJsonObject> matching;
    for (const QJsonObject &project : m_projects) {
        const QString namespacePath = project.value("namespace"_L1).toObject().value("full_path"_L1).toString();
        if (namespacePath != groupPath && !(subgroups && namespacePath.startsWith(groupPath + u'/')))
            continue;
        if (!archived.isEmpty() && project.value("archived"_L1).toBool() != (archived == u"true"))
            continue;
        matching.append(project);
    }
    const bool descending = request.query.value(u"sort"_s) == u"desc";
    const QString orderBy = request.query.value(u"order_by"_s, u"created_at"_s);
    std::stable_sort(matching.begin(), matching.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        const bool less = orderBy == u"path" ? a.value("path"_L1).toString() < b.value("path"_L1).toString()
                                              : a.value("id"_L1).toInteger() < b.value("id"_L1).toInteger();
        const bool greater = orderBy == u"path" ? b.value("path"_L1).toString() < a.value("path"_L1).toString()
                                                 : b.value("id"_L1).toInteger() < a.value("id"_L1).toInteger();
        return descending ? greater : less;
    });

    const int perPage = std::clamp(request.query.value(u"per_page"_s, u"20"_s).toInt(), 1, 100);
    const int page = std::max(1, request.query.value(u"page"_s, u"1"_s).toInt());
    const int total = int(matching.size());
    const int totalPages = std::max(1, (total + perPage - 1) / perPage);
    QJsonArray items;
    for (int i = (page - 1) * perPage; i < std::min(total, page * perPage); ++i)
        items.append(matching[i]);

    Response response = json(200, items);
    const auto pageUrl = [&](int number) {
        QUrl link = url();
        link.setPath(QString::fromLatin1(request.target.split('?').value(0)), QUrl::TolerantMode);
        QUrlQuery query;
        for (auto it = request.query.cbegin(); it != request.query.cend(); ++it) {
            if (it.key() != u"page")
                query.addQueryItem(it.key(), it.value());
        }
        query.addQueryItem(u"page"_s, QString::number(number));
        link.setQuery(query);
        return link.toEncoded();
    };
    const QByteArray next = page < totalPages ? QByteArray::number(page + 1) : QByteArray();
    const QByteArray prev = page > 1 ? QByteArray::number(page - 1) : QByteArray();
    if (m_links) {
        QList<QByteArray> links;
        if (!prev.isEmpty())
            links.append("<" + pageUrl(page - 1) + ">; rel=\"prev\"");
        if (!next.isEmpty())
            links.append("<" + pageUrl(page + 1) + ">; rel=\"next\"");
        links.append("<" + pageUrl(1) + ">; rel=\"first\"");
        links.append("<" + pageUrl(totalPages) + ">; rel=\"last\"");
        response.headers.append({"Link", links.join(", ")});
    }
    response.headers.append({"x-next-page", next});
    response.headers.append({"x-page", QByteArray::number(page)});
    response.headers.append({"x-per-page", QByteArray::number(perPage)});
    response.headers.append({"x-prev-page", prev});
    response.headers.append({"x-total", QByteArray::number(total)});
    response.headers.append({"x-total-pages", QByteArray::number(totalPages)});
    return response;
}

FakeGitLab::Response FakeGitLab::createProject(const Request &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QString path = body.value("path"_L1).toString();
    const QString name = body.value("name"_L1).toString();
    if (path.isEmpty())
        path = name;
    if (path.isEmpty())
        return message(400, u"400 (Bad request) \"name\" not given"_s);
    QJsonObject group;
    if (body.contains("namespace_id"_L1)) {
        group = groupById(QByteArray::number(body.value("namespace_id"_L1).toInteger()));
        if (group.isEmpty())
            return message(404, u"404 Namespace Not Found"_s);
    } else {
        return message(400, u"400 (Bad request) \"namespace_id\" not given"_s);   // no personal namespaces here
    }
    const QString full = group.value("full_path"_L1).toString() + u'/' + path;
    if (m_createRace) {
        m_createRace = false;
        insertProject(full, makeProject(group, path, true, false));   // the other creator won
    }
    if (m_projects.contains(full)) {
        const QJsonArray taken{u"has already been taken"_s};
        return json(400, QJsonObject{{u"message"_s, QJsonObject{{u"name"_s, taken},
                                                               {u"path"_s, taken},
                                                               {u"project_namespace.name"_s, taken}}}});
    }
    const QJsonObject project = makeProject(group, path, true, false);
    insertProject(full, project);
    return json(201, project);
}

} // namespace gd::test
