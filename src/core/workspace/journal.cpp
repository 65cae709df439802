// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/journal.h"

#include "workspace/appdirs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <deque>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::Journal" context (lupdate reads the macro).
struct JournalText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::Journal)
};

QJsonObject toJson(const JournalEntry &entry)
{
    QJsonObject object{{u"when"_s, entry.when.toUTC().toString(Qt::ISODateWithMs)},
                       {u"operation"_s, entry.operation},
                       {u"step"_s, entry.step}};
    const auto put = [&object](const QString &key, const QString &value) {
        if (!value.isEmpty())
            object.insert(key, value);
    };
    put(u"workspace"_s, entry.workspace);
    put(u"project"_s, entry.project);
    put(u"service"_s, entry.service);
    put(u"environment"_s, entry.environment);
    put(u"commit"_s, entry.commit);
    put(u"message"_s, entry.message);
    return object;
}

JournalEntry fromJson(const QJsonObject &object)
{
    return JournalEntry{QDateTime::fromString(object.value(u"when"_s).toString(), Qt::ISODateWithMs),
                        object.value(u"workspace"_s).toString(),
                        object.value(u"project"_s).toString(),
                        object.value(u"service"_s).toString(),
                        object.value(u"environment"_s).toString(),
                        object.value(u"operation"_s).toString(),
                        object.value(u"step"_s).toString(),
                        object.value(u"commit"_s).toString(),
                        object.value(u"message"_s).toString()};
}

} // namespace

Journal::Journal(QString filePath) : m_path(std::move(filePath)) {}

Journal &Journal::shared()
{
    static Journal journal(dataDir() + u"/journal.jsonl"_s);
    return journal;
}

Result<void> Journal::append(JournalEntry entry)
{
    if (!entry.when.isValid())
        entry.when = QDateTime::currentDateTimeUtc();
    const QByteArray line = QJsonDocument(toJson(entry)).toJson(QJsonDocument::Compact) + '\n';
    const std::lock_guard lock(m_mutex);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    // One write of a whole line in append mode: concurrent processes (the GUI and a CLI) never interleave inside it.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(line) != line.size()) {
        return makeError(Error::Code::Io,
                         JournalText::tr("The action journal %1 cannot be written.").arg(QDir::toNativeSeparators(m_path)),
                         file.errorString());
    }
    return {};
}

std::vector<JournalEntry> Journal::read(int limit) const
{
    const std::lock_guard lock(m_mutex);
    QFile file(m_path);
    std::deque<JournalEntry> entries;
    if (!file.open(QIODevice::ReadOnly))
        return {};
    while (!file.atEnd()) {
        const QJsonDocument doc = QJsonDocument::fromJson(file.readLine());
        if (!doc.isObject())
            continue;
        entries.push_back(fromJson(doc.object()));
        if (limit >= 0 && int(entries.size()) > limit)
            entries.pop_front();
    }
    return {entries.begin(), entries.end()};
}

QHash<QString, QString> Journal::outcomes(const QString &project, const QString &service, const QString &env) const
{
    QHash<QString, QString> steps;
    for (const JournalEntry &entry : read()) {
        if (!entry.commit.isEmpty() && entry.project == project && entry.service == service
            && entry.environment == env)
            steps.insert(entry.commit, entry.step);
    }
    return steps;
}

} // namespace gd::ws
