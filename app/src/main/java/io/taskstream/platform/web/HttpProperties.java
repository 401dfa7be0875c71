package io.taskstream.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits of the API.
 *
 * @param maxBodySize request bodies above this size are refused with 413
 */
@ConfigurationProperties("taskstream.http")
public record HttpProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}
