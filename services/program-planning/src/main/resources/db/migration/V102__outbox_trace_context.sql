-- The trace context of the transaction that appended an outbox row (support-outbox's TraceHeaders), sent
-- with the record so that the trace continues in the consumers. The outbox table lives in this service's
-- schema; support-outbox's own migration (V1) created it.
alter table outbox_event add column trace_context varchar(2000);
