package org.raekoda.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.api.node.NodeProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console user of the quick start: on a development node on the embedded database, Karaf's
 * {@code etc/users.properties} gets the user {@value #USER} (password {@value #USER}, Karaf's administrator roles), so
 * that {@code bin/client} logs in without arguments. The distribution ships no user at all, and a node that
 * starts in any other profile removes this one again, so that no production node accepts a known password.
 * Karaf reads the file at each login: the change counts at once.
 */
@Component(immediate = true)
public final class DevelopmentConsoleUser {

    static final String USER = "dev";
    static final String MARKER = "# Raekoda development console user: removed when the node starts in another profile";
    /** Karaf's administrator roles, ssh among them (the shipped admingroup line is commented out). */
    static final String ENTRY = USER + " = " + USER + ",admin,manager,viewer,systembundles,ssh";

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentConsoleUser.class);

    @Activate
    public DevelopmentConsoleUser(@Reference NodeProfile profile) {
        this(profile, Path.of(System.getProperty("karaf.etc", "etc"), "users.properties"));
    }

    DevelopmentConsoleUser(NodeProfile profile, Path usersFile) {
        try {
            if (!Files.exists(usersFile)) {
                return;
            }
            List<String> lines = Files.readAllLines(usersFile, StandardCharsets.UTF_8);
            List<String> others = withoutOurUser(lines);
            if (profile.developmentShortcuts()) {
                if (others.size() == lines.size()) {
                    others.add(MARKER);
                    others.add(ENTRY);
                    Files.write(usersFile, others, StandardCharsets.UTF_8);
                }
                LOG.warn("DEVELOPMENT console user '{}' (password '{}') in {}: bin/client logs in as it", USER, USER,
                        usersFile);
            } else if (others.size() != lines.size()) {
                Files.write(usersFile, others, StandardCharsets.UTF_8);
                LOG.info("Removed the development console user '{}' from {}: the node's profile is {}", USER, usersFile,
                        profile.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file without the marker and the entry below it (Karaf may have hashed its password since). */
    private static List<String> withoutOurUser(List<String> lines) {
        List<String> others = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(MARKER)) {
                if (i + 1 < lines.size() && lines.get(i + 1).startsWith(USER + " =")) {
                    i++;
                }
                continue;
            }
            others.add(lines.get(i));
        }
        return others;
    }
}
