package com.leadlex.importer.sources;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Looks at every SFTP source once Camel has started and flags, loudly, any that does not check the
 * server's host key (camel-ftp's own default is not to): such a source will talk to whoever answers
 * at that address. Checking against known_hosts is our routes' default; turning it off is an
 * explicit {@code strict-host-key-checking: "no"} and earns an INSECURE warning at every start.
 */
@Component
public class SftpHostKeyPolicyCheck implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SftpHostKeyPolicyCheck.class);

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (Route route : camelContext.getRoutes()) {
            // source routes start a moment later (StartupSequence); one switched off by its settings never does
            boolean enabled = !Boolean.FALSE.equals(route.isAutoStartup());
            if (enabled && route.getEndpoint() instanceof SftpEndpoint sftp) {
                SftpConfiguration configuration = sftp.getConfiguration();
                if (!"yes".equalsIgnoreCase(configuration.getStrictHostKeyChecking())) {
                    log.warn("INSECURE: SFTP source {} does not verify the server's host key "
                            + "(strict-host-key-checking={}): anyone who can intercept the connection to {} can "
                            + "pose as the server. Set a known-hosts-file and strict-host-key-checking: \"yes\".",
                            route.getRouteId(), configuration.getStrictHostKeyChecking(), configuration.getHost());
                } else {
                    log.info("SFTP source {}: host key of {} checked against {}", route.getRouteId(),
                            configuration.getHost(), configuration.getKnownHostsFile());
                }
            }
        }
    }
}
