package com.leadlex.importer.cli;

/**
 * {@code --version}: the Implementation-Version of the jar's manifest, read through the package of
 * the application class (run from classes, there is none: "development build").
 */
final class Version {

    private Version() {
    }

    static String of(Class<?> applicationClass) {
        Package applicationPackage = applicationClass.getPackage();
        String version = applicationPackage == null ? null : applicationPackage.getImplementationVersion();
        return "leadlex-importer " + (version == null || version.isBlank() ? "development build" : version);
    }
}
