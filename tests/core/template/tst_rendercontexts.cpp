// SPDX-License-Identifier: GPL-3.0-or-later
// The renderer escapes a value by where it stands (issue 11): a YAML plain, double- or single-quoted scalar, a Groovy
// '...' or "..." string inside a block scalar, a triple-quoted (shell) string, unquoted block text, a comment and a
// file that is not YAML. Whatever the value, it either lands as the same text or is refused: it never adds a line,
// a YAML key or a Groovy statement. The last test renders the real Jenkinsfile template with hostile values.
#include "template/servicescaffold.h"
#include "template/templaterenderer.h"
#include "template/templateset.h"

#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::Literals::StringLiterals;
using gd::tmpl::Variables;

namespace {

/// The code of a Groovy text with every string literal's content blanked out ('...', "...", '''...''', """...""",
/// with backslash escapes) and // comments dropped: what a value could change if it escaped its string. Written
/// apart from the renderer's own reading so that the two check each other.
QString groovySkeleton(const QString &code)
{
    QString out;
    qsizetype i = 0;
    while (i < code.size()) {
        const QChar c = code.at(i);
        if (code.mid(i, 2) == u"//"_s) {
            while (i < code.size() && code.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c != u'\'' && c != u'"') {
            out += c;
            ++i;
            continue;
        }
        const QString triple(3, c);
        const bool isTriple = code.mid(i, 3) == triple;
        const QString close = isTriple ? triple : QString(c);
        i += close.size();
        while (i < code.size() && code.mid(i, close.size()) != close) {
            if (code.at(i) == u'\\')
                ++i;
            else if (!isTriple && code.at(i) == u'\n')
                return out + u"<line break inside a string>"_s;
            ++i;
        }
        i += close.size();
        out += isTriple ? u"<script>"_s : u"<string>"_s;
    }
    return out;
}

/// The builtin Jenkinsfile template and the variables of a plain service.
QByteArray pipelineTemplate()
{
    return gd::tmpl::TemplateSet::builtin().files().value(u"pipeline-templates/ks-pipeline-jenkinsfile.yaml"_s);
}

Variables plainVariables()
{
    gd::tmpl::ServiceSpec spec;
    spec.project = u"shop"_s;
    spec.service = u"orders"_s;
    spec.environment = u"uat"_s;
    spec.imageRepository = u"registry.example.com/shop/orders"_s;
    spec.repoUrl = u"https://gitlab.example.com/ops/argocd-gitops-shop.git"_s;
    spec.sourceRepoUrl = u"https://gitlab.example.com/shop/orders.git"_s;
    return gd::tmpl::variablesFor(spec);
}

QString jenkinsfileOf(const QByteArray &rendered)
{
    const YAML::Node root = YAML::Load(rendered.toStdString());
    return QString::fromStdString(root["spec"]["pipeline"]["jenkinsfile"].as<std::string>());
}

} // namespace

class TestRenderContexts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valueInEachContext_data();
    void valueInEachContext();
    void hostileValueNeverAddsAGroovyStatement_data();
    void hostileValueNeverAddsAGroovyStatement();
    void removedLineOpensNoQuote();
    void tripleQuotedStringCarriesOverLines();
};

