package io.teamplay.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Access;
import io.teamplay.imports.ImportError;
import io.teamplay.imports.ImportUploads;
import io.teamplay.imports.ImportView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;

/**
 * The import screen: upload a CSV file (the integration path, as {@code POST /api/imports/accounts}), watch its
 * progress (the page polls its progress fragment every second while it runs), read the per-row report and download
 * the errors as CSV. STANDARD users and up, as the imports API allows.
 */
@Path("/imports")
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(String error);

        static native TemplateInstance run(ImportView run);

        static native TemplateInstance run$progress(ImportView run);
    }

    @Inject
    ImportUploads imports;
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
    public TemplateInstance form() {
        return Templates.upload(null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public Response upload(@RestForm("file") FileUpload file, @RestForm("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return Response.status(400).entity(Templates.upload("Choose a CSV file first.")).build();
        }
        try (InputStream csv = Files.newInputStream(file.uploadedFile())) {
            ImportView started = imports.startCsv(csv, viewer.id());
            return Response.seeOther(URI.create("/imports/" + started.id())).build();
        } catch (ProblemException refused) {
            return Response.status(refused.status()).entity(Templates.upload(refused.getMessage()
                    + refused.errors().stream().map(e -> " (" + (e.field() != null ? e.field() : "line " + e.line()) + ": "
                    + e.message() + ")").reduce("", String::concat))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public TemplateInstance show(String id) {
        return Templates.run(view(id));
    }

    /** The progress and, once done, the report: what the page polls. */
    @GET
    @Path("{id}/progress")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public TemplateInstance progress(String id) {
        return Templates.run$progress(view(id));
    }

    @GET
    @Path("{id}/errors.csv")
    @Produces("text/csv")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public Response errorsCsv(String id) {
        ImportView run = view(id);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("line", "column", "message").get())) {
            for (ImportError error : run.errors()) {
                csv.printRecord(error.line(), error.column(), error.message());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + run.id() + "-errors.csv\"").build();
    }

    private ImportView view(String id) {
        return imports.view(id, viewer.id(), identity.hasRole(Access.ADMIN));
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
