package io.teamplay.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium, driven through its ChromeDriver, for the browser tests; and their screenshots. */
final class Chromium {

    private static final String CHROMIUM = System.getProperty("teamplay.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("teamplay.test.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    static ChromeDriver start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The browser tests need Chromium and ChromeDriver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400");
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Clicks the button and waits until the page it was on is gone (the form's answer loaded). A node of the page
     * left behind is reported stale, or by this Chromium as "does not belong to the document": both mean gone.
     */
    static void submit(ChromeDriver browser, By button, Duration wait) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        new WebDriverWait(browser, wait).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }
}
