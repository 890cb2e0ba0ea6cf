#pragma once

#include "actionstore.h"
#include "auditlog.h"
#include "eventlog.h"
#include "policystore.h"
#include "reportstore.h"
#include "storelifecycle.h"
#include "tokenregistry.h"
#include "webhookstore.h"

namespace Countersign {

// The persistence interface the server uses; SQLite (embedded default) and PostgreSQL
// implement it and pass the same test suite. It is the sum of its roles, one header each, so
// code that needs one role (the token check, a report reader) can take only that.
//
// A Store instance belongs to the thread that opened it (QtSql connections are per thread).
// Every write a caller acknowledges has been committed when the call returns.
class Store : public StoreLifecycle,
              public ActionStore,
              public EventLog,
              public AuditLog,
              public TokenRegistry,
              public PolicyStore,
              public ReportStore,
              public WebhookStore
{
public:
    ~Store() override = default;
};

} // namespace Countersign
