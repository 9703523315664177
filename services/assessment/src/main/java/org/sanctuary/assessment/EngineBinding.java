package org.sanctuary.assessment;

import io.micronaut.serde.annotation.SerdeImport;
import org.sanctuary.assessment.engine.Assessment;
import org.sanctuary.assessment.engine.Facts;
import org.sanctuary.assessment.engine.Finding;
import org.sanctuary.assessment.engine.PolicyPack;
import org.sanctuary.assessment.engine.Reason;

/**
 * JSON binding for the engine's records, declared here so the engine itself stays free of framework
 * annotations. A wrong type or an unknown enum value in facts or pack is a 400 naming the field.
 */
@SerdeImport(Facts.class)
@SerdeImport(Facts.Applicant.class)
@SerdeImport(Facts.Region.class)
@SerdeImport(Facts.Military.class)
@SerdeImport(Facts.CallUp.class)
@SerdeImport(Facts.Unit.class)
@SerdeImport(Facts.Objection.class)
@SerdeImport(PolicyPack.class)
@SerdeImport(PolicyPack.RuleSetting.class)
@SerdeImport(PolicyPack.TemporaryProtection.class)
@SerdeImport(PolicyPack.Humanitarian.class)
@SerdeImport(PolicyPack.Deadlines.class)
@SerdeImport(PolicyPack.Coi.class)
@SerdeImport(PolicyPack.ArmedConflict.class)
@SerdeImport(PolicyPack.OccupiedRegion.class)
@SerdeImport(PolicyPack.IndiscriminateViolence.class)
@SerdeImport(PolicyPack.Penalties.class)
@SerdeImport(PolicyPack.NonStateRecruitment.class)
@SerdeImport(Assessment.class)
@SerdeImport(Assessment.Appeal.class)
@SerdeImport(Finding.class)
@SerdeImport(Finding.CoiReference.class)
@SerdeImport(Reason.class)
final class EngineBinding {

    private EngineBinding() {
    }
}
