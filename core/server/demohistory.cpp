#include "demohistory.h"

#include "demoactions.h"
#include "lifecycle/statemachine.h"
#include "logging.h"
#include "policy/policy.h"
#include "store/store.h"
#include "submitrequest.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QUuid>
#include <QtEndian>

#include <algorithm>

namespace Countersign {

namespace {

const QString DemoRole = QStringLiteral("demo");

// How many actions of a type arrive on a weekday and on a weekend day; `newForDays` > 0: the
// type only appears in the last that many days (a new kind of work the policy does not know).
struct TypeMix {
    QString type;
    int weekday = 0;
    int weekend = 0;
    int newForDays = 0;
    QString categoryHint;
};

const QList<TypeMix> &mix()
{
    static const QList<TypeMix> list{{QStringLiteral("email.send_external"), 11, 5, 0, QString()},
        {QStringLiteral("code.merge_patch"), 5, 1, 0, QString()}, {QStringLiteral("db.query"), 20, 8, 0, QString()},
        {QStringLiteral("email.send_internal"), 6, 2, 0, QString()},
        {QStringLiteral("refund.issue"), 6, 2, 0, QString()}, {QStringLiteral("invoice.void"), 2, 0, 0, QString()},
        {QStringLiteral("chat.post_status"), 3, 2, 0, QString()}, {QStringLiteral("db.migrate"), 1, 0, 0, QString()},
        {QStringLiteral("shell.run"), 2, 1, 0, QString()},
        {QStringLiteral("calendar.invite"), 3, 1, 14, QStringLiteral("communications")},
        {QStringLiteral("crm.update_contact"), 2, 0, 10, QStringLiteral("sales")}};
    return list;
}

// Reviewers differ in speed (seconds from claim to decision) and care (chen rewrites more,
// bruno rejects more); bruno is away in the bottleneck week, dana joins a month before the end.
struct Reviewer {
    QString name;
    int weight = 1;
    int decideLow = 30;
    int decideHigh = 90;
    double modifyFactor = 1.0;
    double rejectFactor = 1.0;
    int joinsDaysBeforeEnd = 0; // 0: there from the start
};

const QList<Reviewer> &reviewers()
{
    static const QList<Reviewer> list{{QStringLiteral("alice"), 4, 25, 90, 1.0, 1.0, 0},
        {QStringLiteral("bruno"), 3, 240, 720, 0.8, 1.3, 0}, {QStringLiteral("chen"), 3, 90, 240, 1.5, 0.9, 0},
        {QStringLiteral("dana"), 2, 60, 180, 1.0, 1.0, 35}};
    return list;
}

// The week (days before the end) when bruno is away and the queue backs up.
constexpr int BottleneckFirst = 21;
constexpr int BottleneckLast = 15;

// Rejection and modification probabilities of a type at progress t (0: first day, 1: last).
std::pair<double, double> outcomeOdds(const QString &type, double t)
{
    if (type == QLatin1String("email.send_external")) // earns promotion
        return t < 0.25 ? std::pair{0.03, 0.07} : t < 0.35 ? std::pair{0.0, 0.03} : std::pair{0.0, 0.006};
    if (type == QLatin1String("code.merge_patch")) // deteriorates
        return {0.04 + 0.40 * t * t, 0.08 + 0.17 * t};
    if (type == QLatin1String("refund.issue"))
        return {0.05, 0.10};
    if (type == QLatin1String("invoice.void"))
        return {0.08, 0.02};
    if (type == QLatin1String("chat.post_status"))
        return {0.02, 0.15};
    if (type == QLatin1String("db.migrate"))
        return {0.15, 0.20};
    if (type == QLatin1String("db.query"))
        return {0.25, 0.10};
    return {0.06, 0.08};
}

const QStringList &rejectReasons()
{
    static const QStringList list{QStringLiteral("Not what the ticket asks for."),
        QStringLiteral("Breaks the build on the main branch."), QStringLiteral("Touches files outside the task."),
        QStringLiteral("Wrong customer account."), QStringLiteral("Needs a second look by the owner.")};
    return list;
}

QDateTime startOfDay(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::UTC);
}

// A UUID v7 from the creation time and the seeded generator, so ids sort by time like the
// server's own and repeat with the seed.
QString actionId(const QDateTime &createdAt, QRandomGenerator &random)
{
    const quint64 millis = quint64(createdAt.toMSecsSinceEpoch()) & 0xFFFF'FFFF'FFFFull;
    const quint32 a = random.generate();
    const quint32 b = random.generate();
    const quint32 c = random.generate();
    const quint16 versionAndRandom = quint16(0x7000 | (a & 0x0FFF));
    const quint16 variantAndRandom = quint16(0x8000 | ((a >> 16) & 0x3FFF));
    const QUuid uuid(quint32(millis >> 16), quint16(millis & 0xFFFF), versionAndRandom, uchar(variantAndRandom >> 8),
        uchar(variantAndRandom & 0xFF), uchar(b >> 24), uchar(b >> 16), uchar(b >> 8), uchar(b), uchar(c >> 8),
        uchar(c));
    return uuid.toString(QUuid::WithoutBraces);
}

class Planner
{
public:
    Planner(const Policy &policy, quint32 seed)
        : m_policy(policy)
        , m_random(seed)
    { }

