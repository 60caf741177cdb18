package io.teamplay.plays;

import java.time.Instant;

/**
 * What a play did on one event: the action, the role, the holder before and after (or the task / message), and the
 * outcome: APPLIED, UNCHANGED (already so) or FAILED with the reason; {@code once}: the key the play's memory keeps
 * for it ("account", "renewal_date=2027-03-31"), or null when the rule does not remember.
 */
public record RunView(long id, String play, String rule, String eventId, String accountId, String action, String role,
                      String before, String after, String detail, String outcome, String reason, Instant at,
                      String once) {
}
