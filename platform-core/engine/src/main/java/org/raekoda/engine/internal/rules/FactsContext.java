package org.raekoda.engine.internal.rules;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.jexl3.JexlContext;

/**
 * What an expression reads: the facts, and for a criterion's test its {@code value} and {@code limit}. Read only
 * (the sandbox allows no assignment), so the facts are not copied per criterion; cancelled by a deadline.
 */
final class FactsContext implements JexlContext, JexlContext.CancellationHandle {

    private final Map<String, Object> facts;
    private final Deadline deadline;
    private final boolean test;
    private final Object value;
    private final Object limit;

    private FactsContext(Map<String, Object> facts, Deadline deadline, boolean test, Object value, Object limit) {
        this.facts = facts;
        this.deadline = deadline;
        this.test = test;
        this.value = value;
        this.limit = limit;
    }

    static FactsContext of(Map<String, Object> facts, Deadline deadline) {
        return new FactsContext(facts, deadline, false, null, null);
    }

    /** The context of a criterion's test: the facts plus {@code value} and {@code limit}. */
    FactsContext forTest(Object testedValue, Object testLimit) {
        return new FactsContext(facts, deadline, true, testedValue, testLimit);
    }

    @Override
    public Object get(String name) {
        if (test && name.equals("value")) {
            return value;
        }
        if (test && name.equals("limit")) {
            return limit;
        }
        return facts.get(name);
    }

    @Override
    public boolean has(String name) {
        return test && (name.equals("value") || name.equals("limit")) || facts.containsKey(name);
    }

    @Override
    public void set(String name, Object newValue) {
        throw new UnsupportedOperationException("criteria do not change facts");
    }

    @Override
    public AtomicBoolean getCancellation() {
        return deadline.flag();
    }
}
