package io.teamplay.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Access;
import io.teamplay.roles.RoleService;
import io.teamplay.roles.RoleView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Bulk assign and bulk clear over the accounts list's filter, in two steps: {@code preview} evaluates the edit dry and
 * says how many accounts will change (nothing written), {@code apply} makes it and says what it came to (matched,
 * changed, tasks moved). STANDARD users and up, as {@code POST /api/accounts/bulk-assign} allows.
 */
@Path("/accounts/bulk")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class BulkEditPages {

    /** The edit asked for: assign {@code email} the role, or clear the role (email null). */
    public record Edit(String action, String role, String roleName, String email) {

        public boolean clears() {
            return "clear".equals(action);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(AccountFilter filter, Edit edit, BulkEdits.Plan plan, String error);

        static native TemplateInstance done(AccountFilter filter, Edit edit, BulkEdits.Done done);
    }

    @Inject
    BulkEdits bulk;
    @Inject
    RoleService roles;
    @Inject
    Viewer viewer;
    @Inject
    WebErrors errors;
    @Context
    UriInfo uri;

    @POST
    @Path("preview")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public Response preview(@FormParam("role") String role, @FormParam("assignee") String assignee,
                            @FormParam("attribute") List<String> attribute, @FormParam("value") List<String> value,
                            @FormParam("noHolder") String noHolder, @FormParam("action") String action, @FormParam("bulkRole") String bulkRole,
                            @FormParam("bulkEmail") String bulkEmail, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        AccountFilter filter = AccountFilter.of(role, assignee, attribute, value, noHolder);
        Edit edit = edit(action, bulkRole, bulkEmail);
        String missing = missing(edit);
        if (missing != null) {
            return Response.status(400).entity(Templates.confirm(filter, edit, null, missing)).build();
        }
        try {
            return Response.ok(Templates.confirm(filter, edit, bulk.plan(filter, edit.role(), edit.email(), viewer.id()), null)).build();
        } catch (ProblemException refused) {
            return Response.status(refused.status()).entity(Templates.confirm(filter, edit, null, refused.getMessage())).build();
        }
    }

    @POST
    @Path("apply")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public Response apply(@FormParam("role") String role, @FormParam("assignee") String assignee,
                          @FormParam("attribute") List<String> attribute, @FormParam("value") List<String> value,
                          @FormParam("noHolder") String noHolder, @FormParam("action") String action, @FormParam("bulkRole") String bulkRole,
                          @FormParam("bulkEmail") String bulkEmail, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        AccountFilter filter = AccountFilter.of(role, assignee, attribute, value, noHolder);
        Edit edit = edit(action, bulkRole, bulkEmail);
        String missing = missing(edit);
        if (missing != null) {
            return Response.status(400).entity(Templates.confirm(filter, edit, null, missing)).build();
        }
        try {
            BulkEdits.Done done = edit.clears() ? bulk.clear(filter, edit.role(), viewer.id())
                    : bulk.assign(filter, edit.role(), edit.email(), viewer.id());
            return Response.ok(Templates.done(filter, edit, done)).build();
        } catch (ProblemException refused) {
            return Response.status(refused.status()).entity(Templates.confirm(filter, edit, null, refused.getMessage())).build();
        }
    }

    private Edit edit(String action, String role, String email) {
        String key = Formats.blankToNull(role);
        String roleName = roles.find(key).map(RoleView::displayName).orElse(key);
        boolean clears = "clear".equals(action);
        return new Edit(clears ? "clear" : "assign", key, roleName, clears ? null : Formats.blankToNull(email));
    }

    private String missing(Edit edit) {
        if (edit.role() == null || roles.find(edit.role()).isEmpty()) {
            return "Pick the role to " + (edit.clears() ? "clear." : "assign.");
        }
        return !edit.clears() && edit.email() == null ? "Give the email of the user to assign." : null;
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
