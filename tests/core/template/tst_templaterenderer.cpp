// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/templaterenderer.h"

#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::Literals::StringLiterals;
using gd::tmpl::Variables;

namespace {

/// Reads `key` of the first document of `yaml` as yaml-cpp sees it: its tag-resolved string and whether it
/// was a plain (unquoted) scalar.
struct Scalar {
    QString value;
    bool plain = false;
};

Scalar readScalar(const QByteArray &yaml, const char *key)
{
    const YAML::Node root = YAML::Load(yaml.toStdString());
    const YAML::Node node = root[key];
    return {QString::fromStdString(node.as<std::string>()), node.Tag() == "?"};
}

} // namespace

class TestTemplateRenderer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void substitution_data();
    void substitution();
    void wholeScalarRoundTrips_data();
    void wholeScalarRoundTrips();
    void typedPlaceholders();
    void typedValueChecked();
    void unknownVariableNamesFileAndLine();
    void unterminatedPlaceholder();
    void invalidPlaceholderName();
    void escapeGivesLiteral();
    void unsetVariableDropsLine();
    void blockScalarIsVerbatim();
    void invalidResultYamlNamesTemplateLine();
    void nonYamlFileIsNotParsed();
};

void TestTemplateRenderer::substitution_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("whole scalar") << "name: ${SERVICE}\n"_ba << "name: orders\n"_ba;
    QTest::newRow("inside a path") << "path: appsmanifests/${SERVICE}/${ENV}/manifests\n"_ba
                                   << "path: appsmanifests/orders/uat/manifests\n"_ba;
    QTest::newRow("composed name") << "name: ${PROJECT}-${SERVICE}-${ENV}\n"_ba << "name: shop-orders-uat\n"_ba;
    QTest::newRow("sequence item") << "items:\n  - ${SERVICE}\n"_ba << "items:\n  - orders\n"_ba;
    QTest::newRow("key in a sequence item") << "- name: ${SERVICE}\n"_ba << "- name: orders\n"_ba;
    QTest::newRow("comment after value") << "newTag: ${TAG} # released by ci\n"_ba
                                         << "newTag: \"1.10\" # released by ci\n"_ba;
    QTest::newRow("in a comment") << "# ${SERVICE} in ${ENV}\nx: 1\n"_ba << "# orders in uat\nx: 1\n"_ba;
    QTest::newRow("inside double quotes") << "msg: \"deploy ${SERVICE} now\"\n"_ba
                                          << "msg: \"deploy orders now\"\n"_ba;
    QTest::newRow("no line end at the end") << "name: ${SERVICE}"_ba << "name: orders"_ba;
    QTest::newRow("crlf kept") << "a: ${SERVICE}\r\nb: 2\r\n"_ba << "a: orders\r\nb: 2\r\n"_ba;
    QTest::newRow("dollar without brace") << "cmd: echo $HOME\n"_ba << "cmd: echo $HOME\n"_ba;
    QTest::newRow("numeric tag quoted") << "newTag: ${TAG}\n"_ba << "newTag: \"1.10\"\n"_ba;
    QTest::newRow("semver tag stays plain") << "newTag: ${SEMVER}\n"_ba << "newTag: 1.4.2\n"_ba;
}

void TestTemplateRenderer::substitution()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    const Variables vars = {{u"SERVICE"_s, u"orders"_s}, {u"ENV"_s, u"uat"_s},     {u"PROJECT"_s, u"shop"_s},
                            {u"TAG"_s, u"1.10"_s},       {u"SEMVER"_s, u"1.4.2"_s}};
    const gd::Result<QByteArray> out = gd::tmpl::renderTemplate(text, u"t.yaml"_s, vars);
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().fullText()));
    QCOMPARE(*out, expected);
}

