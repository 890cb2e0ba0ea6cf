#include "settingslogging.h"

Q_LOGGING_CATEGORY(lcSettings, "countersign.ui.settings", QtInfoMsg)
