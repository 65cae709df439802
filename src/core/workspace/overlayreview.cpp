// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/overlayreview.h"

#include "manifest/textdiff.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::OverlayReview" context (lupdate reads the macro).
struct OverlayReviewText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::OverlayReview)
};

} // namespace

QString ReviewedFile::diff() const
{
    return manifest::unifiedDiff(base.value_or(QByteArray()), mine.value_or(QByteArray()),
                                 base ? u"a/"_s + path : u"/dev/null"_s, mine ? u"b/"_s + path : u"/dev/null"_s);
}

std::vector<const ReviewedFile *> OverlayReview::conflicts() const
{
    std::vector<const ReviewedFile *> result;
    for (const ReviewedFile &file : files) {
        if (file.conflicts())
            result.push_back(&file);
    }
    return result;
}

QString OverlayReview::blockingReason() const
{
    if (files.empty())
        return OverlayReviewText::tr("Nothing to commit: the working copy matches the branch.");
    if (const auto conflicting = conflicts(); !conflicting.empty()) {
        return OverlayReviewText::tr("Someone changed %1 on the remote since you started editing. Look at the three "
                                     "versions, then start again from the remote version.", nullptr,
                                     int(conflicting.size()))
            .arg(conflicting.size() == 1 ? conflicting.front()->path
                                         : OverlayReviewText::tr("%n file(s)", nullptr, int(conflicting.size())));
    }
    if (validation.hasErrors()) {
        return OverlayReviewText::tr("%n error(s) must be fixed first; see the validation summary.", nullptr,
                                     validation.errorCount());
    }
    return {};
}

} // namespace gd::ws
