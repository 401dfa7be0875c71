package io.taskstream;

import io.taskstream.backup.BackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the single Taskstream artifact; what it runs is chosen by configuration. {@code backup --to FILE}
 * and {@code restore --from FILE} run those commands instead and exit ({@link BackupCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TaskstreamApplication {

    public static void main(String[] args) {
        if (BackupCommand.handles(args)) {
            System.exit(BackupCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(TaskstreamApplication.class, args);
    }
}
