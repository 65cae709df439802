// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/diffview.h"

#include "ui/editor/yamlhighlighter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

constexpr int kGutterPadding = 6;

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// The tints of a diff, all derived from one palette so they sit well on its base colour, light or dark.
struct DiffColours {
    QColor added;
    QColor removed;
    QColor addedEmphasis;
    QColor removedEmphasis;
    QColor addedGutter;
    QColor removedGutter;
    QColor hunk;
    QColor filler;
    QColor gutter;
    QColor dimText;
    QColor number;
};

DiffColours diffColours(const QPalette &pal)
{
    const bool dark = isDarkPalette(pal);
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor green = dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x2d, 0xa4, 0x4e);
    const QColor red = dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
    DiffColours c;
    c.added = mix(base, green, dark ? 0.20 : 0.15);
    c.removed = mix(base, red, dark ? 0.20 : 0.13);
    c.addedEmphasis = mix(base, green, dark ? 0.42 : 0.34);
    c.removedEmphasis = mix(base, red, dark ? 0.42 : 0.30);
    c.addedGutter = mix(base, green, dark ? 0.28 : 0.22);
    c.removedGutter = mix(base, red, dark ? 0.28 : 0.20);
    c.hunk = mix(base, pal.color(QPalette::Highlight), dark ? 0.16 : 0.08);
    c.filler = mix(base, text, dark ? 0.10 : 0.08);
    c.gutter = pal.color(QPalette::AlternateBase);
    c.dimText = readableOn(pal, mix(text, base, 0.45));
    // Line numbers sit on the gutter's own background, so their contrast is measured against it.
    QPalette gutterPalette = pal;
    gutterPalette.setColor(QPalette::Base, c.gutter);
    c.number = readableOn(gutterPalette, pal.color(QPalette::PlaceholderText));
    return c;
}

// Marks the differing middle of a removed line and the added line paired with it: what is left after their common
// prefix and suffix. Nothing is marked when the lines share nothing (the whole line is the change then).
void markDifference(DiffRow &removed, DiffRow &added)
{
    const QString &a = removed.text;
    const QString &b = added.text;
    const qsizetype shorter = std::min(a.size(), b.size());
    qsizetype prefix = 0;
    while (prefix < shorter && a.at(prefix) == b.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;
    if (prefix + suffix == 0)
        return;
    removed.emphasisStart = int(prefix);
    removed.emphasisLength = int(a.size() - prefix - suffix);
    added.emphasisStart = int(prefix);
    added.emphasisLength = int(b.size() - prefix - suffix);
}

DiffRow makeRow(DiffRow::Kind kind, const QString &text, int oldLine = 0, int newLine = 0)
{
    DiffRow row;
    row.kind = kind;
    row.text = text;
    row.oldLine = oldLine;
    row.newLine = newLine;
    return row;
}

} // namespace

