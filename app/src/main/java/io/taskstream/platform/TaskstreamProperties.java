package io.taskstream.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Top-level settings of a Taskstream process.
 *
 * @param dataDir where the embedded database and generated secrets live ({@code TASKSTREAM_DATA_DIR})
 */
@ConfigurationProperties("taskstream")
public record TaskstreamProperties(@DefaultValue("./data") Path dataDir) {
}
