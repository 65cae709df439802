// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/filechanges.h"

#include <QString>

namespace gd::test {

/// The files of one service environment in the deployment-repo layout (DESIGN.md §1), small but buildable by
/// kustomize: base Deployment + Service, a GA overlay, and a canary overlay when `canaryTag` is not empty.
/// `image` is the registry repository the overlays point at.
struct ServiceEnvFiles {
    QString service;
    QString env;
    QString image;
    QString gaTag;
    QString canaryTag;

    /// Writes the files into `changes` (paths below appsmanifests/{service}/{env}/).
    void addTo(git::FileChanges &changes) const;
    /// The GA overlay's kustomization.yaml text.
    QByteArray gaKustomization() const;
};

} // namespace gd::test
