package io.teamplay.imports;

import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

@Path("/api/imports")
public class ImportResource {

    @Inject
    AccountImportService imports;
    @Inject
    Actor actor;

    @POST
    @Path("accounts")
    @Consumes({"text/csv", "text/plain"})
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public ImportReport importAccounts(InputStream csv) {
        return imports.importAccounts(new InputStreamReader(csv, StandardCharsets.UTF_8), actor.id());
    }
}
