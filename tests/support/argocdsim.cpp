// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocdsim.h"

#include "workspace/workspaceconfig.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace gd::test {

namespace {

/// One blocking request that gives up after `timeoutMs` without an answer, with `token` as its bearer token when
/// set; the status code, or -1 when no answer came.
int blockingRequest(const QUrl &url, const QByteArray &method, const QByteArray &body, QByteArray *answer = nullptr,
                    const QString &token = {}, int timeoutMs = 10000)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    std::unique_ptr<QNetworkReply> reply(nam.sendCustomRequest(request, method, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (answer)
        *answer = reply->readAll();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    return status.isValid() ? status.toInt() : -1;
}

} // namespace

ArgoSim::ArgoSim(Options options) : m_options(std::move(options)) {}

ArgoSim::~ArgoSim()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ArgoSim::start(QString *error)
{
    const QString program = qEnvironmentVariable("GD_ARGOCD_SIM");
    if (program.isEmpty()) {
        *error = u"GD_ARGOCD_SIM is not set: run the test through ctest (it names the argocd-sim executable)."_s;
        return false;
    }
    QStringList args{u"--workspace"_s, m_options.workspaceFile, u"--port"_s, u"0"_s, u"--token"_s, m_options.token,
                     u"--health-delay-ms"_s, QString::number(m_options.healthDelayMs),
                     u"--reconcile-ms"_s, QString::number(m_options.reconcileMs),
                     u"--keepalive-ms"_s, QString::number(m_options.keepaliveMs)};
    if (!m_options.degradedPattern.isEmpty())
        args << u"--degraded-pattern"_s << m_options.degradedPattern;
    m_process.start(program, args);
    if (!m_process.waitForStarted(10000)) {
        *error = u"argocd-sim did not start: "_s + m_process.errorString();
        return false;
    }
    // The simulator prints "argocd-sim listening on http://127.0.0.1:<port>" once it serves.
    static const QRegularExpression listening(u"listening on (http://127\\.0\\.0\\.1:\\d+)"_s);
    QByteArray out;
    const QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning)
            break;
        m_process.waitForReadyRead(200);
        out += m_process.readAllStandardOutput();
        const auto m = listening.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_url = QUrl(m.captured(1));
            break;
        }
    }
    if (!m_url.isValid()) {
        *error = u"argocd-sim did not come up: "_s + QString::fromUtf8(m_process.readAllStandardError());
        return false;
    }
    QUrl version = m_url;
    version.setPath(u"/api/version"_s);
    if (blockingRequest(version, "GET", {}) != 200) {
        *error = u"argocd-sim does not answer /api/version at "_s + m_url.toString();
        return false;
    }
    return true;
}

bool ArgoSim::setFault(const QString &kind, int count, int delayMs, const QString &path)
{
    QUrl url = m_url;
    url.setPath(u"/sim/faults"_s);
    const QJsonObject body{{u"kind"_s, kind}, {u"count"_s, count}, {u"delayMs"_s, delayMs}, {u"path"_s, path}};
    return blockingRequest(url, "POST", QJsonDocument(body).toJson(QJsonDocument::Compact)) == 200;
}

QJsonObject ArgoSim::application(const QString &name) const
{
    QUrl url = m_url;
    url.setPath(u"/api/v1/applications/"_s + name);
    QByteArray answer;
    if (blockingRequest(url, "GET", {}, &answer, m_options.token, 30000) != 200)
        return {};
    return QJsonDocument::fromJson(answer).object();
}

bool ArgoSim::pointWorkspace(const QString &workspaceFile, QString *error,
                             const std::function<void(ws::WorkspaceConfig &)> &adjust) const
{
    auto config = ws::WorkspaceConfig::load(workspaceFile);
    if (!config.ok()) {
        *error = config.error().fullText();
        return false;
    }
    config->argocdServer = m_url.toString();
    config->argocdContext.clear();
    if (adjust)
        adjust(*config);
    QFile file(workspaceFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config->toYaml()) <= 0) {
        *error = workspaceFile + u": "_s + file.errorString();
        return false;
    }
    return true;
}

} // namespace gd::test
