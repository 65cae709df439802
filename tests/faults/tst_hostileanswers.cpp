// SPDX-License-Identifier: GPL-3.0-or-later
// Fault suite, hostile answers and workspace files (issue 11, case 3): each row is one hostile input given to the real
// gitops-desk-cli against a demo workspace — a scaffold answer (--set, names, port, image), a release tag, or a whole
// workspace.yaml — with the exit code and the words of the sentence a user must see. Every row also checks that
// nothing was committed or created: every ref of every bare repository is what it was, and no new repository exists.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

/// A workspace.yaml whose lines are the demo's, with `replace` swapped in for the line starting with `key` (or added
/// at the end when `key` is empty). The provider and template paths point at the demo's repositories.
QByteArray workspaceWith(const QByteArray &templatesLine, const QByteArray &key, const QByteArray &replace)
{
    QByteArray text = "# hostile workspace\n"
                      "name: Hostile\n"
                      "provider: {type: local, path: ../../demo/repos}\n"
                      "repoPrefix: argocd-gitops-\n"
                      "branch: main\n"
                      + templatesLine
                      + "environments:\n"
                        "  - {name: uat, cluster: https://kubernetes.default.svc, namespace: \"{project}-uat\"}\n"
                        "release: {rollbackWindowMinutes: 30}\n";
    if (key.isEmpty())
        return text + replace;
    QList<QByteArray> lines = text.split('\n');
    for (QByteArray &line : lines) {
        if (line.startsWith(key))
            line = replace;
    }
    return lines.join('\n');
}

} // namespace

class TestHostileAnswers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hostileInputIsRefusedAndNothingChanges_data();
    void hostileInputIsRefusedAndNothingChanges();
    void aValidButAwkwardBranchCannotAddAGroovyStatement();
    void cleanupTestCase();

private:
    Run cli(const QString &workspace, const QStringList &arguments) const;
    /// Every ref of every repository below demo/repos, and every other repository in the scratch folder (outside the
/// cache): what must not change.
    QMap<QString, QString> state() const;

    QTemporaryDir m_dir;
    QString m_workspace;
    QByteArray m_templatesLine;
    int m_rows = 0;
    QMap<QString, int> m_rowsByCategory;
};

Run TestHostileAnswers::cli(const QString &workspace, const QStringList &arguments) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GITOPS_DESK_CACHE_DIR"_s, m_dir.filePath(u"cache"_s));
    env.insert(u"GITOPS_DESK_DATA_DIR"_s, m_dir.filePath(u"data"_s));
    env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/.config"_s));
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.remove(u"ARGOCD_SERVER"_s);
    env.remove(u"ARGOCD_AUTH_TOKEN"_s);
    env.remove(u"ARGOCD_CONFIG_DIR"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("GD_CLI"), QStringList{u"--workspace"_s, workspace} + arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return Run{-2, {}, u"gitops-desk-cli did not finish within two minutes"_s};
    }
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QMap<QString, QString> TestHostileAnswers::state() const
{
    QMap<QString, QString> refs;
    const QDir repos(m_dir.filePath(u"demo/repos"_s));
    for (const QString &name : repos.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QProcess git;
        git.start(u"git"_s, {u"--git-dir"_s, repos.filePath(name), u"for-each-ref"_s,
                             u"--format=%(refname) %(objectname)"_s});
        git.waitForFinished(30000);
        refs.insert(name, QString::fromUtf8(git.readAllStandardOutput()));
    }
    // A repository created anywhere else in the scratch folder (a prefix with "../") counts as a change too.
    QDirIterator others(m_dir.path(), {u"*.git"_s}, QDir::Dirs, QDirIterator::Subdirectories);
    while (others.hasNext()) {
        const QString path = others.next();
        if (!path.startsWith(repos.path() + u'/') && !path.startsWith(m_dir.filePath(u"cache"_s)))
            refs.insert(path, u"outside the demo's repos"_s);
    }
    return refs;
}

