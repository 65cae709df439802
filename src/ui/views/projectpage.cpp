// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/projectpage.h"

#include "ui/models/projectsummarymodel.h"
#include "ui/models/projecttreeroles.h"
#include "ui/themedicons.h"
#include "ui/views/fittedtableview.h"
#include "ui/views/messagebanner.h"

#include <QDir>
#include <QEvent>
#include <QHeaderView>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

/// Secondary text: drawn in the palette's placeholder colour, so it follows light and dark themes.
void dimLabel(QLabel *label)
{
    label->setForegroundRole(QPalette::PlaceholderText);
}

QFont scaledBold(QFont font, qreal factor)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(true);
    return font;
}

} // namespace

ProjectPage::ProjectPage(QWidget *parent)
    : QWidget(parent), m_model(new ProjectSummaryModel(this)), m_title(new QLabel(this)),
      m_subtitle(new QLabel(this)), m_problem(new MessageBanner(this)), m_heading(new QLabel(this)),
      m_newServiceButton(new QPushButton(this)), m_table(new FittedTableView(FittedTableView::Fit::AtMostAllRows, this))
{
    setObjectName(u"projectPage"_s);
    m_title->setObjectName(u"projectTitle"_s);
    m_table->setObjectName(u"summaryTable"_s);
    m_problem->setObjectName(u"projectProblem"_s);
    m_newServiceButton->setObjectName(u"newServiceButton"_s);
    connect(m_newServiceButton, &QPushButton::clicked, this, [this] { Q_EMIT newServiceRequested(projectName()); });
    m_title->setFont(scaledBold(m_title->font(), 1.6));
    m_heading->setFont(scaledBold(m_heading->font(), 1.0));
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dimLabel(m_subtitle);

    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    const int gap = fontMetrics().height() / 2;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(gap * 2, gap * 2, gap * 2, gap);
    layout->setSpacing(gap);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_problem);
    layout->addSpacing(gap);
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_newServiceButton);
    layout->addLayout(headingRow);
    // As tall as its rows when they fit (no empty grid below them), scrolling when they do not.
    layout->addWidget(m_table);
    layout->addStretch(1);

    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT serviceActivated(index.data(ProjectNameRole).toString(), index.data(ServiceNameRole).toString(),
                                index.data(EnvironmentNameRole).toString());
    });
    retranslateUi();
}

void ProjectPage::setProject(const ws::ProjectInfo &project, const QStringList &environmentOrder)
{
    m_model->setProject(project, environmentOrder);
    retranslateUi();
}

void ProjectPage::showProblem()
{
    const ws::ProjectInfo &project = m_model->project();
    if (project.problem.isEmpty()) {
        m_problem->clearMessage();
    } else if (project.fromCache) {
        m_problem->showMessage(MessageBanner::Kind::Warning,
                               tr("The deployment repository could not be fetched: what is shown is from %1. "
                                  "Refresh once the repository can be reached.")
                                   .arg(ws::cachedCopyText(project.cachedAt)),
                               project.problem);
    } else {
        m_problem->showMessage(MessageBanner::Kind::Warning,
                               tr("This project could not be read completely; what is shown may be out of date."),
                               project.problem);
    }
}

QString ProjectPage::projectName() const
{
    return m_model->project().name;
}

void ProjectPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_model->retranslate();
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void ProjectPage::retranslateUi()
{
    const ws::ProjectInfo &project = m_model->project();
    m_title->setText(project.name);
    QStringList parts;
    parts << tr("Services: %1").arg(project.services.size());
    if (!project.repoUrl.isEmpty())
        parts << project.repoUrl;
    if (!project.tip.isNull())
        parts << tr("branch tip %1").arg(project.tip.shortHex());
    else if (!project.name.isEmpty())
        parts << tr("empty repository");
    if (project.fromCache)
        parts << tr("from %1").arg(ws::cachedCopyText(project.cachedAt));
    m_subtitle->setText(parts.join(u"   ·   "_s));
    m_heading->setText(tr("Released tags by environment"));
    showProblem();
    m_table->setToolTip(tr("Double-click a cell to open that service."));
    m_newServiceButton->setText(tr("New Service…"));
    m_newServiceButton->setToolTip(tr("Create a service in %1 from the templates: review, commit, push, create its "
                                      "Argo CD Applications")
                                       .arg(project.name));
}

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_text(new QLabel(this)), m_openButton(new QPushButton(this)),
      m_recentHeading(new QLabel(this)), m_recent(new QListWidget(this))
{
    setObjectName(u"welcomePage"_s);
    m_openButton->setObjectName(u"welcomeOpenButton"_s);
    m_recent->setObjectName(u"welcomeRecentList"_s);
    const QFontMetrics fm = fontMetrics();
    auto *icon = new QLabel(this);
    icon->setPixmap(appIcon().pixmap(QSize(fm.height() * 5, fm.height() * 5), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignCenter);
    m_title->setFont(scaledBold(m_title->font(), 2.0));
    m_title->setAlignment(Qt::AlignCenter);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    dimLabel(m_text);
    m_recentHeading->setFont(scaledBold(m_recentHeading->font(), 1.0));
    m_recent->setFixedWidth(fm.averageCharWidth() * 90);
    m_recent->setMaximumHeight(fm.height() * 10);
    m_recent->setIconSize(QSize(fm.height(), fm.height()));
    m_recent->setTextElideMode(Qt::ElideMiddle);
    m_recent->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_openButton->setDefault(true);

    auto *column = new QVBoxLayout;
    column->setSpacing(fm.height() / 2);
    column->addWidget(icon);
    column->addWidget(m_title);
    column->addWidget(m_text);
    column->addSpacing(fm.height());
    column->addWidget(m_openButton, 0, Qt::AlignCenter);
    column->addSpacing(fm.height());
    column->addWidget(m_recentHeading, 0, Qt::AlignHCenter);
    column->addWidget(m_recent, 0, Qt::AlignHCenter);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(column);
    layout->addStretch(2);

    connect(m_openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT recentRequested(item->data(Qt::UserRole).toString());
    });
    retranslateUi();
    setRecentWorkspaces({});
}

void WelcomePage::setRecentWorkspaces(const QStringList &paths)
{
    m_recent->clear();
    const QIcon icon = themedIcon(u"folder"_s, palette());
    for (const QString &path : paths) {
        auto *item = new QListWidgetItem(icon, QDir::toNativeSeparators(path), m_recent);
        item->setData(Qt::UserRole, path);
    }
    m_recent->setVisible(!paths.isEmpty());
    m_recentHeading->setVisible(!paths.isEmpty());
}

void WelcomePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WelcomePage::retranslateUi()
{
    m_title->setText(tr("GitOps Desk"));
    m_text->setText(tr("Open a workspace file to browse its projects, services and environments,\n"
                       "with the tags each environment runs."));
    m_openButton->setText(tr("Open Workspace…"));
    m_recentHeading->setText(tr("Recent workspaces"));
}

PlaceholderPage::PlaceholderPage(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_busy(new QProgressBar(this))
{
    setObjectName(u"placeholderPage"_s);
    m_label->setObjectName(u"placeholderText"_s);
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    dimLabel(m_label);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(fontMetrics().averageCharWidth() * 30);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_label);
    layout->addWidget(m_busy, 0, Qt::AlignHCenter);
    layout->addStretch(1);
}

void PlaceholderPage::setText(const QString &text, bool busy)
{
    m_label->setText(text);
    m_busy->setVisible(busy);
}

QString PlaceholderPage::text() const
{
    return m_label->text();
}

} // namespace gd::ui
