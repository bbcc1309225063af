package uk.police.bluelamp.messages.text;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person types in a box of several lines (a description, a message, a note): tab and
 * line breaks are kept. Every other text from outside must be on one line. The input policy
 * at the edge reads this (docs/adr/0015-one-input-policy-at-the-edge.md).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface MultiLine {}
