package io.newswire.processors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Keeps the house as drawn: each pipeline step is a package an article passes through in order, and a step
 * may import only earlier steps and {@code state}; the root package (the topology) imports every step and
 * no step imports it.
 */
class ArchitectureTest {

    private static final String ROOT = "io.newswire.processors";
    /** The steps in the order an article passes through them. */
    static final List<String> STEPS = List.of("prepare", "nlp", "match", "resolve", "stories");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    private static String pkg(String step) {
        return ROOT + "." + step + "..";
    }

    @Nested
    class Packages {

        @Test
        void shouldHaveNoImportCycle() {
            slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
        }

        @Test
        void shouldNotImportTheTopologyFromAnyStep() {
            noClasses().that().resideOutsideOfPackage(ROOT).and().resideInAPackage(ROOT + "..")
                    .should().dependOnClassesThat().resideInAPackage(ROOT)
                    .check(classes);
        }

        @Test
        void shouldKeepSharedStateFreeOfSteps() {
            noClasses().that().resideInAPackage(pkg("state"))
                    .should().dependOnClassesThat().resideInAnyPackage(STEPS.stream().map(s -> pkg(s)).toArray(String[]::new))
                    .check(classes);
        }
    }

    @Nested
    class Steps {

        @Test
        void shouldImportOnlyEarlierSteps() {
            for (int i = 0; i < STEPS.size() - 1; i++) {
                String[] later = STEPS.subList(i + 1, STEPS.size()).stream().map(s -> pkg(s)).toArray(String[]::new);
                noClasses().that().resideInAPackage(pkg(STEPS.get(i)))
                        .should().dependOnClassesThat().resideInAnyPackage(later)
                        .because(STEPS.get(i) + " comes before " + String.join(", ", STEPS.subList(i + 1, STEPS.size())))
                        .check(classes);
            }
        }

        @Test
        void shouldKeepTheTwoIndexesApart() {
            noClasses().that().resideInAPackage(pkg("match.lsh"))
                    .should().dependOnClassesThat().resideInAPackage(pkg("match.vectors")).check(classes);
            noClasses().that().resideInAPackage(pkg("match.vectors"))
                    .should().dependOnClassesThat().resideInAPackage(pkg("match.lsh")).check(classes);
        }

        @Test
        void shouldKeepTheIndexesUnawareOfTheirScatterGather() {
            noClasses().that().resideInAnyPackage(pkg("match.lsh"), pkg("match.vectors"))
                    .should().dependOnClassesThat().resideInAPackage(ROOT + ".match")
                    .check(classes);
        }
    }
}
