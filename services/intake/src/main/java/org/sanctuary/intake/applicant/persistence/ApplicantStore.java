package org.sanctuary.intake.applicant.persistence;

import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.sanctuary.common.crypto.FieldCipher;
import org.sanctuary.common.persistence.Cursor;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.intake.applicant.domain.Applicant;
import org.sanctuary.intake.applicant.domain.Contact;
import org.sanctuary.intake.applicant.domain.HouseholdLink;
import org.sanctuary.intake.applicant.domain.Nationality;
import org.sanctuary.intake.applicant.domain.PersonName;
import org.sanctuary.intake.applicant.domain.RegionOfOrigin;
import org.sanctuary.intake.applicant.domain.Sex;
import org.sanctuary.intake.applicant.domain.SpecialCategory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applicant rows. Every statement names the tenant (application layer) on top of RLS (database
 * layer). Special-category fields are sealed here on the way in and opened only when asked.
 */
@Singleton
public class ApplicantStore {

    private static final String COLUMNS = "id, version, given_name, family_name, patronymic, latin_given_name, "
            + "latin_family_name, latin_patronymic, nationalities::text as nationalities, birth_date, sex, "
            + "languages::text as languages, contact::text as contact, region_of_origin::text as region_of_origin, "
            + "household::text as household, ethnicity_enc, ethnic_minority_enc, religion_enc, lgbtqi_enc, "
            + "political_activity_enc, health_enc, created_at, updated_at";

    private final Sql sql;
    private final FieldCipher cipher;

    public ApplicantStore(Sql sql, FieldCipher cipher) {
        this.sql = sql;
        this.cipher = cipher;
    }

    public void insert(Applicant a, String nameKey) {
        String tenant = Caller.require().tenantId();
        Sealed s = seal(a.id(), a.special());
        sql.update("insert into applicant (tenant_id, id, version, given_name, family_name, patronymic, "
                        + "latin_given_name, latin_family_name, latin_patronymic, name_key, nationalities, birth_date, "
                        + "sex, languages, contact, region_of_origin, household, ethnicity_enc, ethnic_minority_enc, "
                        + "religion_enc, lgbtqi_enc, political_activity_enc, health_enc, created_at, updated_at, created_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, a.id(), a.version(), a.name().given(), a.name().family(), a.name().patronymic(),
                a.latinName().given(), a.latinName().family(), a.latinName().patronymic(), nameKey,
                sql.jsonb(a.nationalities()), a.birthDate(), a.sex(), sql.jsonb(a.languages()), sql.jsonb(a.contact()),
                sql.jsonb(a.regionOfOrigin()), sql.jsonb(a.household()), s.ethnicity, s.ethnicMinority, s.religion, s.lgbtqi,
                s.politicalActivity, s.health, a.createdAt(), a.updatedAt(), Caller.require().subject());
    }

    /**
     * Optimistic update: false when the row is missing, another tenant's, or not at {@code expectedVersion}.
     * Without {@code writeSpecial} the sealed special-category columns stay exactly as they are: a caller who
     * may not read them never changes them.
     */
    public boolean update(Applicant a, String nameKey, long expectedVersion, boolean writeSpecial) {
        Sealed s = seal(a.id(), a.special());
        List<Object> params = new java.util.ArrayList<>(java.util.Arrays.asList(a.version(), a.name().given(), a.name().family(),
                a.name().patronymic(), a.latinName().given(), a.latinName().family(), a.latinName().patronymic(), nameKey,
                sql.jsonb(a.nationalities()), a.birthDate(), a.sex(), sql.jsonb(a.languages()), sql.jsonb(a.contact()),
                sql.jsonb(a.regionOfOrigin()), sql.jsonb(a.household())));
        if (writeSpecial) {
            params.addAll(java.util.Arrays.asList(s.ethnicity, s.ethnicMinority, s.religion, s.lgbtqi, s.politicalActivity, s.health));
        }
        params.addAll(java.util.Arrays.asList(a.updatedAt(), Caller.require().tenantId(), a.id(), expectedVersion));
        return sql.update("update applicant set version = ?, given_name = ?, family_name = ?, patronymic = ?, "
                        + "latin_given_name = ?, latin_family_name = ?, latin_patronymic = ?, name_key = ?, "
                        + "nationalities = ?, birth_date = ?, sex = ?, languages = ?, contact = ?, region_of_origin = ?, household = ?, "
                        + (writeSpecial ? "ethnicity_enc = ?, ethnic_minority_enc = ?, religion_enc = ?, lgbtqi_enc = ?, "
                        + "political_activity_enc = ?, health_enc = ?, " : "")
                        + "updated_at = ? where tenant_id = ? and id = ? and version = ?", params.toArray()) == 1;
    }

