// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/imagetagedit.h"
#include "manifest/kustomization.h"
#include "manifest/kustomizerunner.h"
#include "manifest/yamlcheck.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::manifest::ImageEdit;

namespace {

QString dataDir(const QString &sub)
{
    return qEnvironmentVariable("GD_TEST_DATA") + u'/' + sub;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// edit.txt: one "field: value" per line (name, newTag, newName, digest); a value may be double-quoted.
ImageEdit readEdit(const QString &path)
{
    ImageEdit edit;
    const QList<QByteArray> lines = readFile(path).split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(": ");
        if (colon < 0)
            continue;
        const QString key = QString::fromUtf8(line.left(colon));
        QString value = QString::fromUtf8(line.mid(colon + 2)).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        if (key == u"name")
            edit.name = value;
        else if (key == u"newTag")
            edit.newTag = value;
        else if (key == u"newName")
            edit.newName = value;
        else if (key == u"digest")
            edit.digest = value;
    }
    return edit;
}

QStringList goldenCases()
{
    return QDir(dataDir(u"imageedit"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QList<QByteArray> lines(const QByteArray &text)
{
    return text.split('\n');
}

// The image kustomize should render for the edited entry over a container image spelled exactly `edit.name`.
QString expectedRenderedImage(const QByteArray &edited, const QString &name)
{
    const auto k = gd::manifest::Kustomization::parse(edited);
    if (!k)
        return {};
    const gd::manifest::KustomizeImage *image = k->image(name);
    if (!image)
        return {};
    const gd::manifest::ImageReference original = gd::manifest::parseImageReference(name);
    QString out = image->newName.isEmpty() ? original.repository : image->newName;
    if (!image->newTag.isEmpty())
        out += u':' + image->newTag;
    else if (!original.tag.isEmpty())
        out += u':' + original.tag;
    if (!image->digest.isEmpty())
        out += u'@' + image->digest;
    return out;
}

QByteArray minimalDeployment(const QString &image)
{
    return "apiVersion: apps/v1\n"
           "kind: Deployment\n"
           "metadata:\n"
           "  name: app\n"
           "spec:\n"
           "  selector:\n"
           "    matchLabels:\n"
           "      app: app\n"
           "  template:\n"
           "    metadata:\n"
           "      labels:\n"
           "        app: app\n"
           "    spec:\n"
           "      containers:\n"
           "      - name: app\n"
           "        image: \""
        + image.toUtf8() + "\"\n";
}

} // namespace

class TestImageTagEdit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void golden_data();
    void golden();
    void goldenBuildsWithKustomize_data();
    void goldenBuildsWithKustomize();
    void realFilesChangeOneLine_data();
    void realFilesChangeOneLine();
    void truncatedFilesNeverBreak_data();
    void truncatedFilesNeverBreak();
    void quotesTagsYamlWouldNotReadAsText_data();
    void quotesTagsYamlWouldNotReadAsText();
    void rejectsInvalidInput_data();
    void rejectsInvalidInput();
    void rejectsBrokenYaml();
    void validators_data();
    void validators();
    void imageReference_data();
    void imageReference();
};

void TestImageTagEdit::golden_data()
{
    QTest::addColumn<QString>("dir");
    const QStringList cases = goldenCases();
    QVERIFY2(cases.size() >= 30, "the golden cases under tests/data/imageedit are missing");
    for (const QString &c : cases)
        QTest::newRow(qPrintable(c)) << dataDir(u"imageedit/"_s + c);
}

void TestImageTagEdit::golden()
{
    QFETCH(QString, dir);
    const QByteArray input = readFile(dir + u"/input.yaml"_s);
    const QByteArray expected = readFile(dir + u"/expected.yaml"_s);
    const ImageEdit edit = readEdit(dir + u"/edit.txt"_s);
    QVERIFY(!input.isEmpty());
    QVERIFY(!edit.name.isEmpty());

    const auto result = gd::manifest::applyImageEdit(input, edit);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
    QCOMPARE(result.value(), expected);
    QVERIFY(gd::manifest::checkYaml(result.value()).empty());

    // Applying the same release again changes nothing.
    const auto again = gd::manifest::applyImageEdit(expected, edit);
    QVERIFY(again.ok());
    QCOMPARE(again.value(), expected);
}

void TestImageTagEdit::goldenBuildsWithKustomize_data()
{
    golden_data();
}

void TestImageTagEdit::goldenBuildsWithKustomize()
{
    QFETCH(QString, dir);
    const gd::manifest::KustomizeRunner runner;
    if (!runner.command().ok())
        QFAIL("Neither kustomize nor kubectl is installed; install kubectl (kustomize v5).");
    const ImageEdit edit = readEdit(dir + u"/edit.txt"_s);
    const QByteArray expected = readFile(dir + u"/expected.yaml"_s);
    const auto parsed = gd::manifest::Kustomization::parse(expected);
    QVERIFY(parsed.ok());
    // Every golden file lists deployment.yaml in resources, so this one Deployment is all it needs.
    QVERIFY(parsed->resources().contains(u"deployment.yaml"_s));

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(writeFile(tmp.filePath(u"kustomization.yaml"_s), expected));
    QVERIFY(writeFile(tmp.filePath(u"deployment.yaml"_s), minimalDeployment(edit.name)));
    const auto rendered = runner.build(tmp.path());
    QVERIFY2(rendered.ok(), qPrintable(rendered.ok() ? QString() : rendered.error().fullText()));

    const QString image = expectedRenderedImage(expected, edit.name);
    QVERIFY(!image.isEmpty());
    if (edit.newTag)
        QVERIFY(image.contains(u':' + *edit.newTag));
    const QByteArray line = "image: " + image.toUtf8() + '\n';
    QVERIFY2(rendered->contains(line), rendered->constData());
}

// Every real kustomization file: the 16 single files and the kustomization.yaml files of the 7 overlay trees.
void TestImageTagEdit::realFilesChangeOneLine_data()
{
    QTest::addColumn<QString>("path");
    const QString root = dataDir(u"kustomize"_s);
    QDirIterator it(root, {u"*kustomization.yaml"_s}, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    QVERIFY(files.size() >= 60);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f.mid(root.size() + 1).right(70))) << f;
}

void TestImageTagEdit::realFilesChangeOneLine()
{
    QFETCH(QString, path);
    const QByteArray input = readFile(path);
    const auto k = gd::manifest::Kustomization::parse(input);
    QVERIFY(k.ok());

    ImageEdit edit;
    edit.name = k->images().empty() ? u"app"_s : k->images().front().name;
    edit.newTag = u"v99.1.0-test"_s;
    const bool hadTag = !k->images().empty() && !k->images().front().newTag.isEmpty();

    const auto result = gd::manifest::applyImageEdit(input, edit);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
    const QList<QByteArray> before = lines(input);
    const QList<QByteArray> after = lines(result.value());

    const bool hasImagesKey = input.contains("\nimages:") || input.startsWith("images:");
    if (hadTag || (hasImagesKey && k->images().empty())) {
        // The tag's line (or the `images: []` line) is the only one that differs.
        QCOMPARE(after.size(), before.size());
        int changed = -1;
        for (int i = 0; i < before.size(); ++i) {
            if (before[i] == after[i])
                continue;
            QVERIFY2(changed < 0, "more than one line changed");
            changed = i;
        }
        QVERIFY(changed >= 0);
        QVERIFY(after[changed].contains("v99.1.0-test"));
        if (hadTag) {
            const QByteArray oldTag = k->images().front().newTag.toUtf8();
            QByteArray restored = after[changed];
            restored.replace("v99.1.0-test", oldTag);
            QCOMPARE(restored, before[changed]);
        }
    } else {
        // Lines were only added: one `newTag:` line into the entry, or a whole `images:` block (3 lines) when the
        // file had none. Removing them gives back the original, byte for byte.
        const int added = int(after.size() - before.size());
        QCOMPARE(added, hasImagesKey ? 1 : 3);
        int first = 0;
        while (first < before.size() && before[first] == after[first])
            ++first;
        QList<QByteArray> withoutAdded = after;
        withoutAdded.remove(first, added);
        QCOMPARE(withoutAdded, before);
        QVERIFY(after[first + added - 1].trimmed().startsWith("newTag: v99.1.0-test"));
        if (!hasImagesKey)
            QVERIFY(after[first].startsWith("images:"));
    }
    const auto reparsed = gd::manifest::Kustomization::parse(result.value());
    QVERIFY(reparsed.ok());
    QVERIFY(reparsed->image(edit.name));
    QCOMPARE(reparsed->image(edit.name)->newTag, u"v99.1.0-test"_s);
}

void TestImageTagEdit::truncatedFilesNeverBreak_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(dataDir(u"kustomize/single"_s));
    const QStringList files = dir.entryList({u"*.yaml"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 16);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f.left(60))) << dir.filePath(f);
}

