package org.sanctuary.common.problem;

import io.micronaut.core.annotation.Nullable;
import org.sanctuary.common.tenancy.Caller;

/**
 * A refused request's audit entry, carried by the {@link ProblemException} that refuses it: {@code caller} was refused
 * {@code action} on the resource — as not found (a 404: missing, or another tenant's), or as denied (anything else) —
 * having stated {@code reason}, if any. The handler hands it to the {@link RefusalRecorder} once the refused work has
 * rolled back: the refusal is in the audit chain, and nothing the refused request began is.
 */
public record Refusal(Caller caller, String action, String resourceType, String resourceId, boolean notFound,
                      @Nullable String reason) {
}
