package io.teamplay.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The session cookie a browser sent, to be turned into an identity by {@link WebSessionIdentityProvider}. */
class WebSessionRequest extends BaseAuthenticationRequest {

    final String cookie;

    WebSessionRequest(String cookie) {
        this.cookie = cookie;
    }
}
