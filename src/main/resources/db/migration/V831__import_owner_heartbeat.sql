-- Which instance runs an import, and when it last said it still does: an import left RUNNING by an instance that
-- stopped (its heartbeat stale) is marked FAILED with the reason, by whichever instance sees it first.
alter table account_import add column owner varchar(200);
alter table account_import add column heartbeat_at timestamp with time zone;
create index account_import_running on account_import (status, heartbeat_at);
