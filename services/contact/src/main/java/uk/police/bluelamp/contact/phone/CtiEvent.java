package uk.police.bluelamp.contact.phone;

import java.util.List;

/** The generic CTI webhook's fields, as PBXs already post them to other helpdesks. */
record CtiEvent(
        String event,
        String callId,
        String from,
        String to,
        String direction,
        List<String> user,
        String queue,
        String answeringNumber,
        String cause) {}
