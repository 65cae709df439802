// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QListView;
class QPushButton;
class QTimer;

namespace gd::flows {
class JobQueue;
}

namespace gd::ui {

class JobListModel;

/// The Activity panel's content: every background job with its progress, Cancel for the selected one,
/// and Clear Finished. GUI thread.
class ActivityPanel : public QWidget {
    Q_OBJECT

public:
    explicit ActivityPanel(flows::JobQueue *queue, QWidget *parent = nullptr);

    JobListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    /// Room for about three jobs.
    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();
    void updateAnimation();
    int selectedJob() const;

    flows::JobQueue *m_queue;
    JobListModel *m_model;
    QListView *m_view;
    QPushButton *m_cancelButton;
    QPushButton *m_clearButton;
    QTimer *m_animation;   ///< repaints while a job of unknown length runs
};

} // namespace gd::ui
