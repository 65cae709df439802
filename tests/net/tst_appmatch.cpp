// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/appmatch.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace gd::argo;

class TestAppMatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        const QString shop = u"gitlab.example.com/devops/argocd-gitops-shop"_s;
        QTest::newRow("https") << u"https://gitlab.example.com/devops/argocd-gitops-shop"_s << shop;
        QTest::newRow("https-git") << u"https://gitlab.example.com/devops/argocd-gitops-shop.git"_s << shop;
        QTest::newRow("https-slash") << u"https://GitLab.Example.com/devops/argocd-gitops-shop/"_s << shop;
        QTest::newRow("https-user") << u"https://oauth2:tok@gitlab.example.com/devops/argocd-gitops-shop.git"_s << shop;
        QTest::newRow("scp") << u"git@gitlab.example.com:devops/argocd-gitops-shop.git"_s << shop;
        QTest::newRow("ssh") << u"ssh://git@gitlab.example.com/devops/argocd-gitops-shop"_s << shop;
        QTest::newRow("ssh-port") << u"ssh://git@gitlab.example.com:2222/devops/argocd-gitops-shop.git"_s << shop;
        QTest::newRow("file") << u"file:///srv/git/argocd-gitops-shop.git"_s << u"/srv/git/argocd-gitops-shop"_s;
        QTest::newRow("path") << u"/srv/git/argocd-gitops-shop.git/"_s << u"/srv/git/argocd-gitops-shop"_s;
    }

    void normalize()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QCOMPARE(AppMatcher::normalizeRepoUrl(url), expected);
    }

    void match_data()
    {
        QTest::addColumn<QString>("repo");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("env");
        QTest::addColumn<bool>("pipeline");
        const QString repo = u"git@gitlab.example.com:devops/argocd-gitops-shop.git"_s;
        QTest::newRow("workload") << repo << u"appsmanifests/cart/prod/manifests"_s << true << u"cart"_s << u"prod"_s
                                  << false;
        QTest::newRow("workload-slash") << repo << u"appsmanifests/cart/prod/manifests/"_s << true << u"cart"_s
                                        << u"prod"_s << false;
        QTest::newRow("workload-dot") << repo << u"./appsmanifests/cart/uat/manifests"_s << true << u"cart"_s
                                      << u"uat"_s << false;
        QTest::newRow("pipeline") << u"https://gitlab.example.com/devops/argocd-gitops-shop"_s
                                  << u"appsmanifests/cart/prod/manifests/pipeline/"_s << true << u"cart"_s << u"prod"_s
                                  << true;
        QTest::newRow("other-path") << repo << u"appsmanifests/cart/prod/manifests/ga"_s << false << QString()
                                    << QString() << false;
        QTest::newRow("too-short") << repo << u"appsmanifests/cart/manifests"_s << false << QString() << QString()
                                   << false;
        QTest::newRow("other-repo") << u"https://gitlab.example.com/devops/argocd-gitops-other.git"_s
                                    << u"appsmanifests/cart/prod/manifests"_s << false << QString() << QString()
                                    << false;
    }

    void match()
    {
        QFETCH(QString, repo);
        QFETCH(QString, path);
        QFETCH(bool, matches);
        QFETCH(QString, service);
        QFETCH(QString, env);
        QFETCH(bool, pipeline);
        AppMatcher matcher;
        matcher.addRepository(u"shop"_s, u"https://gitlab.example.com/devops/argocd-gitops-shop.git"_s);
        Application app;
        app.repoUrl = repo;
        app.path = path;
        const auto found = matcher.match(app);
        QCOMPARE(found.has_value(), matches);
        if (!matches)
            return;
        QCOMPARE(found->project, u"shop"_s);
        QCOMPARE(found->service, service);
        QCOMPARE(found->environment, env);
        QCOMPARE(found->kind == AppMatch::Kind::Pipeline, pipeline);
    }
};

QTEST_GUILESS_MAIN(TestAppMatch)
#include "tst_appmatch.moc"
