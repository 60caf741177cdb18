-- A backfill event (activate with applyToExisting) fires one play only: the play named here, when it is active.
alter table play_event add column only_play varchar(200);
