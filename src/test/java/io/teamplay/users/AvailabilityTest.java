package io.teamplay.users;

import static io.teamplay.TestFixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's out-of-office period over REST: set by themself or an ADMIN, read by anyone, ended, refused when wrong. */
@QuarkusTest
class AvailabilityTest {

    private static final LocalDate TODAY = LocalDate.now();

    private static Map<String, Object> leave(LocalDate from, LocalDate to, String cover) {
        return cover == null ? Map.of("from", from.toString(), "to", to.toString())
                : Map.of("from", from.toString(), "to", to.toString(), "cover", cover);
    }

    @Test
    void shouldSetReadAndEndOnesOwnLeave() {
        String ann = user("Ann Away", "PRACTITIONER");
        String cover = user("Carl Cover", "PRACTITIONER");
        String token = tokenOf(ann);
        as(token).get("/api/users/{email}/availability", ann).then().statusCode(404);
        as(token).body(leave(TODAY.plusDays(1), TODAY.plusDays(5), cover.toUpperCase()))
                .put("/api/users/{email}/availability", ann).then().statusCode(200)
                .body("email", equalTo(ann)).body("cover", equalTo(cover))
                .body("from", equalTo(TODAY.plusDays(1).toString())).body("to", equalTo(TODAY.plusDays(5).toString()));
        as(tokenOf(cover)).get("/api/users/{email}/availability", ann).then().statusCode(200)
                .body("cover", equalTo(cover));
        as(token).delete("/api/users/{email}/availability", ann).then().statusCode(204);
        as(token).get("/api/users/{email}/availability", ann).then().statusCode(404);
        as(token).delete("/api/users/{email}/availability", ann).then().statusCode(404);
    }

    @Test
    void anAdminMaySetAnyonesLeaveAndNobodyElse() {
        String bob = user("Bob Away", "PRACTITIONER");
        String colleague = userWith(unique("colleague") + "@example.com", "Col League", "PRACTITIONER", "ADVANCED");
        as(tokenOf(colleague)).body(leave(TODAY, TODAY.plusDays(2), null))
                .put("/api/users/{email}/availability", bob).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        as(tokenOf(colleague)).delete("/api/users/{email}/availability", bob).then().statusCode(403);
        asAdmin().body(leave(TODAY, TODAY.plusDays(2), null)).put("/api/users/{email}/availability", bob)
                .then().statusCode(200);
        asAdmin().get("/api/users/{email}/availability", bob).then().statusCode(200)
                .body("to", equalTo(TODAY.plusDays(2).toString()));
        asAdmin().delete("/api/users/{email}/availability", bob).then().statusCode(204);
        asAdmin().get("/api/users/{email}/availability", bob).then().statusCode(404);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String dee = user("Dee Away", "PRACTITIONER");
        String leaver = user("Lee Ver", "PRACTITIONER");
        asAdmin().body(Map.of("reassignTo", dee)).post("/api/users/{email}/disable", leaver).then().statusCode(200);
        String path = "/api/users/{email}/availability";
        asAdmin().body(leave(TODAY.plusDays(3), TODAY.plusDays(2), null)).put(path, dee).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("to"));
        asAdmin().body(Map.of("to", TODAY.toString())).put(path, dee).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        asAdmin().body(leave(TODAY, TODAY, unique("nobody") + "@example.com")).put(path, dee).then().statusCode(422)
                .body("errors[0].field", equalTo("cover"));
        asAdmin().body(leave(TODAY, TODAY, dee)).put(path, dee).then().statusCode(422)
                .body("errors[0].field", equalTo("cover"));
        asAdmin().body(leave(TODAY, TODAY, leaver)).put(path, dee).then().statusCode(422)
                .body("errors[0].field", equalTo("cover"));
        asAdmin().get(path, dee).then().statusCode(404);
        asAdmin().body(leave(TODAY, TODAY, null)).put(path, unique("ghost") + "@example.com").then().statusCode(404);
    }
}
