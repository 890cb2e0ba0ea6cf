#include "logging.h"

Q_LOGGING_CATEGORY(lcServer, "countersign.server", QtInfoMsg)
