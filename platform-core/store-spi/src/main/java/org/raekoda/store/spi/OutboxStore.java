package org.raekoda.store.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The transactional outbox. Messages are written by the other stores together with the change that causes them;
 * this store hands them to the nodes that deliver them. Several nodes share the work: a claim takes rows with
 * {@code FOR UPDATE SKIP LOCKED} (the same SQL on PostgreSQL and H2), marks them IN_FLIGHT with a lease and commits
 * before anything is sent, so that no row is delivered by two nodes at once, and a node that dies only delays its
 * rows until their lease runs out. Every method is one transaction.
 */
@ProviderType
public interface OutboxStore {

    /**
     * Claims up to {@code max} messages that are due: PENDING with {@code nextAttemptAt <= now}, or IN_FLIGHT whose
     * lease ran out (their node died), oldest first, optionally only for some topics.
     *
     * @param topics the topics to claim, or null for all
     * @return the claimed rows, IN_FLIGHT for {@code node} until {@code now + lease}
     */
    List<OutboxRow> claim(String node, List<String> topics, int max, Instant now, Duration lease);

    /**
     * Marks a claimed message delivered. False (and no change) when {@code node} no longer holds it: its lease ran
     * out and another node took it over.
     */
    boolean delivered(String id, String node, Instant now);

    /**
     * Marks a claimed message delivered and writes the messages its delivery causes (a status event fanned out to
     * each webhook subscription), in one transaction. False (and nothing written) when {@code node} no longer holds it.
     */
    boolean deliveredWith(String id, String node, Instant now, List<OutboxRow> caused);

    /** Counts a failed attempt and puts the message back as PENDING until {@code nextAttemptAt}. */
    boolean retryLater(String id, String node, Instant nextAttemptAt, String error);

    /** Gives a message up: DEAD, kept for administrators to read and re-drive. */
    boolean dead(String id, String node, Instant now, String error);

    Optional<OutboxRow> find(String id);

    /** Dead letters, newest first; of one organization, or of all when it is null. */
    List<OutboxRow> deadLetters(String organization, int limit);

    /** Puts a dead letter back as PENDING, due now, with its attempts at zero; empty when it is not DEAD. */
    Optional<OutboxRow> redrive(String id, Instant now);

    /** Messages by state, then by system: {@code {PENDING={bg-regix=3}, DEAD={webhook=1}}}, without DELIVERED. */
    Map<String, Map<String, Long>> counts();

    /** Removes delivered messages done before {@code before}, at most {@code max}; returns how many. */
    int purgeDelivered(Instant before, int max);
}