DiffLayout DiffLayout::fromUnifiedDiff(const QString &diff)
{
    static const QRegularExpression hunkHeader(u"^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@"_s);
    DiffLayout layout;
    std::vector<DiffRow> removed;   // the pending group of changed lines
    std::vector<DiffRow> added;
    std::vector<size_t> removedAt;  // where each of them sits in `unified`
    std::vector<size_t> addedAt;

    // Pairs the pending removed lines with the added lines after them: same row on both sides, fillers opposite
    // the surplus of either side.
    const auto flush = [&] {
        const size_t pairs = std::min(removed.size(), added.size());
        for (size_t k = 0; k < pairs; ++k) {
            markDifference(removed[k], added[k]);
            layout.unified[removedAt[k]] = removed[k];
            layout.unified[addedAt[k]] = added[k];
        }
        const DiffRow filler = makeRow(DiffRow::Kind::Filler, {});
        for (size_t k = 0; k < std::max(removed.size(), added.size()); ++k) {
            layout.left.push_back(k < removed.size() ? removed[k] : filler);
            layout.right.push_back(k < added.size() ? added[k] : filler);
        }
        removed.clear();
        added.clear();
        removedAt.clear();
        addedAt.clear();
    };

    int oldLine = 0;
    int newLine = 0;
    int oldLeft = 0;   // lines the current hunk still holds on each side
    int newLeft = 0;
    const QStringList lines = diff.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (oldLeft <= 0 && newLeft <= 0) {
            // Between hunks: a note about the last line, a hunk header, or file headers that the view leaves out.
            if (line.startsWith(u'\\')) {
                layout.unified.push_back(makeRow(DiffRow::Kind::Note, line));
                continue;
            }
            const QRegularExpressionMatch match = hunkHeader.match(line);
            if (!match.hasMatch())
                continue;
            flush();
            oldLine = match.captured(1).toInt();
            newLine = match.captured(3).toInt();
            oldLeft = match.captured(2).isNull() ? 1 : match.captured(2).toInt();
            newLeft = match.captured(4).isNull() ? 1 : match.captured(4).toInt();
            // An empty range names the line before it; the next line of that side is one further.
            if (oldLeft == 0)
                ++oldLine;
            if (newLeft == 0)
                ++newLine;
            const DiffRow hunk = makeRow(DiffRow::Kind::Hunk, line);
            layout.unified.push_back(hunk);
            layout.left.push_back(hunk);
            layout.right.push_back(hunk);
            continue;
        }
        const QChar marker = line.isEmpty() ? u' ' : line.at(0);
        const QString text = line.mid(1);
        if (marker == u'-') {
            if (!added.empty())
                flush();   // a removal after additions starts a new group
            const DiffRow row = makeRow(DiffRow::Kind::Removed, text, oldLine++, 0);
            removed.push_back(row);
            removedAt.push_back(layout.unified.size());
            layout.unified.push_back(row);
            --oldLeft;
        } else if (marker == u'+') {
            const DiffRow row = makeRow(DiffRow::Kind::Added, text, 0, newLine++);
            added.push_back(row);
            addedAt.push_back(layout.unified.size());
            layout.unified.push_back(row);
            --newLeft;
        } else if (marker == u'\\') {
            layout.unified.push_back(makeRow(DiffRow::Kind::Note, line));
        } else {
            flush();
            const DiffRow row = makeRow(DiffRow::Kind::Context, text, oldLine++, newLine++);
            layout.unified.push_back(row);
            layout.left.push_back(row);
            layout.right.push_back(row);
            --oldLeft;
            --newLeft;
        }
    }
    flush();
    return layout;
}

/// A read-only text pane that shows diff rows: tinted backgrounds, dimmed hunk headers, a line-number gutter (old,
/// new or both columns) and, in unified mode, the "+"/"-" prefixes. Rebuilds its document on a palette change.
class DiffPane : public QPlainTextEdit {
public:
    enum class Numbers { Old, New, Both };

    DiffPane(Numbers numbers, QWidget *parent)
        : QPlainTextEdit(parent), m_numbers(numbers), m_gutter(new Gutter(this))
    {
        setReadOnly(true);
        setLineWrapMode(QPlainTextEdit::NoWrap);
        setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        document()->setUndoRedoEnabled(false);
        connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
            if (dy != 0)
                m_gutter->scroll(0, dy);
            else
                m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
        });
        updateGutterWidth();
    }

    void setRows(std::vector<DiffRow> rows)
    {
        m_rows = std::move(rows);
        render();
        verticalScrollBar()->setValue(0);
        horizontalScrollBar()->setValue(0);
        updateGutterWidth();
    }

protected:
    void changeEvent(QEvent *event) override
    {
        QPlainTextEdit::changeEvent(event);
        if (event->type() == QEvent::PaletteChange) {
            render();
            m_gutter->update();
        } else if (event->type() == QEvent::FontChange) {
            updateGutterWidth();
        }
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QPlainTextEdit::resizeEvent(event);
        updateGutterWidth();
    }

