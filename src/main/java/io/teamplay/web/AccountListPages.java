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
import io.teamplay.segments.SegmentFilter;
import io.teamplay.segments.SegmentService;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The accounts list: a segment filtered by role, assignee (both: who holds that role) and one attribute, each account
 * linking to its page. The filter is in the URL, so a filtered list can be bookmarked and shared.
 */
@Path("/accounts")
@Produces(MediaType.TEXT_HTML)
public class AccountListPages {

    static final int PAGE_SIZE = 50;

    /** The filter as the form shows it back. */
    public record Filter(String role, String assignee, String attribute, String value) {

        /** This filter and a page number as a query string (the list's page links). */
        public String query(int page) {
            return "role=" + encoded(role) + "&assignee=" + encoded(assignee) + "&attribute=" + encoded(attribute)
                    + "&value=" + encoded(value) + "&page=" + page;
        }

        private static String encoded(String text) {
            return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(Filter filter, List<RoleView> roles, Page<AccountSummary> found,
                                                String previous, String next);
    }

    @Inject
    SegmentService segments;
    @Inject
    RoleService roles;
    @Inject
    WebErrors errors;
    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance list(@QueryParam("role") String role, @QueryParam("assignee") String assignee,
                                 @QueryParam("attribute") String attribute, @QueryParam("value") String value,
                                 @QueryParam("page") @DefaultValue("0") int page) {
        Filter filter = new Filter(Formats.blankToNull(role), Formats.blankToNull(assignee),
                Formats.blankToNull(attribute), Formats.blankToNull(value));
        Map<String, String> attributes = filter.attribute() == null ? Map.of()
                : Map.of(filter.attribute(), filter.value() == null ? "" : filter.value());
        int shown = Math.max(page, 0);
        Page<AccountSummary> found = segments.search(new SegmentFilter(filter.role(), filter.assignee(), attributes),
                PageRequest.of(shown, PAGE_SIZE).validated());
        boolean more = (long) (shown + 1) * PAGE_SIZE < found.total();
        return Templates.accounts(filter, roles.all(), found, shown > 0 ? filter.query(shown - 1) : null,
                more ? filter.query(shown + 1) : null);
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
