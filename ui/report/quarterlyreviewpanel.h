#pragma once

#include "reportsnapshot.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace Countersign {

class ReportLoader;
class ServerConnection;

// The quarterly review tab: pick a quarter, generate the review (fetched from the server in the
// background), read it here, export it as PDF with the charts, or as CSV.
class QuarterlyReviewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit QuarterlyReviewPanel(ServerConnection *connection, QWidget *parent = nullptr);

    void setQuarter(int year, int quarter);
    void generate();
    bool hasReport() const { return m_data.has_value(); }
    const std::optional<QuarterData> &data() const { return m_data; }
    // Exports without asking; the file dialogs call these. Errors are shown and returned.
    bool exportPdf(const QString &path);
    bool exportCsv(const QString &path);

    static std::pair<int, int> quarterOf(QDate day);

Q_SIGNALS:
    void generated();
    void statusMessage(const QString &text);

private:
    void display(const QuarterData &quarter);
    void exportInteractively(bool pdf);

    ReportLoader *m_loader;
    QSpinBox *m_year;
    QComboBox *m_quarter;
    QPushButton *m_generate;
    QPushButton *m_pdf;
    QPushButton *m_csv;
    QLabel *m_state;
    QTextBrowser *m_preview;
    std::optional<QuarterData> m_data;
};

} // namespace Countersign
