package io.teamplay.tasks;

import io.teamplay.common.Bodies;
import io.teamplay.security.Actor;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

@Path("/api/settings/task-ownership-policy")
public class PolicyResource {

    public record PolicyBody(TaskOwnershipPolicy policy) {
    }

    @Inject
    TaskService tasks;
    @Inject
    Actor actor;

    @GET
    public PolicyBody get() {
        return new PolicyBody(tasks.policy());
    }

    @PUT
    public PolicyBody change(PolicyBody body) {
        actor.requireRoleAndPolicyAdmin();
        return new PolicyBody(tasks.changePolicy(Bodies.require(body).policy(), actor.id()));
    }
}