void TestTemplateRenderer::wholeScalarRoundTrips_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("mustBeQuoted");
    QTest::newRow("1.10 (a float to YAML)") << u"1.10"_s << true;
    QTest::newRow("11 (an int)") << u"11"_s << true;
    QTest::newRow("true") << u"true"_s << true;
    QTest::newRow("yes (YAML 1.1 bool)") << u"yes"_s << true;
    QTest::newRow("null") << u"null"_s << true;
    QTest::newRow("tilde") << u"~"_s << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("hex") << u"0x1F"_s << true;
    QTest::newRow("exponent") << u"1e3"_s << true;
    QTest::newRow("date") << u"2024-05-01"_s << true;
    QTest::newRow("colon space") << u"a: b"_s << true;
    QTest::newRow("space hash") << u"build #12"_s << true;
    QTest::newRow("leading star") << u"*alias"_s << true;
    QTest::newRow("leading dash") << u"-Xmx512m"_s << true;
    QTest::newRow("double quotes inside") << u"say \"hi\""_s << false;
    QTest::newRow("single quote inside") << u"it's"_s << false;
    QTest::newRow("leading quote") << u"\"quoted\" start"_s << true;
    QTest::newRow("backslash and quote") << u"\"C:\\path\""_s << true;
    QTest::newRow("line break") << u"two\nlines"_s << true;
    QTest::newRow("trailing space") << u"space "_s << true;
    QTest::newRow("plain word") << u"orders"_s << false;
    QTest::newRow("semver") << u"1.4.2"_s << false;
    QTest::newRow("v-prefixed") << u"v1.10"_s << false;
    QTest::newRow("url") << u"https://kubernetes.default.svc"_s << false;
    QTest::newRow("registry with port") << u"registry:5000/shop/orders"_s << false;
    QTest::newRow("non ascii") << u"订单服务"_s << false;
}

void TestTemplateRenderer::wholeScalarRoundTrips()
{
    // Whatever the value, the rendered file reads back as exactly that string, in both scalar positions.
    QFETCH(QString, value);
    QFETCH(bool, mustBeQuoted);
    const Variables vars = {{u"X"_s, value}};
    const gd::Result<QByteArray> mapped = gd::tmpl::renderTemplate("key: ${X}\nother: 1\n"_ba, u"t.yaml"_s, vars);
    QVERIFY2(mapped.ok(), qPrintable(mapped.ok() ? QString() : mapped.error().fullText()));
    const Scalar scalar = readScalar(*mapped, "key");
    QCOMPARE(scalar.value, value);
    QCOMPARE(!scalar.plain, mustBeQuoted);

    const gd::Result<QByteArray> listed = gd::tmpl::renderTemplate("list:\n  - ${X}\n"_ba, u"t.yaml"_s, vars);
    QVERIFY(listed.ok());
    const YAML::Node list = YAML::Load(listed->toStdString())["list"];
    QCOMPARE(list.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(list[0].as<std::string>()), value);

    // Inside an existing quoted string the value is escaped instead.
    const gd::Result<QByteArray> dq =
        gd::tmpl::renderTemplate("key: \"<${X}>\"\n"_ba, u"t.yaml"_s, vars);
    QVERIFY2(dq.ok(), qPrintable(dq.ok() ? QString() : dq.error().fullText()));
    QCOMPARE(readScalar(*dq, "key").value, u'<' + value + u'>');
    if (!value.contains(u'\n')) {
        const gd::Result<QByteArray> sq = gd::tmpl::renderTemplate("key: '<${X}>'\n"_ba, u"t.yaml"_s, vars);
        QVERIFY2(sq.ok(), qPrintable(sq.ok() ? QString() : sq.error().fullText()));
        QCOMPARE(readScalar(*sq, "key").value, u'<' + value + u'>');
    }
}

void TestTemplateRenderer::typedPlaceholders()
{
    const Variables vars = {{u"PORT"_s, u"8080"_s}, {u"HEAL"_s, u"True"_s}, {u"FLOW"_s, u"[a, b]"_s}};
    const gd::Result<QByteArray> out = gd::tmpl::renderTemplate(
        "port: ${PORT:int}\nportText: ${PORT}\nheal: ${HEAL:bool}\nflow: ${FLOW:raw}\n"_ba, u"t.yaml"_s, vars);
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().fullText()));
    QCOMPARE(*out, "port: 8080\nportText: \"8080\"\nheal: true\nflow: [a, b]\n"_ba);
    const YAML::Node root = YAML::Load(out->toStdString());
    QCOMPARE(root["port"].as<int>(), 8080);
    QCOMPARE(root["heal"].as<bool>(), true);
    QCOMPARE(root["flow"].size(), std::size_t(2));
}

