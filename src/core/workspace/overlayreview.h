// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/objectid.h"
#include "manifest/rendereddiff.h"
#include "workspace/overlaycheck.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace gd::ws {

/// One file of a service environment that the working copy changes, in its three versions.
struct ReviewedFile {
    QString path;                      ///< repository path ("appsmanifests/orders/uat/manifests/ga/kustomization.yaml")
    std::optional<QByteArray> base;    ///< at the commit the working copy started from; nullopt: the file is new
    std::optional<QByteArray> theirs;  ///< at the remote tip now; nullopt: absent there
    std::optional<QByteArray> mine;    ///< in the working copy; nullopt: deleted there

    /// True when the remote changed this file since the working copy started from `base` and the working copy says
    /// something else: committing would overwrite someone's change, so the review refuses.
    bool conflicts() const { return theirs != base && theirs != mine; }
    /// The unified diff base → mine a reviewer reads ("a/<path>", "b/<path>").
    QString diff() const;
};

/// Everything a reviewer sees before a working-copy change of one service environment is committed.
struct OverlayReview {
    QString project;
    QString service;
    QString env;
    git::ObjectId base;        ///< the commit the working copy started from
    git::ObjectId remoteTip;   ///< the branch tip fetched for this review (the commit will go on top of it)
    QString newRepository;     ///< the repository Commit creates before it pushes (a new project); empty: it exists

    std::vector<ReviewedFile> files;                       ///< sorted by path; empty: nothing to commit
    std::vector<manifest::ResourceChange> renderedChanges; ///< remote tip's build → working copy's build
    QString renderProblem;      ///< why the rendered diff is missing (the tip does not build, …); empty when shown
    ValidationReport validation;   ///< of the working copy's service environment folder

    /// The files whose remote version conflicts with the working copy.
    std::vector<const ReviewedFile *> conflicts() const;
    /// Why this change cannot be committed as it is, as a sentence for the disabled Commit button; empty when it can.
    QString blockingReason() const;
};

} // namespace gd::ws
