package io.newswire.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ingest along its seam: {@code formats} turn bytes into items and know nothing of where the bytes came
 * from or where the articles go; {@code sources} (files, drop folder, feeds, HTTP push) read bytes, parse
 * them with the formats and hand articles to the publisher in the root package, which imports neither.
 */
class ArchitectureTest {

    private static final String ROOT = "io.newswire.ingest";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void shouldHaveNoImportCycle() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void shouldKeepFormatsFreeOfSourcesAndPublishing() {
        noClasses().that().resideInAPackage(ROOT + ".formats..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".sources..", ROOT)
                .check(classes);
    }

    @Test
    void shouldKeepThePublisherFreeOfSourcesAndFormats() {
        noClasses().that().resideInAPackage(ROOT)
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".sources..", ROOT + ".formats..")
                .check(classes);
    }
}
