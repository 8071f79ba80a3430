package org.raekoda.engine.internal.rules;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * What a criterion may reach through JEXL's introspection: the entries of maps and the elements of lists, by
 * their {@code get} method, and nothing else: no class, getter, field or constructor of any type, so that
 * {@code form.class} or {@code form.address.bytes} find nothing. Operators ({@code size}, {@code empty},
 * {@code =~}, comparisons) are done by the arithmetic itself and need no permission. Stricter than JEXL's
 * RESTRICTED set, which still lets expressions call getters of every allowed class.
 */
final class FactsOnlyPermissions implements JexlPermissions {

    static final FactsOnlyPermissions INSTANCE = new FactsOnlyPermissions();

    private FactsOnlyPermissions() {
    }

    @Override
    public boolean allow(Package pack) {
        return pack != null && pack.getName().equals("java.util");
    }

    @Override
    public boolean allow(Class<?> type) {
        return type != null && (isContainer(type) || type.isArray());
    }

    @Override
    public boolean allow(Method method) {
        return method != null && method.getName().equals("get") && method.getParameterCount() == 1
                && isContainer(method.getDeclaringClass());
    }

    @Override
    public boolean allow(Constructor<?> constructor) {
        return false;
    }

    @Override
    public boolean allow(Field field) {
        return false;
    }

    /** The permissions are fixed: composing more in would undo the sandbox. */
    @Override
    public JexlPermissions compose(String... src) {
        throw new UnsupportedOperationException("the criteria sandbox is not extended");
    }

    private static boolean isContainer(Class<?> type) {
        return Map.class.isAssignableFrom(type) || List.class.isAssignableFrom(type);
    }
}
