package io.teamplay.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import io.teamplay.plays.PlayEditor;
import io.teamplay.plays.PlayStudio;
import io.teamplay.plays.PlayVersionView;
import io.teamplay.plays.RunView;
import io.teamplay.segments.SegmentFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The play studio: the plays with their state and recent runs; an editor checked as you type (the same checks as a
 * save, nothing written) with the sentences of plays.dsl to insert; versions with their diffs and rollback; a dry run
 * on one account and a preview over a segment; a play's runs. Everyone reads; saving, activating, rolling back and
 * trying a play take what the API takes (ADMIN, or ADVANCED in the play's team), checked by {@link PlayStudio}.
 */
@Path("/plays")
@Produces(MediaType.TEXT_HTML)
public class PlayStudioPages {

    static final Duration RECENT = Duration.ofDays(7);
    static final int LISTED_RUNS = 100;
    private static final Logger LOG = Logger.getLogger(PlayStudioPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plays(List<PlayStudio.PlayRow> plays, Map<String, Boolean> mayRun,
                                             boolean mayWrite, String message);

        static native TemplateInstance editor(StudioView.Heading heading, StudioView.Editor editor,
                                              List<PlayStudio.Sentence> sentences, StudioView.Outcome outcome);

        static native TemplateInstance check(StudioView.Checked checked, boolean oob);

        static native TemplateInstance versions(StudioView.Heading heading, List<PlayVersionView.Summary> versions,
                                                String message);

        static native TemplateInstance version(StudioView.Heading heading, PlayVersionView.Detail version,
                                               StudioView.Lines lines, Integer against, StudioView.Diff diff);

        static native TemplateInstance rollback(StudioView.Heading heading, PlayVersionView.Detail version,
                                                Integer inForce, StudioView.Diff diff);

        static native TemplateInstance trial(StudioView.Heading heading, StudioView.TrialForm form,
                                             StudioView.DryRunShown dryRun, StudioView.PreviewShown preview,
                                             StudioView.Outcome outcome);

        static native TemplateInstance runs(StudioView.Heading heading, List<RunView> runs);
    }

    @Inject
    PlayStudio studio;
    @Inject
    Viewer viewer;
    @Inject
    SecurityIdentity identity;
    @Inject
    WebErrors errors;
    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance list(@QueryParam("done") String done, @QueryParam("play") String play) {
        String message = said(done, play);
        List<PlayStudio.PlayRow> plays = studio.plays(Instant.now().minus(RECENT));
        Map<String, Boolean> mayRun = new java.util.HashMap<>();
        plays.forEach(p -> mayRun.put(p.name(), mayWrite() && studio.mayRun(p.name())));
        return Templates.plays(plays, mayRun, mayWrite(), message);
    }

    @GET
    @Path("new")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public TemplateInstance create() {
        List<String> teams = identity.getAttribute(Actor.TEAMS);
        String team = teams == null || teams.isEmpty() ? "Your team" : teams.get(0);
        String source = StudioView.starter(team);
        return Templates.editor(null, StudioView.Editor.of("", source, true, StudioView.Checked.none(source)),
                studio.sentences(), null);
    }

    @GET
    @Path("{name}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance edit(String name, @QueryParam("saved") Integer saved) {
        PlayStudio.Draft draft = draft(name);
        StudioView.Checked shown = StudioView.Checked.of(draft.source(), draft.errors(), draft.warnings());
        StudioView.Outcome outcome = saved == null ? null : new StudioView.Outcome("Saved as version " + saved
                + (draft.active() ? ", in force now." : ". The play is inactive: try it, then activate it."), false);
        return Templates.editor(heading(draft), StudioView.Editor.of(draft.name(), draft.source(),
                mayWrite() && studio.mayRun(name), shown), studio.sentences(), outcome);
    }

    /** The editor's check as you type: the same checks as a save; nothing is written. */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public TemplateInstance check(@FormParam("name") String name, @FormParam("source") String source,
                                  @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        String text = source == null ? "" : source.replace("\r\n", "\n");
        String play = Formats.blankToNull(name) == null ? "new-play" : name.trim();
        PlayStudio.Check found = studio.check(play, text);
        return Templates.check(StudioView.Checked.of(text, found.errors(), found.warnings()), true);
    }

    @POST
    @Path("save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response save(@FormParam("name") String name, @FormParam("source") String source,
                         @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        String text = source == null ? "" : source.replace("\r\n", "\n");
        String play = name == null ? "" : name.trim();
        try {
            PlayEditor.Saved saved = studio.save(play, text);
            LOG.infof("Play %s saved from the studio by %s as version %d", saved.play(), viewer.id(), saved.version());
            return Response.seeOther(UriBuilder.fromPath("/plays/{name}").queryParam("saved", saved.version())
                    .build(saved.play())).build();
        } catch (ProblemException refused) {
            if (refused.status() == 403) {
                throw refused;
            }
            StudioView.Checked checked = StudioView.Checked.refused(text, refused);
            PlayStudio.Draft draft = studio.draft(io.teamplay.plays.engine.PlayFile.nameOf(play)).orElse(null);
            return Response.status(refused.status()).entity(Templates.editor(draft == null ? null : heading(draft),
                    StudioView.Editor.of(play, text, true, checked), studio.sentences(),
                    new StudioView.Outcome(refused.getMessage(), true))).build();
        }
    }

    @POST
    @Path("{name}/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response activate(String name, @FormParam("csrf") String csrf, @FormParam("back") String back) {
        viewer.requireCsrf(csrf);
        studio.activate(name);
        return back(back, name, "activated");
    }

    @POST
    @Path("{name}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response deactivate(String name, @FormParam("csrf") String csrf, @FormParam("back") String back) {
        viewer.requireCsrf(csrf);
        studio.deactivate(name);
        return back(back, name, "deactivated");
    }

    @GET
    @Path("{name}/versions")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance versions(String name, @QueryParam("done") String done, @QueryParam("version") Integer version) {
        String message = "rolled-back".equals(done) && version != null
                ? "Version " + version + " is in force; the play is active." : null;
        return Templates.versions(heading(draft(name)), studio.versions(name), message);
    }

    /** One version: its text and findings, and its diff against {@code against} (default: the version before). */
    @GET
    @Path("{name}/versions/{version}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance version(String name, int version, @QueryParam("against") Integer against) {
        PlayVersionView.Detail detail = detail(name, version);
        Integer from = against != null ? against : version > 1 ? version - 1 : null;
        return Templates.version(heading(draft(name)), detail, StudioView.Lines.of(detail.source(), detail.errors()),
                from, StudioView.Diff.of(studio.diff(name, from, version)));
    }

    /** The compare form of the versions page: the diff between the two versions chosen. */
    @GET
    @Path("{name}/versions/compare")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance compare(String name, @QueryParam("against") Integer against, @QueryParam("to") int to) {
        return version(name, to, against);
    }

    /** The confirmation of a rollback: what will run instead of what runs now. */
    @GET
    @Path("{name}/versions/{version}/rollback")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public TemplateInstance confirmRollback(String name, int version) {
        PlayStudio.Draft draft = draft(name);
        if (!studio.mayRun(name)) {
            throw ProblemException.forbidden("Only ADMIN users, or ADVANCED users of the team " + draft.team()
                    + ", may roll back the play " + name);
        }
        PlayVersionView.Detail detail = detail(name, version);
        Integer inForce = draft.versionInForce();
        return Templates.rollback(heading(draft), detail, inForce,
                StudioView.Diff.of(studio.diff(name, inForce != null ? inForce : draft.version(), version)));
    }

    @POST
    @Path("{name}/versions/{version}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public Response rollback(String name, int version, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        studio.rollback(name, version);
        LOG.infof("Play %s rolled back to version %d from the studio by %s", name, version, viewer.id());
        return Response.seeOther(UriBuilder.fromPath("/plays/{name}/versions")
                .queryParam("done", "rolled-back").queryParam("version", version).build(name)).build();
    }

    @GET
    @Path("{name}/try")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance trial(String name, @QueryParam("done") String done) {
        String message = said(done, name);
        return Templates.trial(heading(draft(name)), StudioView.TrialForm.EMPTY, null, null,
                message == null ? null : new StudioView.Outcome(message, false));
    }

    @POST
    @Path("{name}/dry-run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public TemplateInstance dryRun(String name, @BeanParam StudioView.TrialForm form, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        StudioView.Heading heading = heading(draft(name));
        try {
            var result = studio.dryRun(name, form.accountId, form.event());
            return Templates.trial(heading, form, StudioView.DryRunShown.of(result), null, null);
        } catch (ProblemException refused) {
            if (refused.status() == 403) {
                throw refused;
            }
            return Templates.trial(heading, form, null, null, new StudioView.Outcome(refused.getMessage(), true));
        }
    }

    @POST
    @Path("{name}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED})
    public TemplateInstance preview(String name, @BeanParam StudioView.TrialForm form, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        StudioView.Heading heading = heading(draft(name));
        Map<String, String> attributes = Formats.blankToNull(form.attribute) == null ? Map.of()
                : Map.of(form.attribute.trim(), form.value == null ? "" : form.value.trim());
        SegmentFilter filter = new SegmentFilter(Formats.blankToNull(form.role), Formats.blankToNull(form.assignee),
                attributes);
        try {
            var result = studio.preview(name, filter, form.event());
            return Templates.trial(heading, form, null, StudioView.PreviewShown.of(result), null);
        } catch (ProblemException refused) {
            if (refused.status() == 403) {
                throw refused;
            }
            return Templates.trial(heading, form, null, null, new StudioView.Outcome(refused.getMessage(), true));
        }
    }

    @GET
    @Path("{name}/runs")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance runs(String name) {
        return Templates.runs(heading(draft(name)), studio.runs(name, LISTED_RUNS));
    }

    private PlayStudio.Draft draft(String name) {
        return studio.draft(name).orElseThrow(() -> ProblemException.notFound("No play named " + name));
    }

    private PlayVersionView.Detail detail(String name, int version) {
        return studio.version(name, version).orElseThrow(() -> ProblemException.notFound(
                "No version " + version + " of a play named " + name));
    }

    private StudioView.Heading heading(PlayStudio.Draft draft) {
        return new StudioView.Heading(draft.name(), draft.team(), draft.status(), draft.active(), draft.version(),
                draft.versionInForce(), mayWrite() && studio.mayRun(draft.name()));
    }

    /** Saving and running plays: the permissions the API's play changes allow (the team is checked by the studio). */
    private boolean mayWrite() {
        return identity.hasRole(Access.ADMIN) || identity.hasRole(Access.ADVANCED);
    }

    /** Back to the play's page or the list, saying what was done (a word, so no text of the URL is shown). */
    private static Response back(String back, String name, String done) {
        UriBuilder target = "play".equals(back) ? UriBuilder.fromPath("/plays/{name}/try")
                : UriBuilder.fromPath("/plays").queryParam("play", "{name}");
        return Response.seeOther(target.queryParam("done", done).build(name)).build();
    }

    private static String said(String done, String play) {
        if (play == null || !("activated".equals(done) || "deactivated".equals(done))) {
            return null;
        }
        return "The play " + play + " is " + ("activated".equals(done) ? "active: it runs on new events."
                : "inactive: it no longer runs.");
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
