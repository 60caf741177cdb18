package io.teamplay.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Access;
import io.teamplay.notifications.NotificationService;
import io.teamplay.notifications.NotificationView;
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
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/** The viewer's in-app notices, newest first; each links to the account it is about. */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
public class NotificationPages {

    static final int LISTED = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(Page<NotificationView> notices);
    }

    @Inject
    NotificationService notifications;
    @Inject
    Viewer viewer;
    @Inject
    WebErrors errors;
    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance list() {
        return Templates.notifications(notifications.of(viewer.id(), false, PageRequest.of(0, LISTED)));
    }

    @POST
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Response read(long id, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        notifications.markRead(viewer.id(), id);
        return Response.seeOther(URI.create("/notifications")).build();
    }

    @POST
    @Path("read-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Response readAll(@FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        notifications.markAllRead(viewer.id());
        return Response.seeOther(URI.create("/notifications")).build();
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
