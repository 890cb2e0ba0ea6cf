#pragma once

#include "domain/action.h"
#include "domain/error.h"

#include <QJsonObject>
#include <QList>

namespace Countersign {

// One action of a drill-down list, as GET /v1/reports/actions sends it: what a lead scans in the
// list before opening the action itself (GET /v1/actions/{id}).
struct DrillDownItem {
    QString id;
    QString type;
    QString category;
    QString agent;
    QString title;
    QString state; // pending, approved, rejected, expired, withdrawn
    // What the report counted it as: pending, auto_approved, prohibited, approved, modified,
    // rejected, expired or withdrawn.
    QString outcome;
    QString reviewer; // the reviewer who decided it; empty for policy, expiry and withdrawal
    QDateTime createdAt;
    QDateTime decidedAt;
    double confidence = 0;

    static DrillDownItem fromAction(const Action &action);
    QJsonObject toJson() const;
    static Result<DrillDownItem> fromJson(const QJsonObject &object);
};

// One page of a drill-down: {"items": [...], "total": N, "next_cursor": "..." or null}.
struct DrillDownList {
    QList<DrillDownItem> items;
    qint64 total = 0;
    QString nextCursor;

    QJsonObject toJson() const;
    static Result<DrillDownList> fromJson(const QJsonObject &object);
};

} // namespace Countersign
