#pragma once

#include "client/reportclient.h"
#include "reportsnapshot.h"

#include <QObject>

namespace Countersign {

// Fetches the reports a window needs in parallel and hands them over in one piece. A newer
// request supersedes an older one still in flight, so a slow answer never overwrites a fresh one.
class ReportLoader : public QObject
{
    Q_OBJECT

public:
    explicit ReportLoader(ServerConnection *connection, QObject *parent = nullptr);

    void load(QDate from, QDate to, ReportGrouping tableGrouping);
    void loadQuarter(int year, int quarter);
    bool isLoading() const { return m_pending > 0; }

Q_SIGNALS:
    void loaded(const Countersign::ReportSnapshot &snapshot);
    void quarterLoaded(const Countersign::QuarterData &data);
    void failed(const Countersign::Error &error);
    void busyChanged(bool busy);

private:
    // Starts one request of the current generation; `store` keeps its value, the last one to
    // arrive calls `done`.
    template<typename T, typename Store>
    void fetch(QFuture<Result<T>> future, Store store);
    void begin(int requests, std::function<void()> done);
    void finishOne();
    void simulatePromotions(QDate from, QDate to);

    ReportClient m_client;
    ReportSnapshot m_snapshot;
    QuarterData m_quarter;
    std::function<void()> m_done;
    quint64 m_generation = 0;
    int m_pending = 0;
    bool m_failed = false;
};

} // namespace Countersign
