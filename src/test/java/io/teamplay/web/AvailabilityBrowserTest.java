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
import java.time.LocalDate;
import java.util.Map;

import static io.teamplay.TestFixtures.SUCCESS_MANAGER;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.stringContainsInOrder;

/**
 * The accounts list's saved filters and "nobody holds role" filter with a bulk assign over it, and a user's own
 * out-of-office period set after an inline error, in a real browser (Debian's headless Chromium, as
 * {@link SettingsBrowserTest}). Screenshots go to target/screenshots/.
 */
@QuarkusTest
class AvailabilityBrowserTest {

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
    void shouldSaveAFilterOfARoleNobodyHoldsApplyItRefuseItsNameTwiceAndDeleteIt() throws IOException {
        String segment = unique("seg");
        String ada = person("Ada Filters", "ADVANCED");
        String empty = account(Map.of("segment", segment));
        assign(account(Map.of("segment", segment)), SUCCESS_MANAGER, ada);
        String name = "Unmanaged " + segment;
        browser.get(url("accounts"));
        signIn(ada);

        browser.findElement(By.id("attribute")).sendKeys("segment");
        new Select(browser.findElement(By.id("noHolder"))).selectByValue(SUCCESS_MANAGER);
        browser.findElement(By.id("value")).sendKeys(segment, Keys.ENTER);
        await().atMost(WAIT).ignoreExceptions().until(() ->
                browser.findElement(By.id("account-count")).getText().equals("1 account match."));
        browser.findElement(By.id("saved-name")).sendKeys(name);
        submit(By.xpath("//button[text()='Save the filter']"));
        assertThat(browser.findElement(By.id("outcome")).getText(), containsString("Filter " + name + " saved."));
        asAdmin().get("/api/segments/{name}", name).then().statusCode(200).body("filter.noHolder", equalTo(SUCCESS_MANAGER));
        screenshot("accounts-saved-filter");

        browser.get(url("accounts"));
        browser.findElement(By.linkText(name)).click();
        await().atMost(WAIT).ignoreExceptions().until(() ->
                browser.findElement(By.id("account-count")).getText().equals("1 account match."));
        assertThat(new Select(browser.findElement(By.id("noHolder"))).getFirstSelectedOption().getDomAttribute("value"),
                equalTo(SUCCESS_MANAGER));
        assertThat(browser.findElement(By.cssSelector("table.accounts")).getText(), containsString(empty));

        browser.findElement(By.id("saved-name")).sendKeys(name, Keys.ENTER);
        assertThat(browser.findElement(By.id("saved-name-error")).getText(), containsString("already exists"));
        assertThat(browser.findElement(By.id("saved-name")).getDomAttribute("aria-invalid"), equalTo("true"));
        screenshot("accounts-saved-filter-duplicate");

        submit(By.cssSelector("button[aria-label='Delete the saved filter " + name + "']"));
        assertThat(browser.findElement(By.id("outcome")).getText(), containsString("Filter " + name + " deleted."));
        assertThat(browser.findElements(By.linkText(name)), empty());
        asAdmin().get("/api/segments/{name}", name).then().statusCode(404);
    }

    @Test
    void shouldBulkAssignARoleToEveryAccountWhereNobodyHoldsIt() throws IOException {
        String segment = unique("seg");
        String ann = person("Ann Gapfiller", "STANDARD");
        String bob = person("Bob Gapfilled", "STANDARD");
        String held = account(Map.of("segment", segment));
        String first = account(Map.of("segment", segment));
        String second = account(Map.of("segment", segment));
        assign(held, SUCCESS_MANAGER, ann);
        browser.get(url("accounts"));
        signIn(ann);

        browser.findElement(By.id("attribute")).sendKeys("segment");
        new Select(browser.findElement(By.id("noHolder"))).selectByValue(SUCCESS_MANAGER);
        browser.findElement(By.id("value")).sendKeys(segment, Keys.ENTER);
        await().atMost(WAIT).ignoreExceptions().until(() ->
                browser.findElement(By.id("account-count")).getText().equals("2 accounts match."));
        assertThat(browser.findElements(By.id("saved-name")), empty());
        new Select(browser.findElement(By.id("bulk-assign-role"))).selectByValue(SUCCESS_MANAGER);
        browser.findElement(By.id("bulk-email")).sendKeys(bob);
        submit(By.xpath("//button[text()='Review the bulk assign']"));

        assertThat(browser.findElement(By.tagName("main")).getText(), containsString("nobody holds " + SUCCESS_MANAGER));
        assertThat(browser.findElement(By.id("bulk-plan")).getText(),
                stringContainsInOrder("2 accounts will change", "of 2 matched", "Nothing has been written yet."));
        screenshot("bulk-assign-no-holder-confirm");
        submit(By.id("bulk-confirm"));
        assertThat(browser.findElement(By.id("bulk-result")).getText(), containsString("2 accounts matched, 2 changed"));
        asAdmin().get("/api/accounts/{id}", first).then().body("team[0].email", equalTo(bob));
        asAdmin().get("/api/accounts/{id}", second).then().body("team[0].email", equalTo(bob));
        asAdmin().get("/api/accounts/{id}", held).then().body("team[0].email", equalTo(ann));
    }

