-- A play may tell a role holder something by email ("notify ... by email"): the digest item carries the message.
alter table digest_item add column message varchar(2000);
