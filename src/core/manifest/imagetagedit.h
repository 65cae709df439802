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

/// True when `digest` is `sha256:` + 64 lower-case hex digits (or `sha512:` + 128).
bool isValidImageDigest(const QString &digest);

/// True when `name` can be an `images:` name or newName: letters, digits and . _ - / : @, starting and ending with a
/// letter or digit, at most 255 characters. Registry ports (`host:5000/app`) and names carrying a tag
/// (`bot:latest`, which real files use as the match key) are accepted.
bool isValidImageName(const QString &name);

/// An image reference split into its parts; a ':' before the last '/' is a registry port, not a tag.
struct ImageReference {
    QString repository;   ///< e.g. "host:5000/team/app"
    QString tag;          ///< empty when the reference has none
    QString digest;       ///< e.g. "sha256:…", empty when none
};

/// Splits `reference` ("host:5000/app:v1@sha256:…") into repository, tag and digest. Pure; no validation.
ImageReference parseImageReference(const QString &reference);

/// The text-preserving image edit (DESIGN.md §2.4): only the bytes of the changed values change; comments, order,
/// quoting, indentation and line ends stay. A missing entry is added in the file's own style, and a missing
/// `images:` key is appended. A tag YAML would read as a number, bool or null is written quoted.
/// Every entry whose `name:` equals `edit.name` exactly is edited (kustomize applies the last of duplicates).
/// The result is re-parsed and checked (the entry has the new values, every other entry is unchanged).
/// Error (InvalidInput) for an invalid name/tag/digest, an edit that sets nothing, or an `images` field that is
/// not a list; (Yaml) when `text` does not parse or holds no mapping; (Generic) when the check after editing
/// fails. On any error the caller keeps its text unchanged. Pure; any thread.
Result<QByteArray> applyImageEdit(const QByteArray &text, const ImageEdit &edit);

} // namespace gd::manifest
