package io.teamplay.web;

import io.quarkus.test.junit.QuarkusTest;
import io.teamplay.TestFixtures.WebSession;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.teamplay.TestFixtures.SALES_MANAGER;
import static io.teamplay.TestFixtures.SUCCESS_MANAGER;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.signIn;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The accounts list's saved filters and "nobody holds role" filter (with bulk assign over it), and out-of-office
 * periods in the users' settings, over HTTP: inline errors at their field, the API's permissions, CSRF.
 */
@QuarkusTest
class SavedFiltersWebTest {

    @Test
    void shouldSaveTheFilterUnderANameApplyItAndDeleteItShowingADuplicateAndABadFilterAtTheirFields() {
        String segment = unique("seg");
        String ada = person("Ada Saver", "ADVANCED");
        String empty = account(Map.of("segment", segment));
        assign(account(Map.of("segment", segment)), SUCCESS_MANAGER, ada);
        String name = "Unmanaged " + segment;
        WebSession session = signIn(ada, tokenOf(ada));

        session.given().formParam("attribute", "segment").formParam("value", segment).formParam("noHolder", SUCCESS_MANAGER)
                .formParam("name", name).formParam("csrf", "forged").post("/accounts/saved").then().statusCode(403);
        String location = session.given().formParam("attribute", "segment").formParam("value", segment)
                .formParam("noHolder", SUCCESS_MANAGER).formParam("name", name).formParam("csrf", session.csrf())
                .post("/accounts/saved").then().statusCode(303).extract().header("Location");
        asAdmin().get("/api/segments/{name}", name).then().statusCode(200)
                .body("filter.noHolder", equalTo(SUCCESS_MANAGER)).body("filter.attributes.segment", equalTo(segment));
        String applied = "/accounts?role=&assignee=&noHolder=" + SUCCESS_MANAGER + "&attribute=segment&value="
                + URLEncoder.encode(segment, StandardCharsets.UTF_8) + "&page=0";
        session.given().urlEncodingEnabled(false).get(location.substring(location.indexOf("/accounts"))).then().statusCode(200)
                .body(containsString("Filter " + name + " saved.")).body(containsString("1 account match."))
                .body(containsString("href=\"/accounts/" + empty + "\""))
                .body(containsString("<a href=\"" + applied.replace("&", "&amp;") + "\">" + name + "</a>"))
                .body(containsString("nobody holds " + SUCCESS_MANAGER + ", segment = " + segment));
        session.given().get(applied).then().statusCode(200).body(containsString("1 account match."));

        session.given().formParam("attribute", "segment").formParam("value", "other").formParam("name", name)
                .formParam("csrf", session.csrf()).post("/accounts/saved").then().statusCode(409)
                .body(containsString("id=\"saved-name-error\"")).body(containsString("already exists"))
                .body(containsString("value=\"" + name + "\""));
        session.given().formParam("attribute", "2bad").formParam("value", "x").formParam("name", name + " two")
                .formParam("csrf", session.csrf()).post("/accounts/saved").then().statusCode(400)
                .body(containsString("id=\"saved-filter-error\"")).body(containsString("is not an attribute name"));
        session.given().formParam("name", name + " three").formParam("csrf", session.csrf()).post("/accounts/saved")
                .then().statusCode(400).body(containsString("id=\"saved-filter-error\""))
                .body(containsString("a segment filters on a role"));
        asAdmin().get("/api/segments/{name}", name + " two").then().statusCode(404);

        String reader = person("Sam Reader", "STANDARD");
        WebSession standard = signIn(reader, tokenOf(reader));
        standard.given().get("/accounts").then().statusCode(200).body(containsString(name))
                .body(not(containsString("Save this filter as"))).body(not(containsString("/accounts/saved/delete")));
        standard.given().formParam("name", name).formParam("csrf", standard.csrf()).post("/accounts/saved/delete")
                .then().statusCode(403);
        standard.given().formParam("attribute", "segment").formParam("value", segment).formParam("name", name + " mine")
                .formParam("csrf", standard.csrf()).post("/accounts/saved").then().statusCode(403);

        session.given().formParam("name", name).formParam("csrf", session.csrf()).post("/accounts/saved/delete")
                .then().statusCode(303).header("Location", containsString("deleted="));
        asAdmin().get("/api/segments/{name}", name).then().statusCode(404);
        session.given().get("/accounts").then().body(not(containsString(">" + name + "</a>")));
    }

