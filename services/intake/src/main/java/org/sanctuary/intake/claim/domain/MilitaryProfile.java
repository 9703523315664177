package org.sanctuary.intake.claim.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * His relation to military service, in the "Claim facts" shape of acceptance/README.md. {@code status}
 * is his main relation; {@code served} and {@code deserted} carry the rest.
 */
@Serdeable
public record MilitaryProfile(@NotNull MilitaryStatus status,
                              @Nullable RecruitingActor recruitingActor,
                              @Nullable @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code") String recruitingCountry,
                              @Nullable @Valid CallUp callUp,
                              @Nullable @Valid Unit unit,
                              @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, defaultValue = "false") boolean served,
                              @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, defaultValue = "false") boolean deserted,
                              @Nullable @Valid Objection objection,
                              @Nullable @Size(max = 20) List<@NotNull IllTreatment> illTreatmentSuffered,
                              @Nullable @Size(max = 20) List<@Pattern(regexp = "^[A-Z][A-Z0-9_]{1,80}$", message = "must be an upper-case code") String> exclusionIndicators) {

    public enum MilitaryStatus {
        PRE_CALL_UP_EVADER, SUMMONED_NON_REPORTER, MOBILISED_RESERVIST, CONSCRIPT, CONTRACT_SOLDIER, DESERTER,
        OBJECTOR_ABSOLUTE, OBJECTOR_SELECTIVE, FORCIBLY_RECRUITED, CHILD
    }

    public enum RecruitingActor { STATE, OCCUPYING_POWER, NON_STATE_GROUP }

    public enum CallUpChannel { IN_PERSON, POST, WORKPLACE, AT_POLICE_STATION, ELECTRONIC, STREET, OTHER }

    public enum IllTreatment { HAZING, ETHNIC_ABUSE, HOMOPHOBIC_ABUSE, RELIGIOUS_ABUSE, TORTURE, FORCED_LABOUR, SEXUAL_VIOLENCE }

    public enum ObjectionKind { ABSOLUTE, SELECTIVE, PARTIAL }

    public enum ObjectionBasis { RELIGIOUS, MORAL, POLITICAL }

    @Serdeable
    public record CallUp(@Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, defaultValue = "false") boolean received, @Nullable LocalDate date, @Nullable CallUpChannel channel,
                         @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, defaultValue = "false") boolean punitive) {
    }

    @Serdeable
    public record Unit(@Nullable @Size(max = 100) String role, @Nullable Boolean implicatedInCrimes) {
    }

    @Serdeable
    public record Objection(@Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, defaultValue = "false") boolean held, @Nullable ObjectionKind kind, @Nullable ObjectionBasis basis,
                            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, defaultValue = "false") boolean procedureUsed) {
    }

    /** The same profile with every absent part spelled out, as the assessment engine reads it. */
    public MilitaryProfile normalised() {
        return new MilitaryProfile(status, recruitingActor, recruitingCountry,
                callUp == null ? new CallUp(false, null, null, false) : callUp,
                unit == null ? new Unit(null, null) : unit, served, deserted,
                objection == null ? new Objection(false, null, null, false) : objection,
                illTreatmentSuffered == null ? List.of() : illTreatmentSuffered,
                exclusionIndicators == null ? List.of() : exclusionIndicators);
    }
}
