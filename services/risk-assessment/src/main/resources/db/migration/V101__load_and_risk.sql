-- Training load per athlete and calendar day (the date of performedAt in its own offset; "day" is a keyword in H2). The load and
-- risk figures are functions of these rows alone, so sessions arriving out of order give the same result.
create table daily_load (
    tenant              varchar(64)   not null,
    athlete_id          varchar(128)  not null,
    load_day            date          not null,
    session_load        double precision not null,
    spinal_volume_load  double precision not null,
    sessions            integer       not null,
    primary key (tenant, athlete_id, load_day)
);

-- What each session contributes beyond its load: its spinal-loading sets (for heavy-session spacing,
-- judged against the e1RM of its own day) and its technique findings (set counts per finding).
create table session_facts (
    tenant        varchar(64)   not null,
    athlete_id    varchar(128)  not null,
    session_id    varchar(128)  not null,
    performed_at  timestamp with time zone not null,
    performed_on  date          not null,
    spinal_sets   varchar(100000) not null,
    findings      varchar(10000)  not null,
    primary key (tenant, athlete_id, session_id)
);
create index session_facts_time on session_facts (tenant, athlete_id, performed_at);

-- The best e1RM estimate per exercise of each session; an exercise's e1RM is the best of the last 42 days.
create table e1rm_estimate (
    tenant      varchar(64)   not null,
    athlete_id  varchar(128)  not null,
    exercise    varchar(32)   not null,
    session_id  varchar(128)  not null,
    set_index   integer       not null,
    performed_on date         not null,
    e1rm_kg     double precision not null,
    primary key (tenant, athlete_id, exercise, session_id)
);
create index e1rm_estimate_day on e1rm_estimate (tenant, athlete_id, performed_on);

-- Sleep as reported with sessions and check-ins.
create table sleep_report (
    tenant       varchar(64)   not null,
    athlete_id   varchar(128)  not null,
    source_id    varchar(200)  not null,
    reported_at  timestamp with time zone not null,
    hours        double precision not null,
    primary key (tenant, athlete_id, source_id)
);
create index sleep_report_time on sleep_report (tenant, athlete_id, reported_at);

-- When the reported pain happened (the session's or check-in's own time), so that the risk level of a
-- date counts the pain reports of the days before it, whatever order they arrived in.
alter table triage_decision add column reported_at timestamp with time zone;
create index triage_decision_reported on triage_decision (tenant, athlete_id, reported_at);
