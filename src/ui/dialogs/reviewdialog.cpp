// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/reviewdialog.h"

#include "core/manifest/textdiff.h"
#include "ui/editor/yamleditor.h"
#include "ui/editor/yamlhighlighter.h"
#include "ui/themedicons.h"
#include "ui/views/diffview.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

// Data roles of the tree items: which file or resource change an item stands for.
constexpr int kIndexRole = Qt::UserRole;

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// An icon label beside a sentence, the way the dialog shows a warning inside a tab.
QWidget *noticeRow(QStyle::StandardPixmap icon, QLabel *text, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *iconLabel = new QLabel(row);
    const int size = row->fontMetrics().height() * 3 / 2;
    iconLabel->setPixmap(row->style()->standardIcon(icon).pixmap(QSize(size, size), row->devicePixelRatioF()));
    layout->addWidget(iconLabel, 0, Qt::AlignTop);
    text->setParent(row);
    layout->addWidget(text, 1);
    return row;
}

// The 1-based lines of `after` that differ from `before` (changed or inserted).
std::vector<int> changedLines(const QByteArray &before, const QByteArray &after)
{
    std::vector<int> lines;
    const DiffLayout layout = DiffLayout::fromUnifiedDiff(manifest::unifiedDiff(before, after, {}, {}, 0));
    for (const DiffRow &row : layout.unified) {
        if (row.kind == DiffRow::Kind::Added)
            lines.push_back(row.newLine);
    }
    return lines;
}

} // namespace

ReviewDialog::ReviewDialog(const ws::OverlayReview &review, QWidget *parent)
    : QDialog(parent), m_review(review), m_conflicts(m_review.conflicts())
{
    setWindowTitle(tr("Review Changes"));
    setObjectName(u"reviewDialog"_s);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"reviewTabs"_s);
    m_tabs->setDocumentMode(true);
    if (!m_conflicts.empty()) {
        m_tabs->addTab(createConflictsTab(), style()->standardIcon(QStyle::SP_MessageBoxWarning),
                       tr("Conflicts (%1)").arg(m_conflicts.size()));
    }
    QWidget *files = createFilesTab();
    m_tabs->addTab(files, tr("Files (%1)").arg(m_review.files.size()));
    QWidget *rendered = createRenderedTab();
    m_tabs->addTab(rendered, m_review.renderProblem.isEmpty()
                                 ? tr("Rendered manifests (%1)").arg(m_review.renderedChanges.size())
                                 : tr("Rendered manifests"));
    QWidget *validation = createValidationTab();
    const ws::ValidationReport &report = m_review.validation;
    const int problems = report.errorCount() + report.warningCount();
    const int validationTab = m_tabs->addTab(validation, problems > 0 ? tr("Validation (%1)").arg(problems)
                                                                      : tr("Validation"));
    if (report.errorCount() > 0)
        m_tabs->setTabIcon(validationTab, style()->standardIcon(QStyle::SP_MessageBoxCritical));
    else if (report.warningCount() > 0)
        m_tabs->setTabIcon(validationTab, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    if (!m_review.renderProblem.isEmpty())
        m_tabs->setTabIcon(m_tabs->indexOf(rendered), style()->standardIcon(QStyle::SP_MessageBoxWarning));

    if (!m_conflicts.empty())
        m_tabs->setCurrentIndex(0);
    else if (report.hasErrors())
        m_tabs->setCurrentWidget(validation);
    else
        m_tabs->setCurrentWidget(files);

    const int gap = fontMetrics().height() / 2;
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(gap);
    layout->addWidget(createHeader());
    layout->addWidget(m_tabs, 1);
    layout->addWidget(createCommitArea());

    // A size that shows a diff side by side without scrolling sideways, within the screen.
    QSize size(1100, 750);
    if (const QScreen *s = screen())
        size = size.boundedTo(s->availableSize() * 9 / 10);
    resize(size);
    updateCommitState();
}

ReviewDialog::~ReviewDialog() = default;

