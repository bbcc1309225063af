package uk.police.bluelamp.messages.casefile;

public record CaseSummary(String reference, String status, String statusLabel, String category) {}
