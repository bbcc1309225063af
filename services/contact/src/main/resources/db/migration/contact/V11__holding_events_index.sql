-- Who holds a contact is asked again for every frame a handler's live chat socket is sent
-- (ChatAccess.handlerMayUse): the latest assignment, transfer or close of that contact. This
-- index holds only those events, so the answer is one index entry away however long the chat.
create index domain_event_entry_holding on domain_event_entry (aggregate_identifier, sequence_number)
    where payload_type in ('uk.police.bluelamp.messages.contact.ContactAssigned',
                           'uk.police.bluelamp.messages.contact.ContactTransferred',
                           'uk.police.bluelamp.messages.contact.ContactClosed');
