// SPDX-License-Identifier: GPL-3.0-or-later
// gitops-desk: the GUI. Everything lives in gd_ui; this only wires the application together.
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/themedicons.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"GitOpsDesk"_s);
    QApplication::setOrganizationDomain(u"gitopsdesk.io"_s);
    QApplication::setApplicationName(u"gitops-desk"_s);
    QApplication::setApplicationDisplayName(u"GitOps Desk"_s);
    QApplication::setApplicationVersion(QStringLiteral(GD_VERSION));
    QApplication::setDesktopFileName(u"io.gitopsdesk.GitOpsDesk"_s);
    QApplication::setWindowIcon(gd::ui::appIcon());
    gd::ui::applyLanguage(gd::ui::storedLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Desktop console for GitOps releases with Argo CD and Kustomize."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(
        u"workspace"_s, QCoreApplication::translate("main", "Open the workspace file <file>."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(workspace);
    parser.process(app);

    gd::ui::MainWindow window;
    if (parser.isSet(workspace))
        window.openWorkspace(parser.value(workspace));
    else
        window.openLastWorkspace();
    window.show();
    return app.exec();
}
