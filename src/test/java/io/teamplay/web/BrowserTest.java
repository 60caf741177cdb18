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

import java.io.IOException;
import java.net.URL;
import java.time.Duration;

import static io.teamplay.TestFixtures.SUCCESS_MANAGER;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.policy;
import static io.teamplay.TestFixtures.task;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.awaitility.Awaitility.await;

/**
 * The web app in a real browser: Debian's headless Chromium driven by its ChromeDriver (apt-get install chromium
 * chromium-driver; .ci/run installs them) against the running test application. One browser for the class; each
 * test signs in afresh. Screenshots of the screens go to target/screenshots/.
 */
@QuarkusTest
class BrowserTest {

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
    void shouldChangeATeamMemberByKeyboardAndSeeTheTasksThatMovedTheHistoryLineAndTheNotice() throws IOException {
        String ann = person("Ann Browser", "STANDARD");
        String olga = person("Olga Before", "STANDARD");
        String bobName = unique("Bob");
        String bob = userWith(unique("bob") + "@example.com", bobName, "CONTRIBUTOR", "STANDARD");
        String id = account();
        assign(id, SUCCESS_MANAGER, olga);
        task(id, "Renewal call", olga, SUCCESS_MANAGER, "MANUAL");
        policy("ALL_OPEN_TASKS");
        try {
            browser.get(url("accounts/" + id));
            signIn(ann, tokenOf(ann));
            assertThat(browser.getCurrentUrl(), endsWith("/accounts/" + id));
            assertThat(seat(SUCCESS_MANAGER).getText(), stringContainsInOrder("Olga Before", olga));
            assertThat(unreadCount(), equalTo("0"));
            screenshot("account-page");

            WebElement search = browser.findElement(By.id("search-" + SUCCESS_MANAGER));
            search.sendKeys(bobName);
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() ->
                    browser.findElements(By.cssSelector("#pick-" + SUCCESS_MANAGER + " option")).size() == 2
                            && browser.findElement(By.cssSelector("#pick-" + SUCCESS_MANAGER + " option:nth-child(2)"))
                            .getDomAttribute("value").equals(bob));
            search.sendKeys(Keys.TAB);
            browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.switchTo().activeElement().getText(), equalTo("Change Success Manager"));
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);

            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() ->
                    browser.findElement(By.id("outcome")).getText().contains("1 open task moved"));
            assertThat(browser.findElement(By.id("outcome")).getText(),
                    containsString("Success Manager is now " + bobName + " (" + bob + ")"));
            assertThat(seat(SUCCESS_MANAGER).getText(), stringContainsInOrder(bobName, bob));
            String historyLine = browser.findElement(By.cssSelector("table.history tbody tr")).getText();
            assertThat(historyLine, stringContainsInOrder("Success Manager", olga, bob, ann, "ACCOUNT_PAGE"));
            screenshot("account-page-after-change");

            assertThat(unreadCount(), equalTo("1"));
            browser.findElement(By.id("notifications-link")).click();
            WebElement notice = browser.findElement(By.cssSelector("ul.notices li.unread a"));
            assertThat(notice.getText(), stringContainsInOrder("1 task moved", "Success Manager"));
            screenshot("notifications");
            notice.click();
            assertThat(browser.getCurrentUrl(), endsWith("/accounts/" + id));
        } finally {
            policy("ACCOUNT_ONLY");
        }
    }

    @Test
    void shouldShowAReadOnlyUserTheTeamWithoutEditControlsAndRefuseTheirForgedPost() {
        String reader = person("Rita Browser", "READ_ONLY");
        String ann = person("Ann Holder", "STANDARD");
        String id = account();
        assign(id, SUCCESS_MANAGER, ann);
        browser.get(url("accounts/" + id));
        signIn(reader, tokenOf(reader));

        assertThat(seat(SUCCESS_MANAGER).getText(), stringContainsInOrder("Ann Holder", ann));
        assertThat(browser.findElements(By.cssSelector("#account-page form, #account-page select, #account-page button")), empty());
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const csrf = document.querySelector('input[name=csrf]').value;
                fetch(arguments[0], {method: 'POST', body: new URLSearchParams({email: arguments[1], csrf})})
                    .then(r => done(r.status));""", "/accounts/" + id + "/team/" + SUCCESS_MANAGER, reader);
        assertThat(status, equalTo(403L));
        browser.navigate().refresh();
        assertThat(seat(SUCCESS_MANAGER).getText(), containsString(ann));
    }

    @Test
    void shouldListAccountsFilteredByAttributeLinkingToTheirPagesAndShowSettingsReadOnly() throws IOException {
        String ann = person("Ann Lister", "READ_ONLY");
        String segment = unique("seg");
        String id = account(java.util.Map.of("segment", segment));
        browser.get(url("accounts"));
        signIn(ann, tokenOf(ann));
        browser.findElement(By.id("attribute")).sendKeys("segment");
        browser.findElement(By.id("value")).sendKeys(segment, Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() ->
                browser.findElement(By.id("account-count")).getText().equals("1 account match."));
        screenshot("accounts");
        browser.findElement(By.linkText("Account " + id)).click();
        assertThat(browser.findElement(By.tagName("h1")).getText(), containsString("Account " + id));
        browser.findElement(By.linkText("Settings")).click();
        assertThat(browser.findElement(By.id("policy-now")).getText(), containsString("Only ADMIN and ADVANCED users change it"));
        screenshot("settings");
    }

    private void signIn(String email, String token) {
        assertThat(browser.getCurrentUrl(), containsString("/sign-in"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("token")).sendKeys(token, Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.getCurrentUrl().contains("/sign-in"));
    }

    private WebElement seat(String role) {
        return browser.findElement(By.cssSelector("#seat-" + role + " td.holder"));
    }

    private String unreadCount() {
        return browser.findElement(By.id("unread-count")).getText();
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
