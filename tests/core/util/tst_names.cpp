// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/names.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestNames : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dnsLabel_data();
    void dnsLabel();
    void errorSaysWhichRule_data();
    void errorSaysWhichRule();
};

void TestNames::dnsLabel_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << u"orders"_s << true;
    QTest::newRow("with digits and dash") << u"orders-api-2"_s << true;
    QTest::newRow("single char") << u"a"_s << true;
    QTest::newRow("63 chars") << QString(63, u'a') << true;
    QTest::newRow("64 chars") << QString(64, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("upper case") << u"Orders"_s << false;
    QTest::newRow("underscore") << u"orders_api"_s << false;
    QTest::newRow("dot") << u"orders.api"_s << false;
    QTest::newRow("leading dash") << u"-orders"_s << false;
    QTest::newRow("trailing dash") << u"orders-"_s << false;
    QTest::newRow("path traversal") << u"../etc"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("space") << u"my app"_s << false;
    QTest::newRow("non ascii") << u"订单"_s << false;
}

void TestNames::dnsLabel()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(gd::isDnsLabel(name), valid);
    QCOMPARE(gd::checkDnsLabel(name, gd::NameKind::Service).ok(), valid);
}

void TestNames::errorSaysWhichRule_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty project") << QString() << int(gd::NameKind::Project) << u"The project name is empty."_s;
    QTest::newRow("characters") << u"Orders_API"_s << int(gd::NameKind::Service)
                                << u"The service name \"Orders_API\" may only contain lower-case letters, digits and '-'."_s;
    QTest::newRow("edges") << u"-uat"_s << int(gd::NameKind::Environment)
                           << u"The environment name \"-uat\" must start and end with a letter or a digit."_s;
}

void TestNames::errorSaysWhichRule()
{
    QFETCH(QString, name);
    QFETCH(int, kind);
    QFETCH(QString, expected);
    const gd::Result<void> result = gd::checkDnsLabel(name, static_cast<gd::NameKind>(kind));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, gd::Error::Code::InvalidInput);
    QCOMPARE(result.error().message, expected);
}

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