    @Test
    void shouldListTheAccountsWhereNobodyHoldsARoleAndBulkAssignItToEachOfThem() {
        String segment = unique("seg");
        String ann = person("Ann Holder", "STANDARD");
        String bob = person("Bob Filler", "STANDARD");
        String held = account(Map.of("segment", segment));
        String first = account(Map.of("segment", segment));
        String second = account(Map.of("segment", segment));
        assign(held, SUCCESS_MANAGER, ann);
        assign(second, SALES_MANAGER, ann);
        WebSession session = signIn(ann, tokenOf(ann));

        session.given().queryParam("attribute", "segment").queryParam("value", segment)
                .queryParam("noHolder", SUCCESS_MANAGER).get("/accounts").then().statusCode(200)
                .body(containsString("2 accounts match.")).body(not(containsString("href=\"/accounts/" + held + "\"")))
                .body(containsString("<input type=\"hidden\" name=\"noHolder\" value=\"" + SUCCESS_MANAGER + "\">"));
        Map<String, Object> form = Map.of("attribute", "segment", "value", segment, "noHolder", SUCCESS_MANAGER,
                "action", "assign", "bulkRole", SUCCESS_MANAGER, "bulkEmail", bob);
        session.given().formParams(form).formParam("csrf", session.csrf()).post("/accounts/bulk/preview").then()
                .statusCode(200).body(containsString("2 accounts will change</strong>\n  of 2 matched"))
                .body(containsString("nobody holds " + SUCCESS_MANAGER));
        session.given().formParams(form).formParam("csrf", session.csrf()).post("/accounts/bulk/apply").then()
                .statusCode(200).body(containsString("2 accounts matched,\n  2 changed"));
        asAdmin().get("/api/accounts/{id}", held).then().body("team[0].email", equalTo(ann));
        for (String id : List.of(first, second)) {
            asAdmin().get("/api/accounts/{id}/history", id).then().body("[0].toEmail", equalTo(bob))
                    .body("[0].role", equalTo(SUCCESS_MANAGER)).body("[0].source", equalTo("BULK_EDIT"));
        }
        session.given().queryParam("attribute", "segment").queryParam("value", segment)
                .queryParam("noHolder", SUCCESS_MANAGER).get("/accounts").then().body(containsString("0 accounts match."));
    }

    @Test
    void shouldLetAUserSetTheirOwnOutOfOfficeAfterAnInlineErrorAndOnlyThemOrAnAdminChangeIt() {
        String sam = person("Sam Away", "STANDARD");
        String cora = person("Cora Cover", "STANDARD");
        String admin = person("Adam Leaves", "ADMIN");
        String today = LocalDate.now().toString();
        String later = LocalDate.now().plusDays(6).toString();
        WebSession session = signIn(sam, tokenOf(sam));

        session.given().get("/settings/users/me").then().statusCode(303)
                .header("Location", endsWith("/settings/users/" + sam + "#availability-heading"));
        session.given().get("/settings/users/{email}", sam).then().statusCode(200)
                .body(containsString("Available: no out-of-office period set.")).body(containsString("Set out of office"));
        session.given().formParam("from", later).formParam("to", today).formParam("cover", cora)
                .formParam("csrf", session.csrf()).post("/settings/users/{email}/availability", sam).then().statusCode(400)
                .body(containsString("id=\"to-error\"")).body(containsString("is before from"))
                .body(containsString("value=\"" + later + "\"")).body(containsString("value=\"" + cora + "\" selected"));
        session.given().formParam("from", today).formParam("to", later).formParam("cover", sam)
                .formParam("csrf", session.csrf()).post("/settings/users/{email}/availability", sam).then().statusCode(422)
                .body(containsString("id=\"cover-error\""));
        asAdmin().get("/api/users/{email}/availability", sam).then().statusCode(404);
        session.given().formParam("from", today).formParam("to", later).formParam("cover", cora)
                .formParam("csrf", session.csrf()).post("/settings/users/{email}/availability", sam).then().statusCode(200)
                .body(containsString("Out of office from " + today + " to " + later + ", covered by " + cora + "."));
        asAdmin().get("/api/users/{email}/availability", sam).then().statusCode(200)
                .body("from", equalTo(today)).body("to", equalTo(later)).body("cover", equalTo(cora));
        session.given().queryParam("q", sam).get("/settings/users").then().statusCode(200)
                .body(containsString("<strong>Out of office</strong> until " + later + ", cover " + cora));

        WebSession other = signIn(cora, tokenOf(cora));
        other.given().get("/settings/users/{email}", sam).then().statusCode(200)
                .body(containsString("covered by " + cora)).body(not(containsString("Set out of office")));
        // the cover is found by name among all active users (a page of them is listed), by whoever may set the leave
        session.given().queryParam("q", "Cora Cover").get("/settings/users/{email}/covers", sam).then().statusCode(200)
                .body(containsString("value=\"" + cora + "\"")).body(not(containsString("value=\"" + sam + "\"")));
        other.given().queryParam("q", "Sam").get("/settings/users/{email}/covers", sam).then().statusCode(403);
        other.given().formParam("from", today).formParam("to", today).formParam("csrf", other.csrf())
                .post("/settings/users/{email}/availability", sam).then().statusCode(403);
        other.given().formParam("csrf", other.csrf()).post("/settings/users/{email}/availability/end", sam).then().statusCode(403);
        session.given().formParam("csrf", "forged").post("/settings/users/{email}/availability/end", sam).then().statusCode(403);

        WebSession adminSession = signIn(admin, tokenOf(admin));
        adminSession.given().formParam("csrf", adminSession.csrf()).post("/settings/users/{email}/availability/end", sam)
                .then().statusCode(200).body(containsString("Out of office ended"));
        asAdmin().get("/api/users/{email}/availability", sam).then().statusCode(404);
    }

    private static String person(String name, String permission) {
        return userWith(unique(name.toLowerCase().replace(' ', '.')) + "@example.com", name, "PRACTITIONER", permission);
    }
}
