package io.teamplay.segments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/**
 * Segments over accounts: the account list filtered by role, assignee, attributes and roles nobody holds, and bulk
 * assign / clear of a role over one.
 */
@Path("/api/accounts")
public class SegmentResource {

    private static final String ATTRIBUTE_FILTER_PREFIX = "attr.";

    @Inject
    SegmentService segments;
    @Inject
    Actor actor;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public SegmentPage search(@QueryParam("role") String role, @QueryParam("assignee") String assignee,
                              @QueryParam("noHolder") String noHolder, @QueryParam("after") String after,
                              @QueryParam("count") boolean exactCount,
                              @BeanParam PageRequest page, @Context UriInfo uri) {
        Map<String, String> attributes = new HashMap<>();
        uri.getQueryParameters().forEach((key, values) -> {
            if (key.startsWith(ATTRIBUTE_FILTER_PREFIX) && !values.isEmpty()) {
                attributes.put(key.substring(ATTRIBUTE_FILTER_PREFIX.length()), values.get(0));
            }
        });
        return segments.page(new SegmentFilter(role, assignee, attributes, noHolder), page.validated(),
                after == null || after.isBlank() ? null : after, exactCount);
    }

    @POST
    @Path("bulk-assign")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public BulkAssignResult bulkAssign(@Valid @NotNull(message = "{body.required}") BulkAssignment request) {
        return segments.bulkAssign(request, actor.id());
    }

    @POST
    @Path("bulk-clear")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public BulkAssignResult bulkClear(@Valid @NotNull(message = "{body.required}") BulkClear request) {
        return segments.bulkClear(request, actor.id());
    }
}
