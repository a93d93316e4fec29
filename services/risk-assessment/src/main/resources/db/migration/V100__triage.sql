create table triage_decision (
    id              varchar(64)   primary key,
    tenant          varchar(64)   not null,
    athlete_id      varchar(128)  not null,
    source_kind     varchar(16)   not null,
    source_id       varchar(128)  not null,
    report_index    integer       not null,
    category        varchar(32)   not null,
    reasons         varchar(100000) not null,
    decided_at      timestamp with time zone not null
);
create index triage_decision_athlete on triage_decision (tenant, athlete_id, decided_at);

-- The athlete's spinal-loading sessions and whether back pain was reported after them: the input of
-- the persistent-soreness rule, read newest first and a few rows at a time.
create table spinal_session (
    tenant          varchar(64)   not null,
    athlete_id      varchar(128)  not null,
    session_id      varchar(128)  not null,
    performed_at    timestamp with time zone not null,
    back_pain_after boolean       not null,
    primary key (tenant, athlete_id, session_id)
);
create index spinal_session_recent on spinal_session (tenant, athlete_id, performed_at);
