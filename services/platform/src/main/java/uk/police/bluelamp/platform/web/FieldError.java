package uk.police.bluelamp.platform.web;

/**
 * One field of a request and what is wrong with it, worded for the person who sent it. Every
 * field-level refusal of the API answers a list of these as its {@code errors}: the frontend
 * shows each message next to its field.
 */
public record FieldError(String field, String message) {}
