package uk.police.bluelamp.platform.personaldata;

import java.util.Collection;

/** A reader of stored events that opens sealed values, so a reader of many can fetch their keys first. */
public interface OpensSealedValues {

    /** Caches, in one query, the keys the events of these streams are likely sealed under. */
    void warmKeysFor(Collection<String> streamIds);
}
