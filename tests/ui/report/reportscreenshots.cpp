// Opens the report window against a running demo server (its 90 days of history) and saves the
// overview, the recommendations, a drill-down, the quarterly review and the review's PDF with its pages as
// pictures. scripts/screenshots.sh runs it under Xvfb; the files go to docs/screenshots/.
#include "client/reportclient.h"
#include "client/serverconnection.h"
#include "i18n/translations.h"
#include "report/drilldowndialog.h"
#include "report/drilldownmodel.h"
#include "report/proposallistmodel.h"
#include "report/proposalspanel.h"
#include "report/quarterlyreport.h"
#include "report/quarterlyreviewpanel.h"
#include "report/reportwindow.h"
#include "report/simulationtablemodel.h"
#include "report/whatifpanel.h"
#include "style/thememanager.h"
#include "testresult.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTabWidget>
#include <QTableView>

#include <cstdio>
#include <functional>
#include <tuple>

using namespace Countersign;

namespace {

bool save(QWidget *w, const QString &dir, const QString &name)
{
    std::ignore = QTest::qWaitFor( // best effort: the shot is taken either way
        [] {
            return false;
        },
        300); // let the charts lay out
    const QString path = dir + u'/' + name;
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "saved" : "FAILED", qPrintable(path));
    std::fflush(stdout);
    return ok;
}

