package uk.police.bluelamp.casework.replies;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * bluelamp.replies: the secrets the providers present. smsToken is the bearer token set on the
 * service's received-text-message callback in GOV.UK Notify; emailToken the one the inbound email
 * provider sends (as a bearer token, or as the password of HTTP Basic). Unset, that endpoint
 * refuses every caller.
 */
@ConfigurationProperties("bluelamp.replies")
record ReplySettings(String smsToken, String emailToken) {}