QWidget *ReviewDialog::createHeader()
{
    auto *header = new QWidget(this);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *title = wrappedLabel(tr("Review changes to %1 in %2 (%3)")
                                   .arg(m_review.service, m_review.env, m_review.project),
                               header);
    title->setObjectName(u"reviewTitle"_s);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    title->setFont(titleFont);
    layout->addWidget(title);

    auto *commits = wrappedLabel(commitsSentence(), header);
    commits->setObjectName(u"reviewCommits"_s);
    commits->setForegroundRole(QPalette::PlaceholderText);
    commits->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(commits);
    return header;
}

QString ReviewDialog::commitsSentence() const
{
    if (!m_review.newRepository.isEmpty())
        return tr("The repository %1 does not exist yet: Commit creates it and pushes its first commit.")
            .arg(m_review.newRepository);
    if (m_review.remoteTip.isNull())
        return tr("The repository is empty: this is its first commit.");
    const QString base = m_review.base.shortHex();
    const QString tip = m_review.remoteTip.shortHex();
    return m_review.base == m_review.remoteTip
               ? tr("Base %1 → remote tip %2 (the remote has not moved since you started).").arg(base, tip)
               : tr("Base %1 → remote tip %2 (the commit goes on top of the remote tip).").arg(base, tip);
}

QWidget *ReviewDialog::createModeSwitch(DiffView *view, const QString &objectName)
{
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *group = new QButtonGroup(box);
    const auto add = [&](const QString &text, DiffView::Mode mode, const QString &suffix) {
        auto *button = new QToolButton(box);
        button->setObjectName(objectName + suffix);
        button->setText(text);
        button->setCheckable(true);
        button->setChecked(view->mode() == mode);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        group->addButton(button);
        layout->addWidget(button);
        connect(button, &QToolButton::toggled, view, [view, mode](bool on) {
            if (on)
                view->setMode(mode);
        });
        connect(view, &DiffView::modeChanged, button, [button, mode](DiffView::Mode now) {
            button->setChecked(now == mode);
        });
    };
    add(tr("Unified"), DiffView::Mode::Unified, u"Unified"_s);
    add(tr("Side by side"), DiffView::Mode::SideBySide, u"SideBySide"_s);
    group->setExclusive(true);
    return box;
}

QWidget *ReviewDialog::createConflictsTab()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"conflictView"_s);
    auto *layout = new QVBoxLayout(page);

    auto *explanation = wrappedLabel(
        tr("The commit is refused: someone pushed a change to the same file after you started editing, and "
           "committing would overwrite their change. Compare the three versions below, then start again from the "
           "remote version and redo your edit."),
        page);
    explanation->setObjectName(u"conflictExplanation"_s);
    layout->addWidget(noticeRow(QStyle::SP_MessageBoxWarning, explanation, page));

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(new QLabel(tr("File:"), page));
    auto *chooser = new QComboBox(page);
    m_conflictChooser = chooser;
    chooser->setObjectName(u"conflictFile"_s);
    const QString folder = ws::ServiceEnvPaths::folder(m_review.service, m_review.env) + u'/';
    for (const ws::ReviewedFile *file : m_conflicts) {
        chooser->addItem(themedIcon(u"file"_s, palette()),
                         file->path.startsWith(folder) ? file->path.mid(folder.size()) : file->path);
        chooser->setItemData(chooser->count() - 1, file->path, Qt::ToolTipRole);
    }
    chooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fileRow->addWidget(chooser);
    auto *single = new QLabel(chooser->currentText(), page);
    single->setObjectName(u"conflictFileName"_s);
    single->setToolTip(m_conflicts.front()->path);
    single->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont boldName = single->font();
    boldName.setBold(true);
    single->setFont(boldName);
    fileRow->addWidget(single);
    // One file needs no chooser, just its name.
    chooser->setVisible(m_conflicts.size() > 1);
    single->setVisible(m_conflicts.size() == 1);
    fileRow->addStretch(1);
    auto *legend = new QLabel(tr("Lines that differ from the base version are highlighted."), page);
    legend->setForegroundRole(QPalette::PlaceholderText);
    fileRow->addWidget(legend);
    layout->addLayout(fileRow);

    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->setChildrenCollapsible(false);
    const QString titles[3] = {tr("Base — when you started"), tr("Remote — now"), tr("Yours")};
    const QString names[3] = {u"conflictBase"_s, u"conflictRemote"_s, u"conflictMine"_s};
    for (int i = 0; i < 3; ++i) {
        auto *column = new QWidget(splitter);
        auto *columnLayout = new QVBoxLayout(column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        columnLayout->setSpacing(4);
        m_conflictTitles[i] = new QLabel(titles[i], column);
        m_conflictTitles[i]->setObjectName(names[i] + u"Title"_s);
        QFont bold = m_conflictTitles[i]->font();
        bold.setBold(true);
        m_conflictTitles[i]->setFont(bold);
        auto *editor = new YamlEditor(column);
        editor->setObjectName(names[i]);
        editor->setReadOnly(true);
        m_conflictPanes[i] = editor;
        columnLayout->addWidget(m_conflictTitles[i]);
        columnLayout->addWidget(editor, 1);
        splitter->addWidget(column);
    }
    layout->addWidget(splitter, 1);

    connect(chooser, &QComboBox::currentIndexChanged, this, &ReviewDialog::showConflict);
    showConflict(0);
    return page;
}