void TestHostileAnswers::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("GD_CLI").isEmpty());
    QVERIFY(m_dir.isValid());
    QDir().mkpath(m_dir.filePath(u"home/.config"_s));
    QProcess demo;
    demo.start(qEnvironmentVariable("GD_CLI"), {u"demo"_s, u"init"_s, m_dir.filePath(u"demo"_s), u"--projects"_s,
                                                u"1"_s, u"--services"_s, u"1"_s});
    QVERIFY(demo.waitForFinished(120000));
    QCOMPARE(demo.exitCode(), 0);
    m_workspace = m_dir.filePath(u"demo/workspace.yaml"_s);
    QFile file(m_workspace);
    QVERIFY(file.open(QIODevice::ReadOnly));
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("templates:"))
            m_templatesLine = line + '\n';
    }
    QVERIFY(!m_templatesLine.isEmpty());
    // The demo has project shop with service orders in uat and prod; a sound workspace of the same shape loads.
    const QString sound = m_dir.filePath(u"rows/sound/workspace.yaml"_s);
    QDir().mkpath(QFileInfo(sound).path());
    QFile out(sound);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(workspaceWith(m_templatesLine, {}, {}));
    out.close();
    const Run listed = cli(sound, {u"services"_s, u"shop"_s});
    QVERIFY2(listed.exitCode == 0 && listed.out.contains(u"orders"_s), qPrintable(listed.out + listed.err));
}

