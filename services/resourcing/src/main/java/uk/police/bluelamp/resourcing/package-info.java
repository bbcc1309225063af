/**
 * Resource control and accountability (issue 15): what the contact centre did over any period,
 * what demand to expect, how many handlers that needs, what a different plan would have done on
 * a real past day, and the figures published for the Police and Crime Commissioner and the
 * public. It reads the other contexts' events and asks their queries; it owns no aggregate of
 * theirs and holds no personal data.
 */
package uk.police.bluelamp.resourcing;
