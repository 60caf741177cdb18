package io.teamplay.imports;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.*;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.teamplay.SeatWriteFault;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What an import answers about the rows it could not apply. */
@QuarkusTest
class ImportErrorsTest {

    @Inject
    DataSource database;

    private static ValidatableResponse imported(String csv) {
        return given().auth().oauth2(ADMIN_TOKEN).contentType("text/csv").body(csv)
                .post("/api/imports/accounts").then().statusCode(200);
    }

    @Test
    void theAnswerListsTheFirstThousandErrorsInLineOrderAndCountsThemAll() {
        String good = unique("acct");
        StringBuilder csv = new StringBuilder("account_id,name\n");
        for (int i = 0; i < 1_005; i++) {
            csv.append(",Nameless ").append(i).append('\n');                 // lines 2..1006: account_id is empty
        }
        csv.append(good).append(",Good\n");                                // line 1007
        imported(csv.toString())
                .body("rows", is(1_006)).body("created", is(1))
                .body("errorCount", is(1_005))
                .body("errors", hasSize(1_000))
                .body("errors[0].line", is(2))
                .body("errors[999].line", is(1_001))
                .body("errors[0].message", is("account_id is empty"));
        asAdmin().get("/api/accounts/{id}", good).then().statusCode(200);
    }

    @Test
    void aNameTheWritePathRefusesIsReportedOnEveryRowAcrossBatchesAndTheRestOfEachRowApplies() {
        String known = user("Kim Known", "PRACTITIONER");
        String nobody = "Nobody " + unique("n");
        String prefix = unique("refused");
        StringBuilder csv = new StringBuilder("account_id,success_manager\n");
        for (int i = 0; i < 300; i++) {                                     // line i + 2; batches of 250 rows
            csv.append(prefix).append('-').append(i).append(',')
                    .append(i % 50 == 7 ? nobody : i % 50 == 8 ? known : "").append('\n');
        }
        List<Integer> refusedLines = imported(csv.toString())
                .body("rows", is(300)).body("created", is(300)).body("errorCount", is(6))
                .body("errors.column", everyItem(is("success_manager")))
                .body("errors.message", everyItem(containsString("No user is named '" + nobody + "'")))
                .extract().path("errors.line");
        org.hamcrest.MatcherAssert.assertThat(refusedLines, contains(9, 59, 109, 159, 209, 259));
        asAdmin().get("/api/accounts/{id}", prefix + "-7").then().statusCode(200).body("team", empty());
        asAdmin().get("/api/accounts/{id}", prefix + "-8").then().statusCode(200).body("team.email", contains(known));
        asAdmin().get("/api/accounts/{id}", prefix + "-258").then().statusCode(200).body("team.email", contains(known));
    }

    @Test
    void aRowTheDatabaseFailsIsReportedWithoutTheDatabasesMessage() {
        String cs = user("Cleo Sure", "PRACTITIONER");
        String prefix = unique("fault");
        try (SeatWriteFault fault = new SeatWriteFault(database, prefix + "-2")) {
            imported("account_id,success_manager___tid\n"
                    + prefix + "-1," + cs + "\n"
                    + prefix + "-2," + cs + "\n"
                    + prefix + "-3," + cs + "\n")
                    .body("created", is(2))
                    .body("errors.line", contains(3))
                    .body("errors.column", contains("success_manager___tid"))
                    .body("errors[0].message", allOf(startsWith("the row could not be written: "),
                            not(containsString(SeatWriteFault.SECRET)), not(containsString("ERROR")),
                            not(containsString("Exception"))));
        }
        asAdmin().get("/api/accounts/{id}", prefix + "-2").then().statusCode(404);
        asAdmin().get("/api/accounts/{id}", prefix + "-3").then().statusCode(200).body("team.email", contains(cs));
    }

    @Test
    void rowsTheDatabaseFailsInDifferentPartsOfABatchAreEachReportedAndEveryOtherRowIsWritten() {
        String cs = user("Cleo Halves", "PRACTITIONER");
        String prefix = unique("halves");
        StringBuilder csv = new StringBuilder("account_id,success_manager___tid\n");
        for (int i = 1; i <= 300; i++) {
            csv.append(prefix).append('-').append(i).append(',').append(cs).append('\n');
        }
        try (SeatWriteFault first = new SeatWriteFault(database, prefix + "-7");
             SeatWriteFault second = new SeatWriteFault(database, prefix + "-222")) {
            imported(csv.toString())
                    .body("created", is(298))
                    .body("errors.line", contains(8, 223))
                    .body("errors.column", contains("success_manager___tid", "success_manager___tid"));
        }
        asAdmin().get("/api/accounts/{id}", prefix + "-7").then().statusCode(404);
        asAdmin().get("/api/accounts/{id}", prefix + "-222").then().statusCode(404);
        for (int i : new int[] {1, 6, 8, 150, 221, 223, 300}) {
            asAdmin().get("/api/accounts/{id}", prefix + "-" + i).then().statusCode(200).body("team.email", contains(cs));
        }
    }
}
