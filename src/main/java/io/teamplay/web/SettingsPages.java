package io.teamplay.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.teamplay.common.Problem;
import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Access;
import io.teamplay.roles.EmptyValueBehavior;
import io.teamplay.roles.RoleRequest;
import io.teamplay.roles.RoleService;
import io.teamplay.roles.RoleSource;
import io.teamplay.roles.RoleView;
import io.teamplay.tasks.TaskOwnershipPolicy;
import io.teamplay.tasks.TaskService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * Settings: the task-ownership policy (three options, explained) and the account roles (list, add). Everyone reads
 * them; ADMIN and ADVANCED change them, through the same services as the API.
 */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsPages {

    /** What the last change came to; {@code field} names the form field at fault when refused. */
    public record Outcome(String message, boolean refused, String field) {

        /** Refused at this field: the page shows the message next to it. */
        public boolean at(String name) {
            return refused && name.equals(field);
        }
    }

    /** The add-role form as it was posted, shown back when refused. */
    public record RoleForm(String displayName, String description, String source, boolean editable, String emptyValue) {

        static final RoleForm EMPTY = new RoleForm("", "", RoleSource.APP.name(), true, EmptyValueBehavior.IGNORE.name());
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(TaskOwnershipPolicy policy, List<RoleView> roles, RoleForm form,
                                                Outcome outcome);
    }

    @Inject
    TaskService tasks;
    @Inject
    RoleService roles;
    @Inject
    Viewer viewer;
    @Inject
    WebErrors errors;
    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance show(@QueryParam("deleted") String deleted, @QueryParam("removed") Long removed) {
        return page(RoleForm.EMPTY, deleted == null ? null : new Outcome("Role " + deleted + " deleted"
                + (removed == null ? "." : "; its " + removed + " assignment" + (removed == 1 ? "" : "s")
                + " removed, each recorded in the account's history."), false, null));
    }

    @POST
    @Path("policy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public TemplateInstance changePolicy(@FormParam("policy") TaskOwnershipPolicy policy, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        try {
            TaskOwnershipPolicy now = tasks.changePolicy(policy, viewer.id());
            return page(RoleForm.EMPTY, new Outcome("The task-ownership policy is now " + now + ".", false, "policy"));
        } catch (ProblemException refused) {
            return page(RoleForm.EMPTY, refusal(refused));
        }
    }

    @POST
    @Path("roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public TemplateInstance addRole(@FormParam("displayName") String displayName, @FormParam("description") String description,
                                    @FormParam("source") RoleSource source, @FormParam("editable") boolean editable,
                                    @FormParam("emptyValue") EmptyValueBehavior emptyValue, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        RoleForm form = new RoleForm(displayName, description, source == null ? null : source.name(), editable,
                emptyValue == null ? null : emptyValue.name());
        try {
            RoleView role = roles.create(new RoleRequest(displayName, Formats.blankToNull(description), source,
                    editable, emptyValue));
            return page(RoleForm.EMPTY, new Outcome("Role " + role.displayName() + " added (key " + role.key() + ").",
                    false, null));
        } catch (ProblemException refused) {
            return page(form, refusal(refused));
        }
    }

    private TemplateInstance page(RoleForm form, Outcome outcome) {
        return Templates.settings(tasks.policy(), roles.all(), form, outcome);
    }

    private static Outcome refusal(ProblemException refused) {
        return refusal(refused, "displayName");
    }

    /** A refusal shown at the field it names, or at {@code otherwise} when it names none. */
    static Outcome refusal(ProblemException refused, String otherwise) {
        String field = refused.errors().stream().map(Problem.FieldError::field).filter(f -> f != null).findFirst()
                .orElse(otherwise);
        return new Outcome(refused.getMessage(), true, field);
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
