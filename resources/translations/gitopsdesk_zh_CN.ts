<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReleaseText</name>
    <message>
        <source>The change would leave the overlay of %1 in %2 not building, so nothing was pushed. Fix what is named below and try again.</source>
        <translation>此更改会使 %1 在 %2 环境中的覆盖层无法构建，因此未推送任何内容。请修正下方列出的问题后再试。</translation>
    </message>
    <message>
        <source>The overlay of %1 in %2 did not build before this change either, and the change does not touch what is wrong, so nothing was pushed. Fix the overlay first, or confirm that the change goes onto a broken overlay (gitops-desk-cli: --allow-broken).</source>
        <translation>%1 在 %2 环境中的覆盖层在此更改之前就已无法构建，而此更改并未涉及出错之处，因此未推送任何内容。请先修复覆盖层，或确认要将此更改应用到已损坏的覆盖层上（gitops-desk-cli：--allow-broken）。</translation>
    </message>
</context>
<context>
    <name>gd::DiskProblem</name>
    <message>
        <source>No space left on the device that holds %1. Free some space there (local copies of repositories can be deleted safely) and try again.</source>
        <translation>存放 %1 的设备上没有剩余空间。请在该设备上释放一些空间（仓库的本地副本可以安全删除）后再试。</translation>
    </message>
    <message>
        <source>The folder %1 is not writable (%2). Make it writable for this user, or choose another folder, and try again.</source>
        <translation>文件夹 %1 不可写（%2）。请让当前用户可以写入该文件夹，或选择其他文件夹，然后再试。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder, so nothing can be stored there. It was left as it is (it may be yours): move it away or delete it, or choose another folder.</source>
        <translation>%1 是文件而不是文件夹，因此无法在其中存放任何内容。该文件保持原样（它可能是您的文件）：请将其移走或删除，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be made because %2 is a file, not a folder. It was left as it is (it may be yours): move it away or delete it, or choose another folder.</source>
        <translation>无法创建文件夹 %1，因为 %2 是文件而不是文件夹。该文件保持原样（它可能是您的文件）：请将其移走或删除，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>Files cannot be written in %1 (%2). Check the folder and the device, and try again.</source>
        <translation>无法在 %1 中写入文件（%2）。请检查该文件夹和所在设备后再试。</translation>
    </message>
    <message>
        <source>No space left on the device. Free some space there and try again.</source>
        <translation>设备上没有剩余空间。请在该设备上释放一些空间后再试。</translation>
    </message>
    <message>
        <source>A file or folder there is not writable (%1): check its permissions and the device.</source>
        <translation>该处的某个文件或文件夹不可写（%1）：请检查其权限和所在设备。</translation>
    </message>
</context>
<context>
    <name>gd::argo</name>
    <message>
        <source>Argo CD sent %1 that GitOps Desk cannot read.</source>
        <translation>Argo CD 发来了 GitOps Desk 无法读取的%1。</translation>
    </message>
    <message>
        <source>an application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>an application list</source>
        <translation>应用列表</translation>
    </message>
    <message>
        <source>a resource tree</source>
        <translation>资源树</translation>
    </message>
    <message>
        <source>a watch event</source>
        <translation>监听事件</translation>
    </message>
    <message>
        <source>Argo CD ended the live updates: %1 (%2).</source>
        <translation>Argo CD 结束了实时更新：%1（%2）。</translation>
    </message>
</context>
<context>
    <name>gd::argo::ArgoWatch</name>
    <message>
        <source>Connecting to Argo CD…</source>
        <translation>正在连接 Argo CD…</translation>
    </message>
    <message>
        <source>Live updates are off.</source>
        <translation>实时更新已关闭。</translation>
    </message>
</context>
<context>
    <name>gd::argo::Status</name>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Progressing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>已降级</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Out of sync</source>
        <translation>未同步</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>正在终止</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>gd::cli::CliApp</name>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>%1 takes a whole number from 1 to 1000.</source>
        <translation>%1 需要 1 到 1000 之间的整数。</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 需要一个值。</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;.</source>
        <translation>未知选项“%1”。</translation>
    </message>
    <message>
        <source>projects takes no arguments.</source>
        <translation>projects 不接受参数。</translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>SERVICES</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>services takes at most one project.</source>
        <translation>services 最多接受一个项目。</translation>
    </message>
    <message>
        <source>There is no project &quot;%1&quot; in this workspace.</source>
        <translation>此工作区中没有项目“%1”。</translation>
    </message>
    <message>
        <source>SERVICE</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>STAGE</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>GA TAG</source>
        <translation>GA 标签</translation>
    </message>
    <message>
        <source>CANARY TAG</source>
        <translation>金丝雀标签</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>%1: %2 error(s), %3 warning(s).</source>
        <translation>%1：%2 个错误，%3 个警告。</translation>
    </message>
    <message>
        <source>Use: demo init DIR [--projects N] [--services M] [--force].</source>
        <translation>用法：demo init DIR [--projects N] [--services M] [--force]。</translation>
    </message>
    <message>
        <source>Demo workspace created: %1</source>
        <translation>已创建演示工作区：%1</translation>
    </message>
    <message>
        <source>Run gitops-desk-cli --help for the commands.</source>
        <translation>运行 gitops-desk-cli --help 查看可用命令。</translation>
    </message>
    <message>
        <source>%1 needs PROJECT SERVICE ENV.</source>
        <translation>%1 需要参数 PROJECT SERVICE ENV。</translation>
    </message>
    <message>
        <source>The deployment repo of project &quot;%1&quot; has no branch %2 yet.</source>
        <translation>项目“%1”的部署仓库还没有分支 %2。</translation>
    </message>
    <message>
        <source>The workspace names no Argo CD server; add argocd.server to it.</source>
        <translation>工作区未指定 Argo CD 服务器；请在其中添加 argocd.server。</translation>
    </message>
    <message>
        <source>Run `argocd login`, or set ARGOCD_AUTH_TOKEN.</source>
        <translation>请运行 `argocd login`，或设置 ARGOCD_AUTH_TOKEN。</translation>
    </message>
    <message>
        <source>status takes at most one project.</source>
        <translation>status 最多接受一个项目。</translation>
    </message>
    <message>
        <source>APPLICATION</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>SYNC</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>HEALTH</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>OPERATION</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>REVISION</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Applications of other repos or paths: %1</source>
        <translation>属于其他仓库或路径的应用：%1</translation>
    </message>
    <message>
        <source>sync needs PROJECT SERVICE ENV.</source>
        <translation>sync 需要 项目 服务 环境 三个参数。</translation>
    </message>
    <message>
        <source>No Argo CD Application deploys %1 in %2 of project %3.</source>
        <translation>项目 %3 中没有 Argo CD 应用部署 %2 环境的 %1。</translation>
    </message>
    <message>
        <source>%1: sync %2, health %3, operation %4</source>
        <translation>%1：同步 %2，健康 %3，操作 %4</translation>
    </message>
    <message>
        <source>%1 is not a service environment folder (appsmanifests/SERVICE/ENV, with manifests/kustomization.yaml) nor its manifests folder.</source>
        <translation>%1 既不是服务环境文件夹（appsmanifests/服务/环境，含 manifests/kustomization.yaml），也不是其 manifests 文件夹。</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>workdir needs PROJECT.</source>
        <translation>workdir 需要参数 PROJECT。</translation>
    </message>
    <message numerus="yes">
        <source>Rendered manifests: %n resource(s) change.</source>
        <translation>
            <numerusform>渲染出的清单：%n 个资源有变化。</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflict: %1 changed on the remote since the working copy started from it.</source>
        <translation>冲突：自工作副本开始编辑以来，%1 已在远程仓库中被修改。</translation>
    </message>
    <message>
        <source>No changes to %1 in %2 in the working copy.</source>
        <translation>工作副本中没有对 %1 在 %2 环境的更改。</translation>
    </message>
    <message>
        <source>commit needs a message: -m MESSAGE.</source>
        <translation>commit 需要提交说明：-m MESSAGE。</translation>
    </message>
    <message numerus="yes">
        <source>Committed %1 and pushed to %2 (%n attempt(s)).</source>
        <translation>
            <numerusform>已提交 %1 并推送到 %2（尝试 %n 次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>GA</source>
        <translation>GA</translation>
    </message>
    <message>
        <source>no tag</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>The branch moved meanwhile; applying the change again on the new tip (attempt %1).</source>
        <translation>分支在此期间已有新提交；正在基于新的最新提交重新应用更改（第 %1 次尝试）。</translation>
    </message>
    <message>
        <source>Pushed commit %1 to %2.</source>
        <translation>已将提交 %1 推送到 %2。</translation>
    </message>
    <message>
        <source>Argo CD was not asked to sync (--no-sync); it notices the commit at its next poll, within about three minutes.</source>
        <translation>未请求 Argo CD 同步（--no-sync）；Argo CD 会在下一次轮询时（约三分钟内）发现该提交。</translation>
    </message>
    <message>
        <source>Refreshing and syncing the Argo CD Application %1.</source>
        <translation>正在刷新并同步 Argo CD 应用 %1。</translation>
    </message>
    <message>
        <source>release needs the new tag: --tag TAG.</source>
        <translation>release 需要新标签：--tag TAG。</translation>
    </message>
    <message>
        <source>--stage takes canary or ga, not &quot;%1&quot;.</source>
        <translation>--stage 只接受 canary 或 ga，而不是“%1”。</translation>
    </message>
    <message>
        <source>Releasing %1 %2 to the %3 stage in %4 (it runs %5 at commit %6).</source>
        <translation>正在将 %1 %2 发布到 %4 环境的 %3 阶段（该阶段在提交 %6 中运行的是 %5）。</translation>
    </message>
    <message>
        <source>%1 has no canary stage in %2, so there is nothing to promote; release to GA directly.</source>
        <translation>%1 在 %2 环境中没有金丝雀阶段，因此没有可晋升的内容；请直接发布到 GA。</translation>
    </message>
    <message>
        <source>Promoting %1 %2 from the canary to GA in %3 (GA runs %4).</source>
        <translation>正在 %3 中将 %1 %2 从金丝雀晋升为 GA（GA 当前运行 %4）。</translation>
    </message>
    <message>
        <source>%1 has no canary stage in %2, so there is no canary to abort.</source>
        <translation>%1 在 %2 环境中没有金丝雀阶段，因此没有可中止的金丝雀。</translation>
    </message>
    <message>
        <source>Aborting the canary %1 %2 in %3: reverting commit %4 puts the canary back on %5.</source>
        <translation>正在中止 %3 中的金丝雀 %1 %2：撤销提交 %4 会将金丝雀恢复为 %5。</translation>
    </message>
    <message>
        <source>rollback needs either --commit SHA or --last.</source>
        <translation>rollback 需要 --commit SHA 或 --last 之一。</translation>
    </message>
    <message>
        <source>--commit takes a commit id (4 to 40 hex digits), not &quot;%1&quot;.</source>
        <translation>--commit 需要提交 ID（4 到 40 位十六进制数字），而不是“%1”。</translation>
    </message>
    <message>
        <source>Commit %1 changed %2 in %3, not %4 in %5; check the commit id.</source>
        <translation>提交 %1 更改的是 %3 环境的 %2，而不是 %5 环境的 %4；请检查提交 ID。</translation>
    </message>
    <message>
        <source>To release it forward: gitops-desk-cli release %1 %2 %3 --tag %4 --stage %5</source>
        <translation>如需改为重新发布：gitops-desk-cli release %1 %2 %3 --tag %4 --stage %5</translation>
    </message>
    <message>
        <source>Rolling back %1 in %2: reverting commit %3 puts the %4 stage back on %5.</source>
        <translation>正在回滚 %2 环境的 %1：撤销提交 %3 会将 %4 阶段恢复为 %5。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; is not a whole number.</source>
        <translation>%1“%2”不是整数。</translation>
    </message>
    <message>
        <source>--set takes KEY=VALUE, not &quot;%1&quot;.</source>
        <translation>--set 的格式是 KEY=VALUE，而不是“%1”。</translation>
    </message>
    <message>
        <source>--set knows no key &quot;%1&quot;; use tag, canaryTag, namespace, cluster, selfHeal, branch, argocdProject, argocdNamespace, devopsNamespace or sourceRepo.</source>
        <translation>--set 不认识键“%1”；请使用 tag、canaryTag、namespace、cluster、selfHeal、branch、argocdProject、argocdNamespace、devopsNamespace 或 sourceRepo。</translation>
    </message>
    <message>
        <source>scaffold needs PROJECT SERVICE.</source>
        <translation>scaffold 需要 PROJECT SERVICE 参数。</translation>
    </message>
    <message>
        <source>scaffold needs --lang: the language template (go, java, nodejs, ...).</source>
        <translation>scaffold 需要 --lang：语言模板（go、java、nodejs 等）。</translation>
    </message>
    <message>
        <source>scaffold needs at least one --env: the environment to deploy to.</source>
        <translation>scaffold 至少需要一个 --env：要部署到的环境。</translation>
    </message>
    <message>
        <source>scaffold needs --image: the image repository, without a tag.</source>
        <translation>scaffold 需要 --image：镜像仓库地址，不带标签。</translation>
    </message>
    <message>
        <source>Choose either --replicas or --hpa, not both.</source>
        <translation>请在 --replicas 和 --hpa 中选择其一，不能同时使用。</translation>
    </message>
    <message>
        <source>The stage &quot;%1&quot; is not valid; choose canary (canary + GA) or ga (GA only).</source>
        <translation>阶段“%1”无效；请选择 canary（金丝雀 + GA）或 ga（仅 GA）。</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>replica count</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>Nothing to do: %1 already has exactly these files in %2.</source>
        <translation>无需操作：%1 在 %2 中已完全包含这些文件。</translation>
    </message>
    <message>
        <source>Files (%1):</source>
        <translation>文件（%1）：</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Rendered resources that change:</source>
        <translation>发生变化的渲染资源：</translation>
    </message>
    <message>
        <source>The rendered service does not validate, so nothing was committed.</source>
        <translation>渲染出的服务未通过校验，因此没有提交任何内容。</translation>
    </message>
    <message>
        <source>Nothing was committed; run again with --yes to commit.</source>
        <translation>没有提交任何内容；加上 --yes 再次运行即可提交。</translation>
    </message>
    <message>
        <source>The Argo CD Applications were not created (--no-sync).</source>
        <translation>未创建 Argo CD 应用（--no-sync）。</translation>
    </message>
    <message>
        <source>The Argo CD Application %1 could not be created or updated.</source>
        <translation>无法创建或更新 Argo CD 应用 %1。</translation>
    </message>
    <message>
        <source>Argo CD Application %1 is in place.</source>
        <translation>Argo CD 应用 %1 已就绪。</translation>
    </message>
    <message>
        <source>Templates: %1</source>
        <translation>模板：%1</translation>
    </message>
    <message>
        <source>The templates repository could not be fetched; using the files it had last time.</source>
        <translation>无法拉取模板仓库；使用其上次的文件。</translation>
    </message>
    <message>
        <source>The repository %1 does not exist yet; --yes creates it.</source>
        <translation>仓库 %1 尚不存在；使用 --yes 时会创建它。</translation>
    </message>
    <message>
        <source>Created the repository %1.</source>
        <translation>已创建仓库 %1。</translation>
    </message>
    <message>
        <source>Nothing could be read: no project of the workspace has a deployment repository that could be fetched or a cached copy of it.</source>
        <translation>无法读取任何内容：工作区中没有任何项目的部署仓库可以获取，也没有任何项目有部署仓库的缓存副本。</translation>
    </message>
    <message>
        <source>Commit %1 is pushed, but Argo CD has not synced it. Run `gitops-desk-cli sync %2 %3 %4` once Argo CD can be reached to finish the release.</source>
        <translation>提交 %1 已推送，但 Argo CD 尚未同步它。待可以连接 Argo CD 后，请运行 `gitops-desk-cli sync %2 %3 %4` 以完成发布。</translation>
    </message>
    <message>
        <source>%1 %2 already landed on the %3 stage in %4 (commit %5); nothing to push.</source>
        <translation>%1 %2 已发布到 %4 环境的 %3 阶段（提交 %5）；没有需要推送的内容。</translation>
    </message>
    <message>
        <source>Commit %1 is in Git, but the Argo CD Applications are not all in place; run the same command again once Argo CD can be reached: it commits nothing new and creates them.</source>
        <translation>提交 %1 已在 Git 中，但 Argo CD 应用尚未全部就绪；待可以连接 Argo CD 后，请再次运行同一命令：它不会提交任何新内容，只会创建这些应用。</translation>
    </message>
    <message>
        <source>Commit %1 is in Git, but Argo CD has not synced %2. Run `gitops-desk-cli sync %3 %4 %5 --wait` once Argo CD can be reached.</source>
        <translation>提交 %1 已在 Git 中，但 Argo CD 尚未同步 %2。待可以连接 Argo CD 后，请运行 `gitops-desk-cli sync %3 %4 %5 --wait`。</translation>
    </message>
</context>
<context>
    <name>gd::flows::ArgoSession</name>
    <message>
        <source>The workspace names no Argo CD server; add argocd.server to it.</source>
        <translation>工作区未指定 Argo CD 服务器；请在其中添加 argocd.server。</translation>
    </message>
    <message>
        <source>Log in to Argo CD at %1 to see live status.</source>
        <translation>请登录 %1 的 Argo CD 以查看实时状态。</translation>
    </message>
    <message>
        <source>Argo CD at %1 did not accept the token; log in again.</source>
        <translation>%1 的 Argo CD 不接受该令牌；请重新登录。</translation>
    </message>
</context>
<context>
    <name>gd::flows::JobQueue</name>
    <message>
        <source>The task was cancelled.</source>
        <translation>任务已取消。</translation>
    </message>
    <message>
        <source>The task stopped because of an internal error. Please report it.</source>
        <translation>任务因内部错误而停止，请报告此问题。</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>gd::flows::OverlayEditSession</name>
    <message>
        <source>Opening the working copy of %1</source>
        <translation>正在打开 %1 的工作副本</translation>
    </message>
    <message>
        <source>%1 in the working copy cannot be read.</source>
        <translation>无法读取工作副本中的 %1。</translation>
    </message>
    <message>
        <source>Open %1 in %2 for editing</source>
        <translation>打开 %1 在 %2 环境的清单以进行编辑</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>保存 %1</translation>
    </message>
    <message>
        <source>Review changes to %1 in %2</source>
        <translation>审阅 %1 在 %2 环境的更改</translation>
    </message>
    <message>
        <source>Fetching %1 and building both overlays</source>
        <translation>正在获取 %1 并构建修改前后的覆盖层</translation>
    </message>
    <message>
        <source>Commit and push %1 in %2</source>
        <translation>提交并推送 %1 在 %2 环境的更改</translation>
    </message>
    <message>
        <source>Waiting for other work on %1</source>
        <translation>正在等待 %1 上的其他任务完成</translation>
    </message>
    <message>
        <source>Attempt %1: %2</source>
        <translation>第 %1 次尝试：%2</translation>
    </message>
    <message>
        <source>Committed %1 and pushed it to %2.</source>
        <translation>已提交 %1 并推送到 %2。</translation>
    </message>
    <message>
        <source>Start %1 again from the remote version</source>
        <translation>从远程版本重新开始编辑 %1</translation>
    </message>
</context>
<context>
    <name>gd::flows::ReleaseFlow</name>
    <message>
        <source>Promote %1 %2 to GA in %3</source>
        <translation>在 %3 中将 %1 %2 晋升为 GA</translation>
    </message>
    <message>
        <source>Abort the canary of %1 in %2</source>
        <translation>中止 %2 中 %1 的金丝雀</translation>
    </message>
    <message>
        <source>Roll back %1 in %2 (commit %3)</source>
        <translation>在 %2 中回滚 %1（提交 %3）</translation>
    </message>
    <message>
        <source>Release %1 %2 to %3 (canary)</source>
        <translation>发布 %1 %2 到 %3（金丝雀）</translation>
    </message>
    <message>
        <source>Release %1 %2 to %3</source>
        <translation>发布 %1 %2 到 %3</translation>
    </message>
    <message>
        <source>Committing and pushing…</source>
        <translation>正在提交并推送…</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>正在获取 %1</translation>
    </message>
    <message>
        <source>Attempt %1: %2</source>
        <translation>第 %1 次尝试：%2</translation>
    </message>
    <message numerus="yes">
        <source>Pushed after %n attempt(s).</source>
        <translation>
            <numerusform>尝试 %n 次后已推送。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: pushed as %2. No Argo CD server is connected, so nothing was synced.</source>
        <translation>%1：已推送为 %2。未连接 Argo CD 服务器，因此未进行同步。</translation>
    </message>
    <message>
        <source>%1: pushed as %2. No Argo CD Application deploys %3 in %4, so nothing was synced.</source>
        <translation>%1：已推送为 %2。没有 Argo CD 应用部署 %4 环境的 %3，因此未进行同步。</translation>
    </message>
    <message>
        <source>Refreshing and syncing %1…</source>
        <translation>正在刷新并同步 %1…</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>Sync and follow %1</source>
        <translation>同步并跟踪 %1</translation>
    </message>
    <message>
        <source>%1: pushed as %2; no longer following %3 (Argo CD goes on syncing it).</source>
        <translation>%1：已推送为 %2；不再跟踪 %3（Argo CD 会继续同步）。</translation>
    </message>
