package io.taskstream.platform.web;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The management server of its own port ({@code management.server.port}, as in Kubernetes), whose context the main
 * one's customizers never see: its answers carry the same browser policy headers.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementPortConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementBrowserPolicyHeaders() {
        return factory -> factory.addEngineValves(BrowserPolicyHeaders.valve());
    }
}