private:
    class Gutter : public QWidget {
    public:
        explicit Gutter(DiffPane *pane) : QWidget(pane), m_pane(pane) {}

    protected:
        void paintEvent(QPaintEvent *event) override { m_pane->paintGutter(event); }

    private:
        DiffPane *m_pane;
    };

    int digits() const
    {
        int largest = 1;
        for (const DiffRow &row : m_rows)
            largest = std::max({largest, row.oldLine, row.newLine});
        int count = 1;
        for (int n = largest; n >= 10; n /= 10)
            ++count;
        return std::max(2, count);
    }

    int columnWidth() const { return kGutterPadding + fontMetrics().horizontalAdvance(u'9') * digits(); }

    int gutterWidth() const
    {
        return (m_numbers == Numbers::Both ? 2 * columnWidth() : columnWidth()) + kGutterPadding;
    }

    void updateGutterWidth()
    {
        const int width = gutterWidth();
        setViewportMargins(width, 0, 0, 0);
        const QRect cr = contentsRect();
        m_gutter->setGeometry(QRect(cr.left(), cr.top(), width, cr.height()));
    }

    void render()
    {
        const int vertical = verticalScrollBar()->value();
        const int horizontal = horizontalScrollBar()->value();
        const DiffColours colours = diffColours(palette());
        const bool prefixes = m_numbers == Numbers::Both;
        QTextDocument *doc = document();
        doc->clear();
        QTextCursor cursor(doc);
        cursor.beginEditBlock();
        bool first = true;
        for (const DiffRow &row : m_rows) {
            QTextBlockFormat block;
            QTextCharFormat chars;
            QTextCharFormat emphasis;
            QString prefix = prefixes ? u" "_s : QString();
            switch (row.kind) {
            case DiffRow::Kind::Added:
                block.setBackground(colours.added);
                emphasis.setBackground(colours.addedEmphasis);
                if (prefixes)
                    prefix = u"+"_s;
                break;
            case DiffRow::Kind::Removed:
                block.setBackground(colours.removed);
                emphasis.setBackground(colours.removedEmphasis);
                if (prefixes)
                    prefix = u"-"_s;
                break;
            case DiffRow::Kind::Hunk:
                block.setBackground(colours.hunk);
                chars.setForeground(colours.dimText);
                prefix.clear();
                break;
            case DiffRow::Kind::Note:
                chars.setForeground(colours.dimText);
                chars.setFontItalic(true);
                prefix.clear();
                break;
            case DiffRow::Kind::Filler:
                block.setBackground(QBrush(colours.filler, Qt::BDiagPattern));
                prefix.clear();
                break;
            case DiffRow::Kind::Context:
                break;
            }
            if (first) {
                cursor.setBlockFormat(block);
                cursor.setBlockCharFormat(chars);
                first = false;
            } else {
                cursor.insertBlock(block, chars);
            }
            cursor.insertText(prefix, chars);
            if (row.emphasisStart >= 0 && row.emphasisLength > 0) {
                QTextCharFormat strong = chars;
                strong.merge(emphasis);
                cursor.insertText(row.text.left(row.emphasisStart), chars);
                cursor.insertText(row.text.mid(row.emphasisStart, row.emphasisLength), strong);
                cursor.insertText(row.text.mid(row.emphasisStart + row.emphasisLength), chars);
            } else {
                cursor.insertText(row.text, chars);
            }
        }
        cursor.endEditBlock();
        verticalScrollBar()->setValue(vertical);
        horizontalScrollBar()->setValue(horizontal);
    }

    void paintGutter(QPaintEvent *event)
    {
        QPainter painter(m_gutter);
        const DiffColours colours = diffColours(palette());
        painter.fillRect(event->rect(), colours.gutter);
        painter.setFont(font());
        const int column = columnWidth();
        const int lineHeight = fontMetrics().height();
        QTextBlock block = firstVisibleBlock();
        int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
        while (block.isValid() && top <= event->rect().bottom()) {
            const int height = qRound(blockBoundingRect(block).height());
            const size_t index = size_t(block.blockNumber());
            if (block.isVisible() && top + height >= event->rect().top() && index < m_rows.size()) {
                const DiffRow &row = m_rows[index];
                const QRect rowRect(0, top, m_gutter->width(), height);
                if (row.kind == DiffRow::Kind::Added)
                    painter.fillRect(rowRect, colours.addedGutter);
                else if (row.kind == DiffRow::Kind::Removed)
                    painter.fillRect(rowRect, colours.removedGutter);
                else if (row.kind == DiffRow::Kind::Hunk)
                    painter.fillRect(rowRect, colours.hunk);
                else if (row.kind == DiffRow::Kind::Filler)
                    painter.fillRect(rowRect, QBrush(colours.filler, Qt::BDiagPattern));
                painter.setPen(colours.number);
                const auto number = [](int n) { return n > 0 ? QString::number(n) : QString(); };
                if (m_numbers == Numbers::Both) {
                    painter.drawText(0, top, column, lineHeight, Qt::AlignRight, number(row.oldLine));
                    painter.drawText(column, top, column, lineHeight, Qt::AlignRight, number(row.newLine));
                } else {
                    const int n = m_numbers == Numbers::Old ? row.oldLine : row.newLine;
                    painter.drawText(0, top, column, lineHeight, Qt::AlignRight, number(n));
                }
            }
            block = block.next();
            top += height;
        }
    }

    Numbers m_numbers;
    Gutter *m_gutter;
    std::vector<DiffRow> m_rows;
};

