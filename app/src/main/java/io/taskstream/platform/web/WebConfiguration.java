package io.taskstream.platform.web;

import io.taskstream.platform.config.DaprCallbackGuard;
import io.taskstream.platform.roles.Role;
import io.taskstream.platform.roles.Roles;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request ids, body limits, undecodable query strings, the worker port's limits and a strict JSON reader: no
 * unknown fields, no silent type coercion.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpProperties properties, JsonMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryStringFilter> queryStringFilter(JsonMapper json) {
        FilterRegistrationBean<QueryStringFilter> registration = new FilterRegistrationBean<>(new QueryStringFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContentTypeFilter> contentTypeFilter(JsonMapper json) {
        FilterRegistrationBean<ContentTypeFilter> registration = new FilterRegistrationBean<>(new ContentTypeFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** What Tomcat refuses before any filter runs is a problem document too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(JsonMapper json) {
        return factory -> factory.addContextCustomizers(
                context -> ProblemErrorReportValve.replaceErrorReports((StandardHost) context.getParent(), json));
    }

    /** Every answer says what a browser may do with it ({@link BrowserPolicyHeaders}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> browserPolicyHeaders() {
        return factory -> factory.addEngineValves(BrowserPolicyHeaders.valve());
    }

    /** Without the api role, the port serves only Actuator and the Dapr callbacks. */
    /**
     * The Dapr callbacks' gate, wherever a Dapr mode is on (the start has already been refused when there is no
     * token and no opt-out).
     */
    @Bean
    FilterRegistrationBean<DaprCallbackFilter> daprCallbackFilter(Environment environment, JsonMapper json) {
        String token = DaprCallbackGuard.token(environment);
        if (token == null && DaprCallbackGuard.daprMode(environment)) {
            log.warn("Dapr callbacks are served WITHOUT authentication ({}=true): any local process may deliver events "
                    + "and trigger reminder jobs. Set APP_API_TOKEN outside local experiments.", DaprCallbackGuard.INSECURE);
        }
        FilterRegistrationBean<DaprCallbackFilter> registration = new FilterRegistrationBean<>(new DaprCallbackFilter(token, json));
        registration.addUrlPatterns(DaprCallbackFilter.URL_PATTERNS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        registration.setEnabled(DaprCallbackGuard.daprMode(environment));
        return registration;
    }

    @Bean
    FilterRegistrationBean<WorkerPortFilter> workerPortFilter(Environment environment, JsonMapper json) {
        FilterRegistrationBean<WorkerPortFilter> registration = new FilterRegistrationBean<>(new WorkerPortFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        registration.setEnabled(!Roles.from(environment).runs(Role.API));
        return registration;
    }

    /**
     * The web app's hashed asset files never change under a name: cache them for a year. The reminders' service worker
     * does keep its name: browsers check it at every visit.
     */
    @Bean
    WebMvcConfigurer immutableAssets() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/assets/**")
                        .addResourceLocations("classpath:/static/assets/")
                        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
                // The reminders' service worker keeps its name across deploys: the browser asks for it again each
                // time, so a new version reaches every page at its next visit.
                registry.addResourceHandler("/sw.js")
                        .addResourceLocations("classpath:/static/")
                        .setCacheControl(CacheControl.noCache());
            }
        };
    }

    /** Bean validation's "now" (e.g. {@link Rfc3339DateTime#future()}) is the application's clock, not the system's. */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }

    /**
     * Request bodies are read by a converter that reports every mistyped or unknown member at once; it takes
     * the JSON converter's place (same mapper, same position, so strings and the like keep theirs).
     */
    @Bean
    WebMvcConfigurer typeCheckingJson() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.replaceAll(c -> c.getClass() == JacksonJsonHttpMessageConverter.class
                        ? new TypeCheckingJsonConverter(((JacksonJsonHttpMessageConverter) c).getMapper()) : c);
            }
        };
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Collection, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }
}