    void addDay(const QDate &day, int daysBeforeEnd, double t)
    {
        const bool weekend = day.dayOfWeek() >= 6;
        QList<std::pair<QDateTime, const TypeMix *>> arrivals;
        for (const TypeMix &m : mix()) {
            if (m.newForDays > 0 && daysBeforeEnd > m.newForDays)
                continue;
            const int base = weekend ? m.weekend : m.weekday;
            // +-25 % day to day, so the trend is not a flat line.
            const int n = qMax(0, base + int(m_random.bounded(base / 2 + 1)) - base / 4);
            for (int i = 0; i < n; ++i) {
                const QDateTime at = startOfDay(day).addSecs(7 * 3600 + m_random.bounded(11 * 3600));
                arrivals.append({at, &m});
            }
        }
        std::stable_sort(arrivals.begin(), arrivals.end(), [](const auto &a, const auto &b) {
            return a.first < b.first;
        });
        for (const auto &[at, m] : std::as_const(arrivals))
            addAction(*m, at, daysBeforeEnd, t);
    }

    DemoHistory::Plan take() { return std::move(m_plan); }

private:
    void addAction(const TypeMix &m, const QDateTime &createdAt, int daysBeforeEnd, double t)
    {
        DemoActions::Proposal proposal = DemoActions::make(m.type, m_random, ++m_serial);
        if (!m.categoryHint.isEmpty())
            proposal.body.insert(QStringLiteral("category"), m.categoryHint);
        auto request = SubmitRequest::fromJson(proposal.body);
        if (!request) {
            qCWarning(lcServer) << "demo history proposal refused:" << request.error().toString();
            return;
        }
        auto admitted = request->admit(proposal.agent, m_policy.evaluate(request->facts()), createdAt);
        if (!admitted)
            return;
        Action action = *admitted;
        action.id = actionId(createdAt, m_random);
        append(action, 0, QStringLiteral("action.created"), proposal.agent, std::nullopt);
        ++m_plan.actions;
        if (action.state != ActionState::Pending)
            return;
        review(action, daysBeforeEnd, t);
    }

