package io.taskstream.account;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.taskstream.platform.security.AuthProperties;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The buckets of {@link ClientAllowance} in PostgreSQL (V30), and the sweeper of the ones that are full again. */
@Configuration(proxyBeanMethods = false)
class ClientAllowanceConfiguration {

    /**
     * SELECT ... FOR UPDATE on the address's row: attempts at the same address, on any replica, take turns. A row's
     * {@code expires_at} is when its bucket is full again; past it, the row says nothing a fresh bucket would not.
     */
    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> clientAllowanceBuckets(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("client_allowance")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    /** Deletes the rows of buckets that are full again, in batches, so that addresses seen once do not pile up. */
    @Component
    static class Sweeper {

        static final int BATCH = 1_000;
        private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

        private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

        Sweeper(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
            this.buckets = buckets;
        }

        @Scheduled(fixedDelayString = "#{@'" + AuthProperties.BEAN + "'.allowanceSweepInterval()}", initialDelayString = "PT1M")
        int sweep() {
            int removed = 0;
            int batch;
            do {
                batch = buckets.removeExpired(BATCH);
                removed += batch;
            } while (batch == BATCH);
            if (removed > 0) {
                log.debug("Removed {} client allowance buckets that were full again", removed);
            }
            return removed;
        }
    }
}
