-- Segments (GET /api/accounts, bulk-assign, bulk-clear) filter by role, assignee, both, attribute value and "nobody
-- holds role R". Each filter is an exists over one of these indexes, ending with account_id so the semi-join is read
-- from the index alone; the single-column indexes they extend are dropped (a prefix of the new one serves the same
-- look-ups). "nobody holds R" uses the seat's unique (account_id, role_key). docs/SEGMENTS.md shows the plans.
drop index assignment_email;
drop index assignment_role;
drop index account_attribute_value;
create index assignment_email_role on assignment (email, role_key, account_id);
create index assignment_role_account on assignment (role_key, account_id);
create index account_attribute_value on account_attribute (name, json_value, account_id);
