#include "quarterlyreviewpanel.h"

#include "quarterlyreport.h"
#include "reportloader.h"
#include "settings/exportlocation.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace Countersign {

QuarterlyReviewPanel::QuarterlyReviewPanel(ServerConnection *connection, QWidget *parent)
    : QWidget(parent)
    , m_loader(new ReportLoader(connection, this))
    , m_year(new QSpinBox(this))
    , m_quarter(new QComboBox(this))
    , m_generate(new QPushButton(tr("&Generate"), this))
    , m_pdf(new QPushButton(tr("Export &PDF…"), this))
    , m_csv(new QPushButton(tr("Export C&SV…"), this))
    , m_state(new QLabel(this))
    , m_preview(new QTextBrowser(this))
{
    m_year->setObjectName(QStringLiteral("quarterYear"));
    m_year->setRange(2000, 2999);
    m_quarter->setObjectName(QStringLiteral("quarterNumber"));
    for (int q = 1; q <= 4; ++q)
        m_quarter->addItem(tr("Q%1").arg(q), q);
    m_generate->setObjectName(QStringLiteral("generateQuarterly"));
    m_pdf->setObjectName(QStringLiteral("exportQuarterlyPdf"));
    m_csv->setObjectName(QStringLiteral("exportQuarterlyCsv"));
    m_preview->setObjectName(QStringLiteral("quarterlyPreview"));
    m_pdf->setEnabled(false);
    m_csv->setEnabled(false);
    const auto [year, quarter] = quarterOf(QDate::currentDate());
    setQuarter(year, quarter);

    auto *controls = new QHBoxLayout;
    auto *quarterLabel = new QLabel(tr("&Quarter:"), this);
    quarterLabel->setBuddy(m_quarter);
    controls->addWidget(quarterLabel);
    controls->addWidget(m_quarter);
    controls->addWidget(m_year);
    controls->addWidget(m_generate);
    controls->addWidget(m_state, 1);
    controls->addWidget(m_pdf);
    controls->addWidget(m_csv);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_preview, 1);
    m_preview->setPlaceholderText(
        tr("Choose a quarter and press Generate: the review answers which action types to move to "
           "auto-approve, which to tighten, which new types appeared, how queue times and SLA breaches "
           "evolved, and how the reviewers' load was spread."));

    connect(m_generate, &QPushButton::clicked, this, &QuarterlyReviewPanel::generate);
    connect(m_pdf, &QPushButton::clicked, this, [this] {
        exportInteractively(true);
    });
    connect(m_csv, &QPushButton::clicked, this, [this] {
        exportInteractively(false);
    });
    connect(m_loader, &ReportLoader::quarterLoaded, this, &QuarterlyReviewPanel::display);
    connect(m_loader, &ReportLoader::busyChanged, this, [this](bool busy) {
        m_generate->setEnabled(!busy);
        if (busy)
            m_state->setText(tr("Collecting the quarter's figures…"));
    });
    connect(m_loader, &ReportLoader::failed, this, [this](const Error &error) {
        m_state->setText(tr("The review could not be generated: %1").arg(error.message));
    });
}

std::pair<int, int> QuarterlyReviewPanel::quarterOf(QDate day)
{
    return {day.year(), (day.month() - 1) / 3 + 1};
}

void QuarterlyReviewPanel::setQuarter(int year, int quarter)
{
    m_year->setValue(year);
    m_quarter->setCurrentIndex(m_quarter->findData(quarter));
}

void QuarterlyReviewPanel::generate()
{
    m_loader->loadQuarter(m_year->value(), m_quarter->currentData().toInt());
}

void QuarterlyReviewPanel::display(const QuarterData &quarter)
{
    m_data = quarter;
    const QuarterlyReport report(quarter, palette());
    // The preview follows the theme. A document parented to the browser is deleted by it when
    // the next one is set, so nothing else may delete the previous one.
    QTextDocument *doc = report.document();
    doc->setParent(m_preview);
    m_preview->setDocument(doc);
    m_state->setText(report.title());
    m_pdf->setEnabled(true);
    m_csv->setEnabled(true);
    Q_EMIT generated();
}

bool QuarterlyReviewPanel::exportPdf(const QString &path)
{
    if (!m_data)
        return false;
    const auto written = QuarterlyReport(*m_data, QuarterlyReport::printPalette()).exportPdf(path);
    if (!written) {
        QMessageBox::warning(this, tr("Export Failed"), written.error().message);
        return false;
    }
    Q_EMIT statusMessage(tr("Saved %1").arg(path));
    return true;
}

bool QuarterlyReviewPanel::exportCsv(const QString &path)
{
    if (!m_data)
        return false;
    const auto written = QuarterlyReport(*m_data, QuarterlyReport::printPalette()).exportCsv(path);
    if (!written) {
        QMessageBox::warning(this, tr("Export Failed"), written.error().message);
        return false;
    }
    Q_EMIT statusMessage(tr("Saved %1").arg(path));
    return true;
}

void QuarterlyReviewPanel::exportInteractively(bool pdf)
{
    if (!m_data)
        return;
    const QString base
        = ExportLocation::suggestedPath(QStringLiteral("countersign-%1-q%2.").arg(m_data->year).arg(m_data->quarter));
    const QString path = pdf ? QFileDialog::getSaveFileName(
                                   this, tr("Export Quarterly Review"), base + QStringLiteral("pdf"), tr("PDF (*.pdf)"))
                             : QFileDialog::getSaveFileName(this, tr("Export Quarterly Review"),
                                   base + QStringLiteral("csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    ExportLocation::remember(path);
    pdf ? exportPdf(path) : exportCsv(path);
}

} // namespace Countersign