void ReviewDialog::showConflict(int index)
{
    if (index < 0 || size_t(index) >= m_conflicts.size())
        return;
    const ws::ReviewedFile &file = *m_conflicts[size_t(index)];
    const std::optional<QByteArray> versions[3] = {file.base, file.theirs, file.mine};
    const QPalette pal = palette();
    const QColor tint =
        mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), isDarkPalette(pal) ? 0.30 : 0.16);
    for (int i = 0; i < 3; ++i) {
        QPlainTextEdit *pane = m_conflictPanes[i];
        pane->setPlainText(versions[i] ? QString::fromUtf8(*versions[i]) : QString());
        pane->setPlaceholderText(versions[i] ? tr("The file is empty in this version.")
                                             : tr("The file does not exist in this version."));
        if (i == 0 || !versions[i])
            continue;
        // The lines each later version changed, so the two edits that collide are easy to find.
        QTextCursor cursor(pane->document());
        QTextBlockFormat marked;
        marked.setBackground(tint);
        for (const int line : changedLines(file.base.value_or(QByteArray()), *versions[i])) {
            const QTextBlock block = pane->document()->findBlockByNumber(line - 1);
            if (!block.isValid())
                continue;
            cursor.setPosition(block.position());
            cursor.mergeBlockFormat(marked);
        }
    }
}

