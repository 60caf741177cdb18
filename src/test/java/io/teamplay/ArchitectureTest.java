package io.teamplay;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.teamplay.common.Problem;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Feature packages talk through services and events, never into each other's entities (their tables). */
class ArchitectureTest {

    private static final List<String> FEATURES = List.of(
            "users", "roles", "accounts", "assignments", "tasks", "imports", "segments", "security",
            "plays", "notifications", "common");

    /**
     * The service's own classes, imported once for the class (JUnit makes an instance per test) from the folder they
     * were compiled to, rather than by searching every jar of the class path for the package; what else is looked up:
     * see src/test/resources/archunit.properties.
     */
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(mainClasses());

    @Test
    void shouldKeepPackagesFreeOfCycles() {
        slices().matching("io.teamplay.(*)..")
                .should().beFreeOfCycles()
                .because("dependencies point one way: plays -> assignments/tasks/segments/imports/notifications "
                        + "-> accounts/users/roles -> common, with security on top (docs/ARCHITECTURE.md)")
                .check(classes);
    }

    @Test
    void shouldKeepTheWebAppOnTop() {
        noClasses().that().resideOutsideOfPackage("io.teamplay.web..")
                .should().dependOnClassesThat().resideInAPackage("io.teamplay.web..")
                .because("the web app's pages use the features' services; no feature depends on a page")
                .check(classes);
    }

    @Test
    void shouldKeepEntitiesInsideTheirFeature() {
        for (String feature : FEATURES) {
            String home = "io.teamplay." + feature;
            noClasses().that().resideOutsideOfPackage(home + "..")
                    .should().dependOnClassesThat(entitiesOf(home))
                    .because("only the " + feature + " feature may touch its own tables")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void shouldKeepEntitiesPackagePrivate() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().areAssignableTo(PanacheEntityBase.class).and().doNotHaveFullyQualifiedName(PanacheEntityBase.class.getName())
                .should().notBePublic()
                .because("entities are the feature's own; other features see views and services")
                .allowEmptyShould(true)
                .check(classes);
    }

    private static Path mainClasses() {
        try {
            return Path.of(Problem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DescribedPredicate<JavaClass> entitiesOf(String featurePackage) {
        return DescribedPredicate.describe("entities of " + featurePackage, c ->
                c.getPackageName().startsWith(featurePackage) && c.isAssignableTo(PanacheEntityBase.class)
                        && !c.getName().equals(PanacheEntityBase.class.getName()));
    }
}
