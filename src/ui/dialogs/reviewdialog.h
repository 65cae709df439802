// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workspace/overlayreview.h"

#include <QDialog>
#include <QString>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace gd::ui {

class DiffView;

/// What a release manager reads before a change of one service environment is committed and pushed: the changed
/// files (diff, unified or side by side), the rendered manifests per resource, the validation findings and, when the
/// remote moved under the change, the three versions of each conflicting file. Asks for the commit message and
/// refuses (a disabled Commit button with the reason beside it) while OverlayReview::blockingReason() says so or the
/// summary is empty. Only shows the data it is given; the caller commits and pushes after accept(). GUI thread.
class ReviewDialog : public QDialog {
    Q_OBJECT

public:
    /// Builds every tab from `review` (copied); the Conflicts tab comes first and is selected when there are
    /// conflicts, else the Validation tab when it has errors, else the Files tab. Cost: linear in the diffs' size.
    explicit ReviewDialog(const ws::OverlayReview &review, QWidget *parent = nullptr);
    ~ReviewDialog() override;

    /// The commit message: the summary line, then a blank line and the body when there is one (both trimmed).
    QString commitMessage() const;

    /// Replaces the prefilled summary line (a release names its tag: "Release orders 1.5.0 to uat").
    void setCommitSummary(const QString &summary);

    /// Why Commit is disabled, as the sentence shown beside it; empty when it is enabled.
    QString blockingReason() const;

Q_SIGNALS:
    /// Emitted with commitMessage() when the user commits, just before the dialog accepts.
    void commitRequested(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createHeader();
    /// Where the commit goes: base and remote tip, an empty repository, or one that Commit creates.
    QString commitsSentence() const;
    QWidget *createConflictsTab();
    QWidget *createFilesTab();
    QWidget *createRenderedTab();
    QWidget *createValidationTab();
    QWidget *createCommitArea();
    QWidget *createModeSwitch(DiffView *view, const QString &objectName);
    void showConflict(int index);
    void applyPalette();
    void updateCommitState();
    void commit();

    ws::OverlayReview m_review;
    std::vector<const ws::ReviewedFile *> m_conflicts;   // into m_review.files
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_fileList = nullptr;
    DiffView *m_fileDiff = nullptr;
    QTreeWidget *m_renderedTree = nullptr;
    DiffView *m_renderedDiff = nullptr;
    QComboBox *m_conflictChooser = nullptr;
    QPlainTextEdit *m_conflictPanes[3] = {};
    QLabel *m_conflictTitles[3] = {};
    QLineEdit *m_summary = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_reasonIcon = nullptr;
    QLabel *m_reason = nullptr;
    QPushButton *m_commitButton = nullptr;
};

} // namespace gd::ui
