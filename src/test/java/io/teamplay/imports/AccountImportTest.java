package io.teamplay.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.ADMIN_TOKEN;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.user;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** POST /api/imports/accounts: the integration path for whole files of accounts and their teams. */
@QuarkusTest
class AccountImportTest {

    private static ValidatableResponse importCsv(String token, String csv) {
        return importCsv(token, csv.getBytes(StandardCharsets.UTF_8));
    }

    private static ValidatableResponse importCsv(String token, byte[] csv) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv)
                .post("/api/imports/accounts").then();
    }

    private static ValidatableResponse imported(String csv) {
        return importCsv(ADMIN_TOKEN, csv).statusCode(200);
    }

    private static ValidatableResponse accountOf(String id) {
        return asAdmin().get("/api/accounts/{id}", id).then().statusCode(200);
    }

    private static void absent(String id) {
        asAdmin().get("/api/accounts/{id}", id).then().statusCode(404);
    }

    private static String holder(String accountId, String role) {
        return accountOf(accountId).extract().path("team.find { it.role == '" + role + "' }.email");
    }

    private static String newRole(String displayName, Map<String, Object> settings) {
        Map<String, Object> body = new java.util.HashMap<>(settings);
        body.put("displayName", displayName);
        return asAdmin().body(body).post("/api/roles").then().statusCode(201).extract().path("key");
    }

    private static String roleName(String prefix) {
        return prefix + " " + unique("r").substring(2);
    }

    @Test
    void countsCreatedUpdatedAndUnchangedAccounts() {
        String unchanged = account(Map.of("stage", "onboarding"));
        String updated = account(Map.of("stage", "onboarding"));
        String created = unique("acct");
        String csv = "account_id,stage\n"
                + unchanged + ",onboarding\n"
                + updated + ",adoption\n"
                + created + ",onboarding\n";

        imported(csv).body("rows", equalTo(3)).body("created", equalTo(1)).body("updated", equalTo(1))
                .body("unchanged", equalTo(1)).body("errors", empty());

        accountOf(created).body("name", equalTo(created)).body("attributes.stage", equalTo("onboarding"));
        accountOf(updated).body("attributes.stage", equalTo("adoption"));
        imported(csv).body("rows", equalTo(3)).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(3));
    }

    @Test
    void aTeamChangeAloneCountsAsAnUpdate() {
        String id = account();
        String cs = user("Una Update", "PRACTITIONER");

        imported("account_id,success_manager___tid\n" + id + "," + cs + "\n")
                .body("updated", equalTo(1)).body("unchanged", equalTo(0));
        imported("account_id,success_manager___tid\n" + id + "," + cs + "\n")
                .body("updated", equalTo(0)).body("unchanged", equalTo(1));
    }

    @Test
    void tidColumnsTakeEmailsIncludingOnesOfNoUserYet() {
        String known = user("Tia Known", "VIEWER");
        String pending = unique("pending") + "@example.com";
        String id = unique("acct");

        imported("account_id,success_manager___tid,sales_manager___tid\n"
                + id + ", " + known.toUpperCase() + " ," + pending.toUpperCase() + "\n")
                .body("created", equalTo(1)).body("errors", empty());

        accountOf(id)
                .body("team.find { it.role == 'success_manager' }.email", equalTo(known))
                .body("team.find { it.role == 'success_manager' }.name", equalTo("Tia Known"))
                .body("team.find { it.role == 'sales_manager' }.email", equalTo(pending))
                .body("team.find { it.role == 'sales_manager' }.name", nullValue());

        userWith(pending, "Pat Pending", "CONTRIBUTOR", "STANDARD");

        accountOf(id).body("team.find { it.role == 'sales_manager' }.name", equalTo("Pat Pending"));
    }

    @Test
    void roleColumnsTakeANameOrAnEmailAndAcceptTheDisplayName() {
        String byNameUser = unique("Nora Named");
        String named = userWith(byNameUser.toLowerCase().replace(' ', '.') + "@example.com", byNameUser, "CONTRIBUTOR", "STANDARD");
        String mailed = user("Evan Emailed", "PRACTITIONER");
        String id = unique("acct");

        imported("account_id,Success Manager,sales_manager\n" + id + "," + byNameUser + "," + mailed + "\n")
                .body("errors", empty());

        assertHolder(id, "success_manager", named);
        assertHolder(id, "sales_manager", mailed);
    }

    @Test
    void whenNameAndEmailDisagreeTheEmailWins() {
        String nameOf = unique("Nick Name");
        userWith(nameOf.toLowerCase().replace(' ', '.') + "@example.com", nameOf, "PRACTITIONER", "STANDARD");
        String byEmail = user("Emma Email", "PRACTITIONER");
        String id = unique("acct");

        imported("account_id,success_manager,success_manager___tid\n" + id + "," + nameOf + "," + byEmail + "\n")
                .body("errors", empty());

        assertHolder(id, "success_manager", byEmail);
    }

    @Test
    void quotedFieldsWithCommasAndNewLinesABomAndCrlfLineEnds() {
        String cs = user("Quinn Quoted", "PRACTITIONER");
        String first = unique("acct");
        String second = unique("acct");
        String csv = "\uFEFFaccount_id,name,note,success_manager___tid\r\n"
                + first + ",\"Acme, Inc.\nEMEA\",\"she said \"\"hi\"\", twice\"," + cs + "\r\n"
                + second + ",Plain," + "\"x\"" + "," + cs + "\r\n";

        imported(csv).body("rows", equalTo(2)).body("created", equalTo(2)).body("errors", empty());

        accountOf(first).body("name", equalTo("Acme, Inc.\nEMEA"))
                .body("attributes.note", equalTo("she said \"hi\", twice"));
        accountOf(second).body("name", equalTo("Plain")).body("attributes.note", equalTo("x"));
        assertHolder(first, "success_manager", cs);
        assertHolder(second, "success_manager", cs);
    }

    @Test
    void badRowsAreReportedByLineAndColumnAndSkippedWhileTheOthersApply() {
        String cs = user("Bea Good", "PRACTITIONER");
        String twin = unique("Twin Name");
        userWith(twin.toLowerCase().replace(' ', '.') + ".1@example.com", twin, "PRACTITIONER", "STANDARD");
        String disabledTwin = userWith(twin.toLowerCase().replace(' ', '.') + ".2@example.com", twin, "PRACTITIONER", "STANDARD");
        asAdmin().body(Map.of()).post("/api/users/{email}/disable", disabledTwin).then().statusCode(200);
        String ok1 = unique("acct");
        String ok2 = unique("acct");
        String ok3 = unique("acct");
        String unknownName = unique("acct");
        String ambiguous = unique("acct");
        String malformed = unique("acct");

        String csv = "account_id,name,success_manager,sales_manager___tid\n"        // line 1
                + ok1 + ",\"Two\nlines\"," + cs + ",\n"                          // lines 2-3
                + unknownName + ",X,Nobody " + unique("x") + ",\n"              // line 4
                + ok2 + ",Y,," + cs + "\n"                                       // line 5
                + ambiguous + ",Z," + twin + ",\n"                               // line 6
                + malformed + ",W,,not-an-email\n"                               // line 7
                + ok3 + ",V," + cs + "," + cs + "\n";                            // line 8

        imported(csv).body("rows", equalTo(6)).body("created", equalTo(5))
                .body("errors.line", contains(4, 6, 7))
                .body("errors.column", contains("success_manager", "success_manager", "sales_manager___tid"))
                .body("errors[0].message", containsString("No user is named"))
                .body("errors[1].message", containsString("2 users are named"))
                .body("errors[2].message", containsString("not a valid email"));

        // a name that resolves to nobody or to namesakes leaves that field alone: the rest of the row is applied
        accountOf(unknownName).body("name", equalTo("X")).body("team", empty());
        accountOf(ambiguous).body("name", equalTo("Z")).body("team", empty());
        absent(malformed);
        assertHolder(ok1, "success_manager", cs);
        assertHolder(ok2, "sales_manager", cs);
        assertHolder(ok3, "success_manager", cs);
        assertHolder(ok3, "sales_manager", cs);
    }

    @Test
    void aBadRowIsReportedAtItsLineWhateverTheBatchItFallsIn() {
        StringBuilder csv = new StringBuilder("account_id,success_manager___tid\n");
        String prefix = unique("many");
        for (int i = 0; i < 600; i++) {
            csv.append(prefix).append('-').append(i).append(',')
                    .append(i == 400 ? "broken@" : "").append('\n');
        }
        imported(csv.toString()).body("rows", equalTo(600)).body("created", equalTo(599))
                .body("errors.line", contains(402)).body("errors.column", contains("success_manager___tid"));
        absent(prefix + "-400");
        accountOf(prefix + "-599");
    }

    @Test
    void valuesTooLongAreReportedAtTheirColumn() {
        String ok = unique("acct");
        String longName = unique("acct");
        String longValue = unique("acct");

        imported("account_id,name,note\n"
                + "x".repeat(201) + ",Long,\n"
                + longName + "," + "n".repeat(501) + ",\n"
                + longValue + ",Fine," + "v".repeat(4001) + "\n"
                + ok + ",Fine,short\n")
                .body("rows", equalTo(4)).body("created", equalTo(1))
                .body("errors.line", contains(2, 3, 4)).body("errors.column", contains("account_id", "name", "note"));
        accountOf(ok);
        absent(longName);
        absent(longValue);
    }

    @Test
    void anUnknownRoleColumnRefusesTheWholeFile() {
        String id = unique("acct");
        String cs = user("Ursula Unknown", "PRACTITIONER");

        importCsv(ADMIN_TOKEN, "account_id,success_manager___tid,chief_wizard___tid\n" + id + "," + cs + "," + cs + "\n")
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", equalTo("File refused"))
                .body("detail", containsString("chief_wizard___tid"))
                .body("errors[0].field", equalTo("chief_wizard___tid")).body("errors[0].line", equalTo(1));

        absent(id);
    }

    @Test
    void aMissingAccountIdColumnRefusesTheWholeFile() {
        String id = unique("acct");

        importCsv(ADMIN_TOKEN, "id,name,stage\n" + id + ",Named,onboarding\n")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("account_id")).body("detail", containsString("account_id"));

        absent(id);
    }

    @Test
    void emptyCellsKeepAnIgnoreRoleAndClearAClearRole() {
        String clearing = newRole(roleName("Renewal"), Map.of("emptyValueBehavior", "CLEAR"));
        String cs = user("Ivy Ignore", "PRACTITIONER");
        String id = account();
        assign(id, "success_manager", cs);
        assign(id, clearing, cs);

        imported("account_id,success_manager___tid," + clearing + "___tid\n" + id + ",,\n")
                .body("errors", empty()).body("updated", equalTo(1));

        assertHolder(id, "success_manager", cs);
        accountOf(id).body("team.role", contains("success_manager"));
        asAdmin().get("/api/accounts/{id}/history", id).then().statusCode(200)
                .body("[0].role", equalTo(clearing)).body("[0].fromEmail", equalTo(cs))
                .body("[0].toEmail", nullValue()).body("[0].source", equalTo("INTEGRATION"));
    }

    @Test
    void aQuoteNeverClosedEndsTheFileThereAndTheRowsBeforeItAreApplied() {
        String before = unique("acct");
        String broken = unique("acct");

        imported("account_id,name\n" + before + ",Fine\n" + broken + ",\"never closed\n" + unique("acct") + ",X\n")
                .body("rows", equalTo(1)).body("created", equalTo(1))
                .body("errors.line", contains(3)).body("errors[0].message", containsString("malformed CSV"));

        accountOf(before);
        absent(broken);
    }

    @Test
    void blankLinesAndRowsOfEmptyCellsAreSkippedWithoutShiftingLines() {
        String first = unique("acct");
        String last = unique("acct");

        imported("account_id,name,success_manager___tid\n" + first + ",A,\n\n,,\n" + last + ",B,nope\n\n")
                .body("rows", equalTo(2)).body("created", equalTo(1))
                .body("errors.line", contains(5)).body("errors.column", contains("success_manager___tid"));
        accountOf(first);
        absent(last);
    }

    @Test
    void anAccountRepeatedInTheFileTakesItsRowsInFileOrder() {
        String first = user("Fay First", "PRACTITIONER");
        String second = user("Sam Second", "PRACTITIONER");
        String id = unique("acct");
        String other = unique("acct");

        imported("account_id,stage,success_manager___tid\n"
                + id + ",onboarding," + first + "\n"
                + other + ",adoption," + first + "\n"
                + id + ",adoption," + second + "\n")
                .body("rows", equalTo(3)).body("created", equalTo(2)).body("updated", equalTo(1));

        accountOf(id).body("attributes.stage", equalTo("adoption"));
        assertHolder(id, "success_manager", second);
        asAdmin().get("/api/accounts/{id}/history", id).then().statusCode(200)
                .body("findAll { it.role != null }.toEmail", contains(second, first))
                .body("findAll { it.role != null }[0].fromEmail", equalTo(first));
    }

    @Test
    void anEmptyAccountIdIsABadRow() {
        String ok = unique("acct");
        imported("account_id,name\n,Nameless\n" + ok + ",Named\n")
                .body("rows", equalTo(2)).body("created", equalTo(1))
                .body("errors.line", contains(2)).body("errors.column", contains("account_id"));
    }

    @Test
    void anImportMaySetARoleTheAccountPageMayNot() {
        String locked = newRole(roleName("Crm Owner"), Map.of("editable", false, "source", "INTEGRATION"));
        String owner = user("Olga Owner", "PRACTITIONER");
        String id = account();

        asAdmin().body(Map.of("email", owner)).put("/api/accounts/{id}/team/{role}", id, locked).then().statusCode(422);

        imported("account_id," + locked + "___tid\n" + id + "," + owner + "\n").body("errors", empty());

        assertHolder(id, locked, owner);
    }

    @Test
    void attributeValuesAreTyped() {
        String id = unique("acct");

        imported("account_id,arr,ratio,active,stage,zip,renewal\n"
                + id + ",120000,0.5,true,onboarding,007,2026-01-31\n").body("errors", empty());

        accountOf(id).body("attributes.arr", equalTo(120000))
                .body("attributes.ratio", equalTo(0.5f))
                .body("attributes.active", equalTo(true))
                .body("attributes.stage", equalTo("onboarding"))
                .body("attributes.zip", equalTo("007"))
                .body("attributes.renewal", equalTo("2026-01-31"));
    }

    @Test
    void changesAreRecordedAsIntegrationChangesByTheImportingUser() {
        String importer = userWith(unique("importer") + "@example.com", "Ian Importer", "PRACTITIONER", "STANDARD");
        String cs = user("Hal History", "PRACTITIONER");
        String id = unique("acct");

        importCsv(tokenOf(importer), "account_id,success_manager___tid\n" + id + "," + cs + "\n")
                .statusCode(200).body("created", equalTo(1));

        asAdmin().get("/api/accounts/{id}/history", id).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].role", equalTo("success_manager"))
                .body("[0].fromEmail", nullValue())
                .body("[0].toEmail", equalTo(cs))
                .body("[0].source", equalTo("INTEGRATION"))
                .body("[0].actor", equalTo(importer));
    }

    @Test
    void anImportNeedsATokenAndARightToChange() {
        String id = unique("acct");
        String csv = "account_id\n" + id + "\n";

        given().contentType("text/csv").body(csv).post("/api/imports/accounts").then()
                .statusCode(401).contentType("application/problem+json");
        String reader = userWith(unique("reader") + "@example.com", "Rita Reader", "VIEWER", "READ_ONLY");
        importCsv(tokenOf(reader), csv).statusCode(403).contentType("application/problem+json");

        absent(id);
    }

    @Test
    void anEmptyFileIsRefusedAndAHeaderAloneImportsNothing() {
        importCsv(ADMIN_TOKEN, "").statusCode(400).body("errors[0].field", equalTo("account_id"));
        imported("account_id,name\r\n").body("rows", equalTo(0)).body("errors", empty());
    }

    @Test
    void aRoleColumnGivenTwiceUnderTwoNamesIsNotSilentlyDropped() {
        // "Success Manager" and "success_manager" both name the same role's name-or-email column
        importCsv(ADMIN_TOKEN, "account_id,Success Manager,success_manager\n" + unique("acct") + ",a@example.com,b@example.com\n")
                .statusCode(400).body("detail", startsWith("column"));
    }

    /** A user with this exact email and permission. */
    private static String userWith(String email, String name, String license, String permission) {
        return asAdmin().body(Map.of("email", email, "name", name, "license", license, "permission", permission))
                .post("/api/users").then().statusCode(201).extract().path("email");
    }

    private static void assertHolder(String accountId, String role, String email) {
        org.junit.jupiter.api.Assertions.assertEquals(email, holder(accountId, role), role + " of " + accountId);
    }
}
