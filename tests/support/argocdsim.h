// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QUrl>

#include <functional>

namespace gd::ws {
struct WorkspaceConfig;
}

namespace gd::test {

/// Runs the `argocd-sim` executable (path from env GD_ARGOCD_SIM) on 127.0.0.1 for one test, killed in the
/// destructor. The simulator serves the Argo CD REST API and watch stream for the Applications of a workspace.
class ArgoSim {
public:
    struct Options {
        QString workspaceFile;
        QString token = QStringLiteral("sim-token");
        int healthDelayMs = 300;
        QString degradedPattern;
        int reconcileMs = 200;
        int keepaliveMs = 15000;
    };

    explicit ArgoSim(Options options);
    ~ArgoSim();
    ArgoSim(const ArgoSim &) = delete;
    ArgoSim &operator=(const ArgoSim &) = delete;

    /// Starts the simulator on a free port and waits (up to 60 s: it renders every app first) until /api/version
    /// answers. False with `error` set (and the simulator's stderr) when it does not come up.
    bool start(QString *error);
    /// http://127.0.0.1:<port>
    QUrl url() const { return m_url; }
    QString token() const { return m_options.token; }
    /// Switches a fault on (blocking POST to /sim/faults): kind "5xx", "slow", "drop-stream", "401",
    /// "op-in-progress", "slow-refresh" (a GET with ?refresh= answered after `delayMs`, never when 0) or "clear";
    /// `path` is a substring the request path must contain (empty: any).
    bool setFault(const QString &kind, int count = 1, int delayMs = 0, const QString &path = {});
    /// The Application `name` as the REST API shows it (GET /api/v1/applications/NAME with the token), blocking
    /// up to 30 s; an empty object when the simulator answers with an error or not at all.
    QJsonObject application(const QString &name) const;
    /// Rewrites the workspace file at `workspaceFile` so the app talks to this simulator: argocdServer is url(),
    /// argocdContext is empty, and `adjust` (when set) changes what else a test needs before it is written.
    /// False with `error` set when the file cannot be read or written.
    bool pointWorkspace(const QString &workspaceFile, QString *error,
                        const std::function<void(ws::WorkspaceConfig &)> &adjust = {}) const;

private:
    Options m_options;
    QProcess m_process;
    QUrl m_url;
};

} // namespace gd::test