void TestHostileAnswers::hostileInputIsRefusedAndNothingChanges_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QStringList>("arguments");   // after --workspace FILE
    QTest::addColumn<QByteArray>("workspace");     // empty: the demo's own workspace.yaml
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("fragments");    // each must appear in stderr

    // A scaffold that would commit a new service when nothing stopped it.
    const auto scaffold = [](const QStringList &extra, const QString &project = u"shop"_s,
                             const QString &service = u"hostile"_s) {
        QStringList args{u"scaffold"_s, project, service, u"--lang"_s, u"go"_s, u"--env"_s, u"uat"_s};
        if (!extra.contains(u"--image"_s))
            args << u"--image"_s << u"registry.example.com/shop/hostile"_s;
        return args + extra + QStringList{u"--yes"_s, u"--no-sync"_s};
    };
    const auto set = [&scaffold](const QString &assignment) {
        return scaffold({u"--set"_s, assignment});
    };
    const auto answer = [](const char *name, const QStringList &args, const QStringList &fragments) {
        QTest::newRow(name) << u"scaffold --set answers"_s << args << QByteArray() << 2 << fragments;
    };

    // --- Scaffold answers (--set KEY=VALUE) ---
    answer("branch groovy injection", set(u"branch=main'; sh 'id'; x='"_s),
           {u"--set branch:"_s, u"is not a valid branch name"_s, u"space"_s});
    answer("branch newline adds a stage", set(u"branch=main\n          stage('x') { steps { sh 'id' } }"_s),
           {u"--set branch:"_s, u"not a valid branch name"_s});
    answer("branch HEAD", set(u"branch=HEAD"_s), {u"--set branch:"_s, u"names no branch"_s});
    answer("branch leading dash", set(u"branch=-x"_s), {u"--set branch:"_s, u"starts with '-'"_s});
    answer("branch two dots", set(u"branch=a..b"_s), {u"--set branch:"_s, u"\"..\""_s});
    answer("branch .lock", set(u"branch=main.lock"_s), {u"--set branch:"_s, u".lock"_s});
    answer("branch trailing slash", set(u"branch=feature/"_s), {u"--set branch:"_s, u"'/'"_s});
    answer("branch @{", set(u"branch=a@{1}"_s), {u"--set branch:"_s, u"\"@{\""_s});
    answer("branch tilde", set(u"branch=a~1"_s), {u"--set branch:"_s, u"'~'"_s});
    answer("branch hidden part", set(u"branch=team/.hidden"_s), {u"--set branch:"_s, u"starts with '.'"_s});
    answer("branch escape sequence", set(u"branch=main\x1b[2J"_s), {u"--set branch:"_s, u"\\x1b[2J"_s});
    answer("argocdNamespace newline", set(u"argocdNamespace=argocd\nkind: Secret"_s),
           {u"--set argocdNamespace:"_s, u"Argo CD namespace \"argocd\\x0akind: Secret\" is not valid"_s});
    answer("argocdNamespace colon", set(u"argocdNamespace=a: b"_s), {u"--set argocdNamespace:"_s, u"not valid"_s});
    answer("argocdNamespace anchor", set(u"argocdNamespace=&x"_s), {u"--set argocdNamespace:"_s});
    answer("argocdNamespace alias", set(u"argocdNamespace=*x"_s), {u"--set argocdNamespace:"_s});
    answer("argocdProject newline", set(u"argocdProject=default\n  evil: 1"_s),
           {u"--set argocdProject:"_s, u"not a valid AppProject name"_s});
    answer("argocdProject colon", set(u"argocdProject=team: blue"_s), {u"--set argocdProject:"_s});
    answer("argocdProject anchor", set(u"argocdProject=&x"_s), {u"--set argocdProject:"_s});
    answer("argocdProject upper case", set(u"argocdProject=Default"_s), {u"--set argocdProject:"_s});
    answer("cluster newline", set(u"cluster=https://k8s.example.com\n  evil: 1"_s),
           {u"--set cluster:"_s, u"not a cluster URL"_s});
    answer("cluster colon space", set(u"cluster=https://a: b"_s), {u"--set cluster:"_s, u"not a cluster URL"_s});
    answer("cluster alias", set(u"cluster=*x"_s), {u"--set cluster:"_s, u"not a cluster URL"_s});
    answer("cluster no scheme", set(u"cluster=kubernetes.default.svc"_s), {u"--set cluster:"_s});
    answer("cluster quote", set(u"cluster=https://x/'; sh 'id'"_s), {u"--set cluster:"_s});
    answer("namespace newline", set(u"namespace=shop-uat\n  x: 1"_s), {u"--set namespace:"_s, u"namespace"_s});
    answer("namespace upper case", set(u"namespace=Shop"_s), {u"--set namespace:"_s});
    answer("devopsNamespace semicolon", set(u"devopsNamespace=a;b"_s), {u"--set devopsNamespace:"_s});
    answer("sourceRepo quote", set(u"sourceRepo=https://x/a'b"_s), {u"--set sourceRepo:"_s, u"not a git URL"_s});
    answer("sourceRepo trailing newline", set(u"sourceRepo=https://x/a\n"_s), {u"--set sourceRepo:"_s});
    answer("sourceRepo command substitution", set(u"sourceRepo=https://x/$(id)"_s), {u"--set sourceRepo:"_s});
    answer("sourceRepo backtick", set(u"sourceRepo=https://x/a`id`"_s), {u"--set sourceRepo:"_s});
    answer("tag quote", set(u"tag=1.0'; sh 'id'"_s), {u"--set tag:"_s, u"not a valid image tag"_s});
    answer("tag trailing newline", set(u"tag=1.0\n"_s), {u"--set tag:"_s, u"not a valid image tag"_s});
    answer("tag leading dash", set(u"tag=-1"_s), {u"--set tag:"_s});
    answer("canaryTag space", set(u"canaryTag=x y"_s), {u"--set canaryTag:"_s});
    answer("selfHeal yes", set(u"selfHeal=yes"_s), {u"selfHeal is true or false"_s});
    answer("set without value", set(u"novalue"_s), {u"--set takes KEY=VALUE"_s});
    answer("set unknown key", set(u"colour=blue"_s), {u"knows no key"_s});

    // --- Service and project names, ports, replicas, images, languages ---
    const auto named = [](const char *name, const QStringList &args, const QStringList &fragments) {
        QTest::newRow(name) << u"names, ports, images"_s << args << QByteArray() << 2 << fragments;
    };
    named("service upper case", scaffold({}, u"shop"_s, u"Orders_API"_s), {u"service name"_s});
    named("service newline", scaffold({}, u"shop"_s, u"orders\nx"_s), {u"service name"_s, u"orders\\x0ax"_s});
    named("service path", scaffold({}, u"shop"_s, u"../etc"_s), {u"service name"_s});
    named("service too long", scaffold({}, u"shop"_s, QString(64, u'a')), {u"longer than 63"_s});
    named("project punctuation", scaffold({}, u"shop!"_s), {u"project name"_s});
    named("environment newline", {u"scaffold"_s, u"shop"_s, u"hostile"_s, u"--lang"_s, u"go"_s, u"--env"_s,
                                  u"uat\n"_s, u"--image"_s, u"registry.example.com/shop/hostile"_s, u"--yes"_s,
                                  u"--no-sync"_s},
          {u"environment name"_s});
    named("port zero", scaffold({u"--port"_s, u"0"_s}), {u"port"_s});
    named("port too big", scaffold({u"--port"_s, u"70000"_s}), {u"port"_s});
    named("port with command", scaffold({u"--port"_s, u"80;id"_s}), {u"port"_s});
    named("port negative", scaffold({u"--port"_s, u"-1"_s}), {u"port"_s});
    named("replicas zero", scaffold({u"--replicas"_s, u"0"_s}), {u"replica"_s});
    named("image with tag", scaffold({u"--image"_s, u"registry.example.com/shop/x:1.0"_s}), {u"holds a tag"_s});
    named("image newline", scaffold({u"--image"_s, u"registry.example.com/shop/x\nkind: Secret"_s}),
          {u"image repository"_s});
    named("image trailing newline", scaffold({u"--image"_s, u"registry.example.com/shop/x\n"_s}),
          {u"image repository"_s});
    named("image upper case", scaffold({u"--image"_s, u"registry.example.com/UP"_s}), {u"image repository"_s});
    named("image digest", scaffold({u"--image"_s, u"registry.example.com/shop/x@sha256:"_s + QString(64, u'a')}),
          {u"digest"_s});
    named("image quote", scaffold({u"--image"_s, u"registry.example.com/a'b"_s}), {u"image repository"_s});
    named("language path", {u"scaffold"_s, u"shop"_s, u"hostile"_s, u"--lang"_s, u"../go"_s, u"--env"_s, u"uat"_s,
                            u"--image"_s, u"registry.example.com/shop/hostile"_s, u"--yes"_s, u"--no-sync"_s},
          {u"template"_s});

    // --- Release tags ---
    const auto release = [](const char *name, const QString &tag, const QStringList &fragments) {
        QTest::newRow(name) << u"release --tag"_s
                            << QStringList{u"release"_s, u"shop"_s, u"orders"_s, u"uat"_s, u"--tag"_s, tag,
                                           u"--no-sync"_s}
                            << QByteArray() << 2 << fragments;
    };
    release("tag quote", u"1.0'; id"_s, {u"not a valid image tag"_s});
    release("tag trailing newline", u"1.0\n"_s, {u"not a valid image tag"_s});
    release("tag newline with YAML", u"1.0\n    newName: evil"_s, {u"not a valid image tag"_s});
    release("tag leading dash", u"-rc1"_s, {u"not a valid image tag"_s});
    release("tag command substitution", u"$(id)"_s, {u"not a valid image tag"_s});
    release("tag too long", QString(129, u'1'), {u"not a valid image tag"_s});
    release("tag empty", QString(), {u"--tag"_s});

    // --- workspace.yaml texts (loading fails: exit 1, the file and line named) ---
    const QByteArray templatesLine = m_templatesLine;
    const auto workspace = [&templatesLine](const char *name, const QByteArray &key, const QByteArray &line,
                                            const QStringList &fragments) {
        QTest::newRow(name) << u"workspace.yaml texts"_s
                            << QStringList{u"scaffold"_s, u"shop"_s, u"hostile"_s, u"--lang"_s, u"go"_s, u"--env"_s,
                                           u"uat"_s, u"--image"_s, u"registry.example.com/shop/hostile"_s,
                                           u"--yes"_s, u"--no-sync"_s}
                            << workspaceWith(templatesLine, key, line) << 1 << fragments;
    };
    workspace("branch HEAD", "branch:", "branch: HEAD",
              {u"workspace.yaml line 5: branch \"HEAD\" is not a valid branch name"_s});
    workspace("branch leading dash", "branch:", "branch: -x", {u"workspace.yaml line 5:"_s, u"starts with '-'"_s});
    workspace("branch two dots", "branch:", "branch: a..b", {u"workspace.yaml line 5:"_s, u"\"..\""_s});
    workspace("branch newline", "branch:", "branch: \"main\\n  stage\"",
              {u"workspace.yaml line 5:"_s, u"control character"_s});
    workspace("branch space quote", "branch:", "branch: \"main'; sh 'id'\"",
              {u"workspace.yaml line 5:"_s, u"not a valid branch name"_s});
    workspace("templates branch", "templates:",
              QByteArray(templatesLine).trimmed().replace("branch: main", "branch: \"-x\""),
              {u"workspace.yaml line 6: templates.branch"_s, u"starts with '-'"_s});
    workspace("duplicate top-level key", "", "branch: evil\n", {u"workspace.yaml line 10:"_s, u"Duplicate key \"branch\""_s});
    workspace("duplicate key in a flow mapping", "  - {name: uat",
              "  - {name: uat, cluster: https://kubernetes.default.svc, name: prod}",
              {u"workspace.yaml line 8:"_s, u"Duplicate key \"name\""_s});
    workspace("duplicate environments key", "", "environments: [{name: prod}]\n",
              {u"workspace.yaml line 10:"_s, u"Duplicate key \"environments\""_s});
    workspace("not UTF-8 in a value", "name:", "name: Hostile\xff\xfe", {u"workspace.yaml line 2:"_s, u"not UTF-8"_s});
    workspace("Latin-1 in a comment", "# hostile", "# caf\xe9", {u"workspace.yaml line 1:"_s, u"not UTF-8"_s});
    workspace("tab indentation", "release:", "release:\n\trollbackWindowMinutes: 30",
              {u"workspace.yaml line"_s, u"not valid YAML"_s});
    workspace("repoPrefix leaving the folder", "repoPrefix:", "repoPrefix: ../../outside-",
              {u"workspace.yaml line 4: repoPrefix \"../../outside-\""_s});
    workspace("repoPrefix with a newline", "repoPrefix:", "repoPrefix: \"a\\nb-\"",
              {u"workspace.yaml line 4: repoPrefix \"a\\x0ab-\""_s});
    workspace("unknown provider", "provider:", "provider: {type: svn, path: x}",
              {u"workspace.yaml line 3:"_s, u"provider.type must be"_s});
    workspace("unclosed quote", "name:", "name: \"Hostile", {u"workspace.yaml line"_s});
    workspace("cluster newline", "  - {name: uat",
              "  - {name: uat, cluster: \"https://k8s\\n  evil: 1\", namespace: \"{project}-uat\"}",
              {u"workspace.yaml line 8: environments[0].cluster"_s, u"not a cluster URL"_s});
    workspace("cluster not a URL", "  - {name: uat", "  - {name: uat, cluster: \"*x\"}",
              {u"environments[0].cluster"_s, u"not a cluster URL"_s});
    workspace("namespace pattern", "  - {name: uat", "  - {name: uat, namespace: \"{project}_{env}: x\"}",
              {u"workspace.yaml line 8: environments[0].namespace"_s});
    QByteArray bomb = "bomb:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char level = 'b'; level <= 'j'; ++level) {
        const char below = char(level - 1);
        bomb += QByteArray("  ") + level + ": &" + level + " [*" + below + ", *" + below + ", *" + below + ", *"
                + below + ", *" + below + ", *" + below + ", *" + below + ", *" + below + ", *" + below + ", *"
                + below + "]\n";
    }
    workspace("alias bomb under an unknown key", "", bomb, {u"workspace.yaml line 10:"_s, u"unknown key \"bomb\""_s});
    QByteArray nested = "name: [&a [x, x, x, x, x, x, x, x, x, x]";
    for (char level = 'b'; level <= 'j'; ++level) {
        const QByteArray below = QByteArray("*") + char(level - 1);
        nested += QByteArray(", &") + level + " [" + (QList<QByteArray>(10, below)).join(", ") + "]";
    }
    workspace("alias bomb as the name", "name:", nested + "]", {u"workspace.yaml line 2: name must be a text value"_s});
    workspace("deep nesting", "name:", "name: " + QByteArray(5000, '[') + QByteArray(5000, ']'),
              {u"workspace.yaml line 2"_s});
    QTest::newRow("only a comment") << u"workspace.yaml texts"_s
                                    << QStringList{u"services"_s, u"shop"_s} << QByteArray("# nothing here\n") << 1
                                    << QStringList{u"workspace.yaml"_s, u"must be a mapping"_s};
}

