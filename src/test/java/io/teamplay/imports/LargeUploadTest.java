package io.teamplay.imports;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.ADMIN_TOKEN;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.as;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.user;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

/**
 * Files of several megabytes are read whole, every time (two posts in three of a 7.5 MB file were once refused as
 * empty), and imported after a 202 whose id shows the progress and then the report.
 */
@QuarkusTest
class LargeUploadTest {

    @Test
    void aFileOfSeveralMegabytesIsReadWholeEveryTime() {
        String prefix = unique("large");
        byte[] csv = largeFile(prefix);
        for (int post = 0; post < 4; post++) {
            String id = given().auth().oauth2(ADMIN_TOKEN).contentType("text/csv").body(csv)
                    .post("/api/imports/accounts").then().statusCode(202)
                    .header("Location", containsString("/api/imports/imp-"))
                    .body("status", equalTo("RUNNING")).extract().path("id");
            int created = post == 0 ? 3 : 0;
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin().get("/api/imports/{id}", id).then()
                    .statusCode(200).body("status", equalTo("DONE")).body("rows", equalTo(3))
                    .body("created", equalTo(created)).body("errorCount", equalTo(0)));
        }
        asAdmin().get("/api/accounts/{id}", prefix + "-2").then().statusCode(200).body("name", equalTo("Large 2"));
    }

    @Test
    void aClientMayAskForTheAnswerBeforeTheImportAndOnlyTheImporterSeesIt() {
        String importer = user("Ida Importer", "PRACTITIONER");
        String other = user("Otto Other", "PRACTITIONER");
        String account = unique("acct");
        String id = given().auth().oauth2(tokenOf(importer)).contentType("text/csv").header("Prefer", "respond-async")
                .body("account_id,stage\n" + account + ",onboarding\n")
                .post("/api/imports/accounts").then().statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tokenOf(importer)).get("/api/imports/{id}", id)
                .then().statusCode(200).body("status", equalTo("DONE")).body("created", equalTo(1)));
        as(tokenOf(other)).get("/api/imports/{id}", id).then().statusCode(404);
        asAdmin().get("/api/imports/{id}", id).then().statusCode(200).body("actor", equalTo(importer));
        asAdmin().get("/api/imports/{id}", "imp-unknown").then().statusCode(404);
    }

    /** About 7.5 MB: a header, 3 accounts spread over the file, and rows of empty cells (skipped) around them. */
    private static byte[] largeFile(String prefix) {
        StringBuilder csv = new StringBuilder(8_000_000).append("account_id,name,stage\n");
        String blank = ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n";
        for (int i = 0; i < 3; i++) {
            csv.append(prefix).append('-').append(i).append(",Large ").append(i).append(",onboarding\n");
            csv.append(blank.repeat(50_000));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
