package io.teamplay.plays;

import io.teamplay.common.ProblemException;
import io.teamplay.plays.facts.EventType;
import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;

@Path("/api/events")
public class EventResource {

    @Inject
    PlayEventOutbox outbox;
    @Inject
    PlayRuns runs;
    @Inject
    Actor actor;

    /**
     * Queues an account event from outside: 202 whether new or a redelivery (handled once either way). A DAILY event
     * replays the daily tick of a date, which only ADMIN users may do.
     */
    @POST
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public Response accept(ExternalEvent event) {
        if (event == null) {
            throw ProblemException.badRequest("type", "an event {id?, type, accountId, ...} is required");
        }
        if (PlayEventOutbox.parseType(event.type()) == EventType.DAILY && !actor.isAdmin()) {
            throw ProblemException.forbidden("Only ADMIN users may replay a daily tick (type DAILY)");
        }
        boolean queued = outbox.accept(event, actor.id());
        return Response.accepted(Map.of("queued", queued)).build();
    }

    /** An event's state and what the plays did on it. */
    @GET
    @Path("{id}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Map<String, Object> get(String id) {
        EventView event = runs.event(id).orElseThrow(() -> ProblemException.notFound("No event with id " + id));
        return Map.of("event", event, "runs", runs.ofEvent(id));
    }
}
