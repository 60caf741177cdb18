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
import java.time.Duration;
import java.util.Map;

import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.stringContainsInOrder;

/**
 * The play studio in a real browser (Debian's headless Chromium, as {@link BrowserTest}): a business user writes a
 * play with an error, sees it at its line, fixes it with the keyboard, dry runs and previews it, activates it, and
 * sees its change on a new account's page; then rolls back a version. Screenshots of each screen go to
 * target/screenshots/.
 */
@QuarkusTest
class PlayStudioBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
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
    void shouldWriteAPlayWithAnErrorFixItTryItActivateItAndSeeItsChangeOnANewAccount() throws IOException {
        String team = unique("Studio");
        String author = userWith(unique("ada") + "@example.com", "Ada Studio", "PRACTITIONER", "ADVANCED", team);
        String segment = unique("seg");
        String existing = account(Map.of("segment", segment));
        String name = unique("welcome-play");
        try {
            browser.get(url("plays"));
            signIn(author, tokenOf(author));
            browser.findElement(By.id("new-play")).sendKeys(Keys.ENTER);
            browser.findElement(By.id("play-name")).sendKeys(name);

            WebElement source = browser.findElement(By.id("source"));
            source.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            source.sendKeys("// team: " + team + "\n// description: New accounts of the segment start onboarding.\n"
                    + "expander plays.dsl\n\nrule \"Welcome\"\nwhen\n    the account is creatd and its segment is \""
                    + segment + "\"\nthen\n    ");
            await().atMost(PATIENCE).ignoreExceptions().until(() ->
                    browser.findElement(By.id("check")).getText().contains("Line 7, column"));
            assertThat(browser.findElement(By.cssSelector("#gutter .wrong")).getText(), equalTo("✖ 7"));
            assertThat(source.getDomAttribute("aria-invalid"), equalTo("true"));

            source.sendKeys(Keys.chord(Keys.CONTROL, " "));
            browser.switchTo().activeElement().sendKeys("set the {attribute} to \"{value}\"", Keys.ENTER);
            browser.switchTo().activeElement().sendKeys("stage", Keys.TAB, "onboarding");
            source.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\nend\n");
            assertThat(source.getDomProperty("value"), containsString("    set the stage to \"onboarding\"\nend"));
            checked("Line 7, column");
            screenshot("play-editor-error");

            await().atMost(PATIENCE).ignoreExceptions().until(() -> {
                browser.findElement(By.cssSelector("#check button.goto")).sendKeys(Keys.ENTER);
                return true;
            });
            browser.switchTo().activeElement().sendKeys(Keys.HOME, Keys.chord(Keys.SHIFT, Keys.END));
            browser.switchTo().activeElement().sendKeys("    the account is created and its segment is \"" + segment + "\"");
            checked("No errors.");
            assertThat(browser.findElements(By.cssSelector("#gutter .wrong")).size(), equalTo(0));
            screenshot("play-editor");
            browser.findElement(By.id("save")).sendKeys(Keys.ENTER);
            await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().endsWith("/plays/" + name + "?saved=1"));
            assertThat(browser.findElement(By.id("outcome")).getText(), containsString("Saved as version 1"));

            browser.findElement(By.linkText("Dry run and preview")).sendKeys(Keys.ENTER);
            browser.findElement(By.id("dry-account")).sendKeys(existing);
            new Select(browser.findElement(By.id("dry-event"))).selectByValue("ACCOUNT_CREATED");
            browser.findElement(By.id("dry-run")).sendKeys(Keys.ENTER);
            assertThat(text("dry-run-result"), stringContainsInOrder("Welcome", "SET_ATTRIBUTE", "onboarding",
                    "Would change"));
            browser.findElement(By.id("preview-attribute")).sendKeys("segment");
            browser.findElement(By.id("preview-value")).sendKeys(segment);
            new Select(browser.findElement(By.id("preview-event"))).selectByValue("ACCOUNT_CREATED");
            browser.findElement(By.id("preview")).sendKeys(Keys.ENTER);
            assertThat(text("preview-totals"), containsString("1 account matched · 1 would change · 0 where the play would fail"));
            screenshot("play-try");
            asAdmin().get("/api/accounts/{id}", existing).then().body("attributes.stage", nullValue());

            browser.findElement(By.id("toggle-active")).sendKeys(Keys.ENTER);
            assertThat(text("play-active"), equalTo("Active"));
            String created = account(Map.of("segment", segment));
            await().atMost(PATIENCE).until(() -> "onboarding".equals(
                    asAdmin().get("/api/accounts/{id}", created).then().extract().path("attributes.stage")));
            browser.get(url("accounts/" + created));
            assertThat(browser.findElement(By.cssSelector("dl.attributes")).getText(), containsString("onboarding"));
            WebElement touched = browser.findElement(By.xpath("//section[h2[@id='runs-heading']]"));
            assertThat(touched.getText(), stringContainsInOrder("Plays that touched this account", name, "Welcome",
                    "SET_ATTRIBUTE", "APPLIED"));
            screenshot("account-page-plays");

            touched.findElement(By.linkText(name)).sendKeys(Keys.ENTER);
            assertThat(browser.findElement(By.cssSelector("table.runs")).getText(),
                    stringContainsInOrder(created, "Welcome", "Applied"));
            screenshot("play-runs");
            browser.get(url("plays"));
            assertThat(browser.findElement(By.id("play-" + name)).getText(), stringContainsInOrder(name, team, "OK",
                    "Active", "Deactivate", "1", "0"));
            screenshot("plays");
        } finally {
            asAdmin().post("/api/plays/{name}/deactivate", name);
        }
    }

    @Test
    void shouldRollBackToAnOlderVersionOnlyAfterConfirmingIt() throws IOException {
        String team = unique("Studio");
        String author = userWith(unique("rob") + "@example.com", "Rob Studio", "PRACTITIONER", "ADVANCED", team);
        String name = unique("rolled-play");
        String play = "// team: " + team + "\nexpander plays.dsl\n\nrule \"Kick-off\"\nwhen\n    the account is created "
                + "and its segment is \"" + unique("never") + "\"\nthen\n    set the stage to \"onboarding\"\nend\n";
        asAdmin().contentType("text/plain").body(play).put("/api/plays/{name}", name).then().statusCode(201);
        asAdmin().contentType("text/plain").body(play.replace("\"onboarding\"", "\"kick-off\"")).put("/api/plays/{name}", name)
                .then().statusCode(200);
        asAdmin().post("/api/plays/{name}/activate", name).then().statusCode(200);
        try {
            browser.get(url("plays/" + name + "/versions"));
            signIn(author, tokenOf(author));
            assertThat(browser.findElement(By.id("version-2")).getText(), containsString("In force"));
            screenshot("play-versions");
            browser.findElement(By.linkText("Version 2")).sendKeys(Keys.ENTER);
            assertThat(browser.findElement(By.cssSelector("pre.diff")).getText(), stringContainsInOrder(
                    "-    set the stage to \"onboarding\"", "+    set the stage to \"kick-off\""));
            screenshot("play-version-diff");
            browser.navigate().back();
            browser.findElement(By.id("rollback-1")).sendKeys(Keys.ENTER);
            assertThat(text("rollback-question"), containsString("Version 1"));
            screenshot("play-rollback");
            browser.findElement(By.id("confirm-rollback")).sendKeys(Keys.ENTER);
            assertThat(text("outcome"), containsString("Version 1 is in force"));
            assertThat(browser.findElement(By.id("version-1")).getText(), containsString("In force"));
        } finally {
            asAdmin().post("/api/plays/{name}/deactivate", name);
        }
    }

    private void signIn(String email, String token) {
        assertThat(browser.getCurrentUrl(), containsString("/sign-in"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("token")).sendKeys(token, Keys.ENTER);
        await().atMost(PATIENCE).until(() -> !browser.getCurrentUrl().contains("/sign-in"));
    }

    /**
     * Waits until the check of the text as it is now came back (no check waiting for its half second of quiet or
     * in flight) and says {@code expected}.
     */
    private void checked(String expected) {
        await().atMost(PATIENCE).pollDelay(Duration.ofMillis(700)).ignoreExceptions().until(() ->
                browser.findElements(By.cssSelector(".htmx-request")).isEmpty()
                        && browser.findElement(By.id("check")).getText().contains(expected));
    }

    private String text(String id) {
        return await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.id(id)).getText(),
                t -> !t.isBlank());
    }

    private void screenshot(String name) throws IOException {
        Chromium.screenshot(browser, name);
    }

    private String url(String path) {
        return base.toString() + path;
    }
}
