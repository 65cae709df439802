// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/overlaycheck.h"

#include <QTreeWidget>

#include <vector>

namespace gd::ui {

/// The Problems panel: one row per finding (severity icon, file, line:column, the message's first line with the
/// whole message as tooltip), errors first. Activating a row asks to jump there. GUI thread.
class ProblemList : public QTreeWidget {
    Q_OBJECT
public:
    explicit ProblemList(QWidget *parent = nullptr);

    /// Shows `problems` in their order.
    void setProblems(const std::vector<ws::Finding> &problems);

Q_SIGNALS:
    /// The user activated the finding in `file` at 1-based `line`/`column` (line 0: the file as a whole).
    void problemActivated(const QString &file, int line, int column);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
};

} // namespace gd::ui
