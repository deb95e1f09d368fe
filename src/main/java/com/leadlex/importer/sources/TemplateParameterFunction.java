package com.leadlex.importer.sources;

import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesFunction;

/**
 * The placeholder function {@code {{?param:name}}} in the source templates: the value of the
 * template parameter {@code name} when the source gives one, and nothing otherwise (the endpoint
 * option is then left out). A plain optional placeholder {@code {{?name}}} would, for a parameter the
 * source leaves out, fall back to any property or environment variable of that name: a
 * {@code PASSWORD} set for something else would become the SFTP password, a {@code move} set
 * elsewhere would fail a source that deletes its lists. This function looks at the parameters only.
 */
final class TemplateParameterFunction implements PropertiesFunction {

    static final String NAME = "param";

    private final CamelContext camel;

    TemplateParameterFunction(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String apply(String parameter) {
        // while Camel makes a route from a template, the template's parameters are its local properties
        Properties given = camel.getPropertiesComponent().getLocalProperties();
        return given == null ? null : given.getProperty(parameter);
    }

    @Override
    public boolean optional(String parameter) {
        return true;
    }
}
