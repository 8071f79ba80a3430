package org.raekoda.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.registry.RegisterRow;
import org.raekoda.store.spi.OrganizationRow;

/** Local registers (a cemetery's plots) on real PostgreSQL and on the embedded H2 default. */
class JpaLocalRegistersTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void aLoadReplacesOneOrganizationsRegisterAndLeavesTheOthers(String kind, DataSource database) throws Exception {
        SchemaMigrator.migrate(database);
        EntityManagerFactory factory = TestDatabases.entityManagers(database);
        try {
            Transactions tx = TestDatabases.transactions(factory);
            JpaOrganizationStore organizations = JpaOrganizationStore.over(tx);
            organizations.save(organization("tartu"));
            organizations.save(organization("riga"));
            JpaLocalRegisters registers = JpaLocalRegisters.over(tx);

            assertEquals(3, registers.replace("tartu", "cemetery", RegisterRow.fromCsv(new StringReader(
                    "# cemetery,section,plot,status\nRaadi, 12 ,34,free\nraadi,12,35,occupied\n\nraadi,7,102,Reserved\n"))));
            assertEquals(1, registers.replace("riga", "cemetery", RegisterRow.fromCsv(new StringReader("meza,1,1,free"))));

            assertEquals(Optional.of("free"), registers.status("tartu", "cemetery", List.of("raadi", "12", "34")));
            assertEquals(Optional.of("reserved"), registers.status("tartu", "cemetery", List.of(" RAADI", "7", "102 ")));
            assertEquals(Optional.empty(), registers.status("tartu", "cemetery", List.of("meza", "1", "1")),
                    "another municipality's plot is not tartu's");
            assertEquals(Optional.empty(), registers.status("tartu", "market", List.of("raadi", "12", "34")));

            assertEquals(1, registers.replace("tartu", "cemetery", RegisterRow.fromCsv(new StringReader(
                    "raadi,12,34,occupied\nraadi,12,34,occupied\n"))));
            assertEquals(Optional.of("occupied"), registers.status("tartu", "cemetery", List.of("raadi", "12", "34")));
            assertEquals(Optional.empty(), registers.status("tartu", "cemetery", List.of("raadi", "12", "35")),
                    "a load replaces the register, it does not add to it");
            assertEquals(1, registers.size("tartu", "cemetery"));
            assertEquals(1, registers.size("riga", "cemetery"), "riga's register is untouched");

            ApplicationException unknown = assertThrows(ApplicationException.class,
                    () -> registers.replace("nowhere", "cemetery", List.of()));
            assertEquals(ApplicationException.Kind.NOT_FOUND, unknown.kind());
        } finally {
            factory.close();
        }
    }

    private static OrganizationRow organization(String id) {
        return new OrganizationRow(id, "MUNICIPALITY", "{\"en\":\"" + id + "\"}");
    }
}