// A file cut anywhere (an editor buffer mid-typing) gives an error or a correct edit, never a crash or a wrong file.
void TestImageTagEdit::truncatedFilesNeverBreak()
{
    QFETCH(QString, path);
    const QByteArray full = readFile(path);
    const auto k = gd::manifest::Kustomization::parse(full);
    QVERIFY(k.ok());
    ImageEdit edit;
    edit.name = k->images().empty() ? u"app"_s : k->images().front().name;
    edit.newTag = u"1.10"_s;
    int succeeded = 0;
    for (qsizetype cut = 0; cut <= full.size(); cut += 3) {
        const QByteArray text = full.left(cut);
        (void)gd::manifest::checkYaml(text);
        const auto result = gd::manifest::applyImageEdit(text, edit);
        if (!result.ok()) {
            QVERIFY(!result.error().message.isEmpty());
            continue;
        }
        ++succeeded;
        QVERIFY(result.value().startsWith(text.left(text.indexOf("images"))));
        const auto reparsed = gd::manifest::Kustomization::parse(result.value());
        QVERIFY(reparsed.ok());
        QVERIFY(reparsed->image(edit.name));
        QCOMPARE(reparsed->image(edit.name)->newTag, u"1.10"_s);
    }
    QVERIFY(succeeded > 0);
}

