package dev.machinist.core.rotate;

import dev.machinist.core.store.StoreResult;
import java.util.Optional;

/**
 * A finished rotation. {@code newTokenId} is empty when the new token was given rather than created;
 * {@code revokedTokenId} is empty when there was no old token to revoke through the vendor's API.
 */
public record RotationResult(
        Optional<String> newTokenId, StoreResult stored, String storedIn, Optional<String> revokedTokenId) {}
