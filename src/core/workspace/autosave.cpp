// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/autosave.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::Autosave" context (lupdate reads the macro).
struct AutosaveText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::Autosave)
};

const QString suffix = u".autosave.json"_s;

} // namespace

AutosaveStore::AutosaveStore(QString dir) : m_dir(std::move(dir)) {}

QString AutosaveStore::fileFor(const QString &workspaceFile, const QString &project, const QString &path) const
{
    const QByteArray key = (workspaceFile + u'\n' + project + u'\n' + path).toUtf8();
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex();
    return QDir(m_dir).absoluteFilePath(QString::fromLatin1(hash) + suffix);
}

Result<void> AutosaveStore::save(const AutosaveEntry &entry)
{
    if (!QDir().mkpath(m_dir)) {
        return makeError(Error::Code::Io,
                         AutosaveText::tr("Unsaved edits cannot be kept aside: the folder %1 cannot be created.")
                             .arg(QDir::toNativeSeparators(m_dir)));
    }
    QJsonObject object{{u"workspace"_s, entry.workspaceFile},
                       {u"project"_s, entry.project},
                       {u"path"_s, entry.path},
                       {u"savedAt"_s, (entry.savedAt.isValid() ? entry.savedAt : QDateTime::currentDateTimeUtc())
                                          .toString(Qt::ISODateWithMs)},
                       {u"content"_s, QString::fromUtf8(entry.content)}};
    QSaveFile file(fileFor(entry.workspaceFile, entry.project, entry.path));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson(QJsonDocument::Compact)) < 0
        || !file.commit()) {
        return makeError(Error::Code::Io, AutosaveText::tr("Unsaved edits cannot be kept aside in %1.")
                                              .arg(QDir::toNativeSeparators(m_dir)),
                         file.errorString());
    }
    return {};
}

void AutosaveStore::remove(const QString &workspaceFile, const QString &project, const QString &path)
{
    QFile::remove(fileFor(workspaceFile, project, path));
}

std::vector<AutosaveEntry> AutosaveStore::entries(const QString &workspaceFile) const
{
    std::vector<AutosaveEntry> result;
    const QDir dir(m_dir);
    for (const QString &name : dir.entryList({u"*"_s + suffix}, QDir::Files)) {
        QFile file(dir.absoluteFilePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        AutosaveEntry entry{object.value(u"workspace"_s).toString(), object.value(u"project"_s).toString(),
                            object.value(u"path"_s).toString(), object.value(u"content"_s).toString().toUtf8(),
                            QDateTime::fromString(object.value(u"savedAt"_s).toString(), Qt::ISODateWithMs)};
        if (entry.workspaceFile != workspaceFile || entry.project.isEmpty() || entry.path.isEmpty())
            continue;
        result.push_back(std::move(entry));
    }
    std::sort(result.begin(), result.end(),
              [](const AutosaveEntry &a, const AutosaveEntry &b) { return a.savedAt < b.savedAt; });
    return result;
}

} // namespace gd::ws
