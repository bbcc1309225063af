package uk.police.bluelamp.platform.readmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection as a read model auditors can rebuild from the event log, named by its
 * processing group: the projection must be the only bean of that group and need nothing but
 * database access, so a fresh copy can fill other tables with no side effects. Declared here,
 * beside the projection, rather than in configuration, so the read model's slice is one folder
 * (docs/adr/0032-each-context-owns-its-migrations-and-read-models.md).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModel {

    /** Every table the projection writes: a rebuild fills copies of them all and swaps them in together. */
    String[] tables();

    /**
     * True for a projection that writes no "on conflict": its unique indexes are built after the
     * bulk load too, and a duplicate row then fails the rebuild loudly.
     */
    boolean deferUniqueIndexes() default false;

    /**
     * Unique indexes (by their names in the live tables) that none of the projection's writes
     * names as its conflict target, for a projection that relies on others: a rebuild builds these
     * after the bulk load, where keeping them up to date row by row costs the most, and a
     * duplicate row then fails the rebuild loudly.
     */
    String[] uniqueIndexesAfterLoad() default {};

    /**
     * Indexes (by their names in the live tables) that the projection's own writes look rows up
     * by: a rebuild keeps them while it loads, where it otherwise builds every index that is not
     * unique after the load. Without them each such lookup reads the whole table.
     */
    String[] indexesForWriting() default {};

    /**
     * False for a projection that keeps nothing personal from the events it reads (times and
     * counts only): an erasure need not rebuild it, which for a year of history saves rebuilding
     * a million rows per erasure. A test checks no such table holds the erased person's data.
     */
    boolean holdsPersonalData() default true;

    /**
     * For a projection that holds personal data but reads it from only some of its events: those
     * event types. Its rebuild opens their sealed values and leaves every other type's closed, as
     * {@code [not opened]}, sparing a key, AES-GCM and a second parse per value. Empty, the
     * default: every type is opened. ReplayTest rebuilds case tracking and the queue, which name
     * theirs, and checks the citizen's words come back (docs/adr/0053).
     */
    Class<?>[] opens() default {};
}
