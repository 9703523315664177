package org.sanctuary.common.tenancy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the tenant from Keycloak's {@code organization} claim, which comes as a list of aliases, a
 * single string, or an object keyed by alias (with the membership mapper's id/attributes options).
 * Exactly one valid alias is a tenant; zero, several or malformed ones are none.
 */
public final class OrganizationClaim {

    public static final String NAME = "organization";

    private OrganizationClaim() {
    }

    public static Optional<String> singleTenant(Object claim) {
        List<String> aliases = aliases(claim);
        if (aliases.size() != 1 || !Caller.TENANT_ID.matcher(aliases.get(0)).matches()) {
            return Optional.empty();
        }
        return Optional.of(aliases.get(0));
    }

    static List<String> aliases(Object claim) {
        List<String> aliases = new ArrayList<>();
        if (claim instanceof String s) {
            aliases.add(s);
        } else if (claim instanceof Collection<?> c) {
            for (Object o : c) {
                aliases.add(String.valueOf(o));
            }
        } else if (claim instanceof Map<?, ?> m) {
            for (Object key : m.keySet()) {
                aliases.add(String.valueOf(key));
            }
        }
        return aliases.stream().distinct().toList();
    }
}