void TestImageTagEdit::quotesTagsYamlWouldNotReadAsText_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("integer") << u"11"_s << QByteArray("\"11\"");
    QTest::newRow("float") << u"1.10"_s << QByteArray("\"1.10\"");
    QTest::newRow("float 8.0") << u"8.0"_s << QByteArray("\"8.0\"");
    QTest::newRow("bool") << u"true"_s << QByteArray("\"true\"");
    QTest::newRow("yaml 1.1 bool") << u"yes"_s << QByteArray("\"yes\"");
    QTest::newRow("yaml 1.1 off") << u"Off"_s << QByteArray("\"Off\"");
    QTest::newRow("null") << u"null"_s << QByteArray("\"null\"");
    QTest::newRow("hex") << u"0x1F"_s << QByteArray("\"0x1F\"");
    QTest::newRow("exponent") << u"1e3"_s << QByteArray("\"1e3\"");
    QTest::newRow("underscored int") << u"1_000"_s << QByteArray("\"1_000\"");
    QTest::newRow("octal") << u"0o17"_s << QByteArray("\"0o17\"");
    QTest::newRow("leading zero") << u"0755"_s << QByteArray("\"0755\"");
    QTest::newRow("date") << u"2023-04-22"_s << QByteArray("\"2023-04-22\"");
    QTest::newRow("semver stays plain") << u"1.0.0"_s << QByteArray("1.0.0");
    QTest::newRow("v-prefixed stays plain") << u"v1.10"_s << QByteArray("v1.10");
    QTest::newRow("sha stays plain") << u"98fb01cc292a1089bb92e1de884e534e21b671fe"_s
                                     << QByteArray("98fb01cc292a1089bb92e1de884e534e21b671fe");
    QTest::newRow("date-sha stays plain") << u"20230422-6c275d1"_s << QByteArray("20230422-6c275d1");
}

void TestImageTagEdit::quotesTagsYamlWouldNotReadAsText()
{
    QFETCH(QString, tag);
    QFETCH(QByteArray, written);
    const QByteArray input = "resources:\n- deployment.yaml\nimages:\n- name: app\n  newTag: v1\n";
    ImageEdit edit;
    edit.name = u"app"_s;
    edit.newTag = tag;
    const auto result = gd::manifest::applyImageEdit(input, edit);
    QVERIFY(result.ok());
    QCOMPARE(result.value(), "resources:\n- deployment.yaml\nimages:\n- name: app\n  newTag: " + written + '\n');
    const auto k = gd::manifest::Kustomization::parse(result.value());
    QVERIFY(k.ok());
    QCOMPARE(k->image(u"app"_s)->newTag, tag);
    // Kustomization::parse flags an unquoted tag that kustomize would reject; the edit never writes one.
    QVERIFY(!gd::manifest::hasErrors(k->warnings()));
}

void TestImageTagEdit::rejectsInvalidInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("digest");
    QTest::addColumn<QString>("wordInMessage");
    const QString none = u"<unset>"_s;
    QTest::newRow("empty tag") << u"app"_s << QString() << none << u"tag"_s;
    QTest::newRow("leading dash") << u"app"_s << u"-v1"_s << none << u"tag"_s;
    QTest::newRow("leading dot") << u"app"_s << u".v1"_s << none << u"tag"_s;
    QTest::newRow("space") << u"app"_s << u"v1 beta"_s << none << u"tag"_s;
    QTest::newRow("colon") << u"app"_s << u"v1:2"_s << none << u"tag"_s;
    QTest::newRow("comment injection") << u"app"_s << u"v1 #x"_s << none << u"tag"_s;
    QTest::newRow("newline injection") << u"app"_s << u"v1\nfoo: bar"_s << none << u"tag"_s;
    QTest::newRow("129 chars") << u"app"_s << QString(129, u'a') << none << u"tag"_s;
    QTest::newRow("non ascii") << u"app"_s << u"版本1"_s << none << u"tag"_s;
    QTest::newRow("short digest") << u"app"_s << none << u"sha256:25a0d4"_s << u"digest"_s;
    QTest::newRow("upper-case digest") << u"app"_s << none << u"sha256:" + QString(64, u'A') << u"digest"_s;
    QTest::newRow("empty name") << QString() << u"v1"_s << none << u"name"_s;
    QTest::newRow("name with space") << u"my app"_s << u"v1"_s << none << u"name"_s;
    QTest::newRow("nothing to set") << u"app"_s << none << none << u"sets no"_s;
}

