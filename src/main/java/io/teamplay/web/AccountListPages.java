package io.teamplay.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Access;
import io.teamplay.roles.RoleService;
import io.teamplay.roles.RoleView;
import io.teamplay.segments.AccountSummary;
import io.teamplay.segments.SegmentService;
import io.teamplay.users.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The accounts list: a segment filtered by role, assignee (both: who holds that role) and attributes, each account
 * linking to its page; bulk assign and clear over the filter are {@link BulkEditPages}. The filter is in the URL, so a
 * filtered list can be bookmarked and shared.
 */
@Path("/accounts")
@Produces(MediaType.TEXT_HTML)
public class AccountListPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(AccountFilter filter, List<RoleView> roles, Page<AccountSummary> found,
                                                String previous, String next, List<UserView> assignable);
    }

    @Inject
    SegmentService segments;
    @Inject
    RoleService roles;
    @Inject
    BulkEdits bulk;
    @Inject
    Viewer viewer;
    @Inject
    WebErrors errors;
    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance list(@QueryParam("role") String role, @QueryParam("assignee") String assignee,
                                 @QueryParam("attribute") List<String> attribute, @QueryParam("value") List<String> value,
                                 @QueryParam("page") @DefaultValue("0") int page) {
        AccountFilter filter = AccountFilter.of(role, assignee, attribute, value);
        int shown = Math.max(page, 0);
        Page<AccountSummary> found = segments.search(filter.segment(), PageRequest.of(shown, PAGE_SIZE).validated());
        boolean more = (long) (shown + 1) * PAGE_SIZE < found.total();
        return Templates.accounts(filter, roles.all(), found, shown > 0 ? filter.query(shown - 1) : null,
                more ? filter.query(shown + 1) : null, viewer.canEdit() ? bulk.assignable() : List.of());
    }

    @ServerExceptionMapper
    Response signedOut(UnauthorizedException e) {
        return errors.signIn(uri);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return errors.forbidden(e);
    }

    @ServerExceptionMapper
    Response problem(ProblemException e) {
        return errors.problem(e);
    }
}
