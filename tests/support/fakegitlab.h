// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace gd::test {

/// A GitLab REST API v4 on 127.0.0.1 (a free port), in the test's own event loop, with the documented response shapes
/// (docs.gitlab.com/api/groups, /api/projects, /api/rest): `PRIVATE-TOKEN` (or `Authorization: Bearer`) checked on
/// every request (401 {"message":"401 Unauthorized"}); `GET /api/v4/groups/:id` by id or URL-encoded full path
/// (an unencoded '/' does not match, as on GitLab); `GET /api/v4/groups/:id/projects` paginated by page/per_page
/// (default 20, at most 100) with Link, x-next-page, x-page, x-per-page, x-prev-page, x-total, x-total-pages;
/// `GET /api/v4/projects/:id` by id or encoded path; `POST /api/v4/projects` creating a project (201), or 400
/// "has already been taken" when the path exists. Records every request it read.
class FakeGitLab : public QObject {
    Q_OBJECT
public:
    struct Seen {
        QByteArray method;
        QByteArray target;                       ///< as sent: path (still percent-encoded) and query
        QHash<QByteArray, QByteArray> headers;   ///< lower-case names
        QByteArray body;
    };

    explicit FakeGitLab(QObject *parent = nullptr);
    ~FakeGitLab() override;

    /// Listens on 127.0.0.1; false with `error` set when it cannot.
    bool start(QString *error);
    /// http://127.0.0.1:<port>
    QUrl url() const;

    /// The token every request must carry. Default "glpat-fake-0123456789abcdef".
    void setToken(const QByteArray &token) { m_token = token; }
    QByteArray token() const { return m_token; }

    /// A group (a subgroup when `fullPath` holds '/', its parent added first); returns its id.
    qint64 addGroup(const QString &fullPath, const QString &name = {});
    /// A project `path` in the existing group `groupFullPath`; returns its id. An empty repo has no default branch.
    qint64 addProject(const QString &groupFullPath, const QString &path, bool emptyRepo = false,
                      bool archived = false);
    /// Whether a project exists at `pathWithNamespace`.
    bool hasProject(const QString &pathWithNamespace) const;
    /// Backs projects with real repositories: each project added or created from now on gets an empty bare
    /// repository (branch main) at `<rootDir>/<path_with_namespace>.git`, and http_url_to_repo says
    /// `<gitBaseUrl>/<path_with_namespace>.git` (a GitHttpServer serving `rootDir`). Off by default.
    void setGitRepos(const QString &rootDir, const QString &gitBaseUrl);

    /// The next create answers 400 {"message":{"name":["has already been taken"],…}} after another creator made the
    /// project (it exists from then on): the race between lookup and create.
    void setCreateRace(bool on) { m_createRace = on; }
    /// Whether page answers carry the Link header (else only the x-* headers). Default true.
    void setLinks(bool on) { m_links = on; }

    QList<Seen> requests() const { return m_seen; }
    void clearRequests() { m_seen.clear(); }

private:
    struct Request {
        QByteArray method;
        QByteArray target;
        QList<QByteArray> segments;          ///< path segments, still percent-encoded
        QMap<QString, QString> query;        ///< decoded
        QHash<QByteArray, QByteArray> headers;
        QByteArray body;
    };
    struct Response {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };

    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    Response route(const Request &request);
    Response groupProjects(const Request &request, const QJsonObject &group);
    Response createProject(const Request &request);
    QJsonObject groupById(const QByteArray &segment) const;
    QJsonObject projectById(const QByteArray &segment) const;
    QJsonObject makeProject(const QJsonObject &group, const QString &path, bool emptyRepo, bool archived);
    static Response json(int status, const QJsonValue &value);
    static Response message(int status, const QString &text);
    void insertProject(const QString &pathWithNamespace, const QJsonObject &project);

    QTcpServer *m_server = nullptr;
    QByteArray m_token = "glpat-fake-0123456789abcdef";
    qint64 m_nextId = 100;
    QMap<QString, QJsonObject> m_groups;     ///< full path → group object
    QMap<QString, QJsonObject> m_projects;   ///< path_with_namespace → project object
    bool m_createRace = false;
    bool m_links = true;
    QString m_gitRoot;
    QString m_gitBaseUrl;
    QList<Seen> m_seen;
};

} // namespace gd::test