</context>
<context>
    <name>gd::flows::RepoAccess</name>
    <message>
        <source>Sign in to GitLab at %1: no keychain can be reached here, so set %2 to an access token.</source>
        <translation>请登录 %1 上的 GitLab：此处无法访问系统钥匙串，请将 %2 设置为访问令牌。</translation>
    </message>
    <message>
        <source>Sign in to GitLab at %1: no access token is stored for it yet.</source>
        <translation>请登录 %1 上的 GitLab：尚未为其保存访问令牌。</translation>
    </message>
    <message>
        <source>Sign in to GitLab at %1: no access token could be read from the system keychain; enter one, or set %2.</source>
        <translation>请登录 %1 上的 GitLab：无法从系统钥匙串读取访问令牌；请输入一个，或设置 %2。</translation>
    </message>
</context>
<context>
    <name>gd::flows::ScaffoldFlow</name>
    <message>
        <source>New service %1 in %2</source>
        <translation>在 %2 中新建服务 %1</translation>
    </message>
    <message>
        <source>Committing and pushing…</source>
        <translation>正在提交并推送…</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>正在获取 %1</translation>
    </message>
    <message>
        <source>Attempt %1: %2</source>
        <translation>第 %1 次尝试：%2</translation>
    </message>
    <message>
        <source>no file needed to change</source>
        <translation>没有文件需要更改</translation>
    </message>
    <message>
        <source>The deployment repo already has exactly these files.</source>
        <translation>部署仓库中已经是完全相同的这些文件。</translation>
    </message>
    <message>
        <source>pushed as %1</source>
        <translation>已推送为 %1</translation>
    </message>
    <message numerus="yes">
        <source>Pushed after %n attempt(s).</source>
        <translation>
            <numerusform>尝试 %n 次后已推送。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2. No Argo CD server is connected, so the Applications were not created; run the wizard again for this service once Argo CD can be reached.</source>
        <translation>%1：%2。未连接 Argo CD 服务器，因此没有创建应用；待 Argo CD 可访问后，请为此服务再次运行向导。</translation>
    </message>
    <message>
        <source>Argo CD Applications of %1</source>
        <translation>%1 的 Argo CD 应用</translation>
    </message>
    <message>
        <source>%1: %2, but the Argo CD connection closed before every Application was created; run the wizard again for this service.</source>
        <translation>%1：%2，但在所有应用创建完成之前 Argo CD 连接已关闭；请为此服务再次运行向导。</translation>
    </message>
    <message>
        <source>Creating or updating the Argo CD Application %1…</source>
        <translation>正在创建或更新 Argo CD 应用 %1…</translation>
    </message>
    <message>
        <source>%1: %2, but the Argo CD Application %3 could not be created or updated: %4 Run the wizard again for this service to retry.</source>
        <translation>%1：%2，但无法创建或更新 Argo CD 应用 %3：%4 请为此服务再次运行向导以重试。</translation>
    </message>
    <message>
        <source>Argo CD Application %1 is in place.</source>
        <translation>Argo CD 应用 %1 已就绪。</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>%1: %2 and the Applications are in place; no longer following their health.</source>
        <translation>%1：%2，应用已就绪；不再跟踪其健康状态。</translation>
    </message>
    <message>
        <source>%1: %2; both Argo CD Applications of %3 are in place and the service is Healthy.</source>
        <translation>%1：%2；%3 的两个 Argo CD 应用均已就绪，服务状态为健康。</translation>
    </message>
    <message>
        <source>%1: %2 and the Applications are in place, but: %3</source>
        <translation>%1：%2，应用已就绪，但是：%3</translation>
    </message>
</context>
<context>
    <name>gd::flows::SyncAndWait</name>
    <message>
        <source>Argo CD accepted the sync of %1.</source>
        <translation>Argo CD 已接受 %1 的同步。</translation>
    </message>
    <message>
        <source>%1 did not become healthy in time; check it in Argo CD.</source>
        <translation>%1 未能按时变为健康；请在 Argo CD 中查看。</translation>
    </message>
    <message>
        <source>The sync of %1 failed: %2</source>
        <translation>%1 同步失败：%2</translation>
    </message>
    <message>
        <source>%1 is synced and healthy.</source>
        <translation>%1 已同步且健康。</translation>
    </message>
    <message>
        <source>%1 is Degraded: %2</source>
        <translation>%1 已降级：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n s so far) …</source>
        <translation>
            <numerusform>%1（已等待 %n 秒）…</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for Argo CD to refresh %1</source>
        <translation>正在等待 Argo CD 刷新 %1</translation>
    </message>
    <message>
        <source>Waiting for Argo CD to accept the sync of %1</source>
        <translation>正在等待 Argo CD 接受 %1 的同步</translation>
    </message>
    <message>
        <source>Waiting for %1 to be synced and healthy</source>
        <translation>正在等待 %1 同步完成并变为健康</translation>
    </message>
</context>
<context>
    <name>gd::flows::WorkspaceLoad</name>
    <message>
        <source>Reading the manifest files was cancelled.</source>
        <translation>读取清单文件已取消。</translation>
    </message>
    <message>
        <source>Loading the workspace was cancelled.</source>
        <translation>加载工作区已取消。</translation>
    </message>
    <message>
        <source>Fetching the deployment repositories</source>
        <translation>正在获取部署仓库</translation>
    </message>
    <message>
        <source>Reading the deployment repositories</source>
        <translation>正在读取部署仓库</translation>
    </message>
    <message>
        <source>The deployment repository of project %1 has no branch %2 yet. Refresh the workspace, or check the branch in the workspace file.</source>
        <translation>项目 %1 的部署仓库还没有分支 %2。请刷新工作区，或检查工作区文件中的分支设置。</translation>
    </message>
    <message>
        <source>%1 is no longer in the repository. Refresh the workspace.</source>
        <translation>%1 已不在仓库中。请刷新工作区。</translation>
    </message>
</context>
<context>
    <name>gd::git::History</name>
    <message>
        <source>The object database of the repository could not be opened.</source>
        <translation>无法打开仓库的对象数据库。</translation>
    </message>
    <message>
        <source>The history could not be read: the local copy of the repository is missing objects. Delete the local cache of this repository to fetch it again.</source>
        <translation>无法读取历史：仓库的本地副本缺少对象。请删除此仓库的本地缓存以重新获取。</translation>
    </message>
    <message>
        <source>The path &quot;%1&quot; is not a valid repository path.</source>
        <translation>路径“%1”不是有效的仓库路径。</translation>
    </message>
    <message>
        <source>The history of the repository could not be read.</source>
        <translation>无法读取仓库的历史。</translation>
    </message>
    <message>
        <source>The object folder of the repository could not be found.</source>
        <translation>找不到仓库的对象文件夹。</translation>
    </message>
    <message>
        <source>The references of the repository could not be read.</source>
        <translation>无法读取仓库的引用。</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The commit-graph file of the repository could not be written. History still works, only slower.</source>
        <translation>无法写入仓库的 commit-graph 文件。历史仍可读取，只是速度较慢。</translation>
    </message>
</context>
<context>
    <name>gd::git::PushLoop</name>
    <message>
        <source>The change was cancelled before it reached the remote.</source>
        <translation>更改在到达远程仓库之前已被取消。</translation>
    </message>
    <message>
        <source>There is no change to push.</source>
        <translation>没有需要推送的更改。</translation>
    </message>
    <message>
        <source>Fetching %1 from the remote…</source>
        <translation>正在从远程仓库获取 %1…</translation>
    </message>
    <message>
        <source>Preparing the first commit of %1…</source>
        <translation>正在准备 %1 的第一个提交…</translation>
    </message>
    <message>
        <source>Applying the change on top of %1…</source>
        <translation>正在将更改应用到 %1 之上…</translation>
    </message>
    <message>
        <source>Pushing commit %1…</source>
        <translation>正在推送提交 %1…</translation>
    </message>
    <message>
        <source>Commit %1 is on %2.</source>
        <translation>提交 %1 已在 %2 上。</translation>
    </message>
    <message>
        <source>Someone else pushed first; trying again on the new tip…</source>
        <translation>其他人先推送了；正在基于新的最新提交重试…</translation>
    </message>
    <message>
        <source>The change could not be pushed: the branch %1 kept moving during %2 attempts. Try again in a moment.</source>
        <translation>无法推送更改：在 %2 次尝试中分支 %1 一直在变化。请稍后再试。</translation>
    </message>
    <message>
        <source>The branch is locked on the server; trying again…</source>
        <translation>服务器上的分支已被锁定；正在重试…</translation>
    </message>
</context>
<context>
    <name>gd::git::Remote</name>
    <message>
        <source>The transfer with %1 was cancelled.</source>
        <translation>与 %1 的传输已取消。</translation>
    </message>
    <message>
        <source>%1 did not accept the credentials. Check the user name and token, or the SSH key, in the settings for this server.</source>
        <translation>%1 未接受凭据。请在此服务器的设置中检查用户名和令牌，或 SSH 密钥。</translation>
    </message>
    <message>
        <source>%1 refused the push because the branch moved on meanwhile. Fetch and try again.</source>
        <translation>%1 拒绝了推送，因为分支在此期间已有新提交。请重新获取后再试。</translation>
    </message>
    <message>
        <source>%1 could not be reached. Check the URL and the network connection.</source>
        <translation>无法连接 %1。请检查 URL 和网络连接。</translation>
    </message>
    <message>
        <source>Cloning %1 failed.</source>
        <translation>克隆 %1 失败。</translation>
    </message>
    <message>
        <source>Fetching from %1 failed.</source>
        <translation>从 %1 获取失败。</translation>
    </message>
    <message>
        <source>Pushing to %1 failed.</source>
        <translation>推送到 %1 失败。</translation>
    </message>
    <message>
        <source>%1 refused the update of branch %2 because it moved on meanwhile. Fetch and try again.</source>
        <translation>%1 拒绝更新分支 %2，因为它在此期间已有新提交。请重新获取后再试。</translation>
    </message>
    <message>
        <source>No git repository could be opened at %1.</source>
        <translation>无法在 %1 打开 Git 仓库。</translation>
    </message>
    <message>
        <source>%1 is not a bare repository; pushes on this machine go into bare repositories only.</source>
        <translation>%1 不是裸仓库；在本机上只能推送到裸仓库。</translation>
    </message>
    <message>
        <source>Branch %1 of %2 could not be read.</source>
        <translation>无法读取 %2 的分支 %1。</translation>
    </message>
    <message>
        <source>The local object database could not be opened.</source>
        <translation>无法打开本地对象数据库。</translation>
    </message>
    <message>
        <source>The history of commit %1 could not be checked.</source>
        <translation>无法检查提交 %1 的历史。</translation>
    </message>
    <message>
        <source>The objects to push could not be collected.</source>
        <translation>无法收集要推送的对象。</translation>
    </message>
    <message>
        <source>The object folder of %1 could not be found.</source>
        <translation>找不到 %1 的对象文件夹。</translation>
    </message>
    <message>
        <source>The new objects could not be written into %1.</source>
        <translation>无法将新对象写入 %1。</translation>
    </message>
    <message>
        <source>Branch %1 of %2 could not be updated.</source>
        <translation>无法更新 %2 的分支 %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid branch name.</source>
        <translation>“%1”不是有效的分支名称。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable remote URL.</source>
        <translation>“%1”不是可用的远程 URL。</translation>
    </message>
    <message>
        <source>The branches of %1 could not be listed.</source>
        <translation>无法列出 %1 的分支。</translation>
    </message>
    <message>
        <source>%1 has no branch %2 yet.</source>
        <translation>%1 还没有分支 %2。</translation>
    </message>
    <message>
        <source>Commit %1 is not in the local copy, so it cannot be pushed.</source>
        <translation>提交 %1 不在本地副本中，因此无法推送。</translation>
    </message>
    <message>
        <source>The commit to push could not be prepared.</source>
        <translation>无法准备要推送的提交。</translation>
    </message>
    <message>
        <source>A git lock file is held, so the transfer with %1 stopped: %2. If no other git process is running, remove that lock file and try again.</source>
        <translation>一个 git 锁文件被占用，与 %1 的传输已停止：%2。如果没有其他 git 进程在运行，请删除该锁文件后重试。</translation>
    </message>
    <message>
        <source>the lock is not a regular file</source>
        <translation>该锁不是普通文件</translation>
    </message>
    <message>
        <source>Removed the lock file %1, left by a push that was killed %2 seconds ago; no push is running now.</source>
        <translation>已删除锁文件 %1，它由 %2 秒前被终止的一次推送留下；现在没有正在进行的推送。</translation>
    </message>
    <message>
        <source>it could not be removed</source>
        <translation>无法删除它</translation>
    </message>
    <message>
        <source>another git process has kept updating the branch for %1 seconds</source>
        <translation>另一个 git 进程已持续更新该分支 %1 秒</translation>
    </message>
    <message>
        <source>Branch %1 of %2 is locked by the file %3 (%4). If no git process is using %2 any more, remove %3 manually and try again.</source>
        <translation>%2 的分支 %1 被文件 %3 锁定（%4）。如果已没有 git 进程在使用 %2，请手动删除 %3 后重试。</translation>
    </message>
    <message>
        <source>%1 is being pushed into by %2 for more than %3 seconds. Try again when it is done; if that process hangs, end it.</source>
        <translation>%2 向 %1 推送已超过 %3 秒。请在其完成后重试；如果该进程卡住，请结束它。</translation>
    </message>
    <message>
        <source>%1 could not lock branch %2: its lock file %3 is held on the server. If this keeps happening, the server&apos;s administrator must check that no git process is running there and remove that file.</source>
        <translation>%1 无法锁定分支 %2：服务器上的锁文件 %3 被占用。如果反复出现，服务器管理员须确认那里没有 git 进程在运行，并删除该文件。</translation>
    </message>
</context>
<context>
    <name>gd::git::RepoCache</name>
    <message>
        <source>The damaged local copy at %1 could not be removed. Delete it by hand.</source>
        <translation>无法删除位于 %1 的已损坏本地副本，请手动删除。</translation>
    </message>
    <message>
        <source>The cache folder %1 cannot be created. Check the permissions.</source>
        <translation>无法创建缓存文件夹 %1，请检查权限。</translation>
    </message>
    <message>
        <source>The local copy could not be moved to %1.</source>
        <translation>无法将本地副本移动到 %1。</translation>
    </message>
    <message>
        <source>process %1 (%2) on host %3</source>
        <translation>主机 %3 上的进程 %1（%2）</translation>
    </message>
    <message>
        <source>program unknown</source>
        <translation>程序未知</translation>
    </message>
    <message numerus="yes">
        <source>an owner that cannot be read from the lock file (%n byte(s) in it)</source>
        <translation>
            <numerusform>无法从锁文件中读出的持有者（锁文件中有 %n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>another operation of this program on the same repository</source>
        <translation>本程序对同一仓库的另一项操作</translation>
    </message>
    <message>
        <source>%1 (lock file %2)</source>
        <translation>%1（锁文件 %2）</translation>
    </message>
    <message>
        <source>The lock file %1 cannot be created. Check that %2 is a writable folder with free space.</source>
        <translation>无法创建锁文件 %1。请检查 %2 是否为可写且有剩余空间的文件夹。</translation>
    </message>
    <message>
        <source>The local copy of %1 has been locked by %2 for more than %3 seconds. Try again when it is done; if that process hangs, end it: its lock is taken over once it has ended.</source>
        <translation>%1 的本地副本已被 %2 锁定超过 %3 秒。请在其完成后重试；如果该进程卡住，请结束它：进程结束后其锁会被接管。</translation>
    </message>
</context>
<context>
    <name>gd::git::Repository</name>
    <message>
        <source>No git repository could be opened at %1.</source>
        <translation>无法在 %1 打开 Git 仓库。</translation>
    </message>
    <message>
        <source>A new repository could not be created at %1. Check the path and permissions.</source>
        <translation>无法在 %1 创建新仓库，请检查路径和权限。</translation>
    </message>
    <message>
        <source>The revision %1 does not exist in the repository.</source>
        <translation>仓库中不存在修订 %1。</translation>
    </message>
    <message>
        <source>The revision %1 does not name a commit.</source>
        <translation>修订 %1 不是一个提交。</translation>
    </message>
    <message>
        <source>The path &quot;%1&quot; is not a valid repository path.</source>
        <translation>路径“%1”不是有效的仓库路径。</translation>
    </message>
    <message>
        <source>There is no file %1 in commit %2.</source>
        <translation>提交 %2 中没有文件 %1。</translation>
    </message>
    <message>
        <source>%1 in commit %2 is a folder, not a file.</source>
        <translation>提交 %2 中的 %1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>There is nothing at %1 in commit %2.</source>
        <translation>提交 %2 中的 %1 处没有任何内容。</translation>
    </message>
    <message>
        <source>The files of commit %1 cannot be read.</source>
        <translation>无法读取提交 %1 的文件。</translation>
    </message>
    <message>
        <source>An empty tree could not be prepared.</source>
        <translation>无法准备空目录树。</translation>
    </message>
    <message>
        <source>An empty tree could not be written.</source>
        <translation>无法写入空目录树。</translation>
    </message>
    <message>
        <source>An empty tree could not be read back.</source>
        <translation>无法读回空目录树。</translation>
    </message>
    <message>
        <source>The new content of %1 could not be stored.</source>
        <translation>无法保存 %1 的新内容。</translation>
    </message>
    <message>
        <source>The file %1 could not be looked up.</source>
        <translation>无法查找文件 %1。</translation>
    </message>
    <message>
        <source>The changed files could not be assembled into a commit (a file may stand where a folder is expected).</source>
        <translation>无法将更改的文件组装成提交（可能有文件位于本应是文件夹的位置）。</translation>
    </message>
    <message>
        <source>The change makes no difference to the files in Git, so there is nothing to commit.</source>
        <translation>此更改不会改变 Git 中的文件，因此没有可提交的内容。</translation>
    </message>
    <message>
        <source>The new tree could not be read back.</source>
        <translation>无法读回新的目录树。</translation>
    </message>
    <message>
        <source>The commit message could not be prepared.</source>
        <translation>无法准备提交说明。</translation>
    </message>
    <message>
        <source>A commit needs a message.</source>
        <translation>提交需要填写说明。</translation>
    </message>
    <message>
        <source>The commit could not be written.</source>
        <translation>无法写入提交。</translation>
    </message>
    <message>
        <source>%1 moved while the commit was being made, so it was not updated. Reload and try again.</source>
        <translation>创建提交期间 %1 已发生变化，因此未更新。请重新加载后再试。</translation>
    </message>
    <message>
        <source>%1 could not be updated to the new commit.</source>
        <translation>无法将 %1 更新到新提交。</translation>
    </message>
    <message>
        <source>The reference %1 could not be set to %2.</source>
        <translation>无法将引用 %1 设置为 %2。</translation>
    </message>
    <message>
        <source>Commit %1 is the first commit of the repository and cannot be reverted.</source>
        <translation>提交 %1 是仓库的第一个提交，无法撤销。</translation>
    </message>
    <message>
        <source>Commit %1 could not be reverted.</source>
        <translation>无法撤销提交 %1。</translation>
    </message>
    <message>
        <source>Reverting commit %1 conflicts with later changes to the same lines, so it cannot be undone automatically. Release the previous version forward instead.</source>
        <translation>撤销提交 %1 会与之后对相同行的修改冲突，因此无法自动撤销。请改为重新发布之前的版本。</translation>
    </message>
    <message>
        <source>Conflicting files: %1</source>
        <translation>冲突的文件：%1</translation>
    </message>
    <message>
        <source>The result of reverting commit %1 could not be stored.</source>
        <translation>无法保存撤销提交 %1 的结果。</translation>
    </message>
    <message>
        <source>The result of reverting commit %1 could not be read.</source>
        <translation>无法读取撤销提交 %1 的结果。</translation>
    </message>
    <message>
        <source>The files changed by the revert could not be listed.</source>
        <translation>无法列出撤销所更改的文件。</translation>
    </message>
    <message>
        <source>No commit was given.</source>
        <translation>未指定提交。</translation>
    </message>
    <message>
        <source>The commit %1 is not in the local copy of the repository. Fetch again and retry.</source>
        <translation>提交 %1 不在仓库的本地副本中。请重新获取后重试。</translation>
    </message>
    <message>
        <source>There is no folder %1 in commit %2.</source>
        <translation>提交 %2 中没有文件夹 %1。</translation>
    </message>
    <message>
        <source>%1 in commit %2 is a file, not a folder.</source>
        <translation>提交 %2 中的 %1 是文件，不是文件夹。</translation>
    </message>
    <message>
        <source>The folder %1 of commit %2 cannot be read.</source>
        <translation>无法读取提交 %2 的文件夹 %1。</translation>
    </message>
    <message>
        <source>The content of %1 cannot be read.</source>
        <translation>无法读取 %1 的内容。</translation>
    </message>
    <message>
        <source>The commit %1 &quot;%2 &lt;%3&gt;&quot; is not valid: a name is required and neither part may contain angle brackets.</source>
        <translation>提交%1“%2 &lt;%3&gt;”无效：必须填写名称，且两部分都不能包含尖括号。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Check the disk space and permissions.</source>
        <translation>无法创建文件夹 %1。请检查磁盘空间和权限。</translation>
    </message>
    <message>
        <source>The repository holds an unsafe file name below %1; nothing more was extracted.</source>
        <translation>仓库在 %1 下包含不安全的文件名；已停止提取。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be read.</source>
        <translation>无法读取文件夹 %1。</translation>
    </message>
    <message>
        <source>The file %1 cannot be written. Check the disk space and permissions.</source>
        <translation>无法写入文件 %1。请检查磁盘空间和权限。</translation>
    </message>
    <message>
        <source>Reading the files was cancelled.</source>
        <translation>读取文件已取消。</translation>
    </message>