void TestRenderContexts::valueInEachContext_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");   // empty: refused
    QTest::addColumn<QString>("refusal");

    const QString quote = u"a'b"_s;
    const QString backslash = u"a\\b"_s;
    const QString newline = u"a\nb"_s;
    const QString dollar = u"a$b"_s;
    const QString interpolation = u"${env.X}"_s;

    // YAML scalars outside a block keep their quoting (unchanged by issue 11).
    QTest::newRow("plain, quote") << "k: ${X}\n"_ba << u"t.yaml"_s << quote << "k: a'b\n"_ba << QString();
    QTest::newRow("plain, backslash") << "k: ${X}\n"_ba << u"t.yaml"_s << backslash << "k: a\\b\n"_ba << QString();
    QTest::newRow("plain, newline") << "k: ${X}\n"_ba << u"t.yaml"_s << newline << "k: \"a\\nb\"\n"_ba << QString();
    QTest::newRow("plain, dollar") << "k: ${X}\n"_ba << u"t.yaml"_s << dollar << "k: a$b\n"_ba << QString();
    QTest::newRow("plain, ${") << "k: ${X}\n"_ba << u"t.yaml"_s << interpolation << "k: ${env.X}\n"_ba << QString();
    QTest::newRow("double, quote") << "k: \"${X}\"\n"_ba << u"t.yaml"_s << u"a\"b"_s << "k: \"a\\\"b\"\n"_ba
                                   << QString();
    QTest::newRow("double, newline") << "k: \"${X}\"\n"_ba << u"t.yaml"_s << newline << "k: \"a\\nb\"\n"_ba
                                     << QString();
    QTest::newRow("single, quote") << "k: '${X}'\n"_ba << u"t.yaml"_s << quote << "k: 'a''b'\n"_ba << QString();
    QTest::newRow("single, newline") << "k: '${X}'\n"_ba << u"t.yaml"_s << newline << QByteArray()
                                     << u"line break"_s;
    QTest::newRow("single, line separator") << "k: '${X}'\n"_ba << u"t.yaml"_s << u"a\u2028b"_s << QByteArray()
                                            << u"line break"_s;

    // Groovy '...' inside a block scalar: backslash and quote escaped for Groovy, line breaks refused.
    const QByteArray single = "j: |\n  x = '${X}'\n"_ba;
    QTest::newRow("groovy single, quote") << single << u"t.yaml"_s << quote << "j: |\n  x = 'a\\'b'\n"_ba
                                          << QString();
    QTest::newRow("groovy single, injection") << single << u"t.yaml"_s << u"main'; sh 'id'; x='"_s
                                              << "j: |\n  x = 'main\\'; sh \\'id\\'; x=\\''\n"_ba << QString();
    QTest::newRow("groovy single, backslash") << single << u"t.yaml"_s << backslash << "j: |\n  x = 'a\\\\b'\n"_ba
                                              << QString();
    QTest::newRow("groovy single, escaped quote") << single << u"t.yaml"_s << u"\\'"_s
                                                  << "j: |\n  x = '\\\\\\''\n"_ba << QString();
    QTest::newRow("groovy single, dollar") << single << u"t.yaml"_s << dollar << "j: |\n  x = 'a$b'\n"_ba
                                           << QString();
    QTest::newRow("groovy single, ${") << single << u"t.yaml"_s << interpolation << "j: |\n  x = '${env.X}'\n"_ba
                                       << QString();
    QTest::newRow("groovy single, newline") << single << u"t.yaml"_s << newline << QByteArray() << u"line break"_s;
    QTest::newRow("groovy single, carriage return") << single << u"t.yaml"_s << u"a\rb"_s << QByteArray()
                                                    << u"line break"_s;

    // Groovy "..." inside a block scalar: '$' escaped too, so nothing interpolates.
    const QByteArray dbl = "j: |\n  x = \"${X}\"\n"_ba;
    QTest::newRow("groovy double, quote") << dbl << u"t.yaml"_s << u"a\"b"_s << "j: |\n  x = \"a\\\"b\"\n"_ba
                                          << QString();
    QTest::newRow("groovy double, single quote") << dbl << u"t.yaml"_s << quote << "j: |\n  x = \"a'b\"\n"_ba
                                                 << QString();
    QTest::newRow("groovy double, dollar") << dbl << u"t.yaml"_s << dollar << "j: |\n  x = \"a\\$b\"\n"_ba
                                           << QString();
    QTest::newRow("groovy double, ${") << dbl << u"t.yaml"_s << interpolation << "j: |\n  x = \"\\${env.X}\"\n"_ba
                                       << QString();
    QTest::newRow("groovy double, backslash") << dbl << u"t.yaml"_s << backslash << "j: |\n  x = \"a\\\\b\"\n"_ba
                                              << QString();
    QTest::newRow("groovy double, newline") << dbl << u"t.yaml"_s << newline << QByteArray() << u"line break"_s;

    // A shell script in a triple-quoted string: only plain words go in.
    const QByteArray script = "j: |\n  sh '''\n    docker build --build-arg B='${X}' .\n  '''\n"_ba;
    QTest::newRow("script, word") << script << u"t.yaml"_s << u"node:20-alpine"_s
                                  << "j: |\n  sh '''\n    docker build --build-arg B='node:20-alpine' .\n  '''\n"_ba
                                  << QString();
    QTest::newRow("script, quote") << script << u"t.yaml"_s << quote << QByteArray() << u"script"_s;
    QTest::newRow("script, backslash") << script << u"t.yaml"_s << backslash << QByteArray() << u"script"_s;
    QTest::newRow("script, dollar") << script << u"t.yaml"_s << dollar << QByteArray() << u"script"_s;
    QTest::newRow("script, ${") << script << u"t.yaml"_s << interpolation << QByteArray() << u"script"_s;
    QTest::newRow("script, space") << script << u"t.yaml"_s << u"a b"_s << QByteArray() << u"script"_s;
    QTest::newRow("script, newline") << script << u"t.yaml"_s << newline << QByteArray() << u"line break"_s;

    // Unquoted block text: as it is, on one line.
    const QByteArray raw = "j: |\n  choices: [${X}]\nk: 1\n"_ba;
    QTest::newRow("block, quote") << raw << u"t.yaml"_s << quote << "j: |\n  choices: [a'b]\nk: 1\n"_ba
                                  << QString();
    QTest::newRow("block, ${") << raw << u"t.yaml"_s << interpolation << "j: |\n  choices: [${env.X}]\nk: 1\n"_ba
                               << QString();
    QTest::newRow("block, newline") << raw << u"t.yaml"_s << newline << QByteArray() << u"line break"_s;
    QTest::newRow("block, dedent") << raw << u"t.yaml"_s << u"]\nk: 2\nevil: |\n  ["_s << QByteArray()
                                   << u"line break"_s;
    QTest::newRow("block, raw newline") << "j: |\n  ${X:raw}\n"_ba << u"t.yaml"_s << newline << QByteArray()
                                        << u"line break"_s;

    // A YAML comment and a file that is not YAML: nothing escapes there, so no line breaks.
    QTest::newRow("comment, quote") << "# ${X}\nk: 1\n"_ba << u"t.yaml"_s << quote << "# a'b\nk: 1\n"_ba
                                    << QString();
    QTest::newRow("comment, newline") << "# ${X}\nk: 1\n"_ba << u"t.yaml"_s << u"x\nevil: 1"_s << QByteArray()
                                      << u"line break"_s;
    // Found by fuzz_templaterenderer (tests/data/fuzz/templaterenderer/found-*).
    QTest::newRow("comment, CRLF") << "# ${X}-canary\nk: 1\n"_ba << u"t.yaml"_s << u"x\r\ny: 1"_s << QByteArray()
                                   << u"line break"_s;
    QTest::newRow("comment, carriage return") << "# ${X}\nk: 1\n"_ba << u"t.yaml"_s << u"x\ry: 1"_s << QByteArray()
                                              << u"line break"_s;
    QTest::newRow("comment after a value, CRLF") << "k: 1 # ${X}\n"_ba << u"t.yaml"_s << u"x\r\ny: 1"_s
                                                 << QByteArray() << u"line break"_s;
    QTest::newRow("comment after a value, sign") << "k: 1 # ${X}\n"_ba << u"t.yaml"_s << u"# c"_s
                                                 << "k: 1 # # c\n"_ba << QString();
    QTest::newRow("plain key, comment sign") << "a ${X}: v\n"_ba << u"t.yaml"_s << u"# c"_s << "\"a # c\": v\n"_ba
                                             << QString();
    QTest::newRow("plain key, colon") << "${X}-key: v\n"_ba << u"t.yaml"_s << u"a: b"_s << "\"a: b-key\": v\n"_ba
                                      << QString();
    QTest::newRow("plain key, newline") << "${X}: v\n"_ba << u"t.yaml"_s << u"a\r\nb: 1"_s
                                        << "\"a\\r\\nb: 1\": v\n"_ba << QString();
    QTest::newRow("plain key, word") << "${X}-key: v\n"_ba << u"t.yaml"_s << u"web"_s << "web-key: v\n"_ba
                                     << QString();
    QTest::newRow("double-quoted key") << "\"${X}\": v\n"_ba << u"t.yaml"_s << u"a\"b"_s << "\"a\\\"b\": v\n"_ba
                                       << QString();
    QTest::newRow("flow list, comma") << "k: [${X}, x]\n"_ba << u"t.yaml"_s << u"a, b"_s << QByteArray()
                                      << u"change the YAML structure"_s;
    QTest::newRow("flow list, colon") << "k: [${X}, x]\n"_ba << u"t.yaml"_s << u"a: b"_s << QByteArray()
                                      << u"change the YAML structure"_s;
    QTest::newRow("flow map, word") << "k: {name: ${X}}\n"_ba << u"t.yaml"_s << u"web-1"_s << "k: {name: web-1}\n"_ba
                                    << QString();
    QTest::newRow("quoted over two lines") << "k: \"a\n  ${X} b\"\n"_ba << u"t.yaml"_s << u"\" c"_s
                                           << "k: \"a\n  \\\" c b\"\n"_ba << QString();
    QTest::newRow("plain over two lines") << "k: a\n  ${X} b\n"_ba << u"t.yaml"_s << u"x: y"_s << QByteArray()
                                          << u"goes on over several lines"_s;
    QTest::newRow("plain going on, word") << "k: ${X}\n  b\n"_ba << u"t.yaml"_s << u"web"_s << "k: web\n  b\n"_ba
                                          << QString();
    QTest::newRow("not YAML, dollar") << "FROM ${X}\n"_ba << u"Dockerfile"_s << dollar << "FROM a$b\n"_ba
                                      << QString();
    QTest::newRow("not YAML, newline") << "FROM ${X}\n"_ba << u"Dockerfile"_s << u"base\nRUN id"_s << QByteArray()
                                       << u"line break"_s;
}