void TestHostileAnswers::hostileInputIsRefusedAndNothingChanges()
{
    QFETCH(QString, category);
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, workspace);
    QFETCH(int, exitCode);
    QFETCH(QStringList, fragments);

    QString file = m_workspace;
    if (!workspace.isEmpty()) {
        file = m_dir.filePath(u"rows/%1/workspace.yaml"_s.arg(m_rows));
        QDir().mkpath(QFileInfo(file).path());
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(workspace), workspace.size());
    }
    ++m_rows;
    ++m_rowsByCategory[category];

    const QMap<QString, QString> before = state();
    QVERIFY(!before.isEmpty());
    const Run run = cli(file, arguments);
    QVERIFY2(run.exitCode == exitCode, qPrintable(u"exit %1, expected %2\n"_s.arg(run.exitCode).arg(exitCode)
                                                  + run.out + run.err));
    for (const QString &fragment : fragments)
        QVERIFY2(run.err.contains(fragment), qPrintable(u"stderr lacks \""_s + fragment + u"\":\n"_s + run.err));
    // A refusal names what is wrong without letting a control character of the value reach the terminal.
    QVERIFY2(!run.err.contains(QChar(0x1b)), qPrintable(run.err));
    QCOMPARE(state(), before);
}

void TestHostileAnswers::aValidButAwkwardBranchCannotAddAGroovyStatement()
{
    // A branch git accepts (no space) but full of Groovy syntax: it lands, escaped, as one Groovy string.
    const QString branch = u"main');sh('id');x=('"_s;
    const Run run = cli(m_workspace, {u"scaffold"_s, u"shop"_s, u"awkward"_s, u"--lang"_s, u"go"_s, u"--env"_s,
                                      u"uat"_s, u"--image"_s, u"registry.example.com/shop/awkward"_s, u"--set"_s,
                                      u"branch="_s + branch, u"--yes"_s, u"--no-sync"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QProcess git;
    git.start(u"git"_s, {u"--git-dir"_s, m_dir.filePath(u"demo/repos/argocd-gitops-shop.git"_s), u"show"_s,
                         u"main:appsmanifests/awkward/uat/manifests/pipeline/ks-pipeline-jenkinsfile.yaml"_s});
    QVERIFY(git.waitForFinished(30000));
    const QString pipeline = QString::fromUtf8(git.readAllStandardOutput());
    QVERIFY2(pipeline.contains(uR"(DEPLOY_BRANCH = 'main\');sh(\'id\');x=(\'')"_s), qPrintable(pipeline));
    QVERIFY(!pipeline.contains(u"sh('id')"_s));
}

void TestHostileAnswers::cleanupTestCase()
{
    // The issue's table: inputs tried and handled, by category.
    for (auto it = m_rowsByCategory.cbegin(); it != m_rowsByCategory.cend(); ++it)
        qInfo("%-28s %d inputs", qPrintable(it.key()), it.value());
    qInfo("%-28s %d inputs", "total", m_rows);
}

QTEST_GUILESS_MAIN(TestHostileAnswers)
#include "tst_hostileanswers.moc"
