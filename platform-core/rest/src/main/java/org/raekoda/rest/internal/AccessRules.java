package org.raekoda.rest.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;

/**
 * The access rule of every operation, read from the resources' own {@link Access} annotations: the OpenAPI document
 * carries it ({@code x-raekoda-access}) and the table in docs/api.md is generated from it, so that neither can drift
 * from the code.
 */
final class AccessRules {

    /**
     * One operation.
     *
     * @param method HTTP method, upper case
     * @param path   the path as the OpenAPI document writes it, below {@code /api}
     * @param rule   who may call it, or null when the operation declares none (a build failure)
     * @param source the Java method, for messages
     */
    record Operation(String method, String path, Access.Rule rule, String source) {

        String key() {
            return method + " " + path;
        }
    }

    private AccessRules() {
    }

    /** Every operation of the resources, sorted by path and method. */
    static List<Operation> of(List<Class<?>> resources) {
        List<Operation> operations = new ArrayList<>();
        for (Class<?> resource : resources) {
            Path base = resource.getAnnotation(Path.class);
            for (Method method : resource.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path own = method.getAnnotation(Path.class);
                Access access = method.getAnnotation(Access.class);
                operations.add(new Operation(http, join(base == null ? "" : base.value(), own == null ? "" : own.value()),
                        access == null ? null : access.value(), resource.getSimpleName() + "." + method.getName()));
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    /** The Markdown table of docs/api.md. */
    static String table(List<Operation> operations) {
        StringBuilder table = new StringBuilder("| operation | who may call it | rule |\n|---|---|---|\n");
        for (Operation operation : operations) {
            table.append("| `").append(operation.method()).append(' ').append(operation.path()).append("` | ")
                    .append(operation.rule() == null ? "**no rule**" : operation.rule().description()).append(" | `")
                    .append(operation.rule()).append("` |\n");
        }
        return table.toString();
    }

    private static String httpMethod(Method method) {
        for (Class<? extends java.lang.annotation.Annotation> verb : List.of(GET.class, POST.class, PUT.class,
                DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getAnnotation(HttpMethod.class).value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String join(String base, String own) {
        String path = ("/" + base + "/" + own).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
