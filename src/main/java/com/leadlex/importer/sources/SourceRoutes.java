package com.leadlex.importer.sources;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes one route per configured, enabled source ({@code importer.sources.<name>.*}) from its kind's
 * route template under {@code routes/}, with the route id {@code <name>}.
 * <p>
 * When: after Camel has loaded the route files (so the templates are there) and before it starts
 * ({@code beforeApplicationStart}). The routes then start like any route file's: their from-endpoints
 * ({@code file:}, {@code sftp:}) match {@code camel.main.auto-startup-exclude-pattern}, so Camel
 * leaves them stopped and {@link com.leadlex.importer.system.StartupSequence} starts them once
 * interrupted imports are recovered. Making them here rather than in a start-up step also means a
 * settings error stops start-up before anything runs, and every other part (the SFTP host-key
 * check, the health indicator) sees the sources as routes from the start.
 * <p>
 * A source switched off ({@code enabled: false}), or an SFTP source with no usable secret, gets no
 * route: it is listed as disabled with the reason, and everything else starts. A missing secret is
 * one WARN line; wrong settings stop start-up naming the source ({@link SourceSettingsException}).
 */
@Component
public class SourceRoutes implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SourceRoutes.class);

    private final SourcesProperties properties;
    private final SourceStatusRegistry statuses;

    public SourceRoutes(SourcesProperties properties, SourceStatusRegistry statuses) {
        this.properties = properties;
        this.statuses = statuses;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        if (!camel.getPropertiesComponent().hasPropertiesFunction(TemplateParameterFunction.NAME)) {
            camel.getPropertiesComponent().addPropertiesFunction(new TemplateParameterFunction(camel));
        }
        properties.sources().forEach((name, settings) -> {
            if (!properties.watchSources()) {
                statuses.disable(name, "not watched by a one-shot command");
            } else if (!settings.enabled()) {
                statuses.disable(name, "switched off (enabled: false)");
            } else {
                add(camel, name, settings);
            }
        });
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
    }

    private void add(CamelContext camel, String name, SourceProperties settings) {
        SourceKind kind = SourceKind.of(name, settings);
        Optional<String> noLogin = kind == SourceKind.SFTP ? SftpLogin.whyNot(settings) : Optional.empty();
        if (noLogin.isPresent()) {
            log.warn("Source {} is disabled, everything else starts: {}. Restart once that is set.", name,
                    noLogin.get());
            statuses.disable(name, noLogin.get());
            return;
        }
        Map<String, Object> parameters = SourceTemplateParameters.of(name, kind, settings);
        checkDeclared(template(camel, name, kind), name, parameters.keySet());
        try {
            TemplatedRouteBuilder.builder(camel, kind.templateId()).routeId(name).parameters(parameters).add();
        } catch (RuntimeException e) {
            throw new SourceSettingsException(name, "its template " + kind.templateId() + " made no route: "
                    + e.getMessage(), e);
        }
        log.debug("Source {}: {} route from template {}", name, kind.setting(), kind.templateId());
    }

    private static RouteTemplateDefinition template(CamelContext camel, String name, SourceKind kind) {
        RouteTemplateDefinition template = camel instanceof ModelCamelContext model
                ? model.getRouteTemplateDefinition(kind.templateId()) : null;
        if (template == null) {
            throw new SourceSettingsException(name, "it is a " + kind.setting() + " source, but no route template "
                    + kind.templateId() + " is loaded: routes/" + kind.templateId() + ".camel.yaml is missing from "
                    + "the routes folder (camel.main.routes-include-pattern)");
        }
        return template;
    }

    /** A setting the template has no parameter for would be dropped without a word: refuse it instead. */
    private static void checkDeclared(RouteTemplateDefinition template, String name, Set<String> given) {
        Set<String> declared = new TreeSet<>();
        for (RouteTemplateParameterDefinition parameter : template.getTemplateParameters()) {
            declared.add(parameter.getName());
        }
        Set<String> unknown = new TreeSet<>(given);
        unknown.removeAll(declared);
        if (!unknown.isEmpty()) {
            String file = template.getResource() == null ? "its route file" : template.getResource().getLocation();
            throw new SourceSettingsException(name, "the route template " + template.getId() + " (" + file
                    + ") has no parameter " + String.join(", ", unknown) + " for its settings; declare "
                    + (unknown.size() == 1 ? "it" : "them") + " under parameters: in the template");
        }
    }
}