// The review's pages as the PDF has them (A4 less 15 mm margins), at 100 dpi, on white.
bool savePages(const QuarterData &data, const QString &dir)
{
    const QSize page(709, 1051);
    const int gap = 20;
    const int maxPages = 8;
    QImage sheet(page.width(), maxPages * (page.height() + gap), QImage::Format_RGB32);
    sheet.fill(Qt::white);
    QPainter painter(&sheet);
    painter.setRenderHint(QPainter::Antialiasing);
    int pages = 1;
    pages = QuarterlyReport(data, QuarterlyReport::printPalette()).paint(painter, QSizeF(page), [&painter, &page] {
        painter.translate(0, page.height() + gap); // the next page below the last
    });
    painter.end();
    bool ok = true;
    for (int i = 0; i < qMin(pages, maxPages); ++i) {
        QImage out(page + QSize(40, 40), QImage::Format_RGB32);
        out.fill(Qt::white);
        QPainter p(&out);
        p.drawImage(QPoint(20, 20), sheet.copy(0, i * (page.height() + gap), page.width(), page.height()));
        p.setPen(QColor(200, 200, 200));
        p.drawRect(out.rect().adjusted(0, 0, -1, -1));
        p.end();
        const QString path = dir + QStringLiteral("/quarterly-review-page%1.png").arg(i + 1);
        ok = out.save(path) && ok;
        std::printf("%s %s\n", ok ? "saved" : "FAILED", qPrintable(path));
    }
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc < 4) {
        std::fprintf(stderr, "usage: reportscreenshots URL DEMO-TOKENS.json OUT-DIR\n");
        return 2;
    }
    const QString url = QString::fromLocal8Bit(argv[1]);
    const QString dir = QString::fromLocal8Bit(argv[3]);
    QFile tokens(QString::fromLocal8Bit(argv[2]));
    if (!tokens.open(QIODevice::ReadOnly))
        return 1;
    const QString lead = QJsonDocument::fromJson(tokens.readAll())
                             .object()
                             .value(QLatin1String("tokens"))
                             .toObject()
                             .value(QLatin1String("lead"))
                             .toString();
    QApplication::setPalette(ThemeManager::lightPalette());
    Translations::install(app, QLocale(QStringLiteral("en"))); // the English plurals

    ServerConnection connection;
    connection.setServer(QUrl(url), lead);
    ReportWindow window(&connection);
    window.resize(1280, 860);
    window.show();
    bool refreshed = false;
    QObject::connect(&window, &ReportWindow::refreshed, &window, [&refreshed] {
        refreshed = true;
    });
    window.setRange(ReportWindow::Range::Last90Days);
    if (!QTest::qWaitFor(
            [&refreshed] {
                return refreshed;
            },
            30000))
        return 1;
    bool ok = save(&window, dir, QStringLiteral("report-window.png"));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("reportTabs"));
    // The recommendations of the default window, the last 30 days.
    refreshed = false;
    window.setRange(ReportWindow::Range::Last30Days);
    if (!QTest::qWaitFor(
            [&refreshed] {
                return refreshed;
            },
            30000))
        return 1;
    tabs->setCurrentWidget(window.findChild<QWidget *>(QStringLiteral("recommendationsPanel")));
    ok = save(&window, dir, QStringLiteral("report-recommendations.png")) && ok;
    tabs->setCurrentWidget(window.findChild<QWidget *>(QStringLiteral("bottleneckView")));
    ok = save(&window, dir, QStringLiteral("report-bottlenecks.png")) && ok;
    // Reviewers: the four demo reviewers' load, speed and how their approvals held up.
    tabs->setCurrentWidget(window.findChild<QWidget *>(QStringLiteral("reviewersPanel")));
    const auto *reviewerRows = window.findChild<QAbstractItemModel *>(QStringLiteral("reviewerTableModel"));
    if (!reviewerRows
        || !QTest::qWaitFor(
            [reviewerRows] {
                return reviewerRows->rowCount() >= 4;
            },
            30000))
        return 1;
    ok = save(&window, dir, QStringLiteral("report-reviewers.png")) && ok;

    // The drill-down of the code category's rejections (the type that deteriorates).
    tabs->setCurrentWidget(window.tableView());
    DrillDownDialog *drill
        = window.openDrillDown(ReportGrouping::Category, QStringLiteral("code"), DrillDownMeasure::Rejected);
    if (!drill
        || !QTest::qWaitFor(
            [drill] {
                return drill->model()->rowCount() > 0 && !drill->model()->isLoading();
            },
            30000))
        return 1;
    ok = save(drill, dir, QStringLiteral("report-drilldown.png")) && ok;
    drill->close();

    // The Proposals tab: the first promote recommendation drafted as a proposal, replayed.
    for (const Recommendation &r : window.snapshot()->recommendations.items) {
        if (r.kind != RecommendationKind::Promote || r.proposedChanges.isEmpty())
            continue;
        const auto drafted
            = Test::await(ReportClient(&connection)
                              .proposePolicyChange(r.proposedChanges, r.id,
                                  QStringLiteral("Reviewers approved nearly all of these unchanged this quarter.")),
                30000);
        if (!drafted || !*drafted)
            return 1;
        ProposalsPanel *proposals = window.proposalsPanel();
        tabs->setCurrentWidget(proposals);
        bool listed = false;
        QObject::connect(proposals, &ProposalsPanel::loaded, &window, [&listed] {
            listed = true;
        });
        proposals->refresh();
        if (!QTest::qWaitFor(
                [&listed] {
                    return listed;
                },
                30000))
            return 1;
        proposals->select((*drafted)->id);
        if (!QTest::qWaitFor(
                [proposals] {
                    return !proposals->whatIf()->isRunning() && proposals->whatIf()->model()->rowCount() > 0;
                },
                60000))
            return 1;
        ok = save(&window, dir, QStringLiteral("report-proposals.png")) && ok;
        break;
    }

    QuarterlyReviewPanel *panel = window.quarterlyPanel();
    tabs->setCurrentWidget(panel);
    const auto [year, quarter] = QuarterlyReviewPanel::quarterOf(QDate::currentDate());
    panel->setQuarter(year, quarter);
    bool generated = false;
    QObject::connect(panel, &QuarterlyReviewPanel::generated, &window, [&generated] {
        generated = true;
    });
    panel->generate();
    if (!QTest::qWaitFor(
            [&generated] {
                return generated;
            },
            30000))
        return 1;
    ok = save(&window, dir, QStringLiteral("quarterly-review.png")) && ok;
    ok = panel->exportPdf(dir + QStringLiteral("/quarterly-review.pdf")) && ok;
    ok = savePages(*panel->data(), dir) && ok;
    return ok ? 0 : 1;
}
