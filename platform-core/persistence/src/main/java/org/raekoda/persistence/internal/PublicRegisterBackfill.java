package org.raekoda.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Change set 0.1-013-footprint-backfill: what the SQL of change set 0.1-013-footprint-columns cannot do portably,
 * for applications stored before it. The footprint of every application with a location and no footprint yet
 * (those without an occupancy: a grave site), read from its GeoJSON with JTS; and {@code issued_on}, the day of
 * {@code issued_at} in the organization's time zone. Runs under Liquibase's lock and the migrations' advisory lock
 * (SchemaMigrator), so of two nodes starting at once only one does it; pages by id, {@value #BATCH} rows at a time.
 */
public final class PublicRegisterBackfill implements CustomTaskChange {

    static final int BATCH = 500;

    private int footprints;
    private int issuedDays;

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            footprints = footprints(connection);
            issuedDays = issuedDays(connection);
        } catch (SQLException e) {
            throw new CustomChangeException("could not compute the footprints of stored applications", e);
        }
    }

    private static int footprints(Connection connection) throws SQLException {
        int done = 0;
        String after = "";
        while (true) {
            List<String[]> page = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, location_json FROM application"
                    + " WHERE id > ? AND location_json IS NOT NULL AND footprint_west IS NULL ORDER BY id")) {
                select.setString(1, after);
                select.setMaxRows(BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(new String[] {rows.getString(1), rows.getString(2)});
                    }
                }
            }
            if (page.isEmpty()) {
                return done;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE application SET footprint_west = ?,"
                    + " footprint_south = ?, footprint_east = ?, footprint_north = ? WHERE id = ?")) {
                for (String[] row : page) {
                    Footprint box = Footprint.of(row[1]);
                    if (box != null) {
                        update.setDouble(1, box.west());
                        update.setDouble(2, box.south());
                        update.setDouble(3, box.east());
                        update.setDouble(4, box.north());
                        update.setString(5, row[0]);
                        update.addBatch();
                        done++;
                    }
                }
                update.executeBatch();
            }
            after = page.get(page.size() - 1)[0];
        }
    }

    private static int issuedDays(Connection connection) throws SQLException {
        int done = 0;
        String after = "";
        while (true) {
            List<Object[]> page = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT a.id, a.issued_at, o.time_zone"
                    + " FROM application a JOIN organization o ON o.id = a.organization_id"
                    + " WHERE a.id > ? AND a.issued_at IS NOT NULL AND a.issued_on IS NULL ORDER BY a.id")) {
                select.setString(1, after);
                select.setMaxRows(BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(new Object[] {rows.getString(1), rows.getObject(2, OffsetDateTime.class),
                                rows.getString(3)});
                    }
                }
            }
            if (page.isEmpty()) {
                return done;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE application SET issued_on = ? WHERE id = ?")) {
                for (Object[] row : page) {
                    String zone = (String) row[2];
                    LocalDate day = LocalDate.ofInstant(((OffsetDateTime) row[1]).toInstant(),
                            ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone));
                    update.setObject(1, day);
                    update.setString(2, (String) row[0]);
                    update.addBatch();
                    done++;
                }
                update.executeBatch();
            }
            after = (String) page.get(page.size() - 1)[0];
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "footprints of " + footprints + " stored applications computed; issue days of " + issuedDays
                + " permits set";
    }

    @Override
    public void setUp() {
        // nothing to set up
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
        // reads no files
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
