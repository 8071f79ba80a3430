package org.raekoda.itests;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;

/**
 * Pax Exam options that boot the built distribution (the tar.gz a user downloads) on free ports.
 * The test class is loaded twice, in the test JVM that writes these options and inside Karaf that runs
 * the tests; the HTTP port chosen by the first reaches the second as a system property.
 */
final class ExamDistribution {

    static final String PORT_PROPERTY = "raekoda.test.httpPort";

    private ExamDistribution() {
    }

    static Option[] options() {
        String httpPort = String.valueOf(FreePorts.next());
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(System.getProperty("raekoda.distribution.archive")).toURI().toString())
                    .karafVersion(System.getProperty("raekoda.karaf.version"))
                    .name("Raekoda")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevelOption.LogLevel.WARN),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
            // the quick start's profile on the embedded database: the tests name their callers in the header
            editConfigurationFilePut("etc/org.raekoda.node.cfg", "profile", "development"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(FreePorts.next())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(FreePorts.next())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(FreePorts.next())),
            mavenBundle("org.hamcrest", "hamcrest", "2.2"),
            mavenBundle("org.awaitility", "awaitility", System.getProperty("raekoda.awaitility.version")),
            systemProperty(PORT_PROPERTY).value(httpPort),
        };
    }

    /** Inside the container: runs a Karaf shell command and returns what it printed. */
    static String execute(org.apache.karaf.shell.api.console.SessionFactory sessions, String command) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        org.apache.karaf.shell.api.console.Session session = sessions.create(System.in, out, out);
        java.io.PrintStream previous = System.out;
        System.setOut(out);
        try {
            session.execute(command);
        } finally {
            System.setOut(previous);
            session.close();
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Inside the container: the node's base URL. */
    static String baseUrl() {
        return "http://localhost:" + Integer.getInteger(PORT_PROPERTY);
    }
}