</context>
<context>
    <name>gd::git::WorkingClone</name>
    <message>
        <source>The path &quot;%1&quot; is not a valid file path inside the repository. Use a relative path with &apos;/&apos; between folders, without &quot;..&quot; and outside .git.</source>
        <translation>路径“%1”不是仓库内的有效文件路径。请使用以“/”分隔文件夹的相对路径，不能包含“..”，也不能位于 .git 中。</translation>
    </message>
    <message>
        <source>The commit %1 is not in the working copy. Fetch again and retry.</source>
        <translation>提交 %1 不在工作副本中。请重新获取后重试。</translation>
    </message>
    <message>
        <source>The files of commit %1 cannot be read.</source>
        <translation>无法读取提交 %1 的文件。</translation>
    </message>
    <message>
        <source>The folder %1 of commit %2 cannot be read.</source>
        <translation>无法读取提交 %2 的文件夹 %1。</translation>
    </message>
    <message>
        <source>The files of commit %1 cannot be listed.</source>
        <translation>无法列出提交 %1 的文件。</translation>
    </message>
    <message>
        <source>The committed content of %1 cannot be read.</source>
        <translation>无法读取 %1 已提交的内容。</translation>
    </message>
    <message>
        <source>A file could not be compared with the repository.</source>
        <translation>无法将文件与仓库进行比较。</translation>
    </message>
    <message>
        <source>The draft file %1 cannot be read. Check its permissions.</source>
        <translation>无法读取草稿文件 %1。请检查其权限。</translation>
    </message>
    <message>
        <source>%1 leads through a symbolic link in the working copy; this tool does not write through links. Replace the link with a real folder or file.</source>
        <translation>%1 的路径经过工作副本中的符号链接；本工具不会通过链接写入。请将该链接替换为真实的文件夹或文件。</translation>
    </message>
    <message>
        <source>The folder for %1 cannot be created. Check the disk space and permissions, and that no file has the folder&apos;s name.</source>
        <translation>无法为 %1 创建文件夹。请检查磁盘空间和权限，并确认没有与该文件夹同名的文件。</translation>
    </message>
    <message>
        <source>The draft file %1 cannot be written. Check the disk space and permissions.</source>
        <translation>无法写入草稿文件 %1。请检查磁盘空间和权限。</translation>
    </message>
    <message>
        <source>%1 is a folder in the working copy, not a file.</source>
        <translation>%1 在工作副本中是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>The draft file %1 cannot be removed. Check its permissions.</source>
        <translation>无法删除草稿文件 %1。请检查其权限。</translation>
    </message>
    <message>
        <source>The settings of the working copy at %1 cannot be opened.</source>
        <translation>无法打开位于 %1 的工作副本的设置。</translation>
    </message>
    <message>
        <source>The settings of the working copy at %1 cannot be written.</source>
        <translation>无法写入位于 %1 的工作副本的设置。</translation>
    </message>
    <message>
        <source>The folder %1 already holds something that is not a working copy of %2. Move it away or choose another folder.</source>
        <translation>文件夹 %1 中已有内容，且不是 %2 的工作副本。请将其移走或选择其他文件夹。</translation>
    </message>
    <message>
        <source>The working copy at %1 is not on branch %2. Switch it back to %2 with git, or remove the folder to clone again.</source>
        <translation>位于 %1 的工作副本不在分支 %2 上。请用 git 将其切换回 %2，或删除该文件夹以重新克隆。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid branch name.</source>
        <translation>“%1”不是有效的分支名称。</translation>
    </message>
    <message>
        <source>A working copy needs both a folder and a repository URL.</source>
        <translation>工作副本需要同时指定文件夹和仓库 URL。</translation>
    </message>
    <message>
        <source>%1 is a file, so no working copy can be made there. Move it away or choose another folder.</source>
        <translation>%1 是文件，无法在此创建工作副本。请将其移走或选择其他文件夹。</translation>
    </message>
    <message>
        <source>A working copy could not be created at %1. Check the path and permissions.</source>
        <translation>无法在 %1 创建工作副本。请检查路径和权限。</translation>
    </message>
    <message>
        <source>There is no draft file %1.</source>
        <translation>没有草稿文件 %1。</translation>
    </message>
    <message>
        <source>No commit was given to update the working copy to.</source>
        <translation>未指定要将工作副本更新到的提交。</translation>
    </message>
    <message>
        <source>Commit %1 holds a file name that is not safe to write; the working copy was left as it was.</source>
        <translation>提交 %1 包含无法安全写入的文件名；工作副本保持原样。</translation>
    </message>
    <message numerus="yes">
        <source>%n draft file(s) you changed were also changed in Git meanwhile (commit %1). Nothing was updated. Save your version elsewhere and discard it, then update again.</source>
        <translation>
            <numerusform>有 %n 个已修改的草稿文件在此期间也在 Git 中被修改了（提交 %1）。未做任何更新。请将本地版本另存到别处并丢弃，然后重新更新。</numerusform>
        </translation>
    </message>
    <message>
        <source>The branch %1 of the working copy could not be moved to commit %2.</source>
        <translation>无法将工作副本的分支 %1 移动到提交 %2。</translation>
    </message>
    <message>
        <source>The working copy could not be switched to branch %1.</source>
        <translation>无法将工作副本切换到分支 %1。</translation>
    </message>
    <message>
        <source>The index of the working copy cannot be opened.</source>
        <translation>无法打开工作副本的索引。</translation>
    </message>
    <message>
        <source>The index of the working copy could not be updated. Run `git status` in %1 to check it.</source>
        <translation>无法更新工作副本的索引。请在 %1 中运行 `git status` 进行检查。</translation>
    </message>
    <message>
        <source>The working copy at %1 has no usable HEAD, and it could not be repaired. Remove the folder to clone again.</source>
        <translation>位于 %1 的工作副本没有可用的 HEAD，且无法修复。请删除该文件夹以重新克隆。</translation>
    </message>
    <message>
        <source>HEAD was put back on branch %1.</source>
        <translation>HEAD 已重新指向分支 %1。</translation>
    </message>
    <message>
        <source>The remote of the working copy at %1 could not be set to %2.</source>
        <translation>无法将位于 %1 的工作副本的远程仓库设置为 %2。</translation>
    </message>
    <message>
        <source>Its remote origin was set to %1.</source>
        <translation>其远程仓库 origin 已设置为 %1。</translation>
    </message>
    <message>
        <source>The files of HEAD in the working copy at %1 cannot be read.</source>
        <translation>无法读取位于 %1 的工作副本中 HEAD 的文件。</translation>
    </message>
    <message>
        <source>The broken working copy at %1 could not be removed. Remove it by hand.</source>
        <translation>无法删除位于 %1 的已损坏工作副本。请手动删除。</translation>
    </message>
    <message>
        <source>It held no files of yours and was removed.</source>
        <translation>其中没有您的文件，已将其删除。</translation>
    </message>
    <message>
        <source>The broken working copy at %1 could not be moved aside to %2. Move it away by hand.</source>
        <translation>无法将位于 %1 的已损坏工作副本移至 %2 暂存。请手动将其移走。</translation>
    </message>
    <message>
        <source>Its files were moved to %1: copy what you still need from there.</source>
        <translation>其文件已移至 %1：请从那里复制您仍需要的内容。</translation>
    </message>
    <message>
        <source>The working copy at %1 was broken (%2) and was made again.</source>
        <translation>位于 %1 的工作副本已损坏（%2），已重新创建。</translation>
    </message>
    <message>
        <source>The working copy at %1 was never finished (no commit is checked out), and %2 could not be fetched to finish it. %3</source>
        <translation>位于 %1 的工作副本从未创建完成（未检出任何提交），且无法获取 %2 来完成创建。%3</translation>
    </message>
    <message>
        <source>The working copy at %1 was never finished and held files that differ from %2; it was made again.</source>
        <translation>位于 %1 的工作副本从未创建完成，且其中的文件与 %2 不同；已重新创建。</translation>
    </message>
    <message>
        <source>It had no commit checked out; commit %1 of %2 now is.</source>
        <translation>其中原本未检出任何提交；现已检出 %2 的提交 %1。</translation>
    </message>
    <message>
        <source>Its index did not match HEAD and was rebuilt; your changed files were kept.</source>
        <translation>其索引与 HEAD 不一致，已重建；您修改过的文件均已保留。</translation>
    </message>
    <message>
        <source>The working copy at %1 was left unfinished and was repaired.</source>
        <translation>位于 %1 的工作副本处于未完成状态，已修复。</translation>
    </message>
    <message>
        <source>The new working copy could not be moved into place at %1.</source>
        <translation>无法将新的工作副本移动到 %1。</translation>
    </message>
</context>
<context>
    <name>gd::manifest</name>
    <message>
        <source>The images entry could not be located in the text; nothing was changed.</source>
        <translation>无法在文本中定位 images 条目；未做任何更改。</translation>
    </message>
    <message>
        <source>A quoted value in the images list is never closed; fix the file first.</source>
        <translation>images 列表中的带引号值没有闭合；请先修正文件。</translation>
    </message>
    <message>
        <source>A value in the images list could not be located exactly; nothing was changed.</source>
        <translation>无法精确定位 images 列表中的值；未做任何更改。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; in the images list spans several lines; write it on one line and try again.</source>
        <translation>images 列表中“%1”的值跨越多行；请写在一行后再试。</translation>
    </message>
    <message>
        <source>The images list could not be located in the text; nothing was changed.</source>
        <translation>无法在文本中定位 images 列表；未做任何更改。</translation>
    </message>
    <message>
        <source>The images field could not be located in the text; nothing was changed.</source>
        <translation>无法在文本中定位 images 字段；未做任何更改。</translation>
    </message>
    <message>
        <source>The file holds no kustomization: it is empty or not a mapping of fields to values.</source>
        <translation>文件中没有 kustomization：文件为空，或不是字段到值的映射。</translation>
    </message>
    <message>
        <source>The kustomization is written in flow style ({...}); only block-style files can be edited. Rewrite it as &quot;key: value&quot; lines.</source>
        <translation>此 kustomization 使用流式风格（{...}）书写；只能编辑块风格的文件。请改写为“key: value”形式的多行。</translation>
    </message>
    <message>
        <source>The kustomization has more than one &quot;images&quot; field; remove the extra one first.</source>
        <translation>此 kustomization 有多个“images”字段；请先删除多余的字段。</translation>
    </message>
    <message>
        <source>The &quot;images&quot; field is not a list; fix the kustomization first.</source>
        <translation>“images”字段不是列表；请先修正 kustomization。</translation>
    </message>
    <message>
        <source>An entry of the &quot;images&quot; list is not a mapping; fix the kustomization first.</source>
        <translation>“images”列表中有条目不是映射；请先修正 kustomization。</translation>
    </message>
    <message>
        <source>The image name &quot;%1&quot; is not valid: use letters, digits and . _ - / : @, starting and ending with a letter or digit.</source>
        <translation>镜像名称“%1”无效：只能使用字母、数字和 . _ - / : @，并以字母或数字开头和结尾。</translation>
    </message>
    <message>
        <source>The change to image &quot;%1&quot; sets no new tag, name or digest.</source>
        <translation>对镜像“%1”的更改没有设置新的标签、名称或摘要。</translation>
    </message>
    <message>
        <source>The tag &quot;%1&quot; is not a valid image tag: use 1 to 128 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, not starting with &apos;.&apos; or &apos;-&apos;.</source>
        <translation>标签“%1”不是有效的镜像标签：请使用 1 到 128 个字母、数字、“_”、“.”或“-”，且不能以“.”或“-”开头。</translation>
    </message>
    <message>
        <source>The new image name &quot;%1&quot; is not valid: use letters, digits and . _ - / :, starting and ending with a letter or digit.</source>
        <translation>新镜像名称“%1”无效：只能使用字母、数字和 . _ - / :，并以字母或数字开头和结尾。</translation>
    </message>
    <message>
        <source>The digest &quot;%1&quot; is not valid: write sha256: followed by 64 lower-case hex digits.</source>
        <translation>摘要“%1”无效：请写作 sha256: 后跟 64 个小写十六进制数字。</translation>
    </message>
    <message>
        <source>The image change could not be written without disturbing the rest of the file; nothing was changed. Edit the file by hand.</source>
        <translation>无法在不影响文件其余部分的情况下写入镜像更改；未做任何更改。请手动编辑文件。</translation>
    </message>
    <message>
        <source>The file is not valid YAML at line %1, column %2: %3</source>
        <translation>文件第 %1 行第 %2 列不是有效的 YAML：%3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list.</source>
        <translation>“%1”必须是列表。</translation>
    </message>
    <message>
        <source>Each entry of &quot;%1&quot; must be a path or URL.</source>
        <translation>“%1”的每个条目都必须是路径或 URL。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is deprecated; use &quot;%2&quot; instead.</source>
        <translation>“%1”已弃用；请改用“%2”。</translation>
    </message>
    <message>
        <source>The tag %1 is not read as text by kustomize, which rejects it; write it quoted: &quot;%1&quot;.</source>
        <translation>kustomize 不会把标签 %1 当作文本读取，因此会拒绝它；请加上引号：“%1”。</translation>
    </message>
    <message>
        <source>kustomize does not know the images field &quot;newDigest&quot;; the field is called &quot;digest&quot;.</source>
        <translation>kustomize 不认识 images 字段“newDigest”；该字段应为“digest”。</translation>
    </message>
    <message>
        <source>kustomize does not know the images field &quot;%1&quot;; the fields are name, newName, newTag, digest and tagSuffix.</source>
        <translation>kustomize 不认识 images 字段“%1”；可用字段为 name、newName、newTag、digest 和 tagSuffix。</translation>
    </message>
    <message>
        <source>This images entry has no name, so kustomize cannot match it to an image; add &quot;name:&quot; with the image as the manifests spell it.</source>
        <translation>此 images 条目没有名称，kustomize 无法将其与镜像匹配；请添加“name:”，值为清单中所写的镜像。</translation>
    </message>
    <message>
        <source>&quot;patches&quot; must be a list.</source>
        <translation>“patches”必须是列表。</translation>
    </message>
    <message>
        <source>kustomize v5 reads each patches entry as a mapping; write &quot;- path: %1&quot;.</source>
        <translation>kustomize v5 将每个 patches 条目读作映射；请写作“- path: %1”。</translation>
    </message>
    <message>
        <source>&quot;images&quot; must be a list.</source>
        <translation>“images”必须是列表。</translation>
    </message>
    <message>
        <source>Each images entry must be a mapping with a name.</source>
        <translation>每个 images 条目都必须是带有 name 的映射。</translation>
    </message>
    <message>
        <source>The kustomize program &quot;%1&quot; set in Settings does not exist; correct the path or clear it to use kustomize or kubectl from PATH.</source>
        <translation>设置中指定的 kustomize 程序“%1”不存在；请更正路径，或清空它以使用 PATH 中的 kustomize 或 kubectl。</translation>
    </message>
    <message>
        <source>The kustomize program &quot;%1&quot; set in Settings is not executable; correct the path or make the file executable.</source>
        <translation>设置中指定的 kustomize 程序“%1”不可执行；请更正路径或为文件添加执行权限。</translation>
    </message>
    <message>
        <source>Neither kustomize nor kubectl was found on PATH; install kubectl or set the kustomize path in Settings.</source>
        <translation>在 PATH 中找不到 kustomize 或 kubectl；请安装 kubectl，或在设置中指定 kustomize 路径。</translation>
    </message>
    <message>
        <source>The folder &quot;%1&quot; to build with kustomize does not exist.</source>
        <translation>要用 kustomize 构建的文件夹“%1”不存在。</translation>
    </message>
    <message>
        <source>The kustomize program &quot;%1&quot; could not be started; check the path in Settings.</source>
        <translation>无法启动 kustomize 程序“%1”；请检查设置中的路径。</translation>
    </message>
    <message>
        <source>Building &quot;%1&quot; with kustomize took longer than %2 seconds and was stopped; try again, or raise the timeout in Settings.</source>
        <translation>用 kustomize 构建“%1”超过 %2 秒，已被停止；请重试，或在设置中调高超时时间。</translation>
    </message>
    <message>
        <source>kustomize stopped unexpectedly while building &quot;%1&quot;; try again.</source>
        <translation>kustomize 在构建“%1”时意外停止；请重试。</translation>
    </message>
    <message>
        <source>The overlay in &quot;%1&quot; does not build with kustomize; fix the error shown in the details and try again.</source>
        <translation>“%1”中的覆盖层无法用 kustomize 构建；请修正详细信息中显示的错误后再试。</translation>
    </message>
    <message>
        <source>kustomize exited with code %1.</source>
        <translation>kustomize 退出，代码为 %1。</translation>
    </message>
    <message>
        <source>This line starts a new top-level block that does not belong to the one above; check its indentation, or separate documents with &quot;---&quot;.</source>
        <translation>此行开始了一个不属于上一块的新顶层块；请检查缩进，或用“---”分隔文档。</translation>
    </message>
    <message>
        <source>Duplicate key &quot;%1&quot; (first at line %2).</source>
        <translation>重复的键“%1”（首次出现在第 %2 行）。</translation>
    </message>
    <message>
        <source>This quoted value is never closed; add the closing %1.</source>
        <translation>此带引号的值没有闭合；请添加结束的 %1。</translation>
    </message>
    <message>
        <source>The YAML could not be read: %1.</source>
        <translation>无法读取 YAML：%1。</translation>
    </message>
    <message>
        <source>A tab character is used for indentation; YAML allows only spaces there.</source>
        <translation>缩进中使用了制表符；YAML 的缩进只允许空格。</translation>
    </message>
    <message>
        <source>A key/value pair is not allowed here; check the indentation, or quote a value that contains &quot;: &quot;.</source>
        <translation>此处不允许键值对；请检查缩进，或为包含“: ”的值加上引号。</translation>
    </message>
    <message>
        <source>A mapping key is not allowed here; check the indentation.</source>
        <translation>此处不允许映射键；请检查缩进。</translation>
    </message>
    <message>
        <source>A list item (&quot;- &quot;) is not allowed here; check the indentation of the list.</source>
        <translation>此处不允许列表项（“- ”）；请检查列表的缩进。</translation>
    </message>
    <message>
        <source>A mapping is not closed properly; check the indentation.</source>
        <translation>映射没有正确结束；请检查缩进。</translation>
    </message>
    <message>
        <source>A &quot;{&quot; is never closed with &quot;}&quot;.</source>
        <translation>“{”没有用“}”闭合。</translation>
    </message>
    <message>
        <source>A list is not closed properly; check the indentation.</source>
        <translation>列表没有正确结束；请检查缩进。</translation>
    </message>
    <message>
        <source>A &quot;[&quot; is never closed with &quot;]&quot;.</source>
        <translation>“[”没有用“]”闭合。</translation>
    </message>
    <message>
        <source>A closing &quot;]&quot; or &quot;}&quot; has no matching opening bracket.</source>
        <translation>结束的“]”或“}”没有匹配的开括号。</translation>
    </message>
    <message>
        <source>This character cannot start a YAML value; quote the value.</source>
        <translation>此字符不能作为 YAML 值的开头；请为该值加上引号。</translation>
    </message>
    <message>
        <source>A document marker (--- or ...) appears inside a value.</source>
        <translation>值中出现了文档标记（--- 或 ...）。</translation>
    </message>
    <message>
        <source>The file ends inside a quoted value; add the closing quote.</source>
        <translation>文件在带引号的值中结束；请添加结束引号。</translation>
    </message>
    <message>
        <source>A value contains a character that is not allowed there; quote it.</source>
        <translation>值中包含此处不允许的字符；请加上引号。</translation>
    </message>
    <message>
        <source>A double-quoted value contains an unknown escape sequence; write \\ for a backslash or use single quotes.</source>
        <translation>双引号值中包含未知的转义序列；反斜杠请写作 \\，或改用单引号。</translation>
    </message>
    <message>
        <source>A \x, \u or \U escape is followed by a non-hex character.</source>
        <translation>\x、\u 或 \U 转义后跟着非十六进制字符。</translation>
    </message>
    <message>
        <source>A \u or \U escape names an invalid Unicode character.</source>
        <translation>\u 或 \U 转义指定了无效的 Unicode 字符。</translation>
    </message>
    <message>
        <source>An alias (*name) refers to an anchor (&amp;name) that is not defined.</source>
        <translation>别名（*name）引用了未定义的锚点（&amp;name）。</translation>
    </message>
    <message>
        <source>A &quot;*&quot; is not followed by an alias name; quote the value.</source>
        <translation>“*”后面没有别名；请为该值加上引号。</translation>
    </message>
    <message>
        <source>A &quot;&amp;&quot; is not followed by an anchor name; quote the value.</source>
        <translation>“&amp;”后面没有锚点名称；请为该值加上引号。</translation>
    </message>
    <message>
        <source>An alias name contains a character that is not allowed.</source>
        <translation>别名中包含不允许的字符。</translation>
    </message>
    <message>
        <source>An anchor name contains a character that is not allowed.</source>
        <translation>锚点名称中包含不允许的字符。</translation>
    </message>
    <message>
        <source>A value has more than one tag (!tag).</source>
        <translation>一个值有多个标记（!tag）。</translation>
    </message>
    <message>
        <source>A value has more than one anchor (&amp;name).</source>
        <translation>一个值有多个锚点（&amp;name）。</translation>
    </message>
    <message>
        <source>An alias (*name) cannot have content or a tag of its own.</source>
        <translation>别名（*name）不能有自己的内容或标记。</translation>
    </message>
    <message>
        <source>The header of a block value (| or &gt;) contains an unexpected character.</source>
        <translation>块值（| 或 &gt;）的头部包含意外的字符。</translation>
    </message>
    <message>
        <source>A block value (| or &gt;) cannot have an indentation indicator of 0.</source>
        <translation>块值（| 或 &gt;）的缩进指示符不能为 0。</translation>
    </message>
    <message>
        <source>A tag (!tag) contains a character that is not allowed.</source>
        <translation>标记（!tag）中包含不允许的字符。</translation>
    </message>
    <message>
        <source>A tag handle has no suffix.</source>
        <translation>标记句柄没有后缀。</translation>
    </message>
    <message>
        <source>A verbatim tag (!&lt;...&gt;) is never closed.</source>
        <translation>逐字标记（!&lt;...&gt;）没有闭合。</translation>
    </message>
    <message>
        <source>The %YAML directive needs exactly one argument.</source>
        <translation>%YAML 指令只能有一个参数。</translation>
    </message>
    <message>
        <source>The %YAML directive names a bad version.</source>
        <translation>%YAML 指令指定的版本无效。</translation>
    </message>
    <message>
        <source>The %YAML directive names an unsupported major version.</source>
        <translation>%YAML 指令指定了不支持的主版本。</translation>
    </message>
    <message>
        <source>The %YAML directive is repeated.</source>
        <translation>%YAML 指令重复。</translation>
    </message>
    <message>
        <source>The %TAG directive needs exactly two arguments.</source>
        <translation>%TAG 指令需要正好两个参数。</translation>
    </message>
    <message>
        <source>The %TAG directive is repeated.</source>
        <translation>%TAG 指令重复。</translation>
    </message>
    <message>
        <source>The YAML is nested too deeply to be read.</source>
        <translation>YAML 嵌套过深，无法读取。</translation>
    </message>
    <message>
        <source>The YAML is not valid: %1.</source>
        <translation>YAML 无效：%1。</translation>
    </message>
    <message>
        <source>The rendered manifests before the change</source>
        <translation>变更前渲染出的清单</translation>
    </message>
    <message>
        <source>The rendered manifests after the change</source>
        <translation>变更后渲染出的清单</translation>
    </message>
    <message>
        <source>%1 are not valid YAML at line %2, column %3: %4</source>
        <translation>%1 在第 %2 行第 %3 列不是有效的 YAML：%4</translation>
    </message>
    <message>
        <source>%1 hold a document at line %2 that is not a Kubernetes resource (a mapping of fields to values). Fix the manifests, then review again.</source>
        <translation>%1 在第 %2 行含有一个不是 Kubernetes 资源（字段到值的映射）的文档。请修正清单后再审阅。</translation>
    </message>
    <message>
        <source>init container %1 added (image %2)</source>
        <translation>新增初始化容器 %1（镜像 %2）</translation>
    </message>
    <message>
        <source>container %1 added (image %2)</source>
        <translation>新增容器 %1（镜像 %2）</translation>
    </message>
    <message>
        <source>image %1: %2 → %3</source>
        <translation>镜像 %1：%2 → %3</translation>
    </message>
    <message>
        <source>init container %1 removed</source>
        <translation>移除初始化容器 %1</translation>
    </message>
    <message>
        <source>container %1 removed</source>
        <translation>移除容器 %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>replicas %1 → %2</source>
        <translation>副本数 %1 → %2</translation>
    </message>
    <message>
        <source>The rendered manifests could not be compared.</source>
        <translation>无法比较渲染出的清单。</translation>
    </message>
