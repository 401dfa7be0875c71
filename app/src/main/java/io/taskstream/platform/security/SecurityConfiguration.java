package io.taskstream.platform.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import io.taskstream.platform.TaskstreamProperties;
import java.time.Clock;
import java.util.Map;
import javax.crypto.SecretKey;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless bearer-token security. Sign-up and login are open; {@code /api/{userId}/**} is only for
 * the user whose id is the token's subject; health, metrics, the API document and the web app's
 * static files are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, JwtDecoder jwtDecoder,
            ObjectProvider<ApiTokenVerifier> apiTokens, ObjectProvider<ExternalAccounts> externalAccounts,
            AuthProperties authProperties, Clock clock, TaskstreamProperties app) throws Exception {
        ProtectedResource resource = new ProtectedResource(app.publicUrl());
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json, resource);
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "connect-src 'self'; frame-ancestors 'none'")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/auth/signup", "/api/auth/login").permitAll()
                        .requestMatchers("/api/auth/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/{userId}/stream").access(sameUserOrTicket())
                        .requestMatchers("/api/{userId}/**").access(sameUser())
                        .requestMatchers("/api/**", "/mcp/**").authenticated()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .authenticationManagerResolver(bearerAuthentication(jwtDecoder, apiTokens.getIfAvailable(),
                                externalIssuer(authProperties, externalAccounts.getIfAvailable(), clock)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .protectedResourceMetadata(metadata -> metadata
                                .protectedResourceMetadataCustomizer(resource.metadata())))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Bearer tokens with the API-token prefix are checked against the token store (when a module provides one);
     * JWTs whose (not yet verified) {@code iss} is the external OpenID Connect issuer go to that issuer's keys, when
     * one is configured; every other bearer token is one of our own HS256 JWTs. The unverified issuer only picks the
     * verifier: each verifier then checks signature and issuer itself.
     */
    private static AuthenticationManagerResolver<HttpServletRequest> bearerAuthentication(JwtDecoder jwtDecoder,
            ApiTokenVerifier apiTokens, ExternalIssuer external) {
        AuthenticationManager jwt = new ProviderManager(new JwtAuthenticationProvider(jwtDecoder));
        AuthenticationManager apiToken = apiTokens == null ? null
                : new ProviderManager(new ApiTokenAuthenticationProvider(apiTokens));
        if (apiToken == null && external == null) {
            return request -> jwt;
        }
        return request -> {
            String token = bearerToken(request);
            if (token == null) {
                return jwt;
            }
            if (apiToken != null && token.startsWith(ApiTokenVerifier.PREFIX)) {
                return apiToken;
            }
            return external != null && external.issued(token) ? external.manager() : jwt;
        };
    }

    /**
     * The bearer token of a request the bearer filter has already found one in (it only then asks for a manager):
     * this only tells which manager, so it skips the filter's second, regular-expression parse of the header.
     */
    private static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    private static ExternalIssuer externalIssuer(AuthProperties auth, ExternalAccounts accounts, Clock clock) {
        String issuer = auth.oidcIssuerUri();
        if (issuer == null || issuer.isBlank()) {
            return null;
        }
        if (accounts == null) {
            throw new IllegalStateException("taskstream.auth.oidc-issuer-uri is set but no module maps its users");
        }
        return new ExternalIssuer(issuer.strip(),
                ExternalIssuerAuthentication.manager(issuer.strip(), auth.oidcAudience(), accounts, clock));
    }

    /** The external issuer and the manager of its tokens. */
    private record ExternalIssuer(String issuer, AuthenticationManager manager) {

        /** Whether the token claims to come from this issuer (unverified: only used to pick the verifier). */
        boolean issued(String token) {
            try {
                return issuer.equals(JWTParser.parse(token).getJWTClaimsSet().getIssuer());
            } catch (ParseException e) {
                return false;
            }
        }
    }

    /** Grants {@code /api/{userId}/**} only when {@code userId} is the authenticated subject. */
    private static AuthorizationManager<RequestAuthorizationContext> sameUser() {
        return (authentication, context) -> new AuthorizationDecision(isSubject(authentication.get(), context));
    }

    /**
     * The live stream also opens without a bearer token when a stream ticket is presented (browsers'
     * EventSource cannot send headers); the stream endpoint redeems the ticket for that user.
     */
    private static AuthorizationManager<RequestAuthorizationContext> sameUserOrTicket() {
        return (authentication, context) -> {
            Authentication auth = authentication.get();
            if (isAnonymous(auth)) {
                return new AuthorizationDecision(context.getRequest().getParameter("ticket") != null);
            }
            return new AuthorizationDecision(isSubject(auth, context));
        };
    }

    private static boolean isSubject(Authentication auth, RequestAuthorizationContext context) {
        if (isAnonymous(auth)) {
            return false;
        }
        String userId = context.getVariables().get("userId");
        return userId != null && userId.equalsIgnoreCase(auth.getName());
    }

    private static boolean isAnonymous(Authentication auth) {
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken;
    }

    /**
     * No security observations at all. Disabling them by name (management.observations.enable) only made each
     * observation a no-op: every filter of the chain and every authorization decision was still wrapped in an
     * observing decorator, visible in a JFR profile of a create request. With this bean they are not wrapped.
     * {@code http.server.requests} is unaffected.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecretKey jwtKey(AuthProperties auth, TaskstreamProperties app) {
        return JwtSecret.resolve(auth, app);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtKey));
    }

    /**
     * Our own HS256 tokens. Their issuer is a plain name, not a URL: the default claim conversion tried to make it
     * one and threw (and caught) an exception on every request, so {@code iss} stays the string it is. A verified token
     * is remembered; whether its session was revoked is asked on every request, when a module keeps sessions.
     */
    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtKey, AuthProperties auth, Clock clock, ObjectProvider<SessionVerifier> sessions) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtKey).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(auth.issuer())));
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        JwtDecoder cached = new CachingJwtDecoder(decoder, clock);
        SessionVerifier verifier = sessions.getIfAvailable();
        return verifier == null ? cached : new RevocationCheckingJwtDecoder(cached, verifier);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        String id = "argon2";
        return new DelegatingPasswordEncoder(id, Map.of(id, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
