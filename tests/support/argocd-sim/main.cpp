// SPDX-License-Identifier: GPL-3.0-or-later
// argocd-sim: a simulated Argo CD API server for tests and the demo (never part of the product).
#include "simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"argocd-sim"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Simulated Argo CD API server on 127.0.0.1, backed by a GitOps Desk workspace."_s);
    parser.addHelpOption();
    const QCommandLineOption workspace(u"workspace"_s, u"The workspace.yaml to read."_s, u"file"_s);
    const QCommandLineOption port(u"port"_s, u"TCP port on 127.0.0.1 (0: any free port)."_s, u"port"_s, u"0"_s);
    const QCommandLineOption token(u"token"_s, u"The accepted bearer token (default: random)."_s, u"token"_s);
    const QCommandLineOption password(u"password"_s, u"Password of user admin."_s, u"password"_s, u"password"_s);
    const QCommandLineOption healthDelay(u"health-delay-ms"_s, u"Progressing time after a sync."_s, u"ms"_s, u"1500"_s);
    const QCommandLineOption degraded(u"degraded-pattern"_s, u"Images matching this regex end Degraded."_s, u"regex"_s);
    const QCommandLineOption reconcile(u"reconcile-ms"_s, u"Reconcile period."_s, u"ms"_s, u"1000"_s);
    const QCommandLineOption keepalive(u"keepalive-ms"_s, u"Watch stream keepalive period."_s, u"ms"_s, u"15000"_s);
    const QCommandLineOption operation(u"operation-ms"_s, u"How long a sync stays Running."_s, u"ms"_s, u"150"_s);
    parser.addOptions({workspace, port, token, password, healthDelay, degraded, reconcile, keepalive, operation});
    parser.process(app);
    if (!parser.isSet(workspace)) {
        std::fprintf(stderr, "argocd-sim: --workspace FILE is required\n");
        return 2;
    }
    gd::sim::SimOptions options;
    options.workspaceFile = parser.value(workspace);
    options.port = quint16(parser.value(port).toUInt());
    options.token = parser.value(token);
    options.password = parser.value(password);
    options.healthDelayMs = parser.value(healthDelay).toInt();
    options.degradedPattern = parser.value(degraded);
    options.reconcileMs = parser.value(reconcile).toInt();
    options.keepaliveMs = parser.value(keepalive).toInt();
    options.operationMs = parser.value(operation).toInt();
    gd::sim::Simulator simulator(options);
    QString error;
    if (!simulator.start(&error)) {
        std::fprintf(stderr, "argocd-sim: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("argocd-sim listening on http://127.0.0.1:%u\n", unsigned(simulator.port()));
    std::fflush(stdout);
    return app.exec();
}
