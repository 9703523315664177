package org.sanctuary.contracts.event;

import java.util.UUID;

/** An event about one claim: every payload that names the claim it concerns. */
public interface ClaimEvent {

    UUID claimId();
}
