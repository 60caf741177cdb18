package io.teamplay.segments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import java.util.HashMap;
import java.util.Map;

/** Segments over accounts: the account list filtered by role, assignee and attributes, and a bulk assign over one. */
@Path("/api/accounts")
public class SegmentResource {

    private static final String ATTRIBUTE_FILTER_PREFIX = "attr.";

    @Inject
    SegmentService segments;
    @Inject
    Actor actor;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Page<AccountSummary> search(@QueryParam("role") String role, @QueryParam("assignee") String assignee,
                                       @BeanParam PageRequest page, @Context UriInfo uri) {
        Map<String, String> attributes = new HashMap<>();
        uri.getQueryParameters().forEach((key, values) -> {
            if (key.startsWith(ATTRIBUTE_FILTER_PREFIX) && !values.isEmpty()) {
                attributes.put(key.substring(ATTRIBUTE_FILTER_PREFIX.length()), values.get(0));
            }
        });
        return segments.search(new SegmentFilter(role, assignee, attributes), page.validated());
    }

    @POST
    @Path("bulk-assign")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public BulkAssignResult bulkAssign(@Valid @NotNull(message = "{body.required}") BulkAssignment request) {
        return segments.bulkAssign(request, actor.id());
    }
}
