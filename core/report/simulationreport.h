#pragma once

#include "domain/error.h"
#include "domain/tier.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <array>

namespace Countersign {

// What a policy simulation found for one action type, or for all of them (the total).
struct SimulationGroup {
    static constexpr qsizetype MaxExamples = 20;

    QString type; // empty in the total
    QString category; // under the proposed policy; empty in the total
    qint64 actions = 0;
    // moves[current][proposed]: how many actions each pair of tiers holds (Tier as the index).
    std::array<std::array<qint64, 3>, 3> moves{};

    // Actions the proposal would approve automatically that the current policy did not, by what
    // became of them in fact. `undecided` are still pending, withdrawn or were never reviewed.
    struct ToAuto {
        qint64 approved = 0;
        qint64 modified = 0;
        qint64 rejected = 0;
        qint64 expired = 0;
        qint64 undecided = 0;
        QStringList approvedExamples;
        QStringList modifiedExamples;
        QStringList rejectedExamples;
        QStringList expiredExamples;
        qint64 count() const { return approved + modified + rejected + expired + undecided; }
        friend bool operator==(const ToAuto &, const ToAuto &) = default;
    } toAuto;

    qint64 toReview = 0;
    double reviewerSeconds = 0; // each action to review costs the median decide time of its category

    qint64 toProhibited = 0;
    qint64 prohibitedApproved = 0; // of those, approved in fact
    QStringList prohibitedApprovedExamples;

    qint64 problemsKeptAuto = 0; // auto-approved, spot-checked as a problem, and still auto
    QStringList problemExamples;

    qint64 currentIn(Tier tier) const;
    qint64 proposedIn(Tier tier) const;
    qint64 moved() const; // actions whose tier would change
    // The reviewer outcomes of actions moving to auto that a reviewer refused or edited.
    qint64 rejectedOrModified() const { return toAuto.rejected + toAuto.modified; }

    QJsonObject toJson() const;
    static Result<SimulationGroup> fromJson(const QJsonObject &object);

    friend bool operator==(const SimulationGroup &, const SimulationGroup &) = default;
};

// The answer of a policy simulation: the window's actions re-evaluated with the policy in force
// and with a proposed one, per type (sorted by type) and in total.
struct SimulationReport {
    QDateTime from;
    QDateTime to;
    int currentVersion = 0;
    int proposedVersion = 0;
    QString proposalId; // when a stored proposal was simulated
    QHash<QString, double> medianDecideSeconds; // per category, of the window's reviewer decisions
    QList<SimulationGroup> types;
    SimulationGroup total;

    QJsonObject toJson() const;
    static Result<SimulationReport> fromJson(const QJsonObject &object);

    friend bool operator==(const SimulationReport &, const SimulationReport &) = default;
};

} // namespace Countersign
