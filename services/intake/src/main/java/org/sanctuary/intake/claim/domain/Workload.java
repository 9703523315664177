package org.sanctuary.intake.claim.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A caseworker's open claims (lodged, under assessment, appealed; {@code caseworker} null: unassigned), and how many are past their deadline. */
@Serdeable
public record Workload(@Nullable String caseworker, long open, long overdue) {
}
