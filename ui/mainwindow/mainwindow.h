#pragma once

#include <QMainWindow>

namespace Countersign {

// The reviewer's main window: queue on the left, the current item's review pane on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace Countersign
