package uk.police.bluelamp.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that logs a look at personal data through {@link AccessLog}, so may answer
 * 428 until the viewer gives a reason in {@value AccessLog#REASON_HEADER}. The API document
 * lists that header and that answer for these handlers only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AsksReason {}
