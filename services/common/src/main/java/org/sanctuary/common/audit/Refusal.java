package org.sanctuary.common.audit;

import org.sanctuary.common.tenancy.Caller;

/**
 * A refused request's audit entry (a 403 without need to know, a 404 for another tenant's or a missing resource),
 * carried by the {@link org.sanctuary.common.problem.ProblemException} that refuses it. The exception handler
 * records it in a transaction of its own once the refused work has rolled back: the refusal is in the chain,
 * and nothing the refused request began is.
 */
public record Refusal(Caller caller, String action, String resourceType, String resourceId, AuditTrail.Outcome outcome,
                      AuditTrail.Detail detail) {
}
