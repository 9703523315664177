package org.sanctuary.assessment.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.sanctuary.assessment.decision.Decision;
import org.sanctuary.assessment.decision.DecisionService;
import org.sanctuary.assessment.engine.Finding;
import org.sanctuary.assessment.evaluation.AssessmentService;
import org.sanctuary.assessment.evaluation.StoredAssessment;
import org.sanctuary.assessment.upstream.DocumentsClient;
import org.sanctuary.assessment.upstream.Upstream;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.platform.OnBehalf;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The notice of an approved decision to the applicant, in the applicant's language: the outcome, the findings it rests
 * on in words, the legal bases they cite, the appeal deadline and how to appeal (docs/notices.md). It is stored as a
 * document of the claim in the documents service (category {@code DECISION_NOTICE}: checksummed, encrypted, opened on
 * need to know), and its issue is audited.
 */
@Singleton
public class NoticeService {

    /** A notice as stored: the decision, its language, and the document that holds the PDF. */
    @Serdeable
    public record Notice(UUID decisionId, String language, UUID documentId, String sha256, long sizeBytes) {
    }

    static final String CATEGORY = "DECISION_NOTICE";

    private final DecisionService decisions;
    private final AssessmentService assessments;
    private final Upstream upstream;
    private final DocumentsClient documents;
    private final AuditTrail audit;
    private final TransactionOperations<Connection> transactions;

    NoticeService(DecisionService decisions, AssessmentService assessments, Upstream upstream, DocumentsClient documents,
                  AuditTrail audit, TransactionOperations<Connection> transactions) {
        this.decisions = decisions;
        this.assessments = assessments;
        this.upstream = upstream;
        this.documents = documents;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * Produces and stores the notice of approved decision {@code id} in {@code language}; {@code accessReason} opens the
     * assessment's findings to a caseworker not assigned to the claim, as for any read of them.
     */
    public Notice produce(UUID id, Locale language, @Nullable String accessReason) {
        Decision decision = decisions.get(id);
        if (decision.status() != Decision.Status.APPROVED) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION, "Only an approved decision has a notice; this one is "
                    + decision.status() + ".");
        }
        StoredAssessment assessment = assessments.get(decision.assessmentId(), accessReason).in(language);
        String name = upstream.applicantName(decision.applicantId());
        String organization = upstream.organizationName();
        NoticeWording wording = new NoticeWording(language, upstream.noticeWording(language.toLanguageTag()));
        String title = wording.text("title");
        byte[] pdf = NoticePdf.render(title, language.toLanguageTag(), blocks(wording, decision, assessment, name, organization));
        String filename = "decision-notice-" + decision.id() + "-" + language.toLanguageTag() + ".pdf";
        DocumentsClient.Stored stored = OnBehalf.call("Claim", () -> documents.upload(decision.claimId(), CATEGORY, filename,
                title + " (" + language.toLanguageTag() + ")", pdf));
        transactions.executeWrite(status -> {
            audit.record("decision.notice", DecisionService.RESOURCE, decision.id().toString(), AuditTrail.Outcome.SUCCESS);
            return null;
        });
        return new Notice(decision.id(), language.toLanguageTag(), stored.id(), stored.sha256(), stored.sizeBytes());
    }

    static List<NoticePdf.Block> blocks(NoticeWording wording, Decision decision, StoredAssessment assessment, String name,
                                        String organization) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(wording.language());
        LocalDate decided = decision.decidedOn();
        List<NoticePdf.Block> blocks = new ArrayList<>();
        blocks.add(block(NoticePdf.Block.Kind.TITLE, wording.text("title")));
        blocks.add(block(NoticePdf.Block.Kind.PARAGRAPH, wording.text("addressee", Map.of("name", name)) + "\n"
                + wording.text("reference", Map.of("reference", decision.claimId().toString())) + "\n"
                + wording.text("issuedBy", Map.of("organization", organization, "date", dates.format(decided)))));
        blocks.add(block(NoticePdf.Block.Kind.PARAGRAPH, wording.text("stage." + decision.stage().name())));
        blocks.add(block(NoticePdf.Block.Kind.HEADING, wording.text("outcome." + decision.outcome().name())));

        List<Finding> grounds = assessment.result().findings().stream()
                .filter(f -> f.result() == Finding.Result.MET || f.result() == Finding.Result.NOT_MET).toList();
        blocks.add(block(NoticePdf.Block.Kind.HEADING, wording.text("reasonsHeading")));
        blocks.add(block(NoticePdf.Block.Kind.PARAGRAPH, wording.text("reasonsIntro")));
        for (Finding finding : grounds) {
            blocks.add(block(NoticePdf.Block.Kind.ITEM, finding.title() + ": " + String.join(" ", finding.reasons())));
        }
        if (decision.reasons() != null) {
            blocks.add(block(NoticePdf.Block.Kind.PARAGRAPH, wording.text("departure") + "\n" + decision.reasons()));
        }
        blocks.add(block(NoticePdf.Block.Kind.HEADING, wording.text("basesHeading")));
        for (Finding finding : grounds) {
            blocks.add(block(NoticePdf.Block.Kind.ITEM, finding.rule() + " — " + finding.title()));
        }
        blocks.add(block(NoticePdf.Block.Kind.HEADING, wording.text("appealHeading")));
        blocks.add(block(NoticePdf.Block.Kind.PARAGRAPH, decision.appealDeadline() == null
                ? wording.text("noAppeal", Map.of("organization", organization))
                : wording.text("appeal", Map.of("deadline", dates.format(decision.appealDeadline()), "organization", organization,
                        "days", decision.appealDays()))));
        return blocks;
    }

    private static NoticePdf.Block block(NoticePdf.Block.Kind kind, String text) {
        return new NoticePdf.Block(kind, text);
    }
}
