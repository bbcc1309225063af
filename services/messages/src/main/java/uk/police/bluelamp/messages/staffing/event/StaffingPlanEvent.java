package uk.police.bluelamp.messages.staffing.event;

/**
 * Everything that can happen to the force's staffing plan: how many handlers supervisors plan
 * on duty in each hour of a typical week. Numbers of people, about no one: nothing here is
 * personal data or covered by erasure.
 */
public sealed interface StaffingPlanEvent permits HandlersPlanned {

    /** The one plan of the force. */
    String plan();
}
