-- What planning knows of the athlete beyond the restriction: the return-to-basics trigger and since
-- when, the latest risk assessment (factors, e1RMs, last heavy spinal session), the squat bar position,
-- and the plan as last published (to tell real changes from repeats).
alter table athlete_plan add column basics_reason varchar(20000);
alter table athlete_plan add column basics_since timestamp with time zone;
alter table athlete_plan add column latest_triage varchar(32);
alter table athlete_plan add column latest_triage_reasons varchar(100000);
alter table athlete_plan add column risk_factors varchar(100000);
alter table athlete_plan add column risk_as_of date;
alter table athlete_plan add column e1rm varchar(10000);
alter table athlete_plan add column last_heavy_at timestamp with time zone;
alter table athlete_plan add column squat_bar varchar(16);
alter table athlete_plan add column squat_bar_at timestamp with time zone;
alter table athlete_plan add column current_plan varchar(1000000);

-- The athlete's spinal-loading sessions as the load gate reads them. A triage decision may arrive before
-- its session (they come on different topics), so every column but the key may still be empty.
create table gate_session (
    tenant         varchar(64)   not null,
    athlete_id     varchar(128)  not null,
    session_id     varchar(128)  not null,
    performed_at   timestamp with time zone,
    any_fault      boolean,
    max_rpe        double precision,
    worst_pain     varchar(32),
    primary key (tenant, athlete_id, session_id)
);
create index gate_session_time on gate_session (tenant, athlete_id, performed_at);