</context>
<context>
    <name>gd::manifest::ManifestCheck</name>
    <message>
        <source>This object has no &quot;apiVersion&quot;; add the API version of its kind, for example &quot;apiVersion: apps/v1&quot; for a Deployment.</source>
        <translation>此对象没有“apiVersion”；请添加其类型对应的 API 版本，例如 Deployment 为“apiVersion: apps/v1”。</translation>
    </message>
    <message>
        <source>This object has no &quot;kind&quot;; add the kind of Kubernetes object it describes, for example &quot;kind: Deployment&quot;.</source>
        <translation>此对象没有“kind”；请添加它所描述的 Kubernetes 对象类型，例如“kind: Deployment”。</translation>
    </message>
    <message>
        <source>The file holds no Argo CD Application; it is empty or not a mapping of fields to values.</source>
        <translation>文件中没有 Argo CD Application：文件为空，或不是字段到值的映射。</translation>
    </message>
    <message>
        <source>This file should hold an Argo CD Application but has no &quot;kind&quot;; add &quot;kind: Application&quot;.</source>
        <translation>此文件应包含 Argo CD Application，但没有“kind”；请添加“kind: Application”。</translation>
    </message>
    <message>
        <source>This file should hold an Argo CD Application, but its kind is &quot;%1&quot;; write &quot;kind: Application&quot;.</source>
        <translation>此文件应包含 Argo CD Application，但其 kind 为“%1”；请写作“kind: Application”。</translation>
    </message>
    <message>
        <source>The Application has no spec.source.path, so Argo CD does not know which folder to deploy; set it to this environment&apos;s manifests folder.</source>
        <translation>此 Application 没有 spec.source.path，Argo CD 无法知道要部署哪个文件夹；请将其设为此环境的 manifests 文件夹。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a kustomization field, so kustomize rejects the file; remove it or correct its spelling.</source>
        <translation>“%1”不是 kustomization 字段，kustomize 会拒绝此文件；请删除它或更正拼写。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a kustomization field, so kustomize rejects the file; did you mean &quot;%2&quot;?</source>
        <translation>“%1”不是 kustomization 字段，kustomize 会拒绝此文件；是否应为“%2”？</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not exist next to this kustomization, so kustomize cannot build it; correct the path or add the file.</source>
        <translation>此 kustomization 所在文件夹中不存在“%1”，kustomize 无法构建；请更正路径或添加该文件。</translation>
    </message>
    <message>
        <source>This object has no metadata.name; kustomize and Kubernetes need a name for every object.</source>
        <translation>此对象没有 metadata.name；kustomize 和 Kubernetes 要求每个对象都有名称。</translation>
    </message>
    <message>
        <source>metadata.name is empty; give the object a name.</source>
        <translation>metadata.name 为空；请为该对象指定名称。</translation>
    </message>
    <message>
        <source>metadata.name must be a single name, not a list or mapping.</source>
        <translation>metadata.name 必须是单个名称，而不是列表或映射。</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is not allowed: it may not be &quot;.&quot; or &quot;..&quot; nor contain &apos;/&apos; or &apos;%&apos;.</source>
        <translation>名称“%1”不允许使用：名称不能是“.”或“..”，也不能包含“/”或“%”。</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is longer than 253 characters, which Kubernetes does not accept.</source>
        <translation>名称“%1”超过 253 个字符，Kubernetes 不接受。</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is not a valid Kubernetes name; use only lower-case letters, digits, &apos;-&apos; and &apos;.&apos;.</source>
        <translation>名称“%1”不是有效的 Kubernetes 名称；只能使用小写字母、数字、“-”和“.”。</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is not a valid Kubernetes name; it must start and end with a letter or digit, also around each &apos;.&apos;.</source>
        <translation>名称“%1”不是有效的 Kubernetes 名称；必须以字母或数字开头和结尾，每个“.”的两侧也是如此。</translation>
    </message>
    <message>
        <source>&quot;replicas&quot; must be a number, but &quot;%1&quot; is quoted text; remove the quotes.</source>
        <translation>“replicas”必须是数字，但“%1”是带引号的文本；请去掉引号。</translation>
    </message>
    <message>
        <source>&quot;replicas&quot; must be a whole number of 0 or more; &quot;%1&quot; is not.</source>
        <translation>“replicas”必须是大于或等于 0 的整数；“%1”不是。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number, but &quot;%2&quot; is quoted text; remove the quotes.</source>
        <translation>“%1”必须是数字，但“%2”是带引号的文本；请去掉引号。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a port number from 1 to 65535; &quot;%2&quot; is not a number.</source>
        <translation>“%1”必须是 1 到 65535 之间的端口号；“%2”不是数字。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, but a port number must be from 1 to 65535.</source>
        <translation>“%1”的值为 %2，但端口号必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a port number from 1 to 65535 or a port name (at most 15 lower-case letters, digits and &apos;-&apos;, with a letter); &quot;%2&quot; is neither.</source>
        <translation>“%1”必须是 1 到 65535 之间的端口号，或端口名称（最多 15 个小写字母、数字和“-”，且至少包含一个字母）；“%2”两者都不是。</translation>
    </message>
    <message>
        <source>The selector label &quot;%1: %2&quot; is not among the pod template&apos;s labels, so the %3 selects none of its own pods; add it to spec.template.metadata.labels.</source>
        <translation>选择器标签“%1: %2”不在 Pod 模板的标签中，因此该 %3 选不中自己的任何 Pod；请将其添加到 spec.template.metadata.labels。</translation>
    </message>
    <message>
        <source>The selector label &quot;%1&quot; is &quot;%2&quot; but the pod template&apos;s label is &quot;%3&quot;, so the %4 selects none of its own pods; make them equal.</source>
        <translation>选择器标签“%1”的值为“%2”，但 Pod 模板中该标签的值为“%3”，因此该 %4 选不中自己的任何 Pod；请使两者一致。</translation>
    </message>
    <message>
        <source>This container has no name; give every container a &quot;name&quot; (lower-case letters, digits and &apos;-&apos;).</source>
        <translation>此容器没有名称；请为每个容器设置“name”（小写字母、数字和“-”）。</translation>
    </message>
    <message>
        <source>The container &quot;%1&quot; has no image; add &quot;image:&quot; with the image to run.</source>
        <translation>容器“%1”没有镜像；请添加“image:”并填写要运行的镜像。</translation>
    </message>
    <message>
        <source>This port has no &quot;containerPort&quot;; add the port number the container listens on.</source>
        <translation>此端口没有“containerPort”；请添加容器监听的端口号。</translation>
    </message>
    <message>
        <source>This Service port has no &quot;port&quot;; add the port number the Service listens on.</source>
        <translation>此 Service 端口没有“port”；请添加 Service 监听的端口号。</translation>
    </message>
</context>
<context>
    <name>gd::manifest::OverlayHelpers</name>
    <message>
        <source>The change could not be written without disturbing the rest of the file; nothing was changed. Edit the file by hand.</source>
        <translation>无法在不影响文件其余部分的情况下写入更改；未做任何更改。请手动编辑文件。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; spans several lines; write it on one line and try again.</source>
        <translation>“%1”的值跨越多行；请写在一行后再试。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; holds a list or mapping instead of a single value; fix the file first.</source>
        <translation>字段“%1”包含的是列表或映射，而不是单个值；请先修正文件。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; could not be located in the text; nothing was changed.</source>
        <translation>无法在文本中定位字段“%1”；未做任何更改。</translation>
    </message>
    <message>
        <source>A mapping could not be located in the text; nothing was changed.</source>
        <translation>无法在文本中定位映射；未做任何更改。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not a mapping; fix the file first.</source>
        <translation>字段“%1”不是映射；请先修正文件。</translation>
    </message>
    <message>
        <source>The list &quot;%1&quot; could not be located in the text; nothing was changed.</source>
        <translation>无法在文本中定位列表“%1”；未做任何更改。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not a list; fix the file first.</source>
        <translation>字段“%1”不是列表；请先修正文件。</translation>
    </message>
    <message>
        <source>No Deployment or StatefulSet in this file sets &quot;replicas&quot;, and none leaves it to the autoscaler; there is nothing to change.</source>
        <translation>此文件中没有设置“replicas”的 Deployment 或 StatefulSet，也没有将副本数交给自动扩缩容管理的；没有可更改的内容。</translation>
    </message>
    <message>
        <source>The replicas field of %1 &quot;%2&quot; is not on a line of its own; write it as &quot;replicas: N&quot; under spec and try again.</source>
        <translation>%1“%2”的 replicas 字段没有单独占一行；请在 spec 下写作“replicas: N”后再试。</translation>
    </message>
    <message>
        <source>The file holds no Argo CD Application (kind: Application, apiVersion: argoproj.io/…); open the application.yaml of the service.</source>
        <translation>文件中没有 Argo CD Application（kind: Application，apiVersion: argoproj.io/…）；请打开该服务的 application.yaml。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; of the Application is not a mapping; fix the file first.</source>
        <translation>Application 的字段“%1”不是映射；请先修正文件。</translation>
    </message>
    <message>
        <source>The Application has no spec; fix the file first.</source>
        <translation>Application 没有 spec；请先修正文件。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid environment variable name: use letters, digits and &apos;_&apos;, not starting with a digit.</source>
        <translation>“%1”不是有效的环境变量名：请使用字母、数字和“_”，且不能以数字开头。</translation>
    </message>
    <message>
        <source>The file holds no Deployment, StatefulSet or DaemonSet to add the variable to.</source>
        <translation>文件中没有可添加该变量的 Deployment、StatefulSet 或 DaemonSet。</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; lists no containers (spec.template.spec.containers); add the variable in the file that defines the container.</source>
        <translation>%1“%2”没有列出任何容器（spec.template.spec.containers）；请在定义该容器的文件中添加变量。</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; has no container named &quot;%3&quot;; its containers are: %4.</source>
        <translation>%1“%2”中没有名为“%3”的容器；其容器有：%4。</translation>
    </message>
    <message>
        <source>A container of the %1 &quot;%2&quot; is not a mapping; fix the file first.</source>
        <translation>%1“%2”中有容器不是映射；请先修正文件。</translation>
    </message>
    <message>
        <source>The container &quot;%1&quot; already sets the variable &quot;%2&quot;; change its value there instead.</source>
        <translation>容器“%1”已设置变量“%2”；请直接在那里修改其值。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid label key: write an optional DNS prefix and &apos;/&apos;, then a name of at most 63 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting and ending with a letter or digit.</source>
        <translation>“%1”不是有效的标签键：可先写 DNS 前缀和“/”（可选），再写最多 63 个字母、数字、“-”、“_”或“.”组成的名称，且以字母或数字开头和结尾。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid label value: use at most 63 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting and ending with a letter or digit, or leave it empty.</source>
        <translation>“%1”不是有效的标签值：请使用最多 63 个字母、数字、“-”、“_”或“.”，并以字母或数字开头和结尾，或留空。</translation>
    </message>
    <message>
        <source>The file holds no Kubernetes object (a document with apiVersion and kind) to label.</source>
        <translation>文件中没有可添加标签的 Kubernetes 对象（含 apiVersion 和 kind 的文档）。</translation>
    </message>
    <message>
        <source>The label &quot;%1&quot; is already set to &quot;%2&quot;; change it there instead.</source>
        <translation>标签“%1”已设置为“%2”；请直接在那里修改。</translation>
    </message>
</context>
<context>
    <name>gd::names</name>
    <message>
        <source>project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>service name</source>
        <translation>服务名称</translation>
    </message>
    <message>
        <source>environment name</source>
        <translation>环境名称</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Names must be DNS-1123 labels: lower-case letters, digits and &apos;-&apos;, 1 to 63 characters.</source>
        <translation>名称必须是 DNS-1123 标签：由小写字母、数字和“-”组成，长度为 1 到 63 个字符。</translation>
    </message>
    <message>
        <source>The %1 is empty.</source>
        <translation>%1为空。</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; is longer than 63 characters.</source>
        <translation>%1“%2”超过 63 个字符。</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; may only contain lower-case letters, digits and &apos;-&apos;.</source>
        <translation>%1“%2”只能包含小写字母、数字和“-”。</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; must start and end with a letter or a digit.</source>
        <translation>%1“%2”必须以字母或数字开头和结尾。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid branch name: %2.</source>
        <translation>“%1”不是有效的分支名称：%2。</translation>
    </message>
    <message>
        <source>Branch names follow the rules of git check-ref-format --branch, for example main or release/1.4.</source>
        <translation>分支名称须遵循 git check-ref-format --branch 的规则，例如 main 或 release/1.4。</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no branch</source>
        <translation>“%1”并不指代分支</translation>
    </message>
    <message>
        <source>it starts with &apos;-&apos;</source>
        <translation>以“-”开头</translation>
    </message>
    <message>
        <source>it contains a line break or another control character</source>
        <translation>包含换行符或其他控制字符</translation>
    </message>
    <message>
        <source>it contains a space</source>
        <translation>包含空格</translation>
    </message>
    <message>
        <source>it contains &apos;%1&apos;</source>
        <translation>包含“%1”</translation>
    </message>
    <message>
        <source>it contains &quot;%1&quot;</source>
        <translation>包含“%1”</translation>
    </message>
    <message>
        <source>it starts or ends with &apos;/&apos;</source>
        <translation>以“/”开头或结尾</translation>
    </message>
    <message>
        <source>it ends with &apos;.&apos;</source>
        <translation>以“.”结尾</translation>
    </message>
    <message>
        <source>a part of it starts with &apos;.&apos;</source>
        <translation>其中以“/”分隔的某一段以“.”开头</translation>
    </message>
    <message>
        <source>a part of it ends with &quot;.lock&quot;</source>
        <translation>其中以“/”分隔的某一段以“.lock”结尾</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image tag: use 1 to 128 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, not starting with &apos;.&apos; or &apos;-&apos;.</source>
        <translation>“%1”不是有效的镜像标签：请使用 1 到 128 个字母、数字、“_”、“.”或“-”，且不能以“.”或“-”开头。</translation>
    </message>
</context>
<context>
    <name>gd::net::GitLabClient</name>
    <message>
        <source>GitLab %1</source>
        <translation>GitLab %1</translation>
    </message>
    <message>
        <source>%1 refused the access token for %2; the token is expired or wrong: sign in again.</source>
        <translation>%1 拒绝了访问 %2 的令牌；令牌已过期或不正确：请重新登录。</translation>
    </message>
    <message>
        <source>%1 does not allow this on %2; the token needs the api scope and Maintainer rights in the group.</source>
        <translation>%1 不允许对 %2 执行此操作；令牌需要 api 权限范围以及该组中的 Maintainer 权限。</translation>
    </message>
    <message>
        <source>%1 has no %2, or the token may not see it; check the path and the token&apos;s rights.</source>
        <translation>%1 中没有 %2，或者令牌无权查看；请检查路径和令牌的权限。</translation>
    </message>
    <message>
        <source>%1 is limiting requests; wait a minute and try again.</source>
        <translation>%1 正在限制请求频率；请等待一分钟后再试。</translation>
    </message>
    <message>
        <source>%1 failed with an internal error (%2); try again later.</source>
        <translation>%1 发生内部错误（%2）；请稍后再试。</translation>
    </message>
    <message>
        <source>%1 refused the request for %2 (%3: %4).</source>
        <translation>%1 拒绝了对 %2 的请求（%3：%4）。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>The GitLab group path is empty; set it in the workspace settings, like platform/devops.</source>
        <translation>GitLab 组路径为空；请在工作区设置中填写，例如 platform/devops。</translation>
    </message>
    <message>
        <source>%1 has no group %2, or the token may not see it; check the group path in the workspace settings and the token&apos;s rights.</source>
        <translation>%1 中没有组 %2，或者令牌无权查看；请检查工作区设置中的组路径和令牌的权限。</translation>
    </message>
    <message>
        <source>the group %1</source>
        <translation>组 %1</translation>
    </message>
    <message>
        <source>the projects of group %1</source>
        <translation>组 %1 的项目</translation>
    </message>
    <message>
        <source>%1 sent the next page of %2 to another server; the list is incomplete. Check the GitLab address (external_url) and its proxy.</source>
        <translation>%1 把 %2 的下一页指向了另一台服务器；列表不完整。请检查 GitLab 地址（external_url）及其代理。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a GitLab project path; write it with its group, like platform/devops/orders-deploy.</source>
        <translation>“%1”不是 GitLab 项目路径；请连同其所属组一起填写，例如 platform/devops/orders-deploy。</translation>
    </message>
    <message>
        <source>the project %1</source>
        <translation>项目 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a GitLab project path; use letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;, starting with a letter, digit or &apos;_&apos;.</source>
        <translation>“%1”不能作为 GitLab 项目路径；请使用字母、数字、“_”、“-”和“.”，并以字母、数字或“_”开头。</translation>
    </message>
    <message>
        <source>the new project %1</source>
        <translation>新项目 %1</translation>
    </message>
    <message>
        <source>GitLab says the project %1 exists but does not show it (%2); it may still be being deleted. Try again in a few minutes.</source>
        <translation>GitLab 表示项目 %1 已存在，但没有显示它（%2）；它可能仍在删除中。请几分钟后再试。</translation>
    </message>
</context>
<context>
    <name>gd::net::GitLabRepoProvider</name>
    <message>
        <source>GitLab cannot be reached before the application has started.</source>
        <translation>应用程序启动之前无法访问 GitLab。</translation>
    </message>
    <message>
        <source>Sign in to GitLab at %1 first: the deployment repos of this workspace are reached with your GitLab access token.</source>
        <translation>请先登录 %1 上的 GitLab：此工作区的部署仓库需要使用您的 GitLab 访问令牌访问。</translation>
    </message>
