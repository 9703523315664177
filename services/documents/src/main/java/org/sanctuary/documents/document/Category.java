package org.sanctuary.documents.document;

/**
 * What a document is evidence of. Deliberately no category for intimate evidence of sexual
 * orientation: such "evidence" may not be sought or relied on (CJEU-ABC, docs/documents.md).
 */
public enum Category { SUMMONS, MILITARY_ID, COURT_RECORD, MEDICAL, RELIGIOUS_MEMBERSHIP, IDENTITY, OTHER }
