// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/diskproblem.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace gd {
namespace {

// The translatable sentences of this file, in the "gd::DiskProblem" context (lupdate reads the macro).
struct DiskProblemText {
    Q_DECLARE_TR_FUNCTIONS(gd::DiskProblem)
};

QString systemText(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

Error noSpace(const QString &folder, const QString &detail)
{
    return makeError(Error::Code::Io,
                     DiskProblemText::tr("No space left on the device that holds %1. Free some space there (local "
                                         "copies of repositories can be deleted safely) and try again.")
                         .arg(folder),
                     detail);
}

Error notWritable(const QString &folder, int code, const QString &detail)
{
    return makeError(Error::Code::Io,
                     DiskProblemText::tr("The folder %1 is not writable (%2). Make it writable for this user, or "
                                         "choose another folder, and try again.")
                         .arg(folder, systemText(code)),
                     detail);
}

Error notAFolder(const QString &folder, const QString &file, const QString &detail)
{
    const QString sentence =
        folder == file
            ? DiskProblemText::tr("%1 is a file, not a folder, so nothing can be stored there. It was left as it is "
                                  "(it may be yours): move it away or delete it, or choose another folder.")
                  .arg(file)
            : DiskProblemText::tr("The folder %1 cannot be made because %2 is a file, not a folder. It was left as it "
                                  "is (it may be yours): move it away or delete it, or choose another folder.")
                  .arg(folder, file);
    return makeError(Error::Code::Io, sentence, detail);
}

/// errno of creating and filling a small file in `dir`; 0 when that works.
int probeWrite(const QString &dir)
{
    const QByteArray path = QFile::encodeName(dir + QStringLiteral("/.gitops-desk-probe-")
                                              + QString::number(QCoreApplication::applicationPid()));
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno == EEXIST ? 0 : errno;
    // Larger than a lock file, so that a device with a few bytes left shows as full.
    static const char block[16384] = {};
    int code = 0;
    const ssize_t written = ::write(fd, block, sizeof block);
    if (written < 0)
        code = errno;
    else if (written < static_cast<ssize_t>(sizeof block))
        code = ENOSPC;
    ::close(fd);
    ::unlink(path.constData());
    return code;
}

} // namespace

std::optional<Error> folderProblem(const QString &folder)
{
    const QString target = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    // The nearest part of the path that exists: the folder itself, or where it would be made.
    QString existing = target;
    QFileInfo info(existing);
    while (!info.exists() && !info.isSymLink()) {
        const QString parent = QFileInfo(existing).path();
        if (parent == existing)
            return std::nullopt;
        existing = parent;
        info = QFileInfo(existing);
    }
    if (!info.isDir())
        return notAFolder(target, existing, systemText(ENOTDIR));
    const int code = probeWrite(existing);
    switch (code) {
    case 0:
        return std::nullopt;
    case ENOSPC:
    case EDQUOT:
        return noSpace(target, systemText(code));
    case EACCES:
    case EPERM:
    case EROFS:
        return notWritable(existing, code, systemText(code));
    default:
        return makeError(Error::Code::Io,
                         DiskProblemText::tr("Files cannot be written in %1 (%2). Check the folder and the device, "
                                             "and try again.")
                             .arg(existing, systemText(code)));
    }
}

std::optional<Error> osErrorProblem(const QString &osText, const QString &folder)
{
    if (std::optional<Error> found = folderProblem(folder)) {
        found->detail = osText;
        return found;
    }
    // The probe fitted, the library's write did not: the device is nearly full.
    for (const int code : {ENOSPC, EDQUOT}) {
        if (osText.contains(systemText(code), Qt::CaseInsensitive))
            return noSpace(QDir::cleanPath(QFileInfo(folder).absoluteFilePath()), osText);
    }
    return std::nullopt;
}

} // namespace gd
