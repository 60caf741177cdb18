package io.teamplay.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code teamplay.sign-in.*}: how many refused web sign-ins of one email, within what window, before the lock. */
@ConfigMapping(prefix = "teamplay.sign-in")
public interface SignInConfig {

    @WithDefault("5")
    int maxFailures();

    @WithDefault("PT15M")
    Duration window();
}
