package org.sanctuary.intake.duplicate;

import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.intake.applicant.domain.Nationality;
import org.sanctuary.intake.applicant.domain.PersonName;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rows a duplicate search scores: applicants of the caller's tenant with the same birth date
 * (or, when it is unknown, also without one) that share a <em>blocking key</em> with the subject —
 * the first {@value #BLOCK} letters of the first or second word of their stored name key (given and
 * family name after ICAO transliteration and folding, so Дмитрий/Dmitrii/Dmitriy/Dmitry share
 * {@code DMIT}). Both are indexed with the birth date (changeset intake-0003), so the search reads
 * the block, never the tenant's whole register; and at most {@value #MAX_ROWS} rows, exact name keys
 * first (docs/decisions.md).
 */
@Singleton
public class DuplicateCandidates {

    /** Letters of a name word that form its blocking key. */
    public static final int BLOCK = 4;
    /** Rows scored per search at most, whatever the tenant's size. */
    public static final int MAX_ROWS = 500;

    /** What scoring needs of a candidate; nothing special-category is read. */
    public record Row(UUID id, PersonName name, PersonName latinName, List<Nationality> nationalities) {
    }

    private static final String BLOCK1 = "left(split_part(name_key, ' ', 1), " + BLOCK + ")";
    private static final String BLOCK2 = "left(split_part(name_key, ' ', 2), " + BLOCK + ")";

    private final Sql sql;

    public DuplicateCandidates(Sql sql) {
        this.sql = sql;
    }

    /** The blocking keys of a name key: the first {@value #BLOCK} letters of each of its words. */
    public static Set<String> blocks(Collection<String> nameKeys) {
        Set<String> blocks = new LinkedHashSet<>();
        for (String key : nameKeys) {
            for (String word : key.split(" ")) {
                if (!word.isEmpty()) {
                    blocks.add(word.length() > BLOCK ? word.substring(0, BLOCK) : word);
                }
            }
        }
        return blocks;
    }

    /** Applicants sharing a block and the birth date (null: unknown) with the subject, the subject itself excluded. */
    public List<Row> sharingABlock(UUID subject, LocalDate birthDate, Set<String> blocks, String exactKey) {
        if (blocks.isEmpty()) {
            return List.of();
        }
        String[] keys = blocks.toArray(String[]::new);
        String born = birthDate == null ? "birth_date is null" : "birth_date = ?";
        String query = "select id, given_name, family_name, patronymic, latin_given_name, latin_family_name, latin_patronymic, "
                + "nationalities::text as nationalities from applicant where tenant_id = ? and " + born + " and id <> ? "
                + "and (" + BLOCK1 + " = any(?) or " + BLOCK2 + " = any(?)) "
                + "order by (name_key = ?) desc, id limit " + MAX_ROWS;
        Object[] params = birthDate == null
                ? new Object[]{Caller.require().tenantId(), subject, keys, keys, exactKey}
                : new Object[]{Caller.require().tenantId(), birthDate, subject, keys, keys, exactKey};
        return sql.query(query, rs -> new Row(Sql.uuid(rs, "id"),
                new PersonName(rs.getString("given_name"), rs.getString("family_name"), rs.getString("patronymic")),
                new PersonName(rs.getString("latin_given_name"), rs.getString("latin_family_name"), rs.getString("latin_patronymic")),
                sql.read(rs.getString("nationalities"), Argument.listOf(Nationality.class))), params);
    }
}
