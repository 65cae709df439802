// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cliapp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("GitOpsDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("gitops-desk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GD_VERSION));
    return gd::cli::CliApp().run(QCoreApplication::arguments().mid(1));
}
