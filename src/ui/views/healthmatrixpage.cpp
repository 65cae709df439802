// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/healthmatrixpage.h"

#include "net/argoapplication.h"
#include "ui/delegates/healthbadgedelegate.h"
#include "ui/models/healthmatrixmodel.h"
#include "ui/models/healthmatrixroles.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

namespace {

/// The legend: one pill per status, painted like the cells.
class HealthLegend : public QWidget {
public:
    explicit HealthLegend(QWidget *parent)
        : QWidget(parent)
    {
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    }

    QSize sizeHint() const override
    {
        const QFontMetrics metrics(font());
        int width = 0;
        for (const QString &status : statuses())
            width += metrics.horizontalAdvance(argo::statusText(status)) + metrics.height() + 20;
        return {width, metrics.height() + 6};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        int x = 0;
        for (const QString &status : statuses())
            x += HealthBadgeDelegate::paintPill(&painter, QPoint(x, 1), argo::statusText(status),
                                                HealthBadgeDelegate::statusHue(status), palette(), font())
                 + 6;
    }

private:
    static QStringList statuses()
    {
        return {u"Healthy"_s, u"Progressing"_s, u"Degraded"_s, u"Suspended"_s, u"Missing"_s, u"Synced"_s,
                u"OutOfSync"_s, u"Unknown"_s};
    }
};

QColor stateColor(argo::ArgoWatch::State state)
{
    switch (state) {
    case argo::ArgoWatch::State::Live:
        return HealthBadgeDelegate::statusHue(u"Healthy"_s);
    case argo::ArgoWatch::State::Connecting:
    case argo::ArgoWatch::State::Reconnecting:
        return HealthBadgeDelegate::statusHue(u"OutOfSync"_s);
    case argo::ArgoWatch::State::Unauthorized:
        return HealthBadgeDelegate::statusHue(u"Degraded"_s);
    case argo::ArgoWatch::State::Stopped:
        break;
    }
    return HealthBadgeDelegate::statusHue(u"Unknown"_s);
}

} // namespace

ArgoConnectionIndicator::ArgoConnectionIndicator(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_text(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    updateText();
}

void ArgoConnectionIndicator::setState(argo::ArgoWatch::State state, const QString &message)
{
    m_state = state;
    m_message = message;
    updateText();
}

void ArgoConnectionIndicator::setServer(const QString &server)
{
    m_server = server;
    updateText();
}

QString ArgoConnectionIndicator::text() const
{
    return m_text->text();
}

void ArgoConnectionIndicator::updateText()
{
    QString text;
    switch (m_state) {
    case argo::ArgoWatch::State::Stopped:
        text = tr("Argo CD: not connected");
        break;
    case argo::ArgoWatch::State::Connecting:
        text = tr("Argo CD: connecting…");
        break;
    case argo::ArgoWatch::State::Live:
        text = tr("Argo CD: live");
        break;
    case argo::ArgoWatch::State::Reconnecting:
        text = tr("Argo CD: reconnecting…");
        break;
    case argo::ArgoWatch::State::Unauthorized:
        text = tr("Argo CD: log in needed");
        break;
    }
    m_text->setText(text);
    const int size = fontMetrics().height() * 2 / 3;
    QPixmap dot(size * 2, size * 2);
    dot.setDevicePixelRatio(2.0);
    dot.fill(Qt::transparent);
    {
        QPainter painter(&dot);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(stateColor(m_state));
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1));
    }
    m_dot->setPixmap(dot);
    QStringList tip;
    if (!m_server.isEmpty())
        tip.append(m_server);
    if (!m_message.isEmpty())
        tip.append(m_message);
    setToolTip(tip.join(QChar(u'\n')));
}

void ArgoConnectionIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        updateText();
    QWidget::changeEvent(event);
}

