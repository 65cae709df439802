// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the workspace parser (ws::WorkspaceConfig::parse). The input is a workspace.yaml. When the parser
// accepts it: the branch (and a pinned templates branch) is a valid git branch name, every environment has a
// DNS-1123 name listed once, a local provider has a folder and a GitLab one a URL and group, the pinned templates
// commit is 40 hex digits, the rollback window is positive, and what toYaml() writes parses back to the same values.
#include "fuzztarget.h"

#include "workspace/workspaceconfig.h"

#include <git2.h>

#include <QRegularExpression>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isBranchName(const QString &branch)
{
    if (branch.isEmpty() || branch == u"HEAD" || branch.startsWith(u'-'))
        return false;
    int valid = 0;
    const QByteArray ref = "refs/heads/" + branch.toUtf8();
    return git_reference_name_is_valid(&valid, ref.constData()) == 0 && valid == 1;
}

QByteArray summary(const gd::ws::WorkspaceConfig &config)
{
    QByteArray out = "name=" + config.name.toUtf8() + " branch=" + config.branch.toUtf8() + " repoPrefix="
                     + config.repoPrefix.toUtf8() + " provider=" + QByteArray::number(int(config.provider)) + " path="
                     + config.localPath.toUtf8() + " gitlab=" + config.gitlabUrl.toUtf8() + "/"
                     + config.gitlabGroup.toUtf8() + " templates=" + config.templatesUrl.toUtf8() + "@"
                     + config.templatesBranch.toUtf8() + ":" + config.templatesCommit.toUtf8() + " argocd="
                     + config.argocdServer.toUtf8() + "|" + config.argocdContext.toUtf8() + "|"
                     + QByteArray::number(config.argocdInsecure) + " registry=" + config.registryType.toUtf8() + "|"
                     + config.registryUrl.toUtf8() + " window=" + QByteArray::number(config.rollbackWindowMinutes);
    for (const gd::ws::EnvironmentConfig &env : config.environments)
        out += " env=" + env.name.toUtf8() + "|" + env.cluster.toUtf8() + "|" + env.namespacePattern.toUtf8() + "|"
               + QByteArray::number(env.canaryAllowed) + QByteArray::number(env.approvalRequired);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using gd::fuzz::printable;
    using gd::fuzz::require;
    static const int initialised = git_libgit2_init();
    Q_UNUSED(initialised);
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString path = u"/tmp/gitops-desk-fuzz/workspace.yaml"_s;
    const auto config = gd::ws::WorkspaceConfig::parse(text, path);
    if (!config.ok())
        return 0;
    const QByteArray report = "input: " + printable(text) + "\naccepted as: " + printable(summary(*config));

    require(isBranchName(config->branch), "an accepted workspace has a branch that is not a valid branch name", report);
    if (!config->templatesUrl.isEmpty())
        require(isBranchName(config->templatesBranch),
                "an accepted workspace has a templates branch that is not a valid branch name", report);
    static const QRegularExpression commit(u"^([0-9a-f]{40})?$"_s);
    require(commit.match(config->templatesCommit).hasMatch(), "an accepted templates commit is not 40 hex digits",
            report);
    require(!config->environments.empty(), "an accepted workspace has no environment", report);
    static const QRegularExpression dnsLabel(u"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"_s);
    QSet<QString> seen;
    for (const gd::ws::EnvironmentConfig &env : config->environments) {
        require(dnsLabel.match(env.name).hasMatch(), "an accepted environment name is not a DNS-1123 label", report);
        require(!seen.contains(env.name), "an accepted workspace lists an environment twice", report);
        seen.insert(env.name);
    }
    if (config->provider == gd::ws::WorkspaceConfig::ProviderType::Local)
        require(!config->localPath.isEmpty(), "an accepted local provider has no folder", report);
    else
        require(!config->gitlabUrl.isEmpty() && !config->gitlabGroup.isEmpty(),
                "an accepted GitLab provider has no URL or group", report);
    require(config->rollbackWindowMinutes > 0, "an accepted rollback window is not positive", report);

    const QByteArray written = config->toYaml();
    const auto reread = gd::ws::WorkspaceConfig::parse(written, path);
    require(reread.ok(), "what toYaml() writes of an accepted workspace is refused when read back",
            report + "\nwritten: " + printable(written) + "\nrefusal: "
                + (reread.ok() ? QByteArray() : reread.error().message.toUtf8()));
    require(summary(*reread) == summary(*config), "what toYaml() writes reads back to other values",
            report + "\nwritten: " + printable(written) + "\nread back: " + printable(summary(*reread)));
    return 0;
}
