#pragma once

#include "domain/error.h"

#include <QObject>

namespace Countersign {

class ReportLoader;
class ServerConnection;
struct QuarterData;

// `countersign --quarterly-review 2026Q4 --output review.pdf`: fetches one quarter's review from
// the server and writes it as PDF or CSV without showing a window, for a scheduled job.
class QuarterlyExport : public QObject
{
    Q_OBJECT

public:
    enum class Format { Pdf, Csv };

    QuarterlyExport(ServerConnection *connection, QObject *parent = nullptr);

    // "2026Q4" or "2026-Q4": the year and the quarter (1..4); errors name "quarterly-review".
    static Result<std::pair<int, int>> parseQuarter(const QString &text);
    // "pdf" or "csv"; empty: from the output file's suffix, PDF by default.
    static Result<Format> parseFormat(const QString &text, const QString &output);

    void start(int year, int quarter, Format format, const QString &output);

Q_SIGNALS:
    // `error` empty on success.
    void finished(const QString &error);

private:
    void done(const Result<void> &result);
    void write(const QuarterData &data);

    ReportLoader *m_loader;
    Format m_format = Format::Pdf;
    QString m_output;
};

} // namespace Countersign
