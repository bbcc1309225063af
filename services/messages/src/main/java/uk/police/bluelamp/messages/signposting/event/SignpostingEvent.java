package uk.police.bluelamp.messages.signposting.event;

/**
 * Demand the force turned away to the right service, counted so it sees it. These events belong
 * to no aggregate and name no one: stored, chained and audited like every other event.
 */
public sealed interface SignpostingEvent permits CitizenSignposted {}
