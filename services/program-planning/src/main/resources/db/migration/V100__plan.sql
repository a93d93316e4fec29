create table athlete_plan (
    tenant          varchar(64)   not null,
    athlete_id      varchar(128)  not null,
    restriction     varchar(32)   not null,
    reason_code     varchar(64),
    reason_message  varchar(2000),
    cause_event_id  varchar(64),
    since           timestamp with time zone,
    coach_ids       varchar(20000) not null,
    roster_changed_at timestamp with time zone,
    primary key (tenant, athlete_id)
);

create table plan_adjustment (
    id              varchar(64)   primary key,
    tenant          varchar(64)   not null,
    athlete_id      varchar(128)  not null,
    action          varchar(32)   not null,
    restriction     varchar(32)   not null,
    reason          varchar(20000) not null,
    cause_event_id  varchar(64)   not null,
    cause_type      varchar(200)  not null,
    made_at         timestamp with time zone not null
);
create index plan_adjustment_athlete on plan_adjustment (tenant, athlete_id, made_at);
