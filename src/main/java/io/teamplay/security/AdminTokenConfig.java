package io.teamplay.security;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** {@code teamplay.admin-token}: the bootstrap admin token, when the operator sets one. */
@ConfigMapping(prefix = "teamplay")
public interface AdminTokenConfig {

    /** At least 32 characters; none means one is generated on the first start and printed once. */
    Optional<String> adminToken();
}
