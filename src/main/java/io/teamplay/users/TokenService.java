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
        // every authenticated request asks this: one query for the token, its user and the user's teams
        return User.<User>find("select u from User u left join fetch u.teams where u.email = "
                        + "(select t.email from ApiToken t where t.tokenHash = ?1)", tokenHash)
                .list().stream().findFirst().map(User::view);
    }
}