</context>
<context>
    <name>gd::net::RegistryClient</name>
    <message>
        <source>The container registry %1</source>
        <translation>容器镜像仓库 %1</translation>
    </message>
    <message>
        <source>The registry type must be &quot;registry2&quot; or &quot;harbor&quot;, not &quot;%1&quot;; fix registry.type in workspace.yaml.</source>
        <translation>镜像仓库类型必须是“registry2”或“harbor”，而不是“%1”；请修正 workspace.yaml 中的 registry.type。</translation>
    </message>
    <message>
        <source>The image %1 is not in the workspace&apos;s registry %2; tags can only be read from %2.</source>
        <translation>镜像 %1 不在工作区的镜像仓库 %2 中；只能从 %2 读取标签。</translation>
    </message>
    <message>
        <source>Harbor repositories are named project/repository; &quot;%1&quot; names no project.</source>
        <translation>Harbor 仓库的名称格式为“项目/仓库”；“%1”中没有项目。</translation>
    </message>
    <message>
        <source>%1 refused access to %2: the sign-in is missing, expired or invalid. Sign in to the registry again.</source>
        <translation>%1 拒绝访问 %2：未登录，或登录已过期或无效。请重新登录镜像仓库。</translation>
    </message>
    <message>
        <source>%1 does not allow reading %2; ask for pull rights on the repository.</source>
        <translation>%1 不允许读取 %2；请申请该仓库的拉取（pull）权限。</translation>
    </message>
    <message>
        <source>%1 has no repository %2; check the image name.</source>
        <translation>%1 中没有仓库 %2；请检查镜像名称。</translation>
    </message>
    <message>
        <source>%1 is limiting requests; wait a minute and try again.</source>
        <translation>%1 正在限制请求频率；请等待一分钟后再试。</translation>
    </message>
    <message>
        <source>%1 failed with an internal error (%2); try again later.</source>
        <translation>%1 发生内部错误（%2）；请稍后再试。</translation>
    </message>
    <message>
        <source>%1 refused the request for %2 (%3: %4).</source>
        <translation>%1 拒绝了对 %2 的请求（%3：%4）。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>%1 names no usable sign-in service (&quot;%2&quot;); check the registry address.</source>
        <translation>%1 未指定可用的登录服务（“%2”）；请检查镜像仓库地址。</translation>
    </message>
    <message>
        <source>The sign-in service %1 of the container registry</source>
        <translation>容器镜像仓库的登录服务 %1</translation>
    </message>
    <message>
        <source>%1 refused the stored sign-in for %2; it may have expired. Sign in to the registry again.</source>
        <translation>%1 拒绝了访问 %2 时使用的已保存登录信息，可能已过期。请重新登录镜像仓库。</translation>
    </message>
    <message>
        <source>%1 requires a sign-in to read %2; sign in to the registry and try again.</source>
        <translation>%1 要求登录后才能读取 %2；请登录镜像仓库后再试。</translation>
    </message>
    <message>
        <source>%1 could not hand out a token (%2); try again later.</source>
        <translation>%1 无法发放令牌（%2）；请稍后再试。</translation>
    </message>
    <message>
        <source>%1 answered without a token; check the registry address.</source>
        <translation>%1 的响应中没有令牌；请检查镜像仓库地址。</translation>
    </message>
    <message>
        <source>%1 sent an answer for %2 that is not a list of tags; check that the workspace&apos;s registry type (%3) and address are right.</source>
        <translation>%1 对 %2 返回的响应不是标签列表；请检查工作区的镜像仓库类型（%3）和地址是否正确。</translation>
    </message>
    <message>
        <source>%1 sent the next page of tags for %2 to another server; the list is incomplete. Check the registry&apos;s proxy settings.</source>
        <translation>%1 将 %2 的下一页标签指向了另一台服务器，标签列表不完整。请检查镜像仓库的代理设置。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image tag: use letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, at most 128, not starting with &apos;.&apos; or &apos;-&apos;.</source>
        <translation>“%1”不是有效的镜像标签：请使用字母、数字、“_”、“.”和“-”，最多 128 个字符，且不能以“.”或“-”开头。</translation>
    </message>
    <message>
        <source>%1 sent an answer for %2 that is not a list of tags; check that the workspace&apos;s registry type (harbor) and address are right.</source>
        <translation>%1 对 %2 返回的响应不是标签列表；请检查工作区的镜像仓库类型（harbor）和地址是否正确。</translation>
    </message>
</context>
<context>
    <name>gd::tmpl::ServiceScaffold</name>
    <message>
        <source>The %1 tag is empty; enter the image tag to deploy, for example 1.4.2.</source>
        <translation>%1 标签为空；请输入要部署的镜像标签，例如 1.4.2。</translation>
    </message>
    <message>
        <source>The %1 tag &quot;%2&quot; is not a valid image tag.</source>
        <translation>%1 标签“%2”不是有效的镜像标签。</translation>
    </message>
    <message>
        <source>A tag is 1 to 128 letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, and does not start with &apos;.&apos; or &apos;-&apos;.</source>
        <translation>标签由 1 到 128 个字母、数字、“_”、“.”和“-”组成，且不能以“.”或“-”开头。</translation>
    </message>
    <message>
        <source>The image repository is empty; enter where the images are pushed, for example registry.example.com/shop/orders.</source>
        <translation>镜像仓库为空；请输入镜像推送的位置，例如 registry.example.com/shop/orders。</translation>
    </message>
    <message>
        <source>The image repository &quot;%1&quot; holds a digest; enter the repository only, the tag is set separately.</source>
        <translation>镜像仓库“%1”中包含摘要；请只输入仓库，标签另行设置。</translation>
    </message>
    <message>
        <source>The registry host &quot;%1&quot; of the image repository is not valid.</source>
        <translation>镜像仓库的镜像服务器地址“%1”无效。</translation>
    </message>
    <message>
        <source>The image repository &quot;%1&quot; holds a tag; enter the repository only, the tag is set separately.</source>
        <translation>镜像仓库“%1”中包含标签；请只输入仓库，标签另行设置。</translation>
    </message>
    <message>
        <source>The image repository &quot;%1&quot; is not valid: &quot;%2&quot; may only hold lower-case letters, digits and single &apos;.&apos;, &apos;_&apos; or &apos;-&apos; between them.</source>
        <translation>镜像仓库“%1”无效：“%2”只能包含小写字母、数字，以及它们之间单个的“.”、“_”或“-”。</translation>
    </message>
    <message>
        <source>The template set has no &quot;%1&quot; template; choose one of: %2.</source>
        <translation>模板集中没有“%1”模板；请从以下选择：%2。</translation>
    </message>
    <message>
        <source>GA</source>
        <translation>GA</translation>
    </message>
    <message>
        <source>canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>The port %1 is not valid; choose a port from 1 to 65535.</source>
        <translation>端口 %1 无效；请选择 1 到 65535 之间的端口。</translation>
    </message>
    <message>
        <source>The replica count %1 is not valid; choose at least 1, or let an autoscaler (HPA) scale the service.</source>
        <translation>副本数 %1 无效；请至少设为 1，或由自动扩缩容（HPA）来扩缩服务。</translation>
    </message>
    <message>
        <source>The namespace &quot;%1&quot; made from the project and the environment is longer than 63 characters; enter a shorter namespace.</source>
        <translation>由项目和环境生成的命名空间“%1”超过 63 个字符；请输入更短的命名空间。</translation>
    </message>
    <message>
        <source>The cluster &quot;%1&quot; is not a cluster URL; enter the API server address as Argo CD knows it, for example https://kubernetes.default.svc.</source>
        <translation>集群“%1”不是集群 URL；请输入 Argo CD 中登记的 API 服务器地址，例如 https://kubernetes.default.svc。</translation>
    </message>
    <message>
        <source>The deployment repository URL is empty; Argo CD needs it to find the manifests.</source>
        <translation>部署仓库 URL 为空；Argo CD 需要它来找到清单。</translation>
    </message>
    <message>
        <source>The branch is empty; enter the branch Argo CD follows, for example main.</source>
        <translation>分支为空；请输入 Argo CD 跟踪的分支，例如 main。</translation>
    </message>
    <message>
        <source>The Argo CD project is empty; enter the AppProject, for example default.</source>
        <translation>Argo CD 项目为空；请输入 AppProject，例如 default。</translation>
    </message>
    <message>
        <source>The template set has no %1; add it to the templates repository.</source>
        <translation>模板集中没有 %1；请将其添加到模板仓库。</translation>
    </message>
    <message>
        <source>The source repository &quot;%1&quot; is not a git URL; enter an https://, ssh:// or git@host:path address without spaces or quotes, or leave it empty.</source>
        <translation>源代码仓库“%1”不是 git URL；请输入不含空格和引号的 https://、ssh:// 或 git@host:path 地址，或留空。</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; is not valid; use lower-case letters, digits and &apos;-&apos; (at most 63, starting and ending with a letter or digit).</source>
        <translation>%1“%2”无效；请使用小写字母、数字和“-”（最多 63 个字符，且须以字母或数字开头和结尾）。</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Argo CD namespace</source>
        <translation>Argo CD 命名空间</translation>
    </message>
    <message>
        <source>KubeSphere DevOps namespace</source>
        <translation>KubeSphere DevOps 命名空间</translation>
    </message>
    <message>
        <source>selfHeal is true or false, not &quot;%1&quot;.</source>
        <translation>selfHeal 只能是 true 或 false，而不是“%1”。</translation>
    </message>
    <message>
        <source>The deployment repository &quot;%1&quot; is not a git URL or an absolute path without spaces, quotes or &apos;$&apos;; check the workspace&apos;s provider.</source>
        <translation>部署仓库“%1”既不是 git URL，也不是不含空格、引号或“$”的绝对路径；请检查工作区的 provider 设置。</translation>
    </message>
    <message>
        <source>The Argo CD project &quot;%1&quot; is not a valid AppProject name; use lower-case letters, digits, &apos;-&apos; and &apos;.&apos;, for example default.</source>
        <translation>Argo CD 项目“%1”不是有效的 AppProject 名称；请使用小写字母、数字、“-”和“.”，例如 default。</translation>
    </message>
    <message>
        <source>The branch %1</source>
        <translation>分支%1</translation>
    </message>
