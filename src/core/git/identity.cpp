// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/identity.h"

#include "git/gitutil.h"

#include <QSysInfo>
#include <QtGlobal>

using namespace Qt::Literals::StringLiterals;

namespace gd::git {

Signature userIdentity(const Repository &repo)
{
    detail::ensureLibraryInitialised();
    if (repo.isValid()) {
        git_signature *raw = nullptr;
        if (git_signature_default(&raw, repo.handle()) == 0) {
            const detail::SignaturePtr signature(raw);
            return Signature{QString::fromUtf8(signature->name), QString::fromUtf8(signature->email), {}};
        }
    }
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("LOGNAME", u"gitops-desk"_s);
    return Signature{login, login + u'@' + QSysInfo::machineHostName(), {}};
}

} // namespace gd::git
