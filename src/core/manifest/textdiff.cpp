// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/textdiff.h"

#include <QHash>

#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace gd::manifest {
namespace {

struct Line {
    QByteArrayView text;   // without its line end
    bool hasEol = true;
};

std::vector<Line> splitLines(const QByteArray &text)
{
    std::vector<Line> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype nl = text.indexOf('\n', start);
        if (nl < 0) {
            lines.push_back({QByteArrayView(text).sliced(start), false});
            break;
        }
        lines.push_back({QByteArrayView(text).sliced(start, nl - start), true});
        start = nl + 1;
    }
    return lines;
}

// Myers' O((N+M)·D) difference in linear space (divide and conquer on the middle snake).
class Differ {
public:
    Differ(const std::vector<int> &a, const std::vector<int> &b)
        : m_a(a), m_b(b), m_deleted(a.size(), false), m_inserted(b.size(), false)
    {
        const size_t size = 2 * (a.size() + b.size()) + 4;
        m_forward.resize(size);
        m_backward.resize(size);
        compare(0, int(a.size()), 0, int(b.size()));
    }

    const std::vector<bool> &deleted() const { return m_deleted; }
    const std::vector<bool> &inserted() const { return m_inserted; }

private:
    struct Snake {
        int x, y, u, v;
    };

    void compare(int a0, int a1, int b0, int b1)
    {
        while (a0 < a1 && b0 < b1 && m_a[size_t(a0)] == m_b[size_t(b0)]) {
            ++a0;
            ++b0;
        }
        while (a0 < a1 && b0 < b1 && m_a[size_t(a1 - 1)] == m_b[size_t(b1 - 1)]) {
            --a1;
            --b1;
        }
        if (a0 == a1) {
            for (int j = b0; j < b1; ++j)
                m_inserted[size_t(j)] = true;
            return;
        }
        if (b0 == b1) {
            for (int i = a0; i < a1; ++i)
                m_deleted[size_t(i)] = true;
            return;
        }
        const Snake s = middleSnake(a0, a1, b0, b1);
        compare(a0, a0 + s.x, b0, b0 + s.y);
        compare(a0 + s.u, a1, b0 + s.v, b1);
    }

    // Coordinates of the returned snake are relative to (a0, b0).
    Snake middleSnake(int a0, int a1, int b0, int b1)
    {
        const int n = a1 - a0;
        const int m = b1 - b0;
        const int delta = n - m;
        const bool odd = (delta & 1) != 0;
        const int dMax = (n + m + 1) / 2;
        const int offset = dMax + 1;
        auto vf = [&](int k) -> int & { return m_forward[size_t(k + offset)]; };
        auto vb = [&](int k) -> int & { return m_backward[size_t(k + offset)]; };
        vf(1) = 0;
        vb(1) = 0;
        for (int d = 0; d <= dMax; ++d) {
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && vf(k - 1) < vf(k + 1))) ? vf(k + 1) : vf(k - 1) + 1;
                int y = x - k;
                const int xs = x;
                const int ys = y;
                while (x < n && y < m && m_a[size_t(a0 + x)] == m_b[size_t(b0 + y)]) {
                    ++x;
                    ++y;
                }
                vf(k) = x;
                const int kr = delta - k;
                if (odd && kr >= -(d - 1) && kr <= d - 1 && x + vb(kr) >= n)
                    return {xs, ys, x, y};
            }
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && vb(k - 1) < vb(k + 1))) ? vb(k + 1) : vb(k - 1) + 1;
                int y = x - k;
                const int xs = x;
                const int ys = y;
                while (x < n && y < m && m_a[size_t(a1 - 1 - x)] == m_b[size_t(b1 - 1 - y)]) {
                    ++x;
                    ++y;
                }
                vb(k) = x;
                const int kf = delta - k;
                if (!odd && kf >= -d && kf <= d && x + vf(kf) >= n)
                    return {n - x, m - y, n - xs, m - ys};
            }
        }
        return {0, 0, 0, 0};   // unreachable: the paths always meet by d = dMax
    }

    const std::vector<int> &m_a;
    const std::vector<int> &m_b;
    std::vector<bool> m_deleted;
    std::vector<bool> m_inserted;
    std::vector<int> m_forward;
    std::vector<int> m_backward;
};

struct Op {
    char kind;   // ' ', '-', '+'
    int oldIndex;
    int newIndex;
};

QString range(int start, int count)
{
    // A range of one line is written as its line number alone; an empty range names the line before it.
    if (count == 1)
        return QString::number(start + 1);
    return QString::number(count == 0 ? start : start + 1) + u',' + QString::number(count);
}

} // namespace

QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &beforeLabel,
                    const QString &afterLabel, int context)
{
    if (before == after)
        return {};
    context = std::max(context, 0);
    const std::vector<Line> oldLines = splitLines(before);
    const std::vector<Line> newLines = splitLines(after);

    // Lines become numbers; a last line without a line end differs from the same text with one.
    QHash<QByteArray, int> ids;
    const auto idsOf = [&ids](const std::vector<Line> &lines) {
        std::vector<int> out;
        out.reserve(lines.size());
        for (const Line &l : lines) {
            QByteArray key = l.text.toByteArray();
            if (!l.hasEol)
                key.append('\0');
            auto it = ids.constFind(key);
            if (it == ids.constEnd())
                it = ids.insert(key, int(ids.size()));
            out.push_back(it.value());
        }
        return out;
    };
    const std::vector<int> a = idsOf(oldLines);
    const std::vector<int> b = idsOf(newLines);
    const Differ differ(a, b);

    std::vector<Op> ops;
    ops.reserve(a.size() + b.size());
    int i = 0;
    int j = 0;
    while (i < int(a.size()) || j < int(b.size())) {
        if (i < int(a.size()) && differ.deleted()[size_t(i)]) {
            ops.push_back({'-', i++, j});
        } else if (j < int(b.size()) && differ.inserted()[size_t(j)]) {
            ops.push_back({'+', i, j++});
        } else {
            ops.push_back({' ', i++, j++});
        }
    }

    QString out = u"--- "_s + beforeLabel + u"\n+++ "_s + afterLabel + u'\n';
    const int total = int(ops.size());
    int pos = 0;
    while (pos < total) {
        while (pos < total && ops[size_t(pos)].kind == ' ')
            ++pos;
        if (pos >= total)
            break;
        const int start = std::max(0, pos - context);
        // Extend the hunk while the next change is close enough for the context lines to touch.
        int lastChange = pos;
        int scan = pos + 1;
        while (scan < total) {
            if (ops[size_t(scan)].kind != ' ') {
                lastChange = scan;
            } else if (scan - lastChange > 2 * context) {
                break;
            }
            ++scan;
        }
        const int end = std::min(total, lastChange + context + 1);

        int oldCount = 0;
        int newCount = 0;
        for (int p = start; p < end; ++p) {
            const char kind = ops[size_t(p)].kind;
            oldCount += kind != '+';
            newCount += kind != '-';
        }
        out += u"@@ -"_s + range(ops[size_t(start)].oldIndex, oldCount) + u" +"_s
            + range(ops[size_t(start)].newIndex, newCount) + u" @@\n"_s;
        for (int p = start; p < end; ++p) {
            const Op &op = ops[size_t(p)];
            const Line &line = op.kind == '+' ? newLines[size_t(op.newIndex)] : oldLines[size_t(op.oldIndex)];
            out += QLatin1Char(op.kind) + QString::fromUtf8(line.text) + u'\n';
            if (!line.hasEol)
                out += u"\\ No newline at end of file\n"_s;
        }
        pos = end;
    }
    return out;
}

} // namespace gd::manifest
