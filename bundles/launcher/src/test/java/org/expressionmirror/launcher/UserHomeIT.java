package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's folder, outside the distribution: created on the first start with its README, its
 * models read beside the shipped ones, its features found first; {@code --home DIR} replaces it.
 * Every run here has HOME and XDG_DATA_HOME in a temporary folder ({@link DistributionRun}).
 */
class UserHomeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHIPPED = "minixception-fer2013";

  @TempDir Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  @Test
  void theFirstStartCreatesTheUserFolderWhereXdgSaysAndLeavesTheDistributionAlone() throws Exception {
    Result run = headless(work, "--out", work.resolve("a.jsonl").toString());
    assertEquals(0, run.exit(), run.err());
    Path user = DistributionRun.userData(work);
    for (String sub : List.of("models", "deploy", "features")) {
      assertTrue(Files.isDirectory(user.resolve(sub)), sub + " in " + user);
    }
    assertTrue(Files.readString(user.resolve("README.txt")).contains("models/"));
    // user data no longer lives in the build output
    assertFalse(Files.exists(DistributionRun.DIST.resolve("deploy")), "deploy folder in the distribution");
  }

  @Test
  void aModelAndAFeatureInTheHomeGivenWithHomeAreUsed() throws Exception {
    Path home = work.resolve("my-home");
    Path models = Files.createDirectories(home.resolve("models"));
    copyShippedModelAs(models, "my-model", SHIPPED);
    Files.createDirectories(home.resolve("features"));
    // a feature of the user's own that includes a shipped one
    Files.writeString(home.resolve("features/mine.feature"), "include headless\nproperty mirror.test.mine=yes\n");
    Path config = config("my-model");
    Path out = work.resolve("mine.jsonl");

    Result run =
        headless(work, "--home", home.toString(), "--feature", "mine", "--config", config.toString(),
            "--out", out.toString());

    assertEquals(0, run.exit(), run.err());
    JsonNode first = JSON.readTree(Files.readAllLines(out).get(0));
    assertEquals("my-model@3.3.6", first.get("model").asText(), first.toString());
    assertTrue(Files.isRegularFile(home.resolve("README.txt")), "README.txt in --home");
    assertFalse(Files.exists(DistributionRun.userData(work)), "--home replaces the default folder");
  }

  @Test
  void aUserModelWithAShippedIdIsRefusedNamingBothAndTheShippedOneStays() throws Exception {
    Path home = work.resolve("clash-home");
    Path models = Files.createDirectories(home.resolve("models"));
    copyShippedModelAs(models, SHIPPED, SHIPPED);
    Path out = work.resolve("clash.jsonl");

    Result run =
        headless(work, "--home", home.toString(), "--config", config(SHIPPED).toString(), "--out", out.toString());

    assertEquals(0, run.exit(), run.err());
    String all = run.out() + run.err();
    assertTrue(
        all.contains(models.resolve(SHIPPED + ".json") + ": model id '" + SHIPPED + "' is already used by "
            + DistributionRun.DIST.toAbsolutePath().normalize().resolve("models").resolve(SHIPPED + ".json")),
        all);
    JsonNode first = JSON.readTree(Files.readAllLines(out).get(0));
    assertEquals(SHIPPED + "@3.3.6", first.get("model").asText());
  }

  private static Result headless(Path work, String... args) throws IOException, InterruptedException {
    Path photos = Files.createDirectories(work.resolve("photos"));
    Files.copy(DistributionRun.PHOTOS.resolve("sample1.jpg"), photos.resolve("sample1.jpg"),
        StandardCopyOption.REPLACE_EXISTING);
    List<String> all = new java.util.ArrayList<>(List.of("--headless", "--source", photos.toString()));
    all.addAll(List.of(args));
    return DistributionRun.run(work, all.toArray(String[]::new));
  }

  /** A runtime-config folder that selects {@code model}. */
  private Path config(String model) throws IOException {
    Path config = Files.createDirectories(work.resolve("config-" + model));
    Files.writeString(config.resolve("mirror.pipeline.cfg"), "detector=haar\nmodel=" + model + "\nsmoother=ema\n");
    return config;
  }

  /** The shipped model's files under {@code id} (description, ONNX file, golden outputs). */
  private static void copyShippedModelAs(Path models, String id, String shipped) throws IOException {
    Path dist = DistributionRun.DIST.resolve("models");
    ObjectNode description = (ObjectNode) JSON.readTree(dist.resolve(shipped + ".json").toFile());
    description.put("id", id);
    description.put("file", id + ".onnx");
    description.put("golden", id + ".golden.json");
    Files.copy(dist.resolve(shipped + ".onnx"), models.resolve(id + ".onnx"));
    Files.copy(dist.resolve(shipped + ".golden.json"), models.resolve(id + ".golden.json"));
    JSON.writeValue(models.resolve(id + ".json").toFile(), description);
  }
}