    @Test
    void shouldSetMyOwnOutOfOfficeAfterAnErrorAtTheLastDayThenEndIt() throws IOException {
        String sam = person("Sam Holiday", "STANDARD");
        String cora = person("Cora Stand-in", "STANDARD");
        String today = LocalDate.now().toString();
        String later = LocalDate.now().plusDays(9).toString();
        browser.get(url("settings/users"));
        signIn(sam);
        submit(By.linkText("My availability"));
        assertThat(browser.getCurrentUrl(), endsWith("/settings/users/" + sam + "#availability-heading"));
        assertThat(browser.findElement(By.id("leave-now")).getText(), containsString("Available"));

        day("from", later);
        day("to", today);
        // the picker lists a page of users: in a full organisation the cover is found by typing
        browser.findElement(By.id("cover-search")).sendKeys(cora);
        await().atMost(WAIT).ignoreExceptions().until(() ->
                browser.findElements(By.cssSelector("#cover option")).size() == 2);
        new Select(browser.findElement(By.id("cover"))).selectByValue(cora);
        submit(By.xpath("//button[text()='Set out of office']"));
        assertThat(browser.findElement(By.id("to-error")).getText(), containsString("is before from"));
        assertThat(browser.findElement(By.id("to")).getDomAttribute("aria-invalid"), equalTo("true"));
        assertThat(new Select(browser.findElement(By.id("cover"))).getFirstSelectedOption().getDomAttribute("value"), equalTo(cora));
        screenshot("settings-availability-error");
        asAdmin().get("/api/users/{email}/availability", sam).then().statusCode(404);

        day("from", today);
        day("to", later);
        submit(By.xpath("//button[text()='Set out of office']"));
        assertThat(browser.findElement(By.id("outcome")).getText(),
                containsString("Out of office from " + today + " to " + later + ", covered by " + cora + "."));
        assertThat(browser.findElement(By.id("leave-now")).getText(), containsString("covered by " + cora));
        asAdmin().get("/api/users/{email}/availability", sam).then().statusCode(200).body("cover", equalTo(cora));
        screenshot("settings-my-availability");

        browser.get(url("settings/users?q=" + sam));
        WebElement away = browser.findElement(By.cssSelector("td.away"));
        assertThat(away.getText(), equalTo("Out of office until " + later + ", cover " + cora));
        screenshot("settings-users-away");

        browser.get(url("settings/users/" + sam));
        submit(By.xpath("//button[text()='End out of office']"));
        assertThat(browser.findElement(By.id("outcome")).getText(), containsString("Out of office ended"));
        asAdmin().get("/api/users/{email}/availability", sam).then().statusCode(404);
    }

    /** Presses a form's button and waits for the page it answers (a click may return before it has loaded). */
    private void submit(By button) {
        Chromium.submit(browser, button, WAIT);
    }

    /** Sets a date field (typing into one depends on the browser's locale). */
    private void day(String id, String value) {
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
    }

    private void signIn(String email) {
        assertThat(browser.getCurrentUrl(), containsString("/sign-in"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("token")).sendKeys(tokenOf(email), Keys.ENTER);
        await().atMost(WAIT).until(() -> !browser.getCurrentUrl().contains("/sign-in"));
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