    void review(Action action, int daysBeforeEnd, double t)
    {
        const bool bottleneck = daysBeforeEnd <= BottleneckFirst && daysBeforeEnd >= BottleneckLast;
        const Reviewer &reviewer = pickReviewer(daysBeforeEnd, bottleneck);
        const int decideSeconds
            = reviewer.decideLow + int(m_random.bounded(reviewer.decideHigh - reviewer.decideLow + 1));
        qint64 wait = bottleneck ? 1800 + m_random.bounded(4 * 3600) : 60 + m_random.bounded(25 * 60);
        if (action.category == QLatin1String("code"))
            wait *= 3; // patches wait for a quiet moment; their SLA is a day
        // Decided before it would expire: the demo's history has no expiries.
        if (action.expiresAt.isValid())
            wait = qMin<qint64>(wait, createdAtTo(action, action.expiresAt) - decideSeconds - 60);
        const QDateTime claimAt = action.createdAt.addSecs(qMax<qint64>(5, wait));
        if (action.slaDueAt.isValid() && claimAt > action.slaDueAt) {
            if (auto escalated = StateMachine::escalate(action, action.slaDueAt)) {
                append(*escalated, action.version, QStringLiteral("action.escalated"), QStringLiteral("scheduler"),
                    action);
                action = *escalated;
            }
        }
        auto claimed = StateMachine::claim(action, reviewer.name, std::chrono::seconds(300), claimAt);
        if (!claimed)
            return;
        append(*claimed, action.version, QStringLiteral("action.claimed"), reviewer.name, action);
        action = *claimed;

        const auto [rejectOdds, modifyOdds] = outcomeOdds(action.type, t);
        const double roll = m_random.generateDouble();
        Decision decision;
        decision.reviewer = reviewer.name;
        decision.decidedAt = claimAt.addSecs(decideSeconds);
        if (roll < rejectOdds * reviewer.rejectFactor) {
            decision.outcome = Outcome::Reject;
            decision.reason = rejectReasons().at(m_random.bounded(int(rejectReasons().size())));
        } else if (roll < rejectOdds * reviewer.rejectFactor + modifyOdds * reviewer.modifyFactor) {
            decision.outcome = Outcome::Modify;
            Payload edited = action.payload;
            edited.content += QStringLiteral("\n(edited by %1)\n").arg(reviewer.name);
            decision.payload = edited;
        }
        auto decided = StateMachine::decide(action, decision, decision.decidedAt);
        if (!decided)
            return;
        append(*decided, action.version, QStringLiteral("action.decided"), reviewer.name, action);
    }

    static qint64 createdAtTo(const Action &a, const QDateTime &t) { return a.createdAt.secsTo(t); }

    const Reviewer &pickReviewer(int daysBeforeEnd, bool bottleneck)
    {
        int total = 0;
        QList<const Reviewer *> present;
        for (const Reviewer &r : reviewers()) {
            if (r.joinsDaysBeforeEnd > 0 && daysBeforeEnd > r.joinsDaysBeforeEnd)
                continue;
            if (bottleneck && r.name == QLatin1String("bruno"))
                continue;
            present.append(&r);
            total += r.weight;
        }
        int pick = m_random.bounded(total);
        for (const Reviewer *r : std::as_const(present)) {
            if (pick < r->weight)
                return *r;
            pick -= r->weight;
        }
        return *present.constLast();
    }

    void append(const Action &after, qint64 expectedVersion, const QString &event, const QString &actor,
        std::optional<Action> before)
    {
        ActionChange change;
        change.after = after;
        change.expectedVersion = expectedVersion;
        change.event = event;
        change.actor = actor;
        change.role = DemoRole;
        change.before = std::move(before);
        m_plan.changes.append(std::move(change));
    }

    const Policy &m_policy;
    QRandomGenerator m_random;
    DemoHistory::Plan m_plan;
    int m_serial = 100000;
};

// How often a spot check finds a reviewer's approval wrong, per demo reviewer.
double reviewerProblemOdds(const QString &reviewer)
{
    if (reviewer == QLatin1String("chen"))
        return 0.3;
    if (reviewer == QLatin1String("bruno"))
        return 0.02;
    if (reviewer == QLatin1String("dana"))
        return 0.1;
    return 0.05;
}

// A generator seeded by the action id and the seed, so a verdict does not depend on the order
// the checks are read in.
QRandomGenerator generatorFor(const QString &id, quint32 seed)
{
    const QByteArray digest
        = QCryptographicHash::hash(QByteArray(id.toUtf8() + QByteArray::number(seed)), QCryptographicHash::Sha256);
    return QRandomGenerator(qFromBigEndian<quint32>(digest.constData()));
}

} // namespace

DemoHistory::Plan DemoHistory::plan(const Policy &policy, const QDateTime &now, quint32 seed, int days)
{
    const QDate today = now.toTimeZone(QTimeZone::UTC).date();
    Planner planner(policy, seed);
    for (int before = days; before >= 1; --before) {
        const double t = double(days - before) / double(days);
        planner.addDay(today.addDays(-before), before, t);
    }
    return planner.take();
}

