package io.teamplay.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.teamplay.common.PageRequest;
import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Access;
import io.teamplay.roles.EmptyValueBehavior;
import io.teamplay.roles.RoleRequest;
import io.teamplay.roles.RoleService;
import io.teamplay.roles.RoleSource;
import io.teamplay.roles.RoleView;
import io.teamplay.segments.SegmentFilter;
import io.teamplay.segments.SegmentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * One account role in the settings: its edit form (the domain's fields; a refused value is shown at its field) and
 * its deletion, confirmed on a page that says how many assignments go with it (each recorded in history). ADMIN and
 * ADVANCED users, as {@code PATCH} and {@code DELETE /api/roles/{key}} allow.
 */
@Path("/settings/roles/{key}")
@Produces(MediaType.TEXT_HTML)
public class RolePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance role(RoleView role, SettingsPages.RoleForm form, SettingsPages.Outcome outcome);

        static native TemplateInstance confirmDelete(RoleView role, long holders);
    }

    @Inject
    RoleService roles;
    @Inject
    SegmentService segments;
    @Inject
    Viewer viewer;
    @Inject
    WebErrors errors;
    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public TemplateInstance edit(String key) {
        RoleView role = roles.get(key);
        return Templates.role(role, formOf(role), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public TemplateInstance save(String key, @FormParam("displayName") String displayName,
                                 @FormParam("description") String description, @FormParam("source") RoleSource source,
                                 @FormParam("editable") boolean editable,
                                 @FormParam("emptyValue") EmptyValueBehavior emptyValue, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        SettingsPages.RoleForm form = new SettingsPages.RoleForm(displayName, description,
                source == null ? null : source.name(), editable, emptyValue == null ? null : emptyValue.name());
        try {
            RoleView saved = roles.update(key, new RoleRequest(displayName == null ? "" : displayName,
                    description == null ? "" : description.trim(), source, editable, emptyValue));
            return Templates.role(saved, formOf(saved), new SettingsPages.Outcome("Role " + saved.displayName()
                    + " saved (its key stays " + saved.key() + ").", false, null));
        } catch (ProblemException refused) {
            return Templates.role(roles.get(key), form, SettingsPages.refusal(refused, "displayName"));
        }
    }

    @GET
    @Path("delete")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public TemplateInstance confirmDelete(String key) {
        RoleView role = roles.get(key);
        return Templates.confirmDelete(role, holders(role));
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response delete(String key, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        RoleView role = roles.get(key);
        long held = holders(role);
        roles.delete(role.key(), viewer.id());
        return Response.seeOther(UriBuilder.fromPath("/settings").queryParam("deleted", role.displayName())
                .queryParam("removed", held).build()).build();
    }

    /** Accounts on which someone holds the role: the assignments a deletion removes. */
    private long holders(RoleView role) {
        return segments.search(new SegmentFilter(role.key(), null, null), PageRequest.of(0, 1)).total();
    }

    private static SettingsPages.RoleForm formOf(RoleView role) {
        return new SettingsPages.RoleForm(role.displayName(), role.description() == null ? "" : role.description(),
                role.source().name(), role.editable(), role.emptyValueBehavior().name());
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
