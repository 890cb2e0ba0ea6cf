#include "difflogging.h"

Q_LOGGING_CATEGORY(lcDiffView, "countersign.ui.diff", QtInfoMsg)
