// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>

namespace gd::git {

/// The files an operation writes, by repository path ("appsmanifests/orders/uat/manifests/ga/kustomization.yaml").
/// A value is the new content; std::nullopt removes the file. Paths use '/', never start with '/', never hold "..".
struct FileChanges {
    QMap<QString, std::optional<QByteArray>> files;

    void write(const QString &path, QByteArray content) { files.insert(path, std::move(content)); }
    void remove(const QString &path) { files.insert(path, std::nullopt); }
    bool isEmpty() const { return files.isEmpty(); }
};

} // namespace gd::git
