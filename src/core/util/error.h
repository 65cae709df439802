// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gd {

/// What went wrong, as a value. `message` is a sentence a release manager understands
/// (what failed and what to do); `detail` carries the technical cause (libgit2 text, stderr, ...).
struct Error {
    enum class Code {
        Generic,
        InvalidInput,   ///< a name, tag, value or file the user gave is not acceptable
        NotFound,       ///< a repo, ref, path or program does not exist
        Io,             ///< reading or writing a local file failed
        Git,            ///< libgit2 reported an error
        Yaml,           ///< a YAML document does not parse
        Template,       ///< a template is broken or a variable is missing
        Kustomize,      ///< `kustomize build` failed
        Conflict,       ///< someone else changed the same thing meanwhile; a revert does not apply
        Precondition,   ///< what the user reviewed is no longer what is in Git
        Rejected,       ///< the remote refused a push (not fast-forward, locked ref)
        Timeout,
        Cancelled,
        Network,
        Auth,
    };

    Code code = Code::Generic;
    QString message;
    QString detail;

    /// The message, and the detail on a line of its own when there is one.
    QString fullText() const
    {
        return detail.isEmpty() ? message : message + QLatin1Char('\n') + detail;
    }
};

/// Shorthand for building an error value in a `return`.
inline Error makeError(Error::Code code, QString message, QString detail = {})
{
    return Error{code, std::move(message), std::move(detail)};
}

} // namespace gd
