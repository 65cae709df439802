// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace gd::manifest {

/// Which fields of one `images:` entry to set; unset optionals stay as they are.
struct ImageEdit {
    QString name;                      ///< the entry's `name:` (the image as the base manifests spell it)
    std::optional<QString> newTag;
    std::optional<QString> newName;
    std::optional<QString> digest;
};

/// True when `tag` is a valid OCI tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}).
bool isValidImageTag(const QString &tag);

/// The text-preserving image edit (DESIGN.md §2.4): only the bytes of the changed values change; comments, order,
/// quoting, indentation and line ends stay. A missing entry is added in the file's own style, and a missing
/// `images:` key is appended. A tag YAML would read as a number, bool or null is written quoted.
/// Error (InvalidInput) for an invalid tag, (Yaml) when `text` does not parse. Pure; any thread.
Result<QByteArray> applyImageEdit(const QByteArray &text, const ImageEdit &edit);

} // namespace gd::manifest