    public Optional<Applicant> find(UUID id, boolean openSpecial) {
        return sql.queryOne("select " + COLUMNS + " from applicant where tenant_id = ? and id = ?",
                rs -> map(rs, openSpecial), Caller.require().tenantId(), id);
    }

    /** Keyset page in creation order, optionally filtered by a name key fragment. */
    public List<Applicant> page(Cursor after, int limit, Optional<String> nameKey, boolean openSpecial) {
        String tenant = Caller.require().tenantId();
        if (nameKey.isPresent()) {
            return sql.query("select " + COLUMNS + " from applicant where tenant_id = ? and (created_at, id) > (?, ?) "
                            + "and name_key like ? escape '\\' order by created_at, id limit ?",
                    rs -> map(rs, openSpecial), tenant, after.createdAt(), after.id(),
                    "%" + nameKey.get().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", limit);
        }
        return sql.query("select " + COLUMNS + " from applicant where tenant_id = ? and (created_at, id) > (?, ?) "
                        + "order by created_at, id limit ?",
                rs -> map(rs, openSpecial), tenant, after.createdAt(), after.id(), limit);
    }

    /** The applicants of the current tenant among {@code ids}, without special-category data (a list). */
    public List<Applicant> withIds(Collection<UUID> ids) {
        return withIds(ids, false);
    }

    /** The applicants of the current tenant among {@code ids}; their special-category data opened when asked. */
    public List<Applicant> withIds(Collection<UUID> ids, boolean openSpecial) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.query("select " + COLUMNS + " from applicant where tenant_id = ? and id = any(?::uuid[]) order by created_at, id",
                rs -> map(rs, openSpecial), Caller.require().tenantId(), ids.stream().map(UUID::toString).toArray(String[]::new));
    }

    public int countExisting(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return sql.queryOne("select count(*) from applicant where tenant_id = ? and id = any(?)",
                rs -> rs.getInt(1), Caller.require().tenantId(), ids.toArray(new UUID[0])).orElse(0);
    }

    private Applicant map(ResultSet rs, boolean openSpecial) throws SQLException {
        UUID id = Sql.uuid(rs, "id");
        SpecialCategory special = openSpecial ? open(id, rs) : null;
        return new Applicant(id, rs.getLong("version"),
                new PersonName(rs.getString("given_name"), rs.getString("family_name"), rs.getString("patronymic")),
                new PersonName(rs.getString("latin_given_name"), rs.getString("latin_family_name"),
                        rs.getString("latin_patronymic")),
                sql.read(rs.getString("nationalities"), Argument.listOf(Nationality.class)),
                Sql.date(rs, "birth_date"), Sex.valueOf(rs.getString("sex")),
                sql.read(rs.getString("languages"), Argument.listOf(String.class)),
                sql.read(rs.getString("contact"), Argument.of(Contact.class)),
                sql.read(rs.getString("region_of_origin"), Argument.of(RegionOfOrigin.class)),
                sql.read(rs.getString("household"), Argument.listOf(HouseholdLink.class)),
                special, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private record Sealed(byte[] ethnicity, byte[] ethnicMinority, byte[] religion, byte[] lgbtqi,
                          byte[] politicalActivity, byte[] health) {
    }

    private Sealed seal(UUID id, SpecialCategory s) {
        return new Sealed(cipher.seal(s.ethnicity(), "ethnicity", id),
                cipher.seal(str(s.ethnicMinority()), "ethnicMinority", id),
                cipher.seal(s.religion(), "religion", id),
                cipher.seal(str(s.lgbtqi()), "lgbtqi", id),
                cipher.seal(s.politicalActivity() == null ? null : sql.text(s.politicalActivity()), "politicalActivity", id),
                cipher.seal(s.health(), "health", id));
    }

    private SpecialCategory open(UUID id, ResultSet rs) throws SQLException {
        String activity = cipher.open(rs.getBytes("political_activity_enc"), "politicalActivity", id);
        return new SpecialCategory(cipher.open(rs.getBytes("ethnicity_enc"), "ethnicity", id),
                bool(cipher.open(rs.getBytes("ethnic_minority_enc"), "ethnicMinority", id)),
                cipher.open(rs.getBytes("religion_enc"), "religion", id),
                bool(cipher.open(rs.getBytes("lgbtqi_enc"), "lgbtqi", id)),
                activity == null ? List.of() : sql.read(activity, Argument.listOf(String.class)),
                cipher.open(rs.getBytes("health_enc"), "health", id));
    }

    private static String str(Boolean b) {
        return b == null ? null : b.toString();
    }

    private static Boolean bool(String s) {
        return s == null ? null : Boolean.valueOf(s);
    }
}