void TestImageTagEdit::rejectsInvalidInput()
{
    QFETCH(QString, name);
    QFETCH(QString, tag);
    QFETCH(QString, digest);
    QFETCH(QString, wordInMessage);
    ImageEdit edit;
    edit.name = name;
    if (tag != u"<unset>")
        edit.newTag = tag;
    if (digest != u"<unset>")
        edit.digest = digest;
    const QByteArray input = "images:\n- name: app\n  newTag: v1\n";
    const auto result = gd::manifest::applyImageEdit(input, edit);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, gd::Error::Code::InvalidInput);
    QVERIFY2(result.error().message.contains(wordInMessage), qPrintable(result.error().message));
    QVERIFY(result.error().message.endsWith(u'.'));
}

void TestImageTagEdit::rejectsBrokenYaml()
{
    ImageEdit edit;
    edit.name = u"app"_s;
    edit.newTag = u"v2"_s;
    const auto result = gd::manifest::applyImageEdit("images:\n- name: app\n\tnewTag: v1\n", edit);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, gd::Error::Code::Yaml);
    QVERIFY2(result.error().message.contains(u"line 3, column 1"_s), qPrintable(result.error().message));

    const auto notList = gd::manifest::applyImageEdit("images:\n  app: v1\n", edit);
    QVERIFY(!notList.ok());
    QCOMPARE(notList.error().code, gd::Error::Code::InvalidInput);

    const auto empty = gd::manifest::applyImageEdit("# nothing here\n", edit);
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code, gd::Error::Code::Yaml);
}

void TestImageTagEdit::validators_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("tag");
    QTest::addColumn<bool>("name");
    QTest::newRow("plain tag") << u"v1.2.3"_s << true << true;
    QTest::newRow("underscore first") << u"_v1"_s << true << false;
    QTest::newRow("128 chars") << QString(128, u'a') << true << true;
    QTest::newRow("registry port") << u"athena-registry:5000/athena-media"_s << false << true;
    QTest::newRow("name with tag") << u"bot:latest"_s << false << true;
    QTest::newRow("url") << u"https://example.com/app"_s << false << false;
    QTest::newRow("trailing slash") << u"ghcr.io/acme/"_s << false << false;
}

void TestImageTagEdit::validators()
{
    QFETCH(QString, value);
    QFETCH(bool, tag);
    QFETCH(bool, name);
    QCOMPARE(gd::manifest::isValidImageTag(value), tag);
    QCOMPARE(gd::manifest::isValidImageName(value), name);
}

void TestImageTagEdit::imageReference_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("digest");
    const QString sha = u"sha256:b9ef0479b57a494368a12a02886c650314c9ac7391c6228f21065865aab71c9e"_s;
    QTest::newRow("bare") << u"nginx"_s << u"nginx"_s << QString() << QString();
    QTest::newRow("tag") << u"nginx:1.16.0"_s << u"nginx"_s << u"1.16.0"_s << QString();
    QTest::newRow("port only") << u"host:5000/app"_s << u"host:5000/app"_s << QString() << QString();
    QTest::newRow("port and tag") << u"host:5000/app:v1"_s << u"host:5000/app"_s << u"v1"_s << QString();
    QTest::newRow("digest") << u"quay.io/konflux-ci/task-runner@"_s + sha << u"quay.io/konflux-ci/task-runner"_s
                            << QString() << sha;
    QTest::newRow("tag and digest") << u"task-runner:v1@"_s + sha << u"task-runner"_s << u"v1"_s << sha;
}

void TestImageTagEdit::imageReference()
{
    QFETCH(QString, reference);
    QFETCH(QString, repository);
    QFETCH(QString, tag);
    QFETCH(QString, digest);
    const gd::manifest::ImageReference r = gd::manifest::parseImageReference(reference);
    QCOMPARE(r.repository, repository);
    QCOMPARE(r.tag, tag);
    QCOMPARE(r.digest, digest);
}

QTEST_GUILESS_MAIN(TestImageTagEdit)
#include "tst_imagetagedit.moc"
