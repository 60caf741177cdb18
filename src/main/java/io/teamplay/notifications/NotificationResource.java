package io.teamplay.notifications;

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

import java.util.Map;

/** The caller's own in-app notifications (the admin token reads those addressed to "admin-token"). */
@Path("/api/notifications")
public class NotificationResource {

    @Inject
    NotificationService notifications;
    @Inject
    Actor actor;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Page<NotificationView> mine(@QueryParam("unread") boolean unreadOnly, @BeanParam PageRequest page) {
        return notifications.of(actor.id(), unreadOnly, page.validated());
    }

    @POST
    @Path("{id}/read")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public NotificationView read(long id) {
        return notifications.markRead(actor.id(), id);
    }

    @POST
    @Path("read-all")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Map<String, Integer> readAll() {
        return Map.of("marked", notifications.markAllRead(actor.id()));
    }
}
