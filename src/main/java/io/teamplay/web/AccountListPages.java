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
import io.teamplay.segments.SavedSegmentView;
import io.teamplay.segments.SavedSegments;
import io.teamplay.segments.SegmentService;
import io.teamplay.users.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.List;

/**
 * The accounts list: a segment filtered by role, assignee (both: who holds that role), a role nobody holds and
 * attributes, each account linking to its page; saved filters (the saved segments of {@code /api/segments}: anyone
 * applies one, ADMIN and ADVANCED save and delete them); bulk assign and clear over the filter are {@link BulkEditPages}. The filter is in the URL, so a
 * filtered list can be bookmarked and shared.
 */
@Path("/accounts")
@Produces(MediaType.TEXT_HTML)
public class AccountListPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(AccountFilter filter, List<RoleView> roles, Page<AccountSummary> found,
                                                String previous, String next, List<UserView> assignable,
                                                List<SavedFilter> saved, String savedName, SettingsPages.Outcome outcome);
    }

    /** A saved segment as the list offers it: its name, the filter in words, and the query that applies it. */
    public record SavedFilter(String name, String described, String query) {
    }

    @Inject
    SegmentService segments;
    @Inject
    SavedSegments saved;
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
                                 @QueryParam("noHolder") String noHolder, @QueryParam("page") @DefaultValue("0") int page,
                                 @QueryParam("saved") String savedNow, @QueryParam("deleted") String deleted) {
        AccountFilter filter = AccountFilter.of(role, assignee, attribute, value, noHolder);
        SettingsPages.Outcome outcome = savedNow != null ? new SettingsPages.Outcome("Filter " + savedNow + " saved.", false, null)
                : deleted != null ? new SettingsPages.Outcome("Filter " + deleted + " deleted.", false, null) : null;
        return page(filter, Math.max(page, 0), null, outcome);
    }

    /** Saves the filter posted (the list's, in hidden fields) as a segment under a name: ADMIN and ADVANCED. */
    @POST
    @Path("saved")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response save(@FormParam("role") String role, @FormParam("assignee") String assignee,
                         @FormParam("attribute") List<String> attribute, @FormParam("value") List<String> value,
                         @FormParam("noHolder") String noHolder, @FormParam("name") String name,
                         @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        AccountFilter filter = AccountFilter.of(role, assignee, attribute, value, noHolder);
        try {
            SavedSegmentView segment = saved.create(new SavedSegmentView(name, filter.segment()), viewer.id());
            return Response.seeOther(accounts(filter.query(0) + "&saved=" + AccountFilter.encoded(segment.name()))).build();
        } catch (ProblemException refused) {
            String field = SettingsPages.refusal(refused, "saved-name").field();
            SettingsPages.Outcome outcome = new SettingsPages.Outcome(refused.getMessage(), true,
                    field.startsWith("filter") ? "saved-filter" : "saved-name");
            return Response.status(refused.status()).entity(page(filter, 0, name, outcome)).build();
        }
    }

    @POST
    @Path("saved/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response delete(@FormParam("name") String name, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        saved.delete(name, viewer.id());
        return Response.seeOther(accounts("deleted=" + AccountFilter.encoded(name.trim()))).build();
    }

    private URI accounts(String query) {
        return URI.create(uri.getBaseUri().toString().replaceAll("/$", "") + "/accounts?" + query);
    }

    private TemplateInstance page(AccountFilter filter, int shown, String savedName, SettingsPages.Outcome outcome) {
        Page<AccountSummary> found = segments.search(filter.segment(), PageRequest.of(shown, PAGE_SIZE).validated());
        boolean more = (long) (shown + 1) * PAGE_SIZE < found.total();
        List<SavedFilter> savedFilters = saved.all().stream().map(segment -> {
            AccountFilter applied = AccountFilter.of(segment.filter());
            return new SavedFilter(segment.name(), applied.described(), applied.query(0));
        }).toList();
        return Templates.accounts(filter, roles.all(), found, shown > 0 ? filter.query(shown - 1) : null,
                more ? filter.query(shown + 1) : null, viewer.canEdit() ? bulk.assignable() : List.of(),
                savedFilters, savedName, outcome);
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