HealthMatrixPage::HealthMatrixPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new HealthMatrixModel(this))
    , m_filter(new HealthMatrixFilter(this))
    , m_delegate(new HealthBadgeDelegate(this))
    , m_view(new QTableView(this))
    , m_projectLabel(new QLabel(this))
    , m_projects(new QComboBox(this))
    , m_problemsOnly(new QCheckBox(this))
    , m_legend(new HealthLegend(this))
    , m_unmatched(new QLabel(this))
    , m_spinnerTimer(new QTimer(this))
{
    m_filter->setSourceModel(m_model);
    m_projects->setSizeAdjustPolicy(QComboBox::AdjustToContents);   // "All projects" and every name in full
    m_view->setModel(m_filter);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setMouseTracking(true);
    // Uniform cell sizes: no per-row measuring, so 2,000 rows lay out at once.
    const QSize cell = m_delegate->sizeHint(QStyleOptionViewItem(), QModelIndex());
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(cell.height());
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setDefaultSectionSize(cell.width());
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_unmatched->setWordWrap(true);
    m_unmatched->setVisible(false);
    m_projectLabel->setBuddy(m_projects);

    auto *top = new QHBoxLayout;
    top->addWidget(m_projectLabel);
    top->addWidget(m_projects);
    top->addSpacing(12);
    top->addWidget(m_problemsOnly);
    top->addStretch(1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_legend);
    bottom->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_unmatched);

    connect(m_projects, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_model->setProject(m_projects->itemData(index).toString());
    });
    connect(m_problemsOnly, &QCheckBox::toggled, m_filter, &HealthMatrixFilter::setProblemsOnly);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT openService(index.data(MatrixProjectRole).toString(), index.data(MatrixServiceRole).toString(),
                           index.data(MatrixEnvironmentRole).toString());
    });
    connect(m_model, &HealthMatrixModel::unmatchedChanged, this, &HealthMatrixPage::updateUnmatched);
    connect(m_model, &HealthMatrixModel::operationsRunningChanged, this, &HealthMatrixPage::updateSpinner);
    connect(m_model, &HealthMatrixModel::applicationDegraded, this,
            [this](const QString &project, const QString &service, const QString &environment,
                   const QString &application, const QString &message) {
                const QString title = tr("%1 / %2 in %3 is Degraded").arg(project, service, environment);
                Q_EMIT applicationDegraded(title, message.isEmpty()
                                                      ? tr("Argo CD application %1 turned Degraded.").arg(application)
                                                      : tr("Argo CD application %1 turned Degraded: %2")
                                                            .arg(application, message));
            });
    m_spinnerTimer->setInterval(80);
    connect(m_spinnerTimer, &QTimer::timeout, this, [this] {
        m_delegate->setSpinnerAngle((m_delegate->spinnerAngle() + 30) % 360);
        // Repaint only the visible cells that spin.
        const QRect visible = m_view->viewport()->rect();
        const int firstRow = std::max(0, m_view->rowAt(visible.top()));
        int lastRow = m_view->rowAt(visible.bottom());
        if (lastRow < 0)
            lastRow = m_filter->rowCount() - 1;
        for (int row = firstRow; row <= lastRow; ++row) {
            for (int column = 0; column < m_filter->columnCount(); ++column) {
                const QModelIndex index = m_filter->index(row, column);
                if (index.data(MatrixOperationRunningRole).toBool())
                    m_view->viewport()->update(m_view->visualRect(index));
            }
        }
    });
    retranslateUi();
}

void HealthMatrixPage::setCatalog(const ws::CatalogSnapshot &snapshot, const ws::WorkspaceConfig &config)
{
    m_model->setCatalog(snapshot, config);
    fillProjects();
}

void HealthMatrixPage::setProject(const QString &project)
{
    const int index = m_projects->findData(project);
    m_projects->setCurrentIndex(index < 0 ? 0 : index);
    m_model->setProject(m_projects->currentData().toString());
}

void HealthMatrixPage::fillProjects()
{
    const QString current = m_model->project();
    const QSignalBlocker blocker(m_projects);
    m_projects->clear();
    m_projects->addItem(tr("All projects"), QString());
    for (const QString &name : m_model->projects())
        m_projects->addItem(name, name);
    const int index = m_projects->findData(current);
    m_projects->setCurrentIndex(index < 0 ? 0 : index);
    m_model->setProject(m_projects->currentData().toString());
}

void HealthMatrixPage::setWatch(argo::ArgoWatch *watch)
{
    if (m_watch)
        disconnect(m_watch, nullptr, this, nullptr);
    m_watch = watch;
    if (!watch)
        return;
    connect(watch, &argo::ArgoWatch::listed, m_model, &HealthMatrixModel::applyList);
    connect(watch, &argo::ArgoWatch::changed, m_model, &HealthMatrixModel::applyEvent);
}

QString HealthMatrixPage::unmatchedText() const
{
    return m_unmatched->isHidden() ? QString() : m_unmatched->text();
}

void HealthMatrixPage::updateUnmatched()
{
    const std::vector<argo::Application> unmatched = m_model->unmatchedApplications();
    if (unmatched.empty()) {
        m_unmatched->clear();
        m_unmatched->setVisible(false);
        return;
    }
    QStringList names;
    for (const auto &application : unmatched)
        names.append(application.name);
    m_unmatched->setText(tr("Argo CD applications of other repos or paths: %1")
                             .arg(names.mid(0, 10).join(u", "_s) + (names.size() > 10 ? u", …"_s : QString())));
    m_unmatched->setToolTip(names.join(QChar(u'\n')));
    m_unmatched->setVisible(true);
}

void HealthMatrixPage::updateSpinner(bool running)
{
    if (running)
        m_spinnerTimer->start();
    else
        m_spinnerTimer->stop();
}

void HealthMatrixPage::retranslateUi()
{
    m_projectLabel->setText(tr("&Project:"));
    m_problemsOnly->setText(tr("&Only not Healthy or out of sync"));
    m_problemsOnly->setToolTip(tr("Shows only the services with an application that is not Healthy or is out of "
                                  "sync in some environment."));
    if (m_projects->count() > 0)
        m_projects->setItemText(0, tr("All projects"));
    updateUnmatched();
}

void HealthMatrixPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace gd::ui