void TestRenderContexts::valueInEachContext()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, file);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QFETCH(QString, refusal);

    const gd::Result<QByteArray> out = gd::tmpl::renderTemplate(text, file, {{u"X"_s, value}});
    if (expected.isEmpty()) {
        QVERIFY2(!out.ok(), out.ok() ? out->constData() : "");
        QCOMPARE(out.error().code, gd::Error::Code::Template);
        QVERIFY2(out.error().message.contains(refusal), qPrintable(out.error().message));
        QVERIFY2(out.error().message.contains(u"${X}"_s), qPrintable(out.error().message));
        QVERIFY2(out.error().message.contains(file), qPrintable(out.error().message));
        return;
    }
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().fullText()));
    QCOMPARE(*out, expected);
}

void TestRenderContexts::hostileValueNeverAddsAGroovyStatement_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    const QStringList hostile = {
        u"'"_s,
        u"\\"_s,
        u"\\'"_s,
        u"main'; sh 'id'; x='"_s,
        u"main');sh('id');x=('"_s,
        u"\""_s,
        u"$"_s,
        u"${env.SECRET}"_s,
        u"'''"_s,
        u"\"\"\""_s,
        u"// hidden"_s,
        u"a\n          stage('Evil') { steps { sh 'id' } }"_s,
        u"a\r          sh 'id'"_s,
        u"a\u2028sh 'id'"_s,
        u"x\n  evil: 1"_s,
        u": #"_s,
    };
    // Every variable the Jenkinsfile template uses, each with every hostile value.
    const QStringList variables = {u"BUILD_AGENT"_s, u"STAGE_CHOICES"_s, u"SOURCE_REPO"_s, u"IMAGE"_s,
                                   u"REPO_URL"_s,    u"BRANCH"_s,        u"SERVICE"_s,     u"ENV"_s,
                                   u"PROJECT"_s,     u"BUILD_COMMAND"_s, u"RUNTIME_IMAGE"_s, u"DEVOPS_NAMESPACE"_s,
                                   u"LANGUAGE"_s};
    for (const QString &variable : variables) {
        for (qsizetype i = 0; i < hostile.size(); ++i)
            QTest::addRow("%s #%d", qPrintable(variable), int(i)) << variable << hostile.at(i);
    }
}

