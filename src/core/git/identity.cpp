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
    } else if (git_config *raw = nullptr; git_config_open_default(&raw) == 0) {
        // No repository at hand: the user's global and system configuration.
        const std::unique_ptr<git_config, decltype(&git_config_free)> config(raw, git_config_free);
        git_buf name = GIT_BUF_INIT;
        git_buf email = GIT_BUF_INIT;
        if (git_config_get_string_buf(&name, config.get(), "user.name") == 0
            && git_config_get_string_buf(&email, config.get(), "user.email") == 0) {
            Signature found{QString::fromUtf8(name.ptr), QString::fromUtf8(email.ptr), {}};
            git_buf_dispose(&name);
            git_buf_dispose(&email);
            return found;
        }
        git_buf_dispose(&name);
        git_buf_dispose(&email);
    }
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("LOGNAME", u"gitops-desk"_s);
    return Signature{login, login + u'@' + QSysInfo::machineHostName(), {}};
}

} // namespace gd::git
