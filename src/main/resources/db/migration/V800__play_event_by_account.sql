-- A worker claims a batch of events and leaves out an account whose earlier event is pending outside it (another
-- worker holds it): that check looks up the pending events of the batch's accounts.
create index play_event_by_account on play_event (account_id, status, created_at);
