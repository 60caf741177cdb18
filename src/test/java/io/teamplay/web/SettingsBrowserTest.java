package io.teamplay.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.teamplay.TestFixtures.SALES_MANAGER;
import static io.teamplay.TestFixtures.SUCCESS_MANAGER;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.task;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.stringContainsInOrder;

/**
 * The screens of issue 11 in a real browser (Debian's headless Chromium, as {@link BrowserTest}): bulk assign over a
 * filter with its confirmation, a role added after an inline error, a user disabled with reassignment, an import with
 * a bad row and its report, a password set through a one-time link and used to sign in. Screenshots of every screen
 * go to target/screenshots/.
 */
@QuarkusTest
class SettingsBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.get(url("sign-in"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void shouldBulkAssignOverAFilterOfTwoAttributesAfterAConfirmationThatCountsTheChanges() throws IOException {
        String segment = unique("seg");
        String ann = person("Ann Bulker", "STANDARD");
        String bob = person("Bob Bulked", "STANDARD");
        String first = account(Map.of("segment", segment, "region", "emea"));
        String second = account(Map.of("segment", segment, "region", "emea"));
        String elsewhere = account(Map.of("segment", segment, "region", "apac"));
        assign(second, SALES_MANAGER, bob);
        browser.get(url("accounts"));
        signIn(ann);

        browser.findElement(By.id("attribute")).sendKeys("segment");
        browser.findElement(By.id("value")).sendKeys(segment);
        browser.findElement(By.id("attribute-2")).sendKeys("region");
        browser.findElement(By.id("value-2")).sendKeys("emea", Keys.ENTER);
        await().atMost(WAIT).ignoreExceptions().until(() ->
                browser.findElement(By.id("account-count")).getText().equals("2 accounts match."));
        screenshot("accounts-filtered");
        new Select(browser.findElement(By.id("bulk-assign-role"))).selectByValue(SALES_MANAGER);
        browser.findElement(By.id("bulk-email")).sendKeys(bob);
        submit(By.xpath("//button[text()='Review the bulk assign']"));

        WebElement plan = browser.findElement(By.id("bulk-plan"));
        assertThat(plan.getText(), stringContainsInOrder("1 account will change", "of 2 matched", "1 already is so",
                "Nothing has been written yet."));
        screenshot("bulk-assign-confirm");
        asAdmin().get("/api/accounts/{id}", first).then().body("team", org.hamcrest.Matchers.empty());
        submit(By.id("bulk-confirm"));

        assertThat(browser.findElement(By.id("bulk-result")).getText(),
                containsString("2 accounts matched, 1 changed, 0 open tasks moved."));
        screenshot("bulk-assign-done");
        asAdmin().get("/api/accounts/{id}", first).then().body("team[0].email", equalTo(bob));
        asAdmin().get("/api/accounts/{id}", elsewhere).then().body("team", org.hamcrest.Matchers.empty());
    }

    @Test
    void shouldShowARefusedRoleNameNextToItsFieldThenAddTheRoleOnceFixed() throws IOException {
        String advanced = person("Ada Rolemaker", "ADVANCED");
        String name = "Onboarding Lead " + unique("x").substring(2, 6).replaceAll("[^a-z0-9]", "a");
        browser.get(url("settings"));
        signIn(advanced);

        WebElement displayName = browser.findElement(By.id("displayName"));
        displayName.sendKeys(name + "!");
        new Select(browser.findElement(By.id("source"))).selectByValue("INTEGRATION");
        submit(By.xpath("//button[text()='Add the role']"));
        WebElement error = browser.findElement(By.id("displayName-error"));
        assertThat(error.getText(), containsString("Error:"));
        assertThat(browser.findElement(By.id("displayName")).getDomAttribute("aria-invalid"), equalTo("true"));
        assertThat(browser.findElement(By.id("displayName")).getDomAttribute("aria-describedby"), containsString("displayName-error"));
        screenshot("settings-role-error");

        WebElement field = browser.findElement(By.id("displayName"));
        field.sendKeys(Keys.BACK_SPACE);
        submit(By.xpath("//button[text()='Add the role']"));
        assertThat(browser.findElement(By.id("outcome")).getText(), containsString("Role " + name + " added"));
        String key = name.toLowerCase().replace(' ', '_');
        asAdmin().get("/api/roles/{key}", key).then().statusCode(200).body("source", equalTo("INTEGRATION"));
        screenshot("settings-role-added");

        browser.findElement(By.cssSelector("a[href='/settings/roles/" + key + "']")).click();
        screenshot("settings-role-edit");
        submit(By.id("delete-role"));
        assertThat(browser.findElement(By.id("delete-summary")).getText(), containsString("nothing else is removed"));
        screenshot("settings-role-delete");
        submit(By.xpath("//button[starts-with(text(), 'Delete ')]"));
        assertThat(browser.findElement(By.id("outcome")).getText(), containsString("Role " + name + " deleted"));
        asAdmin().get("/api/roles/{key}", key).then().statusCode(404);
    }

    @Test
    void shouldDisableAUserAfterRefusingItWithoutAReassignmentThenReEnableThem() throws IOException {
        String admin = person("Adam Disabler", "ADMIN");
        String leaver = person("Lou Leaving", "STANDARD");
        String taker = person("Tess Taking", "STANDARD");
        String id = account();
        assign(id, SUCCESS_MANAGER, leaver);
        task(id, "Quarterly review", leaver, SUCCESS_MANAGER, "MANUAL");
        browser.get(url("settings/users"));
        signIn(admin);
        screenshot("settings-users");

        browser.findElement(By.id("user-search")).sendKeys(leaver, Keys.ENTER);
        await().atMost(WAIT).ignoreExceptions().until(() ->
                browser.findElement(By.id("user-count")).getText().equals("1 user matches."));
        browser.findElement(By.linkText("Lou Leaving")).click();
        assertThat(browser.getCurrentUrl(), endsWith("/settings/users/" + leaver));
        submit(By.xpath("//button[text()='Disable Lou Leaving']"));
        assertThat(browser.findElement(By.id("reassignTo-error")).getText(),
                containsString("still owns 1 assignment(s) and 1 open task(s)"));
        screenshot("settings-user-disable-refused");

        browser.findElement(By.id("taker-search")).sendKeys(taker);
        await().atMost(WAIT).ignoreExceptions().until(() ->
                browser.findElements(By.cssSelector("#reassignTo option")).size() == 2);
        new Select(browser.findElement(By.id("reassignTo"))).selectByValue(taker);
        submit(By.xpath("//button[text()='Disable Lou Leaving']"));
        assertThat(browser.findElement(By.id("outcome")).getText(),
                containsString("Disabled. 1 assignment and 1 open task moved to " + taker + "."));
        assertThat(browser.findElement(By.id("user-status")).getText(), equalTo("Disabled"));
        asAdmin().get("/api/accounts/{id}", id).then().body("team[0].email", equalTo(taker));
        screenshot("settings-user-disabled");

        submit(By.xpath("//button[text()='Re-enable Lou Leaving']"));
        assertThat(browser.findElement(By.id("user-status")).getText(), equalTo("Active"));
        asAdmin().get("/api/users/{email}", leaver).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldUploadACsvWatchItAndReadTheReportOfItsOneBadRow() throws IOException {
        String ann = person("Ann Uploader", "STANDARD");
        String good = unique("up");
        String bad = unique("up");
        Path csv = Files.createTempFile("teamplay-browser-", ".csv");
        Files.writeString(csv, "account_id,name,segment,success_manager___tid\n" + good + ",Good Co,smb," + ann + "\n"
                + bad + ",Bad Co,smb,nobody-at-all\n");
        try {
            browser.get(url("imports"));
            signIn(ann);
            screenshot("import");
            browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            submit(By.xpath("//button[text()='Upload and import']"));

            await().atMost(WAIT).ignoreExceptions().until(() ->
                    browser.findElement(By.id("import-status")).getText().contains("Status: DONE"));
            assertThat(browser.findElement(By.id("import-status")).getText(),
                    stringContainsInOrder("2 rows read", "1 created", "1 error"));
            WebElement row = browser.findElement(By.cssSelector("table.report tbody tr"));
            assertThat(row.getText(), stringContainsInOrder("3", "success_manager___tid"));
            assertThat(browser.findElement(By.id("errors-csv")).getDomAttribute("href"), endsWith("/errors.csv"));
            screenshot("import-report");
            asAdmin().get("/api/accounts/{id}", good).then().statusCode(200).body("team[0].email", equalTo(ann));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void shouldSetAPasswordThroughAOneTimeLinkAndSignInWithIt() throws IOException {
        String admin = person("Adam Linker", "ADMIN");
        String ann = person("Ann Newcomer", "STANDARD");
        browser.get(url("settings/users/" + ann));
        signIn(admin);
        submit(By.xpath("//button[text()='Create a one-time password link']"));
        // the click returns before the next page may have loaded: wait for the link
        String link = await().atMost(WAIT).ignoreExceptions().until(() ->
                browser.findElement(By.id("password-link")).getDomAttribute("href"), java.util.Objects::nonNull);
        screenshot("settings-user-password-link");
        browser.manage().deleteAllCookies();

        browser.get(link);
        assertThat(browser.findElement(By.tagName("main")).getText(), containsString(ann));
        browser.findElement(By.id("new-password")).sendKeys("correct horse battery staple");
        browser.findElement(By.id("confirm-password")).sendKeys("correct horse battery stapler", Keys.ENTER);
        assertThat(browser.findElement(By.id("new-password-error")).getText(), containsString("The two passwords differ"));
        browser.findElement(By.id("new-password")).sendKeys("correct horse battery staple");
        browser.findElement(By.id("confirm-password")).sendKeys("correct horse battery staple");
        screenshot("set-password");
        browser.findElement(By.id("confirm-password")).sendKeys(Keys.ENTER);

        await().atMost(WAIT).ignoreExceptions().until(() -> browser.findElement(By.id("notice")).getText()
                .contains("Your password is set"));
        screenshot("sign-in-password-set");
        browser.findElement(By.id("password-email")).sendKeys(ann);
        browser.findElement(By.id("password")).sendKeys("correct horse battery staple", Keys.ENTER);
        await().atMost(WAIT).until(() -> !browser.getCurrentUrl().contains("/sign-in"));
        assertThat(browser.findElement(By.cssSelector("header .me")).getText(), containsString("Ann Newcomer"));

        browser.manage().deleteAllCookies();
        browser.get(link);
        assertThat(browser.findElement(By.tagName("main")).getText(), containsString("Link not valid"));
    }

    @Test
    void shouldShowEveryScreenAndSaveItsScreenshot() throws IOException {
        String admin = person("Adam Screens", "ADMIN");
        String ann = person("Ann Screens", "STANDARD");
        String id = account(Map.of("segment", "enterprise", "stage", "onboarding"));
        assign(id, SUCCESS_MANAGER, ann);
        task(id, "Kick-off call", ann, SUCCESS_MANAGER, "MANUAL");
        browser.get(url("sign-in"));
        assertThat(browser.findElement(By.tagName("h1")).getText(), equalTo("Sign in to Teamplay"));
        screenshot("screen-sign-in");
        signIn(admin);
        Map<String, String> screens = new java.util.LinkedHashMap<>();
        screens.put("accounts", "accounts");
        screens.put("account-page", "accounts/" + id);
        screens.put("notifications", "notifications");
        screens.put("settings", "settings");
        screens.put("settings-role", "settings/roles/" + SALES_MANAGER);
        screens.put("settings-users", "settings/users");
        screens.put("settings-user", "settings/users/" + ann);
        screens.put("settings-my-availability", "settings/users/me");
        screens.put("import", "imports");
        screens.put("plays", "plays");
        for (Map.Entry<String, String> screen : screens.entrySet()) {
            browser.get(url(screen.getValue()));
            assertThat(screen.getKey(), browser.findElement(By.tagName("h1")).getText(),
                    org.hamcrest.Matchers.not(containsString("Error")));
            screenshot("screen-" + screen.getKey());
        }
    }

    private void signIn(String email) {
        assertThat(browser.getCurrentUrl(), containsString("/sign-in"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("token")).sendKeys(tokenOf(email), Keys.ENTER);
        await().atMost(WAIT).until(() -> !browser.getCurrentUrl().contains("/sign-in"));
    }

    /** Presses a form's button and waits for the page it answers (a click may return before it has loaded). */
    private void submit(By button) {
        Chromium.submit(browser, button, WAIT);
    }

    private void screenshot(String name) throws IOException {
        Chromium.screenshot(browser, name);
    }

    private String url(String path) {
        return base.toString() + path;
    }

    private static String person(String name, String permission) {
        return userWith(unique(name.toLowerCase().replace(' ', '.')) + "@example.com", name, "PRACTITIONER", permission);
    }
}
