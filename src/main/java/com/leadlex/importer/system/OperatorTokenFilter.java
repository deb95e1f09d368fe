package com.leadlex.importer.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates scripts that send {@code Authorization: Bearer <importer.security.token>}. Any other
 * header is left to the next filter (basic auth) or to the authorization rules, which answer 401.
 * The comparison takes the same time whatever the guess, so the token cannot be found byte by byte.
 */
class OperatorTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    /** principal name → secret */
    private final Map<String, byte[]> tokens = new LinkedHashMap<>();

    OperatorTokenFilter(Map<String, String> tokensByPrincipal) {
        tokensByPrincipal.forEach((principal, secret) -> tokens.put(principal, secret.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String principal = header == null || !header.startsWith(PREFIX) ? null
                : principalOf(header.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8));
        if (principal != null) {
            var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                    List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** The name of the token sent, or null; every token is compared, in constant time each. */
    private String principalOf(byte[] sent) {
        String found = null;
        for (Map.Entry<String, byte[]> token : tokens.entrySet()) {
            if (MessageDigest.isEqual(token.getValue(), sent) && found == null) {
                found = token.getKey();
            }
        }
        return found;
    }
}