DiffView::DiffView(QWidget *parent)
    : QWidget(parent), m_pages(new QStackedWidget(this)), m_unified(new DiffPane(DiffPane::Numbers::Both, this)),
      m_sideBySide(new QSplitter(Qt::Horizontal, this)), m_old(new DiffPane(DiffPane::Numbers::Old, this)),
      m_new(new DiffPane(DiffPane::Numbers::New, this)), m_placeholder(new QLabel(this))
{
    m_unified->setObjectName(u"diffUnified"_s);
    m_old->setObjectName(u"diffOld"_s);
    m_new->setObjectName(u"diffNew"_s);
    m_placeholder->setObjectName(u"diffPlaceholder"_s);
    m_sideBySide->addWidget(m_old);
    m_sideBySide->addWidget(m_new);
    m_sideBySide->setChildrenCollapsible(false);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setText(tr("No differences."));
    m_pages->addWidget(m_unified);
    m_pages->addWidget(m_sideBySide);
    m_pages->addWidget(m_placeholder);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    // Both sides hold the same rows, so one scroll position fits both; the flag stops the echo, which matters when
    // the horizontal ranges differ and one side would clamp the other back.
    const auto follow = [this](QScrollBar *from, QScrollBar *to) {
        connect(from, &QScrollBar::valueChanged, this, [this, to](int value) {
            if (m_syncing)
                return;
            m_syncing = true;
            to->setValue(value);
            m_syncing = false;
        });
    };
    follow(m_old->verticalScrollBar(), m_new->verticalScrollBar());
    follow(m_new->verticalScrollBar(), m_old->verticalScrollBar());
    follow(m_old->horizontalScrollBar(), m_new->horizontalScrollBar());
    follow(m_new->horizontalScrollBar(), m_old->horizontalScrollBar());
    showCurrentPage();
}

DiffView::~DiffView() = default;

void DiffView::setDiff(const QString &unifiedDiff)
{
    m_diff = unifiedDiff;
    DiffLayout layout = DiffLayout::fromUnifiedDiff(unifiedDiff);
    m_unified->setRows(std::move(layout.unified));
    m_old->setRows(std::move(layout.left));
    m_new->setRows(std::move(layout.right));
    showCurrentPage();
}

void DiffView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    showCurrentPage();
    Q_EMIT modeChanged(mode);
}

void DiffView::setPlaceholderText(const QString &text)
{
    m_placeholder->setText(text);
}

void DiffView::showCurrentPage()
{
    if (m_diff.isEmpty())
        m_pages->setCurrentWidget(m_placeholder);
    else if (m_mode == Mode::SideBySide)
        m_pages->setCurrentWidget(m_sideBySide);
    else
        m_pages->setCurrentWidget(m_unified);
}

} // namespace gd::ui
