#include "review/reviewpane.h"
#include "review/tracelink.h"

#include <QDesktopServices>
#include <QTest>

using namespace Countersign;
using namespace Qt::StringLiterals;

// The review pane's "Open the agent's run": shown for an http(s) trace_url, opened with
// QDesktopServices (caught here by a URL handler), never for anything else, never as markup.
class TestTraceLink : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void open(const QUrl &url) { m_opened << url; }

private:
    QList<QUrl> m_opened;

    static Action action(const QString &trace)
    {
        Action a;
        a.id = u"a-1"_s;
        a.type = u"email.send_external"_s;
        a.title = u"<b>Reply</b> to Ada"_s;
        a.agent = u"bot"_s;
        a.state = ActionState::Pending;
        a.createdAt = QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::UTC);
        a.payload = Payload{u"Hi Ada\n"_s, u"email"_s};
        a.traceUrl = trace;
        return a;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QDesktopServices::setUrlHandler(u"https"_s, this, "open");
        QDesktopServices::setUrlHandler(u"http"_s, this, "open");
        QDesktopServices::setUrlHandler(u"javascript"_s, this, "open");
        QDesktopServices::setUrlHandler(u"file"_s, this, "open");
    }

    void cleanupTestCase()
    {
        for (const QString &scheme : {u"https"_s, u"http"_s, u"javascript"_s, u"file"_s})
            QDesktopServices::unsetUrlHandler(scheme);
    }

    void init() { m_opened.clear(); }

    void opensTheRun()
    {
        ReviewPane pane;
        pane.resize(900, 700);
        pane.show();
        const QString trace = u"https://runs.example.com/r/42?step=3&view=full#tool"_s;
        pane.showAction(action(trace), std::nullopt);
        auto *link = pane.findChild<TraceLink *>(u"reviewTraceLink"_s);
        QVERIFY(link);
        QVERIFY(link->isVisible());
        QCOMPARE(link->text(), TraceLink::tr("Open the agent's run"));
        QCOMPARE(link->toolTip(), trace); // where it leads, before following it
        QTest::mouseClick(link, Qt::LeftButton);
        QCOMPARE(m_opened.size(), 1);
        QCOMPARE(m_opened.first(), QUrl(trace, QUrl::StrictMode));

        // The next item without one hides it; nothing is opened.
        Action other = action(QString());
        other.id = u"a-2"_s;
        pane.showAction(other, std::nullopt);
        QVERIFY(!link->isVisible());
    }

    void neverOpensAnythingElse_data()
    {
        QTest::addColumn<QString>("trace");
        QTest::newRow("javascript") << u"javascript:alert(1)"_s;
        QTest::newRow("file") << u"file:///etc/passwd"_s;
        QTest::newRow("spaces") << u"https://runs.example.com/a b"_s;
        QTest::newRow("markup") << u"https://runs.example.com/?q=<b>x</b>"_s;
    }

    void neverOpensAnythingElse()
    {
        QFETCH(QString, trace);
        ReviewPane pane;
        pane.show();
        pane.showAction(action(trace), std::nullopt);
        auto *link = pane.findChild<TraceLink *>(u"reviewTraceLink"_s);
        QVERIFY(!link->isVisible());
        link->click(); // even if something clicked it
        QVERIFY(m_opened.isEmpty());
    }
};

QTEST_MAIN(TestTraceLink)
#include "tst_tracelink.moc"
