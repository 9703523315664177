package org.sanctuary.common.problem;

/**
 * Where refusals are recorded: the audit chain of a service with a database (common-data's {@code AuditTrail}), in a
 * transaction of its own. The gateway has none: its refusals are logged only.
 */
public interface RefusalRecorder {

    void record(Refusal refusal);
}
