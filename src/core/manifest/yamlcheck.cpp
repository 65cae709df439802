// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/yamlcheck.h"

#include "manifest/yamltext.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>

#include <QCoreApplication>

#include <unordered_map>

namespace gd::manifest {
namespace {

// Follows the parser's events: finds duplicate keys (yaml-cpp keeps both silently), quoted values that are never
// closed (yaml-cpp 0.7 accepts them up to the end of the file), and a second top-level block that yaml-cpp reads as
// a new document although no `---` separates it.
class Checker : public YAML::EventHandler {
public:
    Checker(const QByteArray &text, Diagnostics &out) : m_text(text), m_out(out) {}

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (m_documents > 0 && m_lastPos >= 0 && !hasMarkerBetween(m_lastPos, yamltext::offsetOf(m_text, mark)))
            add(mark, QCoreApplication::translate("gd::manifest",
                                                  "This line starts a new top-level block that does not belong to "
                                                  "the one above; check its indentation, or separate documents "
                                                  "with \"---\"."));
        ++m_documents;
        m_stack.clear();
    }

    void OnDocumentEnd() override {}

    // A null's mark points at whatever token follows it, so it does not move m_lastPos.
    void OnNull(const YAML::Mark &, YAML::anchor_t) override { nodeWithoutMark(); }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override { node(mark, nullptr); }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t, const std::string &value) override
    {
        if (tag == "!")
            checkQuoteClosed(mark);
        node(mark, &value);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {
        node(mark, nullptr);
        m_stack.push_back(Frame{false, true, {}});
    }

    void OnSequenceEnd() override { pop(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        node(mark, nullptr);
        m_stack.push_back(Frame{true, true, {}});
    }

    void OnMapEnd() override { pop(); }

    void seen(const YAML::Mark &mark)
    {
        if (!mark.is_null())
            m_lastPos = std::max(m_lastPos, yamltext::offsetOf(m_text, mark));
    }

private:
    struct Frame {
        bool isMap;
        bool expectKey;
        std::unordered_map<std::string, int> keyLines;   // key text -> 1-based line of its first occurrence
    };

    void nodeWithoutMark()
    {
        if (!m_stack.empty() && m_stack.back().isMap)
            m_stack.back().expectKey = !m_stack.back().expectKey;
    }

    void node(const YAML::Mark &mark, const std::string *scalar)
    {
        seen(mark);
        if (m_stack.empty() || !m_stack.back().isMap)
            return;
        Frame &frame = m_stack.back();
        if (frame.expectKey && scalar) {
            int line = 0;
            int column = 0;
            yamltext::lineAndColumn(m_text, mark, &line, &column);
            const auto [it, inserted] = frame.keyLines.emplace(*scalar, line);
            if (!inserted)
                add(mark, QCoreApplication::translate("gd::manifest", "Duplicate key \"%1\" (first at line %2).")
                              .arg(QString::fromStdString(*scalar))
                              .arg(it->second));
        }
        frame.expectKey = !frame.expectKey;
    }

    void pop()
    {
        if (!m_stack.empty())
            m_stack.pop_back();
    }

    void checkQuoteClosed(const YAML::Mark &mark)
    {
        const int pos = yamltext::offsetOf(m_text, mark);
        if (pos < 0 || pos >= m_text.size())
            return;
        const char c = m_text[pos];
        if ((c == '"' || c == '\'') && yamltext::scalarEnd(m_text, pos, false) < 0)
            add(mark, QCoreApplication::translate("gd::manifest",
                                                  "This quoted value is never closed; add the closing %1.")
                          .arg(QLatin1Char(c)));
    }

    bool hasMarkerBetween(int from, int to) const
    {
        // From the line after the previous document's last value up to the new document's start.
        int p = yamltext::lineEnd(m_text, std::max(from, 0));
        while (p < m_text.size() && m_text[p] != '\n')
            ++p;
        ++p;
        while (p <= to && p < m_text.size()) {
            if (m_text.mid(p, 3) == "---" || m_text.mid(p, 3) == "...")
                return true;
            const qsizetype nl = m_text.indexOf('\n', p);
            if (nl < 0)
                break;
            p = int(nl) + 1;
        }
        return false;
    }

    void add(const YAML::Mark &mark, const QString &message)
    {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Error;
        yamltext::lineAndColumn(m_text, mark, &d.line, &d.column);
        d.message = message;
        m_out.push_back(std::move(d));
    }

    const QByteArray &m_text;
    Diagnostics &m_out;
    std::vector<Frame> m_stack;
    int m_documents = 0;
    int m_lastPos = -1;
};

} // namespace

Diagnostics checkYaml(const QByteArray &text)
{
    Diagnostics out;
    Checker checker(text, out);
    try {
        yamltext::handleAll(text, checker);
    } catch (const YAML::Exception &e) {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Error;
        yamltext::lineAndColumn(text, yamltext::problemMark(text, e.msg, e.mark), &d.line, &d.column);
        d.message = yamltext::problemSentence(e.msg);
        out.push_back(std::move(d));
    } catch (const std::exception &e) {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Error;
        d.line = 1;
        d.column = 1;
        d.message = QCoreApplication::translate("gd::manifest", "The YAML could not be read: %1.")
                        .arg(QString::fromUtf8(e.what()));
        out.push_back(std::move(d));
    }
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return out;
}

} // namespace gd::manifest
