package uk.police.bluelamp.messages.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Personal data of the contact's or case's data subject. Stored events hold it encrypted under
 * that subject's own key, so destroying the key erases it everywhere the event was copied
 * (docs/adr/0012-crypto-shredding.md). On a String component the value is encrypted; on a
 * record component every String inside it is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** What an erased value reads as, in events, read models and exports. */
    String ERASED = "[erased]";
}
