package org.sanctuary.intake.applicant.application;

import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.security.AccessReason;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may open an applicant's special-category fields (issue 11, item 6; docs/security.md): supervisors,
 * and the caseworker assigned to one of the applicant's claims — or, while he has none, the caseworker who
 * registered him. Anyone else of the tenant may open them only with a stated reason (break-glass, the
 * {@link AccessReason#HEADER} header), which the audit chain records and supervisors see. Integrators never.
 */
@Singleton
public class NeedToKnow {

    private final Sql sql;

    public NeedToKnow(Sql sql) {
        this.sql = sql;
    }

    /** What the caller may see of {@code applicant}'s special fields. */
    public enum Access { NEED_TO_KNOW, BREAK_GLASS, WITHHELD, NEVER }

    public Access applicant(UUID applicant, Optional<String> reason) {
        Caller caller = Caller.require();
        if (!caller.hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR)) {
            return Access.NEVER;
        }
        if (caller.hasAnyRole(Roles.SUPERVISOR) || assigned(applicant, caller)) {
            return Access.NEED_TO_KNOW;
        }
        return reason.isPresent() ? Access.BREAK_GLASS : Access.WITHHELD;
    }

    private boolean assigned(UUID applicant, Caller caller) {
        String tenant = caller.tenantId();
        return sql.queryOne("select exists (select 1 from claim where tenant_id = ? and applicant_id = ? and assigned_caseworker = ?) "
                        + "or (not exists (select 1 from claim where tenant_id = ? and applicant_id = ?) "
                        + "and exists (select 1 from applicant where tenant_id = ? and id = ? and created_by = ?))",
                rs -> rs.getBoolean(1), tenant, applicant, caller.subject(), tenant, applicant, tenant, applicant, caller.subject())
                .orElse(false);
    }
}
