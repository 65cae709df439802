// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/catalog.h"
#include "workspace/release.h"

#include <QDateTime>
#include <QDialog>
#include <QStringList>

#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace gd::ui {

/// A tag the registry has, with when it was pushed (null when the registry does not say) and the environments of
/// the service that run it now.
struct TagChoice {
    QString tag;
    QDateTime pushedAt;
    QStringList runningIn;   ///< "uat", "prod (canary)", …
};

/// Asks which tag to release to which stage of one service environment: the stage (canary first when the
/// environment has a canary overlay), the tag typed or picked from the registry's list (newest first, marked with
/// the environments that run it). Review… is enabled only for a valid tag that differs from the stage's tag; a
/// tag the registry does not have is refused by the caller through setTagProblem(). GUI thread.
class ReleaseDialog : public QDialog {
    Q_OBJECT
public:
    ReleaseDialog(const QString &project, const QString &service, const ws::EnvironmentState &state,
                  QWidget *parent = nullptr);

    /// What the user asks for; expectedTag is the stage's tag shown in the dialog.
    ws::ReleaseRequest request() const;

    /// Puts `tag` in the tag field (a forward release of a tag a rollback could not restore).
    void setTag(const QString &tag);
    /// Fills the tag list (newest first); the typed text stays.
    void setAvailableTags(const std::vector<TagChoice> &tags);
    /// Says why the tags could not be listed (the tag can still be typed).
    void setTagsProblem(const QString &sentence);
    /// Says the tags are being read (again) and hides the sign-in button.
    void setReadingTags();
    /// Shows or hides "Sign In to the Registry…" below the tags line (the registry refused the sign-in).
    void setRegistrySignInOffered(bool offered);
    /// Marks the typed tag as refused with `sentence` (empty: clears it).
    void setTagProblem(const QString &sentence);

Q_SIGNALS:
    /// The user confirmed request() and wants to see the review.
    void reviewRequested(const gd::ws::ReleaseRequest &request);
    /// The user clicked "Sign In to the Registry…".
    void registrySignInRequested();

private:
    void updateState();
    /// Grows the dialog to the height its wrapped lines need at the current width.
    void fitHeight();
    QString currentTag() const;

    ws::EnvironmentState m_state;
    QString m_service;
    QLabel *m_heading;
    QLabel *m_current;
    QRadioButton *m_canary;
    QRadioButton *m_ga;
    QComboBox *m_tag;
    QLabel *m_tagsState;
    QPushButton *m_signIn;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QString m_refusal;
};

} // namespace gd::ui
