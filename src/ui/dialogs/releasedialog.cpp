// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/releasedialog.h"

#include "manifest/imagetagedit.h"
#include "ui/problemtext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

constexpr int tagRole = Qt::UserRole + 1;

} // namespace

ReleaseDialog::ReleaseDialog(const QString &project, const QString &service, const ws::EnvironmentState &state,
                             QWidget *parent)
    : QDialog(parent), m_state(state), m_service(service), m_heading(new QLabel(this)), m_current(new QLabel(this)),
      m_canary(new QRadioButton(this)), m_ga(new QRadioButton(this)), m_tag(new QComboBox(this)),
      m_tagsState(new QLabel(this)), m_signIn(new QPushButton(this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"releaseDialog"_s);
    setWindowTitle(tr("Release %1 to %2").arg(service, state.environment));
    m_tag->setObjectName(u"releaseTag"_s);
    m_canary->setObjectName(u"releaseStageCanary"_s);
    m_ga->setObjectName(u"releaseStageGa"_s);
    m_problem->setObjectName(u"releaseProblem"_s);
    m_tagsState->setObjectName(u"releaseTagsState"_s);
    m_signIn->setObjectName(u"registrySignInButton"_s);

    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    m_heading->setFont(headingFont);
    m_heading->setText(tr("Release %1 to %2 (%3)").arg(service, state.environment, project));
    m_current->setText(state.canaryTag.isEmpty()
                           ? tr("%1 runs %2 (GA).").arg(state.environment, state.image + u':' + state.gaTag)
                           : tr("%1 runs %2 (GA) and %3 (canary).")
                                 .arg(state.environment, state.image + u':' + state.gaTag, state.canaryTag));
    m_current->setWordWrap(true);
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_canary->setText(tr("Canary first, then promote to GA after approval"));
    m_ga->setText(tr("GA directly"));
    m_canary->setEnabled(state.canaryStage);
    (state.canaryStage ? m_canary : m_ga)->setChecked(true);
    if (!state.canaryStage)
        m_canary->setToolTip(tr("This environment has no canary stage in use."));

    m_tag->setEditable(true);
    m_tag->setInsertPolicy(QComboBox::NoInsert);
    m_tag->lineEdit()->setPlaceholderText(tr("Type a tag or pick one the registry has"));
    m_tag->setMinimumContentsLength(36);
    m_tagsState->setForegroundRole(QPalette::PlaceholderText);
    m_tagsState->setWordWrap(true);
    m_tagsState->setText(tr("Reading the tags from the registry…"));
    m_signIn->setText(tr("Sign In to the Registry…"));
    m_signIn->setAutoDefault(false);
    m_signIn->hide();
    usesProblemColour(m_problem);
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *stages = new QVBoxLayout;
    stages->addWidget(m_canary);
    stages->addWidget(m_ga);
    auto *form = new QFormLayout;
    form->addRow(tr("Stage:"), stages);
    form->addRow(tr("Tag:"), m_tag);
    form->addRow(QString(), m_tagsState);
    auto *signInRow = new QHBoxLayout;
    signInRow->addWidget(m_signIn);
    signInRow->addStretch(1);
    form->addRow(QString(), signInRow);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_current);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Review…"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"releaseReviewButton"_s);

    connect(m_tag, &QComboBox::currentTextChanged, this, [this] {
        m_refusal.clear();
        updateState();
    });
    connect(m_canary, &QRadioButton::toggled, this, &ReleaseDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { Q_EMIT reviewRequested(request()); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReleaseDialog::reject);
    connect(m_signIn, &QPushButton::clicked, this, &ReleaseDialog::registrySignInRequested);
    m_tag->setEditText(QString());
    updateState();
    resize(sizeHint().expandedTo(QSize(fontMetrics().averageCharWidth() * 80, 0)));
}

QString ReleaseDialog::currentTag() const
{
    // A picked item shows "1.5.0 — uat, prod"; its data is the bare tag.
    const int index = m_tag->findText(m_tag->currentText());
    return index >= 0 ? m_tag->itemData(index, tagRole).toString() : m_tag->currentText().trimmed();
}

ws::ReleaseRequest ReleaseDialog::request() const
{
    const bool canary = m_canary->isChecked();
    return ws::ReleaseRequest{m_service, m_state.environment, canary ? ws::ReleaseStage::Canary : ws::ReleaseStage::Ga,
                              currentTag(), canary ? m_state.canaryTag : m_state.gaTag};
}

void ReleaseDialog::setTag(const QString &tag)
{
    m_tag->setEditText(tag);
}

void ReleaseDialog::setAvailableTags(const std::vector<TagChoice> &tags)
{
    const QString typed = m_tag->currentText();
    const QSignalBlocker blocker(m_tag);
    m_tag->clear();
    for (const TagChoice &choice : tags) {
        QString text = choice.tag;
        if (!choice.runningIn.isEmpty())
            text += u" — "_s + tr("runs in %1").arg(choice.runningIn.join(u", "_s));
        m_tag->addItem(text, choice.tag);
        const int row = m_tag->count() - 1;
        m_tag->setItemData(row, choice.tag, tagRole);
        if (choice.pushedAt.isValid()) {
            m_tag->setItemData(row, tr("Pushed %1").arg(QLocale().toString(choice.pushedAt.toLocalTime(),
                                                                            QLocale::ShortFormat)),
                               Qt::ToolTipRole);
        }
    }
    m_tag->setEditText(typed);
    m_signIn->hide();
    m_tagsState->setText(tags.empty() ? tr("The registry has no tags for this image.")
                                      : tr("%n tag(s) in the registry, newest first.", nullptr, int(tags.size())));
    updateState();
}

void ReleaseDialog::setTagsProblem(const QString &sentence)
{
    m_tagsState->setText(sentence);
    fitHeight();
}

void ReleaseDialog::fitHeight()
{
    // A wrapped sentence needs more lines than the dialog was sized for: grow, never shrink under the user.
    QLayout *top = layout();
    top->activate();
    const int needed = top->hasHeightForWidth() ? top->totalHeightForWidth(width()) : top->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void ReleaseDialog::setReadingTags()
{
    m_signIn->hide();
    m_tagsState->setText(tr("Reading the tags from the registry…"));
}

void ReleaseDialog::setRegistrySignInOffered(bool offered)
{
    m_signIn->setVisible(offered);
    fitHeight();
}

void ReleaseDialog::setTagProblem(const QString &sentence)
{
    m_refusal = sentence;
    updateState();
}

void ReleaseDialog::updateState()
{
    const ws::ReleaseRequest r = request();
    QString problem = m_refusal;
    if (problem.isEmpty() && !r.tag.isEmpty() && !manifest::isValidImageTag(r.tag))
        problem = tr("\"%1\" is not a valid image tag: use letters, digits, '_', '.' and '-' (at most 128, not "
                     "starting with '.' or '-').")
                      .arg(r.tag);
    if (problem.isEmpty() && !r.tag.isEmpty() && r.tag == r.expectedTag)
        problem = tr("The %1 stage already runs %2.")
                      .arg(r.stage == ws::ReleaseStage::Canary ? tr("canary") : tr("GA"), r.tag);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!r.tag.isEmpty() && problem.isEmpty());
}

} // namespace gd::ui
