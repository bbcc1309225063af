package uk.police.bluelamp.audit.replay;

/**
 * Published when this node has failed rebuilds whose node stopped beating: an erasure they were
 * scrubbing must be scrubbed again (audit/erasure/Erasures).
 */
public record DeadRunsFailed(int runs) {}
