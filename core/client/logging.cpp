#include "logging.h"

Q_LOGGING_CATEGORY(lcClient, "countersign.client", QtInfoMsg)
