package ffcnn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void showsSummaryConfigMetricsAndLinksPngs(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("summary.json"), "{\"method\": \"caw-conv\","
                + " \"best_test_accuracy\": 0.9123, \"peak_rss_bytes\": 1037926400, \"train_seconds\": 1767.867270609,"
                + " \"per_layer_test_accuracy\": [0.81, 0.87, 0.9], \"nested\": {\"a\": 1}}");
        Files.writeString(dir.resolve("config.yaml"), "method: caw-conv\nnote: \"<script>alert('x')</script>\"\n");
        MetricsLog.write(Histories.of(3, 4), dir);
        Charts.writeCurves(Histories.of(3, 4), dir);
        Files.write(dir.resolve("assignment_layer10.png"), new byte[] {1});
        Files.write(dir.resolve("assignment_layer2.png"), new byte[] {1});

        HtmlReport.write(dir);

        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<th>method</th><td>caw-conv</td>", "<th>best test accuracy</th><td>91.23%</td>",
                "<th>peak RSS</th><td>989.8 MiB</td>", "<th>train time</th><td>29 min 28 s</td>", "87.00%",
                "goodness-sum", "temperature").doesNotContain("1767.86", "1037926400");
        assertThat(html).contains("<div class=\"grid\">", "<figcaption>Validation and test accuracy per epoch",
                "<figcaption>Layer 2: assignment of channels to classes</figcaption>");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).containsSubsequence("src=\"accuracy.png\"", "src=\"layer_accuracy.png\"", "src=\"loss.png\"",
                "src=\"temperature.png\"", "src=\"assignment_layer2.png\"", "src=\"assignment_layer10.png\"");
        ChartsTest.assertNoTemporaryFiles(dir);
    }

    @Test
    void writesReportWhenFilesAreMissingOrBroken(@TempDir Path dir) throws IOException {
        HtmlReport.write(dir);
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<html", "</html>");

        Files.writeString(dir.resolve("summary.json"), "{broken");
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"epoch\":");
        HtmlReport.write(dir);
        assertThat(Files.readString(dir.resolve("report.html"))).contains("cannot read summary.json",
                "cannot read metrics.jsonl");
    }

    @Test
    void escapesAndEncodes() {
        assertThat(HtmlReport.escape("a<b>&\"'")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39;");
        assertThat(HtmlReport.urlPath("a b#é.png")).isEqualTo("a%20b%23%C3%A9.png");
    }
}
