// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/yamleditor.h"

#include "ui/editor/yamlhighlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

#ifdef GD_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {

namespace {

constexpr int kGutterPadding = 6;

bool endsToken(QChar c)
{
    return c == u' ' || c == u'\t' || c == u',' || c == u']' || c == u'}' || c == u'#';
}

// The end (exclusive, in the block's text) of the token starting at `start`: a quoted scalar to its closing quote,
// else up to a space, a flow indicator or a key's ':'.
int tokenEnd(const QString &text, int start)
{
    const int size = int(text.size());
    if (start >= size)
        return size;
    const QChar first = text.at(start);
    if (first == u'"' || first == u'\'') {
        for (int i = start + 1; i < size; ++i) {
            if (first == u'"' && text.at(i) == u'\\') {
                ++i;
                continue;
            }
            if (text.at(i) == first)
                return i + 1;
        }
        return size;
    }
    int end = start;
    while (end < size && !endsToken(text.at(end))
           && !(text.at(end) == u':' && (end + 1 == size || text.at(end + 1) == u' ')))
        ++end;
    return std::max(end, start + 1);
}

} // namespace

class YamlEditor::Gutter : public QWidget
{
public:
    explicit Gutter(YamlEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
    }

    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    YamlEditor *m_editor;
};

struct YamlEditor::Backend {
#ifdef GD_HAVE_KSYNTAXHIGHLIGHTING
    KSyntaxHighlighting::Repository repository;
    KSyntaxHighlighting::SyntaxHighlighter *highlighter = nullptr;
#else
    YamlHighlighter *highlighter = nullptr;
#endif
};

YamlEditor::YamlEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
    , m_backend(std::make_unique<Backend>())
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    viewport()->setMouseTracking(true);
#ifdef GD_HAVE_KSYNTAXHIGHLIGHTING
    m_backend->highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document());
    m_backend->highlighter->setDefinition(m_backend->repository.definitionForName(u"YAML"_s));
#else
    m_backend->highlighter = new YamlHighlighter(document(), palette());
#endif
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { updateGutterWidth(); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) { updateGutter(rect, dy); });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] { updateExtraSelections(); });
    applyPalette();
    updateGutterWidth();
}

YamlEditor::~YamlEditor() = default;

int YamlEditor::gutterWidth() const
{
    int digits = 1;
    for (int n = std::max(1, blockCount()); n >= 10; n /= 10)
        ++digits;
    digits = std::max(2, digits);
    return 2 * kGutterPadding + fontMetrics().horizontalAdvance(u'9') * digits;
}

void YamlEditor::updateGutterWidth()
{
    const int width = gutterWidth();
    setViewportMargins(width, 0, 0, 0);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), width, cr.height()));
}

void YamlEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void YamlEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterWidth();
}

void YamlEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette &pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    // Line numbers sit on the gutter's own background, so their contrast is measured against it.
    QPalette gutterPalette = pal;
    gutterPalette.setColor(QPalette::Base, pal.color(QPalette::AlternateBase));
    const QColor number = readableOn(gutterPalette, pal.color(QPalette::PlaceholderText));
    const int current = textCursor().blockNumber();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_gutter->width() - kGutterPadding;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            QFont f = font();
            f.setBold(block.blockNumber() == current);
            painter.setFont(f);
            painter.setPen(block.blockNumber() == current ? pal.color(QPalette::Text) : number);
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void YamlEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    else if (event->type() == QEvent::FontChange)
        updateGutterWidth();
}

void YamlEditor::applyPalette()
{
#ifdef GD_HAVE_KSYNTAXHIGHLIGHTING
    m_backend->highlighter->setTheme(m_backend->repository.themeForPalette(palette()));
    m_backend->highlighter->rehighlight();
#else
    m_backend->highlighter->setPalette(palette());
#endif
    updateExtraSelections();
    m_gutter->update();
}

void YamlEditor::setDiagnostics(const gd::manifest::Diagnostics &diagnostics)
{
    m_marked.clear();
    for (const gd::manifest::Diagnostic &d : diagnostics) {
        const QTextBlock block = document()->findBlockByNumber(d.line - 1);
        if (d.line < 1 || !block.isValid())
            continue;
        const QString text = block.text();
        int start = std::clamp(d.column - 1, 0, int(text.size()));
        if (start == text.size() && start > 0)
            --start; // a diagnostic at the line end marks the last character
        const int end = std::min(tokenEnd(text, start), int(text.size()));
        QTextCursor cursor(document());
        cursor.setPosition(block.position() + start);
        cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
        m_marked.push_back({cursor, d});
    }
    updateExtraSelections();
}

QString YamlEditor::diagnosticsAt(int position) const
{
    QStringList messages;
    for (const Marked &m : m_marked) {
        if (position >= m.cursor.selectionStart() && position <= m.cursor.selectionEnd())
            messages << m.diagnostic.message;
    }
    return messages.join(u'\n');
}

bool YamlEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = diagnosticsAt(cursorForPosition(help->pos()).position());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport());
        }
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void YamlEditor::updateExtraSelections()
{
    const QPalette &pal = palette();
    QList<QTextEdit::ExtraSelection> selections;
    if (!isReadOnly()) {
        QTextEdit::ExtraSelection line;
        const QColor base = pal.color(QPalette::Base);
        const QColor highlight = pal.color(QPalette::Highlight);
        const qreal t = 0.12;
        line.format.setBackground(QColor::fromRgbF(float(base.redF() * (1 - t) + highlight.redF() * t),
                                                   float(base.greenF() * (1 - t) + highlight.greenF() * t),
                                                   float(base.blueF() * (1 - t) + highlight.blueF() * t)));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = textCursor();
        line.cursor.clearSelection();
        selections << line;
    }
    const bool dark = isDarkPalette(pal);
    const QColor error = readableOn(pal, dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd0, 0x10, 0x10));
    const QColor warning = readableOn(pal, dark ? QColor(0xf0, 0xb4, 0x29) : QColor(0xb0, 0x6a, 0x00));
    for (const Marked &m : m_marked) {
        QTextEdit::ExtraSelection s;
        s.cursor = m.cursor;
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(m.diagnostic.isError() ? error : warning);
        selections << s;
    }
    setExtraSelections(selections);
}

int YamlEditor::findNext(const QString &text, QTextDocument::FindFlags flags)
{
    if (text.isEmpty())
        return 0;
    int count = 0;
    const QTextDocument::FindFlags countFlags = flags & ~QTextDocument::FindFlags(QTextDocument::FindBackward);
    for (QTextCursor c = document()->find(text, 0, countFlags); !c.isNull(); c = document()->find(text, c, countFlags))
        ++count;
    if (count == 0)
        return 0;
    QTextCursor found = document()->find(text, textCursor(), flags);
    if (found.isNull()) {
        QTextCursor wrap(document());
        wrap.movePosition((flags & QTextDocument::FindBackward) ? QTextCursor::End : QTextCursor::Start);
        found = document()->find(text, wrap, flags);
    }
    setTextCursor(found);
    return count;
}

int YamlEditor::replaceAll(const QString &text, const QString &replacement)
{
    if (text.isEmpty())
        return 0;
    int count = 0;
    QTextCursor edit(document());
    edit.beginEditBlock();
    const QTextDocument::FindFlags flags = QTextDocument::FindCaseSensitively;
    for (QTextCursor c = document()->find(text, 0, flags); !c.isNull(); c = document()->find(text, c, flags)) {
        c.insertText(replacement);
        ++count;
    }
    edit.endEditBlock();
    return count;
}

} // namespace gd::ui