</context>
<context>
    <name>gd::tmpl::TemplateRenderer</name>
    <message>
        <source>The template %1 has an unterminated &quot;${&quot; on line %2: close it with &quot;}&quot;, or write &quot;$${&quot; for a literal &quot;${&quot;.</source>
        <translation>模板 %1 第 %2 行有未结束的“${”：请用“}”闭合，或用“$${”表示字面的“${”。</translation>
    </message>
    <message>
        <source>The template %1 has an invalid placeholder &quot;${%2}&quot; on line %3: a variable name is made of letters, digits and &apos;_&apos;, optionally followed by :int, :bool or :raw. Write &quot;$${&quot; for a literal &quot;${&quot;.</source>
        <translation>模板 %1 第 %3 行的占位符“${%2}”无效：变量名由字母、数字和“_”组成，后面可跟 :int、:bool 或 :raw。字面的“${”请写作“$${”。</translation>
    </message>
    <message>
        <source>The template %1 needs a whole number for ${%2} on line %3, not &quot;%4&quot;.</source>
        <translation>模板 %1 第 %3 行的 ${%2} 需要整数，而不是“%4”。</translation>
    </message>
    <message>
        <source>The template %1 needs true or false for ${%2} on line %3, not &quot;%4&quot;.</source>
        <translation>模板 %1 第 %3 行的 ${%2} 需要 true 或 false，而不是“%4”。</translation>
    </message>
    <message>
        <source>The template %1 uses the unknown variable ${%2} on line %3.</source>
        <translation>模板 %1 第 %3 行使用了未知变量 ${%2}。</translation>
    </message>
    <message>
        <source>Known variables: %1</source>
        <translation>已知变量：%1</translation>
    </message>
    <message>
        <source>The value of ${%1} has a line break and cannot go inside single quotes (template %2, line %3); use double quotes in the template.</source>
        <translation>${%1} 的值包含换行，不能放在单引号中（模板 %2，第 %3 行）；请在模板中使用双引号。</translation>
    </message>
    <message>
        <source>The template %1 does not give valid YAML at line %2; check that line and the values put into it.</source>
        <translation>模板 %1 在第 %2 行生成的 YAML 无效；请检查该行及填入的值。</translation>
    </message>
    <message>
        <source>The value of ${%1} has a line break and cannot go into %2 at line %3, where it would add lines of its own; give a one-line value.</source>
        <translation>${%1} 的值包含换行，不能放入 %2 的第 %3 行，否则会在该处额外增加行；请提供单行的值。</translation>
    </message>
    <message>
        <source>The value of ${%1} (&quot;%2&quot;) cannot go into the script of %3 at line %4: there it may only hold letters, digits and . _ / : @ + = , % -.</source>
        <translation>${%1} 的值（“%2”）不能放入 %3 第 %4 行的脚本中：该处的值只能包含字母、数字和 . _ / : @ + = , % -。</translation>
    </message>
    <message>
        <source>The value of ${%1} (&quot;%2&quot;) would need quotes in %3 at line %4, but the plain text it stands in goes on over several lines there; put the placeholder in a quoted string in the template, or give a plain value.</source>
        <translation>${%1} 的值（“%2”）在 %3 第 %4 行需要加引号，但它所在的普通文本在那里跨越多行；请在模板中把占位符放进带引号的字符串，或给出普通的值。</translation>
    </message>
    <message>
        <source>The value of ${%1} (&quot;%2&quot;) cannot go into %3 at line %4: there it stands unquoted (in a flow collection, after a tag or an anchor) and would change the YAML structure. Give a value without , [ ] { } # or &quot;: &quot;, or put the placeholder in a quoted string of its own in the template.</source>
        <translation>${%1} 的值（“%2”）不能放入 %3 第 %4 行：它在那里没有引号（位于流式集合中、标签或锚点之后），会改变 YAML 结构。请给出不含 , [ ] { } # 或 “: ” 的值，或在模板中把占位符放进单独的带引号字符串。</translation>
    </message>
</context>
<context>
    <name>gd::tmpl::TemplateSet</name>
    <message>
        <source>The template folder %1 does not exist; choose the folder that holds app-manifests-templates/.</source>
        <translation>模板文件夹 %1 不存在；请选择包含 app-manifests-templates/ 的文件夹。</translation>
    </message>
    <message>
        <source>the templates repository</source>
        <translation>模板仓库</translation>
    </message>
    <message>
        <source>The template set in %1 is incomplete: it has no %2. A template set needs the folders app-manifests-templates/, application-templates/ and pipeline-templates/.</source>
        <translation>%1 中的模板集不完整：缺少 %2。模板集需要 app-manifests-templates/、application-templates/ 和 pipeline-templates/ 三个文件夹。</translation>
    </message>
    <message>
        <source>The template file %1 cannot be read; check its permissions.</source>
        <translation>无法读取模板文件 %1；请检查其权限。</translation>
    </message>
</context>
<context>
    <name>gd::ui::ActivityPanel</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the selected task</source>
        <translation>停止所选任务</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <source>Remove finished tasks from this list</source>
        <translation>从列表中移除已完成的任务</translation>
    </message>
</context>
<context>
    <name>gd::ui::ArgoConnectionIndicator</name>
    <message>
        <source>Argo CD: not connected</source>
        <translation>Argo CD：未连接</translation>
    </message>
    <message>
        <source>Argo CD: connecting…</source>
        <translation>Argo CD：正在连接…</translation>
    </message>
    <message>
        <source>Argo CD: live</source>
        <translation>Argo CD：实时</translation>
    </message>
    <message>
        <source>Argo CD: reconnecting…</source>
        <translation>Argo CD：正在重新连接…</translation>
    </message>
    <message>
        <source>Argo CD: log in needed</source>
        <translation>Argo CD：需要登录</translation>
    </message>
</context>
<context>
    <name>gd::ui::ArgoLoginDialog</name>
    <message>
        <source>Log In to Argo CD</source>
        <translation>登录 Argo CD</translation>
    </message>
    <message>
        <source>Log in to Argo CD at %1.</source>
        <translation>登录 %1 的 Argo CD。</translation>
    </message>
    <message>
        <source>&amp;User name and password</source>
        <translation>用户名和密码(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>令牌(&amp;T)</translation>
    </message>
    <message>
        <source>argocd account generate-token</source>
        <translation>argocd account generate-token</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>The token is kept in the system keychain, never in a file.</source>
        <translation>令牌只保存在系统钥匙串中，绝不写入文件。</translation>
    </message>
    <message>
        <source>Log In</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>gd::ui::ArgoResourcePanel</name>
    <message>
        <source>the target revision</source>
        <translation>目标修订</translation>
    </message>
    <message>
        <source>Sync application</source>
        <translation>同步应用</translation>
    </message>
    <message>
        <source>Sync Argo CD application %1 to %2 now? The cluster is changed to what Git has at that revision.</source>
        <translation>现在将 Argo CD 应用 %1 同步到 %2 吗？集群将被改为 Git 在该修订中的内容。</translation>
    </message>
    <message>
        <source>Last operation: a sync was requested.</source>
        <translation>上次操作：已请求同步。</translation>
    </message>
    <message>
        <source>Last operation: none.</source>
        <translation>上次操作：无。</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Last operation: %1, finished %2. %3</source>
        <translation>上次操作：%1，完成于 %2。%3</translation>
    </message>
    <message>
        <source>Conditions: none.</source>
        <translation>状况：无。</translation>
    </message>
    <message>
        <source>Conditions:
%1</source>
        <translation>状况：
%1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Asks Argo CD to compare this application with Git again.</source>
        <translation>请 Argo CD 重新将此应用与 Git 比较。</translation>
    </message>
    <message>
        <source>S&amp;ync…</source>
        <translation>同步(&amp;Y)…</translation>
    </message>
    <message>
        <source>Applies what Git has to the cluster (asks first).</source>
        <translation>将 Git 中的内容应用到集群（会先确认）。</translation>
    </message>
    <message>
        <source>No Argo CD application deploys this environment.</source>
        <translation>没有 Argo CD 应用部署此环境。</translation>
    </message>
    <message>
        <source>Argo CD application %1</source>
        <translation>Argo CD 应用 %1</translation>
    </message>
    <message>
        <source>Argo CD application %1: %2, %3</source>
        <translation>Argo CD 应用 %1：%2，%3</translation>
    </message>
</context>
<context>
    <name>gd::ui::DiffView</name>
    <message>
        <source>No differences.</source>
        <translation>没有差异。</translation>
    </message>
</context>
<context>
    <name>gd::ui::FindBar</name>
    <message>
        <source>&quot;%1&quot; is not in this file.</source>
        <translation>此文件中没有“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>%n replacement(s).</source>
        <translation>
            <numerusform>已替换 %n 处。</numerusform>
        </translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>gd::ui::HealthBadgeDelegate</name>
    <message>
        <source>No application</source>
        <translation>无应用</translation>
    </message>
    <message>
        <source>GA %1</source>
        <translation>正式版 %1</translation>
    </message>
    <message>
        <source>canary %1</source>
        <translation>金丝雀 %1</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>落后</translation>
    </message>
</context>
<context>
    <name>gd::ui::HealthMatrixModel</name>
    <message>
        <source>%1 / %2 in %3</source>
        <translation>%1 / %2（%3 环境）</translation>
    </message>
    <message>
        <source>This service has no folder for this environment in Git.</source>
        <translation>此服务在 Git 中没有该环境的文件夹。</translation>
    </message>
    <message>
        <source>GA tag: %1</source>
        <translation>正式版标签：%1</translation>
    </message>
    <message>
        <source>Canary tag: %1</source>
        <translation>金丝雀标签：%1</translation>
    </message>
    <message>
        <source>No Argo CD application deploys this folder.</source>
        <translation>没有 Argo CD 应用部署此文件夹。</translation>
    </message>
    <message>
        <source>Application: %1</source>
        <translation>应用：%1</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>健康：%1</translation>
    </message>
    <message>
        <source>Health: %1 (%2)</source>
        <translation>健康：%1（%2）</translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation>同步：%1</translation>
    </message>
    <message>
        <source>Sync: %1 at %2</source>
        <translation>同步：%1，修订 %2</translation>
    </message>
    <message>
        <source>Last operation: %1</source>
        <translation>上次操作：%1</translation>
    </message>
    <message>
        <source>Last operation: %1 (%2)</source>
        <translation>上次操作：%1（%2）</translation>
    </message>
    <message>
        <source>A sync was requested.</source>
        <translation>已请求同步。</translation>
    </message>
    <message>
        <source>Behind: Argo CD synced %1, but the last change to this folder is %2.</source>
        <translation>落后：Argo CD 同步的是 %1，但此文件夹的最新变更是 %2。</translation>
    </message>
    <message>
        <source>No application</source>
        <translation>无应用</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>gd::ui::HealthMatrixPage</name>
    <message>
        <source>%1 / %2 in %3 is Degraded</source>
        <translation>%1 / %2（%3 环境）已降级</translation>
    </message>
    <message>
        <source>Argo CD application %1 turned Degraded.</source>
        <translation>Argo CD 应用 %1 已变为降级。</translation>
    </message>
    <message>
        <source>Argo CD application %1 turned Degraded: %2</source>
        <translation>Argo CD 应用 %1 已变为降级：%2</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>所有项目</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>项目(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Only not Healthy or out of sync</source>
        <translation>仅显示不健康或未同步(&amp;O)</translation>
    </message>
    <message>
        <source>Shows only the services with an application that is not Healthy or is out of sync in some environment.</source>
        <translation>只显示在某个环境中应用不健康或未同步的服务。</translation>
    </message>
    <message>
        <source>Argo CD applications of other repos or paths: %1</source>
        <translation>属于其他仓库或路径的 Argo CD 应用：%1</translation>
    </message>
</context>
<context>
    <name>gd::ui::JobDelegate</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>Finished in %1</source>
        <translation>已完成，用时 %1</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed after %1</source>
        <translation>失败，用时 %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>gd::ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a workspace file (workspace.yaml)</source>
        <translation>打开工作区文件（workspace.yaml）</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Fetch every deployment repository again</source>
        <translation>重新获取所有部署仓库</translation>
    </message>
    <message>
        <source>&amp;Filter Tree</source>
        <translation>筛选树(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;About GitOps Desk</source>
        <translation>关于 GitOps Desk(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>&amp;Activity Panel</source>
        <translation>活动面板(&amp;A)</translation>
    </message>
    <message>
        <source>Filter by name or tag</source>
        <translation>按名称或标签筛选</translation>
    </message>
    <message>
        <source>Last refresh %1</source>
        <translation>上次刷新 %1</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>%1 — GitOps Desk</source>
        <translation>%1 — GitOps Desk</translation>
    </message>
    <message>
        <source>GitOps Desk</source>
        <translation>GitOps Desk</translation>
    </message>
    <message>
        <source>Refresh workspace %1</source>
        <translation>刷新工作区 %1</translation>
    </message>
    <message>
        <source>Open workspace %1</source>
        <translation>打开工作区 %1</translation>
    </message>
    <message>
        <source>This workspace has no projects yet.</source>
        <translation>此工作区还没有项目。</translation>
    </message>
    <message>
        <source>Select a project or a service on the left.</source>
        <translation>请在左侧选择一个项目或服务。</translation>
    </message>
    <message>
        <source>Read manifests of %1 in %2</source>
        <translation>读取 %1 在 %2 环境的清单</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Workspace files (*.yaml *.yml);;All files (*)</source>
        <translation>工作区文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About GitOps Desk</source>
        <translation>关于 GitOps Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;GitOps Desk %1&lt;/h3&gt;&lt;p&gt;A desktop console for releases with Argo CD, Kustomize overlays in Git and KubeSphere pipelines: see what each environment runs, release, promote and roll back with a reviewed Git commit.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;GitOps Desk %1&lt;/h3&gt;&lt;p&gt;面向 Argo CD、Git 中的 Kustomize 覆盖层和 KubeSphere 流水线的桌面发布控制台：查看每个环境正在运行的版本，并通过经过审阅的 Git 提交进行发布、晋升和回滚。&lt;/p&gt;&lt;p&gt;依据 GNU 通用公共许可证第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Workspace: %1   ·   Projects: %2   ·   Service environments: %3</source>
        <translation>工作区：%1   ·   项目：%2   ·   服务环境：%3</translation>
    </message>
    <message>
        <source>Some projects could not be read completely (%1). Select a project marked with a warning sign to see why.</source>
        <translation>有 %1 个项目未能完整读取。请选择带有警告标记的项目查看原因。</translation>
    </message>
    <message>
        <source>Health Matrix</source>
        <translation>健康矩阵</translation>
    </message>
    <message>
        <source>Live health needs an Argo CD login: %1 Log in with the argocd CLI or store a token, then refresh the workspace.</source>
        <translation>实时健康状态需要登录 Argo CD：%1 请用 argocd CLI 登录或保存令牌，然后刷新工作区。</translation>
    </message>
    <message>
        <source>Recover Unsaved Edits?</source>
        <translation>恢复未保存的编辑？</translation>
    </message>
    <message>
        <source>GitOps Desk closed before these edits were saved:

%1

Open them in the editor again?</source>
        <translation>GitOps Desk 在保存以下编辑之前已关闭：

%1

要在编辑器中重新打开它们吗？</translation>
    </message>
    <message>
        <source>&amp;New Service…</source>
        <translation>新建服务(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a service from the templates: review, commit, push, create its Argo CD Applications</source>
        <translation>从模板创建服务：审阅、提交、推送并创建其 Argo CD 应用</translation>
    </message>
    <message>
        <source>Sign In to GitLab</source>
        <translation>登录 GitLab</translation>
    </message>
    <message>
        <source>Enter an access token for %1 with the api and write_repository scopes. It is kept in the system keychain.</source>
        <translation>请输入 %1 的访问令牌（需要 api 和 write_repository 权限范围）。令牌保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>The GitLab token could not be kept in the system keychain, so it will be asked for again next time: %1</source>
        <translation>GitLab 令牌无法保存到系统钥匙串，下次将再次询问：%1</translation>
    </message>
    <message>
        <source>Read the workspace file %1</source>
        <translation>读取工作区文件 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s) could not be fetched and are shown from their cached copies. Select a project marked with a warning sign to see how old its copy is and why.</source>
        <translation>
            <numerusform>有 %n 个项目无法获取，当前显示的是其缓存副本。请选择带有警告标记的项目，查看其副本的新旧程度及原因。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::ui::MessageBanner</name>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>gd::ui::NewServiceController</name>
    <message>
        <source>Reading the templates…</source>
        <translation>正在读取模板…</translation>
    </message>
    <message>
        <source>Read the templates of %1</source>
        <translation>读取 %1 的模板</translation>
    </message>
    <message>
        <source>Reading the stored answers of %1</source>
        <translation>正在读取 %1 已保存的向导答案</translation>
    </message>
    <message>
        <source>The templates repository could not be fetched; these are the files it had last time.</source>
        <translation>无法拉取模板仓库；以下是其上次的文件。</translation>
    </message>
    <message>
        <source>Preview the new service %1</source>
        <translation>预览新服务 %1</translation>
    </message>
    <message>
        <source>Rendering and building %1 for %2…</source>
        <translation>正在为 %2 渲染并构建 %1…</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>正在获取 %1</translation>
    </message>
</context>
<context>
    <name>gd::ui::NewServiceWizard</name>
    <message>
        <source>New Service</source>
        <translation>新建服务</translation>
    </message>
    <message>
        <source>an existing project or a new name</source>
        <translation>已有项目或新名称</translation>
    </message>
    <message>
        <source>for example orders</source>
        <translation>例如 orders</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>项目(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Service name:</source>
        <translation>服务名称(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Language template:</source>
        <translation>语言模板(&amp;L)：</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Which project the service belongs to, its name and its language template.</source>
        <translation>服务所属的项目、服务名称及其语言模板。</translation>
    </message>
    <message>
        <source>GA only</source>
        <translation>仅正式版</translation>
    </message>
    <message>
        <source>Canary + GA</source>
        <translation>金丝雀 + GA</translation>
    </message>
    <message>
        <source>for example registry.example.com/shop/orders</source>
        <translation>例如 registry.example.com/shop/orders</translation>
    </message>
    <message>
        <source>An autoscaler (HPA) manages the replicas</source>
        <translation>由自动扩缩容（HPA）管理副本数</translation>
    </message>
    <message>
        <source>Argo CD undoes changes made in the cluster (selfHeal)</source>
        <translation>Argo CD 撤销在集群中所做的手动更改（selfHeal）</translation>
    </message>
    <message>
        <source>Empty: each environment&apos;s namespace from the workspace.</source>
        <translation>留空：使用工作区中各环境的命名空间。</translation>
    </message>
    <message>
        <source>&amp;Environments:</source>
        <translation>环境(&amp;E)：</translation>
    </message>
    <message>
        <source>S&amp;tage level:</source>
        <translation>阶段级别(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Image repository:</source>
        <translation>镜像仓库(&amp;I)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Replicas:</source>
        <translation>副本数(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Cluster:</source>
        <translation>集群(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>命名空间(&amp;N)：</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>%1 (not in the workspace)</source>
        <translation>%1（不在工作区中）</translation>
    </message>
    <message>
        <source>Enter a project: choose an existing one or type a new name.</source>
        <translation>请输入项目：选择已有项目或输入新名称。</translation>
    </message>
    <message>
        <source>Enter the service name, for example orders.</source>
        <translation>请输入服务名称，例如 orders。</translation>
    </message>
    <message>
        <source>The template set offers no language template; check the workspace&apos;s templates.</source>
        <translation>模板集中没有任何语言模板；请检查工作区的模板。</translation>
    </message>
    <message>
        <source>The template set has no &quot;%1&quot; template; choose one of: %2.</source>
        <translation>模板集中没有“%1”模板；请从以下选择：%2。</translation>
    </message>
    <message>
        <source>No environment is chosen; choose at least one environment to deploy to.</source>
        <translation>尚未选择环境；请至少选择一个要部署到的环境。</translation>
    </message>
    <message>
        <source>Enter the image repository, for example registry.example.com/shop/orders.</source>
        <translation>请输入镜像仓库，例如 registry.example.com/shop/orders。</translation>
    </message>
    <message>
        <source>The image repository &quot;%1&quot; is not a valid image name; use letters, digits and . _ - / only, starting and ending with a letter or digit.</source>
        <translation>镜像仓库“%1”不是有效的镜像名称；只能使用字母、数字和 . _ - /，并以字母或数字开头和结尾。</translation>
    </message>
    <message>
        <source>builtin templates</source>
        <translation>内置模板</translation>
    </message>
    <message>
        <source>Templates:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Empty: the project&apos;s name.</source>
        <translation>留空：使用项目名称。</translation>
    </message>
    <message>
        <source>for example https://gitlab.example.com/shop/orders.git</source>
        <translation>例如 https://gitlab.example.com/shop/orders.git</translation>
    </message>
    <message>
        <source>&amp;DevOps project namespace:</source>
        <translation>DevOps 项目命名空间(&amp;D)：</translation>
    </message>
    <message>
        <source>Source &amp;repository:</source>
        <translation>源代码仓库(&amp;R)：</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>流水线</translation>
    </message>
    <message>
        <source>The KubeSphere pipeline that builds the image and releases it through this deployment repository, and the Argo CD Application that deploys the pipeline.</source>
        <translation>构建镜像并通过此部署仓库发布的 KubeSphere 流水线，以及部署该流水线的 Argo CD 应用。</translation>
    </message>
    <message>
        <source>%1 already exists in %2: the review will show what would change, and nothing changes without your Commit.</source>
        <translation>%1 已存在于 %2 中：审阅将显示会发生的更改，未经您提交不会有任何更改。</translation>
    </message>
    <message>
        <source>Where and how the service runs. Left empty, cluster and namespace are each environment&apos;s own from the workspace.</source>
        <translation>服务在哪里、以何种方式运行。集群和命名空间留空时，各环境使用工作区中为其设定的值。</translation>
    </message>
    <message>
        <source>Empty: each environment&apos;s cluster from the workspace.</source>
        <translation>留空：各环境使用工作区中为其设定的集群。</translation>
    </message>
</context>
<context>
    <name>gd::ui::OverlayEditorWindow</name>
    <message>
        <source>Saved %1 in the working copy.</source>
        <translation>已将 %1 保存到工作副本。</translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the file in the working copy (nothing is committed yet)</source>
        <translation>将文件保存到工作副本（尚未提交任何内容）</translation>
    </message>
    <message>
        <source>&amp;Review and Commit…</source>
        <translation>审阅并提交(&amp;R)…</translation>
    </message>
    <message>
        <source>See the file and rendered diffs, then commit and push</source>
        <translation>查看文件差异和渲染出的清单差异，然后提交并推送</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Autoscaler Manages Replicas</source>
        <translation>由自动扩缩容管理副本数</translation>
    </message>
    <message>
        <source>Comment out spec.replicas so that Argo CD does not fight the HorizontalPodAutoscaler (unchecked: restore it)</source>
        <translation>注释掉 spec.replicas，使 Argo CD 不与 HorizontalPodAutoscaler 争夺副本数（取消勾选：恢复该字段）</translation>
    </message>
    <message>
        <source>Self-Heal</source>
        <translation>自愈</translation>
    </message>
    <message>
        <source>Let Argo CD undo changes made to the cluster by hand (syncPolicy.automated.selfHeal)</source>
        <translation>让 Argo CD 撤销对集群的手动更改（syncPolicy.automated.selfHeal）</translation>
    </message>
    <message>
        <source>Add Environment Variable…</source>
        <translation>添加环境变量…</translation>
    </message>
    <message>
        <source>Add Label…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Helpers</source>
        <translation>快捷操作(&amp;H)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Rendered Preview</source>
        <translation>渲染预览</translation>
    </message>
    <message>
        <source>The preview appears once the overlay is built.</source>
        <translation>覆盖层构建完成后将显示预览。</translation>
    </message>
    <message>
        <source>%1 in %2 (%3) — Manifest Editor</source>
        <translation>%1 在 %2 环境（%3） — 清单编辑器</translation>
    </message>
    <message>
        <source>Unsaved edits of %1 from an earlier session were recovered. Save them, or undo (Ctrl+Z) to go back to the working copy&apos;s version.</source>
        <translation>已恢复 %1 在上次会话中未保存的编辑。请保存，或撤销（Ctrl+Z）以回到工作副本中的版本。</translation>
    </message>
    <message>
        <source>Fetching the branch and building both overlays for the review…</source>
        <translation>正在获取分支并构建修改前后的覆盖层以供审阅…</translation>
    </message>
    <message>
        <source>Committing and pushing…</source>
        <translation>正在提交并推送…</translation>
    </message>
    <message>
        <source>Start Again from the Remote Version?</source>
        <translation>从远程版本重新开始？</translation>
    </message>
    <message>
        <source>%1 was changed on the remote since you started editing it. Start again from the remote version? Your version of this file is thrown away.</source>
        <translation>自开始编辑以来，%1 已在远程仓库中被修改。要从远程版本重新开始吗？此文件的本地版本将被丢弃。</translation>
    </message>
    <message>
        <source>Built with kustomize from the text being edited.</source>
        <translation>由 kustomize 根据正在编辑的文本构建。</translation>
    </message>
    <message>
        <source>The overlay does not build with this text; the Problems panel says why. The preview shows the last text that built.</source>
        <translation>使用当前文本无法构建覆盖层，原因见“问题”面板。预览显示的是最后一次成功构建的文本。</translation>
    </message>
    <message>
        <source>Problems: %1, %2</source>
        <translation>问题：%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Environment Variable</source>
        <translation>添加环境变量</translation>
    </message>
    <message>
        <source>Add Label</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>键：</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>值：</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved in the working copy. Save them before closing?</source>
        <translation>%1 有尚未保存到工作副本的更改。关闭前要保存吗？</translation>
    </message>
    <message>
        <source>Re&amp;place…</source>
        <translation>替换(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>gd::ui::ProblemList</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>gd::ui::ProjectPage</name>
    <message>
        <source>This project could not be read completely; what is shown may be out of date.</source>
        <translation>此项目未能完整读取；显示的内容可能已过时。</translation>
    </message>
    <message>
        <source>branch tip %1</source>
        <translation>分支最新提交 %1</translation>
    </message>
    <message>
        <source>empty repository</source>
        <translation>空仓库</translation>
    </message>
    <message>
        <source>Released tags by environment</source>
        <translation>各环境已发布的标签</translation>
    </message>
    <message>
        <source>Double-click a cell to open that service.</source>
        <translation>双击单元格可打开对应的服务。</translation>
    </message>
    <message>
        <source>Services: %1</source>
        <translation>服务：%1</translation>
    </message>
    <message>
        <source>New Service…</source>
        <translation>新建服务…</translation>
    </message>
    <message>
        <source>Create a service in %1 from the templates: review, commit, push, create its Argo CD Applications</source>
        <translation>从模板在 %1 中创建服务：审阅、提交、推送并创建其 Argo CD 应用</translation>
    </message>
    <message>
        <source>The deployment repository could not be fetched: what is shown is from %1. Refresh once the repository can be reached.</source>
        <translation>无法获取部署仓库：当前显示的内容来自 %1。待可以访问该仓库后，请刷新。</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
</context>
<context>
    <name>gd::ui::ProjectSummaryModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>%1 · canary %2</source>
        <translation>%1 · 金丝雀 %2</translation>
    </message>
    <message>
        <source>%1 is not deployed to %2.</source>
        <translation>%1 未部署到 %2。</translation>
    </message>
</context>
<context>
    <name>gd::ui::ProjectTreeModel</name>
    <message>
        <source>Project %1
%2</source>
        <translation>项目 %1
%2</translation>
    </message>
    <message>
        <source>Branch tip %1</source>
        <translation>分支最新提交 %1</translation>
    </message>
    <message>
        <source>%1 in %2: canary %3, GA %4</source>
        <translation>%1 在 %2：金丝雀 %3，正式版 %4</translation>
    </message>
    <message>
        <source>%1 in %2: GA %3</source>
        <translation>%1 在 %2：正式版 %3</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>GA</source>
        <translation>GA</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>Service %1 of project %2
Environments: %3</source>
        <translation>项目 %2 的服务 %1
环境：%3</translation>
    </message>
</context>
<context>
    <name>gd::ui::RegistrySignInDialog</name>
    <message>
        <source>Sign In to the Registry</source>
        <translation>登录镜像仓库</translation>
    </message>
    <message>
        <source>Enter a user name (or robot account) and its password or access token for %1. The sign-in is kept in the system keychain.</source>
        <translation>请输入 %1 的用户名（或机器人账户）及其密码或访问令牌。登录信息保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password or token:</source>
        <translation>密码或令牌：</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>A user name cannot contain &apos;:&apos;. Check the user name.</source>
        <translation>用户名不能包含“:”。请检查用户名。</translation>
    </message>
</context>
<context>
    <name>gd::ui::ReleaseController</name>
    <message>
        <source>The workspace names no container registry, so tags are typed and not checked.</source>
        <translation>工作区未指定容器镜像仓库，因此标签需手动输入，且不会被检查。</translation>
    </message>
    <message>
        <source>%1 (canary)</source>
        <translation>%1（金丝雀）</translation>
    </message>
    <message>
        <source>Release %1 %2 to %3 (canary)</source>
        <translation>发布 %1 %2 到 %3（金丝雀）</translation>
    </message>
    <message>
        <source>Release %1 %2 to %3</source>
        <translation>发布 %1 %2 到 %3</translation>
    </message>
    <message>
        <source>The registry has no tag %1 for %2. Push the image first, or pick a tag from the list.</source>
        <translation>镜像仓库中没有 %2 的标签 %1。请先推送镜像，或从列表中选择一个标签。</translation>
    </message>
    <message>
        <source>Approval Required</source>
        <translation>需要审批</translation>
    </message>
    <message>
        <source>%1 requires approval. Type the service name (%2) to %3.</source>
        <translation>%1 需要审批。请输入服务名称（%2）以确认%3。</translation>
    </message>
    <message>
        <source>Not Approved</source>
        <translation>未获批准</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the service name, so nothing was done.</source>
        <translation>“%1”不是服务名称，因此未执行任何操作。</translation>
    </message>
    <message>
        <source>promote the canary</source>
        <translation>将金丝雀晋升为 GA</translation>
    </message>
    <message>
        <source>Promote %1 %2 to GA in %3</source>
        <translation>在 %3 中将 %1 %2 晋升为 GA</translation>
    </message>
    <message>
        <source>Abort canary %1 of %2 in %3</source>
        <translation>中止 %3 中 %2 的金丝雀 %1</translation>
    </message>
    <message>
        <source>Roll back %1 in %2 (revert %3)</source>
        <translation>在 %2 中回滚 %1（撤销 %3）</translation>
    </message>
    <message>
        <source>Roll back %1 in %2 to %3</source>
        <translation>在 %2 中将 %1 回滚到 %3</translation>
    </message>
    <message>
        <source>Building the review of %1…</source>
        <translation>正在准备审阅：%1…</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>审阅：%1</translation>
    </message>
    <message>
        <source>The deployment repo cannot be fetched, so the review would be out of date.</source>
        <translation>无法获取部署仓库，审阅将基于过时的内容。</translation>
    </message>
    <message>
        <source>Roll Back Not Possible</source>
        <translation>无法回滚</translation>
    </message>
    <message>
        <source>Release %1 forward instead?</source>
        <translation>改为重新发布 %1 吗？</translation>
    </message>
    <message>
        <source>Read the release history of %1 in %2</source>
        <translation>读取 %1 在 %2 环境的发布历史</translation>
    </message>
    <message>
        <source>No system keychain can be reached here, so the sign-in holds only until the window closes.</source>
        <translation>此处无法访问系统钥匙串，因此登录仅在窗口关闭前有效。</translation>
    </message>
    <message>
        <source>The sign-in works, but it could not be kept in the system keychain, so it holds only until the window closes: %1</source>
        <translation>登录有效，但无法保存到系统钥匙串，因此仅在窗口关闭前有效：%1</translation>
    </message>
    <message>
        <source>Overlay Already Broken</source>
        <translation>覆盖层已损坏</translation>
    </message>
    <message>
        <source>Go ahead with the change on the broken overlay? Argo CD cannot sync the environment until the overlay is fixed.</source>
        <translation>仍要在已损坏的覆盖层上进行此更改吗？在覆盖层修复之前，Argo CD 无法同步该环境。</translation>
    </message>
    <message>
        <source>Broken before this change: %1</source>
        <translation>此更改之前就已存在的问题：%1</translation>
    </message>
</context>
<context>
    <name>gd::ui::ReleaseDialog</name>
    <message>
        <source>Release %1 to %2</source>
        <translation>发布 %1 到 %2</translation>
    </message>
    <message>
        <source>Release %1 to %2 (%3)</source>
        <translation>发布 %1 到 %2（%3）</translation>
    </message>
    <message>
        <source>%1 runs %2 (GA).</source>
        <translation>%1 正在运行 %2（GA）。</translation>
    </message>
    <message>
        <source>%1 runs %2 (GA) and %3 (canary).</source>
        <translation>%1 正在运行 %2（GA）和 %3（金丝雀）。</translation>
    </message>
    <message>
        <source>Canary first, then promote to GA after approval</source>
        <translation>先发布到金丝雀，审批后再晋升为 GA</translation>
    </message>
    <message>
        <source>GA directly</source>
        <translation>直接发布到 GA</translation>
    </message>
    <message>
        <source>This environment has no canary stage in use.</source>
        <translation>此环境未启用金丝雀阶段。</translation>
    </message>
    <message>
        <source>Type a tag or pick one the registry has</source>
        <translation>输入标签，或从镜像仓库已有的标签中选择</translation>
    </message>
    <message>
        <source>Reading the tags from the registry…</source>
        <translation>正在从镜像仓库读取标签…</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>审阅…</translation>
    </message>
    <message>
        <source>runs in %1</source>
        <translation>运行于 %1</translation>
    </message>
    <message>
        <source>Pushed %1</source>
        <translation>推送于 %1</translation>
    </message>
    <message>
        <source>The registry has no tags for this image.</source>
        <translation>镜像仓库中没有此镜像的标签。</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) in the registry, newest first.</source>
        <translation>
            <numerusform>镜像仓库中有 %n 个标签，最新的在前。</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image tag: use letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; (at most 128, not starting with &apos;.&apos; or &apos;-&apos;).</source>
        <translation>“%1”不是有效的镜像标签：请使用字母、数字、“_”、“.”和“-”（最多 128 个字符，且不能以“.”或“-”开头）。</translation>
    </message>
    <message>
        <source>The %1 stage already runs %2.</source>
        <translation>%1 阶段已在运行 %2。</translation>
    </message>
    <message>
        <source>canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>GA</source>
        <translation>GA</translation>
    </message>
    <message>
        <source>Sign In to the Registry…</source>
        <translation>登录镜像仓库…</translation>
    </message>
</context>
<context>
    <name>gd::ui::ReleaseGate</name>
    <message>
        <source>The canary runs %1 in %2 beside GA %3. Promote it to GA once it looks good, or abort it (the canary release is reverted).</source>
        <translation>金丝雀在 %2 中运行 %1，与 GA %3 并行。确认无误后将其晋升为 GA，或将其中止（撤销金丝雀发布）。</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 went to GA %2 (%3). Roll back with one click for %n more minute(s).</source>
        <translation>
            <numerusform>%1 %2成为 GA（%3）。在接下来的 %n 分钟内可一键回滚。</numerusform>
        </translation>
    </message>
    <message>
        <source>Promote to GA…</source>
        <translation>晋升为 GA…</translation>
    </message>
    <message>
        <source>Abort Canary…</source>
        <translation>中止金丝雀…</translation>
    </message>
    <message>
        <source>Roll Back…</source>
        <translation>回滚…</translation>
    </message>
</context>
<context>
    <name>gd::ui::ReleaseHistoryModel</name>
    <message>
        <source>Promote to GA</source>
        <translation>晋升为 GA</translation>
    </message>
    <message>
        <source>Abort canary</source>
        <translation>中止金丝雀</translation>
    </message>
    <message>
        <source>Roll back (canary)</source>
        <translation>回滚（金丝雀）</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Release (canary)</source>
        <translation>发布（金丝雀）</translation>
    </message>
    <message>
        <source>Release (GA)</source>
        <translation>发布（GA）</translation>
    </message>
    <message>
        <source>Tag change (canary)</source>
        <translation>标签变更（金丝雀）</translation>
    </message>
    <message>
        <source>Tag change (GA)</source>
        <translation>标签变更（GA）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Synced and healthy</source>
        <translation>已同步且健康</translation>
    </message>
    <message>
        <source>Sync or health failed</source>
        <translation>同步或健康检查失败</translation>
    </message>
    <message>
        <source>Pushed; not followed</source>
        <translation>已推送；未跟踪</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>已推送</translation>
    </message>
    <message>
        <source>roll back until %1</source>
        <translation>%1 前可回滚</translation>
    </message>
    <message>
        <source>rollback window closed %1</source>
        <translation>回滚窗口已于 %1 关闭</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>gd::ui::ReleasePanel</name>
    <message>
        <source>Reading the release history from Git…</source>
        <translation>正在从 Git 读取发布历史…</translation>
    </message>
    <message>
        <source>No releases yet.</source>
        <translation>尚无发布。</translation>
    </message>
    <message>
        <source>Release history</source>
        <translation>发布历史</translation>
    </message>
    <message>
        <source>Release history in %1</source>
        <translation>%1 环境的发布历史</translation>
    </message>
    <message>
        <source>Roll Back Selected…</source>
        <translation>回滚所选变更…</translation>
    </message>
    <message>
        <source>Revert the selected change with a new commit, then sync</source>
        <translation>用一个新提交撤销所选变更，然后同步</translation>
    </message>
    <message>
        <source>This change brought the service into the environment: there is no earlier version to roll back to.</source>
        <translation>此更改将服务引入了该环境：没有更早的版本可以回滚。</translation>
    </message>
</context>
<context>
    <name>gd::ui::ReviewDialog</name>
    <message>
        <source>Review Changes</source>
        <translation>审阅更改</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation>文件（%1）</translation>
    </message>
    <message>
        <source>Rendered manifests (%1)</source>
        <translation>渲染出的清单（%1）</translation>
    </message>
    <message>
        <source>Rendered manifests</source>
        <translation>渲染出的清单</translation>
    </message>
    <message>
        <source>Validation (%1)</source>
        <translation>校验（%1）</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Review changes to %1 in %2 (%3)</source>
        <translation>审阅 %1 在 %2 环境的更改（%3）</translation>
    </message>
    <message>
        <source>Base %1 → remote tip %2 (the remote has not moved since you started).</source>
        <translation>基准 %1 → 远程最新提交 %2（开始编辑以来远程仓库没有变化）。</translation>
    </message>
    <message>
        <source>Base %1 → remote tip %2 (the commit goes on top of the remote tip).</source>
        <translation>基准 %1 → 远程最新提交 %2（提交将基于远程最新提交）。</translation>
    </message>
    <message>
        <source>Unified</source>
        <translation>统一视图</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排视图</translation>
    </message>
    <message>
        <source>The commit is refused: someone pushed a change to the same file after you started editing, and committing would overwrite their change. Compare the three versions below, then start again from the remote version and redo your edit.</source>
        <translation>提交被拒绝：开始编辑后，有人向同一文件推送了更改，继续提交会覆盖其更改。请比较下面的三个版本，然后从远程版本重新开始并重新编辑。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Lines that differ from the base version are highlighted.</source>
        <translation>与基准版本不同的行已高亮显示。</translation>
    </message>
    <message>
        <source>Base — when you started</source>
        <translation>基准 — 开始编辑时</translation>
    </message>
    <message>
        <source>Remote — now</source>
        <translation>远程 — 当前</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>本地版本</translation>
    </message>
    <message>
        <source>The file is empty in this version.</source>
        <translation>此版本中该文件为空。</translation>
    </message>
    <message>
        <source>The file does not exist in this version.</source>
        <translation>此版本中不存在该文件。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select a file to see what changes in it.</source>
        <translation>选择文件以查看其中的更改。</translation>
    </message>
    <message>
        <source>The file&apos;s content does not change.</source>
        <translation>文件内容没有变化。</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Select a resource to see how its rendered manifest changes.</source>
        <translation>选择资源以查看其渲染出的清单如何变化。</translation>
    </message>
    <message>
        <source>The rendered manifests do not change: kustomize builds the same resources as from the remote version.</source>
        <translation>渲染出的清单没有变化：kustomize 构建出的资源与远程版本相同。</translation>
    </message>
    <message>
        <source>No problems found: every file parses, the overlay builds and its image entries match containers.</source>
        <translation>未发现问题：所有文件均可解析，覆盖层可以构建，且 images 条目均与容器匹配。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) block the commit; fix them in the editor and review again.</source>
        <translation>
            <numerusform>%n 个错误阻止提交；请在编辑器中修正后重新审阅。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s) do not block it.</source>
        <translation>
            <numerusform>%n 个警告不影响提交。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s); they do not block the commit.</source>
        <translation>
            <numerusform>%n 个警告；它们不影响提交。</numerusform>
        </translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Error: blocks the commit</source>
        <translation>错误：阻止提交</translation>
    </message>
    <message>
        <source>Warning: does not block the commit</source>
        <translation>警告：不阻止提交</translation>
    </message>
    <message>
        <source>Edit %1 overlay in %2</source>
        <translation>编辑 %1 在 %2 环境的覆盖层</translation>
    </message>
    <message>
        <source>What this change does, in one line</source>
        <translation>用一行说明此更改的作用</translation>
    </message>
    <message>
        <source>Optional: why the change is needed, a ticket number, …</source>
        <translation>可选：为何需要此更改、工单编号…</translation>
    </message>
    <message>
        <source>Commit &amp;summary:</source>
        <translation>提交摘要(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>详细说明(&amp;D)：</translation>
    </message>
    <message>
        <source>Commit and Push</source>
        <translation>提交并推送</translation>
    </message>
    <message>
        <source>Write a one-line summary of the change to commit it.</source>
        <translation>请填写一行更改摘要以进行提交。</translation>
    </message>
    <message>
        <source>Commit on top of the remote tip and push the change.</source>
        <translation>基于远程最新提交进行提交并推送更改。</translation>
    </message>
    <message>
        <source>The repository %1 does not exist yet: Commit creates it and pushes its first commit.</source>
        <translation>仓库 %1 尚不存在：提交时会先创建它，再推送第一个提交。</translation>
    </message>
    <message>
        <source>The repository is empty: this is its first commit.</source>
        <translation>仓库为空：这是它的第一个提交。</translation>
    </message>
</context>
<context>
    <name>gd::ui::ServiceEnvironmentModel</name>
    <message>
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>GA only</source>
        <translation>仅正式版</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>The canary overlay holds %1 but is not deployed: this environment runs GA only.</source>
        <translation>金丝雀覆盖层中为 %1，但未部署：此环境只运行正式版。</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>GA tag</source>
        <translation>GA 标签</translation>
    </message>
    <message>
        <source>Canary tag</source>
        <translation>金丝雀标签</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
</context>
<context>
    <name>gd::ui::ServicePage</name>
    <message>
        <source>This service has no environment folders.</source>
        <translation>此服务没有环境文件夹。</translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation>项目 %1</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>镜像 %1</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Manifest files</source>
        <translation>清单文件</translation>
    </message>
    <message>
        <source>Manifest files in %1</source>
        <translation>%1 环境的清单文件</translation>
    </message>
    <message>
        <source>Reading the files from Git…</source>
        <translation>正在从 Git 读取文件…</translation>
    </message>
    <message>
        <source>Select a file to see its content.</source>
        <translation>选择文件以查看其内容。</translation>
    </message>
    <message>
        <source>Edit Manifests…</source>
        <translation>编辑清单…</translation>
    </message>
    <message>
        <source>Edit the files of %1 in a working copy; nothing is committed before you review it</source>
        <translation>在工作副本中编辑 %1 的文件；审阅之前不会提交任何内容</translation>
    </message>
    <message>
        <source>%1 at commit %2 (read-only here; Edit Manifests… opens the editor)</source>
        <translation>提交 %2 中的 %1（此处只读；“编辑清单…”会打开编辑器）</translation>
    </message>
    <message>
        <source>Release…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Release an image tag to %1: review, commit, push, sync</source>
        <translation>将镜像标签发布到 %1：审阅、提交、推送、同步</translation>
    </message>
    <message>
        <source>Manifests</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Release History</source>
        <translation>发布历史</translation>
    </message>
    <message>
        <source>Run Wizard Again…</source>
        <translation>再次运行向导…</translation>
    </message>
    <message>
        <source>Run the New Service wizard for %1 again, starting from its stored answers; the review shows what would change</source>
        <translation>从已保存的答案开始，为 %1 再次运行新建服务向导；审阅将显示会发生的更改</translation>
    </message>
</context>
<context>
    <name>gd::ui::WelcomePage</name>
    <message>
        <source>GitOps Desk</source>
        <translation>GitOps Desk</translation>
    </message>
    <message>
        <source>Open a workspace file to browse its projects, services and environments,
with the tags each environment runs.</source>
        <translation>打开工作区文件，浏览其中的项目、服务和环境，
以及每个环境正在运行的标签。</translation>
    </message>
    <message>
        <source>Open Workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>最近的工作区</translation>
    </message>
</context>
<context>
    <name>gd::ws::Autosave</name>
    <message>
        <source>Unsaved edits cannot be kept aside: the folder %1 cannot be created.</source>
        <translation>无法暂存未保存的编辑：无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Unsaved edits cannot be kept aside in %1.</source>
        <translation>无法将未保存的编辑暂存到 %1。</translation>
    </message>
</context>
<context>
    <name>gd::ws::Catalog</name>
    <message>
        <source>Loading the workspace was cancelled.</source>
        <translation>加载工作区已取消。</translation>
    </message>
    <message>
        <source>%1 does not parse.</source>
        <translation>%1 无法解析。</translation>
    </message>
    <message>
        <source>%1 has no manifests/kustomization.yaml.</source>
        <translation>%1 中没有 manifests/kustomization.yaml。</translation>
    </message>
    <message>
        <source>%1 has no GA overlay (manifests/ga/kustomization.yaml).</source>
        <translation>%1 中没有 GA 覆盖层（manifests/ga/kustomization.yaml）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; is not a valid service environment name.</source>
        <translation>“%2”环境中的“%1”不是有效的服务环境名称。</translation>
    </message>
    <message>
        <source>A GitLab workspace needs its signed-in provider to be read.</source>
        <translation>读取 GitLab 工作区需要已登录的提供者。</translation>
    </message>
    <message>
        <source>the cached copy (of unknown age)</source>
        <translation>缓存副本（获取时间未知）</translation>
    </message>
    <message>
        <source>less than a minute old</source>
        <translation>不到一分钟前</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) old</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) old</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) old</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>the cached copy of %1 (%2)</source>
        <translation>%1 获取的缓存副本（%2）</translation>
    </message>
    <message>
        <source>The deployment repository could not be fetched; this is %1. %2</source>
        <translation>无法获取部署仓库；当前显示的是 %1。%2</translation>
    </message>
    <message>
        <source>The deployment repository could not be fetched, and there is no cached copy to show. %1</source>
        <translation>无法获取部署仓库，且没有可显示的缓存副本。%1</translation>
    </message>
</context>
<context>
    <name>gd::ws::DemoWorkspace</name>
    <message>
        <source>%1 is a file, not a folder; choose an empty folder for the demo workspace.</source>
        <translation>%1 是文件而不是文件夹；请为演示工作区选择一个空文件夹。</translation>
    </message>
    <message>
        <source>The folder %1 is not empty; choose an empty folder or pass --force.</source>
        <translation>文件夹 %1 不为空；请选择空文件夹，或使用 --force。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created; check the path and your permissions.</source>
        <translation>无法创建文件夹 %1；请检查路径和权限。</translation>
    </message>
    <message>
        <source>The old demo repository %1 cannot be removed; close programs that use it and try again.</source>
        <translation>无法删除旧的演示仓库 %1；请关闭正在使用它的程序后再试。</translation>
    </message>
    <message>
        <source>Import the GitOps Desk default template set

Languages: go, java, nodejs. See README.md for the variables.
</source>
        <translation>导入 GitOps Desk 默认模板集

语言：go、java、nodejs。变量说明见 README.md。
</translation>
    </message>
    <message>
        <source>Create the %1 deployment repository
</source>
        <translation>创建 %1 部署仓库
</translation>
    </message>
    <message>
        <source> with a canary stage</source>
        <translation>，带金丝雀阶段</translation>
    </message>
    <message>
        <source>Add %1 (%2) to uat and prod

Scaffolded from the builtin %2 templates: %3.
</source>
        <translation>将 %1（%2）添加到 uat 和 prod

由内置的 %2 模板生成：%3。
</translation>
    </message>
    <message>
        <source>No folder was given; choose an empty folder for the demo.</source>
        <translation>未指定文件夹；请为演示选择一个空文件夹。</translation>
    </message>
    <message>
        <source>The demo can have 1 to %1 projects, not %2.</source>
        <translation>演示可以有 1 到 %1 个项目，不能是 %2 个。</translation>
    </message>
    <message>
        <source>The demo can have 1 to %1 services per project, not %2.</source>
        <translation>演示中每个项目可以有 1 到 %1 个服务，不能是 %2 个。</translation>
    </message>
    <message>
        <source>The demo repository for project %1 could not be built: %2</source>
        <translation>无法构建项目 %1 的演示仓库：%2</translation>
    </message>
    <message>
        <source>The workspace file %1 cannot be written; check your permissions.</source>
        <translation>无法写入工作区文件 %1；请检查权限。</translation>
    </message>
</context>
<context>
    <name>gd::ws::Journal</name>
    <message>
        <source>The action journal %1 cannot be written.</source>
        <translation>无法写入操作日志 %1。</translation>
    </message>
</context>
<context>
    <name>gd::ws::OverlayCheck</name>
    <message>
        <source>The images entry &quot;%1&quot; matches no container in the rendered manifests; kustomize ignores it.</source>
        <translation>images 条目“%1”与渲染后清单中的任何容器都不匹配；kustomize 会忽略它。</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取文件。</translation>
    </message>
    <message>
        <source>The top kustomization is missing.</source>
        <translation>缺少顶层 kustomization。</translation>
    </message>
    <message>
        <source>A temporary folder could not be created.</source>
        <translation>无法创建临时文件夹。</translation>
    </message>
    <message>
        <source>The overlay of %1 in %2 was not rendered: %3</source>
        <translation>未渲染 %1 在 %2 环境中的覆盖层：%3</translation>
    </message>
</context>
<context>
    <name>gd::ws::OverlayEdit</name>
    <message>
        <source>The working copy has no folder for %1 in %2.</source>
        <translation>工作副本中没有 %1 在 %2 环境的文件夹。</translation>
    </message>
    <message>
        <source>A temporary folder for the check could not be created.</source>
        <translation>无法创建用于检查的临时文件夹。</translation>
    </message>
    <message>
        <source>The overlay on the branch does not build, so there is nothing to compare with.</source>
        <translation>分支上的覆盖层无法构建，因此没有可比较的对象。</translation>
    </message>
    <message>
        <source>The edited overlay does not build; the validation summary says why.</source>
        <translation>编辑后的覆盖层无法构建；原因见校验摘要。</translation>
    </message>
    <message>
        <source>%1 changed on the remote after your review. Nothing was committed; review the change again.</source>
        <translation>审阅之后，%1 已在远程仓库中被修改。未提交任何内容；请重新审阅更改。</translation>
    </message>
</context>
<context>
    <name>gd::ws::OverlayReview</name>
    <message>
        <source>Nothing to commit: the working copy matches the branch.</source>
        <translation>没有可提交的内容：工作副本与分支一致。</translation>
    </message>
    <message numerus="yes">
        <source>Someone changed %1 on the remote since you started editing. Look at the three versions, then start again from the remote version.</source>
        <translation>
            <numerusform>自开始编辑以来，有人在远程仓库中修改了 %1。请查看三个版本，然后从远程版本重新开始。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) must be fixed first; see the validation summary.</source>
        <translation>
            <numerusform>必须先修正 %n 个错误；请查看校验摘要。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::ws::ProjectRepo</name>
    <message>
        <source>The local copy of project %1 is in use by %2; waiting for it (at most two minutes).</source>
        <translation>项目 %1 的本地副本正被 %2 使用；正在等待其释放（最多两分钟）。</translation>
    </message>
</context>
<context>
    <name>gd::ws::Release</name>
    <message>
        <source>canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>GA</source>
        <translation>GA</translation>
    </message>
    <message>
        <source>%1 does not parse; fix it before releasing.</source>
        <translation>%1 无法解析；请在发布前修正。</translation>
    </message>
    <message>
        <source>%1 sets no image (its images list is empty); add the image entry first.</source>
        <translation>%1 没有设置镜像（其 images 列表为空）；请先添加 images 条目。</translation>
    </message>
    <message>
        <source>The branch is empty: there is no %1 in %2 to release.</source>
        <translation>分支为空：%2 环境中没有可发布的 %1。</translation>
    </message>
    <message>
        <source>There is no service %1 in environment %2 on the branch (%3 is missing); check the names.</source>
        <translation>分支上的 %2 环境中没有服务 %1（缺少 %3）；请检查名称。</translation>
    </message>
    <message>
        <source>%1 has no canary stage in %2 (its manifests/kustomization.yaml does not list the canary overlay). Release to GA, or add the canary stage first.</source>
        <translation>%1 在 %2 环境中没有金丝雀阶段（其 manifests/kustomization.yaml 未列出金丝雀覆盖层）。请发布到 GA，或先添加金丝雀阶段。</translation>
    </message>
    <message>
        <source>%1 in %2 has no %3 overlay (%4 is missing).</source>
        <translation>%1 在 %2 环境中没有 %3 覆盖层（缺少 %4）。</translation>
    </message>
    <message>
        <source>no tag</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>%1 changed the %2 tag of %3 in %4 from %5 to %6 at %7 (commit %8), after you saw %9. Nothing was pushed: look at the new tag, then decide again.</source>
        <translation>%1 于 %7 将 %3 在 %4 环境的 %2 标签从 %5 改为 %6（提交 %8），而此前看到的是 %9。未推送任何内容：请查看新标签后重新决定。</translation>
    </message>
    <message>
        <source>The %1 tag of %2 in %3 is now %4, not %5 as you saw. Nothing was pushed: look at the new tag, then decide again.</source>
        <translation>%2 在 %3 环境的 %1 标签现在是 %4，而不是之前看到的 %5。未推送任何内容：请查看新标签后重新决定。</translation>
    </message>
    <message>
        <source>Later commits changed the same lines as commit %1, so it cannot be reverted; nothing was pushed. Release the previous version forward instead.</source>
        <translation>之后的提交修改了与提交 %1 相同的行，因此无法撤销；未推送任何内容。请改为重新发布之前的版本。</translation>
    </message>
    <message>
        <source>The canary release %1 of %2 in %3 cannot be reverted: later commits changed the same lines. Nothing was pushed. To put the canary back, release %4 to the canary forward instead.</source>
        <translation>无法撤销 %3 环境中 %2 的金丝雀发布 %1：之后的提交修改了相同的行。未推送任何内容。如需恢复金丝雀，请改为将 %4 重新发布到金丝雀。</translation>
    </message>
    <message>
        <source>Commit %1 (%2 %3 in %4) cannot be rolled back: later commits changed the same lines. Nothing was pushed. To go back to %5, release %5 to %6 of %2 in %4 forward instead.</source>
        <translation>无法回滚提交 %1（%4 环境中的 %2 %3）：之后的提交修改了相同的行。未推送任何内容。如需回到 %5，请改为将 %5 重新发布到 %4 环境中 %2 的 %6。</translation>
    </message>
    <message>
        <source>The branch is empty; there is nothing to revert.</source>
        <translation>分支为空；没有可撤销的内容。</translation>
    </message>
    <message>
        <source>Commit %1 is already undone on the branch: reverting it changes nothing.</source>
        <translation>提交 %1 在分支上已被撤销：再次撤销不会有任何改变。</translation>
    </message>
    <message>
        <source>The branch has no %1 release of %2 in %3.</source>
        <translation>分支上没有 %3 环境中 %2 的 %1 发布。</translation>
    </message>
    <message>
        <source>The branch has no release of %1 in %2.</source>
        <translation>分支上没有 %2 环境中 %1 的发布。</translation>
    </message>
    <message>
        <source>Commit %1 changes no image of a service environment, so it is not a release.</source>
        <translation>提交 %1 没有更改任何服务环境的镜像，因此不是一次发布。</translation>
    </message>
    <message>
        <source>The canary of %1 in %2 already runs GA&apos;s image %3: there is no unfinished canary to abort.</source>
        <translation>%1 在 %2 环境的金丝雀已在运行 GA 的镜像 %3：没有未完成的金丝雀可中止。</translation>
    </message>
    <message>
        <source>No canary release commit of %1 in %2 is on the branch to revert. Release %3 to the canary instead.</source>
        <translation>分支上没有 %2 环境中 %1 的金丝雀发布提交可供撤销。请改为将 %3 发布到金丝雀。</translation>
    </message>
    <message>
        <source>Commit %1 is not a canary release of %2 in %3, so aborting cannot revert it.</source>
        <translation>提交 %1 不是 %3 环境中 %2 的金丝雀发布，因此中止操作无法撤销它。</translation>
    </message>
    <message>
        <source>There is no commit %1 in the repository; check the commit id.</source>
        <translation>仓库中没有提交 %1；请检查提交 ID。</translation>
    </message>
    <message>
        <source>There is no change to preview.</source>
        <translation>没有可预览的更改。</translation>
    </message>
    <message>
        <source>The overlay on the branch does not build, so there is nothing to compare with.</source>
        <translation>分支上的覆盖层无法构建，因此没有可比较的对象。</translation>
    </message>
    <message>
        <source>The changed overlay does not build; the validation summary says why.</source>
        <translation>更改后的覆盖层无法构建；原因见校验摘要。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image tag: use letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; (at most 128, not starting with &apos;.&apos; or &apos;-&apos;).</source>
        <translation>“%1”不是有效的镜像标签：请使用字母、数字、“_”、“.”和“-”（最多 128 个字符，且不能以“.”或“-”开头）。</translation>
    </message>
    <message>
        <source>The %1 stage of %2 in %3 already runs %4; choose another tag.</source>
        <translation>%2 在 %3 环境的 %1 阶段已在运行 %4；请选择其他标签。</translation>
    </message>
    <message>
        <source>Release %1 %2 to %3 (canary)</source>
        <translation>发布 %1 %2 到 %3（金丝雀）</translation>
    </message>
    <message>
        <source>Release %1 %2 to %3</source>
        <translation>发布 %1 %2 到 %3</translation>
    </message>
    <message>
        <source>Promote %1 %2 to GA in %3</source>
        <translation>在 %3 中将 %1 %2 晋升为 GA</translation>
    </message>
    <message>
        <source>Abort the canary %1 %2 in %3</source>
        <translation>中止 %3 中的金丝雀 %1 %2</translation>
    </message>
    <message>
        <source>Roll back %1 in %2 to %3</source>
        <translation>在 %2 中将 %1 回滚到 %3</translation>
    </message>
    <message>
        <source>GA of %1 in %2 already runs the canary&apos;s image %3: there is nothing to promote.</source>
        <translation>%1 在 %2 环境的 GA 已在运行金丝雀的镜像 %3：没有可晋升的内容。</translation>
    </message>
    <message>
        <source>Every release of %1 in %2 is already rolled back.</source>
        <translation>%2 中 %1 的每个发布均已回滚。</translation>
    </message>
    <message>
        <source>Commit %1 brought %2 into %3 (%4): nothing ran there before it, so there is no version to roll back to, and reverting it would remove the manifests. Nothing was pushed. Release the version you want instead.</source>
        <translation>提交 %1 将 %2 引入了 %3（%4）：在此之前那里没有运行任何版本，因此没有可回滚的版本，撤销它会删除清单。未推送任何内容。请改为发布您需要的版本。</translation>
    </message>
</context>
<context>
    <name>gd::ws::ReleaseHistory</name>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; is not a service environment: both names must be lower-case DNS labels.</source>
        <translation>“%2”环境中的“%1”不是服务环境：两个名称都必须是小写的 DNS 标签名。</translation>
    </message>
</context>
<context>
    <name>gd::ws::ReleaseRun</name>
    <message>
        <source>The deployment repo of %1 could not be fetched, so nothing was released. Check the connection and try again.</source>
        <translation>无法获取 %1 的部署仓库，因此未发布任何内容。请检查网络连接后重试。</translation>
    </message>
</context>
<context>
    <name>gd::ws::RenderScope</name>
    <message>
        <source>%1 is %2 MB; a render reads files of at most %3 MB. Split it into smaller files or remove it.</source>
        <translation>%1 大小为 %2 MB；渲染只读取不超过 %3 MB 的文件。请将其拆分为较小的文件，或将其删除。</translation>
    </message>
    <message>
        <source>This file nests mappings or lists more than %1 levels deep; kustomize would take minutes over it. Flatten it, or remove the file.</source>
        <translation>此文件中映射或列表的嵌套深度超过 %1 层；kustomize 处理它需要数分钟。请减少嵌套层级，或删除该文件。</translation>
    </message>
    <message>
        <source>This file uses YAML aliases that expand to more than a million values (an &quot;alias bomb&quot;); kustomize would exhaust the memory. Write the values out, or remove the file.</source>
        <translation>此文件使用的 YAML 别名展开后超过一百万个值（即“别名炸弹”）；kustomize 会耗尽内存。请直接写出这些值，或删除该文件。</translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 is removed by the change.</source>
        <translation>%1 已被此更改删除。</translation>
    </message>
    <message>
        <source>This kustomization includes itself (%1); remove the entry that closes the loop.</source>
        <translation>此 kustomization 包含了自身（%1）；请删除形成循环的那一项。</translation>
    </message>
    <message>
        <source>The overlay reaches more than %1 kustomizations; a render stops there. Check the resources lists for a loop.</source>
        <translation>该覆盖层引用的 kustomization 超过 %1 个；渲染会在此处停止。请检查 resources 列表中是否存在循环。</translation>
    </message>
    <message>
        <source>The Helm chart repository &quot;%1&quot; is remote: renders do not fetch from the network unless the workspace sets kustomize: {allowRemoteResources: true}. Render the chart into the repository instead.</source>
        <translation>Helm chart 仓库“%1”是远程仓库：除非工作区设置了 kustomize: {allowRemoteResources: true}，否则渲染不会从网络获取内容。请改为将该 chart 渲染后放入仓库。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an absolute path: a render reads only files inside the repository, and Argo CD refuses it too. Use a path relative to this kustomization&apos;s folder.</source>
        <translation>“%1”是绝对路径：渲染只读取仓库内的文件，Argo CD 也会拒绝它。请使用相对于此 kustomization 所在文件夹的路径。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; leads outside the repository: a render reads only files inside the repository, and Argo CD refuses it too. Remove the entry or point it at a file of the repository.</source>
        <translation>“%1”指向仓库之外：渲染只读取仓库内的文件，Argo CD 也会拒绝它。请删除该项，或让它指向仓库中的文件。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is or goes through a symbolic link: renders follow no links (a link can lead outside the repository, and Argo CD refuses those). Put the file itself in the repository.</source>
        <translation>“%1”是符号链接或其路径经过符号链接：渲染不会跟随任何链接（链接可能指向仓库之外，Argo CD 会拒绝这类链接）。请将文件本身放入仓库。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a remote resource: renders do not fetch from the network unless the workspace sets kustomize: {allowRemoteResources: true}. Copy it into the repository or allow remote resources.</source>
        <translation>“%1”是远程资源：除非工作区设置了 kustomize: {allowRemoteResources: true}，否则渲染不会从网络获取内容。请将其复制到仓库中，或允许远程资源。</translation>
    </message>
    <message>
        <source>This file is a symbolic link: renders follow no links (a link can lead outside the repository, and Argo CD refuses those). Put the file itself in the repository.</source>
        <translation>此文件是符号链接：渲染不会跟随任何链接（链接可能指向仓库之外，Argo CD 会拒绝这类链接）。请将文件本身放入仓库。</translation>
    </message>
    <message>
        <source>The folder %1 could not be created; check the disk space.</source>
        <translation>无法创建文件夹 %1；请检查磁盘空间。</translation>
    </message>
    <message>
        <source>%1 could not be written for the render; check the disk space.</source>
        <translation>无法为渲染写入 %1；请检查磁盘空间。</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; renders follow no links.</source>
        <translation>%1 是符号链接；渲染不会跟随任何链接。</translation>
    </message>
    <message>
        <source>There is no folder %1 to render.</source>
        <translation>没有可供渲染的文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>gd::ws::RepoProvider</name>
    <message>
        <source>The repository folder %1 does not exist; check provider.path in the workspace file.</source>
        <translation>仓库文件夹 %1 不存在；请检查工作区文件中的 provider.path。</translation>
    </message>
    <message>
        <source>The repository folder %1 could not be created.</source>
        <translation>无法创建仓库文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>gd::ws::Scaffold</name>
    <message>
        <source>The stored scaffold answers are not a YAML mapping.</source>
        <translation>保存的脚手架答案不是 YAML 映射。</translation>
    </message>
    <message>
        <source>The stored scaffold answers do not parse as YAML.</source>
        <translation>保存的脚手架答案无法解析为 YAML。</translation>
    </message>
    <message>
        <source>A stored scaffold answer has the wrong type; fix or delete the file.</source>
        <translation>某个保存的脚手架答案类型错误；请修正或删除该文件。</translation>
    </message>
    <message>
        <source>The service %1 has no stored wizard answers (%2).</source>
        <translation>服务 %1 没有保存的向导答案（%2）。</translation>
    </message>
    <message>
        <source>No environment is chosen; choose at least one environment to deploy to.</source>
        <translation>尚未选择环境；请至少选择一个要部署到的环境。</translation>
    </message>
    <message>
        <source>The environment %1 is chosen twice; choose each environment once.</source>
        <translation>环境 %1 被选择了两次；每个环境只能选择一次。</translation>
    </message>
    <message>
        <source>The overlay of %1 does not build; the validation summary says why.</source>
        <translation>%1 的覆盖层无法构建；校验摘要中说明了原因。</translation>
    </message>
    <message>
        <source>The Application manifest is not a YAML mapping.</source>
        <translation>该 Application 清单不是 YAML 映射。</translation>
    </message>
    <message>
        <source>The Application manifest does not parse as YAML.</source>
        <translation>该 Application 清单无法解析为 YAML。</translation>
    </message>
    <message>
        <source>Nothing to do: the service already has exactly these files.</source>
        <translation>无需操作：该服务已完全包含这些文件。</translation>
    </message>
    <message>
        <source>%1 changed in Git since the preview, so nothing was committed. Run the scaffold again to review the current state.</source>
        <translation>%1 在预览之后已在 Git 中被修改，因此没有提交任何内容。请重新运行脚手架以审阅当前状态。</translation>
    </message>
    <message>
        <source>The workspace has no environment %1; choose one of: %2.</source>
        <translation>工作区中没有环境 %1；请从以下环境中选择：%2。</translation>
    </message>
    <message>
        <source>The environment %1 does not allow a canary stage; choose GA only or leave %1 out.</source>
        <translation>环境 %1 不允许金丝雀阶段；请选择仅 GA，或不选择 %1。</translation>
    </message>
</context>
<context>
    <name>gd::ws::ScaffoldRun</name>
    <message>
        <source>The deployment repo of %1 could not be fetched; check that it can be reached and try again.</source>
        <translation>无法拉取 %1 的部署仓库；请检查其是否可以访问，然后重试。</translation>
    </message>
    <message>
        <source>%1 names no Application (metadata.name is empty).</source>
        <translation>%1 未命名应用（metadata.name 为空）。</translation>
    </message>
    <message>
        <source>The deployment repo of %1 is empty; preview the service again.</source>
        <translation>%1 的部署仓库为空；请重新预览该服务。</translation>
    </message>
</context>
<context>
    <name>gd::ws::TemplateSource</name>
    <message>
        <source>Loading the templates from %1 was cancelled.</source>
        <translation>从 %1 加载模板已取消。</translation>
    </message>
    <message>
        <source>builtin templates</source>
        <translation>内置模板</translation>
    </message>
    <message>
        <source>%1 at %2 (pinned)</source>
        <translation>%1，提交 %2（已固定）</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1，提交 %2</translation>
    </message>
    <message>
        <source>The pinned templates commit &quot;%1&quot; is not a full commit id; write all 40 hexadecimal digits under templates.commit in the workspace file.</source>
        <translation>固定的模板提交“%1”不是完整的提交 ID；请在工作区文件的 templates.commit 中写出全部 40 位十六进制数字。</translation>
    </message>
    <message>
        <source>The templates repository %1 could not be reached, and there is no local copy of it yet. Check templates.url in the workspace file and the network connection.</source>
        <translation>无法访问模板仓库 %1，且尚无其本地副本。请检查工作区文件中的 templates.url 和网络连接。</translation>
    </message>
    <message>
        <source>The templates repository %1 has no branch %2. Check templates.branch in the workspace file.</source>
        <translation>模板仓库 %1 没有分支 %2。请检查工作区文件中的 templates.branch。</translation>
    </message>
    <message>
        <source>The templates repository %1 could not be fetched, and its local copy has no branch %2. Check templates.url in the workspace file and the network connection.</source>
        <translation>无法拉取模板仓库 %1，且其本地副本没有分支 %2。请检查工作区文件中的 templates.url 和网络连接。</translation>
    </message>
    <message>
        <source>The templates repository %1 could not be fetched, and its local copy has no commit %2, which the workspace file pins. Check the network connection.</source>
        <translation>无法拉取模板仓库 %1，且其本地副本没有工作区文件所固定的提交 %2。请检查网络连接。</translation>
    </message>
    <message>
        <source>The templates repository %1 has no commit %2. Check templates.commit in the workspace file: it must be a commit of that repository.</source>
        <translation>模板仓库 %1 没有提交 %2。请检查工作区文件中的 templates.commit：它必须是该仓库的提交。</translation>
    </message>
    <message>
        <source>%2 in the templates repository %1 is not a commit. Check templates.commit in the workspace file.</source>
        <translation>模板仓库 %1 中的 %2 不是提交。请检查工作区文件中的 templates.commit。</translation>
    </message>
    <message>
        <source>The files of the templates repository %1 at commit %2 could not be read.</source>
        <translation>无法读取模板仓库 %1 在提交 %2 处的文件。</translation>
    </message>
    <message>
        <source>Templates repository %1 at commit %2:</source>
        <translation>模板仓库 %1（提交 %2）：</translation>
    </message>
</context>
<context>
    <name>gd::ws::WorkspaceConfig</name>
    <message>
        <source>The workspace file %1 could not be opened.</source>
        <translation>无法打开工作区文件 %1。</translation>
    </message>
    <message>
        <source>%1 line %2, column %3: this is not valid YAML.</source>
        <translation>%1 第 %2 行第 %3 列：不是有效的 YAML。</translation>
    </message>
    <message>
        <source>%1 line %2</source>
        <translation>%1 第 %2 行</translation>
    </message>
    <message>
        <source>Fix the workspace file and open it again.</source>
        <translation>请修正工作区文件后重新打开。</translation>
    </message>
    <message>
        <source>%1 must be a text value.</source>
        <translation>%1 必须是文本值。</translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation>%1 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>%1 must be a whole number greater than 0.</source>
        <translation>%1 必须是大于 0 的整数。</translation>
    </message>
    <message>
        <source>%1 must be a mapping of keys to values.</source>
        <translation>%1 必须是键值映射。</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;; expected one of: %2.</source>
        <translation>未知的键“%1”；应为以下之一：%2。</translation>
    </message>
    <message>
        <source>environments is missing; list at least one environment (uat, prod, ...).</source>
        <translation>缺少 environments；请至少列出一个环境（uat、prod 等）。</translation>
    </message>
    <message>
        <source>environments must be a list of at least one environment.</source>
        <translation>environments 必须是至少包含一个环境的列表。</translation>
    </message>
    <message>
        <source>%1 must be a mapping with at least a name.</source>
        <translation>%1 必须是至少包含 name 的映射。</translation>
    </message>
    <message>
        <source>the environment &quot;%1&quot; is listed twice.</source>
        <translation>环境“%1”被列出了两次。</translation>
    </message>
    <message>
        <source>provider is missing; say where the deployment repos live ({type: local, path: repos} or {type: gitlab, url: ..., group: ...}).</source>
        <translation>缺少 provider；请说明部署仓库的位置（{type: local, path: repos} 或 {type: gitlab, url: ..., group: ...}）。</translation>
    </message>
    <message>
        <source>provider.path is missing; name the folder that holds the bare repos.</source>
        <translation>缺少 provider.path；请指定存放裸仓库的文件夹。</translation>
    </message>
    <message>
        <source>a gitlab provider needs both url and group.</source>
        <translation>gitlab 提供方需要同时设置 url 和 group。</translation>
    </message>
    <message>
        <source>provider.type must be &quot;local&quot; or &quot;gitlab&quot;, not &quot;%1&quot;.</source>
        <translation>provider.type 必须是“local”或“gitlab”，而不是“%1”。</translation>
    </message>
    <message>
        <source>templates must be &quot;builtin&quot; or {url: ..., branch: ...}.</source>
        <translation>templates 必须是“builtin”或 {url: ..., branch: ...}。</translation>
    </message>
    <message>
        <source>templates.url is missing.</source>
        <translation>缺少 templates.url。</translation>
    </message>
    <message>
        <source>the file must be a mapping with keys like name, provider and environments.</source>
        <translation>文件必须是包含 name、provider 和 environments 等键的映射。</translation>
    </message>
    <message>
        <source>argocd.server must start with http:// or https://.</source>
        <translation>argocd.server 必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>registry.type must be &quot;registry2&quot; or &quot;harbor&quot;, not &quot;%1&quot;.</source>
        <translation>registry.type 必须是“registry2”或“harbor”，而不是“%1”。</translation>
    </message>
    <message>
        <source>templates.commit must be the full 40-digit hexadecimal id of a commit (as &quot;git rev-parse HEAD&quot; prints it), not &quot;%1&quot;.</source>
        <translation>templates.commit 必须是完整的 40 位十六进制提交 ID（与“git rev-parse HEAD”的输出相同），而不是“%1”。</translation>
    </message>
    <message>
        <source>the text is not UTF-8; save the file as UTF-8.</source>
        <translation>文本不是 UTF-8 编码；请将文件保存为 UTF-8。</translation>
    </message>
    <message>
        <source>repoPrefix &quot;%1&quot; may only hold letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (no &quot;..&quot;), for example argocd-gitops-.</source>
        <translation>repoPrefix“%1”只能包含字母、数字、“.”、“_”和“-”（不能包含“..”），例如 argocd-gitops-。</translation>
    </message>
    <message>
        <source>environments[%1].namespace &quot;%2&quot; does not give a valid namespace; use lower-case letters, digits, &apos;-&apos; and the placeholders {project}, {service} and {env}.</source>
        <translation>environments[%1].namespace“%2”无法生成有效的命名空间；请使用小写字母、数字、“-”以及占位符 {project}、{service} 和 {env}。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop console for GitOps releases with Argo CD and Kustomize.</source>
        <translation>基于 Argo CD 和 Kustomize 的 GitOps 发布桌面控制台。</translation>
    </message>
    <message>
        <source>Open the workspace file &lt;file&gt;.</source>
        <translation>打开工作区文件 &lt;file&gt;。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
</context>
</TS>
