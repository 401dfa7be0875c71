package io.taskstream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the single Taskstream artifact; what it runs is chosen by configuration. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TaskstreamApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaskstreamApplication.class, args);
    }
}
