package io.taskstream.events;

import io.taskstream.platform.db.SqlArrays;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the outbox in id order. Each round, in one transaction: take the cluster-wide relay lock
 * (a PostgreSQL advisory lock, so replicas never publish concurrently or out of order), read a batch
 * of unpublished rows, give them positions, hand them to the transport, mark them published while the
 * transport waits for the broker's acknowledgements, and commit once they are all acknowledged. If the
 * transport fails, the transaction rolls back and the batch is retried after a pause: nothing is lost,
 * and an event published twice is skipped by the idempotent consumers.
 */
class OutboxRelay extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay: the bytes of "tsoutbox". */
    private static final long RELAY_LOCK = 0x74736f7574626f78L;
    /** A round's first statement: the relay lock and the planner settings of the round's transaction (see relayOnce). */
    static final String LOCK_AND_PLAN = "select pg_try_advisory_xact_lock(:key), set_config('plan_cache_mode', 'force_custom_plan', true), "
            + "set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)";
    /** The oldest unpublished rows, in id order. */
    static final String READ = "select id, topic, message_key, payload::text as payload, created_at from event_outbox "
            + "where published_at is null order by id limit :limit";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventTransport transport;
    private final EventsProperties properties;
    private final RelaySignal signal;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Counter> published = new HashMap<>();
    private final Map<String, Counter> failures = new HashMap<>();
    /** The creation time of the oldest unpublished event seen in the last round, or null when none was. */
    private volatile Instant oldestPending;
    private final AtomicLong active = new AtomicLong();
    private final Timer lag;
    private final Timer begin;
    private final Timer read;
    private final Timer publish;
    private final Timer mark;
    private final Timer commit;
    private final AtomicLong pending = new AtomicLong();
    private final EventTracing tracing;
    private Instant lastPrune = Instant.EPOCH;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, EventTransport transport, EventsProperties properties,
            RelaySignal signal, JsonMapper json, Clock clock, MeterRegistry meters, EventTracing tracing) {
        // Stops before the web server and consumers' dependencies go away, starts after them.
        super("outbox-relay", Duration.ofSeconds(10), Integer.MAX_VALUE - 1000);
        this.jdbc = jdbc;
        this.tx = tx;
        this.transport = transport;
        this.properties = properties;
        this.signal = signal;
        this.json = json;
        this.clock = clock;
        this.tracing = tracing;
        for (Topic topic : Topic.values()) {
            String name = properties.topics().name(topic);
            published.put(name, Counter.builder("taskstream.outbox.published").description("events published by the relay")
                    .tag("topic", name).register(meters));
            failures.put(name, Counter.builder("taskstream.outbox.publish.failures")
                    .description("relay rounds that failed to publish events of the topic (the broker is unreachable)")
                    .tag("topic", name).register(meters));
        }
        this.lag = Timer.builder("taskstream.outbox.lag").description("time from commit to publication")
                .serviceLevelObjectives(EventDispatcher.DELAY_BUCKETS).register(meters);
        TimeGauge.builder("taskstream.outbox.oldest.age", this, TimeUnit.SECONDS, OutboxRelay::oldestAgeSeconds)
                .description("age of the oldest unpublished event seen in the last round; 0 when none").register(meters);
        Gauge.builder("taskstream.outbox.relay.active", active, AtomicLong::get)
                .description("1 while this process holds the relay (publishes the outbox), else 0").register(meters);
        this.begin = stage(meters, "begin");
        this.read = stage(meters, "read");
        this.publish = stage(meters, "publish");
        this.mark = stage(meters, "mark");
        this.commit = stage(meters, "commit");
        Gauge.builder("taskstream.outbox.pending", pending, AtomicLong::get)
                .description("unpublished events seen in the last round").register(meters);
    }

    /**
     * Time of one stage of a round: begin (connection), read (lock, rows, positions), publish (until
     * acknowledged, including mark, which overlaps the wait for acknowledgements), commit.
     */
    private static Timer stage(MeterRegistry meters, String stage) {
        return Timer.builder("taskstream.outbox.round").description("time of one stage of a relay round")
                .tag("stage", stage).publishPercentiles(0.5, 0.99).register(meters);
    }

    private double oldestAgeSeconds() {
        Instant oldest = oldestPending;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toNanos() / 1e9);
    }

    @Override
    void wake() {
        signal.wake();
    }

    @Override
    void loop() {
        while (running()) {
            try {
                int count = relayOnce();
                pruneIfDue();
                if (count < properties.relay().batchSize()) {
                    signal.await(properties.relay().pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay could not publish, retrying in {}: {}", properties.relay().retryBackoff(), e.toString());
                sleep(properties.relay().retryBackoff());
            }
        }
    }

    /** One round; returns how many events were published. Public to the package for tests and benchmarks. */
    int relayOnce() {
        long started = System.nanoTime();
        long[] committing = {0};
        Integer count = tx.execute(status -> {
            long t0 = System.nanoTime();
            // The outbox is a queue: its statistics are mostly wrong (a backlog analyzed as pending, published rows
            // not yet vacuumed), and plans chosen from them degrade with every published row until the next
            // ANALYZE. So, for this transaction only: plans made for each round's rows (a generic plan cached
            // while the outbox was small joined the mark's ids by scanning the whole table, ~4 ms a round), and
            // no bitmap or sequential scans (chosen from the statistics of a small, mostly pending outbox, they
            // visit every published row version not yet vacuumed: after a burst, 5,000 pages and ~8 ms a round for
            // up to a minute; the ordered scan of the pending index skips them). ADR 027. The commit stays synchronous
            // (positions must not be reused after a crash).
            Boolean locked = jdbc.sql(LOCK_AND_PLAN).param("key", RELAY_LOCK).query((rs, n) -> rs.getBoolean(1)).single();
            if (!locked) {
                // Another replica holds the relay: its gauges tell the outbox's state, this one's would be stale.
                active.set(0);
                pending.set(0);
                oldestPending = null;
                return 0;
            }
            active.set(1);
            List<Row> rows = jdbc.sql(READ)
                    .param("limit", properties.relay().batchSize())
                    .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
                            rs.getString("payload"), rs.getTimestamp("created_at").toInstant()))
                    .list();
            pending.set(rows.size());
            oldestPending = rows.isEmpty() ? null : rows.getFirst().createdAt();
            if (rows.isEmpty()) {
                return 0;
            }
            begin.record(t0 - started, TimeUnit.NANOSECONDS);
            List<Long> positions = jdbc.sql("select nextval('event_outbox_position_seq') from generate_series(1, :n)")
                    .param("n", rows.size()).query(Long.class).list();
            List<OutboundMessage> batch = new ArrayList<>(rows.size());
            EventTracing.Publications publications = tracing.publications();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                CloudEvent event = publications.start(
                        json.readValue(row.payload(), CloudEvent.class).withSequence(positions.get(i)), row.topic());
                batch.add(new OutboundMessage(row.id(), topicOf(row.topic()), row.topic(), row.key(), event,
                        json.writeValueAsString(event)));
            }
            long t1 = System.nanoTime();
            read.record(t1 - t0, TimeUnit.NANOSECONDS);
            try {
                transport.publish(batch, () -> {
                    long marking = System.nanoTime();
                    jdbc.sql("update event_outbox o set published_at = :now, position = p.position "
                                    + "from unnest(:ids::bigint[], :positions::bigint[]) as p(id, position) where o.id = p.id")
                            .param("now", Timestamp.from(clock.instant()))
                            .param("ids", SqlArrays.literal(rows.stream().map(Row::id).toList()))
                            .param("positions", SqlArrays.literal(positions))
                            .update();
                    mark.record(System.nanoTime() - marking, TimeUnit.NANOSECONDS);
                });
            } catch (Exception e) {
                publications.end(e);
                batch.stream().map(OutboundMessage::topicName).distinct().forEach(name -> failures.get(name).increment());
                throw new IllegalStateException("transport failed: " + e.getMessage(), e);
            }
            publications.end(null);
            committing[0] = System.nanoTime();
            publish.record(committing[0] - t1, TimeUnit.NANOSECONDS);
            Instant acknowledged = clock.instant();
            rows.forEach(r -> lag.record(Duration.between(r.createdAt(), acknowledged)));
            rows.forEach(r -> published.get(r.topic()).increment());
            oldestPending = null;
            return rows.size();
        });
        if (committing[0] != 0) {
            commit.record(System.nanoTime() - committing[0], TimeUnit.NANOSECONDS);
        }
        return count == null ? 0 : count;
    }

    private Topic topicOf(String name) {
        for (Topic topic : Topic.values()) {
            if (properties.topics().name(topic).equals(name)) {
                return topic;
            }
        }
        throw new IllegalStateException("Outbox row for unknown topic " + name);
    }

    private void pruneIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(Duration.ofMinutes(5)) < 0) {
            return;
        }
        lastPrune = now;
        Duration retention = properties.relay().retention().compareTo(Duration.ofMinutes(5)) < 0
                ? Duration.ofMinutes(5) : properties.relay().retention();
        Timestamp before = Timestamp.from(now.minus(retention));
        int outbox = jdbc.sql("delete from event_outbox where published_at < :before").param("before", before).update();
        int consumed = jdbc.sql("delete from consumed_event where consumed_at < :before").param("before", before).update();
        if (outbox + consumed > 0) {
            log.info("Pruned {} published events and {} applied-event records older than {}", outbox, consumed, retention);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Row(long id, String topic, String key, String payload, Instant createdAt) {
    }
}
