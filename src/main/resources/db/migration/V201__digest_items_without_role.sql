-- Tasks can reach someone without a role changing hands (the leftovers of a user being disabled): such digest
-- items have no role.
alter table digest_item alter column role_key drop not null;
alter table digest_item alter column role_name drop not null;
