// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/objectid.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace gd::git {

/// Who made a commit, and when. A null `when` means "now" when writing a commit.
struct Signature {
    QString name;
    QString email;
    QDateTime when;
};

/// A commit as read from a repository.
struct CommitInfo {
    ObjectId id;
    QList<ObjectId> parents;
    QString summary;     ///< first line of the message
    QString message;     ///< whole message, trailers included
    Signature author;
    Signature committer;
};

/// What a new commit says and who wrote it. An empty committer means "same as the author".
struct CommitMessage {
    QString text;
    Signature author;
    Signature committer;
};

/// `message` with a reviewer's summary and body (`reviewed`) in place of its first paragraph; what follows that
/// paragraph (the trailers) stays. `message` as it is when `reviewed` is blank. Pure.
inline CommitMessage withReviewedSummary(CommitMessage message, const QString &reviewed)
{
    if (reviewed.trimmed().isEmpty())
        return message;
    const qsizetype firstBreak = message.text.indexOf(QLatin1String("\n\n"));
    const QString rest = firstBreak < 0 ? QString() : message.text.mid(firstBreak + 2);
    message.text = reviewed.trimmed() + QLatin1String("\n\n") + rest;
    return message;
}

} // namespace gd::git
