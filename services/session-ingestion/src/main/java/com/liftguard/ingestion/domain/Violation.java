package com.liftguard.ingestion.domain;

/** One invalid field: where it is in the request body (RFC 6901 JSON pointer) and why it is invalid. */
public record Violation(String pointer, String message) {}
