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
import org.raekoda.api.registry.LocalRepresentationRights;

/**
 * {@code raekoda:representation-load rights.csv}: replaces the platform's local representation rights (who may
 * act for which company) with the rows of a CSV file.
 */
@Command(scope = "raekoda", name = "representation-load", description = "Replaces the local representation "
        + "rights with a CSV file: personCountry,personCode,companyCountry,companyCode,companyName")
@Service
public class RepresentationLoadCommand implements Action {

    @Reference
    LocalRepresentationRights rights;

    @Argument(index = 0, name = "csv-file", required = true, description = "One right a line")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws IOException {
        int loaded;
        try (Reader csv = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            loaded = rights.replace(LocalRepresentationRights.fromCsv(csv));
        } catch (ApplicationException e) {
            throw Consoles.refused(e);
        }
        System.out.printf("The local representation rights now hold %d rights%n", loaded);
        return null;
    }
}
