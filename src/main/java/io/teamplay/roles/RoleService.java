package io.teamplay.roles;

import io.teamplay.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The only writer of account roles. */
@ApplicationScoped
@Transactional
public class RoleService {

    private static final Logger LOG = Logger.getLogger(RoleService.class);

    @Inject
    Event<RoleDeleting> deleting;
    @Inject
    io.teamplay.common.BatchReads batch;

    public RoleView create(RoleRequest request) {
        String key = RoleKey.derive(request.displayName());
        if (AccountRole.findById(key) != null) {
            throw ProblemException.conflict("A role with key " + key + " already exists");
        }
        AccountRole role = new AccountRole();
        role.key = key;
        role.displayName = request.displayName().trim();
        role.description = request.description();
        role.source = request.source() == null ? RoleSource.APP : request.source();
        role.editable = request.editable() == null || request.editable();
        role.emptyValueBehavior = request.emptyValueBehavior() == null ? EmptyValueBehavior.IGNORE : request.emptyValueBehavior();
        role.persist();
        LOG.infof("Role created: %s", key);
        return role.view();
    }

    /** The key stays: assignments, filters and rule files refer to it. */
    public RoleView update(String key, RoleRequest request) {
        AccountRole role = require(key);
        if (request.displayName() != null) {
            RoleKey.derive(request.displayName());
            role.displayName = request.displayName().trim();
        }
        if (request.description() != null) {
            role.description = request.description();
        }
        if (request.source() != null) {
            role.source = request.source();
        }
        if (request.editable() != null) {
            role.editable = request.editable();
        }
        if (request.emptyValueBehavior() != null) {
            role.emptyValueBehavior = request.emptyValueBehavior();
        }
        LOG.infof("Role updated: %s", key);
        return role.view();
    }

    public void delete(String key, String actor) {
        AccountRole role = require(key);
        deleting.fire(new RoleDeleting(role.key, actor));
        role.delete();
        LOG.infof("Role deleted: %s by %s", key, actor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RoleView> all() {
        return AccountRole.<AccountRole>listAll().stream()
                .map(AccountRole::view)
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RoleView> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String normalised = key.trim().toLowerCase(Locale.ROOT);
        // a batch of events reads each role once: plays never change roles
        return batch.once(new Remembered(normalised),
                () -> AccountRole.<AccountRole>findByIdOptional(normalised).map(AccountRole::view));
    }

    /** The key a batch remembers a role under. */
    private record Remembered(String key) {
    }

    /** The role by key, or 404 naming it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RoleView get(String key) {
        return require(key).view();
    }

    private AccountRole require(String key) {
        return AccountRole.<AccountRole>findByIdOptional(key == null ? "" : key.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.notFound("No account role with key " + key));
    }
}
