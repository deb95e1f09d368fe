package com.leadlex.importer.system;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Access to the operator surface. With credentials configured ({@link OperatorSecurityProperties}),
 * the dashboard, the API and every actuator endpoint but health need a bearer token or basic auth,
 * while webhooks (which check their own per-source credentials), the sandbox and health stay open in
 * a chain of their own, so a webhook's basic auth is never mistaken for an operator's. Without
 * credentials everything is open, and the server listens on 127.0.0.1 only, and says so. Exists only
 * in a servlet web application: a one-shot command without the sandbox serves nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OperatorSecurityProperties.class)
public class OperatorSecurityConfiguration {

    /** Paths outside operator authentication: they authenticate on their own, or need not. */
    static final String[] OPEN_PATHS = {"/webhooks/**", "/sandbox/**", "/error"};

    /** Open to probes, but only the status: details and components need operator credentials. */
    static final String[] HEALTH_PATHS = {"/actuator/health", "/actuator/health/**"};

    private static final Logger log = LoggerFactory.getLogger(OperatorSecurityConfiguration.class);

    /**
     * Anyone may ask for health (probes carry no secret) and gets its status; a caller that sends the
     * operator's credentials is authenticated here too, so that {@code show-details: when-authorized}
     * shows it the details (disk path, masked key, quota, each source).
     */
    @Bean
    @Order(0)
    SecurityFilterChain health(HttpSecurity http, OperatorSecurityProperties properties) throws Exception {
        http.securityMatcher(HEALTH_PATHS)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable);
        if (!properties.enabled()) {
            http.addFilterBefore(new LocalOperatorFilter(), BasicAuthenticationFilter.class);
        } else {
            if (properties.hasToken()) {
                http.addFilterBefore(new OperatorTokenFilter(properties.tokensByPrincipal()),
                        BasicAuthenticationFilter.class);
            }
            http.httpBasic(basic -> basic.realmName("LeadLex Importer"));
        }
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain openPaths(HttpSecurity http) throws Exception {
        return http.securityMatcher(OPEN_PATHS)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operatorSurface(HttpSecurity http, OperatorSecurityProperties properties) throws Exception {
        // no session, so no CSRF token; cross-site browser requests are refused by their Origin instead
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new SameOriginFilter(), BasicAuthenticationFilter.class);
        if (!properties.enabled()) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        if (properties.hasToken()) {
            http.addFilterBefore(new OperatorTokenFilter(properties.tokensByPrincipal()),
                    BasicAuthenticationFilter.class);
        }
        http.httpBasic(basic -> basic.realmName("LeadLex Importer"));
        return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).build();
    }

    /** The basic-auth operator, if configured; an empty store otherwise (and no generated password). */
    @Bean
    UserDetailsService operatorUsers(OperatorSecurityProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (properties.hasBasicAuth()) {
            users.createUser(User.withUsername(properties.user())
                    .password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(properties.password()))
                    .roles("OPERATOR").build());
        }
        return users;
    }

    /**
     * Without credentials, nobody but this machine may connect. Runs after Boot applies server.address.
     * Not for a one-shot command: it listens on 127.0.0.1 anyway, for its sandbox only.
     */
    @Bean
    @ConditionalOnProperty(name = "importer.cli.command", havingValue = "none", matchIfMissing = true)
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> localOnlyWithoutCredentials(
            OperatorSecurityProperties properties) {
        return new LocalOnlyCustomizer(properties);
    }

    private record LocalOnlyCustomizer(OperatorSecurityProperties properties)
            implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableWebServerFactory factory) {
            if (properties.enabled()) {
                log.info("Operator access: dashboard, API and actuator need {}{}{} (health, webhooks and the "
                        + "sandbox excepted)", properties.hasToken() ? "the bearer token" : "",
                        properties.hasToken() && properties.hasBasicAuth() ? " or " : "",
                        properties.hasBasicAuth() ? "basic auth as " + properties.user() : "");
                return;
            }
            factory.setAddress(InetAddress.getLoopbackAddress());
            log.warn("No operator credentials configured (IMPORTER_SECURITY_TOKEN, or IMPORTER_SECURITY_USER and "
                    + "IMPORTER_SECURITY_PASSWORD): the dashboard, API and actuator are open to anyone on this "
                    + "machine, so the server listens on {} only", InetAddress.getLoopbackAddress().getHostAddress());
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
