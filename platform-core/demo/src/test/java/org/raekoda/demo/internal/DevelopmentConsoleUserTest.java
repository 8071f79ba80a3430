package org.raekoda.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raekoda.api.node.NodeProfile;

class DevelopmentConsoleUserTest {

    private static final List<String> SHIPPED = List.of("# Karaf's users", "#karaf = karaf,_g_:admingroup", "ops = secret,admin,ssh");

    @Test
    void aDevelopmentNodeAddsTheUserOnceAndAnyOtherProfileRemovesItLeavingTheRest(@TempDir Path etc) throws Exception {
        Path users = etc.resolve("users.properties");
        Files.write(users, SHIPPED);

        new DevelopmentConsoleUser(profile(true), users);
        new DevelopmentConsoleUser(profile(true), users);
        List<String> development = Files.readAllLines(users);
        assertEquals(SHIPPED.size() + 2, development.size(), "added once: " + development);
        assertEquals(DevelopmentConsoleUser.ENTRY, development.get(development.size() - 1));

        // Karaf may have hashed the password at a login since: the entry is found by its marker.
        development.set(development.size() - 1, "dev = {CRYPT}0123abcd{CRYPT},admin,manager,viewer,systembundles,ssh");
        Files.write(users, development);
        new DevelopmentConsoleUser(profile(false), users);
        assertEquals(SHIPPED, Files.readAllLines(users));
    }

    private static NodeProfile profile(boolean development) {
        return new NodeProfile() {
            @Override
            public String name() {
                return development ? "development" : "production";
            }

            @Override
            public boolean development() {
                return development;
            }

            @Override
            public boolean embeddedDatabase() {
                return true;
            }

            @Override
            public boolean developmentShortcuts() {
                return development;
            }
        };
    }
}
