// SPDX-License-Identifier: GPL-3.0-or-later
// The New Service wizard refuses a hostile answer as it is typed with the very sentence of the core's type check
// (tmpl::checkAnswer, which `scaffold --set` prints too), and keeps Next/Finish disabled (issue 11). Answers stored in
// the repository (the fields the wizard does not show: branch, Argo CD project and namespace) are checked the same.
#include "guitesting.h"
#include "template/servicescaffold.h"
#include "ui/dialogs/newservicewizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStyleFactory>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd;
using gd::test::child;
using gd::test::typeInto;

Q_DECLARE_METATYPE(gd::tmpl::Answer)

namespace {

ws::WorkspaceConfig oneEnvironment()
{
    ws::WorkspaceConfig config;
    config.name = u"Demo"_s;
    ws::EnvironmentConfig uat;
    uat.name = u"uat"_s;
    config.environments = {uat};
    return config;
}

/// Shows `wizard` with shop/orders and an image answered, on the page `page` (1 settings, 2 pipeline).
void showPage(ui::NewServiceWizard &wizard, int page)
{
    wizard.show();
    if (!QTest::qWaitForWindowExposed(&wizard))
        qWarning("the wizard was not exposed");
    typeInto(child<QComboBox>(wizard, u"newServiceProject"_s)->lineEdit(), u"shop"_s);
    typeInto(child<QLineEdit>(wizard, u"newServiceName"_s), u"orders"_s);
    wizard.next();
    typeInto(child<QLineEdit>(wizard, u"newServiceImage"_s), u"registry.example.com/shop/orders"_s);
    if (page == 2)
        wizard.next();
}

} // namespace

class TestNewServiceWizardAnswers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hostileAnswerRefusedAsTyped_data();
    void hostileAnswerRefusedAsTyped();
    void hostileStoredAnswerRefused_data();
    void hostileStoredAnswerRefused();
};

void TestNewServiceWizardAnswers::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
}

void TestNewServiceWizardAnswers::hostileAnswerRefusedAsTyped_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("problemLabel");
    QTest::addColumn<gd::tmpl::Answer>("answer");
    QTest::addColumn<QString>("value");
    const QString settings = u"newServiceSettingsProblem"_s;
    const QString pipeline = u"newServicePipelineProblem"_s;
    QTest::newRow("cluster colon") << 1 << u"newServiceCluster"_s << settings << tmpl::Answer::Cluster
                                   << u"https://a: b"_s;
    QTest::newRow("cluster quote") << 1 << u"newServiceCluster"_s << settings << tmpl::Answer::Cluster
                                   << u"https://x/'; sh 'id'"_s;
    QTest::newRow("namespace anchor") << 1 << u"newServiceNamespace"_s << settings << tmpl::Answer::Namespace
                                      << u"&x"_s;
    QTest::newRow("namespace colon") << 1 << u"newServiceNamespace"_s << settings << tmpl::Answer::Namespace
                                     << u"a: b"_s;
    QTest::newRow("devops namespace alias") << 2 << u"newServiceDevopsNamespace"_s << pipeline
                                            << tmpl::Answer::DevopsNamespace << u"*x"_s;
    QTest::newRow("source command") << 2 << u"newServiceSourceRepo"_s << pipeline << tmpl::Answer::SourceRepo
                                    << u"https://x/$(id).git"_s;
    QTest::newRow("source backtick") << 2 << u"newServiceSourceRepo"_s << pipeline << tmpl::Answer::SourceRepo
                                     << u"https://x/`id`.git"_s;
}

void TestNewServiceWizardAnswers::hostileAnswerRefusedAsTyped()
{
    QFETCH(int, page);
    QFETCH(QString, field);
    QFETCH(QString, problemLabel);
    QFETCH(gd::tmpl::Answer, answer);
    QFETCH(QString, value);
    ui::NewServiceWizard wizard(oneEnvironment(), {u"shop"_s});
    showPage(wizard, page);
    QCOMPARE(wizard.currentId(), page);
    auto *problem = child<QLabel>(wizard, problemLabel);
    QAbstractButton *forward = wizard.button(page == 2 ? QWizard::FinishButton : QWizard::NextButton);
    QVERIFY(forward->isEnabled());
    typeInto(child<QLineEdit>(wizard, field), value);
    const Result<void> core = tmpl::checkAnswer(answer, value);
    QVERIFY(!core.ok());
    QCOMPARE(problem->text(), core.error().message);
    QVERIFY(!problem->isHidden());
    QVERIFY(!forward->isEnabled());
    typeInto(child<QLineEdit>(wizard, field), QString());
    QVERIFY(forward->isEnabled());
}

void TestNewServiceWizardAnswers::hostileStoredAnswerRefused_data()
{
    QTest::addColumn<gd::tmpl::Answer>("answer");
    QTest::addColumn<QString>("value");
    QTest::newRow("branch") << tmpl::Answer::Branch << u"main'; sh 'id'; x='"_s;
    QTest::newRow("argocd project") << tmpl::Answer::ArgocdProject << u"default\n  evil: 1"_s;
    QTest::newRow("argocd namespace") << tmpl::Answer::ArgocdNamespace << u"argocd\nkind: Secret"_s;
}

void TestNewServiceWizardAnswers::hostileStoredAnswerRefused()
{
    QFETCH(gd::tmpl::Answer, answer);
    QFETCH(QString, value);
    // A scaffold.yaml someone pushed: it parses, but its answers must not reach the templates.
    ws::ScaffoldAnswers stored;
    stored.spec.project = u"shop"_s;
    stored.spec.service = u"orders"_s;
    stored.spec.imageRepository = u"registry.example.com/shop/orders"_s;
    stored.environments = {u"uat"_s};
    if (answer == tmpl::Answer::Branch)
        stored.spec.branch = value;
    else if (answer == tmpl::Answer::ArgocdProject)
        stored.spec.argocdProject = value;
    else
        stored.spec.argocdNamespace = value;
    auto reread = ws::answersFromYaml(ws::answersToYaml(stored));
    QVERIFY(reread.ok());
    ui::NewServiceWizard wizard(oneEnvironment(), {u"shop"_s});
    wizard.setAnswers(*reread);
    QCOMPARE(wizard.problem(1), tmpl::checkAnswer(answer, value).error().message);
}

QTEST_MAIN(TestNewServiceWizardAnswers)
#include "tst_newservicewizardanswers.moc"
