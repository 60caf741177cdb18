package io.teamplay.plays;

import io.teamplay.common.ProblemException;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.security.Access;
import io.teamplay.security.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

@Path("/api/plays")
public class PlayResource {

    /** Body of a dry run: the account, and optionally the event to evaluate (else today's daily tick). */
    public record DryRunRequest(String accountId, ExternalEvent event) {
    }

    @Inject
    PlayLibrary library;
    @Inject
    PlayActivations activations;
    @Inject
    PlayRuns runs;
    @Inject
    DryRun dryRun;
    @Inject
    Actor actor;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public List<PlayView> all() {
        Set<String> active = activations.active();
        return library.plays().stream().map(p -> PlayView.of(p, active.contains(p.name()), false)).toList();
    }

    @GET
    @Path("{name}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public PlayView get(String name) {
        return PlayView.of(library.play(name).orElseThrow(() -> notFound(name)), activations.isActive(name), true);
    }

    @PUT
    @Path("{name}")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response put(String name, String source) {
        String playName = io.teamplay.plays.engine.PlayFile.nameOf(name);
        library.play(playName).ifPresent(this::requireMayRun);
        boolean created = library.put(name, source == null ? "" : source, this::mayRunPlaysOf);
        PlayView view = PlayView.of(library.play(playName).orElseThrow(), activations.isActive(playName), true);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @POST
    @Path("{name}/activate")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public PlayView activate(String name) {
        return activation(name, true);
    }

    @POST
    @Path("{name}/deactivate")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public PlayView deactivate(String name) {
        return activation(name, false);
    }

    @POST
    @Path("{name}/dry-run")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public DryRun.Result dryRun(String name, DryRunRequest request) {
        library.play(name).ifPresent(this::requireMayRun);
        if (request == null) {
            throw ProblemException.badRequest("accountId", "a body {accountId, event?} is required");
        }
        return dryRun.run(name, request.accountId(), request.event());
    }

    @GET
    @Path("{name}/runs")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public List<RunView> runs(String name, @QueryParam("limit") @DefaultValue("100") int limit) {
        library.play(name).orElseThrow(() -> notFound(name));
        return runs.of(name, Math.max(1, Math.min(limit, 1000)));
    }

    private PlayView activation(String name, boolean active) {
        var play = library.play(name).orElseThrow(() -> notFound(name));
        requireMayRun(play);
        if (active && !play.ok()) {
            throw ProblemException.refused("name", "The play " + name + " does not compile, so it cannot be activated: "
                    + play.errors().get(0));
        }
        activations.set(name, active, actor.id());
        // committed above: the book is rebuilt with the active plays only (other instances follow on their scan)
        library.activationChanged();
        return PlayView.of(play, active, false);
    }

    /** Saving, activating and running a play: ADMIN users, or (per @RolesAllowed) ADVANCED users of its team. */
    private void requireMayRun(PlayStatus play) {
        if (!mayRunPlaysOf(play.team())) {
            throw ProblemException.forbidden("Only ADMIN users, or ADVANCED users of the team " + play.team()
                    + ", may change or run the play " + play.name());
        }
    }

    private boolean mayRunPlaysOf(String team) {
        return actor.isAdmin() || actor.belongsTo(team);
    }

    private static ProblemException notFound(String name) {
        return ProblemException.notFound("No play named " + name);
    }
}
