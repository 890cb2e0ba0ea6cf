#include "logging.h"

Q_LOGGING_CATEGORY(lcServer, "countersign.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMail, "countersign.server.mail", QtInfoMsg)
