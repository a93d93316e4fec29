-- Back pain reported in a check-in counts against the last spinal-loading session before it. It is kept
-- as its own row, and matched to sessions when the persistent-soreness rule reads the history, so a
-- session that arrives after the check-in that followed it is counted the same as one that came first.
-- (spinal_session.back_pain_after now records the session's own reports; rows marked by a check-in
-- before this migration keep their mark.)
create table back_pain_check_in (
    tenant          varchar(64)   not null,
    athlete_id      varchar(128)  not null,
    check_in_id     varchar(128)  not null,
    reported_at     timestamp with time zone not null,
    primary key (tenant, athlete_id, check_in_id)
);
create index back_pain_check_in_recent on back_pain_check_in (tenant, athlete_id, reported_at);
