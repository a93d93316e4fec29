-- As each relational service does after support-outbox's V1 (risk-assessment's V102): the trace context of
-- the transaction that appended an outbox row.
alter table outbox_event add column trace_context varchar(2000);
