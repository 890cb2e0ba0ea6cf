#include "quarterlyexport.h"

#include "quarterlyreport.h"
#include "reportloader.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace Countersign {

QuarterlyExport::QuarterlyExport(ServerConnection *connection, QObject *parent)
    : QObject(parent)
    , m_loader(new ReportLoader(connection, this))
{
    connect(m_loader, &ReportLoader::quarterLoaded, this, &QuarterlyExport::write);
    connect(m_loader, &ReportLoader::failed, this, [this](const Error &error) {
        done(fail(error));
    });
}

Result<std::pair<int, int>> QuarterlyExport::parseQuarter(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{4})-?[Qq]([1-4])$"));
    const auto match = form.match(text.trimmed());
    if (!match.hasMatch())
        return fail(Error::invalid(QStringLiteral("quarterly-review"),
            tr("must be a year and a quarter such as 2026Q4, not \"%1\"").arg(text)));
    return std::pair<int, int>(match.captured(1).toInt(), match.captured(2).toInt());
}

Result<QuarterlyExport::Format> QuarterlyExport::parseFormat(const QString &text, const QString &output)
{
    const QString format = text.isEmpty() ? QFileInfo(output).suffix().toLower() : text.toLower();
    if (format == QLatin1String("csv"))
        return Format::Csv;
    if (format == QLatin1String("pdf") || text.isEmpty())
        return Format::Pdf;
    return fail(Error::invalid(QStringLiteral("format"), tr("must be pdf or csv, not \"%1\"").arg(text)));
}

void QuarterlyExport::start(int year, int quarter, Format format, const QString &output)
{
    m_format = format;
    m_output = output;
    m_loader->loadQuarter(year, quarter);
}

void QuarterlyExport::write(const QuarterData &data)
{
    // Printed colours, whatever the desktop theme of the machine the job runs on.
    const QuarterlyReport report(data, QuarterlyReport::printPalette());
    done(m_format == Format::Pdf ? report.exportPdf(m_output) : report.exportCsv(m_output));
}

void QuarterlyExport::done(const Result<void> &result)
{
    Q_EMIT finished(result ? QString() : result.error().message);
}

} // namespace Countersign
