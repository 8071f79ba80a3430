package org.raekoda.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.store.spi.DecisionRow;
import org.raekoda.store.spi.PublishedExtent;
import org.raekoda.store.spi.PublishedPermitStore;
import org.raekoda.store.spi.PublishedRow;
import org.raekoda.store.spi.PublishedSearch;

/**
 * The issued permits the public register shows, read with SQL of our own on the transaction's connection: the
 * spatial index is each database's own (FootprintIndex), which JPQL cannot name. Reads only the columns a
 * {@link PublishedRow} has: never the applicant, the form or who acted.
 */
@Component(service = PublishedPermitStore.class)
public final class JpaPublishedPermitStore implements PublishedPermitStore {

    private static final String COLUMNS = "a.id, a.organization_id, a.service_id, a.service_version, a.state,"
            + " a.issued_on, a.occupied_from, a.occupied_until, a.valid_until, a.location_json";

    /**
     * The first day of a permit's public time: the day of issue, or the first occupied day when that is earlier.
     * Written with COALESCE because H2's LEAST is null when any argument is.
     */
    private static final String FIRST_DAY = "LEAST(COALESCE(a.issued_on, a.occupied_from),"
            + " COALESCE(a.occupied_from, a.issued_on))";

    /** Page size of an IN list of ids. */
    private static final int IDS_PER_QUERY = 1000;

    private final Transactions tx;
    private final FootprintIndex index = new FootprintIndex();

    @Activate
    public JpaPublishedPermitStore(@Reference(target = "(osgi.unit.name=raekoda)") JpaTemplate jpa) {
        this(Transactions.of(jpa));
    }

    /** Outside OSGi (tests, tools); a factory for the same reason as JpaApplicationStore's. */
    public static JpaPublishedPermitStore over(Transactions tx) {
        return new JpaPublishedPermitStore(tx);
    }

    JpaPublishedPermitStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public List<PublishedRow> published(PublishedSearch search) {
        if (!search.inForce() && !search.expired() && !search.revoked()) {
            return List.of();
        }
        return read(em -> {
            Connection connection = FootprintIndex.connection(em);
            FootprintIndex.Database database = index.database(connection);
            FootprintIndex.planForTheParameters(connection, database);
            Where where = where(search, database);
            return FootprintIndex.read(connection, database, () -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM application a WHERE " + where.sql + " ORDER BY a.id LIMIT ? OFFSET ?")) {
                    int next = where.bind(statement, 1);
                    statement.setInt(next++, search.limit());
                    statement.setLong(next, search.offset());
                    return rows(statement);
                }
            });
        });
    }

    @Override
    public OptionalLong countPublished(PublishedSearch search, long cap) {
        if (!search.inForce() && !search.expired() && !search.revoked()) {
            return OptionalLong.of(0);
        }
        return read(em -> {
            Connection connection = FootprintIndex.connection(em);
            FootprintIndex.Database database = index.database(connection);
            FootprintIndex.planForTheParameters(connection, database);
            Where where = where(search, database);
            // Counting stops one past the cap: a country-wide count costs no more than cap rows.
            return FootprintIndex.read(connection, database, () -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 AS one"
                        + " FROM application a WHERE " + where.sql + " LIMIT ?) capped")) {
                    int next = where.bind(statement, 1);
                    statement.setLong(next, cap + 1);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        long count = result.getLong(1);
                        return count > cap ? OptionalLong.empty() : OptionalLong.of(count);
                    }
                }
            });
        });
    }

    @Override
    public Optional<PublishedRow> published(String id) {
        return read(em -> {
            try (PreparedStatement statement = FootprintIndex.connection(em).prepareStatement("SELECT " + COLUMNS
                    + " FROM application a WHERE a.id = ? AND " + FootprintIndex.PUBLISHED_STATES)) {
                statement.setString(1, id);
                return rows(statement).stream().findFirst();
            }
        });
    }

    @Override
    public Map<String, DecisionRow> latestDecisions(Collection<String> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        List<String> ids = List.copyOf(applicationIds);
        return tx.inTransaction(em -> {
            Map<String, DecisionRow> latest = new HashMap<>();
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                // Ordered by time, so the last one put for an application is its latest.
                em.createQuery("select d from DecisionEntity d where d.applicationId in :ids"
                        + " and d.outcome in ('ISSUED', 'REVOKED') order by d.decidedAt, d.id", DecisionEntity.class)
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                        .getResultList().forEach(d -> latest.put(d.toRow().applicationId(), d.toRow()));
            }
            return latest;
        });
    }

    @Override
    public PublishedExtent extent(String service) {
        return read(em -> {
            try (PreparedStatement statement = FootprintIndex.connection(em).prepareStatement("SELECT"
                    + " MIN(a.footprint_west), MIN(a.footprint_south), MAX(a.footprint_east), MAX(a.footprint_north),"
                    + " MIN(" + FIRST_DAY + "), MAX(a.valid_until) FROM application a WHERE "
                    + FootprintIndex.PUBLISHED_STATES + (service == null ? "" : " AND a.service_id = ?"))) {
                if (service != null) {
                    statement.setString(1, service);
                }
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return new PublishedExtent(nullable(result, 1), nullable(result, 2), nullable(result, 3),
                            nullable(result, 4), result.getObject(5, LocalDate.class),
                            result.getObject(6, LocalDate.class));
                }
            }
        });
    }

    /** A WHERE clause and how to bind it. */
    private record Where(String sql, List<Binder> binders) {

        int bind(PreparedStatement statement, int first) throws SQLException {
            int next = first;
            for (Binder binder : binders) {
                next = binder.bind(statement, next);
            }
            return next;
        }
    }

    @FunctionalInterface
    private interface Binder {
        int bind(PreparedStatement statement, int index) throws SQLException;
    }

    private static Binder value(Object value) {
        return (statement, index) -> {
            statement.setObject(index, value);
            return index + 1;
        };
    }

    /**
     * The conditions of a search. State values are literals (the partial index needs them), everything the caller
     * gives is a parameter.
     */
    private static Where where(PublishedSearch search, FootprintIndex.Database database) {
        StringBuilder sql = new StringBuilder(FootprintIndex.PUBLISHED_STATES);
        List<Binder> binders = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        if (search.inForce()) {
            // A permit without a last valid day (none is issued so today) never expires.
            statuses.add("(a.state = 'ISSUED' AND (a.valid_until IS NULL OR a.valid_until >= ?))");
            binders.add(value(search.today()));
        }
        if (search.expired()) {
            statuses.add("a.state = 'EXPIRED' OR (a.state = 'ISSUED' AND a.valid_until < ?)");
            binders.add(value(search.today()));
        }
        if (search.revoked()) {
            statuses.add("a.state = 'REVOKED'");
        }
        sql.append(" AND (").append(String.join(" OR ", statuses)).append(')');
        if (search.service() != null) {
            sql.append(" AND a.service_id = ?");
            binders.add(value(search.service()));
        }
        if (search.organization() != null) {
            sql.append(" AND a.organization_id = ?");
            binders.add(value(search.organization()));
        }
        if (search.boxes() != null) {
            List<String> boxes = new ArrayList<>();
            for (PublishedSearch.Box box : search.boxes()) {
                boxes.add("(" + FootprintIndex.intersectsIndexed(database) + " AND " + FootprintIndex.exactly("footprint")
                        + ")");
                binders.add((statement, index) -> FootprintIndex.bindExactly(statement,
                        FootprintIndex.bindIndexed(database, statement, index, box.west(), box.south(), box.east(),
                                box.north()),
                        box.west(), box.south(), box.east(), box.north()));
            }
            sql.append(" AND (").append(String.join(" OR ", boxes)).append(')');
        }
        if (search.from() != null) {
            sql.append(" AND (a.valid_until IS NULL OR a.valid_until >= ?)");
            binders.add(value(search.from()));
        }
        if (search.until() != null) {
            sql.append(" AND ").append(FIRST_DAY).append(" <= ?");
            binders.add(value(search.until()));
        }
        return new Where(sql.toString(), binders);
    }

    private static List<PublishedRow> rows(PreparedStatement statement) throws SQLException {
        List<PublishedRow> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new PublishedRow(result.getString(1), result.getString(2), result.getString(3),
                        result.getString(4), result.getString(5), result.getObject(6, LocalDate.class),
                        result.getObject(7, LocalDate.class), result.getObject(8, LocalDate.class),
                        result.getObject(9, LocalDate.class), result.getString(10)));
            }
        }
        return rows;
    }

    private static Double nullable(ResultSet result, int column) throws SQLException {
        double value = result.getDouble(column);
        return result.wasNull() ? null : value;
    }

    @FunctionalInterface
    private interface Sql<R> {
        R run(EntityManager em) throws SQLException;
    }

    private <R> R read(Sql<R> work) {
        return tx.inTransaction(em -> {
            try {
                return work.run(em);
            } catch (SQLException e) {
                throw new PersistenceException("the public register could not be read", e);
            }
        });
    }
}
