-- Runs once, when the compose postgres volume is first initialised (docker-entrypoint-initdb.d).
-- One database per relational service: each owns its schema and its Flyway history.
CREATE DATABASE risk;
CREATE DATABASE planning;
