// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/language.h"
#include "util/names.h"
#include "workspace/workspaceconfig.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;
using gd::ui::Language;

class TestLanguage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void codesRoundTrip_data();
    void codesRoundTrip();
    void remembersChoice();
    void appliesChineseAndBack();
    void coreSentencesFollowTheLanguage();
    void translationIsComplete();
};

void TestLanguage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"GitOpsDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_language"_s);
    QSettings().clear();
}

void TestLanguage::codesRoundTrip_data()
{
    QTest::addColumn<int>("language");
    QTest::addColumn<QString>("code");
    QTest::newRow("system") << int(Language::System) << u"system"_s;
    QTest::newRow("english") << int(Language::English) << u"en"_s;
    QTest::newRow("chinese") << int(Language::ChineseSimplified) << u"zh_CN"_s;
}

void TestLanguage::codesRoundTrip()
{
    QFETCH(int, language);
    QFETCH(QString, code);
    QCOMPARE(gd::ui::languageCode(Language(language)), code);
    QCOMPARE(int(gd::ui::languageFromCode(code)), language);
}

void TestLanguage::remembersChoice()
{
    QCOMPARE(gd::ui::storedLanguage(), Language::System);   // nothing chosen yet
    gd::ui::storeLanguage(Language::ChineseSimplified);
    QCOMPARE(gd::ui::storedLanguage(), Language::ChineseSimplified);
    QSettings().setValue(u"ui/language"_s, u"klingon"_s);
    QCOMPARE(gd::ui::storedLanguage(), Language::System);
}

void TestLanguage::appliesChineseAndBack()
{
    QVERIFY(gd::ui::applyLanguage(Language::ChineseSimplified));   // the catalog is compiled in
    QCOMPARE(gd::ui::currentLanguage(), Language::ChineseSimplified);
    QCOMPARE(QCoreApplication::translate("gd::ui::MainWindow", "&File"), u"文件(&F)"_s);
    QCOMPARE(QLocale().language(), QLocale::Chinese);
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_zh_CN.qm"_s)) {
        // Qt's own dialogs follow too.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"取消"_s);
    }

    QVERIFY(!gd::ui::applyLanguage(Language::English));
    QCOMPARE(QCoreApplication::translate("gd::ui::MainWindow", "&File"), u"&File"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
    QCOMPARE(QLocale().language(), QLocale::English);
}

void TestLanguage::coreSentencesFollowTheLanguage()
{
    // Errors made below the UI (workspace file, names) reach the user in the chosen language too.
    QVERIFY(gd::ui::applyLanguage(Language::ChineseSimplified));
    auto config = gd::ws::WorkspaceConfig::parse("provider: {type: svn}\nenvironments: [{name: uat}]\n",
                                                 u"/tmp/workspace.yaml"_s);
    QVERIFY(!config.ok());
    QVERIFY2(config.error().message.contains(u"必须是"_s), qPrintable(config.error().message));
    const gd::Result<void> name = gd::checkDnsLabel(u"Orders"_s, gd::NameKind::Service);
    QVERIFY2(name.error().message.contains(u"服务"_s), qPrintable(name.error().message));

    QVERIFY(!gd::ui::applyLanguage(Language::English));
    config = gd::ws::WorkspaceConfig::parse("provider: {type: svn}\nenvironments: [{name: uat}]\n",
                                            u"/tmp/workspace.yaml"_s);
    QVERIFY(config.error().message.contains(u"must be \"local\" or \"gitlab\""_s));
}

void TestLanguage::translationIsComplete()
{
    // The Chinese catalog ships complete: every message has a finished, non-empty translation.
    QFile ts(qEnvironmentVariable("GD_SOURCE_DIR") + u"/resources/translations/gitopsdesk_zh_CN.ts"_s);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
    QXmlStreamReader xml(&ts);
    QString context;
    QString source;
    int messages = 0;
    QStringList missing;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            ++messages;
            const bool unfinished = xml.attributes().value(u"type"_s) == u"unfinished";
            const bool obsolete = xml.attributes().value(u"type"_s) == u"vanished" ||
                                  xml.attributes().value(u"type"_s) == u"obsolete";
            // Plural forms are <numerusform> children; the element text then holds them all.
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!obsolete && (unfinished || text.trimmed().isEmpty()))
                missing.append(context + u": "_s + source);
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(messages > 50);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