void TestTemplateRenderer::typedValueChecked()
{
    const gd::Result<QByteArray> out = gd::tmpl::renderTemplate("a: 1\nreplicas: ${R:int}\n"_ba,
                                                                u"base/deployment.yaml"_s, {{u"R"_s, u"two"_s}});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, gd::Error::Code::Template);
    QCOMPARE(out.error().message,
             u"The template base/deployment.yaml needs a whole number for ${R} on line 2, not \"two\"."_s);
    const gd::Result<QByteArray> heal =
        gd::tmpl::renderTemplate("selfHeal: ${H:bool}\n"_ba, u"app.yaml"_s, {{u"H"_s, u"maybe"_s}});
    QVERIFY(!heal.ok());
    QVERIFY(heal.error().message.contains(u"true or false"_s));
}

void TestTemplateRenderer::unknownVariableNamesFileAndLine()
{
    const gd::Result<QByteArray> out = gd::tmpl::renderTemplate(
        "# header\nname: ${SERVICE}\n\n  image: ${IMAGEE}\n"_ba, u"app-manifests-templates/go/base/deployment.yaml"_s,
        {{u"SERVICE"_s, u"orders"_s}, {u"IMAGE"_s, u"r/o"_s}});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, gd::Error::Code::Template);
    QCOMPARE(out.error().message, u"The template app-manifests-templates/go/base/deployment.yaml uses the unknown "
                                  "variable ${IMAGEE} on line 4."_s);
    QVERIFY(out.error().detail.contains(u"IMAGE, SERVICE"_s));
}

void TestTemplateRenderer::unterminatedPlaceholder()
{
    const gd::Result<QByteArray> out =
        gd::tmpl::renderTemplate("a: 1\nb: 2\nname: ${SERVICE\n"_ba, u"ga/kustomization.yaml"_s,
                                 {{u"SERVICE"_s, u"orders"_s}});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, gd::Error::Code::Template);
    QCOMPARE(out.error().message, u"The template ga/kustomization.yaml has an unterminated \"${\" on line 3: close it "
                                  "with \"}\", or write \"$${\" for a literal \"${\"."_s);
}

void TestTemplateRenderer::invalidPlaceholderName()
{
    // Groovy's "${params.TAG}" in a Jenkinsfile must be escaped; unescaped it is reported, not copied silently.
    const gd::Result<QByteArray> out = gd::tmpl::renderTemplate("echo \"${params.TAG}\"\n"_ba, u"Jenkinsfile"_s, {});
    QVERIFY(!out.ok());
    QVERIFY2(out.error().message.contains(u"invalid placeholder \"${params.TAG}\" on line 1"_s),
             qPrintable(out.error().message));
    QVERIFY(out.error().message.contains(u"$${"_s));
    const gd::Result<QByteArray> badType = gd::tmpl::renderTemplate("a: ${X:float}\n"_ba, u"t.yaml"_s,
                                                                    {{u"X"_s, u"1"_s}});
    QVERIFY(!badType.ok());
}

void TestTemplateRenderer::escapeGivesLiteral()
{
    const gd::Result<QByteArray> out = gd::tmpl::renderTemplate(
        "script: |\n  echo \"$${params.TAG}\" for ${SERVICE}\n  host=\"$${IMAGE%%/*}\"\n"_ba, u"p.yaml"_s,
        {{u"SERVICE"_s, u"orders"_s}});
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().fullText()));
    QCOMPARE(*out, "script: |\n  echo \"${params.TAG}\" for orders\n  host=\"${IMAGE%%/*}\"\n"_ba);
}

