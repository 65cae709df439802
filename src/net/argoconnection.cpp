// SPDX-License-Identifier: GPL-3.0-or-later
// yaml-cpp 0.7's inline code trips GCC 12's flow warnings at -O2 (false positives in the library, see src/core).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "net/argoconnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

using namespace Qt::Literals::StringLiterals;

namespace gd::argo {
namespace {

QString trText(const char *text)
{
    return QCoreApplication::translate("gd::argo::CliLogin", text);
}

QString configPathFor(const QProcessEnvironment &env)
{
    const QString configDir = env.value(u"ARGOCD_CONFIG_DIR"_s);
    if (!configDir.isEmpty())
        return configDir + u"/config"_s;
    const QString home = env.value(u"HOME"_s, QDir::homePath());
    if (QFileInfo(home + u"/.argocd"_s).isDir())
        return home + u"/.argocd/config"_s;
    const QString xdg = env.value(u"XDG_CONFIG_HOME"_s);
    if (!xdg.isEmpty())
        return xdg + u"/argocd/config"_s;
    return home + u"/.config/argocd/config"_s;
}

QString str(const YAML::Node &node, const char *key)
{
    const YAML::Node value = node[key];
    if (!value || !value.IsScalar())
        return {};
    return QString::fromStdString(value.Scalar());
}

bool flag(const YAML::Node &node, const char *key)
{
    const QString text = str(node, key).toLower();
    return text == u"true" || text == u"yes" || text == u"on";
}

YAML::Node findNamed(const YAML::Node &list, const char *key, const QString &name)
{
    if (!list || !list.IsSequence())
        return YAML::Node(YAML::NodeType::Undefined);
    for (const YAML::Node &entry : list) {
        if (entry.IsMap() && str(entry, key) == name)
            return entry;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

QUrl serverUrl(const QString &server, bool plainText)
{
    if (server.contains(u"://"))
        return QUrl(server);
    return QUrl((plainText ? u"http://"_s : u"https://"_s) + server);
}

} // namespace

Result<CliLogin> readArgoCliLogin(const QProcessEnvironment &environment, const QString &contextName)
{
    CliLogin login;
    const QString envServer = environment.value(u"ARGOCD_SERVER"_s);
    const QString envToken = environment.value(u"ARGOCD_AUTH_TOKEN"_s);
    const QString path = configPathFor(environment);

    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return makeError(Error::Code::Io,
                             trText("The argocd CLI configuration cannot be read; check its permissions."),
                             path + u": "_s + file.errorString());
        const QByteArray bytes = file.readAll();
        YAML::Node root;
        try {
            root = YAML::Load(bytes.toStdString());
        } catch (const YAML::Exception &e) {
            return makeError(Error::Code::Yaml,
                             trText("The argocd CLI configuration is not valid YAML; run `argocd login` again."),
                             path + u": "_s + QString::fromStdString(e.what()));
        }
        try {
            login.configPath = path;
            const QString wanted = contextName.isEmpty() ? str(root, "current-context") : contextName;
            const YAML::Node context = findNamed(root["contexts"], "name", wanted);
            if (!context.IsDefined() && !contextName.isEmpty() && envServer.isEmpty())
                return makeError(Error::Code::NotFound,
                                 trText("The argocd CLI configuration has no context named \"%1\".").arg(contextName),
                                 path);
            if (context.IsDefined()) {
                login.contextName = wanted;
                const QString serverName = str(context, "server");
                const YAML::Node server = findNamed(root["servers"], "server", serverName);
                const bool plainText = server.IsDefined() && flag(server, "plain-text");
                login.server.http.baseUrl = serverUrl(serverName, plainText);
                login.server.http.insecure = server.IsDefined() && flag(server, "insecure");
                const YAML::Node user = findNamed(root["users"], "name", str(context, "user"));
                if (user.IsDefined())
                    login.server.token = str(user, "auth-token");
            }
        } catch (const YAML::Exception &e) {
            return makeError(Error::Code::Yaml,
                             trText("The argocd CLI configuration has an unexpected shape; run `argocd login` again."),
                             path + u": "_s + QString::fromStdString(e.what()));
        }
    }

    if (!envServer.isEmpty()) {
        // ARGOCD_SERVER names another server than the config's context: its insecure/plain-text flags do not apply.
        const QUrl url = serverUrl(envServer, false);
        if (url != login.server.http.baseUrl) {
            login.server.http = {};
            login.server.http.baseUrl = url;
            login.server.token.clear();
        }
    }
    if (!envToken.isEmpty())
        login.server.token = envToken;

    if (login.server.http.baseUrl.isEmpty())
        return makeError(Error::Code::NotFound,
                         trText("No argocd CLI login was found; run `argocd login <server>` or enter the server here."),
                         path);
    return login;
}

} // namespace gd::argo
