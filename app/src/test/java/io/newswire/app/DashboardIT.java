package io.newswire.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.sinks.live.DashboardSettings;
import io.newswire.sinks.SinkSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.nlp.Enrichment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code run --serve} end to end: the seeds through the pipeline on the embedded broker, then the
 * dashboard in headless Chromium (Debian's chromium and chromedriver, which {@code .ci/run} installs;
 * skipped with the reason where they are missing). Saves {@code target/dashboard-seeds.png}.
 */
class DashboardIT {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    /** Seeds whose text names Netanyahu. */
    static final long NETANYAHU_SEEDS = netanyahuSeeds();

    private static long netanyahuSeeds() {
        try (var files = Files.list(RunIT.SEEDS)) {
            return files.filter(f -> {
                try {
                    return Files.readString(f).toLowerCase(java.util.Locale.ROOT).contains("netanyahu");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TempDir
    Path dir;

    @Test
    void shouldShowTheSeedStoriesLiveAndServeMetrics() throws Exception {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "no /usr/bin/chromium or /usr/bin/chromedriver: apt-get install chromium chromium-driver");
        NewswireConfig config = NewswireConfig.defaults().with(SinkSettings.OUT_DIR, dir.resolve("out").toString());
        config = config.with(DashboardSettings.PORT, "0");

        RunCommand.run(config, List.of(RunIT.SEEDS), RunIT.TIMEOUT, Enrichment.withModels(), Optional.empty(),
                Optional.of((summary, dashboard) -> {
                    assertThat(summary.enriched()).isEqualTo(5);
                    checkPage(dashboard.url());
                    checkMetrics(dashboard.url());
                }));
    }

    private void checkPage(String url) throws Exception {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,900", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(url);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            // The seeds make one story (docs/dedup-and-stories.md, "The seeds"); the page draws it from
            // server-sent events, its members listed under its headline.
            wait.until(d -> d.findElements(By.cssSelector("#stories tr.story")).size() == 1
                    && d.findElement(By.id("count-articles")).getText().equals("5"));
            String table = driver.findElement(By.id("stories")).getText();
            assertThat(table).contains("Officials to gather in Cairo for Gaza talks");
            assertThat(table).containsAnyOf("Biden", "Netanyahu");
            // Read in one script: the page redraws rows as events arrive, which can stale a held element.
            Object ids = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return Array.from(document.querySelectorAll('#stories tr.story')).map(r => r.dataset.storyId)");
            assertThat((List<?>) ids).hasSize(1).doesNotContainNull();
            // Places every seed names; a person's canonical spelling depends on arrival order (README).
            assertThat(driver.findElement(By.id("entities")).getText()).contains("Gaza", "Israel");
            assertThat(driver.findElement(By.id("sources")).getText()).contains("seeds");
            assertThat(driver.findElement(By.id("status")).getText()).startsWith("live");
            // Entities carry their type, and linked ones open their Wikipedia page.
            assertThat(driver.findElements(By.cssSelector("#entities a[href^='https://en.wikipedia.org/wiki/']")))
                    .isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#entities .type-LOCATION"))).isNotEmpty();
            // The charts are drawn by the page's chart library, served from the jar.
            wait.until(d -> d.findElements(By.cssSelector("#chart-articles canvas")).size() == 1
                    && d.findElements(By.cssSelector("#chart-entities canvas")).size() == 1);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of("target", "dashboard-seeds.png"), StandardCopyOption.REPLACE_EXISTING);
            // The story page: every member with its source and its decision in words.
            driver.findElement(By.cssSelector("#stories a.story-link")).click();
            wait.until(d -> d.findElements(By.cssSelector("#story-members tr.member")).size() == 5
                    && d.findElements(By.cssSelector("#chart-story canvas")).size() == 1);
            String members = driver.findElement(By.id("story-members")).getText();
            assertThat(members).contains("seeds", "started a story").doesNotContain("decision not seen yet");
            assertThat(members).containsAnyOf("joined the story of", "its story merged into", "copy of");
            File story = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(story.toPath(), Path.of("target", "dashboard-story.png"), StandardCopyOption.REPLACE_EXISTING);
            // The search box: the seeds that mention Netanyahu, each with his name marked in its snippet.
            driver.findElement(By.id("search-q")).sendKeys("Netanyahu");
            driver.findElement(By.id("search-go")).click();
            wait.until(d -> d.findElements(By.cssSelector("#search-results tr.hit")).size() == NETANYAHU_SEEDS);
            assertThat(driver.findElements(By.cssSelector("#search-results mark"))).isNotEmpty()
                    .allSatisfy(m -> assertThat(m.getText()).isEqualToIgnoringCase("Netanyahu"));
            File search = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(search.toPath(), Path.of("target", "dashboard-search.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
        }
    }

    private static void checkMetrics(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("newswire_ingest_articles_total{result=\"published\"} 5.0",
                "newswire_output_records_total{kind=\"article\"}", "newswire_revisions_total{method=\"story-merge\"}",
                "newswire_duplicate_ratio",
                "newswire_dead_letters_total", "kafka_consumer_fetch_manager_records_lag_max",
                "kafka_stream_thread_process_total",
                "newswire_processed_records_total{kind=\"article\",topic=\"news.enriched\"} 5.0",
                "newswire_processed_records_total{kind=\"validate\",topic=\"news.dlq\"} 0.0");
        JsonNode found = io.newswire.common.Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(
                URI.create(url + "search?q=Netanyahu")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(found.path("total").asLong()).as("/search?q=Netanyahu").isEqualTo(NETANYAHU_SEEDS);
        assertThat(found.path("hits")).allSatisfy(h -> assertThat(h.path("source").asText()).isEqualTo("seeds"));
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url + "health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
    }
}
