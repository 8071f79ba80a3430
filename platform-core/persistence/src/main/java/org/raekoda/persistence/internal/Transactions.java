package org.raekoda.persistence.internal;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/** Runs work in one transaction; in Karaf this is Aries JPA's template, in tests a plain EntityManager. */
public interface Transactions {

    <R> R inTransaction(Function<EntityManager, R> work);

    static Transactions of(JpaTemplate jpa) {
        return new Transactions() {
            @Override
            public <R> R inTransaction(Function<EntityManager, R> work) {
                return jpa.txExpr(TransactionType.Required, work::apply);
            }
        };
    }
}
