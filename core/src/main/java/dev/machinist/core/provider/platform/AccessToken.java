package dev.machinist.core.provider.platform;

import dev.machinist.core.Secret;
import java.time.Instant;
import java.util.Optional;

/**
 * An OAuth access token from the api_token grant. {@code userId} is the JWT's {@code sub} when the token
 * is a JWT (the vendor CLI prefers it over a {@code /users/me} call). {@code toString} shows no value.
 */
record AccessToken(Secret value, Optional<Instant> expiresAt, Optional<String> userId) {}