QWidget *ReviewDialog::createFilesTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->setChildrenCollapsible(false);

    m_fileList = new QTreeWidget(splitter);
    m_fileList->setObjectName(u"reviewFileList"_s);
    m_fileList->setColumnCount(2);
    m_fileList->setHeaderLabels({tr("File"), tr("Change")});
    m_fileList->setRootIsDecorated(false);
    m_fileList->setUniformRowHeights(true);
    m_fileList->header()->setStretchLastSection(false);
    m_fileList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_fileList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    const QString folder = ws::ServiceEnvPaths::folder(m_review.service, m_review.env) + u'/';
    const QIcon fileIcon = themedIcon(u"file"_s, palette());
    for (size_t i = 0; i < m_review.files.size(); ++i) {
        const ws::ReviewedFile &file = m_review.files[i];
        QString status = tr("Modified");
        if (!file.base && file.mine)
            status = tr("Added");
        else if (file.base && !file.mine)
            status = tr("Deleted");
        auto *item = new QTreeWidgetItem(m_fileList,
                                         {file.path.startsWith(folder) ? file.path.mid(folder.size()) : file.path,
                                          status});
        item->setIcon(0, fileIcon);
        item->setToolTip(0, file.path);
        item->setData(0, kIndexRole, qulonglong(i));
        if (file.conflicts())
            item->setIcon(1, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_fileDiff = new DiffView(right);
    m_fileDiff->setObjectName(u"reviewDiffView"_s);
    m_fileDiff->setPlaceholderText(tr("Select a file to see what changes in it."));
    auto *bar = new QHBoxLayout;
    auto *path = new QLabel(right);
    path->setObjectName(u"reviewFilePath"_s);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(path, 1);
    bar->addWidget(createModeSwitch(m_fileDiff, u"fileDiffMode"_s));
    rightLayout->addLayout(bar);
    rightLayout->addWidget(m_fileDiff, 1);

    splitter->addWidget(m_fileList);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    // Wide enough for the longest path and its change, the rest for the diff.
    const QFontMetrics listMetrics = m_fileList->fontMetrics();
    int listWidth = 0;
    for (int i = 0; i < m_fileList->topLevelItemCount(); ++i)
        listWidth = std::max(listWidth, listMetrics.horizontalAdvance(m_fileList->topLevelItem(i)->text(0)));
    listWidth += listMetrics.horizontalAdvance(tr("Modified")) + 4 * fontMetrics().height() + 24;
    splitter->setSizes({listWidth, 3 * listWidth});
    layout->addWidget(splitter);

    connect(m_fileList, &QTreeWidget::currentItemChanged, this, [this, path](QTreeWidgetItem *item) {
        if (item == nullptr) {
            path->clear();
            m_fileDiff->setDiff({});
            return;
        }
        const ws::ReviewedFile &file = m_review.files[size_t(item->data(0, kIndexRole).toULongLong())];
        path->setText(file.path);
        m_fileDiff->setPlaceholderText(tr("The file's content does not change."));
        m_fileDiff->setDiff(file.diff());
    });
    if (m_fileList->topLevelItemCount() > 0)
        m_fileList->setCurrentItem(m_fileList->topLevelItem(0));
    return page;
}

QWidget *ReviewDialog::createRenderedTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *stack = new QStackedWidget(page);
    layout->addWidget(stack);

    auto *splitter = new QSplitter(Qt::Horizontal, stack);
    splitter->setChildrenCollapsible(false);
    m_renderedTree = new QTreeWidget(splitter);
    m_renderedTree->setObjectName(u"renderedTree"_s);
    m_renderedTree->setColumnCount(2);
    m_renderedTree->setHeaderLabels({tr("Resource"), tr("Change")});
    m_renderedTree->header()->setStretchLastSection(false);
    m_renderedTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_renderedTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_renderedTree->setWordWrap(false);
    m_renderedTree->setTextElideMode(Qt::ElideMiddle);

    QTreeWidgetItem *kindItem = nullptr;
    for (size_t i = 0; i < m_review.renderedChanges.size(); ++i) {
        const manifest::ResourceChange &change = m_review.renderedChanges[i];
        if (kindItem == nullptr || kindItem->text(0) != change.key.kind) {
            kindItem = new QTreeWidgetItem(m_renderedTree, {change.key.kind});
            QFont bold = kindItem->font(0);
            bold.setBold(true);
            kindItem->setFont(0, bold);
            kindItem->setFlags(Qt::ItemIsEnabled);
        }
        const QString name = change.key.nameSpace.isEmpty() ? change.key.name
                                                            : change.key.nameSpace + u'/' + change.key.name;
        QString type = tr("Changed");
        if (change.type == manifest::ResourceChange::Type::Added)
            type = tr("Added");
        else if (change.type == manifest::ResourceChange::Type::Removed)
            type = tr("Removed");
        auto *item = new QTreeWidgetItem(kindItem, {name, type});
        item->setData(0, kIndexRole, qulonglong(i));
        item->setToolTip(0, change.key.label());
        for (const QString &sentence : change.summary) {
            auto *line = new QTreeWidgetItem(item, {sentence});
            line->setData(0, kIndexRole, qulonglong(i));
            line->setToolTip(0, sentence);
            line->setFirstColumnSpanned(true);
        }
    }
    m_renderedTree->expandAll();
    applyPalette();

    m_renderedDiff = new DiffView(splitter);
    m_renderedDiff->setObjectName(u"renderedDiffView"_s);
    m_renderedDiff->setPlaceholderText(tr("Select a resource to see how its rendered manifest changes."));
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    auto *resource = new QLabel(right);
    resource->setObjectName(u"renderedResource"_s);
    resource->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = resource->font();
    bold.setBold(true);
    resource->setFont(bold);
    bar->addWidget(resource, 1);
    bar->addWidget(createModeSwitch(m_renderedDiff, u"renderedDiffMode"_s));
    rightLayout->addLayout(bar);
    // The summary sentences again, in full: the tree may have to elide them.
    auto *sentences = wrappedLabel({}, right);
    sentences->setObjectName(u"renderedSummary"_s);
    sentences->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(sentences);
    rightLayout->addWidget(m_renderedDiff, 1);
    splitter->addWidget(m_renderedTree);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    // The tree keeps its width (room for a summary sentence); the diff takes what the dialog gives on top.
    splitter->setSizes({fontMetrics().averageCharWidth() * 62, fontMetrics().averageCharWidth() * 90});
    stack->addWidget(splitter);

    auto *messagePage = new QWidget(stack);
    auto *messageLayout = new QVBoxLayout(messagePage);
    auto *message = wrappedLabel({}, messagePage);
    message->setObjectName(u"renderedMessage"_s);
    message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!m_review.renderProblem.isEmpty()) {
        message->setText(m_review.renderProblem);
        messageLayout->addWidget(noticeRow(QStyle::SP_MessageBoxWarning, message, messagePage));
    } else {
        message->setText(tr("The rendered manifests do not change: kustomize builds the same resources as from "
                            "the remote version."));
        messageLayout->addWidget(message);
    }
    messageLayout->addStretch(1);
    stack->addWidget(messagePage);
    stack->setCurrentWidget(m_review.renderProblem.isEmpty() && !m_review.renderedChanges.empty() ? splitter
                                                                                                    : messagePage);

    sentences->hide();
    connect(m_renderedTree, &QTreeWidget::currentItemChanged, this,
            [this, resource, sentences](QTreeWidgetItem *item) {
                if (item == nullptr || !item->data(0, kIndexRole).isValid())
                    return;
                const manifest::ResourceChange &change =
                    m_review.renderedChanges[size_t(item->data(0, kIndexRole).toULongLong())];
                resource->setText(change.key.label());
                QStringList bullets;
                for (const QString &sentence : change.summary)
                    bullets << u"• "_s + sentence;
                sentences->setText(bullets.join(u'\n'));
                sentences->setVisible(!bullets.isEmpty());
                m_renderedDiff->setDiff(change.diff);
            });
    if (QTreeWidgetItem *first = m_renderedTree->topLevelItem(0); first != nullptr && first->childCount() > 0)
        m_renderedTree->setCurrentItem(first->child(0));
    return page;
}

void ReviewDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ReviewDialog::applyPalette()
{
    if (m_conflictChooser != nullptr)
        showConflict(m_conflictChooser->currentIndex());   // re-derives the tint of the changed lines
    if (m_renderedTree == nullptr)
        return;
    const QPalette pal = palette();
    const bool dark = isDarkPalette(pal);
    const QColor green = readableOn(pal, dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37));
    const QColor red = readableOn(pal, dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xc0, 0x1c, 0x28));
    for (int k = 0; k < m_renderedTree->topLevelItemCount(); ++k) {
        QTreeWidgetItem *kindItem = m_renderedTree->topLevelItem(k);
        for (int r = 0; r < kindItem->childCount(); ++r) {
            QTreeWidgetItem *item = kindItem->child(r);
            const auto type = m_review.renderedChanges[size_t(item->data(0, kIndexRole).toULongLong())].type;
            if (type == manifest::ResourceChange::Type::Added)
                item->setForeground(1, green);
            else if (type == manifest::ResourceChange::Type::Removed)
                item->setForeground(1, red);
            else
                item->setData(1, Qt::ForegroundRole, QVariant());
        }
    }
}

QWidget *ReviewDialog::createValidationTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    const ws::ValidationReport &report = m_review.validation;

    auto *summary = wrappedLabel({}, page);
    summary->setObjectName(u"validationSummary"_s);
    if (report.findings.empty()) {
        summary->setText(tr("No problems found: every file parses, the overlay builds and its image entries match "
                            "containers."));
    } else if (report.hasErrors()) {
        summary->setText(tr("%n error(s) block the commit; fix them in the editor and review again.", nullptr,
                            report.errorCount())
                         + u' '
                         + tr("%n warning(s) do not block it.", nullptr, report.warningCount()));
    } else {
        summary->setText(tr("%n warning(s); they do not block the commit.", nullptr, report.warningCount()));
    }
    layout->addWidget(summary);

    auto *list = new QTreeWidget(page);
    list->setObjectName(u"validationList"_s);
    list->setColumnCount(2);
    list->setHeaderLabels({tr("Location"), tr("Problem")});
    list->setRootIsDecorated(false);
    list->setWordWrap(true);
    list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    list->header()->setStretchLastSection(true);

    std::vector<const ws::Finding *> findings;
    for (const ws::Finding &f : report.findings)
        findings.push_back(&f);
    std::stable_sort(findings.begin(), findings.end(), [](const ws::Finding *a, const ws::Finding *b) {
        return a->diagnostic.isError() && !b->diagnostic.isError();
    });
    const QIcon error = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const ws::Finding *f : findings) {
        const manifest::Diagnostic &d = f->diagnostic;
        QString location = f->file;
        if (d.line > 0)
            location += u':' + QString::number(d.line);
        if (d.line > 0 && d.column > 0)
            location += u':' + QString::number(d.column);
        auto *item = new QTreeWidgetItem(list, {location, d.message});
        item->setIcon(0, d.isError() ? error : warning);
        item->setToolTip(0, d.isError() ? tr("Error: blocks the commit") : tr("Warning: does not block the commit"));
        item->setToolTip(1, d.message);
    }
    list->setVisible(!findings.empty());
    layout->addWidget(list, 1);
    if (findings.empty())
        layout->addStretch(1);
    return page;
}