std::optional<SpotCheck> DemoHistory::verdictFor(const SpotCheck &open, const QDateTime &now, quint32 seed)
{
    QRandomGenerator random = generatorFor(open.actionId, seed);
    SpotCheck checked = open;
    checked.checkedAt = open.sampledAt.addSecs(3600 * (20 + random.bounded(60)));
    // The last week's samples wait for the lead: something to do on the first run.
    if (open.sampledAt >= now.addDays(-7))
        return std::nullopt;
    const qint64 ageDays = open.sampledAt.daysTo(now);
    if (open.source == SpotCheckSource::Review) {
        // A reviewer's approval: chen's rewrites and quick yeses are found wrong most often,
        // bruno's hardly ever. The check goes to someone else than the approver.
        const double problemOdds = reviewerProblemOdds(open.approvedBy);
        const bool problem = random.generateDouble() < problemOdds;
        checked.verdict = problem ? SpotCheckVerdict::Problem : SpotCheckVerdict::Ok;
        checked.checkedBy
            = open.approvedBy == QLatin1String("alice") ? QStringLiteral("bruno") : QStringLiteral("alice");
        if (problem) {
            static const QStringList notes{QStringLiteral("Approved with the wrong recipient still in."),
                QStringLiteral("The edit left the customer's old address."),
                QStringLiteral("Should have been rejected: outside the ticket.")};
            checked.note = notes.at(random.bounded(int(notes.size())));
        }
        return checked;
    }
    // Queries started to go wrong some six weeks ago: unbounded scans, wrong tables.
    const double problemOdds = open.type == QLatin1String("db.query") ? (ageDays <= 45 ? 0.7 : 0.05) : 0.02;
    const bool problem = random.generateDouble() < problemOdds;
    checked.verdict = problem ? SpotCheckVerdict::Problem : SpotCheckVerdict::Ok;
    checked.checkedBy = random.bounded(2) == 0 ? QStringLiteral("alice") : QStringLiteral("chen");
    if (problem) {
        static const QStringList notes{QStringLiteral("Full table scan on prod-main during peak hours."),
            QStringLiteral("Read the wrong tenant's rows."), QStringLiteral("Result was mailed outside the team.")};
        checked.note = notes.at(random.bounded(int(notes.size())));
    }
    return checked;
}

Result<int> DemoHistory::seedOnce(Store &store, const Policy &policy, const QDateTime &now, quint32 seed, int days)
{
    auto last = store.lastEventSeq();
    if (!last)
        return fail(last.error());
    if (*last > 0)
        return 0;
    QElapsedTimer timer;
    timer.start();
    const Plan p = plan(policy, now, seed, days);
    const QList<Result<CommitResult>> results = store.commit(p.changes);
    for (const auto &r : results) {
        if (!r)
            return fail(r.error());
    }
    auto open = store.spotChecks(true, QDateTime(), QDateTime(), 100000);
    if (!open)
        return fail(open.error());
    int checked = 0;
    for (const SpotCheck &check : std::as_const(*open)) {
        const auto verdict = verdictFor(check, now, seed);
        if (!verdict)
            continue;
        AuditEntry audit;
        audit.time = verdict->checkedAt;
        audit.actor = verdict->checkedBy;
        audit.role = DemoRole;
        audit.kind = QStringLiteral("spotcheck.checked");
        audit.subject = verdict->actionId;
        audit.after = QJsonObject{{QStringLiteral("verdict"), spotCheckVerdictName(*verdict->verdict)},
            {QStringLiteral("note"), verdict->note}};
        if (auto recorded = store.recordSpotCheck(*verdict, audit); !recorded)
            return fail(recorded.error());
        ++checked;
    }
    const QDate today = now.toTimeZone(QTimeZone::UTC).date();
    AuditEntry mark;
    mark.time = now;
    mark.actor = QStringLiteral("demo-history");
    mark.role = QStringLiteral("system");
    mark.kind = QStringLiteral("demo.history_seeded");
    mark.subject = QStringLiteral("seed %1").arg(seed);
    mark.after = QJsonObject{{QStringLiteral("demo_data"), true}, {QStringLiteral("actions"), p.actions},
        {QStringLiteral("changes"), int(p.changes.size())}, {QStringLiteral("spot_checks_checked"), checked},
        {QStringLiteral("from"), today.addDays(-days).toString(Qt::ISODate)},
        {QStringLiteral("to"), today.toString(Qt::ISODate)}};
    if (auto appended = store.appendAudit(mark); !appended)
        return fail(appended.error());
    qCInfo(lcServer) << "demo history:" << p.actions << "actions," << p.changes.size() << "changes," << checked
                     << "spot checks in" << timer.elapsed() << "ms";
    return p.actions;
}

} // namespace Countersign
