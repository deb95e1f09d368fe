package com.leadlex.importer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package layout reads as the data path: from the edges ({@code web}, {@code cli},
 * {@code sources}, {@code webhook}) through {@code intake} and {@code importjob} (and the contact
 * directory below it) down to {@code staging}, {@code leadlex} and {@code ledger}; {@code system} and
 * {@code sandbox} aside; {@code notify} at the edge, listening to events that the job and the sources define;
 * {@code cluster} (nodes and their leader) just above the ledger, asked by the job, the sources and the web;
 * {@code pool} (the per-campaign pool of pending IDs that webhooks and small lists share) just below the door.
 * Arrows point one way and no two feature packages import each other.
 */
class ArchitectureTest {

    private static final String ROOT = "com.leadlex.importer";
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void featurePackagesImportEachOtherInNoLoop() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void stagingKnowsNothingOfImportsSourcesOrLeadLex() {
        noClasses().that().resideInAPackage(ROOT + ".staging..").should().dependOnClassesThat()
                .resideInAnyPackage(packages("intake", "pool", "importjob", "contacts", "leadlex", "ledger", "sources",
                        "webhook", "web", "cli", "sandbox"))
                .check(classes);
    }

    @Test
    void theBottomLayersDoNotCallUpwards() {
        noClasses().that().resideInAnyPackage(packages("leadlex", "ledger")).should().dependOnClassesThat()
                .resideInAnyPackage(packages("intake", "pool", "importjob", "contacts", "sources", "webhook", "web",
                        "cli", "notify", "cluster"))
                .check(classes);
    }

    @Test
    void theClusterKnowsOnlyTheLedgerAndSystemBelowIt() {
        noClasses().that().resideInAPackage(ROOT + ".cluster..").should().dependOnClassesThat()
                .resideInAnyPackage(packages("staging", "intake", "pool", "importjob", "contacts", "leadlex", "sources",
                        "webhook", "web", "cli", "notify", "sandbox"))
                .check(classes);
    }

    @Test
    void theContactDirectorySitsBetweenTheJobAndLeadLex() {
        noClasses().that().resideInAPackage(ROOT + ".contacts..").should().dependOnClassesThat()
                .resideInAnyPackage(packages("intake", "pool", "importjob", "sources", "webhook", "web", "cli", "notify",
                        "sandbox"))
                .check(classes);
    }

    @Test
    void theJobDoesNotKnowWhereListsComeFrom() {
        noClasses().that().resideInAPackage(ROOT + ".importjob..").should().dependOnClassesThat()
                .resideInAnyPackage(packages("intake", "pool", "sources", "webhook", "web", "cli"))
                .check(classes);
    }

    @Test
    void thePoolSitsBelowTheDoorAndKnowsNotWhoFillsIt() {
        noClasses().that().resideInAPackage(ROOT + ".pool..").should().dependOnClassesThat()
                .resideInAnyPackage(packages("intake", "sources", "webhook", "web", "cli", "notify", "sandbox"))
                .check(classes);
    }

    @Test
    void intakeDoesNotKnowItsCallers() {
        noClasses().that().resideInAPackage(ROOT + ".intake..").should().dependOnClassesThat()
                .resideInAnyPackage(packages("sources", "webhook", "web", "cli"))
                .check(classes);
    }

    @Test
    void systemAndTheSandboxDependOnNoFeature() {
        noClasses().that().resideInAnyPackage(packages("system", "sandbox")).should().dependOnClassesThat()
                .resideInAnyPackage(packages("staging", "intake", "pool", "importjob", "contacts", "leadlex", "ledger",
                        "sources", "webhook", "web", "cli", "notify", "cluster"))
                .check(classes);
    }

    @Test
    void nothingDependsOnNotificationsTheyOnlyListen() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".notify..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".notify..")
                .check(classes);
    }

    @Test
    void notificationsKnowTheJobAndSourcesButNotTheEdgesOrTheDoor() {
        noClasses().that().resideInAPackage(ROOT + ".notify..").should().dependOnClassesThat()
                .resideInAnyPackage(packages("intake", "webhook", "web", "cli", "sandbox"))
                .check(classes);
    }

    @Test
    void theCommandLineDoesNotReachBackIntoTheApplicationClass() {
        noClasses().that().resideInAPackage(ROOT + ".cli..").should().dependOnClassesThat()
                .belongToAnyOf(LeadLexImporterApplication.class)
                .check(classes);
    }

    private static String[] packages(String... features) {
        String[] result = new String[features.length];
        for (int i = 0; i < features.length; i++) {
            result[i] = ROOT + "." + features[i] + "..";
        }
        return result;
    }
}
