package io.teamplay.notifications;

import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.common.access.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Operators' handle on the digest: run it now, see the outbox. ADMIN only. */
@Path("/api/digests")
public class DigestResource {

    @Inject
    DigestRunner runner;
    @Inject
    DigestItems items;

    /** Runs a digest now, as the schedule does: {@code {emails, items, failed, dropped}}. */
    @POST
    @Path("run")
    @RolesAllowed(Access.ADMIN)
    public DigestRun run() {
        return runner.run();
    }

    @GET
    @Path("items")
    @RolesAllowed(Access.ADMIN)
    public Page<DigestItemView> items(@QueryParam("recipient") String recipient,
                                      @QueryParam("status") DigestItemStatus status, @BeanParam PageRequest page) {
        return items.list(recipient, status, page.validated());
    }
}
