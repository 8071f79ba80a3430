package org.raekoda.shell.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.registry.LocalRegisters;
import org.raekoda.api.registry.RegisterRow;

/**
 * {@code raekoda:cemetery-load tartu plots.csv}: replaces a municipality's cemetery register (the local
 * register the feature raekoda-integration-local-cemetery answers from) with the rows of a CSV file.
 */
@Command(scope = "raekoda", name = "cemetery-load",
        description = "Replaces a municipality's cemetery register with a CSV file: cemetery,section,plot,status")
@Service
public class CemeteryLoadCommand implements Action {

    static final String REGISTER = "cemetery";

    @Reference
    LocalRegisters registers;

    @Argument(index = 0, name = "municipality", required = true, description = "Organization id")
    String municipality;

    @Argument(index = 1, name = "csv-file", required = true,
            description = "One plot a line: cemetery,section,plot,status (free, reserved or occupied)")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws IOException {
        int rows;
        try (Reader csv = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            rows = registers.replace(municipality, REGISTER, RegisterRow.fromCsv(csv));
        } catch (ApplicationException e) {
            // The console shows the message and bin/client exits with a failure; nothing was changed.
            StringBuilder message = new StringBuilder(e.getMessage());
            e.fieldErrors().forEach(error -> message.append("\n  ").append(error.pointer()).append(": ")
                    .append(error.message()));
            throw new IllegalArgumentException(message.toString(), e);
        }
        System.out.printf("The cemetery register of %s now holds %d plots%n", municipality, rows);
        return null;
    }
}