void TestTemplateRenderer::unsetVariableDropsLine()
{
    const Variables vars = {{u"SERVICE"_s, u"orders"_s}, {u"REPLICAS"_s, std::nullopt}, {u"CANARY"_s, std::nullopt}};
    const gd::Result<QByteArray> out = gd::tmpl::renderTemplate(
        "metadata:\n  name: ${SERVICE}\nspec:\n  replicas: ${REPLICAS:int}\n  paused: false\n"
        "resources:\n  - ${CANARY}\n  - ga\n"_ba,
        u"deployment.yaml"_s, vars);
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().fullText()));
    QCOMPARE(*out, "metadata:\n  name: orders\nspec:\n  paused: false\nresources:\n  - ga\n"_ba);
    QVERIFY(!out->contains("replicas"));

    // The same template with the variables set keeps the lines.
    const gd::Result<QByteArray> full = gd::tmpl::renderTemplate(
        "spec:\n  replicas: ${REPLICAS:int}\nresources:\n  - ${CANARY}\n  - ga\n"_ba, u"deployment.yaml"_s,
        {{u"REPLICAS"_s, u"3"_s}, {u"CANARY"_s, u"canary"_s}});
    QVERIFY(full.ok());
    QCOMPARE(*full, "spec:\n  replicas: 3\nresources:\n  - canary\n  - ga\n"_ba);
}

void TestTemplateRenderer::blockScalarIsVerbatim()
{
    // Inside a block scalar a value is text, never YAML-quoted. A multi-line value is refused (issue 11): its lines
    // would become lines of the block's program (a Jenkinsfile stage) that no template wrote.
    const Variables vars = {{u"CMD"_s, u"go test ./... && go build"_s}, {u"TAG"_s, u"11"_s}, {u"N"_s, u"x"_s}};
    const QByteArray text =
        "spec:\n  jenkinsfile: |\n    tag: ${TAG}\n    run:\n      ${CMD}\n  name: ${TAG}\nlast: ${N}\n"_ba;
    const gd::Result<QByteArray> out = gd::tmpl::renderTemplate(text, u"p.yaml"_s, vars);
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().fullText()));
    QCOMPARE(*out, "spec:\n  jenkinsfile: |\n    tag: 11\n    run:\n      go test ./... && go build\n"
                   "  name: \"11\"\nlast: x\n"_ba);
    const YAML::Node root = YAML::Load(out->toStdString());
    QCOMPARE(QString::fromStdString(root["spec"]["jenkinsfile"].as<std::string>()),
             u"tag: 11\nrun:\n  go test ./... && go build\n"_s);

    Variables multiLine = vars;
    multiLine.insert(u"CMD"_s, u"go test ./...\ngo build"_s);
    const gd::Result<QByteArray> refused = gd::tmpl::renderTemplate(text, u"p.yaml"_s, multiLine);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, gd::Error::Code::Template);
    QVERIFY2(refused.error().message.contains(u"${CMD} has a line break"_s), qPrintable(refused.error().message));
    QVERIFY(refused.error().message.contains(u"p.yaml at line 5"_s));
}

void TestTemplateRenderer::invalidResultYamlNamesTemplateLine()
{
    // The dropped line 2 must not shift the reported line: the error names the template's own line 4.
    const Variables vars = {{u"GONE"_s, std::nullopt}, {u"X"_s, u"a: b: c"_s}};
    const gd::Result<QByteArray> out = gd::tmpl::renderTemplate("a: 1\nb: ${GONE}\nc: 2\nd: ${X:raw}\ne: 5\n"_ba,
                                                                u"application-templates/application.yaml"_s, vars);
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, gd::Error::Code::Template);
    QCOMPARE(out.error().message, u"The template application-templates/application.yaml does not give valid YAML at "
                                  "line 4; check that line and the values put into it."_s);
    QVERIFY(!out.error().detail.isEmpty());

    const gd::Result<QByteArray> tab = gd::tmpl::renderTemplate("a:\n\tb: ${X}\n"_ba, u"x.yml"_s,
                                                                {{u"X"_s, u"1"_s}});
    QVERIFY(!tab.ok());
    QVERIFY2(tab.error().message.contains(u"line 2"_s), qPrintable(tab.error().message));
}

void TestTemplateRenderer::nonYamlFileIsNotParsed()
{
    const gd::Result<QByteArray> out =
        gd::tmpl::renderTemplate("FROM base\n${TAG}\nRUN [ unclosed: ${TAG}\n"_ba, u"Dockerfile"_s,
                                 {{u"TAG"_s, u"1.10"_s}});
    QVERIFY(out.ok());
    QCOMPARE(*out, "FROM base\n1.10\nRUN [ unclosed: 1.10\n"_ba);
}

QTEST_GUILESS_MAIN(TestTemplateRenderer)
#include "tst_templaterenderer.moc"