QWidget *ReviewDialog::createCommitArea()
{
    auto *area = new QWidget(this);
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);

    m_summary = new QLineEdit(area);
    m_summary->setObjectName(u"commitSummary"_s);
    m_summary->setText(tr("Edit %1 overlay in %2").arg(m_review.service, m_review.env));
    m_summary->setPlaceholderText(tr("What this change does, in one line"));
    m_body = new QPlainTextEdit(area);
    m_body->setObjectName(u"commitBody"_s);
    m_body->setPlaceholderText(tr("Optional: why the change is needed, a ticket number, …"));
    m_body->setTabChangesFocus(true);
    m_body->setFixedHeight(fontMetrics().lineSpacing() * 4 + 2 * m_body->frameWidth() + 8);
    auto *form = new QFormLayout;
    form->addRow(tr("Commit &summary:"), m_summary);
    form->addRow(tr("&Details:"), m_body);
    layout->addLayout(form);

    auto *bottom = new QHBoxLayout;
    m_reasonIcon = new QLabel(area);
    const int iconSize = fontMetrics().height();
    m_reasonIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_reason = wrappedLabel({}, area);
    m_reason->setObjectName(u"blockingReason"_s);
    bottom->addWidget(m_reasonIcon, 0, Qt::AlignTop);
    bottom->addWidget(m_reason, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, area);
    m_commitButton = buttons->addButton(tr("Commit and Push"), QDialogButtonBox::AcceptRole);
    m_commitButton->setObjectName(u"commitButton"_s);
    m_commitButton->setDefault(true);
    bottom->addWidget(buttons, 0, Qt::AlignTop);
    layout->addLayout(bottom);

    connect(buttons, &QDialogButtonBox::accepted, this, &ReviewDialog::commit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_summary, &QLineEdit::textChanged, this, &ReviewDialog::updateCommitState);
    return area;
}

QString ReviewDialog::blockingReason() const
{
    if (QString reason = m_review.blockingReason(); !reason.isEmpty())
        return reason;
    if (m_summary->text().trimmed().isEmpty())
        return tr("Write a one-line summary of the change to commit it.");
    return {};
}

void ReviewDialog::updateCommitState()
{
    const QString reason = blockingReason();
    m_commitButton->setEnabled(reason.isEmpty());
    m_commitButton->setToolTip(reason.isEmpty() ? tr("Commit on top of the remote tip and push the change.")
                                                : reason);
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
    m_reasonIcon->setVisible(!reason.isEmpty());
}

void ReviewDialog::setCommitSummary(const QString &summary)
{
    m_summary->setText(summary);
}

QString ReviewDialog::commitMessage() const
{
    const QString summary = m_summary->text().trimmed();
    const QString body = m_body->toPlainText().trimmed();
    return body.isEmpty() ? summary : summary + u"\n\n"_s + body;
}

void ReviewDialog::commit()
{
    if (!blockingReason().isEmpty())
        return;
    Q_EMIT commitRequested(commitMessage());
    accept();
}

} // namespace gd::ui