void TestRenderContexts::hostileValueNeverAddsAGroovyStatement()
{
    QFETCH(QString, variable);
    QFETCH(QString, value);
    const QByteArray text = pipelineTemplate();
    QVERIFY(!text.isEmpty());
    const QString file = u"pipeline-templates/ks-pipeline-jenkinsfile.yaml"_s;
    const gd::Result<QByteArray> baseline = gd::tmpl::renderTemplate(text, file, plainVariables());
    QVERIFY(baseline.ok());
    const QString expected = jenkinsfileOf(*baseline);

    Variables variables = plainVariables();
    QVERIFY(variables.contains(variable));
    variables.insert(variable, value);
    const gd::Result<QByteArray> out = gd::tmpl::renderTemplate(text, file, variables);
    if (!out.ok()) {
        QCOMPARE(out.error().code, gd::Error::Code::Template);   // refused, naming the variable
        QVERIFY2(out.error().message.contains(u"${"_s + variable + u'}'), qPrintable(out.error().message));
        return;
    }
    // Rendered: the same YAML shape, the same number of Jenkinsfile lines, and the same Groovy code around strings
    // (STAGE_CHOICES is Groovy code by design, a list the program builds, so only its lines are compared).
    const YAML::Node root = YAML::Load(out->toStdString());
    QVERIFY(root["spec"]["pipeline"]["jenkinsfile"].IsScalar());
    QCOMPARE(root.size(), YAML::Load(baseline->toStdString()).size());
    const QString jenkinsfile = jenkinsfileOf(*out);
    QCOMPARE(jenkinsfile.count(u'\n'), expected.count(u'\n'));
    if (variable != u"STAGE_CHOICES"_s)
        QCOMPARE(groovySkeleton(jenkinsfile), groovySkeleton(expected));
}

