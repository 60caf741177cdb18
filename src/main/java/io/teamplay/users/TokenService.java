package io.teamplay.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class TokenService {

    /** Issues a new token for an existing user; the token itself is returned once and never stored. */
    @Transactional
    public String issue(String email) {
        String token = Tokens.generate();
        ApiToken row = new ApiToken();
        row.tokenHash = Tokens.hash(token);
        row.email = email;
        row.createdAt = Instant.now();
        row.persist();
        return token;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserView> userOfTokenHash(String tokenHash) {
        return ApiToken.<ApiToken>findByIdOptional(tokenHash)
                .flatMap(token -> User.<User>findByIdOptional(token.email))
                .map(User::view);
    }
}
