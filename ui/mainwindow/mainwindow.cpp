#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>

namespace Countersign {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Countersign"));
    auto *placeholder = new QLabel(tr("No server connected."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    statusBar()->showMessage(tr("Offline"));
    resize(1200, 800);
}

} // namespace Countersign
