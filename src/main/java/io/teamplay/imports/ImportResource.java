package io.teamplay.imports;

import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URI;

@Path("/api/imports")
public class ImportResource {

    @Inject
    AccountImports imports;
    @Inject
    ImportRuns runs;
    @Inject
    Actor actor;

    @POST
    @Path("accounts")
    @Consumes({"text/csv", "text/plain"})
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public Response importCsv(InputStream csv, @HeaderParam("Prefer") String prefer) {
        return answer(imports.start(csv, ImportFormat.CSV, actor.id(), respondAsync(prefer)));
    }

    @POST
    @Path("accounts")
    @Consumes("application/json")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public Response importJson(InputStream json, @HeaderParam("Prefer") String prefer) {
        return answer(imports.start(json, ImportFormat.JSON, actor.id(), respondAsync(prefer)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public ImportView get(@PathParam("id") String id) {
        return runs.view(id, actor.id(), actor.isAdmin());
    }

    private static Response answer(AccountImports.Started started) {
        if (started.report() != null) {
            return Response.ok(started.report()).build();
        }
        return Response.accepted(started.view()).location(URI.create("/api/imports/" + started.view().id())).build();
    }

    private static boolean respondAsync(String prefer) {
        return prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async");
    }
}