void TestRenderContexts::tripleQuotedStringCarriesOverLines()
{
    // The second line is still inside the script that the first line opened; the fourth is Groovy again.
    const QByteArray text = "j: |\n  sh '''\n    echo '${X}'\n  '''\n  x = '${X}'\n"_ba;
    const gd::Result<QByteArray> refused = gd::tmpl::renderTemplate(text, u"t.yaml"_s, {{u"X"_s, u"a'b"_s}});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"line 3"_s), qPrintable(refused.error().message));
    const gd::Result<QByteArray> word = gd::tmpl::renderTemplate(text, u"t.yaml"_s, {{u"X"_s, u"ab"_s}});
    QVERIFY(word.ok());
    QCOMPARE(*word, "j: |\n  sh '''\n    echo 'ab'\n  '''\n  x = 'ab'\n"_ba);
}

// Found by fuzz_templaterenderer: a line removed for an unset variable opened a double-quoted scalar, and the lines
// after it were then escaped as its text.
void TestRenderContexts::removedLineOpensNoQuote()
{
    const QByteArray text = "double: \"${A} and more\nkind: Deployment\nmetadata:\n  name: ${X}\n"_ba;
    const gd::Result<QByteArray> out =
        gd::tmpl::renderTemplate(text, u"t.yaml"_s, {{u"A"_s, std::nullopt}, {u"X"_s, u"'"_s}});
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().fullText()));
    QCOMPARE(*out, "kind: Deployment\nmetadata:\n  name: \"'\"\n"_ba);
}

QTEST_GUILESS_MAIN(TestRenderContexts)
#include "tst_rendercontexts.moc"
