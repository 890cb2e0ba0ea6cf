#pragma once

#include <QString>

namespace Countersign {

// The spot checks of one reviewer's approvals (approved or modified) sampled in a window: the
// store counts them, the reviewers report turns them into agreement and found-wrong rates.
struct SpotCheckTally {
    QString reviewer; // who approved the sampled actions
    qint64 sampled = 0; // open or checked
    qint64 checked = 0; // given a verdict
    qint64 problems = 0; // of the checked, found to be a problem

    friend bool operator==(const SpotCheckTally &, const SpotCheckTally &) = default;
};

} // namespace Countersign
