// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows/jobqueue.h"
#include "ui/delegates/jobdelegate.h"
#include "ui/models/joblistmodel.h"
#include "ui/views/activitypanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QDeadlineTimer>
#include <QListView>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using gd::Result;
using gd::flows::JobContext;
using gd::flows::JobQueue;
using gd::flows::JobState;
using namespace gd::ui;

namespace {
constexpr int safetyMs = 10000;
}

class TestJobListModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void followsQueue();
    void showsFailure();
    void delegatePaintsEveryState();
    void panelCancelsSelectedJob();
};

void TestJobListModel::followsQueue()
{
    JobQueue queue;
    JobListModel model(&queue);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSemaphore gate;
    QSemaphore reached;
    const int first = queue.submit(u"repo"_s, u"Open workspace Demo"_s, [&](JobContext &context) -> Result<void> {
        context.setStatus(u"Fetching argocd-gitops-shop"_s);
        context.setProgress(30);
        reached.release();
        if (!gate.tryAcquire(1, safetyMs))
            return gd::makeError(gd::Error::Code::Timeout, u"gate"_s);
        return {};
    });
    const int second = queue.submit(u"repo"_s, u"Read manifests"_s, [](JobContext &) -> Result<void> { return {}; });

    // Newest first.
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.jobId(0), second);
    QCOMPARE(model.jobId(1), first);
    QCOMPARE(model.index(0).data(JobStateRole).toInt(), int(JobState::Queued));
    QVERIFY(model.index(0).data(JobActiveRole).toBool());

    QVERIFY(reached.tryAcquire(1, safetyMs));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(1).data(JobProgressRole).toInt(), 30, safetyMs);
    QCOMPARE(model.index(1).data(JobStatusRole).toString(), u"Fetching argocd-gitops-shop"_s);
    QCOMPARE(model.index(1).data(JobStateRole).toInt(), int(JobState::Running));

    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0).data(JobStateRole).toInt(), int(JobState::Succeeded), safetyMs);
    QCOMPARE(model.index(1).data(JobStateRole).toInt(), int(JobState::Succeeded));
    QVERIFY(!model.index(1).data(JobActiveRole).toBool());
    QVERIFY(model.index(1).data(JobDurationRole).toLongLong() >= 0);

    queue.clearFinished();
    QCOMPARE(model.rowCount(), 0);
}

void TestJobListModel::showsFailure()
{
    JobQueue queue;
    JobListModel model(&queue);
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    queue.submit(u"repo"_s, u"Push"_s, [](JobContext &) -> Result<void> {
        return gd::makeError(gd::Error::Code::Rejected, u"The push was refused."_s, u"failed to update ref"_s);
    });
    QVERIFY(finished.wait(safetyMs));
    const QModelIndex row = model.index(0);
    QCOMPARE(row.data(JobStateRole).toInt(), int(JobState::Failed));
    QCOMPARE(row.data(JobErrorRole).toString(), u"The push was refused."_s);
    QCOMPARE(row.data(JobErrorDetailRole).toString(), u"failed to update ref"_s);
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(u"failed to update ref"_s));
}

void TestJobListModel::delegatePaintsEveryState()
{
    JobQueue queue;
    QListView view;
    JobListModel model(&queue);
    view.setModel(&model);
    auto *delegate = new JobDelegate(&view);
    view.setItemDelegate(delegate);
    QSemaphore gate;
    QSemaphore reported;
    const int running = queue.submit(u"a"_s, u"Fetch argocd-gitops-shop"_s, [&](JobContext &context) -> Result<void> {
        context.setStatus(u"Receiving objects"_s);
        context.setProgress(60);
        reported.release();
        gate.tryAcquire(1, safetyMs);
        return {};
    });
    queue.submit(u"a"_s, u"Read manifests of orders in uat"_s, [](JobContext &) -> Result<void> { return {}; });
    const int failed = queue.submit(u"b"_s, u"Release orders 1.5.0 to prod"_s, [](JobContext &) -> Result<void> {
        return gd::makeError(gd::Error::Code::Rejected, u"The push was refused: the branch moved on."_s,
                             u"failed to update ref"_s);
    });
    QTRY_VERIFY_WITH_TIMEOUT(queue.job(failed).isFinished(), safetyMs);
    QVERIFY(reported.tryAcquire(1, safetyMs));
    QTRY_COMPARE_WITH_TIMEOUT(queue.job(running).progress, 60, safetyMs);
    view.resize(520, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Rows are sized from the font: three lines of text and some padding.
    const QSize hint = delegate->sizeHint(QStyleOptionViewItem(), model.index(0));
    QVERIFY(hint.height() >= view.fontMetrics().height() * 3);
    const QPixmap shot = view.grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("GD_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(shot.save(dir + u"/activity_en.png"_s));
    gate.release();
}

void TestJobListModel::panelCancelsSelectedJob()
{
    JobQueue queue;
    ActivityPanel panel(&queue);
    panel.show();
    QSemaphore started;
    QSemaphore tick;
    const int id = queue.submit(u"repo"_s, u"Fetch"_s, [&](JobContext &context) -> Result<void> {
        started.release();
        QDeadlineTimer deadline(safetyMs);
        while (!context.isCancelled() && !deadline.hasExpired())
            tick.tryAcquire(1, 5);
        return gd::makeError(gd::Error::Code::Cancelled, u"The fetch was cancelled."_s);
    });
    QVERIFY(started.tryAcquire(1, safetyMs));
    auto *cancel = panel.findChild<QPushButton *>(u"cancelJobButton"_s);
    auto *clear = panel.findChild<QPushButton *>(u"clearJobsButton"_s);
    QVERIFY(!cancel->isEnabled());   // nothing selected yet
    panel.view()->setCurrentIndex(panel.model()->index(panel.model()->rowOf(id)));
    QVERIFY(cancel->isEnabled());
    QVERIFY(!clear->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(queue.job(id).state, JobState::Cancelled, safetyMs);
    QVERIFY(!cancel->isEnabled());
    QVERIFY(clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(panel.model()->rowCount(), 0);
}

QTEST_MAIN(TestJobListModel)
#include "tst_joblistmodel.moc"
