package uk.police.bluelamp.app.limits;

/** A rate-limited group of public routes, and the reference (case or chat) a request names, if any. */
record PublicEndpoint(String group, String reference) {}
