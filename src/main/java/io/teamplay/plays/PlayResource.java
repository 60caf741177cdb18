package io.teamplay.plays;

import io.teamplay.common.ProblemException;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
    PlayPreview preview;
    @Inject
    PlayBackfill backfill;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;
    @Inject
    Actor actor;
    @Inject
    PlayEditor editor;
    @Inject
    PlaysInForce inForce;
    @Inject
    PlayVersions versions;
    @Inject
    PlayPermission permission;

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
        return PlayView.of(inForce.shown(name).orElseThrow(() -> notFound(name)), activations.isActive(name), true);
    }

    @PUT
    @Path("{name}")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response put(String name, String source) {
        String playName = PlayFile.nameOf(name);
        permission.requireMayRun(playName);
        permission.requireMayHandTo(PlayFile.of(PlayEditor.fileName(name, source), source == null ? "" : source).team(),
                playName);
        PlayEditor.Saved saved = editor.save(name, source == null ? "" : source, actor.id());
        PlayView view = PlayView.of(inForce.shown(saved.play()).orElseThrow(), activations.isActive(saved.play()), true)
                .withWarnings(saved.version(), saved.warnings());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @POST
    @Path("{name}/activate")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    @Consumes(MediaType.WILDCARD)
    public PlayView activate(String name, String body) {
        Activation request = activationRequest(body);
        PlayView activated = activation(name, true);
        if (request != null && request.applyToExisting()) {
            return activated.withExistingAccountsQueued(backfill.queue(name, request.filter(), actor.id()));
        }
        return activated;
    }

    /**
     * Optional body of activate: {@code applyToExisting} runs the play once on every account there is now, or on
     * those {@code filter} (as bulk assign takes it) matches.
     */
    public record Activation(boolean applyToExisting, io.teamplay.segments.SegmentFilter filter) {
    }

    /** The body is optional (clients activate with an empty POST), so it is read as text: any content type goes. */
    private Activation activationRequest(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, Activation.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.badRequest("body", "the body of activate is {\"applyToExisting\": true, "
                    + "\"filter\": {...}} or nothing: " + e.getOriginalMessage());
        }
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
        permission.requireMayRun(name);
        if (request == null) {
            throw ProblemException.badRequest("accountId", "a body {accountId, event?} is required");
        }
        return dryRun.run(name, request.accountId(), request.event());
    }

    /** The play fired on every account of a segment, writing nothing: what it would change, account by account. */
    @POST
    @Path("{name}/preview")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public PlayPreview.Result preview(String name, @Valid @NotNull(message = "{body.required}") PlayPreview.Request request) {
        permission.requireMayRun(name);
        return preview.run(name, request);
    }

    @GET
    @Path("{name}/runs")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public List<RunView> runs(String name, @QueryParam("limit") @DefaultValue("100") int limit) {
        library.play(name).orElseThrow(() -> notFound(name));
        return runs.of(name, Math.max(1, Math.min(limit, 1000)));
    }

    /** Every saved version of the play, newest first. */
    @GET
    @Path("{name}/versions")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public List<PlayVersionView.Summary> versions(String name) {
        List<PlayVersion> all = versions.of(name);
        if (all.isEmpty()) {
            throw notFound(name);
        }
        Integer running = activations.versionInForce(name).orElse(null);
        return all.stream().map(v -> PlayVersionView.Summary.of(v, running)).toList();
    }

    @GET
    @Path("{name}/versions/{version}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public PlayVersionView.Detail version(String name, int version) {
        return PlayVersionView.Detail.of(versionOf(name, version), activations.versionInForce(name).orElse(null),
                versions);
    }

    /** A unified diff from version {@code against} (default: the one before) to this version. */
    @GET
    @Path("{name}/versions/{version}/diff")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public String diff(String name, int version, @QueryParam("against") Integer against) {
        PlayVersion to = versionOf(name, version);
        PlayVersion from = against != null ? versionOf(name, against)
                : version > 1 ? versions.find(name, version - 1).orElse(null) : null;
        return PlayDiff.unified(from, to);
    }

    /** Rollback: puts this version in force (and activates the play if it was not active). */
    @POST
    @Path("{name}/versions/{version}/activate")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public PlayView rollback(String name, int version) {
        permission.requireMayRun(name);
        editor.rollback(name, version, actor.id());
        return PlayView.of(inForce.shown(name).orElseThrow(() -> notFound(name)), true, false);
    }

    /**
     * The play's text as a file for the rules directory (to keep it in git): the version it shows, or {@code version}.
     * Loaded back from the directory, a file equal to the play's latest version adds no version.
     */
    @GET
    @Path("{name}/export")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Response export(String name, @QueryParam("version") Integer version) {
        String fileName;
        String source;
        if (version != null) {
            PlayVersion chosen = versionOf(name, version);
            fileName = chosen.fileName;
            source = chosen.source;
        } else {
            var shown = inForce.shown(name).orElseThrow(() -> notFound(name)).status();
            fileName = shown.fileName();
            source = shown.source();
        }
        return Response.ok(source, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private PlayVersion versionOf(String name, int version) {
        return versions.find(name, version).orElseThrow(() -> ProblemException.notFound(
                "No version " + version + " of a play named " + name));
    }

    private PlayView activation(String name, boolean active) {
        permission.requireMayRun(name);
        if (active) {
            editor.activate(name, actor.id());
        } else {
            editor.deactivate(name, actor.id());
        }
        return PlayView.of(inForce.shown(name).orElseThrow(() -> notFound(name)), active, false);
    }

    private ProblemException notFound(String name) {
        int refused = versions.of(name).size();
        return ProblemException.notFound("No play named " + name + (refused == 0 ? ""
                : " (its " + refused + " saved version(s) were refused: see /api/plays/" + name + "/versions)"));
    }
}
